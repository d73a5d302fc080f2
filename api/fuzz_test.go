package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fuzzMethods are the methods FuzzHandler picks from (by its first argument): the standard
// ones and three the server does not recognise (new ones are appended, so that the corpus
// keeps its meaning).
var fuzzMethods = []string{"GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO", "get", "PROPFIND"}

// standardMethods are the methods of RFC 9110 §9 and PATCH: the server recognises them
// (any other gets 501 Not Implemented).
var standardMethods = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}

// FuzzHandler sends the handler requests made of arbitrary methods, targets, content
// types, origins and bodies, starting from the shared vectors (api/testdata/vectors.json),
// and checks what every answer must be whatever the input: never a panic nor a 5xx, but
// for exactly a 501 to a method the server does not recognise (and always that); an error
// as an RFC 9457 problem whose status is the answer's; a success as well-formed JSON
// (NDJSON: one JSON value a line), with CORS headers only for an allowed origin.
//
//	go test ./api -run '^$' -fuzz FuzzHandler -fuzztime 60s
func FuzzHandler(f *testing.F) {
	vs := loadVectors(f)
	origins := ParseOrigins(vs.AllowedOrigins)
	for _, v := range vs.Cases {
		body := v.body(f)
		if len(body) > 64<<10 {
			continue // the 413 cases: large, and the fuzzer grows bodies by itself
		}
		m := slices.Index(fuzzMethods, v.Method)
		if m < 0 {
			f.Fatalf("vector %q: method %s is not in fuzzMethods", v.Name, v.Method)
		}
		f.Add(uint8(m), v.Path, v.Headers["Content-Type"], v.Headers["Origin"], body)
	}
	h, err := New(Config{AllowedOrigins: origins})
	if err != nil {
		f.Fatal(err)
	}
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[o] = true
	}

	f.Fuzz(func(t *testing.T, method uint8, target, contentType, origin string, body []byte) {
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		r, err := http.NewRequest(fuzzMethods[int(method)%len(fuzzMethods)], "http://api.test"+target, bytes.NewReader(body))
		if err != nil {
			return // not a request a client could send
		}
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		if origin != "" {
			r.Header.Set("Origin", origin)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		res := w.Result()
		got, _ := io.ReadAll(res.Body)
		status := res.StatusCode
		ct := mediaType(res.Header.Get("Content-Type"))
		where := r.Method + " " + target + " (" + contentType + "): " + strconv.Itoa(status)

		if known := slices.Contains(standardMethods, r.Method); status >= 500 && (known || status != http.StatusNotImplemented) ||
			!known && status != http.StatusNotImplemented {
			t.Fatalf("%s: %.300s", where, got)
		}
		if o := res.Header.Get("Access-Control-Allow-Origin"); o != "" && !allowed[o] {
			t.Errorf("%s: Access-Control-Allow-Origin %q, not an allowed origin", where, o)
		}
		switch {
		case status >= 400:
			var p struct {
				Type, Title string
				Status      int
			}
			if ct != "application/problem+json" {
				t.Fatalf("%s: Content-Type %q for an error", where, ct)
			}
			if r.Method == http.MethodHead {
				return
			}
			if err := json.Unmarshal(got, &p); err != nil || p.Status != status || p.Title == "" || !strings.HasPrefix(p.Type, ProblemBase) {
				t.Fatalf("%s: problem %+v (%v): %.300s", where, p, err, got)
			}
		case r.Method == http.MethodHead || status == http.StatusNoContent || status == http.StatusNotModified:
		case ct == typeNDJSON:
			if len(got) == 0 {
				return // a batch of no lines
			}
			for _, line := range bytes.Split(bytes.TrimSuffix(got, []byte("\n")), []byte("\n")) {
				if !json.Valid(line) {
					t.Fatalf("%s: NDJSON line %.300q", where, line)
				}
			}
		default:
			if !json.Valid(got) {
				t.Fatalf("%s: %s body is not JSON: %.300q", where, ct, got)
			}
		}
	})
}
