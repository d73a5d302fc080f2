package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCorrected(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		name     string
		lat      []time.Duration
		interval time.Duration
		want     []time.Duration
	}{
		{"no stall", []time.Duration{1 * ms, 1 * ms, 2 * ms}, 1 * ms, []time.Duration{1 * ms, 1 * ms, 2 * ms}},
		{"one stall of 5 intervals", []time.Duration{1 * ms, 5 * ms}, 1 * ms, []time.Duration{1 * ms, 2 * ms, 3 * ms, 4 * ms, 5 * ms}},
		{"under twice the interval", []time.Duration{3 * ms}, 2 * ms, []time.Duration{3 * ms}},
		{"no interval", []time.Duration{3 * ms}, 0, []time.Duration{3 * ms}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := corrected(tc.lat, tc.interval); !slices.Equal(got, tc.want) {
				t.Errorf("corrected(%v, %v) = %v, want %v", tc.lat, tc.interval, got, tc.want)
			}
		})
	}
}

func TestQuantile(t *testing.T) {
	s := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tc := range []struct {
		q    float64
		want time.Duration
	}{{0, 1}, {.5, 5}, {.99, 9}, {1, 10}} {
		if got := quantile(s, tc.q); got != tc.want {
			t.Errorf("quantile(%v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	if got := quantile(nil, .5); got != 0 {
		t.Errorf("quantile(nil) = %v, want 0", got)
	}
}

// TestRun counts every request against a real server: POST bodies arrive whole, non-2xx
// answers are errors, and every figure is printed.
func TestRun(t *testing.T) {
	var posts, bad atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		b, err := io.ReadAll(r.Body)
		if err != nil || string(b) != `{"a":1}` || r.Header.Get("X-Test") != "yes" {
			bad.Add(1)
		}
		posts.Add(1)
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL + "/p")
	r := run(u, request(u, []byte(`{"a":1}`), []string{"X-Test: yes"}), 2, 100*time.Millisecond)
	if r.errors != 0 || len(r.lat) == 0 || int64(len(r.lat)) != posts.Load() || bad.Load() != 0 {
		t.Fatalf("run: %d latencies, %d errors, %d posts seen, %d bad", len(r.lat), r.errors, posts.Load(), bad.Load())
	}
	for _, k := range []string{"requests=", "errors=0", "rps=", "p50=", "p99=", "max=", "wrk_p99="} {
		if !strings.Contains(r.String(), k) {
			t.Errorf("%q lacks %s", r, k)
		}
	}
	u, _ = url.Parse(srv.URL + "/bad")
	if r := run(u, request(u, nil, nil), 1, 50*time.Millisecond); r.errors == 0 || len(r.lat) != 0 {
		t.Errorf("non-2xx: %d errors, %d latencies; want errors only", r.errors, len(r.lat))
	}
}
