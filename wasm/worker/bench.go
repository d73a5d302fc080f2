//go:build js && wasm && bench

package main

import (
	"net/http"
	"syscall/js"

	"github.com/syumai/workers"
)

var uint8Array = js.Global().Get("Uint8Array")

// comparisonBridges offers the two bridges ./build.sh bench-api compares with the exported
// functions: binding.serve (BRIDGE=funcof) and syumai/workers' streaming
// binding.handleRequest (BRIDGE=syumai). Built with -tags bench only.
func comparisonBridges(h http.Handler, b *bridge, binding js.Value) {
	workers.ServeNonBlock(h)
	binding.Set("serve", js.FuncOf(b.serve))
}

// serve is binding.serve(method, url, headerLines, body) (BRIDGE=funcof): body is a
// Uint8Array or null, headerLines "name:value" lines separated by "\n". It returns
// [status, headerLines, body (Uint8Array)]. It was the Worker's bridge before the exported
// functions: each call goes through syscall/js's event handling (the Go program runs every
// ready goroutine, GC workers included, before it returns) and makes JavaScript values
// that the Go GC must finalize (the event, its arguments, the result), which the exported
// functions avoid.
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
