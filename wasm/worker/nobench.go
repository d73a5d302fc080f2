//go:build js && wasm && !bench

package main

import (
	"net/http"
	"syscall/js"
)

// The deployed build leaves out what ./build.sh bench-api builds in with -tags bench (see
// bench.go and stats.go): the size budget has no room for them.

func comparisonBridges(http.Handler, *bridge, js.Value) {}

func runtimeStats() []byte { return nil }
