package bufhttp

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func echo(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Header().Set("X-Method", r.Method)
	w.Header().Set("X-Path", r.URL.Path+"?"+r.URL.RawQuery)
	w.Header().Set("X-Type", r.Header.Get("Content-Type"))
	w.Header().Add("X-Multi", "a")
	w.Header().Add("X-Multi", "b")
	w.Header().Set("X-Length", strconv.FormatInt(r.ContentLength, 10))
	w.WriteHeader(http.StatusTeapot)
	w.WriteHeader(http.StatusOK) // ignored: the first status wins
	w.Write(b)
	w.Write([]byte("!"))
}

func TestServe(t *testing.T) {
	s := New(http.HandlerFunc(echo))
	for _, tc := range []struct {
		name, method, url, headers, body string
		status                           int
		want                             map[string]string // response header → value
		wantBody                         string
	}{
		{"post with body", "POST", "http://127.0.0.1:8787/v1/x?a=1", "content-type:application/json\nhost:127.0.0.1:8787\n", `{"a":1}`,
			http.StatusTeapot, map[string]string{"X-Method": "POST", "X-Path": "/v1/x?a=1", "X-Type": "application/json", "X-Length": "7"}, `{"a":1}!`},
		{"get without body, path only", "GET", "/healthz", "", "",
			http.StatusTeapot, map[string]string{"X-Method": "GET", "X-Path": "/healthz?", "X-Length": "0"}, "!"},
		{"larger Content-Length than the body", "POST", "/x", "content-length: 999999", "",
			http.StatusTeapot, map[string]string{"X-Length": "999999"}, "!"},
		{"bad URL", "GET", "::", "", "", http.StatusBadRequest, nil, "bad request URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Serve(tc.method, tc.url, tc.headers, []byte(tc.body))
			if res.Status != tc.status {
				t.Errorf("status %d, want %d", res.Status, tc.status)
			}
			for k, v := range tc.want {
				if got := res.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if string(res.Body) != tc.wantBody {
				t.Errorf("body %q, want %q", res.Body, tc.wantBody)
			}
			if tc.status == http.StatusTeapot && !strings.Contains(string(res.HeaderLines), "X-Multi:a\n") ||
				tc.status == http.StatusTeapot && !strings.Contains(string(res.HeaderLines), "X-Multi:b\n") {
				t.Errorf("header lines %q lack both X-Multi values", res.HeaderLines)
			}
		})
	}
}

func TestServeRecoversAndResets(t *testing.T) {
	n := 0
	s := New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		w.Header().Set("X-Call", strconv.Itoa(n))
		if r.URL.Path == "/panic" {
			w.Write([]byte("partial"))
			panic("boom")
		}
		w.Write([]byte("ok"))
	}))
	res := s.Serve("GET", "/panic", "", nil)
	if res.Status != http.StatusInternalServerError || !strings.Contains(string(res.Body), "boom") || res.Header.Get("X-Call") != "" {
		t.Fatalf("after a panic: %d %q %v", res.Status, res.Body, res.Header)
	}
	res = s.Serve("GET", "/ok", "", nil)
	if res.Status != http.StatusOK || string(res.Body) != "ok" || res.Header.Get("X-Call") != "2" {
		t.Fatalf("the next call: %d %q %v", res.Status, res.Body, res.Header)
	}
}

func TestParseHeader(t *testing.T) {
	h := parseHeader("content-type: application/json\naccept:*/*\n\nbroken\n:novalue\nx-a:1\nx-a:2")
	if h.Get("Content-Type") != "application/json" || h.Get("Accept") != "*/*" || len(h["X-A"]) != 2 || len(h) != 3 {
		t.Fatalf("parseHeader: %v", h)
	}
}

// TestServeReuses checks that what Serve reuses from one request to the next (the Request,
// its URL, Header and Body, the parsed URL) carries nothing over.
func TestServeReuses(t *testing.T) {
	type seen struct {
		path, query, uri, host, ctype, multi, body string
		n                                          int
	}
	var got seen
	s := New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = seen{r.URL.Path, r.URL.RawQuery, r.RequestURI, r.Host, r.Header.Get("Content-Type"),
			strings.Join(r.Header.Values("X-Multi"), "|"), string(b), len(r.Header)}
		r.URL.Path = "/changed" // a handler may change its request: the next one must not see it
		r.Header.Set("X-Added", "1")
	}))
	for _, tc := range []struct {
		method, url, headers, body string
		want                       seen
	}{
		{"POST", "http://a.test/v1/evaluate", "content-type:application/json\nx-multi:1\nx-multi:2\n", `{}`,
			seen{"/v1/evaluate", "", "/v1/evaluate", "a.test", "application/json", "1|2", `{}`, 2}},
		{"POST", "http://a.test/v1/evaluate", "accept:*/*\n", "",
			seen{"/v1/evaluate", "", "/v1/evaluate", "a.test", "", "", "", 1}},
		{"GET", "http://a.test/v1/evaluate?summary=true", "x-multi:3\n", "",
			seen{"/v1/evaluate", "summary=true", "/v1/evaluate?summary=true", "a.test", "", "3", "", 1}},
		{"GET", "http://b.test:8787/a%20b/c", "", "",
			seen{"/a b/c", "", "/a%20b/c", "b.test:8787", "", "", "", 0}},
		{"GET", "http://b.test:8787/a%20b/c", "", "x",
			seen{"/a b/c", "", "/a%20b/c", "b.test:8787", "", "", "x", 0}},
	} {
		got = seen{}
		if res := s.Serve(tc.method, tc.url, tc.headers, []byte(tc.body)); res.Status != http.StatusOK {
			t.Fatalf("%s %s: status %d", tc.method, tc.url, res.Status)
		}
		if got != tc.want {
			t.Errorf("%s %s:\n got %+v\nwant %+v", tc.method, tc.url, got, tc.want)
		}
	}
	if res := s.Serve("GET", "::", "", nil); res.Status != http.StatusBadRequest {
		t.Errorf("a bad URL after good ones: status %d", res.Status)
	}
	if res := s.Serve("GET", "http://b.test:8787/a%20b/c", "", nil); res.Status != http.StatusOK || got.path != "/a b/c" {
		t.Errorf("a good URL after a bad one: status %d, path %q", res.Status, got.path)
	}
}
