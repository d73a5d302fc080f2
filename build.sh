#!/usr/bin/env bash
# PartnerScore build script: one command per job, installing what is missing.
#
#   ./build.sh test    gofmt, go vet (native and js/wasm), Go tests (native and under Node
#                      as js/wasm, the browser engine included), the pure-core check, and
#                      the JSON Schema tests (ajv)
#   ./build.sh bench   benchmarks with ratios against a baseline measured in the same run,
#                      and the browser wasm's sizes against its budget
#   ./build.sh serve   builds dist/site and serves it on 127.0.0.1 (PORT, default 8080)
#   ./build.sh build   writes the deployable static simulator to dist/site
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

need_brotli() {
	if ! command -v brotli >/dev/null 2>&1; then
		say "installing brotli (Debian)"
		apt_install brotli
	fi
}

# The browser engine's size budget, brotli -q 11, in bytes (1 KB = 1000 bytes).
WASM_BUDGET=700000

# build_wasm OUT builds the browser engine (wasm/browser) as the site serves it, stamped
# with the checkout's version (the engine's "version" shows it).
build_wasm() {
	local version
	version=$(git describe --tags --always --dirty 2>/dev/null || echo devel)
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.moduleVersion=$version" -o "$1" ./wasm/browser
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
		say "site: module tests and end-to-end tests in headless Chromium (playwright-core)"
		need_chromium
		cmd_build >/dev/null
		(cd tests/js && PS_REQUIRE_CHROMIUM=1 node --test e2e/modules.test.mjs e2e/simulator.test.mjs)
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
}

# test_embed runs the embeddable widget's end-to-end tests (tests/js/e2e/embed.test.mjs: a
# hostile host page on another 127.0.0.1 port than the assets, with a strict CSP) against
# dist/site, which must be built.
test_embed() {
	say "embeddable widget: end-to-end tests in headless Chromium (host page and assets on two origins)"
	(cd tests/js && PS_REQUIRE_CHROMIUM=1 node --test e2e/embed-modules.test.mjs e2e/embed.test.mjs)
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
# (partnerscore-embed.js) and the module it imports when a widget comes into view (widget.js:
# the view, the engine loader and the toolchain's wasm_exec.js wrapped so that it assigns no
# global of the page), each with a source map.
build_embed() {
	need_js_deps
	rm -rf "$1"
	node tests/js/build-embed.mjs site "$1" "$(go env GOROOT)/lib/wasm/wasm_exec.js"
}

# serve builds dist/site and serves it with cmd/serve on 127.0.0.1:$PORT (default 8080).
cmd_serve() {
	cmd_build
	cmd_cli >/dev/null
	go build -o bin/serve ./cmd/serve
	echo "also built: bin/partnerscore (the CLI; try bin/partnerscore explain examples/modern-work-enterprise.json)"
	exec bin/serve -addr "127.0.0.1:${PORT:-8080}" -dir dist/site
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
fuzz) cmd_fuzz ;;
*)
	sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
