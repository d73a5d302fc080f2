package api

import (
	"net/http"
	"testing"
)

// TestIfNoneMatch: the If-None-Match field lines of a request are one list (RFC 9110
// §5.3), whichever line names the ETag.
func TestIfNoneMatch(t *testing.T) {
	h, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/v1/programs", "/v1/schemas/profile", "/openapi.json"} {
		etag := serve(h, "GET", path, nil, nil).header.Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", path)
		}
		for _, c := range []struct {
			lines  []string
			status int
		}{
			{nil, 200},
			{[]string{etag}, 304},
			{[]string{`"other"`, etag}, 304},
			{[]string{`"a", "b"`, `"c", W/` + etag}, 304},
			{[]string{"", etag}, 304},
			{[]string{`"other"`, `"another"`}, 200},
			{[]string{`"other"`, "*"}, 304},
		} {
			hd := http.Header{}
			for _, l := range c.lines {
				hd.Add("If-None-Match", l)
			}
			a := serve(h, "GET", path, nil, hd)
			if a.status != c.status || a.header.Get("ETag") != etag {
				t.Errorf("GET %s, If-None-Match lines %q: %d, ETag %s; want %d, %s", path, c.lines, a.status, a.header.Get("ETag"), c.status, etag)
			}
		}
	}
}
