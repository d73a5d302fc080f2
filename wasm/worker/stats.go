//go:build js && wasm && bench

package main

import (
	"runtime"
	"runtime/debug"
	"strconv"
)

// runtimeStats returns the Go runtime's memory and GC figures as JSON, for the
// X-PartnerScore-Test: stats hook (-tags bench: ./build.sh bench-api reads the GC cycles
// per request and the heap with it).
func runtimeStats() []byte {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b := []byte("{")
	for i, f := range []struct {
		name string
		v    int64
	}{
		{"numGC", int64(m.NumGC)},
		{"heapAlloc", int64(m.HeapAlloc)},
		{"heapInuse", int64(m.HeapInuse)},
		{"heapSys", int64(m.HeapSys)},
		{"sys", int64(m.Sys)},
		{"nextGC", int64(m.NextGC)},
		{"totalAlloc", int64(m.TotalAlloc)},
		{"mallocs", int64(m.Mallocs)},
		{"gcPercent", int64(gcPercent)},
		{"memoryLimit", debug.SetMemoryLimit(-1)},
		{"goroutines", int64(runtime.NumGoroutine())},
	} {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, f.name)
		b = append(b, ':')
		b = strconv.AppendInt(b, f.v, 10)
	}
	return append(b, '}')
}
