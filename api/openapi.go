package api

import (
	_ "embed"
	"net/http"
)

// openapiJSON is the OpenAPI 3.1 description of the API. Its schemas reference the JSON
// Schemas as served under /v1/schemas (relative to the document), so the API describes
// itself with the same files as every other adapter.
//
//go:embed openapi.json
var openapiJSON []byte

// openapi answers GET /openapi.json.
func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) {
	serveResource(w, r, h.cached("openapi", func() *resource {
		return newResource(openapiJSON, "application/json", cacheSchemas)
	}))
}
