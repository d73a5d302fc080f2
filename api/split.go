package api

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/partnerscore/partnerscore/score"
)

// item is one profile of a batch: its bytes, their offset in the body, and (NDJSON) the
// line it is on, counting from 1.
type item struct {
	data []byte
	off  int
	line int
}

// splitLines splits NDJSON into its non-blank lines ("\r\n" accepted), stopping after
// MaxBatchItems+1 of them.
func splitLines(b []byte) []item {
	var items []item
	line, off := 0, 0
	for off < len(b) && len(items) <= MaxBatchItems {
		line++
		end := bytes.IndexByte(b[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(b)-off, len(b)
		}
		l := b[off : off+end]
		l = bytes.TrimSuffix(l, []byte{'\r'})
		if len(bytes.TrimSpace(l)) > 0 {
			items = append(items, item{data: l, off: off, line: line})
		}
		off = next
	}
	return items
}

// splitArray splits a JSON array into its elements without decoding them (each is then
// parsed as a profile, which checks it). It checks the array's own punctuation and stops
// after MaxBatchItems+1 elements.
func splitArray(b []byte) ([]item, *score.Error) {
	i := 0
	if bytes.HasPrefix(b, bom) {
		i = len(bom) // a UTF-8 byte order mark, passed over as a profile's is (score)
	}
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '[' {
		return nil, syntaxErr(b, i, "expected a JSON array of profiles")
	}
	i = skipSpace(b, i+1)
	var items []item
	if i < len(b) && b[i] == ']' {
		return items, trailing(b, i+1)
	}
	for {
		end, err := scanValue(b, i)
		if err != nil {
			return nil, err
		}
		items = append(items, item{data: b[i:end], off: i})
		if len(items) > MaxBatchItems {
			return items, nil
		}
		i = skipSpace(b, end)
		switch {
		case i >= len(b):
			return nil, syntaxErr(b, i, "unexpected end of the array: expected ',' or ']'")
		case b[i] == ',':
			i = skipSpace(b, i+1)
		case b[i] == ']':
			return items, trailing(b, i+1)
		default:
			return nil, syntaxErr(b, i, "expected ',' or ']' after an array element")
		}
	}
}

// trailing checks that only white space follows the array's end at i.
func trailing(b []byte, i int) *score.Error {
	if i = skipSpace(b, i); i < len(b) {
		return syntaxErr(b, i, "unexpected data after the array")
	}
	return nil
}

// bom is the UTF-8 byte order mark that some editors write before a text.
var bom = []byte{0xEF, 0xBB, 0xBF}

// scanValue returns the end of the JSON value starting at i. An object or array is
// followed through its strings and nesting only (the profile's own syntax is checked when
// it is parsed), but a closing bracket of the other kind than its opener is a syntax error
// of the whole body, which then is not JSON. A scalar (a string, number or literal) must be
// valid JSON: it is not a profile, so it fails its item, but a token that is no JSON value
// at all fails the body.
func scanValue(b []byte, i int) (int, *score.Error) {
	if i >= len(b) {
		return 0, syntaxErr(b, i, "unexpected end of the array: expected a profile")
	}
	switch b[i] {
	case ',', ']', '}', ':':
		return 0, syntaxErr(b, i, "expected a profile")
	case '"':
		end, err := scanString(b, i)
		if err == nil && !json.Valid(b[i:end]) {
			err = syntaxErr(b, i, "an array element is not a valid JSON string")
		}
		return end, err
	case '{', '[':
		// The openers not yet closed: as deep as the body is long at most, and the body is
		// at most MaxBodyBytes; most profiles nest a few levels.
		var buf [32]byte
		open := buf[:0]
		for j := i; j < len(b); j++ {
			switch c := b[j]; c {
			case '"':
				end, err := scanString(b, j)
				if err != nil {
					return 0, err
				}
				j = end - 1
			case '{', '[':
				open = append(open, c)
			case '}', ']':
				want := byte('}')
				if open[len(open)-1] == '[' {
					want = ']'
				}
				if c != want {
					return 0, syntaxErr(b, j, "mismatched '"+string(c)+"': expected '"+string(want)+"'")
				}
				open = open[:len(open)-1]
				if len(open) == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, syntaxErr(b, len(b), "unexpected end of the array: an element is not closed")
	}
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != ',' && b[j] != ']' && b[j] != '[' && b[j] != '{' && b[j] != '"' {
		j++
	}
	if !json.Valid(b[i:j]) {
		return 0, syntaxErr(b, i, "an array element is not a JSON value")
	}
	return j, nil
}

// scanString returns the end of the JSON string starting at b[i] == '"'.
func scanString(b []byte, i int) (int, *score.Error) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, syntaxErr(b, len(b), "unexpected end of the array: a string is not closed")
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// syntaxErr is the error of a batch array malformed at offset i.
func syntaxErr(b []byte, i int, msg string) *score.Error {
	got := "end of input"
	if i < len(b) {
		end := min(len(b), i+16)
		got = strconv.Quote(string(b[i:end]))
	}
	return &score.Error{Path: "", Offset: i, Code: score.CodeSyntax, Message: msg, Got: got}
}
