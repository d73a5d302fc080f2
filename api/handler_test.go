package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// answer is a response of the handler, its body read.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// serve sends one request to h with the given header lines (a key may repeat its lines).
func serve(h http.Handler, method, target string, body io.Reader, header http.Header) answer {
	r := httptest.NewRequest(method, target, body)
	for k, vs := range header {
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, b}
}

// problemBody is the JSON of a problem detail.
type problemBody struct {
	Type, Title, Detail, Instance string
	Status                        int
	Errors                        []struct {
		Path, Code, Message, Expected, Got string
		Offset                             int
	}
}

// decodeProblem decodes a problem answer and checks what every problem must be: its
// status the answer's, its type under ProblemBase, its title its type's.
func decodeProblem(t *testing.T, a answer) problemBody {
	t.Helper()
	var p problemBody
	if ct := a.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q for %d: %s", ct, a.status, a.body)
	}
	if err := json.Unmarshal(a.body, &p); err != nil {
		t.Fatalf("problem: %v: %s", err, a.body)
	}
	checkTitle(t, p.Type, p.Title)
	if p.Status != a.status || !strings.HasPrefix(p.Type, ProblemBase) {
		t.Errorf("problem %+v in a %d answer", p, a.status)
	}
	return p
}

// titles are the titles seen, by problem type, over the whole run of the tests.
var titles struct {
	sync.Mutex
	of map[string]string
}

// checkTitle checks that a problem of type typ has its slug's title (problemTitles), the
// title of every other problem of that type seen so far (RFC 9457 §3.1.3).
func checkTitle(t *testing.T, typ, title string) {
	t.Helper()
	titles.Lock()
	defer titles.Unlock()
	if titles.of == nil {
		titles.of = map[string]string{}
	}
	if seen, ok := titles.of[typ]; ok && seen != title {
		t.Errorf("problem %s titled %q, and %q before", typ, title, seen)
	} else if !ok {
		titles.of[typ] = title
	}
	if want, ok := problemTitles[strings.TrimPrefix(typ, ProblemBase)]; !ok || title != want {
		t.Errorf("problem %s titled %q; its slug's title is %q", typ, title, want)
	}
}

// TestMethods: a method the server does not know is 501, a standard one a route does not
// allow is 405 with Allow.
func TestMethods(t *testing.T) {
	h, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, path string
		status       int
		slug, allow  string
	}{
		{"FOO", "/v1/programs", 501, "not-implemented", ""},
		{"FOO", "/v1/evaluate", 501, "not-implemented", ""},
		{"FOO", "/nowhere", 501, "not-implemented", ""},
		{"get", "/v1/programs", 501, "not-implemented", ""}, // methods are case-sensitive
		{"PROPFIND", "/openapi.json", 501, "not-implemented", ""},
		{"PUT", "/v1/programs", 405, "method-not-allowed", "GET, HEAD, OPTIONS"},
		{"DELETE", "/v1/schemas/profile", 405, "method-not-allowed", "GET, HEAD, OPTIONS"},
		{"PATCH", "/v1/evaluate", 405, "method-not-allowed", "POST, OPTIONS"},
		{"TRACE", "/v1/compare", 405, "method-not-allowed", "POST, OPTIONS"},
		{"CONNECT", "/healthz", 405, "method-not-allowed", "GET, HEAD, OPTIONS"},
		{"GET", "/v1/evaluate/batch", 405, "method-not-allowed", "POST, OPTIONS"},
	} {
		a := serve(h, c.method, c.path, nil, nil)
		if a.status != c.status || a.header.Get("Allow") != c.allow {
			t.Errorf("%s %s: %d, Allow %q; want %d, %q", c.method, c.path, a.status, a.header.Get("Allow"), c.status, c.allow)
			continue
		}
		if p := decodeProblem(t, a); p.Type != ProblemBase+c.slug {
			t.Errorf("%s %s: type %s, want %s", c.method, c.path, p.Type, ProblemBase+c.slug)
		}
	}
}
