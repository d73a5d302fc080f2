// Command schemagen writes PartnerScore's JSON Schemas (draft 2020-12) into a directory:
// profile.schema.json, result.schema.json and program.schema.json from the Go types of
// package score, and profile.<program>.<version>.schema.json, a strict profile schema for
// every program version of the embedded rules. Stale *.schema.json files are removed.
//
// Usage, from anywhere inside the module:
//
//	go run ./cmd/schemagen -out schemas
//
// or go generate ./schemas, which runs it with -out set to the schemas folder.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/partnerscore/partnerscore/internal/schemagen"
	"github.com/partnerscore/partnerscore/score"
)

func main() {
	out := flag.String("out", "schemas", "directory to write the schemas into")
	root := flag.String("root", "", "module root, where score/*.go are read for descriptions (default: found from the working directory)")
	flag.Parse()
	if err := run(*out, *root); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func run(out, root string) error {
	if root == "" {
		r, err := schemagen.FindRoot(".")
		if err != nil {
			return err
		}
		root = r
	}
	e, err := score.Default()
	if err != nil {
		return err
	}
	files, err := schemagen.Generate(root, e)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(out, n), files[n], 0o644); err != nil {
			return err
		}
	}
	old, err := filepath.Glob(filepath.Join(out, "*.schema.json"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if _, ok := files[filepath.Base(p)]; !ok && strings.HasSuffix(p, ".schema.json") {
			if err := os.Remove(p); err != nil {
				return err
			}
			fmt.Fprintln(os.Stderr, "schemagen: removed stale", p)
		}
	}
	return nil
}
