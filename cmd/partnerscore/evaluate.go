package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
)

var evaluateCmd = &command{
	name: "evaluate",
	usage: `Usage: partnerscore evaluate [-pretty] [FILE|-]

Evaluates one JSON profile (schemas/profile.schema.json) read from FILE, or from standard
input when FILE is "-" or absent, and prints the result (schemas/result.schema.json) as
one line of JSON.

Flags:
  -pretty   indent the JSON

Exit status: 0 success; 2 bad input (each problem on stderr, named by its JSON Pointer);
1 a read or write failure.
`,
}

func runEvaluate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	pretty := fs.Bool("pretty", false, "indent the JSON")
	pos, code, ok := parseFlags(fs, evaluateCmd, args, stdout, stderr)
	if !ok {
		return code
	}
	file, code, ok := oneFile(evaluateCmd, pos, stderr)
	if !ok {
		return code
	}
	eng, ok := loadEngine(stderr)
	if !ok {
		return exitFail
	}
	res, code, ok := evaluateFile(eng, file, stdin, stderr, nil)
	if !ok {
		return code
	}
	out := res.AppendJSON(make([]byte, 0, 32<<10))
	if *pretty {
		var ind bytes.Buffer
		ind.Grow(2 * len(out))
		if err := json.Indent(&ind, out, "", "  "); err != nil {
			return report(stderr, err)
		}
		out = ind.Bytes()
	}
	out = append(out, '\n')
	if _, err := stdout.Write(out); err != nil {
		return report(stderr, err)
	}
	return exitOK
}
