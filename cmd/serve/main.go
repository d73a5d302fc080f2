// Command serve serves a static folder (by default dist/site, the browser simulator that
// ./build.sh build writes) over HTTP on a loopback address:
//
//	serve [-addr 127.0.0.1:8080] [-dir dist/site] [-public] [-v]
//
// The address comes from -addr, else from $PORT (on 127.0.0.1), else 127.0.0.1:8080; port
// 0 picks a free port. The first line on stdout is the URL served, e.g.
// "serving http://127.0.0.1:8080/". Only loopback addresses are accepted unless -public
// is given.
//
// Files are served with fixed content types (application/wasm, text/javascript…), from
// their precompressed siblings X.br or X.gz when the client accepts br or gzip (with
// Content-Encoding and Vary: Accept-Encoding, the type of X), with an ETag and
// Last-Modified and Cache-Control: no-cache, and with security headers: a
// Content-Security-Policy that allows only the site's own scripts, styles, images and
// WebAssembly, X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer.
// Scripts, styles and WebAssembly may also be read by pages of other origins (the embeddable
// widget, site/embed): Access-Control-Allow-Origin: * and Cross-Origin-Resource-Policy:
// cross-origin; pages and data stay same-origin.
// Directories serve their index.html; there are no listings, no dotfiles, and no path
// leaves the folder.
package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

const defaultAddr = "127.0.0.1:8080"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// run serves until ctx is done; it returns the exit status (0, 1 on a failure, 2 on bad
// usage).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", defaultAddr, "`host:port` to listen on (default from $PORT on 127.0.0.1); port 0 picks a free one")
	dir := fl.String("dir", "dist/site", "the `folder` to serve")
	public := fl.Bool("public", false, "allow listening on a non-loopback address")
	verbose := fl.Bool("v", false, "log every request on stderr")
	fl.Usage = func() {
		io.WriteString(stderr, "Usage: serve [-addr host:port] [-dir folder] [-public] [-v]\n\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		io.WriteString(stderr, "serve: unexpected argument "+strconv.Quote(fl.Arg(0))+"\n")
		return 2
	}
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == "addr" })
	if port := getenv("PORT"); !set && port != "" {
		*addr = net.JoinHostPort("127.0.0.1", port)
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		io.WriteString(stderr, "serve: bad address "+strconv.Quote(*addr)+": "+err.Error()+"\n")
		return 2
	}
	if !*public && !isLoopback(host) {
		io.WriteString(stderr, "serve: "+strconv.Quote(*addr)+" is "+errNotLoopback.Error()+
			" (127.0.0.1, ::1 or localhost); pass -public to serve beyond this machine\n")
		return 2
	}
	if info, err := os.Stat(*dir); err != nil || !info.IsDir() {
		io.WriteString(stderr, "serve: "+strconv.Quote(*dir)+" is not a folder (run ./build.sh build first?)\n")
		return 1
	}
	files, err := newFileServer(*dir)
	if err != nil {
		io.WriteString(stderr, "serve: "+err.Error()+"\n")
		return 1
	}
	defer files.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		io.WriteString(stderr, "serve: "+err.Error()+"\n")
		return 1
	}
	var handler http.Handler = files
	if *verbose {
		handler = logRequests(handler, log.New(stderr, "", log.LstdFlags))
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(stderr, "serve: ", 0),
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if host == "" {
		host = "localhost"
	}
	io.WriteString(stdout, "serving http://"+net.JoinHostPort(host, port)+"/\n")

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		io.WriteString(stderr, "serve: "+err.Error()+"\n")
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		io.WriteString(stderr, "serve: "+err.Error()+"\n")
		return 1
	}
	return 0
}

// isLoopback reports whether host is localhost or a loopback IP (127.0.0.0/8, ::1). Names
// other than localhost are not resolved: they are refused.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// statusWriter records the status of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func logRequests(h http.Handler, l *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		start := time.Now()
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		l.Printf("%s %s %d %s %s", r.Method, r.URL.RequestURI(), sw.status, w.Header().Get("Content-Encoding"), time.Since(start).Round(time.Microsecond))
	})
}
