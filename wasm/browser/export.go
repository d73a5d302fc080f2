//go:build js && wasm

package main

import (
	"runtime"
	"unsafe"

	"github.com/partnerscore/partnerscore/score"
)

// The fast path of evaluate and summary (site/js/engine.js): two functions exported from
// the wasm module (go:wasmexport), called by JavaScript with numbers only, the profile and
// the answer crossing through the wasm memory. The global's functions (js.go) answer the
// same, but each call through them wakes a Go goroutine (syscall/js's event loop) and makes
// JavaScript values, each with a finalizer the Go GC runs later; an exported function is
// one plain wasm call.
//
//  1. partnerscore_buffer(n) returns the address of a Go buffer of at least n bytes, where
//     JavaScript writes the profile as UTF-8 JSON.
//  2. partnerscore_evaluate(n, mode) evaluates the n bytes written there and returns the
//     address of five little-endian uint32: with mode 0 (evaluate) or 1 (summary), the
//     address and the length of the answer, the JSON the global's function returns; with
//     mode 2, evaluate's answer as a tape (score.Tape, decoded by site/js/tape.js): the
//     address and length of its ops, then of its heap, then the number of strings the
//     tape's table had when the tape was written (the table grows as rule versions are
//     first evaluated: a copy with fewer strings is taken again with tapeTable). They stay
//     valid until the next call; JavaScript decodes the answer at once.
//
// Both return 0 when the program is not ready (main has not set exported).

// exported is the engine the exported functions use, set by main once registered.
var exported *api

// answer is what partnerscore_evaluate returns the address of; answerBytes keeps the bytes
// it points to alive until the next call.
var (
	answer      [5]uint32
	answerBytes []byte
	answerTape  *score.Tape
)

// The modes of partnerscore_evaluate.
const (
	modeEvaluate = 0
	modeSummary  = 1
	modeTape     = 2
)

//go:wasmexport partnerscore_buffer
func exportBuffer(n int32) int32 {
	a := exported
	if a == nil || n < 0 {
		return 0
	}
	if cap(a.in) < int(n) || cap(a.in) == 0 {
		a.in = make([]byte, max(int(n), 4096))
	}
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(a.in))))
}

// calls counts the calls of partnerscore_evaluate; every yieldEvery-th one ends with a yield.
var calls int

const yieldEvery = 8

//go:wasmexport partnerscore_evaluate
func exportEvaluate(n, mode int32) int32 {
	a := exported
	if a == nil || n < 0 || int(n) > cap(a.in) || mode < modeEvaluate || mode > modeTape {
		return 0
	}
	answer = [5]uint32{}
	if mode == modeTape {
		t := a.evaluateTape(a.in[:n])
		answerTape = t
		answer = [5]uint32{address(t.Ops), uint32(len(t.Ops)), address(t.Heap), uint32(len(t.Heap)), uint32(a.tableLen())}
	} else {
		out := a.evaluateBytes(a.in[:n], mode == modeSummary)
		answerBytes = out
		answer[0], answer[1] = address(out), uint32(len(out))
	}
	// Let the GC's background worker run: no goroutine switch happens inside an exported
	// call, so a GC cycle begun in one would otherwise be advanced by allocation assists
	// only and stay open for thousands of calls, its write barriers slowing every one
	// (~8% of a call, measured with node --cpu-prof). Every yieldEvery calls only, as the
	// Worker does: a yield goes through the scheduler, which asks JavaScript for the time
	// (~4% of a call when it was every call), and a cycle comes once in thousands of calls.
	if calls++; calls%yieldEvery == 0 {
		runtime.Gosched()
	}
	return int32(uintptr(unsafe.Pointer(&answer)))
}

// address is the address of b's bytes in the wasm memory, 0 when it has none.
func address(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
}
