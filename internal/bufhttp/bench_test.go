package bufhttp_test

import (
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/partnerscore/partnerscore/api"
	"github.com/partnerscore/partnerscore/internal/bufhttp"
)

// BenchmarkServeEvaluate is the Worker's request path without the wasm boundary: one POST
// /v1/evaluate of the Modern Work example through bufhttp into the API handler, with the
// header lines JavaScript's Headers give for a typical client.
func BenchmarkServeEvaluate(b *testing.B) {
	body, err := os.ReadFile("../../examples/modern-work-enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	h, err := api.New(api.Config{})
	if err != nil {
		b.Fatal(err)
	}
	s := bufhttp.New(h)
	lines := "accept:*/*\ncontent-length:" + strconv.Itoa(len(body)) + "\ncontent-type:application/json\nhost:127.0.0.1:8787\nuser-agent:loadgen\n"
	b.ReportAllocs()
	for b.Loop() {
		res := s.Serve("POST", "http://127.0.0.1:8787/v1/evaluate", lines, body)
		if res.Status != http.StatusOK {
			b.Fatal(res.Status, string(res.Body))
		}
	}
}
