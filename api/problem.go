package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/partnerscore/partnerscore/score"
)

// ProblemBase prefixes the type URI of every problem the API reports; the rest is the
// problem's slug (e.g. ProblemBase + "invalid-profile").
const ProblemBase = "https://partnerscore.dev/problems/"

// CodeInternal is the score.Error code of a failure inside the API (a recovered panic):
// never the caller's fault.
const CodeInternal = "internal"

// problem is an RFC 9457 problem detail, with the list of score.Error as the extension
// member "errors". Its title is its slug's (problemTitles): what varies from one
// occurrence to another goes in the detail.
type problem struct {
	status int
	slug   string // the type is ProblemBase + slug
	detail string
	errors score.Errors
}

// Problems the handler reports, by slug.
const (
	slugMalformed   = "malformed-json"
	slugInvalid     = "invalid-profile"
	slugNotFound    = "not-found"
	slugMethod      = "method-not-allowed"
	slugTooLarge    = "too-large"
	slugTooMany     = "too-many-items"
	slugMediaType   = "unsupported-media-type"
	slugOrigin      = "origin-not-allowed"
	slugInternal    = "internal"
	slugBadArgument = "bad-argument"
	slugUnreadable  = "unreadable-body"
	slugNotImpl     = "not-implemented"
)

// problemTitles is the title of each problem type, by slug: one title per type (RFC 9457
// §3.1.3). The Worker's entry.mjs writes the internal problem's itself, with this title.
var problemTitles = map[string]string{
	slugMalformed:   "The body is not well-formed JSON",
	slugInvalid:     "The profile is not valid",
	slugNotFound:    "Not found",
	slugMethod:      "Method not allowed",
	slugTooLarge:    "The body is too large",
	slugTooMany:     "Too many items",
	slugMediaType:   "Unsupported media type",
	slugOrigin:      "Origin not allowed",
	slugInternal:    "Internal error",
	slugBadArgument: "Bad query parameter",
	slugUnreadable:  "The body could not be read",
	slugNotImpl:     "Method not implemented",
}

// inputProblem classifies an error of score.Parse, Resolve or Evaluate: 400 when the
// input is not JSON, 413 when it is too large, 422 when the rules reject it, 500 for
// anything that is not a score error.
func inputProblem(err error) problem {
	es := asErrors(err)
	if es == nil {
		return internalProblem(err.Error())
	}
	p := problem{status: http.StatusUnprocessableEntity, slug: slugInvalid, detail: es.Error(), errors: es}
	for _, e := range es {
		switch e.Code {
		case score.CodeSyntax:
			p.status, p.slug = http.StatusBadRequest, slugMalformed
		case score.CodeTooLarge:
			p.status, p.slug = http.StatusRequestEntityTooLarge, slugTooLarge
		}
	}
	return p
}

// asErrors returns err as score.Errors, or nil when it is not a score error.
func asErrors(err error) score.Errors {
	var es score.Errors
	var one *score.Error
	switch {
	case errors.As(err, &es) && len(es) > 0:
		return es
	case errors.As(err, &one):
		return score.Errors{one}
	}
	return nil
}

func internalProblem(msg string) problem {
	return problem{status: http.StatusInternalServerError, slug: slugInternal, detail: msg,
		errors: score.Errors{{Code: CodeInternal, Message: msg}}}
}

// notFound is the 404 of a request for path, as the request escaped it
// (url.URL.EscapedPath).
func notFound(path string) problem {
	return problem{status: http.StatusNotFound, slug: slugNotFound, detail: "no resource at " + path}
}

// appendProblem appends p as JSON; instance is the request's path, as escaped in the
// request.
func appendProblem(b []byte, p problem, instance string) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, ProblemBase+p.slug)
	b = append(b, `,"title":`...)
	b = appendString(b, problemTitles[p.slug])
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(p.status), 10)
	if p.detail != "" {
		b = append(b, `,"detail":`...)
		b = appendString(b, p.detail)
	}
	b = append(b, `,"instance":`...)
	b = appendString(b, instance)
	if len(p.errors) > 0 {
		b = append(b, `,"errors":`...)
		b = appendErrors(b, p.errors)
	}
	return append(b, '}')
}

// Header values most responses carry, each made once: http.Header.Set allocates a slice of
// one value per call, which costs about a microsecond under wasm. They are shared, so never
// changed in place (http.Header.Add appends to a full slice: it copies).
var (
	noStore     = []string{"no-store"}
	noSniff     = []string{"nosniff"}
	jsonType    = []string{"application/json"}
	problemType = []string{"application/problem+json"}
)

// setNoStore sets Cache-Control: no-store.
func setNoStore(h http.Header) { h["Cache-Control"] = noStore }

// writeProblem sends p as application/problem+json. Its instance is the request's path as
// the request escaped it: decoded, "/a%3Fb" would read as a path and a query.
func writeProblem(w http.ResponseWriter, r *http.Request, p problem) {
	setNoStore(w.Header())
	writeBody(w, r, p.status, "application/problem+json", appendProblem(nil, p, r.URL.EscapedPath()))
}

// writeBody sends body with its type and length (without the body for HEAD).
func writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	switch contentType {
	case "application/json":
		h["Content-Type"] = jsonType
	case "application/problem+json":
		h["Content-Type"] = problemType
	default:
		h.Set("Content-Type", contentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h["X-Content-Type-Options"] = noSniff
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
