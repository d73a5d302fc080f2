// Command api serves PartnerScore's HTTP API (package api) natively, on 127.0.0.1:
//
//	api [-port 8788] [-origins "https://a.example,https://b.example"] [-v]
//
// -port 0 picks a free port. The first line on stdout is the base URL served, e.g.
// "api http://127.0.0.1:8788/". The same handler runs on Cloudflare Workers (wasm/worker);
// this command is for local use, tests and benchmarks, and listens on loopback only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"github.com/partnerscore/partnerscore/api"
)

// moduleVersion is set by the build (-ldflags "-X main.moduleVersion=…", see build.sh), as
// for the browser engine and the Worker, so that /healthz names the same version on every
// target.
var moduleVersion string

// buildVersion is moduleVersion, else the commit Go recorded when it built from a checkout
// (vcs.revision, 7 characters, "-dirty" when the tree was modified), else "" ("devel").
func buildVersion() string {
	if moduleVersion != "" {
		return moduleVersion
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	if rev != "" && dirty {
		rev += "-dirty"
	}
	return rev
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run serves until ctx is done and returns the exit status (1 on a failure, 2 on bad
// usage).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("api", flag.ContinueOnError)
	fl.SetOutput(stderr)
	port := fl.Int("port", 8788, "`port` to listen on, on 127.0.0.1 (0 picks a free one)")
	origins := fl.String("origins", "", "origins allowed to call from a browser (CORS), separated by commas; * for any")
	verbose := fl.Bool("v", false, "log every request on stderr")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 || *port < 0 || *port > 65535 {
		fmt.Fprintln(stderr, "api: takes -port (0–65535), -origins and -v only")
		return 2
	}
	h, err := api.New(api.Config{AllowedOrigins: api.ParseOrigins(*origins), Version: buildVersion()})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var handler http.Handler = h
	if *verbose {
		logger := log.New(stderr, "", log.LstdFlags)
		handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			h.ServeHTTP(w, r)
			logger.Printf("%s %s %s", r.Method, r.URL.RequestURI(), time.Since(start))
		})
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintln(stderr, "api:", err)
		return 1
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(stdout, "api http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "api:", err)
		return 1
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		return 0
	}
}
