package api

import (
	"net/http"
	"strings"
	"testing"
)

// TestReadBodyRefusals: what a body is refused for, before it is read: its content coding
// (415 with Accept-Encoding: identity), its media type or its charset (415); and the
// content types accepted.
func TestReadBodyRefusals(t *testing.T) {
	h, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	const profile = `{"asOf":"2026-02-01"}`
	for _, c := range []struct {
		path, ctype, encoding string
		status                int
		message               string // of the first error
		acceptEncoding        string
	}{
		{"/v1/evaluate", "application/json", "gzip", 415, "unsupported content coding", "identity"},
		{"/v1/evaluate", "application/json", "GZIP, identity", 415, "unsupported content coding", "identity"},
		{"/v1/evaluate/batch", "application/x-ndjson", "br", 415, "unsupported content coding", "identity"},
		{"/v1/compare?from=2025-01-01&to=2025-02-01", "application/json", "deflate", 415, "unsupported content coding", "identity"},
		{"/v1/evaluate", "text/plain", "", 415, "unsupported content type", ""},
		{"/v1/evaluate", "", "", 415, "unsupported content type", ""},
		{"/v1/evaluate", "application/json; charset=iso-8859-1", "", 415, "unsupported charset", ""},
		{"/v1/evaluate", "application/json; charset=\"utf-16\"", "", 415, "unsupported charset", ""},
		{"/v1/evaluate", "application/json;charset=utf8", "", 415, "unsupported charset", ""},
		{"/v1/evaluate/batch", "application/x-ndjson; charset=latin1", "", 415, "unsupported charset", ""},
		{"/v1/compare?from=2025-01-01&to=2025-02-01", "application/json; charset=windows-1252", "", 415, "unsupported charset", ""},
		{"/v1/evaluate", "application/json", "identity", 200, "", ""},
		{"/v1/evaluate", "application/json; charset=utf-8", "", 200, "", ""},
		{"/v1/evaluate", "Application/JSON;Charset=UTF-8", "", 200, "", ""},
		{"/v1/evaluate", "application/json; charset=\"UTF-8\"", "", 200, "", ""},
		{"/v1/evaluate", "application/json; foo=bar; charset=utf-8", "", 200, "", ""},
		{"/v1/evaluate/batch", "application/jsonl; charset=utf-8", "", 200, "", ""},
		{"/v1/evaluate/batch", "application/x-jsonlines", "", 200, "", ""},
	} {
		hd := http.Header{}
		if c.ctype != "" {
			hd.Set("Content-Type", c.ctype)
		}
		if c.encoding != "" {
			hd.Set("Content-Encoding", c.encoding)
		}
		a := serve(h, "POST", c.path, strings.NewReader(profile), hd)
		where := c.path + " (Content-Type " + c.ctype + ", Content-Encoding " + c.encoding + ")"
		if a.status != c.status || a.header.Get("Accept-Encoding") != c.acceptEncoding {
			t.Errorf("%s: %d, Accept-Encoding %q; want %d, %q: %s", where, a.status, a.header.Get("Accept-Encoding"), c.status, c.acceptEncoding, a.body)
			continue
		}
		if c.status < 400 {
			continue
		}
		p := decodeProblem(t, a)
		if p.Type != ProblemBase+"unsupported-media-type" || len(p.Errors) == 0 || p.Errors[0].Message != c.message {
			t.Errorf("%s: %s %+v, want the first error saying %q", where, p.Type, p.Errors, c.message)
		}
	}
}
