package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// start runs the command with args in the background and returns the base URL it prints,
// and a function that stops it and returns its exit status and what it wrote on stderr.
func start(t *testing.T, args ...string) (string, func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer // read only once run has returned
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, args, pw, &stderr)
		pw.Close()
	}()
	stop := func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(10 * time.Second):
			t.Fatal("did not stop")
			return -1, ""
		}
	}
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		code, msg := stop()
		t.Fatalf("no URL printed: %v (exit %d, stderr %q)", err, code, msg)
	}
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "api ")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") || strings.HasSuffix(base, ":0/") || !strings.HasSuffix(base, "/") {
		stop()
		t.Fatalf("printed %q", line)
	}
	go io.Copy(io.Discard, pr) // nothing else is printed, but never block the command
	return base, stop
}

// TestRun serves on a free loopback port, answers the API's routes with the handler's
// answers (an evaluation, CORS for an allowed origin, a problem for a bad profile), logs
// each request with -v, and stops cleanly when its context ends.
func TestRun(t *testing.T) {
	base, stop := start(t, "-port", "0", "-origins", "https://app.example, https://other.example", "-v")
	profile, err := os.ReadFile("../../examples/modern-work-enterprise.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, path, ctype, origin string
		body                        []byte
		status                      int
		contains                    string
		allowOrigin                 string
	}{
		{"GET", "healthz", "", "", nil, 200, `"status"`, ""},
		{"POST", "v1/evaluate", "application/json", "https://app.example", profile, 200, `"areas"`, "https://app.example"},
		{"POST", "v1/evaluate", "application/json", "https://evil.example", profile, 200, `"areas"`, ""},
		{"POST", "v1/evaluate", "application/json", "", []byte(`{"asOf": "hier"}`), 422, `"/asOf"`, ""},
		{"POST", "v1/evaluate", "text/plain", "", profile, 415, "application/problem+json", ""},
		{"GET", "v2/nothing", "", "", nil, 404, "not-found", ""},
	} {
		req, _ := http.NewRequest(c.method, base+c.path, bytes.NewReader(c.body))
		if c.ctype != "" {
			req.Header.Set("Content-Type", c.ctype)
		}
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if c.contains == "application/problem+json" {
			body = []byte(res.Header.Get("Content-Type"))
		}
		if res.StatusCode != c.status || !bytes.Contains(body, []byte(c.contains)) || res.Header.Get("Access-Control-Allow-Origin") != c.allowOrigin {
			t.Errorf("%s /%s (origin %q): %d, Access-Control-Allow-Origin %q, %.200s; want %d, %q and %q",
				c.method, c.path, c.origin, res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), body, c.status, c.allowOrigin, c.contains)
		}
	}
	code, stderr := stop()
	if code != 0 {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stderr, "POST /v1/evaluate "); n != 4 || !strings.Contains(stderr, "GET /healthz ") {
		t.Errorf("-v logged %d evaluations, want 4:\n%s", n, stderr)
	}
}

// TestRunUsage checks the command's refusals: what it says and its exit status.
func TestRunUsage(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, port, _ := net.SplitHostPort(busy.Addr().String())
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"-port", "-1"}, 2, "-port (0–65535)"},
		{[]string{"-port", "65536"}, 2, "-port (0–65535)"},
		{[]string{"-port", "http"}, 2, "invalid value"},
		{[]string{"extra"}, 2, "takes -port"},
		{[]string{"-nope"}, 2, "flag provided but not defined"},
		{[]string{"-h"}, 0, "-origins"},
		{[]string{"-port", port}, 1, "address already in use"},
	} {
		var stdout, stderr bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		code := run(ctx, c.args, &stdout, &stderr)
		cancel()
		if code != c.code || !strings.Contains(stderr.String(), c.says) || stdout.Len() > 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", c.args, code, stdout.String(), stderr.String(), c.code, c.says)
		}
	}
}

// TestVersion: /healthz names the version the build stamps (as the browser engine and the
// Worker do), else the commit Go recorded, else "devel".
func TestVersion(t *testing.T) {
	defer func(v string) { moduleVersion = v }(moduleVersion)
	moduleVersion = "abc1234"
	base, stop := start(t, "-port", "0")
	defer stop()
	resp, err := http.Get(base + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"version":"abc1234"`) {
		t.Errorf("/healthz = %s, want the stamped version abc1234", body)
	}
}
