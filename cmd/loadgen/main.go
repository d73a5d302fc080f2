// Command loadgen measures an HTTP server's latency on loopback the way ./build.sh
// bench-api reads it: C connections, each sending one request after the other (keep-alive,
// HTTP/1.1) for a duration, every request's latency recorded.
//
//	loadgen -url http://127.0.0.1:8788/v1/evaluate [-body file] [-c 16] [-d 10s] [-header k:v]
//
// It prints one line of key=value figures (milliseconds): requests, errors (transport
// errors and non-2xx answers), rps, p50, p90, p99, p999 and max of the latencies of every
// request, and wrk_p50, wrk_p90, wrk_p99: the same latencies after the correction for
// coordinated omission that wrk 4 applies before printing its percentiles (see corrected),
// so that both readings of the same run can be compared. With -body the requests are POSTs
// of the file's bytes as application/json, otherwise GETs.
//
// Why both: wrk's figures answer "how long would a request arriving at a steady rate
// wait", and a stall of the server of S ms there weighs as S/interval requests; the
// per-request figures answer "how long did the requests made wait". On a shared machine
// where the server's thread is now and then not scheduled, the two differ by an order of
// magnitude at the tail.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	target := flag.String("url", "", "URL to request (http only)")
	bodyFile := flag.String("body", "", "file sent as the body of POST requests (application/json)")
	conns := flag.Int("c", 16, "connections")
	dur := flag.Duration("d", 10*time.Second, "duration")
	var headers multi
	flag.Var(&headers, "header", "extra request header name:value (repeatable)")
	flag.Parse()
	u, err := url.Parse(*target)
	if err != nil || u.Scheme != "http" || *conns < 1 {
		fmt.Fprintln(os.Stderr, "loadgen: -url http://host:port/path and -c >= 1 are needed")
		os.Exit(2)
	}
	var body []byte
	if *bodyFile != "" {
		if body, err = os.ReadFile(*bodyFile); err != nil {
			fmt.Fprintln(os.Stderr, "loadgen:", err)
			os.Exit(1)
		}
	}
	r := run(u, request(u, body, headers), *conns, *dur)
	fmt.Println(r)
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

// request returns the raw HTTP/1.1 request.
func request(u *url.URL, body []byte, headers []string) []byte {
	method := "GET"
	if body != nil {
		method = "POST"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, u.RequestURI(), u.Host)
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		fmt.Fprintf(&b, "%s: %s\r\n", strings.TrimSpace(k), strings.TrimSpace(v))
	}
	if body != nil {
		fmt.Fprintf(&b, "Content-Type: application/json\r\nContent-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	return append([]byte(b.String()), body...)
}

// result is one run's figures.
type result struct {
	requests, errors int
	elapsed          time.Duration
	conns            int
	lat              []time.Duration // sorted
}

func (r result) String() string {
	if len(r.lat) == 0 {
		return fmt.Sprintf("requests=0 errors=%d", r.errors)
	}
	interval := r.elapsed / time.Duration(max(1, len(r.lat)/r.conns))
	c := corrected(r.lat, interval)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.3f", float64(d)/1e6) }
	return fmt.Sprintf("requests=%d errors=%d rps=%.0f p50=%s p90=%s p99=%s p999=%s max=%s wrk_p50=%s wrk_p90=%s wrk_p99=%s",
		r.requests, r.errors, float64(len(r.lat))/r.elapsed.Seconds(),
		ms(quantile(r.lat, .5)), ms(quantile(r.lat, .9)), ms(quantile(r.lat, .99)), ms(quantile(r.lat, .999)), ms(r.lat[len(r.lat)-1]),
		ms(quantile(c, .5)), ms(quantile(c, .9)), ms(quantile(c, .99)))
}

// run makes requests on conns connections for d.
func run(u *url.URL, req []byte, conns int, d time.Duration) result {
	var (
		mu     sync.Mutex
		all    []time.Duration
		errors int
		wg     sync.WaitGroup
	)
	start := time.Now()
	end := start.Add(d)
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat, bad := connection(u.Host, req, end)
			mu.Lock()
			all = append(all, lat...)
			errors += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(all)
	return result{requests: len(all) + errors, errors: errors, elapsed: time.Since(start), conns: conns, lat: all}
}

// connection makes requests one after the other on one connection (a new one after an
// error) until end, and returns the latencies of the 2xx answers and the count of errors.
func connection(host string, req []byte, end time.Time) (lat []time.Duration, errors int) {
	var (
		c  net.Conn
		br *bufio.Reader
	)
	defer func() {
		if c != nil {
			c.Close()
		}
	}()
	for time.Now().Before(end) {
		if c == nil {
			var err error
			if c, err = net.DialTimeout("tcp", host, 2*time.Second); err != nil {
				errors++
				time.Sleep(10 * time.Millisecond)
				continue
			}
			br = bufio.NewReaderSize(c, 64<<10)
		}
		t := time.Now()
		c.SetDeadline(t.Add(10 * time.Second))
		_, err := c.Write(req)
		var res *http.Response
		if err == nil {
			res, err = http.ReadResponse(br, nil)
		}
		if err == nil {
			_, err = io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
		if err != nil || res.StatusCode/100 != 2 {
			errors++
			if err != nil || res.Close {
				c.Close()
				c = nil
			}
			continue
		}
		lat = append(lat, time.Since(t))
		if res.Close {
			c.Close()
			c = nil
		}
	}
	return lat, errors
}

// quantile returns the q-quantile of sorted (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(q*float64(len(sorted)-1))]
}

// corrected returns sorted latencies with wrk 4's correction for coordinated omission
// (its stats_correct): for every latency l of at least twice interval (the mean time
// between two requests of one connection), the samples l-interval, l-2*interval, … down
// to just above interval are added, as if requests had kept arriving at that interval
// while the server stalled.
func corrected(sorted []time.Duration, interval time.Duration) []time.Duration {
	out := slices.Clone(sorted)
	if interval <= 0 {
		return out
	}
	for _, l := range sorted {
		if l < 2*interval {
			continue
		}
		for m := l - interval; m > interval; m -= interval {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out
}
