//go:build !partnerscore_notime

// The rule-data codec is for NewFromFS and the tests: builds with the tag
// partnerscore_notime (the browser engine's) have their rules compiled in (rules_gen.go).

package score

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file reads and writes the rule data (programs, certification catalog) as JSON.
//
// It stands in for encoding/json, which the engine used to load its rules: the browser
// engine ships every byte of code it links, and encoding/json with its reflection
// caches weighed about 110 KB of its brotli size. The rule data needs only a small part
// of it: structs with `json` tags, slices, maps with string keys, pointers, strings,
// numbers and booleans. The decoder is strict (unknown fields, wrong types, trailing
// data and duplicate fields are errors naming the JSON Pointer of the value); the
// encoder writes what encoding/json would (same field order, omitempty, nil slices as
// null), which the tests check against encoding/json itself.

// decodeData decodes the JSON document doc into v, a non-nil pointer.
func decodeData(doc []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &dataError{msg: "decodeData needs a non-nil pointer"}
	}
	d := dataDecoder{b: doc}
	d.space()
	if err := d.value(rv.Elem(), ""); err != nil {
		return err
	}
	if d.space(); d.i < len(d.b) {
		return d.fail("", "end of the document", d.got())
	}
	return nil
}

// dataError is a problem in rule data: where (JSON Pointer), the byte offset, what.
type dataError struct {
	path   string
	offset int
	msg    string
}

func (e *dataError) Error() string {
	if e.path == "" {
		return "offset " + strconv.Itoa(e.offset) + ": " + e.msg
	}
	return e.path + " (offset " + strconv.Itoa(e.offset) + "): " + e.msg
}

type dataDecoder struct {
	b []byte
	i int
}

func (d *dataDecoder) fail(path, expected, got string) error {
	return &dataError{path: path, offset: d.i, msg: "expected " + expected + ", got " + got}
}

func (d *dataDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// got names the token at the cursor, for errors.
func (d *dataDecoder) got() string {
	if d.i >= len(d.b) {
		return "end of data"
	}
	switch c := d.b[d.i]; {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	default:
		return strconv.QuoteRune(rune(c))
	}
}

// value decodes the value at the cursor into v; path is its JSON Pointer.
func (d *dataDecoder) value(v reflect.Value, path string) error {
	if d.i < len(d.b) && d.b[d.i] == 'n' {
		if err := d.literal("null", path); err != nil {
			return err
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			v.SetZero()
			return nil
		}
		return d.fail(path, kindName(v.Type()), "null")
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem(), path)
	case reflect.Struct:
		return d.object(v, path)
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return &dataError{path: path, offset: d.i, msg: "unsupported map key type " + v.Type().Key().String()}
		}
		return d.object(v, path)
	case reflect.Slice:
		return d.array(v, path)
	case reflect.String:
		s, err := d.str(path)
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		switch {
		case d.i < len(d.b) && d.b[d.i] == 't':
			v.SetBool(true)
			return d.literal("true", path)
		case d.i < len(d.b) && d.b[d.i] == 'f':
			v.SetBool(false)
			return d.literal("false", path)
		}
		return d.fail(path, "a boolean", d.got())
	case reflect.Float32, reflect.Float64:
		tok, err := d.number(path)
		if err != nil {
			return err
		}
		f, perr := strconv.ParseFloat(tok, v.Type().Bits())
		if perr != nil {
			return d.fail(path, "a number that fits "+v.Type().String(), tok)
		}
		v.SetFloat(f)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		tok, err := d.number(path)
		if err != nil {
			return err
		}
		n, perr := strconv.ParseInt(tok, 10, v.Type().Bits())
		if perr != nil {
			return d.fail(path, "an integer that fits "+v.Type().String(), tok)
		}
		v.SetInt(n)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		tok, err := d.number(path)
		if err != nil {
			return err
		}
		n, perr := strconv.ParseUint(tok, 10, v.Type().Bits())
		if perr != nil {
			return d.fail(path, "a non-negative integer that fits "+v.Type().String(), tok)
		}
		v.SetUint(n)
		return nil
	}
	return &dataError{path: path, offset: d.i, msg: "unsupported type " + v.Type().String()}
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	default:
		return "a number"
	}
}

func (d *dataDecoder) literal(lit, path string) error {
	if !strings.HasPrefix(string(d.b[d.i:min(len(d.b), d.i+len(lit))]), lit) {
		return d.fail(path, "a JSON value", d.got())
	}
	d.i += len(lit)
	return nil
}

// number returns the JSON number token at the cursor.
func (d *dataDecoder) number(path string) (string, error) {
	start := d.i
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	digits := func() int {
		n := 0
		for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	intStart := d.i
	if n := digits(); n == 0 || n > 1 && d.b[intStart] == '0' {
		d.i = start
		return "", d.fail(path, "a number", d.got())
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return "", d.fail(path, "a digit after '.'", d.got())
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return "", d.fail(path, "an exponent", d.got())
		}
	}
	return string(d.b[start:d.i]), nil
}

// str decodes the JSON string at the cursor.
func (d *dataDecoder) str(path string) (string, error) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", d.fail(path, "a string", d.got())
	}
	d.i++
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			s := string(d.b[start:d.i])
			d.i++
			return s, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		d.i++
	}
	// Slow path: escapes, control characters, non-ASCII.
	out := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return string(out), nil
		case c < 0x20:
			return "", d.fail(path, "a string without control characters", "byte "+strconv.Itoa(int(c)))
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return "", d.fail(path, "an escape", "end of data")
			}
			e := d.b[d.i+1]
			d.i += 2
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return "", d.fail(path, "four hex digits after \\u", "something else")
				}
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if d.i+1 < len(d.b) && d.b[d.i] == '\\' && d.b[d.i+1] == 'u' {
						d.i += 2
						if r2, ok = d.hex4(); !ok {
							return "", d.fail(path, "four hex digits after \\u", "something else")
						}
					}
					r = utf16.DecodeRune(r, r2)
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", d.fail(path, "a JSON escape", strconv.QuoteRune(rune(e)))
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			d.i++
		default:
			r, n := utf8.DecodeRune(d.b[d.i:])
			if r == utf8.RuneError && n == 1 {
				return "", d.fail(path, "UTF-8 text", "an invalid byte")
			}
			out = append(out, d.b[d.i:d.i+n]...)
			d.i += n
		}
	}
	return "", d.fail(path, "a closing quote", "end of data")
}

func (d *dataDecoder) hex4() (rune, bool) {
	if d.i+4 > len(d.b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(d.b[d.i:d.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	d.i += 4
	return rune(n), true
}

// object decodes a JSON object into a struct (fields by their json names, unknown
// names refused) or a map with string keys.
func (d *dataDecoder) object(v reflect.Value, path string) error {
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return d.fail(path, "an object", d.got())
	}
	d.i++
	var fields []dataField
	if v.Kind() == reflect.Struct {
		fields = dataFields(v.Type())
	} else if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	seen := map[string]bool{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return nil
	}
	for {
		d.space()
		keyAt := d.i
		key, err := d.str(path)
		if err != nil {
			return err
		}
		fieldPath := path + "/" + escapePointer(key)
		if seen[key] {
			d.i = keyAt
			return &dataError{path: fieldPath, offset: keyAt, msg: "field given twice"}
		}
		seen[key] = true
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return d.fail(fieldPath, "':'", d.got())
		}
		d.i++
		d.space()
		if v.Kind() == reflect.Struct {
			f := findField(fields, key)
			if f == nil {
				d.i = keyAt
				return &dataError{path: fieldPath, offset: keyAt, msg: "unknown field " + strconv.Quote(key) + "; known: " + fieldNames(fields)}
			}
			if err := d.value(v.FieldByIndex(f.index), fieldPath); err != nil {
				return err
			}
		} else {
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := d.value(elem, fieldPath); err != nil {
				return err
			}
			v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), elem)
		}
		d.space()
		if d.i < len(d.b) && d.b[d.i] == ',' {
			d.i++
			continue
		}
		if d.i < len(d.b) && d.b[d.i] == '}' {
			d.i++
			return nil
		}
		return d.fail(path, "',' or '}'", d.got())
	}
}

func (d *dataDecoder) array(v reflect.Value, path string) error {
	if d.i >= len(d.b) || d.b[d.i] != '[' {
		return d.fail(path, "an array", d.got())
	}
	d.i++
	s := reflect.MakeSlice(v.Type(), 0, 0)
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		v.Set(s)
		return nil
	}
	for n := 0; ; n++ {
		d.space()
		s = reflect.Append(s, reflect.New(v.Type().Elem()).Elem())
		if err := d.value(s.Index(n), path+"/"+strconv.Itoa(n)); err != nil {
			return err
		}
		d.space()
		if d.i < len(d.b) && d.b[d.i] == ',' {
			d.i++
			continue
		}
		if d.i < len(d.b) && d.b[d.i] == ']' {
			d.i++
			v.Set(s)
			return nil
		}
		return d.fail(path, "',' or ']'", d.got())
	}
}

// escapePointer escapes a key for a JSON Pointer (RFC 6901).
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// dataField is a struct field as JSON sees it.
type dataField struct {
	name      string
	index     []int
	omitEmpty bool
}

// dataFields lists t's JSON fields in declaration order: exported fields named by
// their json tag (or the Go name), "-" skipped, embedded structs without a tag
// flattened as encoding/json does (outer names win).
func dataFields(t reflect.Type) []dataField {
	var out []dataField
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), index...), i)
			if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, idx)
				continue
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if findField(out, name) != nil {
				continue
			}
			out = append(out, dataField{name: name, index: idx, omitEmpty: strings.Contains(","+opts+",", ",omitempty,")})
		}
	}
	walk(t, nil)
	return out
}

func findField(fs []dataField, name string) *dataField {
	for i := range fs {
		if fs[i].name == name {
			return &fs[i]
		}
	}
	return nil
}

func fieldNames(fs []dataField) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// appendData appends v as JSON, as encoding/json.Marshal writes it (but with no
// HTML escaping of '<', '>' and '&', which are valid in JSON strings).
func appendData(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...)
		}
		return appendData(b, v.Elem())
	case reflect.Struct:
		b = append(b, '{')
		first := true
		for _, f := range dataFields(v.Type()) {
			fv := v.FieldByIndex(f.index)
			if f.omitEmpty && emptyData(fv) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendStr(b, f.name)
			b = append(b, ':')
			b = appendData(b, fv)
		}
		return append(b, '}')
	case reflect.Map:
		if v.IsNil() {
			return append(b, "null"...)
		}
		keys := v.MapKeys()
		strs := make([]string, len(keys))
		for i, k := range keys {
			strs[i] = k.String()
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		sortStringsIndex(strs, order)
		b = append(b, '{')
		for n, i := range order {
			if n > 0 {
				b = append(b, ',')
			}
			b = appendStr(b, strs[i])
			b = append(b, ':')
			b = appendData(b, v.MapIndex(keys[i]))
		}
		return append(b, '}')
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendData(b, v.Index(i))
		}
		return append(b, ']')
	case reflect.String:
		return appendStr(b, v.String())
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(b, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return appendDataFloat(b, v.Float(), v.Type().Bits())
	}
	panic("score: cannot encode rule data of type " + v.Type().String())
}

// appendDataFloat writes f as encoding/json does: the shortest representation, in
// exponent form only below 1e-6 or from 1e21.
func appendDataFloat(b []byte, f float64, bits int) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		panic("score: rule data holds a non-finite number")
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

func emptyData(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// sortStringsIndex orders idx by keys[idx] (insertion sort: maps in rule data are small).
func sortStringsIndex(keys []string, idx []int) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && keys[idx[j]] < keys[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}
