//go:build js && wasm

package main

import (
	"github.com/partnerscore/partnerscore/internal/wasmcall"
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
	if exported == nil {
		return 0
	}
	return wasmcall.Buffer(&exported.in, n)
}

// yielder lets the GC's goroutines run every few calls of partnerscore_evaluate.
var yielder wasmcall.Yielder

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
		answer = [5]uint32{wasmcall.Addr(t.Ops), uint32(len(t.Ops)), wasmcall.Addr(t.Heap), uint32(len(t.Heap)), uint32(a.tableLen())}
	} else {
		out := a.evaluateBytes(a.in[:n], mode == modeSummary)
		answerBytes = out
		answer[0], answer[1] = wasmcall.Addr(out), uint32(len(out))
	}
	yielder.Done()
	return wasmcall.Of(&answer)
}
