//go:build js && wasm

// Command browser is PartnerScore's engine for web pages, built with GOOS=js GOARCH=wasm
// and run by Go's wasm_exec.js (see site/js/engine.js). It sets one global,
// globalThis.partnerscore (see register), whose functions take and return JSON strings and
// never throw, then stays alive to answer calls.
//
// The build keeps out net/http and reflection-heavy packages: the engine is the pure core
// (package score), the generated schemas are embedded files.
package main

func main() {
	a := newAPI()
	if err := register(a); err != nil {
		println("partnerscore: cannot set up the engine:", err.Error())
		return
	}
	exported = a
	select {} // keep the program alive: JavaScript calls in
}
