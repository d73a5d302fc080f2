#!/usr/bin/env bash
# PartnerScore build script: one command per job, installing what is missing.
#
#   ./build.sh test    gofmt, go vet (native and js/wasm), Go tests (native and under Node
#                      as js/wasm), the pure-core check, and the JSON Schema tests (ajv)
#   ./build.sh bench   benchmarks with ratios against a baseline measured in the same run
#   ./build.sh serve   runs the product (for now: builds the CLI and shows how to use it)
#   ./build.sh cli     builds bin/partnerscore
#   ./build.sh fuzz    runs the fuzzer for FUZZTIME (default 30s)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export GOFLAGS="${GOFLAGS:--trimpath}"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

say() { printf '\n== %s\n' "$*"; }

need_go() {
	if ! command -v go >/dev/null 2>&1; then
		if [ -x /usr/local/go/bin/go ]; then
			export PATH="/usr/local/go/bin:$PATH"
		else
			echo "build.sh: Go 1.26 is needed (https://go.dev/dl/)" >&2
			exit 1
		fi
	fi
}

need_node() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		say "installing Node.js and npm (Debian)"
		apt_install nodejs npm
	fi
}

apt_install() {
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# npm packages of the JS tests, from the lockfile, when missing or stale.
need_js_deps() {
	need_node
	local dir="$ROOT/tests/js"
	[ -f "$dir/package-lock.json" ] || return 0
	if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		say "installing JS test dependencies (npm ci)"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

wasm_env() {
	export PATH="$(go env GOROOT)/lib/wasm:$PATH"
}

cmd_test() {
	need_go
	say "gofmt"
	local bad
	bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './tests/js/node_modules/*'))
	if [ -n "$bad" ]; then
		echo "gofmt would change:"; echo "$bad"; exit 1
	fi
	say "go vet (native)"
	go vet ./...
	say "go vet (GOOS=js GOARCH=wasm)"
	GOOS=js GOARCH=wasm go vet ./...
	say "score imports only the standard library"
	local nonstd
	nonstd=$(go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./score | grep -v '^github.com/partnerscore/partnerscore/score$' || true)
	if [ -n "$nonstd" ]; then
		echo "score depends on non-standard packages:"; echo "$nonstd"; exit 1
	fi
	say "go test (native)"
	go test ./...
	say "go test ./score under Node (GOOS=js GOARCH=wasm)"
	need_node
	(wasm_env; GOOS=js GOARCH=wasm go test ./score/...)
	if [ -f tests/js/package.json ]; then
		say "JSON Schema tests (ajv, node --test)"
		need_js_deps
		(cd tests/js && node --test)
	fi
	say "all tests passed"
}

# bench prints the figures the issues budget, each with its ratio to a baseline measured in
# the same run (encoding/json doing the same decode and encode by reflection).
cmd_bench() {
	need_go
	local out
	out=$(mktemp)
	say "go test -bench (score, cmd/partnerscore): ${BENCHTIME:-2s} each"
	go test ./score ./cmd/partnerscore -run '^$' -bench . -benchtime "${BENCHTIME:-2s}" -count 1 | tee "$out"
	say "summary"
	awk '
	function v(name, unit,   i) { for (i = 1; i <= n[name]; i++) if (u[name, i] == unit) return x[name, i]; return -1 }
	/^Benchmark/ {
		name = $1; sub(/-[0-9]+$/, "", name); k = 0
		for (i = 3; i < NF; i += 2) { k++; x[name, k] = $i; u[name, k] = $(i + 1) }
		n[name] = k
	}
	END {
		ev = v("BenchmarkEvaluate", "ns/op"); al = v("BenchmarkEvaluate", "allocs/op")
		ei = v("BenchmarkEvaluateInto", "ns/op"); eia = v("BenchmarkEvaluateInto", "allocs/op")
		rt = v("BenchmarkRoundTrip", "ns/op"); base = v("BenchmarkBaselineStdJSON", "ns/op")
		pl = v("BenchmarkEvaluatePlan", "ns/op")
		ps = v("BenchmarkBatch", "profiles/s"); pss = v("BenchmarkBatchSummary", "profiles/s"); psp = v("BenchmarkBatchParallel", "profiles/s")
		printf "six-area evaluation, result reused (EvaluateInto): %7.0f ns, %s allocs  (budget 2000 ns, 10 allocs: %s)\n", ei, eia, (ei <= 2000 && eia <= 10) ? "met" : "NOT met"
		printf "six-area evaluation, new result (Evaluate):        %7.0f ns, %s allocs  (%.1fx the reused one)\n", ev, al, ev / ei
		printf "JSON in, JSON out (parse, evaluate, encode):       %7.0f ns  (baseline encoding/json: %.0f ns, %.2fx faster)\n", rt, base, base / rt
		printf "evaluation with gaps and the exact plan:           %7.0f ns  (%.0fx an evaluation)\n", pl, pl / ev
		printf "batch, one core, full results:                     %7.0f profiles/s  (budget 100000: %s)\n", ps, (ps >= 100000 ? "met" : "NOT met")
		printf "batch, one core, -summary:                         %7.0f profiles/s  (budget 100000: %s; %.2fx full)\n", pss, (pss >= 100000 ? "met" : "NOT met"), pss / ps
		printf "batch, every core (-j GOMAXPROCS), full results:   %7.0f profiles/s  (%.2fx one core)\n", psp, psp / ps
	}' "$out"
	rm -f "$out"
}

cmd_cli() {
	need_go
	mkdir -p bin
	go build -o bin/partnerscore ./cmd/partnerscore
	echo "built bin/partnerscore"
}

cmd_serve() {
	cmd_cli
	cat <<'TXT'

PartnerScore runs as a command-line tool until the simulator and the API land.
Try it:

  bin/partnerscore programs
  bin/partnerscore explain examples/modern-work-enterprise.json
  bin/partnerscore explain -lang fr -plan examples/modern-work-enterprise.json
  bin/partnerscore evaluate examples/modern-work-enterprise.json
  for f in examples/*.json; do tr -d '\n' <"$f"; echo; done | bin/partnerscore batch

TXT
	bin/partnerscore help || true
}

cmd_fuzz() {
	need_go
	go test ./score -run '^$' -fuzz FuzzParseEvaluate -fuzztime "${FUZZTIME:-30s}"
}

case "${1:-}" in
test) cmd_test ;;
bench) cmd_bench ;;
serve) cmd_serve ;;
cli) cmd_cli ;;
fuzz) cmd_fuzz ;;
*)
	sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
