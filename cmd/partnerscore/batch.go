package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"runtime"
	"strconv"

	"github.com/partnerscore/partnerscore/score"
)

var batchCmd = &command{
	name: "batch",
	usage: `Usage: partnerscore batch [-j N] [-summary] < profiles.ndjson > results.ndjson

Evaluates NDJSON: one JSON profile per line on standard input, one JSON result per line
on standard output, in the same order. Results stream out as lines come in, so the
command also works interactively and in pipes.

  - A line is at most 1 MiB (score.MaxInputBytes); "\r\n" line ends are accepted.
  - Blank lines (empty or only spaces) are skipped: they give no output line.
  - A bad line gives an error line instead of a result, and the next lines go on:
      {"line":N,"errors":[{"path":"/facts/x","offset":12,"code":"unknown","message":"...",...}]}
    N is the line's number in the input, counting from 1 and counting blank lines; each
    error is a score.Error: path (JSON Pointer), offset, code, message, expected, got,
    suggestion.

Flags:
  -j N      evaluate up to N lines at once, on N cores (default: the number of CPUs
            Go uses, GOMAXPROCS); the output keeps the input order whatever N
  -summary  write each result's summary instead of the full result: per area the
            track, score, qualified, shortfall and each metric's points
            (schemas/summary.schema.json), about a tenth of the size

Exit status: 0 every line was evaluated; 2 at least one line had an error (the error
lines say which); 1 a read or write failure.
`,
}

func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	jobs := fs.Int("j", runtime.GOMAXPROCS(0), "profiles evaluated at once")
	summary := fs.Bool("summary", false, "write each result's summary (schemas/summary.schema.json)")
	pos, code, ok := parseFlags(fs, batchCmd, args, stdout, stderr)
	if !ok {
		return code
	}
	if *jobs < 1 {
		io.WriteString(stderr, "partnerscore batch: -j must be at least 1\n\n"+batchCmd.usage)
		return exitInput
	}
	if len(pos) > 0 {
		io.WriteString(stderr, "partnerscore batch: reads standard input only, got an argument\n\n"+batchCmd.usage)
		return exitInput
	}
	eng, ok := loadEngine(stderr)
	if !ok {
		return exitFail
	}
	bad, err := batch(batchEngine{eng, *summary}, stdin, stdout, *jobs)
	if err != nil {
		return report(stderr, err)
	}
	if bad > 0 {
		return exitInput
	}
	return exitOK
}

// batch evaluates the NDJSON profiles read from r and writes one line per non-blank input
// line to w, in order, evaluating with up to jobs goroutines. It returns how many lines had
// an error, and the first read or write error.
//
// Output is gathered and written in blocks of about 64 KiB: when a block is full, when no
// complete line is waiting in the input (so that whoever reads w sees each result as soon
// as its line is in, interactively too, without a write per line), and at the end.
func batch(eng batchEngine, r io.Reader, w io.Writer, jobs int) (bad int, err error) {
	if jobs <= 1 {
		return batchSerial(eng, r, w)
	}
	return batchParallel(eng, r, w, jobs)
}

// batchEngine is the engine batch evaluates with, and the output it writes.
type batchEngine struct {
	*score.Engine
	summary bool // write summaries (Result.AppendSummaryJSON) instead of full results
}

const (
	// batchReadSize holds the longest line accepted, with its line end.
	batchReadSize = score.MaxInputBytes + 4<<10
	// batchWriteSize is how much output is gathered before it is written.
	batchWriteSize = 64 << 10
)

// readLine reads the next line of br. A line too long to be a profile is skipped to its
// end and returned as nil with its size. The line is valid until the next read.
func readLine(br *bufio.Reader) (line []byte, tooLong int64, err error) {
	line, err = br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, 0, err
	}
	n := int64(len(line))
	for err == bufio.ErrBufferFull {
		line, err = br.ReadSlice('\n')
		n += int64(len(trimEOL(line))) // the line end is not counted
	}
	return nil, n, err
}

// evalLine appends the output line of input line lineNo (a profile without its line end,
// or nil for a line of tooLong bytes) to out, and reports whether it was a result. res is
// reused from line to line, so that evaluating allocates nothing.
func evalLine(eng batchEngine, res *score.Result, out []byte, lineNo int, line []byte, tooLong int64) ([]byte, bool) {
	if tooLong > 0 {
		return appendErrorLine(out, lineNo, tooLarge(strconv.FormatInt(tooLong, 10)+" bytes")), false
	}
	in, err := eng.Parse(line)
	if err != nil {
		return appendErrorLine(out, lineNo, err), false
	}
	if err := eng.EvaluateInto(res, in); err != nil {
		return appendErrorLine(out, lineNo, err), false
	}
	if eng.summary {
		out = res.AppendSummaryJSON(out)
	} else {
		out = res.AppendJSON(out)
	}
	return append(out, '\n'), true
}

// batchSerial is batch on the calling goroutine: the output is appended to one reused
// buffer, which is written out in blocks.
func batchSerial(eng batchEngine, r io.Reader, w io.Writer) (bad int, err error) {
	br := bufio.NewReaderSize(r, batchReadSize)
	out := make([]byte, 0, batchWriteSize+32<<10)
	var res score.Result
	flush := func() error {
		if len(out) == 0 {
			return nil
		}
		_, err := w.Write(out)
		out = out[:0]
		return err
	}
	for lineNo := 1; ; lineNo++ {
		line, tooLong, rerr := readLine(br)
		if rerr != nil && rerr != io.EOF {
			flush()
			return bad, rerr // a line cut by the error is not evaluated
		}
		if tooLong > 0 || !blank(line) {
			var ok bool
			if out, ok = evalLine(eng, &res, out, lineNo, trimEOL(line), tooLong); !ok {
				bad++
			}
		}
		if rerr != nil {
			break // io.EOF
		}
		if len(out) >= batchWriteSize || !lineWaiting(br) {
			if err := flush(); err != nil {
				return bad, err
			}
		}
	}
	return bad, flush()
}

// lineWaiting reports whether a complete line is already buffered in br, so that reading
// it will not wait for the input.
func lineWaiting(br *bufio.Reader) bool {
	n := br.Buffered()
	if n == 0 {
		return false
	}
	b, _ := br.Peek(n)
	return bytes.IndexByte(b, '\n') >= 0
}

func trimEOL(line []byte) []byte {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n > 1 && line[n-2] == '\r' {
			line = line[:n-2]
		}
	}
	return line
}

// blank reports whether a line is empty or only white space.
func blank(line []byte) bool {
	for _, c := range line {
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// appendErrorLine appends {"line":N,"errors":[...]} and a newline.
func appendErrorLine(b []byte, lineNo int, err error) []byte {
	var es score.Errors
	var e1 *score.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e1):
		es = score.Errors{e1}
	default:
		es = score.Errors{{Code: "internal", Message: err.Error()}}
	}
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(lineNo), 10)
	b = append(b, `,"errors":`...)
	j, jerr := json.Marshal(es)
	if jerr != nil {
		j = []byte(`[]`)
	}
	b = append(b, j...)
	return append(b, "}\n"...)
}
