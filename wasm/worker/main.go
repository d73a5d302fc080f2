//go:build js && wasm

// Command worker is PartnerScore's HTTP API (package api) on Cloudflare Workers, built with
// GOOS=js GOARCH=wasm on github.com/syumai/workers (./build.sh worker: its
// workers-assets-gen writes the patched wasm_exec.js and runtime.mjs, then go build writes
// app.wasm; entry.mjs is the Worker's module).
//
// One Go program serves every request of an isolate: entry.mjs starts it once, at the first
// request, and starts a new one only when it has exited. Requests reach the handler by one
// of two bridges into the same http.Handler:
//
//   - binding.serve (the default, see serve): JavaScript reads the body, makes one
//     synchronous call with the method, URL, header lines and body bytes, and builds the
//     Response from the [status, header lines, body bytes] returned (package bufhttp);
//   - binding.handleRequest: syumai/workers' own streaming bridge (workers.ServeNonBlock),
//     kept for comparison (the Worker variable BRIDGE=syumai selects it; ./build.sh bench
//     measures both).
//
// Worker variables: ALLOWED_ORIGINS (CORS origins, separated by commas; "*" for any) and,
// for the tests only, PARTNERSCORE_TEST_HOOKS=1, which lets a request carrying the header
// X-PartnerScore-Test: exit or panic end the Go program, so that the tests can check that
// the next request gets a new one.
package main

import (
	"os"
	"runtime/debug"
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

func main() {
	debug.SetMemoryLimit(memoryLimit)
	h, err := api.New(api.Config{
		AllowedOrigins: api.ParseOrigins(cloudflare.Getenv("ALLOWED_ORIGINS")),
		Version:        moduleVersion,
	})
	if err != nil {
		println("partnerscore worker:", err.Error())
		os.Exit(1) // entry.mjs answers 500 and tries a new program at the next request
	}
	workers.ServeNonBlock(h)
	binding := js.Global().Get("context").Get("binding")
	binding.Set("maxBodyBytes", api.MaxBodyBytes)
	binding.Set("serve", js.FuncOf(newBridge(h, cloudflare.Getenv("PARTNERSCORE_TEST_HOOKS") == "1").serve))
	workers.Ready()
	select {} // stay alive: every request calls in
}
