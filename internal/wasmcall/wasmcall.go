// Package wasmcall holds what the exported functions (go:wasmexport) of the browser engine
// (wasm/browser) and of the Worker (wasm/worker) share: the buffer JavaScript writes a call's
// bytes into, the addresses they hand back, and the yield that lets the garbage collector's
// goroutines run between calls.
package wasmcall

import (
	"runtime"
	"unsafe"
)

// minBuffer is the least capacity Buffer gives, so that small calls never grow it again.
const minBuffer = 4096

// Buffer makes *buf hold at least n bytes (at least 4 KiB) and returns the wasm memory
// address of its first byte, where JavaScript then writes; 0 for a negative n.
func Buffer(buf *[]byte, n int32) int32 {
	if n < 0 {
		return 0
	}
	if cap(*buf) < int(n) || cap(*buf) == 0 {
		*buf = make([]byte, max(int(n), minBuffer))
	}
	return int32(Addr((*buf)[:1]))
}

// Addr is the wasm memory address of b's first byte, 0 for an empty b.
func Addr(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
}

// Of is the wasm memory address of the five uint32 an exported function answers with.
func Of(answer *[5]uint32) int32 { return int32(uintptr(unsafe.Pointer(answer))) }

// yieldEvery is how many calls Yielder.Done lets pass between two yields.
const yieldEvery = 8

// Yielder lets the garbage collector's background goroutines (its mark worker, the
// sweeper) run every few calls. JavaScript only calls in through the exported functions and
// no goroutine switch happens inside one, so nothing else would schedule them: a GC cycle
// would be marked by the assists of allocations alone and stay open for hundreds of calls,
// each paying the write barrier (~5-8% of a call's CPU, measured under Node). A yield goes
// through the scheduler, which asks JavaScript for the time (a few microseconds), so it comes
// every eighth call only; a cycle then ends within tens of calls and comes once in thousands.
// The calling goroutine stays runnable, so the scheduler comes back to it and the call
// returns. The zero Yielder is ready.
type Yielder struct{ calls int }

// Done counts a call, and yields when it is the eighth since the last yield.
func (y *Yielder) Done() {
	if y.calls++; y.calls%yieldEvery == 0 {
		runtime.Gosched()
	}
}
