package api

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"
)

// TestProblemInstance: a problem's instance, and the detail of a 404, name the path as
// the request escaped it.
func TestProblemInstance(t *testing.T) {
	h, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, target, instance string
		status                   int
	}{
		{"GET", "/v1/programs/a%3Fb%23c", "/v1/programs/a%3Fb%23c", 404},
		{"GET", "/v1/programs/a%3Fb%23c/fy26", "/v1/programs/a%3Fb%23c/fy26", 404},
		{"GET", "/v1/schemas/..%2Fsecret", "/v1/schemas/..%2Fsecret", 404},
		{"GET", "/v2/a%20b%3F", "/v2/a%20b%3F", 404},
		{"GET", "/v2/nothing?x=1", "/v2/nothing", 404},
		{"PUT", "/v1/programs", "/v1/programs", 405},
	} {
		a := serve(h, c.method, c.target, nil, nil)
		p := decodeProblem(t, a)
		if a.status != c.status || p.Instance != c.instance {
			t.Errorf("%s %s: %d, instance %q; want %d, %q", c.method, c.target, a.status, p.Instance, c.status, c.instance)
		}
		if c.status == 404 && p.Detail != "no resource at "+c.instance {
			t.Errorf("%s %s: detail %q", c.method, c.target, p.Detail)
		}
	}
}

// TestProblemTitles sends requests that give every kind of problem, the same kind in
// different ways: each problem type has one title (RFC 9457 §3.1.3), its slug's.
func TestProblemTitles(t *testing.T) {
	h, err := New(Config{AllowedOrigins: []string{"https://app.example"}})
	if err != nil {
		t.Fatal(err)
	}
	json := http.Header{"Content-Type": {"application/json"}}
	for _, c := range []struct {
		method, target string
		header         http.Header
		body           string
		slug           string
	}{
		{"POST", "/v1/evaluate", json, `{"asOf":`, "malformed-json"},
		{"POST", "/v1/compare?from=2025-01-01&to=2025-02-01", json, `{"asOf":`, "malformed-json"},
		{"POST", "/v1/evaluate/batch", json, `{"asOf":"2026-02-01"}`, "malformed-json"},
		{"POST", "/v1/evaluate/batch", json, `[{"asOf":`, "malformed-json"},
		{"POST", "/v1/evaluate", json, `{"facts":{"nope":1}}`, "invalid-profile"},
		{"POST", "/v1/compare?from=2025-01-01&to=2025-02-01", json, `{"facts":{"nope":1}}`, "invalid-profile"},
		{"POST", "/v1/compare", json, `{}`, "invalid-profile"},
		{"POST", "/v1/evaluate", json, strings.Repeat(" ", MaxBodyBytes+1), "too-large"},
		{"POST", "/v1/evaluate/batch", http.Header{"Content-Type": {"application/x-ndjson"}}, strings.Repeat("{}\n", MaxBatchItems+1), "too-many-items"},
		{"POST", "/v1/evaluate", http.Header{"Content-Type": {"text/plain"}}, `{}`, "unsupported-media-type"},
		{"POST", "/v1/evaluate", http.Header{"Content-Type": {"application/json"}, "Content-Encoding": {"gzip"}}, `{}`, "unsupported-media-type"},
		{"POST", "/v1/evaluate?summary=maybe", json, `{}`, "bad-argument"},
		{"GET", "/nowhere", nil, "", "not-found"},
		{"GET", "/v1/evaluate", nil, "", "method-not-allowed"},
		{"OPTIONS", "/v1/programs", http.Header{"Origin": {"https://app.example"}, "Access-Control-Request-Method": {"PUT"}}, "", "method-not-allowed"},
		{"OPTIONS", "/v1/programs", http.Header{"Origin": {"https://evil.example"}, "Access-Control-Request-Method": {"GET"}}, "", "origin-not-allowed"},
		{"FOO", "/v1/programs", nil, "", "not-implemented"},
	} {
		a := serve(h, c.method, c.target, strings.NewReader(c.body), c.header)
		p := decodeProblem(t, a)
		if p.Type != ProblemBase+c.slug {
			t.Errorf("%s %s: type %s, want %s", c.method, c.target, p.Type, ProblemBase+c.slug)
		}
	}
	// A body that cannot be read (a connection cut in the middle).
	a := serve(h, "POST", "/v1/evaluate", iotest.ErrReader(io.ErrUnexpectedEOF), json)
	if p := decodeProblem(t, a); a.status != 400 || p.Type != ProblemBase+"unreadable-body" {
		t.Errorf("an unreadable body: %d %s", a.status, p.Type)
	}
}
