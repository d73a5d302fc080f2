package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The rule-data codec must read every rule file as encoding/json does (with
// DisallowUnknownFields) and write what encoding/json writes.
func TestDataMatchesEncodingJSON(t *testing.T) {
	files, err := fs.Glob(os.DirFS("."), "rules/*/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal("no program files", err)
	}
	check := func(name string, mine, theirs any) {
		t.Helper()
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := decodeData(b, mine); err != nil {
			t.Fatalf("%s: decodeData: %v", name, err)
		}
		d := json.NewDecoder(bytes.NewReader(b))
		d.DisallowUnknownFields()
		if err := d.Decode(theirs); err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		if !reflect.DeepEqual(mine, theirs) {
			t.Errorf("%s: decodeData and encoding/json disagree", name)
		}
		sameJSON(t, name, appendData(nil, reflect.ValueOf(mine)), theirs)
	}
	for _, f := range files {
		check(f, new(Program), new(Program))
	}
	type catalog struct {
		Certifications []Certification `json:"certifications"`
	}
	check("rules/certifications.json", new(catalog), new(catalog))
}

// sameJSON checks that mine is the JSON encoding/json gives for v, up to its HTML
// escaping of <, > and & and with every non-ASCII character escaped (as the engine
// writes its JSON).
func sameJSON(t *testing.T, what string, mine []byte, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	want := asciiJSON(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if !bytes.Equal(mine, want) {
		t.Errorf("%s: appendData wrote\n%.300s\nencoding/json writes\n%.300s", what, mine, want)
	}
}

type dataSample struct {
	Name   string      `json:"name"`
	Count  int         `json:"count,omitempty"`
	Ratio  float64     `json:"ratio"`
	Small  int8        `json:"small,omitempty"`
	Flag   bool        `json:"flag,omitempty"`
	Tags   []string    `json:"tags"`
	Inner  *dataSample `json:"inner,omitempty"`
	Items  []Text      `json:"items,omitempty"`
	hidden string
	Skip   string `json:"-"`
	Plain  uint16
}

func TestDataEncodeLikeEncodingJSON(t *testing.T) {
	for _, v := range []dataSample{
		{},
		{Name: "a<b>&\"c\"\n\u2028é", Count: -3, Ratio: 0.1, Flag: true, Tags: []string{}, Plain: 7},
		{Ratio: 1e21, Tags: []string{"x", ""}, Inner: &dataSample{Ratio: 1e-7}},
		{Ratio: 123456789.125, Small: -128, Items: []Text{{En: "a", Fr: "b"}}},
		{Ratio: -0.000001, Name: "\x01\x7f"},
	} {
		sameJSON(t, v.Name, appendData(nil, reflect.ValueOf(v)), v)
	}
}

func TestDataDecode(t *testing.T) {
	var got dataSample
	err := decodeData([]byte(` {"name":"\u00e9\ud83d\ude00\/\n","count":12,"ratio":-1.5e2,"small":-7,"flag":true,
		"tags":["a","b"],"inner":{"name":"x","tags":null},"items":[{"en":"e","fr":"f"}],"Plain":9} `), &got)
	if err != nil {
		t.Fatal(err)
	}
	want := dataSample{Name: "é😀/\n", Count: 12, Ratio: -150, Small: -7, Flag: true, Tags: []string{"a", "b"},
		Inner: &dataSample{Name: "x"}, Items: []Text{{En: "e", Fr: "f"}}, Plain: 9}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestDataDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"name":"a","nope":1}`, `/nope (offset 12): unknown field "nope"; known: name, count, ratio`},
		{`{"name":"a","name":"b"}`, `/name (offset 12): field given twice`},
		{`{"name":1}`, `/name (offset 8): expected a string, got a number`},
		{`{"count":1.5}`, `/count (offset 12): expected an integer that fits int, got 1.5`},
		{`{"small":300}`, `/small (offset 12): expected an integer that fits int8, got 300`},
		{`{"Plain":-1}`, `/Plain (offset 11): expected a non-negative integer that fits uint16, got -1`},
		{`{"ratio":null}`, `/ratio (offset 13): expected a number, got null`},
		{`{"ratio":01}`, `/ratio (offset 9): expected a number, got a number`},
		{`{"ratio":1.}`, `/ratio (offset 11): expected a digit after '.', got '}'`},
		{`{"tags":["a",2]}`, `/tags/1 (offset 13): expected a string, got a number`},
		{`{"items":[{"en":"a","de":"b"}]}`, `/items/0/de (offset 20): unknown field "de"; known: en, fr`},
		{`{"inner":{"inner":{"flag":"yes"}}}`, `/inner/inner/flag (offset 26): expected a boolean, got a string`},
		{`{"name":"a\qb"}`, `/name (offset 12): expected a JSON escape, got 'q'`},
		{"{\"name\":\"a\nb\"}", `/name (offset 10): expected a string without control characters, got byte 10`},
		{`{"name":"a"`, `offset 11: expected ',' or '}', got end of data`},
		{`{"name":"a"} x`, `offset 13: expected end of the document, got 'x'`},
		{`{"name":"a",}`, `offset 12: expected a string, got '}'`},
		{`[]`, `offset 0: expected an object, got an array`},
		{"{\"name\":\"\xff\"}", `/name (offset 9): expected UTF-8 text, got an invalid byte`},
		{`{"a/b~c":1}`, `/a~1b~0c (offset 1): unknown field "a/b~c"`},
	} {
		var v dataSample
		err := decodeData([]byte(tc.in), &v)
		var de *dataError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want a *dataError", tc.in, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s:\n got  %s\n want %s", tc.in, err, tc.want)
		}
	}
}

// FuzzDataDecode checks that whatever decodeData accepts, encoding/json accepts too and
// reads the same way, and that decodeData never panics.
func FuzzDataDecode(f *testing.F) {
	f.Add([]byte(`{"name":"x","count":2,"tags":["a"],"inner":{"ratio":1e3}}`))
	f.Add([]byte(`{"items":[{"en":"\u00e9","fr":"\ud800"}],"Plain":65535}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var mine, theirs dataSample
		if decodeData(b, &mine) != nil {
			return
		}
		if err := json.Unmarshal(b, &theirs); err != nil {
			t.Fatalf("decodeData accepted what encoding/json refuses (%v): %q", err, b)
		}
		if !reflect.DeepEqual(mine, theirs) {
			t.Fatalf("decodeData and encoding/json disagree on %q:\n%+v\n%+v", b, mine, theirs)
		}
	})
}

// asciiJSON escapes every non-ASCII character of the JSON text b as \uXXXX (outside
// strings JSON has none), surrogate pairs beyond U+FFFF.
func asciiJSON(b []byte) []byte {
	var out []byte
	for _, r := range string(b) {
		switch {
		case r < 0x80:
			out = append(out, byte(r))
		case r > 0xffff:
			r -= 0x10000
			out = appendU4(appendU4(out, 0xd800+(r>>10)), 0xdc00+r&0x3ff)
		default:
			out = appendU4(out, r)
		}
	}
	return out
}

// The engine's JSON is ASCII-only: French text comes out escaped and reads back intact.
func TestResultJSONIsASCII(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in, err := e.Parse([]byte(`{"asOf":"2026-06-01","lang":"fr","facts":{"mw.ent.netCustomerAdds":4},
		"people":[{"id":"Zoé 😀","certifications":["MS-102"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	out := r.AppendJSON(nil)
	for i, c := range out {
		if c >= 0x80 {
			t.Fatalf("byte %d of the result is not ASCII: %q", i, out[max(0, i-20):i+5])
		}
	}
	var back struct {
		Programs []struct {
			Name  string `json:"name"`
			Areas []struct {
				Name string `json:"name"`
			} `json:"areas"`
		} `json:"programs"`
	}
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Programs[0].Name; !strings.Contains(got, "désignations") {
		t.Errorf("program name %q lost its accents", got)
	}
	if !bytes.Contains(out, []byte(`d\u00e9signations`)) {
		t.Error("no escaped accent in the output")
	}
}

// Every example, in both languages, gives ASCII-only results and summaries.
func TestExamplesJSONIsASCII(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(os.DirFS("../examples"), "*.json")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		b, err := os.ReadFile("../examples/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "fr"} {
			var p map[string]any
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			p["lang"] = lang
			pb, _ := json.Marshal(p)
			in, err := e.Parse(pb)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r, err := e.Evaluate(in)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for what, out := range map[string][]byte{"result": r.AppendJSON(nil), "summary": r.AppendSummaryJSON(nil)} {
				if i := bytes.IndexFunc(out, func(r rune) bool { return r >= 0x80 }); i >= 0 {
					t.Errorf("%s (%s) %s: not ASCII at byte %d: %q", f, lang, what, i, out[max(0, i-30):min(len(out), i+5)])
				}
				if !json.Valid(out) {
					t.Errorf("%s (%s) %s: not valid JSON", f, lang, what)
				}
			}
		}
	}
}
