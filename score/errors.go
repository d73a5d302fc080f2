package score

import (
	"strconv"
	"strings"
)

// Error codes, stable for programs to switch on.
const (
	CodeSyntax    = "syntax"     // the input is not JSON
	CodeType      = "type"       // a value has the wrong JSON type
	CodeUnknown   = "unknown"    // an id or field the rules do not know
	CodeRange     = "range"      // a number outside the declared bounds
	CodeInteger   = "integer"    // a fraction where a count is expected
	CodeDuplicate = "duplicate"  // the same key or id twice
	CodeTooLarge  = "too-large"  // the input is over MaxInputBytes
	CodeDate      = "date"       // not a valid YYYY-MM-DD date
	CodeNoRules   = "no-rules"   // no program version in force on the date
	CodeRequired  = "required"   // a required value is missing
	CodeData      = "rules-data" // the embedded rule data is inconsistent
)

// Error is one problem with an input, located by the JSON Pointer of the value at fault.
type Error struct {
	// Path is the JSON Pointer (RFC 6901) of the bad value; "" is the whole document.
	Path string `json:"path"`
	// Offset is the byte offset in the JSON input where the problem was found, when known.
	Offset int `json:"offset,omitempty"`
	// Code classifies the problem (syntax, type, unknown, range, integer, duplicate, too-large, date, no-rules, required).
	Code string `json:"code"`
	// Message says what is wrong, in English.
	Message string `json:"message"`
	// Expected says what would have been accepted.
	Expected string `json:"expected,omitempty"`
	// Got shows what was given, shortened to 40 characters: a string quoted ("ZZ-999"), a
	// number as written; for a value of the wrong JSON type, its type and then, for a scalar,
	// the value as written (string "4", number 104, boolean true; null, object, array).
	Got string `json:"got,omitempty"`
	// Suggestion is the closest known id, for unknown ids.
	Suggestion string `json:"suggestion,omitempty"`
}

// AppendJSON appends e's JSON encoding to b: the fields and omissions of its tags, every
// string in ASCII as in the engine's results (see AppendJSONString).
func (e *Error) AppendJSON(b []byte) []byte {
	b = kstr(b, `{"path":`, e.Path)
	if e.Offset != 0 {
		b = appendInt(append(b, `,"offset":`...), int64(e.Offset))
	}
	b = kstr(b, `,"code":`, e.Code)
	b = kstr(b, `,"message":`, e.Message)
	for _, f := range [...]struct{ key, v string }{{`,"expected":`, e.Expected}, {`,"got":`, e.Got}, {`,"suggestion":`, e.Suggestion}} {
		if f.v != "" {
			b = kstr(b, f.key, f.v)
		}
	}
	return append(b, '}')
}

// Error formats the problem as "path: message (expected …, got …)".
func (e *Error) Error() string {
	var b strings.Builder
	p := e.Path
	if p == "" {
		p = "input"
	}
	b.WriteString(p)
	b.WriteString(": ")
	b.WriteString(e.Message)
	if e.Expected != "" || e.Got != "" {
		b.WriteString(" (")
		if e.Expected != "" {
			b.WriteString("expected ")
			b.WriteString(e.Expected)
		}
		if e.Got != "" {
			if e.Expected != "" {
				b.WriteString(", ")
			}
			b.WriteString("got ")
			b.WriteString(e.Got)
		}
		b.WriteString(")")
	}
	if e.Suggestion != "" {
		b.WriteString("; did you mean ")
		b.WriteString(strconv.Quote(e.Suggestion))
		b.WriteString("?")
	}
	return b.String()
}

// Errors is every problem found in one input, in document order (syntax errors stop at the
// first). It is the error type
// returned by Parse, Resolve and Evaluate.
type Errors []*Error

// maxErrors bounds how many problems one input reports.
const maxErrors = 50

// Error returns the first problem, and how many more there are.
func (es Errors) Error() string {
	switch len(es) {
	case 0:
		return "no error"
	case 1:
		return es[0].Error()
	}
	return es[0].Error() + " (and " + strconv.Itoa(len(es)-1) + " more)"
}

// pointer appends one JSON Pointer segment to base, escaping "~" and "/". (A loop rather
// than strings.ReplaceAll, which would bring strings.Replace, ~5 KB of code, into the
// browser's engine for this alone.)
func pointer(base string, seg string) string {
	if !strings.ContainsAny(seg, "~/") {
		return base + "/" + seg
	}
	b := make([]byte, 0, len(base)+len(seg)+8)
	b = append(append(b, base...), '/')
	for i := 0; i < len(seg); i++ {
		switch c := seg[i]; c {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// pointerIndex appends an array index segment.
func pointerIndex(base string, i int) string {
	return base + "/" + strconv.Itoa(i)
}

// shorten quotes s for an error message, cut to a readable length.
func shorten(s string) string { return strconv.Quote(cut(s)) }

// cut cuts s to 40 characters, marking the cut with "…": what an error shows of a value.
func cut(s string) string {
	const n = 40
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// closest returns the candidate nearest to s (case-insensitive edit distance), or "" if
// none is near enough to be a plausible typo.
func closest(s string, candidates []string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	ls := lower(s)
	best, bestD := "", -1
	for _, c := range candidates {
		lc := lower(c)
		d := editDistance(ls, lc)
		if strings.Contains(lc, ls) || strings.Contains(ls, lc) {
			d = min(d, 1+abs(len(lc)-len(ls))/4)
		}
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := max(2, len([]rune(s))/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
