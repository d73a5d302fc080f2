package api

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/partnerscore/partnerscore/score"
)

// state is the per-request storage of an evaluation, pooled: the body, the reused input
// (score.Engine.ParseInto) and result, and the output buffer.
type state struct {
	in    bytes.Buffer
	input score.Input
	res   score.Result
	out   []byte
}

var states = sync.Pool{New: func() any { return new(state) }}

// maxPooled is the largest buffer kept for the next request; a larger one (a big batch) is
// left to the garbage collector so that memory falls back after it.
const maxPooled = 1 << 20

func getState() *state { return states.Get().(*state) }

func putState(st *state) {
	if st.in.Cap() > maxPooled || cap(st.out) > maxPooled {
		return
	}
	st.in.Reset()
	st.out = st.out[:0]
	states.Put(st)
}

// mediaType returns the media type of a Content-Type value, lower-cased, without
// parameters.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// charsetParam returns the value of the charset parameter of a Content-Type value (its
// quotes removed), and whether there is one.
func charsetParam(ct string) (string, bool) {
	_, params, _ := strings.Cut(ct, ";")
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, v, _ := strings.Cut(p, "=")
		if strings.EqualFold(strings.TrimSpace(k), "charset") {
			v = strings.TrimSpace(v)
			if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
				v = v[1 : len(v)-1]
			}
			return v, true
		}
	}
	return "", false
}

// readBody checks the request's content coding (none), content type against accept
// (media types, the first being the one named in the error) and charset (UTF-8 or none),
// and its size against MaxBodyBytes, and reads the body into st.in. On failure it sends
// the problem (415, 413 or 400) and returns false.
func readBody(w http.ResponseWriter, r *http.Request, st *state, accept ...string) ([]byte, string, bool) {
	if ce := r.Header.Get("Content-Encoding"); ce != "" && !strings.EqualFold(strings.TrimSpace(ce), "identity") {
		// RFC 9110 §15.5.16: say which codings would have been accepted.
		w.Header().Set("Accept-Encoding", "identity")
		writeProblem(w, r, problem{status: http.StatusUnsupportedMediaType, slug: slugMediaType,
			detail: "the body must not be encoded (no Content-Encoding, or identity); got Content-Encoding: " + ce,
			errors: score.Errors{{Path: "", Code: score.CodeType, Message: "unsupported content coding",
				Expected: "identity", Got: ce}}})
		return nil, "", false
	}
	ct := r.Header.Get("Content-Type")
	mt := mediaType(ct)
	found := false
	for _, a := range accept {
		found = found || mt == a
	}
	if !found {
		if ct == "" {
			ct = "none"
		}
		writeProblem(w, r, problem{status: http.StatusUnsupportedMediaType, slug: slugMediaType,
			detail: "the body must be " + strings.Join(accept, " or ") + "; got " + ct,
			errors: score.Errors{{Path: "", Code: score.CodeType, Message: "unsupported content type",
				Expected: strings.Join(accept, " or "), Got: ct}}})
		return nil, "", false
	}
	if cs, ok := charsetParam(ct); ok && !strings.EqualFold(cs, "utf-8") {
		writeProblem(w, r, problem{status: http.StatusUnsupportedMediaType, slug: slugMediaType,
			detail: "the body must be UTF-8 (charset=utf-8, or no charset); got charset=" + cs,
			errors: score.Errors{{Path: "", Code: score.CodeType, Message: "unsupported charset",
				Expected: "utf-8", Got: cs}}})
		return nil, "", false
	}
	if r.ContentLength > MaxBodyBytes {
		writeProblem(w, r, tooLarge(strconv.FormatInt(r.ContentLength, 10)+" bytes"))
		return nil, "", false
	}
	if r.ContentLength > 0 {
		st.in.Grow(int(r.ContentLength))
	}
	if r.Body != nil {
		if _, err := st.in.ReadFrom(io.LimitReader(r.Body, MaxBodyBytes+1)); err != nil {
			writeProblem(w, r, problem{status: http.StatusBadRequest, slug: slugUnreadable,
				detail: "the body could not be read whole: " + err.Error()})
			return nil, "", false
		}
	}
	if st.in.Len() > MaxBodyBytes {
		writeProblem(w, r, tooLarge("more than "+strconv.Itoa(MaxBodyBytes)+" bytes"))
		return nil, "", false
	}
	return st.in.Bytes(), mt, true
}

func tooLarge(got string) problem {
	max := strconv.Itoa(MaxBodyBytes)
	return problem{status: http.StatusRequestEntityTooLarge, slug: slugTooLarge,
		detail: "a request body is at most " + max + " bytes (256 KiB); got " + got,
		errors: score.Errors{{Code: score.CodeTooLarge, Message: "input is too large",
			Expected: "at most " + max + " bytes", Got: got}}}
}

// summaryParam reads the query parameter summary (true/1 or false/0, default false). On a
// bad value it sends a 400 problem and returns false.
func summaryParam(w http.ResponseWriter, r *http.Request) (summary, ok bool) {
	if r.URL.RawQuery == "" {
		return false, true // most requests: no query to parse
	}
	q := r.URL.Query()
	if !q.Has("summary") {
		return false, true
	}
	switch v := q.Get("summary"); v {
	case "", "true", "1":
		return true, true
	case "false", "0":
		return false, true
	default:
		writeProblem(w, r, problem{status: http.StatusBadRequest, slug: slugBadArgument,
			detail: "summary must be true or false; got " + strconv.Quote(v),
			errors: score.Errors{{Path: "", Code: score.CodeType, Message: "bad query parameter summary",
				Expected: "true or false", Got: v}}})
		return false, false
	}
}
