package api

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/partnerscore/partnerscore/schemas"
)

// schemaSuffix ends the name of every file of package schemas.
const schemaSuffix = ".schema.json"

// schemaType is the media type of a JSON Schema.
const schemaType = "application/schema+json"

// schemaList answers GET /v1/schemas: {"schemas":[{"name","href"}]} for every schema.
func (h *Handler) schemaList(w http.ResponseWriter, r *http.Request) {
	serveResource(w, r, h.cached("schemas", func() *resource {
		b := []byte(`{"schemas":[`)
		for i, name := range schemaNames() {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"name":`...)
			b = appendString(b, name)
			b = append(b, `,"href":`...)
			b = appendString(b, "/v1/schemas/"+name+schemaSuffix)
			b = append(b, '}')
		}
		return newResource(append(b, "]}"...), "application/json", cacheSchemas)
	}))
}

// schemaNames lists the schemas by name (file name without the suffix), sorted.
func schemaNames() []string {
	entries, err := schemas.FS.ReadDir(".")
	if err != nil {
		panic(err)
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), schemaSuffix); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	return names
}

// schema answers GET /v1/schemas/{name}: the JSON Schema file name+".schema.json" (the
// suffix may be given).
func (h *Handler) schema(w http.ResponseWriter, r *http.Request, name string) {
	name = strings.TrimSuffix(name, schemaSuffix)
	res := h.cached("schema/"+name, func() *resource {
		if name == "" || strings.Contains(name, "/") || !fs.ValidPath(name) {
			return nil
		}
		b, err := schemas.FS.ReadFile(name + schemaSuffix)
		if err != nil {
			return nil
		}
		return newResource(b, schemaType, cacheSchemas)
	})
	if res == nil {
		writeProblem(w, r, notFound(r.URL.EscapedPath()))
		return
	}
	serveResource(w, r, res)
}
