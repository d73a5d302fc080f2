package score_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/partnerscore/partnerscore/score"
)

// tapeTable is Engine.TapeTableJSON decoded.
type tapeTable struct {
	Keys    []string `json:"keys"`
	Strings []string `json:"strings"`
}

func loadTapeTable(t testing.TB, e *score.Engine) *tapeTable {
	t.Helper()
	var tab tapeTable
	if err := json.Unmarshal(e.TapeTableJSON(nil), &tab); err != nil {
		t.Fatalf("TapeTableJSON: %v", err)
	}
	if len(tab.Keys) == 0 || tab.Keys[0] != "" {
		t.Fatalf("TapeTableJSON keys %q: want \"\" first", tab.Keys)
	}
	return &tab
}

// tapeReader turns a tape into JSON text as site/js/tape.js turns it into objects: heap
// strings are taken by UTF-16 code units from the heap decoded once, as TextDecoder does.
type tapeReader struct {
	tab  *tapeTable
	ops  []byte
	p    int
	heap []uint16
	h    int
	out  []byte
}

func (r *tapeReader) heapString() (string, error) {
	if r.p+4 > len(r.ops) {
		return "", errors.New("length past the end")
	}
	n := int(binary.LittleEndian.Uint32(r.ops[r.p:]))
	r.p += 4
	if r.h+n > len(r.heap) {
		return "", fmt.Errorf("heap string of %d units at %d past the heap's %d", n, r.h, len(r.heap))
	}
	s := string(utf16.Decode(r.heap[r.h : r.h+n]))
	r.h += n
	return s, nil
}

func (r *tapeReader) value() error {
	if r.p >= len(r.ops) {
		return errors.New("value past the end")
	}
	op := r.ops[r.p]
	r.p++
	switch {
	case op >= 0x80:
		r.out = strconv.AppendInt(r.out, int64(op-0x80), 10)
	case op == 0x01:
		r.out = append(r.out, '{')
		first := true
		for {
			if r.p >= len(r.ops) {
				return errors.New("object past the end")
			}
			k := r.ops[r.p]
			r.p++
			if k == 0 {
				break
			}
			if !first {
				r.out = append(r.out, ',')
			}
			first = false
			if k == 0xff { // members given as a JSON object
				m, err := r.heapString()
				if err != nil {
					return err
				}
				var obj map[string]json.RawMessage
				if err := json.Unmarshal([]byte(m), &obj); err != nil || len(m) < 3 {
					return fmt.Errorf("members %q: not a JSON object with members (%v)", m, err)
				}
				r.out = append(r.out, m[1:len(m)-1]...)
				continue
			}
			if int(k) >= len(r.tab.Keys) {
				return fmt.Errorf("key %d out of the table", k)
			}
			r.out, _ = appendJSONString(r.out, r.tab.Keys[k])
			r.out = append(r.out, ':')
			if err := r.value(); err != nil {
				return err
			}
		}
		r.out = append(r.out, '}')
	case op == 0x02:
		r.out = append(r.out, '[')
		for i := 0; ; i++ {
			if r.p >= len(r.ops) {
				return errors.New("array past the end")
			}
			if r.ops[r.p] == 0 {
				r.p++
				break
			}
			if i > 0 {
				r.out = append(r.out, ',')
			}
			if err := r.value(); err != nil {
				return err
			}
		}
		r.out = append(r.out, ']')
	case op == 0x03:
		if r.p+2 > len(r.ops) {
			return errors.New("static past the end")
		}
		i := int(binary.LittleEndian.Uint16(r.ops[r.p:]))
		r.p += 2
		if i >= len(r.tab.Strings) {
			return fmt.Errorf("static %d out of the table", i)
		}
		r.out, _ = appendJSONString(r.out, r.tab.Strings[i])
	case op == 0x04:
		s, err := r.heapString()
		if err != nil {
			return err
		}
		r.out, _ = appendJSONString(r.out, s)
	case op == 0x05:
		if r.p+8 > len(r.ops) {
			return errors.New("number past the end")
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(r.ops[r.p:]))
		r.p += 8
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("number %v (JSON has null)", v)
		}
		r.out = strconv.AppendFloat(r.out, v, 'g', -1, 64)
	case op == 0x06:
		r.out = append(r.out, "true"...)
	case op == 0x07:
		r.out = append(r.out, "false"...)
	case op == 0x08:
		r.out = append(r.out, "null"...)
	case op == 0x09:
		s, err := r.heapString()
		if err != nil {
			return err
		}
		if !json.Valid([]byte(s)) {
			return fmt.Errorf("JSON value %q is not valid", s)
		}
		r.out = append(r.out, s...)
	default:
		return fmt.Errorf("op %#x", op)
	}
	return nil
}

func appendJSONString(b []byte, s string) ([]byte, error) {
	q, err := json.Marshal(s)
	return append(b, q...), err
}

// errInvalidHeap is tapeJSON's error for a heap that is not valid UTF-8, which the decoder
// refuses (its TextDecoder is fatal).
var errInvalidHeap = errors.New("the heap is not valid UTF-8")

// tapeJSON is the JSON text of a tape.
func tapeJSON(tab *tapeTable, tp *score.Tape) ([]byte, error) {
	if !utf8.Valid(tp.Heap) {
		return nil, errInvalidHeap
	}
	r := &tapeReader{tab: tab, ops: tp.Ops, heap: utf16.Encode([]rune(string(tp.Heap)))}
	if err := r.value(); err != nil {
		return nil, fmt.Errorf("at op %d: %w", r.p, err)
	}
	if r.p != len(r.ops) || r.h != len(r.heap) {
		return nil, fmt.Errorf("left over: ops %d of %d, heap %d of %d", r.p, len(r.ops), r.h, len(r.heap))
	}
	return r.out, nil
}

// sameJSON reports whether a and b are the same JSON: the same tokens in the same order
// (keys included), numbers compared as the float64 JavaScript reads.
func sameJSON(a, b []byte) error {
	da, db := json.NewDecoder(bytes.NewReader(a)), json.NewDecoder(bytes.NewReader(b))
	for i := 0; ; i++ {
		ta, ea := da.Token()
		tb, eb := db.Token()
		if ea == io.EOF && eb == io.EOF {
			return nil
		}
		if ea != nil || eb != nil {
			return fmt.Errorf("token %d: %v / %v", i, ea, eb)
		}
		if ta != tb {
			return fmt.Errorf("token %d: %#v, want %#v (offset %d)", i, ta, tb, db.InputOffset())
		}
	}
}

// checkTape checks that r's tape stands for the JSON AppendJSON writes.
func checkTape(t testing.TB, e *score.Engine, name string, r *score.Result) {
	t.Helper()
	var tp score.Tape
	tp.SetOutcome(r)
	got, err := tapeJSON(loadTapeTable(t, e), &tp)
	if err != nil {
		t.Fatalf("%s: tape: %v", name, err)
	}
	want := append(append([]byte(`{"ok":true,"result":`), r.AppendJSON(nil)...), '}')
	if err := sameJSON(got, want); err != nil {
		t.Fatalf("%s: the tape differs from the JSON: %v\ntape: %s\njson: %s", name, err, got, want)
	}
}

// TestTape checks the tape against the JSON for the examples' profiles and the fuzzer's
// seeds, in both languages, and for results changed by hand (the encoders then write every
// field from the result rather than the rule's fragments). Every result of the worked
// tests (evaluate) and of the fuzzer is checked too.
func TestTape(t *testing.T) {
	e := testEngine(t)
	profiles := map[string][]byte{}
	files, _ := filepath.Glob("../examples/*.json")
	more, _ := filepath.Glob("../examples/programs/*.json")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		profiles[filepath.Base(f)] = b
	}
	if len(profiles) < 5 {
		t.Fatalf("%d example profiles: want the examples folder's", len(profiles))
	}
	for i, s := range fuzzSeeds {
		profiles["seed "+strconv.Itoa(i)] = []byte(s)
	}
	checked, invalid := 0, 0
	for name, data := range profiles {
		for _, lang := range []string{"en", "fr"} {
			p, err := score.ParseProfile(data)
			if err != nil {
				continue // a broken seed
			}
			p.Lang = lang
			in, err := e.Resolve(p)
			if err != nil {
				continue
			}
			r, err := e.Evaluate(in)
			if err != nil {
				continue
			}
			checkTape(t, e, name+" "+lang, r)
			checked++

			// By hand: every metric's id changed (no rule fragments), explanations and
			// warnings' messages set, odd numbers and strings.
			for pi := range r.Programs {
				pr := &r.Programs[pi]
				pr.Sources = append([]score.Source(nil), pr.Sources...)
				for ai := range pr.Areas {
					a := &pr.Areas[ai]
					a.Score = math.NaN()
					for mi := range a.Metrics {
						m := &a.Metrics[mi]
						m.ID += "\u00e9\"\\x"
						m.Value = -0.0000123
						m.Threshold = 1e21
						if mi == 0 {
							m.Explanation = "set by hand: \U0001F600 \x00\n"
							m.Best = "b"
						}
					}
				}
			}
			for wi := range r.Warnings {
				r.Warnings[wi].Message = "a message \U0001F600 set by hand"
			}
			checkTape(t, e, name+" "+lang+" by hand", r)

			// A string that is not UTF-8 makes a heap the decoder refuses (the browser
			// engine's loader then asks for the JSON).
			if len(r.Warnings) > 0 {
				r.Warnings[0].Message = "invalid \xff\xfe UTF-8 \xe2\x82"
				var tp score.Tape
				tp.SetOutcome(r)
				if _, err := tapeJSON(loadTapeTable(t, e), &tp); err != errInvalidHeap {
					t.Fatalf("%s: a warning not in UTF-8: tape error %v, want %v", name, err, errInvalidHeap)
				}
				invalid++
			}
		}
	}
	if invalid == 0 {
		t.Fatal("no result with a warning: the invalid heap was not checked")
	}
	if checked < 2*len(files) {
		t.Fatalf("%d results checked: want every example in both languages", checked)
	}
}
