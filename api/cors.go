package api

import (
	"net/http"
	"strings"
)

// Headers a browser may send cross-origin (beyond the safelisted ones) and read back.
const (
	corsAllowHeaders  = "Content-Type, If-None-Match"
	corsExposeHeaders = "ETag, Content-Length"
	corsMaxAge        = "86400"
)

// The CORS header values of "*", each made once (see noStore).
var (
	anyOrigin     = []string{"*"}
	exposeHeaders = []string{corsExposeHeaders}
)

// allowedOrigin returns the Access-Control-Allow-Origin value for origin, or "".
func (h *Handler) allowedOrigin(origin string) string {
	switch {
	case origin == "":
		return ""
	case h.anyOrig:
		return "*"
	case h.origins[strings.ToLower(origin)]:
		return origin
	}
	return ""
}

// cors adds the CORS headers of an actual request. With "*", every response allows any
// origin, whether the request named one or not: a cache may serve a response to a request
// without Origin to a later fetch() (Fetch §3.2.5), so it must not differ. With a list
// of origins, an allowed origin is echoed, and every response, even to a request without
// Origin, says Vary: Origin. Credentials are never allowed.
func (h *Handler) cors(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	if h.anyOrig {
		hd["Access-Control-Allow-Origin"] = anyOrigin
		hd["Access-Control-Expose-Headers"] = exposeHeaders
		return
	}
	if len(h.origins) == 0 {
		return
	}
	hd.Add("Vary", "Origin")
	if ao := h.allowedOrigin(r.Header.Get("Origin")); ao != "" {
		hd.Set("Access-Control-Allow-Origin", ao)
		hd.Set("Access-Control-Expose-Headers", corsExposeHeaders)
	}
}

// options answers OPTIONS: a CORS preflight (Origin and Access-Control-Request-Method) from
// an allowed origin for an allowed method gets 204 with the Access-Control-Allow-* headers;
// one from another origin, or for another method, gets 403; a plain OPTIONS gets 204 with
// Allow.
func (h *Handler) options(w http.ResponseWriter, r *http.Request, allow string) {
	hd := w.Header()
	hd.Set("Allow", allow)
	origin := r.Header.Get("Origin")
	reqMethod := r.Header.Get("Access-Control-Request-Method")
	if origin == "" || reqMethod == "" {
		setNoStore(hd)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	hd.Add("Vary", "Access-Control-Request-Method")
	hd.Add("Vary", "Access-Control-Request-Headers")
	ao := h.allowedOrigin(origin)
	if ao == "" {
		writeProblem(w, r, problem{status: http.StatusForbidden, slug: slugOrigin,
			detail: "the origin " + origin + " may not call this API"})
		return
	}
	if !listHas(allow, reqMethod) || reqMethod == http.MethodOptions {
		hd.Del("Access-Control-Allow-Origin")
		hd.Del("Access-Control-Expose-Headers")
		writeProblem(w, r, problem{status: http.StatusForbidden, slug: slugMethod,
			detail: reqMethod + " is not allowed here; allowed: " + allow})
		return
	}
	hd.Set("Access-Control-Allow-Origin", ao)
	hd.Set("Access-Control-Allow-Methods", allow)
	hd.Set("Access-Control-Allow-Headers", corsAllowHeaders)
	hd.Set("Access-Control-Max-Age", corsMaxAge)
	hd.Del("Access-Control-Expose-Headers")
	w.WriteHeader(http.StatusNoContent)
}

// listHas reports whether the comma-separated list holds item (exactly, as methods are
// case-sensitive).
func listHas(list, item string) bool {
	for _, v := range strings.Split(list, ",") {
		if strings.TrimSpace(v) == item {
			return true
		}
	}
	return false
}
