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

// bridge is the lean request path: one synchronous call per request, buffers reused
// (JavaScript calls in one at a time).
type bridge struct {
	srv   *bufhttp.Server
	in    []byte // the request body, reused
	hooks bool   // test hooks on (PARTNERSCORE_TEST_HOOKS=1)
}

func newBridge(h http.Handler, hooks bool) *bridge {
	return &bridge{srv: bufhttp.New(h), hooks: hooks}
}

// serve is binding.serve(method, url, headerLines, body): body is a Uint8Array or null,
// headerLines "name:value" lines separated by "\n". It returns [status, headerLines,
// body (Uint8Array)].
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
	if b.hooks {
		b.testHook(header)
	}
	res := b.srv.Serve(method, url, header, body)
	out := uint8Array.New(len(res.Body))
	js.CopyBytesToJS(out, res.Body)
	if cap(b.in) > 1<<20 {
		b.in = nil // a large body is not kept
	}
	return []any{res.Status, string(res.HeaderLines), out}
}

// testHook ends the program when the request asks (tests only): "exit" exits, "panic"
// panics outside every recovery.
func (b *bridge) testHook(header string) {
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
		}
	}
}
