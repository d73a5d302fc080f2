package api

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// Limits of a request.
const (
	// MaxBodyBytes is the largest request body accepted (413 beyond).
	MaxBodyBytes = 256 << 10
	// MaxBatchItems is the most profiles one batch may hold (413 beyond).
	MaxBatchItems = 1000
)

// Config configures a Handler.
type Config struct {
	// Engine evaluates the profiles; nil uses score.Default().
	Engine *score.Engine
	// AllowedOrigins are the origins (scheme://host[:port]) whose browsers may call the
	// API (CORS); "*" allows any origin. Empty: no CORS headers, preflights refused.
	AllowedOrigins []string
	// Version names the build, shown by /healthz (empty: "devel").
	Version string
	// Now gives the date the program list marks versions in force on (default time.Now).
	Now func() time.Time
}

// Handler is the API; make one with New. It is safe for concurrent use.
type Handler struct {
	eng     *score.Engine
	origins map[string]bool
	anyOrig bool
	version string
	now     func() time.Time

	mu    sync.Mutex
	cache map[string]*resource // GET bodies, by path
	// listDate is the day the program list in cache["programs"] was built for: the list of
	// another day replaces it.
	listDate string
}

// New returns the API handler for cfg.
func New(cfg Config) (*Handler, error) {
	h := &Handler{eng: cfg.Engine, version: cfg.Version, now: cfg.Now, origins: map[string]bool{},
		cache: map[string]*resource{}}
	if h.eng == nil {
		var err error
		if h.eng, err = score.Default(); err != nil {
			return nil, fmt.Errorf("api: the rule data cannot be loaded: %w", err)
		}
	}
	if h.version == "" {
		h.version = "devel"
	}
	if h.now == nil {
		h.now = time.Now
	}
	for _, o := range cfg.AllowedOrigins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		switch {
		case o == "*":
			h.anyOrig = true
		case o != "":
			h.origins[strings.ToLower(o)] = true
		}
	}
	return h, nil
}

// ParseOrigins splits a list of origins separated by commas or spaces (the form of the
// Worker variable ALLOWED_ORIGINS and of cmd/api's -origins flag).
func ParseOrigins(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}

// Methods a route answers, as the Allow header lists them.
const (
	allowPost = "POST, OPTIONS"
	allowGet  = "GET, HEAD, OPTIONS"
)

// knownMethod reports whether m is a method of RFC 9110 §9 or PATCH (RFC 5789): another
// is not recognized and gets 501 Not Implemented on every path (RFC 9110 §9.1); a known
// one that a route does not allow gets 405 with Allow.
func knownMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete,
		http.MethodConnect, http.MethodOptions, http.MethodTrace, http.MethodPatch:
		return true
	}
	return false
}

// ServeHTTP routes a request. A panic below it becomes a 500 problem.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeProblem(w, r, internalProblem(fmt.Sprint("unexpected panic: ", v)))
		}
	}()
	h.cors(w, r)
	if !knownMethod(r.Method) {
		writeProblem(w, r, problem{status: http.StatusNotImplemented, slug: slugNotImpl,
			detail: "the method " + r.Method + " is not implemented by this server (methods are case-sensitive)"})
		return
	}
	p := r.URL.Path
	switch {
	case p == "/v1/evaluate":
		if h.method(w, r, allowPost) {
			h.evaluate(w, r)
		}
	case p == "/v1/evaluate/batch":
		if h.method(w, r, allowPost) {
			h.batch(w, r)
		}
	case p == "/v1/compare":
		if h.method(w, r, allowPost) {
			h.compare(w, r)
		}
	case p == "/v1/programs":
		if h.method(w, r, allowGet) {
			h.programs(w, r)
		}
	case strings.HasPrefix(p, "/v1/programs/"):
		if h.method(w, r, allowGet) {
			h.program(w, r, p[len("/v1/programs/"):])
		}
	case p == "/v1/schemas":
		if h.method(w, r, allowGet) {
			h.schemaList(w, r)
		}
	case strings.HasPrefix(p, "/v1/schemas/"):
		if h.method(w, r, allowGet) {
			h.schema(w, r, p[len("/v1/schemas/"):])
		}
	case p == "/openapi.json":
		if h.method(w, r, allowGet) {
			h.openapi(w, r)
		}
	case p == "/healthz":
		if h.method(w, r, allowGet) {
			h.health(w, r)
		}
	default:
		writeProblem(w, r, notFound(r.URL.EscapedPath()))
	}
}

// method answers OPTIONS (a CORS preflight or a plain OPTIONS) and the known methods the
// route does not allow (405 with Allow; ServeHTTP has answered the others with 501); it
// returns true when the route should serve the request.
func (h *Handler) method(w http.ResponseWriter, r *http.Request, allow string) bool {
	m := r.Method
	if m == http.MethodOptions {
		h.options(w, r, allow)
		return false
	}
	if m == http.MethodPost && allow == allowPost || (m == http.MethodGet || m == http.MethodHead) && allow == allowGet {
		return true
	}
	w.Header().Set("Allow", allow)
	writeProblem(w, r, problem{status: http.StatusMethodNotAllowed, slug: slugMethod,
		detail: m + " is not allowed here; allowed: " + allow})
	return false
}
