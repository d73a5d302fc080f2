package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
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
