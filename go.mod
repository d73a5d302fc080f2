module github.com/partnerscore/partnerscore

go 1.26

require (
	github.com/hack-pad/safejs v0.1.1
	github.com/invopop/jsonschema v0.13.0
	github.com/syumai/workers v0.33.0
)

require (
	github.com/bahlo/generic-list-go v0.2.0 // indirect
	github.com/buger/jsonparser v1.1.1 // indirect
	github.com/mailru/easyjson v0.7.7 // indirect
	github.com/wk8/go-ordered-map/v2 v2.1.8 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

tool github.com/syumai/workers/cmd/workers-assets-gen

replace github.com/hack-pad/safejs => ./third_party/safejs
