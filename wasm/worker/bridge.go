//go:build js && wasm

package main

import (
	"net/http"
	"os"
	"strings"
	"syscall/js"

	"github.com/partnerscore/partnerscore/internal/bufhttp"
)

var uint8Array = js.Global().Get("Uint8Array")

// bridge is the lean request path: one synchronous call per request into bufhttp, buffers
// reused (JavaScript calls in one at a time). It is reached two ways: the exported
// functions of export.go (the default: numbers in, numbers out, the bytes in the wasm
// memory), or binding.serve, a js.FuncOf (kept to measure it: BRIDGE=funcof).
type bridge struct {
	srv   *bufhttp.Server
	in    []byte // the request (method, URL, header lines, body), reused
	hooks bool   // test hooks on (PARTNERSCORE_TEST_HOOKS=1)
	// stats is the body of the last "stats" test hook's answer.
	stats []byte
}

func newBridge(h http.Handler, hooks bool) *bridge {
	return &bridge{srv: bufhttp.New(h), hooks: hooks}
}

// handle serves one request. A test hook may answer instead of the handler (tests only).
func (b *bridge) handle(method, url, header string, body []byte) bufhttp.Response {
	if b.hooks && b.testHook(header) {
		return bufhttp.Response{
			Status:      http.StatusOK,
			HeaderLines: []byte("Content-Type:application/json\nCache-Control:no-store\n"),
			Body:        b.stats,
		}
	}
	return b.srv.Serve(method, url, header, body)
}

// done drops a large request buffer rather than keep it.
func (b *bridge) done() {
	if cap(b.in) > 1<<20 {
		b.in = nil
	}
}

// serve is binding.serve(method, url, headerLines, body) (BRIDGE=funcof): body is a
// Uint8Array or null, headerLines "name:value" lines separated by "\n". It returns
// [status, headerLines, body (Uint8Array)]. Each call makes JavaScript values that the Go
// GC must finalize (the event, its arguments, the result): the exported functions of
// export.go make none.
func (b *bridge) serve(_ js.Value, args []js.Value) any {
	method, url, header := args[0].String(), args[1].String(), args[2].String()
	body := b.in[:0]
	if v := args[3]; v.Truthy() {
		n := v.Get("byteLength").Int()
		if cap(b.in) < n {
			b.in = make([]byte, n)
		}
		body = b.in[:n]
		js.CopyBytesToGo(body, v)
	}
	res := b.handle(method, url, header, body)
	out := uint8Array.New(len(res.Body))
	js.CopyBytesToJS(out, res.Body)
	b.done()
	return []any{res.Status, string(res.HeaderLines), out}
}

// testHook acts on the request's X-PartnerScore-Test header (tests only): "exit" exits,
// "panic" panics outside every recovery (the next request must get a new program), and
// "stats" makes the answer the Go runtime's memory and GC figures (see runtimeStats),
// which testHook reports by returning true.
func (b *bridge) testHook(header string) bool {
	for _, line := range strings.Split(header, "\n") {
		k, v, _ := strings.Cut(line, ":")
		if !strings.EqualFold(strings.TrimSpace(k), "x-partnerscore-test") {
			continue
		}
		switch strings.TrimSpace(v) {
		case "exit":
			os.Exit(3)
		case "panic":
			panic("partnerscore worker: test panic")
		case "stats":
			b.stats = runtimeStats()
			return true
		}
	}
	return false
}
