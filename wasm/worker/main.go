//go:build js && wasm

// Command worker is PartnerScore's HTTP API (package api) on Cloudflare Workers, built with
// GOOS=js GOARCH=wasm on github.com/syumai/workers (./build.sh worker: its
// workers-assets-gen writes the patched wasm_exec.js and runtime.mjs, then go build writes
// app.wasm; entry.mjs is the Worker's module).
//
// One Go program serves every request of an isolate: entry.mjs starts it once, at the first
// request, and starts a new one only when it has exited. Requests reach the handler
// through two functions the wasm module exports, partnerscore_buffer and
// partnerscore_serve (see export.go): JavaScript reads the body, writes the method, URL,
// header lines and body into the wasm memory, makes one plain wasm call with their lengths,
// and builds the Response from the status, header lines and body bytes it reads back
// (package bufhttp). No JavaScript value is made on the Go side and no goroutine is woken.
//
// Built with -tags bench (./build.sh bench-api does, to measure them), the program also
// offers two other bridges into the same handler: binding.serve, a js.FuncOf taking and
// returning JavaScript values (the Worker variable BRIDGE=funcof selects it), and
// syumai/workers' own streaming bridge, binding.handleRequest (BRIDGE=syumai). They are
// left out of the deployed build, whose size budget has no room for them.
//
// Worker variables: ALLOWED_ORIGINS (CORS origins, separated by commas; "*" for any);
// GO_GC_PERCENT and GO_MEMORY_LIMIT_MB (the Go GC's GOGC and memory limit, see main);
// for the tests only, PARTNERSCORE_TEST_HOOKS=1, which lets a request carrying the header
// X-PartnerScore-Test: exit or panic end the Go program, so that the tests can check that
// the next request gets a new one, and (-tags bench) X-PartnerScore-Test: stats read the
// Go runtime's memory and GC figures.
package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"syscall/js"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"github.com/partnerscore/partnerscore/api"
)

// moduleVersion is set by the build (-ldflags "-X main.moduleVersion=…", see build.sh).
var moduleVersion string

// memoryLimit is the Go heap size the garbage collector works to stay under (an isolate has
// 128 MB, shared with JavaScript; wasm memory never shrinks, so its peak is what stays).
const memoryLimit = 48 << 20

// gcPercent is the GC's GOGC (debug.SetGCPercent) in effect.
var gcPercent = 100

func main() {
	gcPercent = envInt("GO_GC_PERCENT", gcPercent)
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(int64(envInt("GO_MEMORY_LIMIT_MB", memoryLimit>>20)) << 20)
	h, err := api.New(api.Config{
		AllowedOrigins: api.ParseOrigins(cloudflare.Getenv("ALLOWED_ORIGINS")),
		Version:        moduleVersion,
	})
	if err != nil {
		println("partnerscore worker:", err.Error())
		os.Exit(1) // entry.mjs answers 500 and tries a new program at the next request
	}
	binding := js.Global().Get("context").Get("binding")
	binding.Set("maxBodyBytes", api.MaxBodyBytes)
	b := newBridge(h, cloudflare.Getenv("PARTNERSCORE_TEST_HOOKS") == "1")
	exported = b
	comparisonBridges(h, b, binding)
	workers.Ready()
	select {} // stay alive: every request calls in
}

// envInt reads a Worker variable holding an integer, or returns def when it is unset or not
// an integer.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(cloudflare.Getenv(name)); err == nil {
		return n
	}
	return def
}
