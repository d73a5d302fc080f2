package api

import (
	"strconv"
	"unicode/utf8"

	"github.com/partnerscore/partnerscore/score"
)

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string: quotes, backslashes and control characters
// escaped, invalid UTF-8 replaced by U+FFFD, and U+2028/U+2029 escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendError appends e as JSON with the fields and omissions of score.Error's tags:
// path, offset, code, message, expected, got, suggestion.
func appendError(b []byte, e *score.Error) []byte {
	b = append(b, `{"path":`...)
	b = appendString(b, e.Path)
	if e.Offset != 0 {
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
	}
	b = append(b, `,"code":`...)
	b = appendString(b, e.Code)
	b = append(b, `,"message":`...)
	b = appendString(b, e.Message)
	if e.Expected != "" {
		b = append(b, `,"expected":`...)
		b = appendString(b, e.Expected)
	}
	if e.Got != "" {
		b = append(b, `,"got":`...)
		b = appendString(b, e.Got)
	}
	if e.Suggestion != "" {
		b = append(b, `,"suggestion":`...)
		b = appendString(b, e.Suggestion)
	}
	return append(b, '}')
}

// appendErrors appends a JSON array of errs.
func appendErrors(b []byte, errs score.Errors) []byte {
	b = append(b, '[')
	for i, e := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendError(b, e)
	}
	return append(b, ']')
}
