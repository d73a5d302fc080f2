package api

import "net/http"

// health answers GET /healthz: {"status":"ok","version":…,"rules":["<program>/<version>",…]}.
// It is never cached.
func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	res := h.cached("healthz", func() *resource {
		b := []byte(`{"status":"ok","version":`)
		b = appendString(b, h.version)
		b = append(b, `,"rules":[`...)
		for i, p := range h.eng.Programs() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, p.ID+"/"+p.Version)
		}
		return newResource(append(b, "]}"...), "application/json", "no-store")
	})
	setNoStore(w.Header())
	writeBody(w, r, http.StatusOK, res.ctype, res.body)
}
