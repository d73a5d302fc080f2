// Command partnerscore evaluates partner-program profiles from the command line.
//
//	partnerscore evaluate [-pretty] [FILE|-]      one JSON profile in, the JSON result out
//	partnerscore batch [-j N]                     NDJSON profiles on stdin, NDJSON results on stdout
//	partnerscore programs [-date D] [-all] [-json] the programs and the rule versions in force
//	partnerscore explain [-lang fr|en] [-plan] [-leaving] [FILE|-]  a readable report
//	partnerscore compare -from D -to D [-json] [FILE|-]  one profile on two dates, what changed
//	partnerscore help [COMMAND]
//
// Exit status: 0 success, 2 bad input or usage (each problem on stderr, named by the JSON
// Pointer of the field at fault), 1 any other failure (I/O).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // I/O and other failures
	exitInput = 2 // bad input or bad usage
)

// newEngine gives the engine commands evaluate with, and today gives the date used where
// none is given. Tests replace both with a fixed clock.
var (
	newEngine = score.Default
	today     = time.Now
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand: its usage text and the function that runs it.
type command struct {
	name  string
	usage string
	run   func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands []*command

func init() {
	// Set here: each run function refers to its command's usage.
	evaluateCmd.run = runEvaluate
	batchCmd.run = runBatch
	programsCmd.run = runPrograms
	explainCmd.run = runExplain
	compareCmd.run = runCompare
	commands = []*command{evaluateCmd, batchCmd, programsCmd, explainCmd, compareCmd}
}

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

const usage = `partnerscore scores partner-program profiles: per designation, the score, whether it
qualifies, where every point comes from, and what is missing.

Usage:
  partnerscore <command> [flags] [arguments]

Commands:
  evaluate [-pretty] [FILE|-]                        evaluate one JSON profile, print the JSON result
  batch [-j N]                                       evaluate NDJSON profiles on stdin, a line each
  programs [-date YYYY-MM-DD] [-all] [-json]         list programs and the rule version in force
  explain [-lang fr|en] [-plan] [-leaving] [FILE|-]  print a readable report of a profile's scores
  compare -from DATE -to DATE [-json] [FILE|-]       score a profile on two dates, show what changed
  help [command]                                     show this help, or a command's help

FILE "-" or no FILE reads standard input. A profile is at most 1 MiB of JSON.

Exit status: 0 success; 2 bad input or usage (every problem is printed on stderr, named
by the JSON Pointer of the field at fault); 1 any other failure (reading, writing).
`

// run is the whole program, with its environment passed in; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return exitInput
	}
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		if name == "help" && len(args) > 1 {
			c := findCommand(args[1])
			if c == nil {
				fmt.Fprintf(stderr, "partnerscore: unknown command %q\n\n%s", args[1], usage)
				return exitInput
			}
			io.WriteString(stdout, c.usage)
			return exitOK
		}
		io.WriteString(stdout, usage)
		return exitOK
	default:
		c := findCommand(name)
		if c == nil {
			fmt.Fprintf(stderr, "partnerscore: unknown command %q\n\n%s", name, usage)
			return exitInput
		}
		return c.run(args[1:], stdin, stdout, stderr)
	}
}

// parseFlags parses a command's flags, which may come before or after its arguments
// ("--" ends them). It returns the arguments, or false and the exit status when the
// command should stop (help asked, or bad flags).
func parseFlags(fs *flag.FlagSet, c *command, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, c.usage)
				return nil, exitOK, false
			}
			fmt.Fprintf(stderr, "partnerscore %s: %v\n\n%s", c.name, err, c.usage)
			return nil, exitInput, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, exitOK, true
		}
		// Parse stops at the first argument, or just after "--".
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), exitOK, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// oneFile returns the single optional FILE argument ("" for stdin).
func oneFile(c *command, pos []string, stderr io.Writer) (string, int, bool) {
	switch len(pos) {
	case 0:
		return "", exitOK, true
	case 1:
		return pos[0], exitOK, true
	}
	fmt.Fprintf(stderr, "partnerscore %s: one FILE at most, got %d arguments\n\n%s", c.name, len(pos), c.usage)
	return "", exitInput, false
}

// readProfile reads a profile from path, or from stdin when path is "" or "-". An input
// over score.MaxInputBytes is a score.Errors (bad input); other failures are I/O errors.
func readProfile(path string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > score.MaxInputBytes {
			return nil, tooLarge(strconv.FormatInt(st.Size(), 10) + " bytes")
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, score.MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > score.MaxInputBytes {
		return nil, tooLarge("more than " + strconv.Itoa(score.MaxInputBytes) + " bytes")
	}
	return data, nil
}

// tooLarge is the error of an input over score.MaxInputBytes, as score.Parse words it.
func tooLarge(got string) score.Errors {
	return score.Errors{{Code: score.CodeTooLarge, Message: "input is too large",
		Expected: "at most " + strconv.Itoa(score.MaxInputBytes) + " bytes", Got: got}}
}

// loadEngine returns the engine, or prints why it cannot be built (bad rule data: not
// the user's input) and returns false.
func loadEngine(stderr io.Writer) (*score.Engine, bool) {
	eng, err := newEngine()
	if err != nil {
		fmt.Fprintf(stderr, "partnerscore: the rule data cannot be loaded: %v\n", err)
		return nil, false
	}
	return eng, true
}

// report prints err on stderr and returns the exit status it calls for: every problem of
// a bad input on its own line, named by its JSON Pointer, and 2; anything else, and 1.
func report(stderr io.Writer, err error) int {
	var es score.Errors
	var e1 *score.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e1):
		es = score.Errors{e1}
	default:
		fmt.Fprintf(stderr, "partnerscore: %v\n", err)
		return exitFail
	}
	var b strings.Builder
	for _, e := range es {
		b.WriteString("partnerscore: ")
		b.WriteString(errorLine(e))
		b.WriteByte('\n')
	}
	io.WriteString(stderr, b.String())
	return exitInput
}

// errorLine is e's message, with the byte offset of syntax errors (where the path may
// not say enough).
func errorLine(e *score.Error) string {
	s := e.Error()
	if e.Code == score.CodeSyntax && e.Offset > 0 {
		s += " at byte " + strconv.Itoa(e.Offset)
	}
	return s
}

// evaluateFile reads the profile in file ("-" or "" for stdin), lets edit adjust it (when
// not nil) and evaluates it with eng. On failure it reports on stderr and returns the exit
// code.
func evaluateFile(eng *score.Engine, file string, stdin io.Reader, stderr io.Writer, edit func(*score.Profile)) (*score.Result, int, bool) {
	data, err := readProfile(file, stdin)
	if err != nil {
		return nil, report(stderr, err), false
	}
	in, err := eng.ParseWith(data, edit)
	if err != nil {
		return nil, report(stderr, err), false
	}
	res, err := eng.Evaluate(in)
	if err != nil {
		return nil, report(stderr, err), false
	}
	return res, exitOK, true
}
