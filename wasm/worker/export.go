//go:build js && wasm

package main

import "github.com/partnerscore/partnerscore/internal/wasmcall"

// The default request path (entry.mjs): two functions exported from the wasm module
// (go:wasmexport), called by JavaScript with numbers only, the bytes crossing through the
// wasm memory. No JavaScript value is made on the Go side (syscall/js gives each one a
// finalizer, which the GC then runs, calling back into JavaScript), no goroutine is woken
// and no event is queued: a request is two plain wasm calls.
//
//  1. partnerscore_buffer(n) returns the address of a Go buffer of at least n bytes;
//     JavaScript writes the method, the URL, the header lines ("name:value\n"), all
//     UTF-8, and the body bytes there, one after the other.
//  2. partnerscore_serve(methodLen, urlLen, headerLen, bodyLen) serves the request and
//     returns the address of the answer, five little-endian uint32: status, address and
//     length of the header lines, address and length of the body. They stay valid until
//     the next call; JavaScript copies them out at once.
//
// Both return 0 when the program is not ready (main has not set exported).

// exported is the bridge the exported functions use, set by main before workers.Ready.
var exported *bridge

// answer is what partnerscore_serve returns the address of.
var answer [5]uint32

//go:wasmexport partnerscore_buffer
func exportBuffer(n int32) int32 {
	if exported == nil {
		return 0
	}
	return wasmcall.Buffer(&exported.in, n)
}

// yielder lets the GC's goroutines run every few requests (wasmcall.Yielder).
var yielder wasmcall.Yielder

//go:wasmexport partnerscore_serve
func exportServe(methodLen, urlLen, headerLen, bodyLen int32) int32 {
	b := exported
	m, u, h, n := int(methodLen), int(urlLen), int(headerLen), int(bodyLen)
	if b == nil || m < 0 || u < 0 || h < 0 || n < 0 || m+u+h+n > cap(b.in) {
		return 0
	}
	in := b.in[:m+u+h+n]
	text := string(in[:m+u+h]) // one copy: the strings outlive the buffer
	method, url, header := text[:m], text[m:m+u], text[m+u:]
	res := b.handle(method, url, header, in[m+u+h:])
	answer = [5]uint32{uint32(res.Status), wasmcall.Addr(res.HeaderLines), uint32(len(res.HeaderLines)), wasmcall.Addr(res.Body), uint32(len(res.Body))}
	b.done()
	yielder.Done()
	return wasmcall.Of(&answer)
}
