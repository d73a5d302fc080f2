//go:build !js

// Package wasm holds the WebAssembly programs (wasm/browser); every Go file under it is
// built only for GOOS=js GOARCH=wasm, so that native go vet and go test pass over them.
// This test, built only natively, checks that.
package wasm

import (
	"bufio"
	"go/build/constraint"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAllWasmTags fails when a .go file under wasm/ (tests included) is not constrained
// to js && wasm: without the constraint a native build sees a package main using
// syscall/js and fails.
func TestAllWasmTags(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" || path == "tags_test.go" {
			return err
		}
		n++
		expr, err := buildConstraint(path)
		if err != nil {
			return err
		}
		if expr == nil {
			t.Errorf("%s has no //go:build line: add //go:build js && wasm", path)
			return nil
		}
		if !onlyJSWasm(expr) {
			t.Errorf("%s: //go:build %s also builds outside js/wasm: use //go:build js && wasm", path, expr)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no Go files found under wasm/")
	}
}

// buildConstraint returns the //go:build expression of a Go file, or nil without one.
// Build constraints come before the package clause, among comments and blank lines.
func buildConstraint(path string) (constraint.Expr, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "//") {
			return nil, sc.Err()
		}
		if constraint.IsGoBuild(line) {
			return constraint.Parse(line)
		}
	}
	return nil, sc.Err()
}

// onlyJSWasm reports whether expr holds for GOOS=js GOARCH=wasm and for no other
// combination of the two (with or without other tags such as cgo or a Go version). A
// build tag of our own (say bench) may be set or not: the file must build for js/wasm with
// one of the two, and for nothing else with either.
func onlyJSWasm(expr constraint.Expr) bool {
	is := func(goos, goarch string, other bool) bool {
		return expr.Eval(func(tag string) bool {
			switch {
			case tag == goos || tag == goarch || strings.HasPrefix(tag, "go1."):
				return true
			case knownOS[tag] || knownArch[tag]:
				return false
			}
			return other
		})
	}
	either := func(goos, goarch string) bool { return is(goos, goarch, false) || is(goos, goarch, true) }
	return either("js", "wasm") && !either("linux", "amd64") && !either("js", "amd64") && !either("wasip1", "wasm") && !either("darwin", "arm64") && !either("windows", "amd64")
}

// knownOS and knownArch are the GOOS and GOARCH values onlyJSWasm tries.
var (
	knownOS   = map[string]bool{"js": true, "linux": true, "wasip1": true, "darwin": true, "windows": true, "unix": true}
	knownArch = map[string]bool{"wasm": true, "amd64": true, "arm64": true}
)

func TestOnlyJSWasm(t *testing.T) {
	for line, want := range map[string]bool{
		"//go:build js && wasm":            true,
		"//go:build wasm && js":            true,
		"//go:build js && wasm && go1.21":  true,
		"//go:build js":                    false,
		"//go:build wasm":                  false,
		"//go:build js || wasm":            false,
		"//go:build !windows":              false,
		"//go:build (js && wasm) || linux": false,
		"//go:build js && wasm && bench":   true,
		"//go:build js && wasm && !bench":  true,
		"//go:build bench":                 false,
		"//go:build !bench":                false,
		"//go:build (js && wasm) || bench": false,
	} {
		expr, err := constraint.Parse(line)
		if err != nil {
			t.Fatal(err)
		}
		if got := onlyJSWasm(expr); got != want {
			t.Errorf("%s: %v, want %v", line, got, want)
		}
	}
}
