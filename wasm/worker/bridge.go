//go:build js && wasm

package main

import (
	"net/http"
	"os"
	"strings"

	"github.com/partnerscore/partnerscore/internal/bufhttp"
)

// bridge is the lean request path: one synchronous call per request into bufhttp, buffers
// reused (JavaScript calls in one at a time). The exported functions of export.go reach it
// (numbers in, numbers out, the bytes in the wasm memory); with -tags bench, binding.serve too
// (bench.go).
type bridge struct {
	srv   *bufhttp.Server
	in    []byte // the request (method, URL, header lines, body), reused
	hooks bool   // test hooks on (PARTNERSCORE_TEST_HOOKS=1)
	// stats is the body of the last "stats" test hook's answer.
	stats []byte
}

func newBridge(h http.Handler, hooks bool) *bridge {
	return &bridge{srv: bufhttp.New(h), hooks: hooks}
}

// handle serves one request. A test hook may answer instead of the handler (tests only).
func (b *bridge) handle(method, url, header string, body []byte) bufhttp.Response {
	if b.hooks && b.testHook(header) {
		return bufhttp.Response{
			Status:      http.StatusOK,
			HeaderLines: []byte("Content-Type:application/json\nCache-Control:no-store\n"),
			Body:        b.stats,
		}
	}
	return b.srv.Serve(method, url, header, body)
}

// done drops a large request buffer rather than keep it.
func (b *bridge) done() {
	if cap(b.in) > 1<<20 {
		b.in = nil
	}
}

// testHook acts on the request's X-PartnerScore-Test header (tests only): "exit" exits,
// "panic" panics outside every recovery (the next request must get a new program), and
// "stats" makes the answer the Go runtime's memory and GC figures (see runtimeStats; built
// with -tags bench only), which testHook reports by returning true.
func (b *bridge) testHook(header string) bool {
	if !strings.Contains(header, "x-partnerscore-test") && !strings.Contains(header, "X-PartnerScore-Test") {
		return false // JavaScript's Headers give names in lower case: most requests stop here
	}
	for _, line := range strings.Split(header, "\n") {
		k, v, _ := strings.Cut(line, ":")
		if !strings.EqualFold(strings.TrimSpace(k), "x-partnerscore-test") {
			continue
		}
		switch strings.TrimSpace(v) {
		case "exit":
			os.Exit(3)
		case "panic":
			panic("partnerscore worker: test panic")
		case "stats":
			if b.stats = runtimeStats(); b.stats != nil { // -tags bench only
				return true
			}
		}
	}
	return false
}
