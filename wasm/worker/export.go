//go:build js && wasm

package main

import (
	"runtime"
	"unsafe"
)

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

// served counts the requests partnerscore_serve has served; every yieldEvery-th one ends
// with a yield to the garbage collector's goroutines.
var served int

const yieldEvery = 8

//go:wasmexport partnerscore_buffer
func exportBuffer(n int32) int32 {
	b := exported
	if b == nil || n < 0 {
		return 0
	}
	if cap(b.in) < int(n) || cap(b.in) == 0 {
		b.in = make([]byte, max(int(n), 4096))
	}
	return int32(addr(b.in[:1]))
}

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
	answer = [5]uint32{uint32(res.Status), addr(res.HeaderLines), uint32(len(res.HeaderLines)), addr(res.Body), uint32(len(res.Body))}
	b.done()
	// Let the garbage collector's background goroutines run (its mark worker, the sweeper):
	// nothing else would ever schedule them, since JavaScript only calls in through these
	// functions. Without this, a GC cycle is marked only by the assists of allocations, so
	// it lasts hundreds of requests, each paying the write barrier's shading (wbBufFlush:
	// ~5-8% of a request's CPU under Node); with it, the mark worker takes at most ~30% of
	// the time since the cycle began at each call and the cycle ends within tens of
	// requests. This goroutine stays runnable, so the scheduler comes back to it (it never
	// goes idle, which would pause the program mid-call) and the call returns. Every
	// yieldEvery requests only: a yield costs a few microseconds (the scheduler asks
	// JavaScript for the time), and a cycle now comes once in thousands of requests.
	if served++; served%yieldEvery == 0 {
		runtime.Gosched()
	}
	return int32(uintptr(unsafe.Pointer(&answer)))
}

// addr is the wasm memory address of b's first byte (0 for an empty b).
func addr(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
}
