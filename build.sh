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
#   ./build.sh fuzz    runs each fuzzer for FUZZTIME (default 30s)
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

# need_gcc installs the C compiler that go test -race needs (cgo).
need_gcc() {
	if ! command -v gcc >/dev/null 2>&1; then
		say "installing gcc (Debian), for go test -race"
		apt_install gcc libc6-dev
	fi
}

need_brotli() {
	if ! command -v brotli >/dev/null 2>&1; then
		say "installing brotli (Debian)"
		apt_install brotli
	fi
}

# need_zopfli installs zopfli, which writes the .gz of dist/site's text assets: gzip files
# any client inflates, 2-3% smaller than gzip -9's.
need_zopfli() {
	if ! command -v zopfli >/dev/null 2>&1; then
		say "installing zopfli (Debian)"
		apt_install zopfli
	fi
}

# build_stamp prints the checkout's version, which every build shows (the browser engine's
# "version", /healthz of the Worker and of the native API).
build_stamp() {
	git describe --tags --always --dirty 2>/dev/null || echo devel
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
	version=$(build_stamp)
	GOOS=js GOARCH=wasm go build -trimpath -tags "$WASM_TAGS" -gcflags="$WASM_GCFLAGS" \
		-ldflags="-s -w -X main.moduleVersion=$version" -o "$1" ./wasm/browser
	go run ./internal/cmd/wasmpack -gap 1024 "$1"
}

# check_wasm_deps fails if the browser engine's build imports a package it must do without.
check_wasm_deps() {
	say "the browser engine's build imports neither fmt, reflect, time, io/fs, os, syscall nor net/http"
	local bad
	bad=$(GOOS=js GOARCH=wasm go list -tags "$WASM_TAGS" -deps ./wasm/browser | grep -E '^(fmt|reflect|time|io/fs|embed|os|syscall|net/http)$' || true)
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
	# A version's JSON fragments are written by whichever evaluation comes first (score's
	# compiled.fragments): the race detector checks the concurrent first evaluations.
	say "go test -race: concurrent first evaluations (score)"
	need_gcc
	CGO_ENABLED=1 go test -race -run 'TestFirstEvaluationsConcurrent' ./score
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
		(cd tests/js && PS_REQUIRE_CHROMIUM=1 node --test e2e/modules.test.mjs e2e/engine.test.mjs e2e/simulator.test.mjs e2e/layout.test.mjs e2e/models.test.mjs e2e/history.test.mjs)
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

# build writes dist/site: a copy of site/ whose page loads its modules bundled into one
# (js/app.js, by esbuild: tests/js/build-site.mjs), the engine (partnerscore.wasm), Go's
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
	need_js_deps
	node tests/js/build-site.mjs site "$out" # the page's modules in one (js/app.js)
	build_embed "$out/embed"
	chmod 644 "$out/partnerscore.wasm" "$out/wasm_exec.js"
	# The .gz of the text assets by zopfli (widget.js: 9,678 bytes against gzip -9's 9,866);
	# of the wasm by gzip -9, as zopfli takes 16 s over it for 5% (every browser takes brotli).
	need_zopfli
	find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.html' \
		-o -name '*.json' -o -name '*.svg' \) -print0 |
		xargs -0 -n 1 -P "$(nproc)" sh -c 'brotli -q 11 -f -o "$1.br" "$1" &&
			case "$1" in *.wasm) gzip -9 -n -k -f "$1" ;; *) zopfli "$1" ;; esac' sh
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
		go build -ldflags="-X main.moduleVersion=$(build_stamp)" -o bin/api ./cmd/api
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
	(cd tests/js && PARTNERSCORE_CLI="$ROOT/bin/partnerscore" node --test worker.test.mjs worker-bridge.test.mjs)
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
	local out="$ROOT/dist/worker"
	say "building dist/worker"
	go tool workers-assets-gen -mode=go -o "$out"
	rm -f "$out/worker.mjs" # syumai's module (a new Go program per request): entry.mjs replaces it
	build_worker_wasm "$out/app.wasm"
	cp wasm/worker/entry.mjs "$out/entry.mjs"
	echo "dist/worker: app.wasm $(($(wc -c <"$out/app.wasm") / 1000)) KB"
}

# build_worker_wasm OUT [TAGS] builds the Worker's Go program (wasm/worker) into OUT with
# the same size measures as the browser engine (see build_wasm): score compiled without
# inlining, the linker's data segments merged (internal/wasmpack). TAGS "bench" adds what
# ./build.sh bench-api measures besides the deployed build (wasm/worker/bench.go).
build_worker_wasm() {
	local version
	version=$(build_stamp)
	GOOS=js GOARCH=wasm go build -trimpath -tags "${2:-}" -gcflags="$WASM_GCFLAGS" \
		-ldflags="-s -w -X main.moduleVersion=$version" -o "$1" ./wasm/worker
	go run ./internal/cmd/wasmpack -gap 1024 "$1"
}

need_wrk() {
	if ! command -v wrk >/dev/null 2>&1; then
		say "installing wrk (Debian)"
		apt_install wrk
	fi
}

# bench_api measures the API in one run, on loopback: POST /v1/evaluate (the Modern Work
# example, a ~20 KB result) at 1 and 16 connections for the native handler (cmd/api), the
# Worker under workerd (the bundle wrangler deploy --dry-run writes, served by `workerd
# serve`, without wrangler dev's proxy in front), and the floor: a pure-JavaScript Worker of
# the same entry shape, no Go (tests/js/bench/floor-worker.mjs), which shows what workerd and
# the machine's load cost alone, and the same floor burning about the Worker's CPU per
# request in plain JavaScript ("same CPU": what that much work per request costs in latency
# on this machine, whatever the language). For comparison, the Worker built with -tags bench (its
# stats hook gives the Go GC cycles per 1000 requests) through the same exported functions,
# its previous bridge (a js.FuncOf, BRIDGE=funcof) and syumai/workers' streaming bridge
# (BRIDGE=syumai). Each row is one cmd/loadgen run: every request's latency (p50, p99, max)
# and the same latencies corrected for coordinated omission as wrk 4 prints them ("wrk
# p99"); the 16-connection rows of the three main servers also get a wrk run (wrk -t1: one
# client thread, which leaves a core to the server). Beside each row: the server's CPU per
# request and the time its threads were ready to run but waited for a CPU (the machine's
# load), as a share of the run. Then the ratios and the budgets; workerd's RSS after 100,000
# more requests and after 100,000 again; the worker wasm's sizes. BENCH_SECONDS (default
# 10) per run; MEM_REQUESTS (100000).
bench_api() {
	need_go
	need_js_deps
	need_wrk
	need_brotli
	local secs="${BENCH_SECONDS:-10}" memreq="${MEM_REQUESTS:-100000}" tmp
	tmp=$(mktemp -d)
	say "API: native handler vs the Worker under workerd (loopback, ${secs}s per run; load: $(cut -d' ' -f1-3 /proc/loadavg))"
	cmd_worker >/dev/null
	local upload
	upload=$(worker_dry_run)
	go build -o "$tmp/api" ./cmd/api
	go build -o "$tmp/loadgen" ./cmd/loadgen
	{
		echo 'wrk.method = "POST"'
		echo 'wrk.headers["Content-Type"] = "application/json"'
		printf 'wrk.body = [==[%s]==]\n' "$(cat examples/modern-work-enterprise.json)"
	} >"$tmp/post.lua"
	# workerd configs, one process each: the deploy bundle (entry and wasm) for the Worker;
	# the same entry with the wasm built with -tags bench (the js.FuncOf and syumai bridges,
	# the stats hook) for the comparisons and the GC counts; the floor Worker.
	local wasmname entry workerd bench="$tmp/bench"
	wasmname=$(cd dist/worker-bundle && ls *.wasm)
	entry=$(cd dist/worker-bundle && ls *.js | head -1)
	mkdir -p "$bench"
	cp "dist/worker-bundle/$entry" tests/js/bench/floor-worker.mjs "$bench/"
	build_worker_wasm "$bench/$wasmname" bench
	workerd=tests/js/node_modules/@cloudflare/workerd-linux-64/bin/workerd
	[ -x "$workerd" ] || workerd=$(find tests/js/node_modules -path '*bin/workerd' -type f | head -1)
	declare -A port pid
	local name dir bridge modules
	for name in worker gc funcof syumai floor; do
		port[$name]=$(free_port)
		dir=$bench bridge=$name
		modules="(name = \"$entry\", esModule = embed \"$entry\"), (name = \"$wasmname\", wasm = embed \"$wasmname\")"
		case $name in
		worker) dir=$ROOT/dist/worker-bundle bridge=export ;;
		gc) bridge=export ;;
		floor) modules='(name = "floor-worker.mjs", esModule = embed "floor-worker.mjs")' ;;
		esac
		cat >"$dir/$name.capnp" <<CAPNP
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .w) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port[$name]}", http = (), service = "main") ],
);
const w :Workerd.Worker = (
  modules = [ $modules ],
  compatibilityDate = "2026-04-01",
  bindings = [ (name = "ALLOWED_ORIGINS", text = ""), (name = "BRIDGE", text = "$bridge"), (name = "PARTNERSCORE_TEST_HOOKS", text = "1") ],
);
CAPNP
		"$workerd" serve "$dir/$name.capnp" >"$tmp/workerd-$name.log" 2>&1 &
		pid[$name]=$!
	done
	port[native]=$(free_port)
	"$tmp/api" -port "${port[native]}" >/dev/null &
	pid[native]=$!
	trap 'kill ${pid[*]} 2>/dev/null || true' RETURN
	for name in native worker gc funcof syumai floor; do
		wait_http "http://127.0.0.1:${port[$name]}/healthz" || { echo "$name did not start" >&2; cat "$tmp"/*.log >&2; return 1; }
	done
	local tick
	tick=$(getconf CLK_TCK)
	# gcs NAME: the Worker's Go GC cycles so far (its stats test hook), or -1.
	gcs() {
		case $1 in gc | funcof) ;; *) echo -1; return ;; esac
		curl -fsS -H 'X-PartnerScore-Test: stats' "http://127.0.0.1:${port[$1]}/healthz" | sed -n 's/.*"numGC":\([0-9]*\).*/\1/p'
	}
	# cpu PID: utime+stime in ticks; waited PID: run-queue wait of all its threads in ns.
	cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
	waited() { cat /proc/"$1"/task/*/schedstat | awk '{ s += $2 } END { printf "%.0f", s }'; }
	# run NAME CONNECTIONS SECONDS [PATH]: one loadgen run (POST /v1/evaluate, or GET PATH),
	# its figures on one line of $tmp/results, or of the file RESULTS, as row NAME, or ROW;
	# HEADER: a request header (k:v) to send.
	run() {
		local p=${pid[$1]} c0 w0 g0 out args=(-body examples/modern-work-enterprise.json)
		[ -n "${4:-}" ] && args=()
		[ -n "${HEADER:-}" ] && args+=(-header "$HEADER")
		c0=$(cpu "$p"); w0=$(waited "$p"); g0=$(gcs "$1")
		out=$("$tmp/loadgen" -url "http://127.0.0.1:${port[$1]}${4:-/v1/evaluate}" -c "$2" -d "$3s" "${args[@]}")
		echo "${ROW:-$1}${4:+-GET-${4#/}} c$2 $out cpu=$(($(cpu "$p") - c0)) waited=$(($(waited "$p") - w0)) gc0=$g0 gc1=$(gcs "$1") secs=$3 tick=$tick" >>"${RESULTS:-$tmp/results}"
	}
	# cpums ROW: the CPU milliseconds per request of ROW's line on standard input.
	cpums() {
		awk -v row="$1" '$1 " " $2 == row { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%.6f\n", 1000 * v["cpu"] / v["tick"] / (v["requests"] > 0 ? v["requests"] : 1) }'
	}
	# wrkrun NAME: wrk -t1 -c16 on POST /v1/evaluate; wrk's own p50 and p99.
	wrkrun() {
		wrk -t1 -c16 -d"$secs"s --latency -s "$tmp/post.lua" "http://127.0.0.1:${port[$1]}/v1/evaluate" | awk -v name="$1" '
			function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
			/ 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad += $NF }
			# "Socket errors: connect A, read B, write C, timeout D": a timeout is an answer
			# slower than wrk'\''s 2 s, counted apart from the failures.
			/Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8; slow += $10 }
			END { printf "%s wrk_rps=%.0f wrk_own_p50=%.3f wrk_own_p99=%.3f wrk_bad=%d wrk_slow=%d\n", name, rps, p50, p99, bad, slow }' >>"$tmp/wrk"
	}
	# Warm every server up, then measure in turn.
	for name in native worker gc funcof syumai floor; do
		"$tmp/loadgen" -url "http://127.0.0.1:${port[$name]}/v1/evaluate" -body examples/modern-work-enterprise.json -c 4 -d 2s >/dev/null
	done
	: >"$tmp/results"
	: >"$tmp/wrk"
	for c in 1 16; do
		for name in native worker floor funcof; do run "$name" "$c" "$secs"; done
	done
	for name in native worker floor; do wrkrun "$name"; done
	# The floor burning about the Worker's CPU per request (square roots, its X-Burn header):
	# calibrated on a short run burning 100,000, then measured like the others.
	local wcpu fcpu bcpu burn
	wcpu=$(cpums "worker c16" <"$tmp/results")
	fcpu=$(cpums "floor c16" <"$tmp/results")
	ROW=calibrate HEADER=X-Burn:100000 RESULTS="$tmp/calibrate" run floor 16 3
	bcpu=$(cpums "calibrate c16" <"$tmp/calibrate")
	burn=$(awk -v w="$wcpu" -v f="$fcpu" -v b="$bcpu" 'BEGIN { n = (b > f ? 100000 * (w - f) / (b - f) : 0); printf "%d", (n > 0 ? n : 0) }')
	ROW=burn HEADER="X-Burn:$burn" run floor 16 "$secs"
	# For reading the tail: the Worker answering GET /healthz (no evaluation), and syumai's
	# streaming bridge kept warm.
	run gc 16 "$(((secs + 1) / 2))"
	run gc 16 "$(((secs + 1) / 2))" /healthz
	run syumai 16 "$(((secs + 1) / 2))"
	awk '
	function kv(s, k,   i, n, a) { n = split(s, a, " "); for (i = 1; i <= n; i++) if (index(a[i], k "=") == 1) return substr(a[i], length(k) + 2); return "" }
	FNR == NR { wrk[$1] = $0; next }
	{
		key = $1 " " $2; rows[++nrows] = key
		rps[key] = kv($0, "rps"); p50[key] = kv($0, "p50"); p99[key] = kv($0, "p99"); max[key] = kv($0, "max"); wp99[key] = kv($0, "wrk_p99")
		n = kv($0, "requests"); err[key] = kv($0, "errors"); secs = kv($0, "secs")
		cpums[key] = 1000 * kv($0, "cpu") / kv($0, "tick") / (n > 0 ? n : 1)
		wait[key] = 100 * kv($0, "waited") / 1e9 / secs
		g0 = kv($0, "gc0"); g1 = kv($0, "gc1"); gc[key] = (g0 >= 0 && g1 != "" ? sprintf("%.2f", 1000 * (g1 - g0) / (n > 0 ? n : 1)) : "-")
	}
	END {
		label["native"] = "native (cmd/api)"; label["worker"] = "Worker (workerd)"; label["floor"] = "floor: JS Worker, no Go"; label["burn"] = "JS Worker, same CPU"
		label["funcof"] = "Worker, js.FuncOf bridge"; label["syumai"] = "Worker, syumai bridge"
		label["gc"] = "Worker, -tags bench build"; label["gc-GET-healthz"] = "  the same, GET /healthz"
		printf "%-26s %-4s %9s %9s %9s %9s %11s %11s %9s %8s %s\n", "", "", "req/s", "p50 ms", "p99 ms", "max ms", "wrk p99 ms", "CPU ms/req", "waited", "GC/1000", "errors"
		for (i = 1; i <= nrows; i++) {
			k = rows[i]; split(k, kk, " ")
			printf "%-26s %-4s %9.0f %9.3f %9.3f %9.1f %11.3f %11.3f %8.0f%% %8s %s\n", label[kk[1]], kk[2], rps[k], p50[k], p99[k], max[k], wp99[k], cpums[k], wait[k], gc[k], err[k]
		}
		print "(p50, p99, max: every request; wrk p99: the same run corrected for coordinated omission as wrk 4 does;"
		print " waited: the time the server'\''s threads were ready but waited for a CPU, as a share of the run)"
		for (name in wrk)
			printf "wrk -t1 -c16 %-8s %s req/s, p50 %s ms, p99 %s ms (wrk'\''s own figures, corrected for coordinated omission)%s\n", name ":", kv(wrk[name], "wrk_rps"), kv(wrk[name], "wrk_own_p50"), kv(wrk[name], "wrk_own_p99"), (kv(wrk[name], "wrk_bad") > 0 ? ", " kv(wrk[name], "wrk_bad") " errors" : "") (kv(wrk[name], "wrk_slow") > 0 ? ", " kv(wrk[name], "wrk_slow") " answers slower than 2 s (wrk'\''s timeout)" : "")
		for (c = 1; c <= 16; c += 15) {
			w = "worker c" c; nk = "native c" c
			printf "worker / native at %2d connection(s): throughput %.1f%%, p50 %.1fx, p99 %.1fx\n", c, 100 * rps[w] / rps[nk], p50[w] / p50[nk], p99[w] / p99[nk]
		}
		r = rps["worker c16"] / rps["native c16"]; q = p99["worker c16"] + 0; qw = wp99["worker c16"] + 0; f = p99["floor c16"] + 0; fw = wp99["floor c16"] + 0
		printf "budget: worker throughput >= 10%% of native at 16 connections: %.1f%%: %s\n", 100 * r, (r >= 0.10 ? "met" : "NOT met")
		printf "budget: worker p99 <= 20 ms at 16 connections, every request: %.1f ms: %s (floor, the JS Worker without Go: %.1f ms; a JS Worker burning about the Worker'\''s CPU per request, %.3f ms, without Go: %.1f ms)\n", q, (q <= 20 ? "met" : "NOT met"), f, cpums["burn c16"], p99["burn c16"] + 0
		printf "        the same as wrk reads it (corrected for coordinated omission): %.1f ms: %s (floor: %.1f ms%s)\n", qw, (qw <= 20 ? "met" : "NOT met"), fw, (fw > 20 ? ": the machine alone is over budget" : "")
		# The rows of the deployed code (native, worker, and its -tags bench build gc) decide; the
		# errors of the comparison rows are listed apart.
		ok = 1; other = ""
		for (k in err) if (err[k] + 0 != 0) { if (k ~ /^(native|worker|gc)[ -]/) ok = 0; else other = other " " k ": " err[k] }
		for (name in wrk) if (kv(wrk[name], "wrk_bad") + 0 > 0) ok = 0
		printf "0 errors and 0 non-2xx in the native and worker runs: %s%s\n", (ok ? "yes" : "NO"), (other != "" ? " (comparison rows with errors:" other ")" : "")
		printf "the go:wasmexport bridge vs the js.FuncOf bridge at 16 connections: %.2fx the throughput, %.3f vs %.3f ms CPU per request, p99 %.1f vs %.1f ms\n", rps["worker c16"] / rps["funcof c16"], cpums["worker c16"], cpums["funcof c16"], p99["worker c16"], p99["funcof c16"]
		printf "the go:wasmexport bridge vs syumai/workers streaming bridge (both warm) at 16 connections: %.1fx\n", rps["worker c16"] / rps["syumai c16"]
	}' "$tmp/wrk" "$tmp/results"
	# A row with errors: the end of its server's log.
	local bad
	for bad in $(awk '{ for (i = 3; i <= NF; i++) if ($i ~ /^errors=[1-9]/) print $1 }' "$tmp/results" | sed 's/-GET-.*//; s/^burn$/floor/' | sort -u); do
		if [ -s "$tmp/workerd-$bad.log" ]; then
			echo "the end of $bad's log (a row of it had errors):"
			tail -n 12 "$tmp/workerd-$bad.log" | sed 's/^/  /'
		fi
	done
	# Memory: workerd's RSS now, after $memreq more requests, and after $memreq again.
	local wpid=${pid[worker]} port_w=${port[worker]} rss0 rss1 rss2
	rss0=$(ps -o rss= -p "$wpid")
	# hammer N: at least N requests at 16 connections, in 5-second wrk runs; prints how
	# many, how many failed (non-2xx, connect, read or write errors) and how many answers took
	# longer than wrk's 2 s timeout.
	hammer() {
		local total=0 failed=0 slow=0 out
		while [ "$total" -lt "$1" ]; do
			out=$(wrk -t1 -c16 -d5s -s "$tmp/post.lua" "http://127.0.0.1:$port_w/v1/evaluate")
			total=$((total + $(echo "$out" | awk '/requests in/ { print $1 }')))
			failed=$((failed + $(echo "$out" | awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 } END { print n + 0 }')))
			slow=$((slow + $(echo "$out" | awk '/Socket errors/ { gsub(/,/, ""); n += $10 } END { print n + 0 }')))
		done
		echo "$total $failed $slow"
	}
	local m1 m2
	m1=$(hammer "$memreq")
	rss1=$(ps -o rss= -p "$wpid")
	m2=$(hammer "$memreq")
	rss2=$(ps -o rss= -p "$wpid")
	local -a h1 h2
	read -ra h1 <<<"$m1"
	read -ra h2 <<<"$m2"
	awk -v a="$rss0" -v b="$rss1" -v c="$rss2" -v n1="${h1[0]}" -v n2="${h2[0]}" -v bad="$((h1[1] + h2[1]))" -v slow="$((h1[2] + h2[2]))" 'BEGIN {
		printf "workerd RSS: %.1f MB after the runs above, %.1f MB after %d more requests, %.1f MB after %d more (growth over the second run: %+.1f MB, %+.1f%%: %s); non-2xx or socket errors: %s%s\n",
			a / 1024, b / 1024, n1, c / 1024, n2, (c - b) / 1024, 100 * (c - b) / b, ((c - b) / b <= 0.05 ? "no growth beyond noise" : "GROWING"), (bad == 0 ? "none" : bad),
			(slow > 0 ? "; answers slower than wrk'\''s 2 s timeout: " slow : "")
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

# fuzz runs each fuzzer in turn (go test fuzzes one target at a time): profiles through the
# parser and the engine, rule data through its decoder, requests through the API's handler.
cmd_fuzz() {
	need_go
	local target
	for target in ./score:FuzzParseEvaluate ./score:FuzzDataDecode ./api:FuzzHandler; do
		say "fuzz ${target#*:} (${target%%:*}, ${FUZZTIME:-30s})"
		go test "${target%%:*}" -run '^$' -fuzz "^${target#*:}\$" -fuzztime "${FUZZTIME:-30s}"
	done
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
