package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// site writes a small site in a temporary folder, with a secret file beside it.
func site(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	files := map[string]string{
		"index.html":             "<!doctype html><title>home</title>",
		"partnerscore.wasm":      "\x00asm\x01\x00\x00\x00plain",
		"partnerscore.wasm.br":   "BROTLI-BYTES",
		"partnerscore.wasm.gz":   gzipped(t, "\x00asm\x01\x00\x00\x00plain"),
		"wasm_exec.js":           "globalThis.Go = class {};",
		"wasm_exec.js.gz":        gzipped(t, "globalThis.Go = class {};"),
		"js/app.mjs":             "export {};",
		"css/site.css":           "body{}",
		"schemas/result.json":    "{}",
		"img/logo.svg":           "<svg xmlns='http://www.w3.org/2000/svg'/>",
		"docs/index.html":        "docs",
		"nodex/readme.txt":       "no index here",
		".hidden":                "hidden",
		"data.bin":               "\x01\x02",
		"weird name & more.json": "[]",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(top, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A symbolic link pointing outside the folder must not be followed.
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Logf("no symlink: %v", err)
	}
	return dir
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	io.WriteString(w, s)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func handler(t *testing.T) http.Handler {
	t.Helper()
	fs, err := newFileServer(site(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fs.Close() })
	return fs
}

func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r *http.Request
	if strings.HasPrefix(target, "/") && !strings.ContainsAny(target, "\\\x00") {
		r = httptest.NewRequest(method, "http://127.0.0.1"+target, nil)
	} else {
		// A raw path httptest would refuse to parse, as a hostile client may send.
		r = httptest.NewRequest(method, "http://127.0.0.1/", nil)
		r.URL.Path = target
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func checkSecurity(t *testing.T, target string, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Result().Header
	if h.Get("Content-Security-Policy") != contentSecurityPolicy {
		t.Errorf("%s: Content-Security-Policy %q", target, h.Get("Content-Security-Policy"))
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("%s: security headers %v", target, h)
	}
}

func TestContentTypes(t *testing.T) {
	h := handler(t)
	for target, want := range map[string]string{
		"/":                             "text/html; charset=utf-8",
		"/index.html":                   "text/html; charset=utf-8",
		"/partnerscore.wasm":            "application/wasm",
		"/wasm_exec.js":                 "text/javascript; charset=utf-8",
		"/js/app.mjs":                   "text/javascript; charset=utf-8",
		"/css/site.css":                 "text/css; charset=utf-8",
		"/schemas/result.json":          "application/json",
		"/img/logo.svg":                 "image/svg+xml",
		"/data.bin":                     "application/octet-stream",
		"/docs/":                        "text/html; charset=utf-8",
		"/weird%20name%20&%20more.json": "application/json",
	} {
		w := get(t, h, "GET", target)
		if w.Code != 200 {
			t.Errorf("%s: status %d", target, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", target, got, want)
		}
		if w.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: encoded without Accept-Encoding", target)
		}
		if w.Header().Get("ETag") == "" || w.Header().Get("Last-Modified") == "" || w.Header().Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: caching headers %v", target, w.Header())
		}
		checkSecurity(t, target, w)
	}
}

func TestPrecompressed(t *testing.T) {
	h := handler(t)
	cases := []struct {
		target, accept, encoding, body string
	}{
		{"/partnerscore.wasm", "gzip, deflate, br, zstd", "br", "BROTLI-BYTES"},
		{"/partnerscore.wasm", "br;q=1.0, gzip;q=0.8", "br", "BROTLI-BYTES"},
		{"/partnerscore.wasm", "gzip", "gzip", ""},
		{"/partnerscore.wasm", "br;q=0, gzip", "gzip", ""},
		{"/partnerscore.wasm", "*", "br", "BROTLI-BYTES"},
		{"/partnerscore.wasm", "*, br;q=0", "gzip", ""},
		{"/partnerscore.wasm", "identity", "", "\x00asm\x01\x00\x00\x00plain"},
		{"/partnerscore.wasm", "", "", "\x00asm\x01\x00\x00\x00plain"},
		{"/wasm_exec.js", "br, gzip", "gzip", ""},
		{"/css/site.css", "br, gzip", "", "body{}"},
	}
	etags := map[string]string{}
	for _, c := range cases {
		w := get(t, h, "GET", c.target, "Accept-Encoding", c.accept)
		if w.Code != 200 {
			t.Errorf("%s %q: status %d", c.target, c.accept, w.Code)
			continue
		}
		hd := w.Header()
		if hd.Get("Content-Encoding") != c.encoding {
			t.Errorf("%s %q: Content-Encoding %q, want %q", c.target, c.accept, hd.Get("Content-Encoding"), c.encoding)
		}
		if want := contentType(c.target); hd.Get("Content-Type") != want {
			t.Errorf("%s %q: Content-Type %q, want %q (the original's)", c.target, c.accept, hd.Get("Content-Type"), want)
		}
		if c.target != "/css/site.css" && hd.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s %q: Vary %q", c.target, c.accept, hd.Get("Vary"))
		}
		body := w.Body.String()
		if c.encoding == "gzip" {
			zr, err := gzip.NewReader(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(zr)
			body = string(b)
			c.body = map[string]string{"/partnerscore.wasm": "\x00asm\x01\x00\x00\x00plain", "/wasm_exec.js": "globalThis.Go = class {};"}[c.target]
		}
		if body != c.body {
			t.Errorf("%s %q: body %q, want %q", c.target, c.accept, body, c.body)
		}
		if hd.Get("Content-Length") != strconv.Itoa(w.Body.Len()) {
			t.Errorf("%s %q: Content-Length %s for %d bytes", c.target, c.accept, hd.Get("Content-Length"), w.Body.Len())
		}
		key := c.target + " " + c.encoding
		if prev, ok := etags[key]; ok && prev != hd.Get("ETag") {
			t.Errorf("%s: ETag changed", key)
		}
		etags[key] = hd.Get("ETag")
	}
	if etags["/partnerscore.wasm br"] == etags["/partnerscore.wasm gzip"] || etags["/partnerscore.wasm br"] == etags["/partnerscore.wasm "] {
		t.Errorf("representations share an ETag: %v", etags)
	}
}

func TestConditional(t *testing.T) {
	h := handler(t)
	w := get(t, h, "GET", "/partnerscore.wasm", "Accept-Encoding", "br")
	tag := w.Header().Get("ETag")
	w2 := get(t, h, "GET", "/partnerscore.wasm", "Accept-Encoding", "br", "If-None-Match", tag)
	if w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
		t.Errorf("If-None-Match: status %d, %d bytes", w2.Code, w2.Body.Len())
	}
	w3 := get(t, h, "GET", "/partnerscore.wasm", "Accept-Encoding", "gzip", "If-None-Match", tag)
	if w3.Code != 200 {
		t.Errorf("the br ETag matched the gzip representation: %d", w3.Code)
	}
	w4 := get(t, h, "GET", "/index.html", "If-Modified-Since", w.Header().Get("Last-Modified"))
	if w4.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", w4.Code)
	}
	w5 := get(t, h, "HEAD", "/partnerscore.wasm", "Accept-Encoding", "br")
	if w5.Code != 200 || w5.Body.Len() != 0 || w5.Header().Get("Content-Encoding") != "br" || w5.Header().Get("Content-Length") != "12" {
		t.Errorf("HEAD: %d, %d bytes, %v", w5.Code, w5.Body.Len(), w5.Header())
	}
	if w2.Header().Get("Content-Encoding") != "" {
		t.Errorf("304 with Content-Encoding")
	}
	// A range applies to the compressed representation.
	w6 := get(t, h, "GET", "/partnerscore.wasm", "Accept-Encoding", "br", "Range", "bytes=0-5")
	if w6.Code != http.StatusPartialContent || w6.Body.String() != "BROTLI" || w6.Header().Get("Content-Encoding") != "br" {
		t.Errorf("Range: %d %q %v", w6.Code, w6.Body.String(), w6.Header())
	}
	w7 := get(t, h, "GET", "/partnerscore.wasm", "Accept-Encoding", "br", "Range", "bytes=100-200")
	if w7.Code != http.StatusRequestedRangeNotSatisfiable || w7.Header().Get("Content-Encoding") != "" {
		t.Errorf("bad Range: %d %v", w7.Code, w7.Header())
	}
}

func TestNotFoundAndTraversal(t *testing.T) {
	h := handler(t)
	for _, target := range []string{
		"/missing.js",
		"/nodex/",
		"/.hidden",
		"/js/.././.hidden",
		"/../secret.txt",
		"/js/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/link.txt",
		"..\\secret.txt",
		"/js/..\\..\\secret.txt",
		"/index.html/",
		"/index.html\x00.js",
	} {
		w := get(t, h, "GET", target)
		if w.Code != http.StatusNotFound && w.Code != http.StatusMovedPermanently {
			t.Errorf("%q: status %d, want 404", target, w.Code)
		}
		if strings.Contains(w.Body.String(), "SECRET") || strings.Contains(w.Body.String(), "hidden") {
			t.Errorf("%q: leaked %q", target, w.Body.String())
		}
		checkSecurity(t, target, w)
	}
	// A folder without its slash is redirected, keeping the query.
	w := get(t, h, "GET", "/docs?x=1")
	if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/docs/?x=1" {
		t.Errorf("/docs: %d %q", w.Code, w.Header().Get("Location"))
	}
	w = get(t, h, "POST", "/index.html")
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d", w.Code)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"/":            ".",
		"/a/b.js":      "a/b.js",
		"/a//b.js":     "a/b.js",
		"/a/./b.js":    "", // browsers remove dot segments: a request with one is refused
		"/a/../b.js":   "",
		"/../b.js":     "",
		"/.git/config": "",
		"/a/.env":      "",
		"a.js":         "",
		"/a\\b":        "",
	} {
		got, ok := fileName(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		header, coding string
		want           bool
	}{
		{"br", "br", true},
		{"gzip, br", "br", true},
		{"BR", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0.0", "br", false},
		{"br;q=0.5", "br", true},
		{"gzip", "br", false},
		{"", "br", false},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"*, gzip;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"brotli", "br", false},
	} {
		if got := accepts(c.header, c.coding); got != c.want {
			t.Errorf("accepts(%q, %q) = %v", c.header, c.coding, got)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "localhost": true,
		"": false, "0.0.0.0": false, "::": false, "192.168.1.2": false, "example.com": false, "localhost.example.com": false,
	} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v", host, got)
		}
	}
}

// TestRun starts the command on a free port, reads the URL it prints, fetches a page, and
// stops it.
func TestRun(t *testing.T) {
	dir := site(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-dir", dir}, func(string) string { return "" }, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no URL printed: %v (stderr %q)", err, stderr.String())
	}
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "serving ")
	if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0/") || !strings.HasSuffix(url, "/") {
		t.Fatalf("printed %q", line)
	}
	req, _ := http.NewRequest("GET", url+"partnerscore.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" || resp.Header.Get("Content-Encoding") != "br" || string(body) != "BROTLI-BYTES" {
		t.Errorf("GET: %d %v %q", resp.StatusCode, resp.Header, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not stop")
	}
}

func TestRunUsage(t *testing.T) {
	dir := site(t)
	env := func(port string) func(string) string {
		return func(k string) string {
			if k == "PORT" {
				return port
			}
			return ""
		}
	}
	for _, c := range []struct {
		args []string
		port string
		code int
		says string
	}{
		{[]string{"-addr", "0.0.0.0:0", "-dir", dir}, "", 2, "not a loopback address"},
		{[]string{"-addr", ":0", "-dir", dir}, "", 2, "-public"},
		{[]string{"-addr", "192.168.0.1:0", "-dir", dir}, "", 2, "loopback"},
		{[]string{"-addr", "nonsense", "-dir", dir}, "", 2, "bad address"},
		{[]string{"-dir", filepath.Join(dir, "missing")}, "", 1, "not a folder"},
		{[]string{"-dir", dir, "extra"}, "", 2, "unexpected argument"},
		{[]string{"-nope"}, "", 2, "flag provided but not defined"},
		{[]string{"-dir", dir}, "notaport", 1, "serve:"},
	} {
		var stdout, stderr bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		code := run(ctx, c.args, env(c.port), &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.says) {
			t.Errorf("%v PORT=%q: exit %d, stderr %q; want %d and %q", c.args, c.port, code, stderr.String(), c.code, c.says)
		}
	}
	// $PORT sets the port on 127.0.0.1 when -addr is not given.
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := run(ctx, []string{"-dir", dir}, env("0"), &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "serving http://127.0.0.1:") {
		t.Errorf("PORT=0: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// TestCrossOrigin checks that the widget's code (scripts, styles, wasm) may be read by pages
// of other origins, precompressed or not, and that pages and data stay same-origin.
func TestCrossOrigin(t *testing.T) {
	h := handler(t)
	for _, tc := range []struct {
		target, encoding string
		open             bool
	}{
		{"/partnerscore.wasm", "", true},
		{"/partnerscore.wasm", "br", true},
		{"/wasm_exec.js", "gzip", true},
		{"/js/app.mjs", "", true},
		{"/css/site.css", "", true},
		{"/", "", false},
		{"/index.html", "", false},
		{"/schemas/result.json", "", false},
		{"/img/logo.svg", "", false},
	} {
		w := get(t, h, "GET", tc.target, "Origin", "http://127.0.0.1:9", "Accept-Encoding", tc.encoding)
		if w.Code != 200 {
			t.Errorf("%s: status %d", tc.target, w.Code)
			continue
		}
		acao, corp := w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Cross-Origin-Resource-Policy")
		if tc.open && (acao != "*" || corp != "cross-origin") {
			t.Errorf("%s (%s): Access-Control-Allow-Origin %q, Cross-Origin-Resource-Policy %q, want * and cross-origin", tc.target, tc.encoding, acao, corp)
		}
		if !tc.open && (acao != "" || corp != "same-origin") {
			t.Errorf("%s: Access-Control-Allow-Origin %q, Cross-Origin-Resource-Policy %q, want none and same-origin", tc.target, acao, corp)
		}
		checkSecurity(t, tc.target, w)
	}
	// A missing file of the widget's kinds is a 404 that another origin can read; a missing
	// page is not opened to other origins.
	for target, open := range map[string]bool{"/none/partnerscore.wasm": true, "/embed/missing.js": true, "/missing.html": false} {
		w := get(t, h, "GET", target, "Origin", "http://127.0.0.1:9")
		if w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, w.Code)
		}
		if acao := w.Header().Get("Access-Control-Allow-Origin"); (acao == "*") != open {
			t.Errorf("%s: Access-Control-Allow-Origin %q", target, acao)
		}
	}
}
