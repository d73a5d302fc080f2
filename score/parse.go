package score

import (
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// ParseProfile decodes a JSON profile strictly: unknown fields, wrong types, duplicate
// keys, fractions where counts are expected, numbers beyond ±1e15 and inputs over
// MaxInputBytes are errors located by JSON Pointer and byte offset. Every such error is
// reported (up to maxParseErrors), not the first alone: the value in error is passed over
// and the reading goes on; only text that is not JSON stops it. It checks the shape only;
// Engine.Resolve checks ids and bounds against the rules.
func ParseProfile(data []byte) (*Profile, error) {
	return parseProfile(data, nil)
}

// parseProfile is ParseProfile with an optional table of known strings (ids, names), which
// are then shared instead of copied.
func parseProfile(data []byte, known map[string]string) (*Profile, error) {
	var prof Profile
	if err := parseProfileInto(&prof, new(profileSpare), data, known); err != nil {
		return nil, err
	}
	return &prof, nil
}

// parseProfileInto decodes data into prof, which it resets first: the maps and slices of
// the profile it held are cleared, kept in spare and used again.
func parseProfileInto(prof *Profile, spare *profileSpare, data []byte, known map[string]string) error {
	spare.keep(prof)
	*prof = Profile{}
	if len(data) > MaxInputBytes {
		return Errors{{Code: CodeTooLarge, Message: "input is too large",
			Expected: "at most " + strconv.Itoa(MaxInputBytes) + " bytes", Got: strconv.Itoa(len(data)) + " bytes"}}
	}
	var stack [8]seg
	p := parser{data: data, stack: stack[:0], known: known, spare: spare}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		// A UTF-8 byte order mark, which some editors write (RFC 8259 §8.1 lets a parser
		// ignore it): passed over, the offsets still the input's.
		p.pos = 3
	}
	p.ws()
	if p.pos >= len(p.data) {
		return Errors{p.errAt("", CodeSyntax, "empty input", "a JSON object", "")}
	}
	p.profile(prof)
	if p.err == nil {
		p.ws()
		if p.pos < len(p.data) {
			p.fail("", CodeSyntax, "unexpected data after the profile", "end of input", p.peekText())
		}
	}
	errs := p.errs
	if p.err != nil && (len(errs) == 0 || errs[len(errs)-1] != p.err) {
		errs = append(errs, p.err)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// maxParseErrors is how many errors a profile's reading reports at most: it stops at the
// last (a profile with thousands of bad values is not one to list them all for).
const maxParseErrors = 100

// profileSpare holds the storage of a profile decoded before, for the next one to use
// again (Engine.ParseInto): the maps cleared, the slices emptied.
type profileSpare struct {
	programs []string
	people   []Person
	certs    map[string]int
	facts    map[string]float64
	params   map[string]float64
}

// keep takes prof's storage for the next profile.
func (s *profileSpare) keep(prof *Profile) {
	if prof.Programs != nil {
		s.programs = prof.Programs[:0]
	}
	if prof.People != nil {
		// Each person's list of certifications is used again; no old string is kept alive.
		for i := range prof.People {
			per := &prof.People[i]
			clear(per.Certifications)
			*per = Person{Certifications: per.Certifications[:0]}
		}
		s.people = prof.People[:0]
	}
	if prof.Certifications != nil {
		clear(prof.Certifications)
		s.certs = prof.Certifications
	}
	if prof.Facts != nil {
		clear(prof.Facts)
		s.facts = prof.Facts
	}
	if prof.Parameters != nil {
		clear(prof.Parameters)
		s.params = prof.Parameters
	}
}

// spareMap returns *m (cleared when kept) and leaves nil in its place, or a new map when
// there is none.
func spareMap[V any](m *map[string]V, hint int) map[string]V {
	if *m != nil {
		out := *m
		*m = nil
		return out
	}
	return make(map[string]V, hint)
}

// maxMagnitude bounds every number a profile may carry: beyond it a value is a typo or an attack.
const maxMagnitude = 1e15

// parser is a one-pass JSON reader for the Profile shape. An error in a value (a wrong
// type, an unknown field, a number out of range) is noted and the value passed over; an
// error of syntax stops it.
type parser struct {
	data []byte
	pos  int
	err  *Error // what stopped the reading (syntax, or the maxParseErrors-th error)
	errs Errors // the errors noted, in the order of the text
	// skipping is above 0 while the parser passes over a value in error: what it holds is
	// not checked but for its syntax.
	skipping int
	stack    []seg // where the cursor is, as JSON Pointer segments; turned into a path only on error
	known    map[string]string
	spare    *profileSpare // storage to use again
}

// seg is one JSON Pointer segment: a key, or an index when key is empty and idx ≥ 0.
type seg struct {
	key string
	idx int
}

func (p *parser) path() string {
	s := ""
	for _, g := range p.stack {
		if g.idx >= 0 {
			s = pointerIndex(s, g.idx)
		} else {
			s = pointer(s, g.key)
		}
	}
	return s
}

func (p *parser) errAt(_ string, code, msg, expected, got string) *Error {
	return &Error{Path: p.path(), Offset: p.pos, Code: code, Message: msg, Expected: expected, Got: got}
}

func (p *parser) fail(_ string, code, msg, expected, got string) {
	if p.err == nil {
		p.err = p.errAt("", code, msg, expected, got)
	}
}

// reject notes an error in the value that began at off, at the cursor's path; the reading
// goes on (see parser). It returns the error, nil while skipping.
func (p *parser) reject(off int, code, msg, expected, got string) *Error {
	if p.skipping > 0 || p.err != nil {
		return nil
	}
	e := &Error{Path: p.path(), Offset: off, Code: code, Message: msg, Expected: expected, Got: got}
	p.errs = append(p.errs, e)
	if len(p.errs) == maxParseErrors {
		p.err = e
	}
	return e
}

// mark is the count of errors so far, for ok.
func (p *parser) mark() int { return len(p.errs) }

// ok reports whether no error came since mark m: the value read since is the text's.
func (p *parser) ok(m int) bool { return p.err == nil && len(p.errs) == m }

// atObject reports whether an object begins at the cursor.
func (p *parser) atObject() bool { return p.pos < len(p.data) && p.data[p.pos] == '{' }

// literal reports whether the literal lit (true, false, null) is at the cursor.
func (p *parser) literal(lit string) bool {
	return p.pos+len(lit) <= len(p.data) && string(p.data[p.pos:p.pos+len(lit)]) == lit
}

// skip passes over the value at the cursor, checking its syntax only.
func (p *parser) skip() {
	p.skipping++
	switch k := p.kind(); k {
	case "object":
		p.object("", func(string, string) { p.skip() })
	case "array":
		p.array("", func(int, string) { p.skip() })
	case "string":
		p.str("")
	case "number":
		p.number("")
	case "boolean", "null":
		p.pos += 4 // true, null (kind checked the literal)
		if p.data[p.pos-4] == 'f' {
			p.pos++ // false
		}
	default:
		p.fail("", CodeSyntax, "wrong type", "a JSON value", k)
	}
	p.skipping--
}

func (p *parser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peekText describes the value at the cursor for an error message.
func (p *parser) peekText() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	end := min(len(p.data), p.pos+24)
	s := string(p.data[p.pos:end])
	if !utf8.ValidString(s) {
		s = strconv.QuoteToASCII(s)
	}
	return shorten(s)
}

// kind names the JSON type of the value at the cursor.
func (p *parser) kind() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case p.literal("true") || p.literal("false"):
		return "boolean"
	case p.literal("null"):
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "number"
	}
	return "invalid JSON " + p.peekText()
}

// typeErr notes that the value at the cursor is not of the type expected, and passes over
// it; a value that is not JSON stops the reading.
func (p *parser) typeErr(path, expected string) {
	k := p.kind()
	if len(k) > 7 && k[:7] == "invalid" || p.pos >= len(p.data) {
		p.fail(path, CodeSyntax, "wrong type", expected, k)
		return
	}
	start := p.pos
	e := p.reject(start, CodeType, "wrong type", expected, k)
	p.skip()
	// A scalar is shown as given, after its type: got string "4", got number 4.
	if e != nil && (p.err == nil || p.err == e) && k != "object" && k != "array" && k != "null" {
		e.Got = k + " " + excerpt(p.data[start:p.pos])
	}
}

// excerpt is a JSON value's text as given, cut to a readable length (see cut).
func excerpt(b []byte) string {
	if !utf8.Valid(b) {
		return strconv.QuoteToASCII(string(b))
	}
	return cut(string(b))
}

// object reads an object, calling field for each key with the cursor on its value.
// Duplicate keys are errors.
func (p *parser) object(path string, field func(key string, keyPath string)) {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		p.typeErr(path, "object")
		return
	}
	p.pos++
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return
	}
	var seenBuf [16]string
	seen := seenBuf[:0]
	for p.err == nil {
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			p.fail(path, CodeSyntax, "expected a quoted key", "\"key\"", p.peekText())
			return
		}
		keyOff := p.pos
		key := p.str(path)
		if p.err != nil {
			return
		}
		p.stack = append(p.stack, seg{key: key, idx: -1})
		dup := false
		for _, s := range seen {
			if s == key {
				dup = true
				p.reject(keyOff, CodeDuplicate, "duplicate key", "each key once", strconv.Quote(key))
				break
			}
		}
		seen = append(seen, key)
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.fail("", CodeSyntax, "expected ':' after the key", "':'", p.peekText())
			return
		}
		p.pos++
		p.ws()
		if dup {
			p.skip()
		} else {
			field(key, "")
		}
		if p.err != nil {
			return
		}
		p.stack = p.stack[:len(p.stack)-1]
		p.ws()
		if p.pos >= len(p.data) {
			p.fail(path, CodeSyntax, "unterminated object", "',' or '}'", "end of input")
			return
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return
		default:
			p.fail(path, CodeSyntax, "expected ',' or '}'", "',' or '}'", p.peekText())
			return
		}
	}
}

// array reads an array, calling elem for each element with the cursor on it.
func (p *parser) array(path string, elem func(i int, elemPath string)) {
	if p.pos >= len(p.data) || p.data[p.pos] != '[' {
		p.typeErr(path, "array")
		return
	}
	p.pos++
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return
	}
	for i := 0; p.err == nil; i++ {
		p.ws()
		p.stack = append(p.stack, seg{idx: i})
		elem(i, "")
		if p.err != nil {
			return
		}
		p.stack = p.stack[:len(p.stack)-1]
		p.ws()
		if p.pos >= len(p.data) {
			p.fail(path, CodeSyntax, "unterminated array", "',' or ']'", "end of input")
			return
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return
		default:
			p.fail(path, CodeSyntax, "expected ',' or ']'", "',' or ']'", p.peekText())
			return
		}
	}
}

// isNull consumes a null literal if one is at the cursor.
func (p *parser) isNull() bool {
	if p.pos+4 <= len(p.data) && string(p.data[p.pos:p.pos+4]) == "null" {
		p.pos += 4
		return true
	}
	return false
}

// str reads a JSON string.
func (p *parser) str(path string) string {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		p.typeErr(path, "string")
		return ""
	}
	start := p.pos + 1
	i := start
	var high byte // the bits of every byte so far: ASCII unless 0x80 is set
	for i < len(p.data) {
		c := p.data[i]
		high |= c
		if c == '"' {
			s := p.data[start:i]
			if high >= utf8.RuneSelf && !utf8.Valid(s) {
				p.fail(path, CodeSyntax, "string is not valid UTF-8", "UTF-8 text", "")
				return ""
			}
			p.pos = i + 1
			if k, ok := p.known[string(s)]; ok {
				return k
			}
			return string(s)
		}
		if c == '\\' {
			return p.strSlow(path, start)
		}
		if c < 0x20 {
			p.pos = i
			p.fail(path, CodeSyntax, "control character in string", "escaped control characters", "")
			return ""
		}
		i++
	}
	p.pos = len(p.data)
	p.fail(path, CodeSyntax, "unterminated string", "'\"'", "end of input")
	return ""
}

// strSlow decodes a string holding escapes.
func (p *parser) strSlow(path string, start int) string {
	buf := make([]byte, 0, 32)
	i := start
	for i < len(p.data) {
		c := p.data[i]
		switch {
		case c == '"':
			if !utf8.Valid(buf) {
				p.fail(path, CodeSyntax, "string is not valid UTF-8", "UTF-8 text", "")
				return ""
			}
			p.pos = i + 1
			return string(buf)
		case c < 0x20:
			p.pos = i
			p.fail(path, CodeSyntax, "control character in string", "escaped control characters", "")
			return ""
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(p.data) {
			break
		}
		e := p.data[i+1]
		i += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4(i)
			if !ok {
				p.pos = i
				p.fail(path, CodeSyntax, "bad \\u escape", "four hex digits", "")
				return ""
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 <= len(p.data) && p.data[i] == '\\' && p.data[i+1] == 'u' {
					if r2, ok := p.hex4(i + 2); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							r = d
							i += 6
						} else {
							r = utf8.RuneError
						}
					}
				} else {
					r = utf8.RuneError
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			p.pos = i - 1
			p.fail(path, CodeSyntax, "bad escape in string", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u", "")
			return ""
		}
	}
	p.pos = len(p.data)
	p.fail(path, CodeSyntax, "unterminated string", "'\"'", "end of input")
	return ""
}

func (p *parser) hex4(i int) (rune, bool) {
	if i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[i : i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number reads a JSON number, finite and within ±maxMagnitude.
func (p *parser) number(path string) float64 {
	start := p.pos
	i := p.pos
	if i < len(p.data) && p.data[i] == '-' {
		i++
	}
	digits := i
	for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
		i++
	}
	if i == digits {
		if digits > start {
			p.fail(path, CodeSyntax, "malformed number", "digits after '-'", p.peekText())
			return 0
		}
		p.typeErr(path, "number")
		return 0
	}
	if p.data[digits] == '0' && i-digits > 1 {
		p.fail(path, CodeSyntax, "number with a leading zero", "a JSON number", p.peekText())
		return 0
	}
	simple := i-digits <= 15
	if i < len(p.data) && p.data[i] == '.' {
		simple = false
		i++
		f := i
		for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
			i++
		}
		if i == f {
			p.fail(path, CodeSyntax, "malformed number", "digits after '.'", p.peekText())
			return 0
		}
	}
	if i < len(p.data) && (p.data[i] == 'e' || p.data[i] == 'E') {
		simple = false
		i++
		if i < len(p.data) && (p.data[i] == '+' || p.data[i] == '-') {
			i++
		}
		f := i
		for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
			i++
		}
		if i == f {
			p.fail(path, CodeSyntax, "malformed number", "digits in the exponent", p.peekText())
			return 0
		}
	}
	var v float64
	if simple {
		var n int64
		for _, c := range p.data[digits:i] {
			n = n*10 + int64(c-'0')
		}
		v = float64(n)
		if digits > start {
			v = -v
		}
	} else {
		var err error
		v, err = strconv.ParseFloat(string(p.data[start:i]), 64)
		if err != nil && !math.IsInf(v, 0) {
			p.fail(path, CodeSyntax, "malformed number", "a JSON number", p.peekText())
			return 0
		}
	}
	p.pos = i
	if math.IsInf(v, 0) || math.Abs(v) > maxMagnitude {
		p.reject(start, CodeRange, "number too large", "a magnitude of at most 1e15", string(p.data[start:i]))
		return 0
	}
	return v
}

// count reads a non-negative whole number.
func (p *parser) count(path string) int {
	off, m := p.pos, p.mark()
	v := p.number(path)
	if !p.ok(m) {
		return 0
	}
	if v != math.Trunc(v) {
		p.reject(off, CodeInteger, "a count must be a whole number", "a whole number", formatNum(v))
		return 0
	}
	if v < 0 {
		p.reject(off, CodeRange, "a count cannot be negative", "0 or more", formatNum(v))
		return 0
	}
	return int(v)
}

// strings reads an array of strings.
func (p *parser) strings(path string) []string {
	return p.stringsInto(nil, path)
}

// stringsInto reads an array of strings into buf[:0] (a new slice when buf is nil).
func (p *parser) stringsInto(buf []string, path string) []string {
	out := buf[:0]
	if buf == nil {
		out = make([]string, 0, 4)
	}
	p.array(path, func(i int, ep string) {
		out = append(out, p.str(ep))
	})
	return out
}

var profileFields = []string{"asOf", "programs", "lang", "people", "certifications", "facts", "tracks", "plan", "parameters", "history", "projection", "departures"}

func (p *parser) profile(prof *Profile) {
	p.object("", func(key, kp string) {
		switch key {
		case "asOf":
			off, m := p.pos, p.mark()
			if prof.AsOf = p.str(kp); p.ok(m) && prof.AsOf == "" {
				p.reject(off, CodeDate, "not a valid date (leave asOf out for today)", "YYYY-MM-DD", `""`)
			}
		case "programs":
			buf := p.spare.programs
			p.spare.programs = nil
			prof.Programs = p.stringsInto(buf, kp)
		case "lang":
			off, m := p.pos, p.mark()
			if prof.Lang = p.str(kp); p.ok(m) && prof.Lang == "" {
				p.reject(off, CodeUnknown, "unknown language", `"en" or "fr"`, `""`)
			}
		case "people":
			if prof.People, p.spare.people = p.spare.people, nil; prof.People == nil {
				prof.People = make([]Person, 0, 8)
			}
			p.array(kp, func(i int, ep string) {
				var per Person
				var certs []string // a spare list, from the person at this place before
				if n := len(prof.People); n < cap(prof.People) {
					certs = prof.People[:n+1][n].Certifications
				}
				isObject := p.atObject() // else a wrong type, reported alone
				p.object(ep, func(key, fp string) {
					switch key {
					case "id":
						per.ID = p.str(fp)
					case "certifications":
						per.Certifications = p.stringsInto(certs, fp)
					default:
						p.unknownField(fp, key, []string{"id", "certifications"})
					}
				})
				if per.Certifications == nil && p.err == nil && isObject {
					p.stack = append(p.stack, seg{key: "certifications", idx: -1})
					p.reject(p.pos, CodeRequired, "a person needs a certifications list", "an array of certifications", "nothing")
					p.stack = p.stack[:len(p.stack)-1]
				}
				prof.People = append(prof.People, per)
			})
		case "certifications":
			prof.Certifications = spareMap(&p.spare.certs, 8)
			p.object(kp, func(key, cp string) {
				prof.Certifications[key] = p.count(cp)
			})
		case "facts":
			prof.Facts = spareMap(&p.spare.facts, 48)
			p.object(kp, func(key, fp string) {
				prof.Facts[key] = p.number(fp)
			})
		case "tracks":
			prof.Tracks = map[string]string{}
			p.object(kp, func(key, tp string) {
				prof.Tracks[key] = p.str(tp)
			})
		case "plan":
			plan := &PlanRequest{}
			p.object(kp, func(key, pp string) {
				switch key {
				case "costs":
					plan.Costs = map[string]float64{}
					p.object(pp, func(key, cp string) {
						off, m := p.pos, p.mark()
						v := p.number(cp)
						if p.ok(m) && v <= 0 {
							p.reject(off, CodeRange, "a cost must be above 0", "a number above 0", formatNum(v))
						}
						plan.Costs[key] = v
					})
				default:
					p.unknownField(pp, key, []string{"costs"})
				}
			})
			prof.Plan = plan
		case "parameters":
			prof.Parameters = spareMap(&p.spare.params, 8)
			p.object(kp, func(key, fp string) {
				prof.Parameters[key] = p.number(fp)
			})
		case "history":
			p.history(prof, kp)
		case "projection":
			p.projection(prof, kp)
		case "departures":
			p.departures(prof, kp)
		default:
			p.unknownField(kp, key, profileFields)
		}
	})
}

// unknownField notes that key is not one of known, and passes over its value (at the
// cursor).
func (p *parser) unknownField(_, key string, known []string) {
	if e := p.reject(p.pos, CodeUnknown, "unknown field", "one of "+joinQuoted(known), strconv.Quote(key)); e != nil {
		e.Suggestion = closest(key, known)
	}
	p.skip()
}

func joinQuoted(ss []string) string {
	b := make([]byte, 0, 64)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, s)
	}
	return string(b)
}
