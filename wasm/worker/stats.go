//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
)

// runtimeStats returns the Go runtime's memory and GC figures as JSON (test hooks only:
// the benchmarks read the GC count per request and the heap with it).
func runtimeStats() []byte {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b, _ := json.Marshal(map[string]any{
		"numGC":       m.NumGC,
		"heapAlloc":   m.HeapAlloc,
		"heapInuse":   m.HeapInuse,
		"heapSys":     m.HeapSys,
		"sys":         m.Sys,
		"nextGC":      m.NextGC,
		"totalAlloc":  m.TotalAlloc,
		"mallocs":     m.Mallocs,
		"gcPercent":   gcPercent,
		"memoryLimit": debug.SetMemoryLimit(-1),
		"goroutines":  runtime.NumGoroutine(),
	})
	return b
}
