#!/usr/bin/env bash
# PartnerScore build script: one command per job, installing what is missing.
#
#   ./build.sh test    gofmt, go vet (native and js/wasm), Go tests (native and under Node
#                      as js/wasm, the browser engine included), the pure-core check, and
#                      the JSON Schema tests (ajv), the API's Worker under workerd (Miniflare)
#   ./build.sh bench   benchmarks with ratios against a baseline measured in the same run,
#                      the browser wasm's sizes against its budget, and the API (native vs
#                      the Worker under workerd; ./build.sh bench-api runs only that)
#   ./build.sh serve   builds dist/site and serves it on 127.0.0.1 (PORT, default 8080), and
#                      the API beside it (API_PORT, default 8788; API=worker: under wrangler dev)
#   ./build.sh build   writes the deployable static simulator to dist/site
#   ./build.sh cli     builds bin/partnerscore
#   ./build.sh worker  builds the API's Cloudflare Worker into dist/worker (wrangler.jsonc)
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

need_brotli() {
	if ! command -v brotli >/dev/null 2>&1; then
		say "installing brotli (Debian)"
		apt_install brotli
	fi
}

# The browser engine's size budget, brotli -q 11, in bytes (1 KB = 1000 bytes).
WASM_BUDGET=700000

# build_wasm OUT builds the browser engine (wasm/browser) as the site serves it, stamped
# with the checkout's version (the engine's "version" shows it). For its brotli size:
# the tag partnerscore_notime leaves out package time, io/fs and embed with what they bring
# (score.WithClock, score.NewFromFS, schemas.FS: the engine's clock is JavaScript's Date);
# package score is compiled without inlining (WASM_GCFLAGS; the wasm backend makes every
# inlined append and call site expensive; evaluate in the page measured 0-3% slower); and the
# linker's ~40,000 data segments are merged into a few (internal/wasmpack: the same memory
# image, ~60 KB less brotli).
WASM_TAGS="partnerscore_notime"
WASM_GCFLAGS="github.com/partnerscore/partnerscore/score=-l"
build_wasm() {
	local version
	version=$(git describe --tags --always --dirty 2>/dev/null || echo devel)
	GOOS=js GOARCH=wasm go build -trimpath -tags "$WASM_TAGS" -gcflags="$WASM_GCFLAGS" \
		-ldflags="-s -w -X main.moduleVersion=$version" -o "$1" ./wasm/browser
	go run ./internal/cmd/wasmpack -gap 1024 "$1"
}

# check_wasm_deps fails if the browser engine's build imports a package it must do without.
check_wasm_deps() {
	say "the browser engine's build imports neither fmt, reflect, time, io/fs nor net/http"
	local bad
	bad=$(GOOS=js GOARCH=wasm go list -tags "$WASM_TAGS" -deps ./wasm/browser | grep -E '^(fmt|reflect|time|io/fs|embed|os|net/http)$' || true)
	if [ -n "$bad" ]; then
		echo "wasm/browser imports: $bad"; exit 1
	fi
}

cmd_test() {
	need_go
	say "gofmt"
	local bad
	bad=$(gofmt -l $(git ls-files --cached --others --exclude-standard '*.go' 2>/dev/null || find . -name '*.go' -not -path './tests/js/node_modules/*'))
	if [ -n "$bad" ]; then
		echo "gofmt would change:"; echo "$bad"; exit 1
	fi
	say "go vet (native)"
	go vet ./...
	say "go vet (GOOS=js GOARCH=wasm)"
	GOOS=js GOARCH=wasm go vet ./...
	check_wasm_deps
	say "score imports only the standard library"
	local nonstd
	nonstd=$(go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./score | grep -v '^github.com/partnerscore/partnerscore/score$' || true)
	if [ -n "$nonstd" ]; then
		echo "score depends on non-standard packages:"; echo "$nonstd"; exit 1
	fi
	say "go test (native)"
	go test ./...
	say "go test ./score and the browser engine (./wasm/...) under Node (GOOS=js GOARCH=wasm)"
	need_node
	(wasm_env; GOOS=js GOARCH=wasm go test ./score/... ./wasm/...)
	if [ -f tests/js/package.json ]; then
		say "JSON Schema tests (ajv, node --test)"
		need_js_deps
		(cd tests/js && node --test schemas.test.mjs)
		test_api
		say "site: module tests and end-to-end tests in headless Chromium (playwright-core)"
		need_chromium
		cmd_build >/dev/null
		(cd tests/js && PS_REQUIRE_CHROMIUM=1 node --test e2e/modules.test.mjs e2e/simulator.test.mjs e2e/models.test.mjs e2e/history.test.mjs)
		test_embed
	fi
	say "all tests passed"
}

# bench prints the figures the issues budget, each with its ratio to a baseline measured in
# the same run (encoding/json doing the same decode and encode by reflection).
# Debian's Chromium for the end-to-end tests (no browser download: playwright-core drives it).
need_chromium() {
	if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null 2>&1; then
		say "installing Chromium (Debian)"
		apt_install chromium
	fi
}

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
	bench_wasm_size
	say "browser: time to first result and evaluate in the page (headless Chromium)"
	need_js_deps
	need_chromium
	cmd_build >/dev/null
	node tests/js/e2e/bench.mjs
	bench_embed
	bench_api
}

# test_embed runs the embeddable widget's end-to-end tests (tests/js/e2e/embed.test.mjs: a
# hostile host page on another 127.0.0.1 port than the assets, with a strict CSP) against
# dist/site, which must be built.
test_embed() {
	say "embeddable widget: end-to-end tests in headless Chromium (host page and assets on two origins)"
	(cd tests/js && PS_REQUIRE_CHROMIUM=1 node --test e2e/embed-modules.test.mjs e2e/embed.test.mjs e2e/embed-models.test.mjs)
}

# bench_embed prints the widget loader's size (gzip, brotli) against its budget and the time
# from a widget becoming visible to its first result (tests/js/e2e/bench-embed.mjs).
bench_embed() {
	say "embeddable widget: loader size and time from visible to first result (headless Chromium)"
	need_js_deps
	need_chromium
	node tests/js/e2e/bench-embed.mjs
}

# bench_wasm_size prints the browser engine's raw, gzip -9 and brotli -q 11 sizes against
# the budget.
bench_wasm_size() {
	need_brotli
	local wasm raw gz br
	wasm=$(mktemp --suffix=.wasm)
	build_wasm "$wasm"
	raw=$(wc -c <"$wasm")
	gz=$(gzip -9 -c "$wasm" | wc -c)
	br=$(brotli -q 11 -c "$wasm" | wc -c)
	rm -f "$wasm"
	awk -v raw="$raw" -v gz="$gz" -v br="$br" -v budget="$WASM_BUDGET" 'BEGIN {
		printf "browser wasm (wasm/browser, -trimpath -ldflags=-s -w): raw %.0f KB, gzip -9 %.0f KB, brotli -q 11 %.0f KB (%d bytes)  (budget %.0f KB brotli: %s)\n",
			raw / 1000, gz / 1000, br / 1000, br, budget / 1000, (br <= budget ? "met" : "NOT met")
	}'
}

cmd_cli() {
	need_go
	mkdir -p bin
	go build -o bin/partnerscore ./cmd/partnerscore
	echo "built bin/partnerscore"
}

# build writes dist/site: a copy of site/, the engine (partnerscore.wasm), Go's
# wasm_exec.js (the one matching the toolchain), and a .br and a .gz of every text asset and
# of the wasm, which cmd/serve (or any static host that knows them) sends when accepted.
cmd_build() {
	need_go
	need_brotli
	local out="$ROOT/dist/site"
	say "building dist/site"
	rm -rf "$out"
	mkdir -p "$out"
	cp -R site/. "$out/"
	find "$out" -name '*.md' -delete # the module notes are for developers, not served
	build_wasm "$out/partnerscore.wasm"
	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm_exec.js"
	build_embed "$out/embed"
	chmod 644 "$out/partnerscore.wasm" "$out/wasm_exec.js"
	find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.html' \
		-o -name '*.json' -o -name '*.svg' \) -print0 |
		xargs -0 -n 1 -P "$(nproc)" sh -c 'brotli -q 11 -f -o "$1.br" "$1" && gzip -9 -n -k -f "$1"' sh
	local wasm="$out/partnerscore.wasm"
	echo "dist/site: $(find "$out" -type f -not -name '*.br' -not -name '*.gz' | wc -l) files;" \
		"partnerscore.wasm $(($(wc -c <"$wasm") / 1000)) KB, gzip $(($(wc -c <"$wasm.gz") / 1000)) KB," \
		"brotli $(($(wc -c <"$wasm.br") / 1000)) KB (budget $((WASM_BUDGET / 1000)) KB)"
}

# build_embed OUT writes the embeddable widget, bundled and minified by esbuild
# (tests/js/build-embed.mjs), in place of the copy of site/embed: the loader
# (partnerscore-embed.js), the module it imports when a widget comes into view (widget.js: the
# view, the engine loader and the toolchain's wasm_exec.js wrapped so that it assigns no
# global of the page, with only the gojs functions the partnerscore.wasm beside OUT imports)
# and the texts of each language (texts-<lang>.js), with source maps.
build_embed() {
	need_js_deps
	rm -rf "$1"
	node tests/js/build-embed.mjs site "$1" "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$1/../partnerscore.wasm"
}

# serve builds dist/site and serves it with cmd/serve on 127.0.0.1:$PORT (default 8080).
cmd_serve() {
	cmd_build
	cmd_cli >/dev/null
	go build -o bin/serve ./cmd/serve
	echo "also built: bin/partnerscore (the CLI; try bin/partnerscore explain examples/modern-work-enterprise.json)"
	serve_api
	bin/serve -addr "127.0.0.1:${PORT:-8080}" -dir dist/site
}

# serve_api starts the HTTP API beside the site, on 127.0.0.1:$API_PORT (default 8788), in
# the background until build.sh exits: natively (cmd/api), or under workerd with
# API=worker (wrangler dev, the Worker of dist/worker). The site's origin may call it (CORS).
serve_api() {
	local port="${API_PORT:-8788}" site="http://127.0.0.1:${PORT:-8080}"
	if [ "${API:-native}" = worker ]; then
		need_js_deps
		cmd_worker >/dev/null
		wrangler_env
		tests/js/node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "$port" \
			--var "ALLOWED_ORIGINS:$site,http://localhost:${PORT:-8080}" >/dev/null 2>&1 &
	else
		go build -o bin/api ./cmd/api
		bin/api -port "$port" -origins "$site,http://localhost:${PORT:-8080}" >/dev/null &
	fi
	API_PID=$!
	trap 'kill "$API_PID" 2>/dev/null || true' EXIT INT TERM
	wait_http "http://127.0.0.1:$port/healthz" || { echo "the API did not start" >&2; exit 1; }
	echo "API (${API:-native}) on http://127.0.0.1:$port/  (try: curl http://127.0.0.1:$port/v1/programs)"
	echo "site on http://127.0.0.1:${PORT:-8080}/"
}

# wait_http URL waits up to 30 s for URL to answer.
wait_http() {
	local i
	for i in $(seq 1 150); do
		if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
		sleep 0.2
	done
	return 1
}

# wrangler_env keeps wrangler offline and quiet (no metrics, no cf.json, no update check).
wrangler_env() {
	export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true
}

# free_port prints a free TCP port on 127.0.0.1.
free_port() {
	node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# test_api runs the API's tests under workerd: the Worker (dist/worker) in Miniflare with the
# vectors the native handler passes in go test (api/testdata/vectors.json), and checks that
# wrangler deploy --dry-run builds the upload offline.
test_api() {
	say "API: the Worker under workerd (Miniflare), same vectors as go test ./api; wrangler deploy --dry-run"
	need_js_deps
	cmd_worker
	cmd_cli >/dev/null
	(cd tests/js && PARTNERSCORE_CLI="$ROOT/bin/partnerscore" node --test worker.test.mjs)
	worker_dry_run >/dev/null
}

# worker_dry_run bundles the Worker as wrangler deploy would (offline, into
# dist/worker-bundle) and prints wrangler's size line.
worker_dry_run() {
	wrangler_env
	rm -rf dist/worker-bundle
	tests/js/node_modules/.bin/wrangler deploy --dry-run --outdir dist/worker-bundle 2>&1 | grep -E 'Total Upload' | sed 's/^ *//'
}

# worker writes dist/worker, the API's Worker: syumai/workers' workers-assets-gen (its
# patched wasm_exec.js and runtime.mjs), then the Go program (app.wasm, wasm/worker) and the
# Worker module (entry.mjs, one warm Go program per isolate). wrangler.jsonc points at it.
cmd_worker() {
	need_go
	local out="$ROOT/dist/worker" version
	version=$(git describe --tags --always --dirty 2>/dev/null || echo devel)
	say "building dist/worker"
	go tool workers-assets-gen -mode=go -o "$out"
	rm -f "$out/worker.mjs" # syumai's module (a new Go program per request): entry.mjs replaces it
	# The same size measures as the browser engine: score compiled without inlining, the
	# linker's data segments merged (see build_wasm).
	GOOS=js GOARCH=wasm go build -trimpath -gcflags="$WASM_GCFLAGS" -ldflags="-s -w -X main.moduleVersion=$version" -o "$out/app.wasm" ./wasm/worker
	go run ./internal/cmd/wasmpack -gap 1024 "$out/app.wasm"
	cp wasm/worker/entry.mjs "$out/entry.mjs"
	echo "dist/worker: app.wasm $(($(wc -c <"$out/app.wasm") / 1000)) KB"
}

need_wrk() {
	if ! command -v wrk >/dev/null 2>&1; then
		say "installing wrk (Debian)"
		apt_install wrk
	fi
}

# bench_api measures the API in one run: POST /v1/evaluate (the Modern Work example, a
# ~20 KB result) with wrk on loopback at 1 and 16 connections, for the native handler
# (cmd/api) and for the Worker under workerd (the bundle wrangler deploy --dry-run writes,
# served by `workerd serve`, without wrangler dev's proxy in front), with their ratio and
# the budgets; then workerd's RSS after 100,000 more requests and after 100,000 again;
# the worker wasm's sizes; and, for comparison, syumai/workers' own streaming bridge kept
# warm (BRIDGE=syumai). BENCH_SECONDS (default 10) per wrk run; MEM_REQUESTS (100000).
bench_api() {
	need_go
	need_js_deps
	need_wrk
	need_brotli
	local secs="${BENCH_SECONDS:-10}" memreq="${MEM_REQUESTS:-100000}" tmp
	tmp=$(mktemp -d)
	say "API: native handler vs the Worker under workerd (wrk, loopback, ${secs}s per run; load: $(cut -d' ' -f1-3 /proc/loadavg))"
	cmd_worker >/dev/null
	local upload
	upload=$(worker_dry_run)
	go build -o "$tmp/api" ./cmd/api
	{
		echo 'wrk.method = "POST"'
		echo 'wrk.headers["Content-Type"] = "application/json"'
		printf 'wrk.body = [==[%s]==]\n' "$(cat examples/modern-work-enterprise.json)"
	} >"$tmp/post.lua"
	# workerd config: the deploy bundle, its wasm, the variables.
	local wasmname entry port_w port_s port_n pids=()
	wasmname=$(cd dist/worker-bundle && ls *.wasm)
	entry=$(cd dist/worker-bundle && ls *.js | head -1)
	port_w=$(free_port); port_s=$(free_port); port_n=$(free_port)
	for v in lean:$port_w syumai:$port_s; do
		cat >"dist/worker-bundle/${v%%:*}.capnp" <<CAPNP
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .w) ],
  sockets = [ (name = "http", address = "127.0.0.1:${v##*:}", http = (), service = "main") ],
);
const w :Workerd.Worker = (
  modules = [ (name = "$entry", esModule = embed "$entry"), (name = "$wasmname", wasm = embed "$wasmname") ],
  compatibilityDate = "2026-04-01",
  bindings = [ (name = "ALLOWED_ORIGINS", text = ""), (name = "BRIDGE", text = "${v%%:*}") ],
);
CAPNP
	done
	local workerd=tests/js/node_modules/@cloudflare/workerd-linux-64/bin/workerd
	[ -x "$workerd" ] || workerd=$(find tests/js/node_modules -path '*bin/workerd' -type f | head -1)
	"$workerd" serve dist/worker-bundle/lean.capnp >"$tmp/workerd.log" 2>&1 &
	local wpid=$!
	"$workerd" serve dist/worker-bundle/syumai.capnp >"$tmp/workerd-syumai.log" 2>&1 &
	local spid=$!
	"$tmp/api" -port "$port_n" >/dev/null &
	local npid=$!
	trap 'kill $wpid $spid $npid 2>/dev/null || true' RETURN
	wait_http "http://127.0.0.1:$port_w/healthz" && wait_http "http://127.0.0.1:$port_s/healthz" &&
		wait_http "http://127.0.0.1:$port_n/healthz" || { echo "a server did not start" >&2; cat "$tmp"/*.log >&2; return 1; }
	# run NAME URL CONNECTIONS SECONDS [PATH]: one wrk run (POST /v1/evaluate, or GET PATH),
	# its figures on one line in $tmp/results.
	run() {
		local out
		if [ -n "${5:-}" ]; then
			out=$(wrk -t"$(($3 < 2 ? 1 : 2))" -c"$3" -d"$4"s --latency "$2$5")
		else
			out=$(wrk -t"$(($3 < 2 ? 1 : 2))" -c"$3" -d"$4"s --latency -s "$tmp/post.lua" "$2/v1/evaluate")
		fi
		echo "$out" | awk -v name="$1" -v c="$3" '
			function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
			/ 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
			/requests in/ { n = $1 } /Non-2xx/ { non2xx = $NF } /Socket errors/ { err = $0 }
			END { gsub(/ /, "", err); sub(/Socketerrors:/, "", err); printf "%s c%d %.0f %.3f %.3f %d %d %s\n", name, c, rps, p50, p99, n, non2xx + 0, (err == "" ? "0" : err) }' >>"$tmp/results"
	}
	# Warm both up, then measure in turn.
	wrk -t1 -c4 -d2s -s "$tmp/post.lua" "http://127.0.0.1:$port_w/v1/evaluate" >/dev/null
	wrk -t1 -c4 -d2s -s "$tmp/post.lua" "http://127.0.0.1:$port_n/v1/evaluate" >/dev/null
	: >"$tmp/results"
	run native "http://127.0.0.1:$port_n" 1 "$secs"
	run worker "http://127.0.0.1:$port_w" 1 "$secs"
	run native "http://127.0.0.1:$port_n" 16 "$secs"
	run worker "http://127.0.0.1:$port_w" 16 "$secs"
	# For reading the tail: the same Worker answering GET /healthz (no evaluation: workerd,
	# the bridge and the machine's load only), and syumai's streaming bridge kept warm.
	run worker-GET-healthz "http://127.0.0.1:$port_w" 16 "$(((secs + 1) / 2))" /healthz
	run worker-syumai-bridge "http://127.0.0.1:$port_s" 16 "$(((secs + 1) / 2))"
	awk '
	{ rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; n[$1, $2] = $6; bad[$1, $2] = $7; err[$1, $2] = $8
	  printf "%-22s %-4s %9.0f req/s  p50 %8.3f ms  p99 %8.3f ms  (%d requests, %d non-2xx, socket errors: %s)\n", $1, $2, $3, $4, $5, $6, $7, ($8 == "0" ? "none" : $8) }
	END {
		for (c = 1; c <= 16; c += 15) printf "worker / native at %2d connection(s): %.1f%%\n", c, 100 * rps["worker", "c" c] / rps["native", "c" c]
		r = rps["worker", "c16"] / rps["native", "c16"]; q = p99["worker", "c16"]
		printf "budget: worker throughput >= 10%% of native at 16 connections: %.1f%%: %s\n", 100 * r, (r >= 0.10 ? "met" : "NOT met")
		printf "budget: worker p99 <= 20 ms at 16 connections: %.1f ms: %s\n", q, (q <= 20 ? "met" : "NOT met")
		ok = 1; for (k in bad) if (k !~ /syumai|healthz/ && (bad[k] != 0 || err[k] != "0")) ok = 0
		printf "0 errors and 0 non-2xx in the native and worker runs: %s\n", (ok ? "yes" : "NO")
		printf "the lean bridge vs syumai/workers streaming bridge (both warm) at 16 connections: %.1fx\n", rps["worker", "c16"] / rps["worker-syumai-bridge", "c16"]
	}' "$tmp/results"
	# Memory: workerd's RSS now, after $memreq more requests, and after $memreq again.
	local rss0 rss1 rss2
	rss0=$(ps -o rss= -p "$wpid")
	# hammer N: at least N requests at 16 connections, in 5-second wrk runs; prints how
	# many were made and how many failed (non-2xx or socket errors).
	hammer() {
		local total=0 failed=0 out
		while [ "$total" -lt "$1" ]; do
			out=$(wrk -t2 -c16 -d5s -s "$tmp/post.lua" "http://127.0.0.1:$port_w/v1/evaluate")
			total=$((total + $(echo "$out" | awk '/requests in/ { print $1 }')))
			failed=$((failed + $(echo "$out" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { n += 1 } END { print n + 0 }')))
		done
		echo "$total $failed"
	}
	local m1 m2
	m1=$(hammer "$memreq")
	rss1=$(ps -o rss= -p "$wpid")
	m2=$(hammer "$memreq")
	rss2=$(ps -o rss= -p "$wpid")
	local bad=$((${m1#* } + ${m2#* }))
	awk -v a="$rss0" -v b="$rss1" -v c="$rss2" -v n1="${m1% *}" -v n2="${m2% *}" -v bad="$bad" 'BEGIN {
		printf "workerd RSS: %.1f MB after the runs above, %.1f MB after %d more requests, %.1f MB after %d more (growth over the second run: %+.1f MB, %+.1f%%: %s); non-2xx or socket errors: %s\n",
			a / 1024, b / 1024, n1, c / 1024, n2, (c - b) / 1024, 100 * (c - b) / b, ((c - b) / b <= 0.05 ? "no growth beyond noise" : "GROWING"), (bad == 0 ? "none" : bad)
	}'
	local raw gz br
	raw=$(wc -c <dist/worker/app.wasm)
	gz=$(gzip -9 -c dist/worker/app.wasm | wc -c)
	br=$(brotli -q 11 -c dist/worker/app.wasm | wc -c)
	awk -v raw="$raw" -v gz="$gz" -v br="$br" 'BEGIN {
		printf "worker wasm (wasm/worker): raw %.0f KB, gzip -9 %.0f KB, brotli -q 11 %.0f KB (budget 1500 KB brotli: %s)\n", raw / 1000, gz / 1000, br / 1000, (br <= 1500000 ? "met" : "NOT met")
	}'
	echo "wrangler deploy --dry-run (offline): $upload"
	rm -rf "$tmp"
}

cmd_fuzz() {
	need_go
	go test ./score -run '^$' -fuzz FuzzParseEvaluate -fuzztime "${FUZZTIME:-30s}"
}

case "${1:-}" in
test) cmd_test ;;
bench) cmd_bench ;;
serve) cmd_serve ;;
build) cmd_build ;;
cli) cmd_cli ;;
worker) cmd_worker ;;
bench-api) bench_api ;;
fuzz) cmd_fuzz ;;
*)
	sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
