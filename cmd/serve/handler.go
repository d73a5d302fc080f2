package main

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// contentSecurityPolicy lets the page run its own scripts and its WebAssembly, and nothing
// else: no inline script, no eval, no request to another origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// contentTypes maps extensions to types. The table is fixed (not the system's mime.types)
// so that every machine serves the same.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".xml":         "application/xml",
	".pdf":         "application/pdf",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".br":          "application/octet-stream",
	".gz":          "application/gzip",
}

// contentType is the type of a file by its extension; unknown ones are bytes.
func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// encodings are the precompressed siblings looked for, preferred first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// fileServer serves the files under one folder, read through an os.Root so that no path
// (.., symbolic links) reaches outside it.
type fileServer struct {
	root *os.Root
}

// newFileServer serves dir.
func newFileServer(dir string) (*fileServer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &fileServer{root: root}, nil
}

func (s *fileServer) Close() error { return s.root.Close() }

func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

func (s *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	info, err := s.root.Stat(name)
	dirIndex := false
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name, dirIndex = path.Join(name, "index.html"), true
		info, err = s.root.Stat(name)
	}
	if err != nil || !info.Mode().IsRegular() || (strings.HasSuffix(r.URL.Path, "/") && !dirIndex) {
		if embeddable(name) {
			// A widget on another origin then reads "404" rather than a CORS failure.
			w.Header().Set("Access-Control-Allow-Origin", "*")
		}
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	if embeddable(name) {
		// Code of the embeddable widget, loaded by pages of other origins (with CORS).
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	h.Set("Cache-Control", "no-cache") // file names are not versioned: revalidate (ETag, Last-Modified)
	served, encoding := name, ""
	for _, enc := range encodings {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		if ci, err := s.root.Stat(name + enc.ext); err == nil && ci.Mode().IsRegular() {
			served, encoding, info = name+enc.ext, enc.name, ci
			break
		}
	}
	if encoding != "" || s.hasSibling(name) {
		h.Add("Vary", "Accept-Encoding")
	}
	f, err := s.root.Open(served)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	h.Set("ETag", etag(info, encoding))
	if encoding != "" {
		// ServeContent leaves Content-Length out when it sees a Content-Encoding (it takes
		// that for on-the-fly compression): the encoding is added as the status is written.
		w = &encodedWriter{ResponseWriter: w, encoding: encoding}
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// embeddable reports whether a file may be read by pages of other origins: scripts, styles
// and WebAssembly, which the widget (embed/partnerscore-embed.js) loads into any page. They
// are public and carry no credentials; pages (HTML) and data stay same-origin.
func embeddable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".js", ".mjs", ".css", ".wasm":
		return true
	}
	return false
}

// encodedWriter sets Content-Encoding on a successful response (200, 206) of a
// precompressed file, when its headers are written.
type encodedWriter struct {
	http.ResponseWriter
	encoding    string
	wroteHeader bool
}

func (w *encodedWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		if code == http.StatusOK || code == http.StatusPartialContent {
			w.Header().Set("Content-Encoding", w.encoding)
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *encodedWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// hasSibling reports whether name has a precompressed sibling (then the response depends on
// Accept-Encoding even when it is the plain file).
func (s *fileServer) hasSibling(name string) bool {
	for _, enc := range encodings {
		if _, err := s.root.Stat(name + enc.ext); err == nil {
			return true
		}
	}
	return false
}

// fileName turns a URL path into a name inside the folder: cleaned, relative, with no
// segment starting with "." (no dotfiles, no "." or ".." segments: browsers remove them
// before sending). "/" is the folder itself, ".".
func fileName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath[1:], "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		return ".", true
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

// etag names one representation: size and modification time of the file sent, and its
// encoding (a compressed body is another representation).
func etag(info fs.FileInfo, encoding string) string {
	t := `"` + strconv.FormatInt(info.Size(), 16) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 16)
	if encoding != "" {
		t += "-" + encoding
	}
	return t + `"`
}

// accepts reports whether an Accept-Encoding header allows coding (by name or *, with a
// q-value above 0).
func accepts(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != coding && name != "*" {
			continue
		}
		ok := qValue(params) > 0
		if name == coding {
			return ok
		}
		star = ok
	}
	return star
}

// qValue reads q= from the parameters of one Accept-Encoding entry (1 when absent or bad).
func qValue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return 1
			}
			return q
		}
	}
	return 1
}

// errNotLoopback is returned for an address that is not a loopback one, without -public.
var errNotLoopback = errors.New("not a loopback address")
