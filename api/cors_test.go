package api

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestCORS checks the CORS headers of actual requests under each configuration: with "*",
// every answer allows any origin, whether the request named one or not (a cached answer
// must serve a later fetch() too); with a list, every answer varies on Origin; without
// origins, there is no CORS header.
func TestCORS(t *testing.T) {
	any := []string{"*"}
	list := []string{"https://app.example", "https://other.example"}
	for _, c := range []struct {
		origins             []string
		method, path        string
		origin              string
		revalidate          bool // with If-None-Match of the resource's ETag: a 304
		status              int
		allowOrigin, expose string
		varyOrigin          bool
	}{
		{any, "GET", "/v1/programs", "", false, 200, "*", corsExposeHeaders, false},
		{any, "GET", "/v1/programs", "https://app.example", false, 200, "*", corsExposeHeaders, false},
		{any, "GET", "/v1/programs", "", true, 304, "*", corsExposeHeaders, false},
		{any, "GET", "/v1/schemas/profile", "", true, 304, "*", corsExposeHeaders, false},
		{any, "HEAD", "/openapi.json", "", false, 200, "*", corsExposeHeaders, false},
		{any, "GET", "/healthz", "", false, 200, "*", corsExposeHeaders, false},
		{any, "GET", "/nowhere", "", false, 404, "*", corsExposeHeaders, false},
		{any, "POST", "/v1/evaluate", "", false, 415, "*", corsExposeHeaders, false},
		{list, "GET", "/v1/programs", "", false, 200, "", "", true},
		{list, "GET", "/v1/programs/microsoft-ai-cloud-partner-program", "", true, 304, "", "", true},
		{list, "GET", "/v1/schemas", "https://app.example", false, 200, "https://app.example", corsExposeHeaders, true},
		{list, "GET", "/v1/schemas", "https://evil.example", false, 200, "", "", true},
		{list, "GET", "/openapi.json", "https://other.example", true, 304, "https://other.example", corsExposeHeaders, true},
		{list, "GET", "/nowhere", "", false, 404, "", "", true},
		{list, "POST", "/v1/evaluate", "", false, 415, "", "", true},
		{nil, "GET", "/v1/programs", "", false, 200, "", "", false},
		{nil, "GET", "/v1/programs", "https://app.example", false, 200, "", "", false},
	} {
		h, err := New(Config{AllowedOrigins: c.origins})
		if err != nil {
			t.Fatal(err)
		}
		hd := http.Header{}
		if c.origin != "" {
			hd.Set("Origin", c.origin)
		}
		if c.revalidate {
			hd.Set("If-None-Match", serve(h, "GET", c.path, nil, nil).header.Get("ETag"))
		}
		a := serve(h, c.method, c.path, nil, hd)
		vary := slices.ContainsFunc(a.header.Values("Vary"), func(v string) bool {
			return slices.ContainsFunc(strings.Split(v, ","), func(f string) bool { return strings.EqualFold(strings.TrimSpace(f), "Origin") })
		})
		where := strings.Join(c.origins, " ") + ": " + c.method + " " + c.path + " (Origin " + c.origin + ")"
		if a.status != c.status || a.header.Get("Access-Control-Allow-Origin") != c.allowOrigin ||
			a.header.Get("Access-Control-Expose-Headers") != c.expose || vary != c.varyOrigin {
			t.Errorf("%s: %d, Access-Control-Allow-Origin %q, Expose %q, Vary %q; want %d, %q, %q, Vary: Origin %v",
				where, a.status, a.header.Get("Access-Control-Allow-Origin"), a.header.Get("Access-Control-Expose-Headers"),
				a.header.Values("Vary"), c.status, c.allowOrigin, c.expose, c.varyOrigin)
		}
		if a.header.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("%s: credentials allowed", where)
		}
	}
}
