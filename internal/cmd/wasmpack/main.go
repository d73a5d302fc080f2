// Command wasmpack merges the data segments of a WebAssembly module built by Go so that it
// compresses better (see package internal/wasmpack), rewriting the file in place:
//
//	wasmpack [-gap N] [-v] FILE.wasm
//
// -gap is the longest run of zero bytes written out to join two segments (default: any,
// which makes one segment); -v prints the numbers of segments and sizes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/partnerscore/partnerscore/internal/wasmpack"
)

func main() {
	gap := flag.Int("gap", -1, "longest run of zero bytes to write out between two segments (-1: any)")
	verbose := flag.Bool("v", false, "print the numbers of segments and the sizes")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wasmpack [-gap N] [-v] FILE.wasm")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *gap, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(file string, gap int, verbose bool) error {
	in, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, before, after, err := wasmpack.Merge(in, gap)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if verbose {
		fmt.Fprintf(os.Stderr, "%s: %d data segments -> %d; %d bytes -> %d\n", file, before, after, len(in), len(out))
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, st.Mode().Perm())
}
