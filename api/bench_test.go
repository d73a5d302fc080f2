package api

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// BenchmarkEvaluateHandler is one POST /v1/evaluate through the handler (no network): the
// example profile in, its ~20 KB result out.
func BenchmarkEvaluateHandler(b *testing.B) {
	body, err := os.ReadFile("../examples/modern-work-enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	h, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, "/v1/evaluate", strings.NewReader(string(body)))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
