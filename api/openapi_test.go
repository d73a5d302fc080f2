package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestOpenAPIDescribesTheRoutes checks openapi.json against the handler: every path
// without parameters answers each method the document lists (not 404 or 405), every
// schema it references is served, and POST /v1/compare answers with the comparison schema.
func TestOpenAPIDescribesTheRoutes(t *testing.T) {
	h, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	for path, ops := range doc.Paths {
		if strings.Contains(path, "{") {
			continue
		}
		for method := range ops {
			r := httptest.NewRequest(strings.ToUpper(method), path, strings.NewReader("{}"))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code == http.StatusNotFound || w.Code == http.StatusMethodNotAllowed {
				t.Errorf("%s %s is in openapi.json but the handler answers %d", strings.ToUpper(method), path, w.Code)
			}
		}
	}
	refs := regexp.MustCompile(`"\$ref":\s*"(/v1/schemas/[^"]+)"`).FindAllSubmatch(openapiJSON, -1)
	if len(refs) == 0 {
		t.Fatal("openapi.json references no JSON Schema")
	}
	for _, m := range refs {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, string(m[1]), nil))
		if w.Code != http.StatusOK {
			t.Errorf("openapi.json references %s, which answers %d", m[1], w.Code)
		}
	}
	var compare struct {
		Post struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal(doc.Paths["/v1/compare"]["post"], &compare.Post); err != nil {
		t.Fatalf("/v1/compare: %v", err)
	}
	if got := compare.Post.Responses["200"].Content["application/json"].Schema.Ref; got != "/v1/schemas/comparison.schema.json" {
		t.Errorf("POST /v1/compare 200: schema %q, want the comparison schema", got)
	}
}

// openapiDoc decodes openapi.json as generic JSON.
func openapiDoc(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// resolvePointer returns the value at the JSON Pointer ref ("#/a/b") of doc.
func resolvePointer(doc any, ref string) (any, bool) {
	p, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, false
	}
	v := doc
	if p == "" {
		return v, true
	}
	if !strings.HasPrefix(p, "/") {
		return nil, false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[seg]; !ok {
			return nil, false
		}
	}
	return v, true
}

// deref follows a Reference Object ({"$ref": "#/…"}) inside doc, once.
func deref(doc any, v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	if ref, ok := m["$ref"].(string); ok {
		target, ok := resolvePointer(doc, ref)
		if !ok {
			return nil, false
		}
		m, ok = target.(map[string]any)
		return m, ok
	}
	return m, true
}

// walkJSON calls visit for every object of v with its JSON Pointer.
func walkJSON(v any, at string, visit func(at string, m map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		visit(at, v)
		for k, c := range v {
			walkJSON(c, at+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), visit)
		}
	case []any:
		for i, c := range v {
			walkJSON(c, at+"/"+strconv.Itoa(i), visit)
		}
	}
}

// httpMethods are the operations a Path Item Object may hold.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// headerName is a header field name (RFC 9110 token), without "$": no JSON Schema keyword
// or Reference Object member is taken for a header.
var headerName = regexp.MustCompile("^[!#%&'*+.^_`|~0-9A-Za-z-]+$")

// TestOpenAPIStructure walks openapi.json as OpenAPI 3.1 asks: every response has a
// description, every headers map goes from header names to Header Objects (or references
// to them), and every local $ref resolves inside the document.
func TestOpenAPIStructure(t *testing.T) {
	doc := openapiDoc(t)
	paths, _ := doc["paths"].(map[string]any)
	if len(paths) == 0 {
		t.Fatal("no paths")
	}
	checkResponse := func(where string, v any) {
		r, ok := deref(doc, v)
		if !ok {
			t.Errorf("%s: not a Response Object: %v", where, v)
			return
		}
		if d, _ := r["description"].(string); d == "" {
			t.Errorf("%s: a response without a description", where)
		}
	}
	for path, item := range paths {
		ops, _ := item.(map[string]any)
		for _, m := range httpMethods {
			op, ok := ops[m].(map[string]any)
			if !ok {
				continue
			}
			responses, _ := op["responses"].(map[string]any)
			if len(responses) == 0 {
				t.Errorf("%s %s: no responses", m, path)
			}
			for code, res := range responses {
				checkResponse(m+" "+path+" "+code, res)
			}
		}
	}
	if comps, ok := doc["components"].(map[string]any); ok {
		responses, _ := comps["responses"].(map[string]any)
		for name, res := range responses {
			checkResponse("components/responses/"+name, res)
		}
	}
	headerFields := map[string]bool{"description": true, "required": true, "deprecated": true, "style": true,
		"explode": true, "schema": true, "example": true, "examples": true, "content": true}
	nHeaders := 0
	walkJSON(doc, "#", func(at string, m map[string]any) {
		if strings.HasSuffix(at, "/properties") {
			return // a schema's properties: their names are free
		}
		if ref, ok := m["$ref"].(string); ok && strings.HasPrefix(ref, "#") {
			if _, ok := resolvePointer(doc, ref); !ok {
				t.Errorf("%s: $ref %q does not resolve inside the document", at, ref)
			}
		}
		hv, ok := m["headers"]
		if !ok {
			return
		}
		headers, ok := hv.(map[string]any)
		if !ok {
			t.Errorf("%s/headers: not a map of header names", at)
			return
		}
		for name, h := range headers {
			nHeaders++
			where := at + "/headers/" + name
			if !headerName.MatchString(name) {
				t.Errorf("%s: %q is not a header name", where, name)
			}
			obj, ok := h.(map[string]any)
			if !ok {
				t.Errorf("%s: not a Header Object", where)
				continue
			}
			if ref, ok := obj["$ref"].(string); ok {
				target, _ := deref(doc, obj)
				if !strings.HasPrefix(ref, "#/components/headers/") || target == nil {
					t.Errorf("%s: $ref %q is not a header of the components", where, ref)
				}
				continue
			}
			_, schema := obj["schema"]
			_, content := obj["content"]
			if schema == content {
				t.Errorf("%s: a Header Object has either schema or content", where)
			}
			for k := range obj {
				if !headerFields[k] && !strings.HasPrefix(k, "x-") {
					t.Errorf("%s: %q is not a field of a Header Object", where, k)
				}
			}
		}
	})
	if nHeaders == 0 {
		t.Error("no headers documented")
	}
}

// TestOpenAPIDocumentsGETAnswers requests every GET of openapi.json through the handler,
// as is and again with If-None-Match of its ETag, under every CORS configuration: each
// status must be documented for the operation, and each ETag, Cache-Control and Vary sent
// documented for that status.
func TestOpenAPIDocumentsGETAnswers(t *testing.T) {
	doc := openapiDoc(t)
	concrete := map[string]string{ // a path of each templated GET
		"/v1/programs/{id}":           "/v1/programs/microsoft-ai-cloud-partner-program",
		"/v1/programs/{id}/{version}": "/v1/programs/microsoft-ai-cloud-partner-program/fy26",
		"/v1/schemas/{name}":          "/v1/schemas/profile",
	}
	paths, _ := doc["paths"].(map[string]any)
	for _, c := range []struct {
		name    string
		origins []string
		origin  string
	}{
		{"no CORS", nil, ""},
		{"a list of origins, no Origin", []string{"https://app.example"}, ""},
		{"a list of origins, an allowed Origin", []string{"https://app.example"}, "https://app.example"},
		{"any origin, no Origin", []string{"*"}, ""},
		{"any origin, an Origin", []string{"*"}, "https://app.example"},
	} {
		h, err := New(Config{AllowedOrigins: c.origins})
		if err != nil {
			t.Fatal(err)
		}
		for tmpl, item := range paths {
			op, ok := item.(map[string]any)["get"].(map[string]any)
			if !ok {
				continue
			}
			path := tmpl
			if strings.Contains(tmpl, "{") {
				if path, ok = concrete[tmpl]; !ok {
					t.Errorf("%s: no path to request it by", tmpl)
					continue
				}
			}
			responses, _ := op["responses"].(map[string]any)
			etag := ""
			for _, revalidate := range []bool{false, true} {
				r := httptest.NewRequest(http.MethodGet, path, nil)
				if c.origin != "" {
					r.Header.Set("Origin", c.origin)
				}
				if revalidate {
					if etag == "" {
						continue
					}
					r.Header.Set("If-None-Match", etag)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				etag = w.Header().Get("ETag")
				where := c.name + ": GET " + path
				if revalidate {
					where += " (If-None-Match)"
				}
				code := strconv.Itoa(w.Code)
				res, ok := responses[code]
				if !ok {
					res, ok = responses[code[:1]+"XX"]
				}
				if !ok {
					res, ok = responses["default"]
				}
				if !ok {
					t.Errorf("%s: %d, not documented for %s", where, w.Code, tmpl)
					continue
				}
				obj, _ := deref(doc, res)
				documented := map[string]bool{}
				headers, _ := obj["headers"].(map[string]any)
				for name := range headers {
					documented[strings.ToLower(name)] = true
				}
				for _, k := range []string{"ETag", "Cache-Control", "Vary"} {
					if v := w.Header().Values(k); len(v) > 0 && !documented[strings.ToLower(k)] {
						t.Errorf("%s: %d sends %s %q, not documented", where, w.Code, k, v)
					}
				}
			}
		}
	}
}
