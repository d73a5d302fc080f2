// Package bufhttp calls an http.Handler with a request held in memory and returns the
// response in memory: no network, no goroutine, no streaming. It is the Worker's lean
// bridge (wasm/worker): JavaScript reads the request body, makes one call into Go with the
// method, URL, header lines and body bytes, and builds the Response from the status,
// header lines and body bytes returned. Headers cross as text, one "name:value" per line,
// so that each direction costs a single string.
package bufhttp

import (
	"bytes"
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
)

// Server serves one request at a time into buffers it reuses: it is not safe for
// concurrent use (a js/wasm program runs one call at a time). The Request the handler gets,
// its URL, Header and Body are reused too: the handler must not keep them after it returns
// (the strings in them stay valid).
type Server struct {
	h http.Handler
	w writer
	// lines is the reused buffer of the response's header lines.
	lines []byte

	req    http.Request
	url    url.URL
	header http.Header
	values []string // the backing array of header's values
	body   reader
	// rawURL, parsed and requestURI are the last request URL, what url.ParseRequestURI
	// made of it and its RequestURI: most requests to a Worker repeat the URL of the one
	// before.
	rawURL     string
	parsed     url.URL
	requestURI string
}

// New returns a Server that calls h.
func New(h http.Handler) *Server {
	return &Server{h: h, w: writer{header: http.Header{}}, header: http.Header{}, body: reader{Reader: new(bytes.Reader)}}
}

// Response is a buffered response. Body and HeaderLines are valid until the next call to
// Serve on the same Server.
type Response struct {
	Status int
	// Header is the response's header (reused by the next call).
	Header http.Header
	// HeaderLines is Header as "Name:value\n" lines, one per value.
	HeaderLines []byte
	Body        []byte
}

// Serve calls the handler with a request made of method, rawURL (absolute, or a path
// with its query), header lines "name:value" separated by "\n" (as JavaScript's Headers
// iterate: names lower-cased, repeated values joined by ", ") and body. The request's
// ContentLength is the body's length, or the Content-Length line when that is larger (the
// caller may leave out a body it knows is over the handler's limit). A panic in the
// handler becomes a 500 response.
func (s *Server) Serve(method, rawURL, headerLines string, body []byte) (res Response) {
	w := &s.w
	clear(w.header)
	w.status, w.wrote, w.body = 0, false, w.body[:0]
	defer func() {
		if v := recover(); v != nil {
			clear(w.header)
			w.header.Set("Content-Type", "text/plain; charset=utf-8")
			w.status, w.body = http.StatusInternalServerError, append(w.body[:0], fmt.Sprint("internal error: ", v)...)
		}
		res = s.response()
	}()
	if rawURL != s.rawURL || s.rawURL == "" {
		u, err := url.ParseRequestURI(rawURL)
		if err != nil {
			w.status = http.StatusBadRequest
			w.body = append(w.body, "bad request URL"...)
			return
		}
		s.rawURL, s.parsed, s.requestURI = strings.Clone(rawURL), *u, u.RequestURI()
	}
	s.url = s.parsed // a copy: the handler may change its URL
	u := &s.url
	s.values = s.values[:0]
	parseHeaderInto(s.header, &s.values, headerLines)
	s.req = http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     s.header,
		Host:       u.Host,
		RequestURI: s.requestURI,
		Body:       http.NoBody,
	}
	r := &s.req
	if len(body) > 0 {
		s.body.Reset(body)
		r.Body = &s.body
	}
	r.ContentLength = int64(len(body))
	if cl, err := strconv.ParseInt(r.Header.Get("Content-Length"), 10, 64); err == nil && cl > r.ContentLength {
		r.ContentLength = cl
	}
	r.RemoteAddr = r.Header.Get("Cf-Connecting-Ip")
	s.h.ServeHTTP(w, r)
	return
}

func (s *Server) response() Response {
	w := &s.w
	if w.status == 0 {
		w.status = http.StatusOK
	}
	b := s.lines[:0]
	for k, vs := range w.header {
		for _, v := range vs {
			b = append(b, k...)
			b = append(b, ':')
			b = append(b, v...)
			b = append(b, '\n')
		}
	}
	s.lines = b
	return Response{Status: w.status, Header: w.header, HeaderLines: b, Body: w.body}
}

// parseHeader reads "name:value" lines separated by "\n".
func parseHeader(lines string) http.Header {
	h := make(http.Header, strings.Count(lines, "\n")+1)
	var values []string
	parseHeaderInto(h, &values, lines)
	return h
}

// parseHeaderInto clears h and reads "name:value" lines separated by "\n" into it, the
// values of each name a slice of *values (appended to, kept for the next request).
func parseHeaderInto(h http.Header, values *[]string, lines string) {
	clear(h)
	for lines != "" {
		line, rest, _ := strings.Cut(lines, "\n")
		lines = rest
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" {
			continue
		}
		k = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if vs, ok := h[k]; ok {
			h[k] = append(vs, v) // a repeated name (JavaScript's Headers join them): rare
			continue
		}
		n := len(*values)
		*values = append(*values, v)
		h[k] = (*values)[n : n+1 : n+1]
	}
}

// reader is the request body: a bytes.Reader that can be closed.
type reader struct{ *bytes.Reader }

func (reader) Close() error { return nil }

// writer is the buffered http.ResponseWriter.
type writer struct {
	header http.Header
	status int
	wrote  bool
	body   []byte
}

func (w *writer) Header() http.Header { return w.header }

func (w *writer) WriteHeader(status int) {
	if w.wrote {
		return
	}
	w.wrote, w.status = true, status
}

func (w *writer) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	w.body = append(w.body, p...)
	return len(p), nil
}
