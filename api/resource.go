package api

import (
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// resource is the body of a GET, built once and kept with its strong ETag.
type resource struct {
	body  []byte
	etag  string
	ctype string
	cache string // Cache-Control
}

// Cache-Control of the GETs: the rules and schemas change only with a deployment, which
// changes the ETags, so caches may keep them a while and then revalidate.
const (
	cacheRules   = "public, max-age=300, stale-while-revalidate=60"
	cacheSchemas = "public, max-age=3600, stale-while-revalidate=600"
)

func newResource(body []byte, ctype, cache string) *resource {
	f := fnv.New64a()
	f.Write(body)
	return &resource{body: body, ctype: ctype, cache: cache,
		etag: `"` + strconv.FormatUint(f.Sum64(), 36) + `-` + strconv.Itoa(len(body)) + `"`}
}

// cached returns the resource stored under key, building it with build the first time.
// build returns nil when there is no such resource (nothing is kept then).
func (h *Handler) cached(key string, build func() *resource) *resource {
	h.mu.Lock()
	res, ok := h.cache[key]
	h.mu.Unlock()
	if ok {
		return res
	}
	res = build()
	if res != nil { // only what exists is kept: the cache stays as small as the data
		h.mu.Lock()
		h.cache[key] = res
		h.mu.Unlock()
	}
	return res
}

// serveResource sends res, or 304 Not Modified when If-None-Match names its ETag.
func serveResource(w http.ResponseWriter, r *http.Request, res *resource) {
	hd := w.Header()
	hd.Set("ETag", res.etag)
	hd.Set("Cache-Control", res.cache)
	if etagMatch(ifNoneMatch(r.Header), res.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeBody(w, r, http.StatusOK, res.ctype, res.body)
}

// ifNoneMatch returns the If-None-Match list of a request: its field lines combined into
// one comma-separated list, as RFC 9110 §5.3 reads repeated field lines.
func ifNoneMatch(hd http.Header) string {
	v := hd.Values("If-None-Match")
	if len(v) == 1 {
		return v[0] // most requests: no list to make
	}
	return strings.Join(v, ",")
}

// etagMatch reports whether an If-None-Match list names etag (weak comparison, as RFC
// 9110 asks for If-None-Match) or is "*".
func etagMatch(list, etag string) bool {
	if list == "" {
		return false
	}
	for _, t := range strings.Split(list, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}
