// Command evalfixture evaluates JSON profiles with the embedded rules and writes one JSON
// result per line, in the order of its arguments: the real engine output the schema tests
// (tests/js) validate against result.schema.json.
//
//	go run ./cmd/evalfixture examples/*.json
//
// With -summary first, it writes each result's summary (Result.AppendSummaryJSON) instead.
// It exits 1, naming the file, when a profile cannot be read or evaluated.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/partnerscore/partnerscore/score"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "evalfixture:", err)
		os.Exit(1)
	}
}

func run(files []string) error {
	summary := len(files) > 0 && files[0] == "-summary"
	if summary {
		files = files[1:]
	}
	if len(files) == 0 {
		return fmt.Errorf("usage: evalfixture [-summary] PROFILE.json...")
	}
	e, err := score.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		in, err := e.Parse(b)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if summary {
			w.Write(r.AppendSummaryJSON(nil))
		} else {
			w.Write(r.AppendJSON(nil))
		}
		w.WriteByte('\n')
	}
	return w.Flush()
}
