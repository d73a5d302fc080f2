//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall/js"
	"testing"
	"time"
	"unsafe"

	"github.com/partnerscore/partnerscore/score"
)

// global registers a fresh api and returns globalThis.partnerscore, so that every test
// calls the functions the way a page does: through JavaScript.
func global(t *testing.T) js.Value {
	t.Helper()
	if err := register(newAPI()); err != nil {
		t.Fatal(err)
	}
	return js.Global().Get(globalName)
}

func engine(t *testing.T) *score.Engine {
	t.Helper()
	e, err := score.Default()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func examples(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

type envelope struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Errors []*score.Error  `json:"errors"`
}

func decode(t *testing.T, s string) envelope {
	t.Helper()
	var env envelope
	d := json.NewDecoder(strings.NewReader(s))
	d.DisallowUnknownFields()
	if err := d.Decode(&env); err != nil {
		t.Fatalf("not an envelope: %v\n%s", err, s)
	}
	if env.OK != (env.Result != nil) || env.OK == (len(env.Errors) > 0) {
		t.Fatalf("ok is %v with %d bytes of result and %d errors", env.OK, len(env.Result), len(env.Errors))
	}
	return env
}

func TestVersionAndReady(t *testing.T) {
	ps := global(t)
	if !ps.Get("ready").Bool() {
		t.Error("ready is not true")
	}
	v := ps.Get("version").String()
	if !strings.HasPrefix(v, "partnerscore ") {
		t.Errorf("version %q", v)
	}
	for _, p := range engine(t).Programs() {
		if !strings.Contains(v, p.ID+"/"+p.Version) {
			t.Errorf("version %q does not name %s/%s", v, p.ID, p.Version)
		}
	}
}

// TestOnReady: a loader's placeholder with onready is called with the new global.
func TestOnReady(t *testing.T) {
	var got js.Value
	calls := 0
	cb := js.FuncOf(func(_ js.Value, args []js.Value) any {
		calls++
		got = args[0]
		return nil
	})
	defer cb.Release()
	placeholder := js.Global().Get("Object").New()
	placeholder.Set("onready", cb)
	js.Global().Set(globalName, placeholder)
	ps := global(t)
	if calls != 1 || !got.Equal(ps) || !ps.Get("ready").Bool() {
		t.Errorf("onready called %d times, with the global: %v", calls, got.Equal(ps))
	}
	// A throwing onready does not stop the setup.
	thrower := js.Global().Get("Function").New("throw new Error('loader bug')")
	placeholder = js.Global().Get("Object").New()
	placeholder.Set("onready", thrower)
	js.Global().Set(globalName, placeholder)
	if ps := global(t); !ps.Get("ready").Bool() {
		t.Error("not ready after a throwing onready")
	}
}

// TestEvaluateMatchesEngine: evaluate gives {"ok":true,"result":R} where R is exactly what
// Engine.EvaluateJSON writes, and summary what AppendSummaryJSON writes; calls in a row
// (reusing the result and the buffer) do not disturb earlier answers.
func TestEvaluateMatchesEngine(t *testing.T) {
	ps := global(t)
	e := engine(t)
	ex := examples(t)
	got := map[string]string{}
	for name, profile := range ex {
		want, err := e.EvaluateJSON(profile)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := ps.Call("evaluate", string(profile)).String()
		if s != `{"ok":true,"result":`+string(want)+`}` {
			t.Errorf("%s: evaluate differs from EvaluateJSON:\n got %.300s\nwant %.300s", name, s, want)
		}
		decode(t, s)
		got[name] = s

		in, err := e.Parse(profile)
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		sum := ps.Call("summary", string(profile)).String()
		if wantSum := `{"ok":true,"result":` + string(r.AppendSummaryJSON(nil)) + `}`; sum != wantSum {
			t.Errorf("%s: summary differs:\n got %s\nwant %s", name, sum, wantSum)
		}
	}
	for name, profile := range ex {
		if s := ps.Call("evaluate", string(profile)).String(); s != got[name] {
			t.Errorf("%s: a second evaluation differs from the first", name)
		}
	}
}

// TestExported: the exported functions (export.go) answer what the global's evaluate and
// summary answer, for every example and for bad input; the input buffer grows when needed
// and is reused.
func TestExported(t *testing.T) {
	ps := global(t)
	exported = newAPI()
	defer func() { exported = nil }()
	call := func(profile string, summary bool) string {
		at := exportBuffer(int32(len(profile)))
		if at == 0 {
			t.Fatal("partnerscore_buffer: 0")
		}
		if in := exported.in; int(at) != int(uintptr(unsafe.Pointer(&in[0]))) || len(in) < len(profile) {
			t.Fatalf("partnerscore_buffer: %d, not the input buffer", at)
		}
		copy(exported.in, profile)
		sum := int32(0)
		if summary {
			sum = 1
		}
		a := exportEvaluate(int32(len(profile)), sum)
		if a == 0 {
			t.Fatal("partnerscore_evaluate: 0")
		}
		if int(a) != int(uintptr(unsafe.Pointer(&answer))) {
			t.Fatalf("partnerscore_evaluate: %d, not the answer's address", a)
		}
		if answer[0] != uint32(uintptr(unsafe.Pointer(&answerBytes[0]))) || int(answer[1]) != len(answerBytes) {
			t.Fatalf("the answer %v does not point at its bytes", answer)
		}
		return string(answerBytes)
	}
	big := `{"people":[` + strings.Repeat(`{"id":"p","certifications":["AZ-104"]},`, 3000) + `{"id":"q","certifications":[]}]}`
	inputs := []string{"", "{}", "not json", `{"asOf":"hier"}`, `{"facts":{"é":1}}`, big}
	for _, p := range examples(t) {
		inputs = append(inputs, string(p))
	}
	for _, p := range inputs {
		for _, summary := range []bool{false, true} {
			name := "evaluate"
			if summary {
				name = "summary"
			}
			if got, want := call(p, summary), ps.Call(name, p).String(); got != want {
				t.Errorf("%s(%.60q):\n got %.300s\nwant %.300s", name, p, got, want)
			}
		}
	}
	if cap(exported.in) < len(big) {
		t.Errorf("the input buffer did not grow: %d bytes", cap(exported.in))
	}
	if exportBuffer(-1) != 0 || exportEvaluate(int32(cap(exported.in)+1), 0) != 0 || exportEvaluate(-1, 0) != 0 {
		t.Error("a bad size is not refused")
	}
	exported = nil
	if exportBuffer(10) != 0 || exportEvaluate(0, 0) != 0 {
		t.Error("not ready, yet answered")
	}
}

// TestExportedTapeTable: a tape's answer gives the size of the table it needs, which grows
// as rule versions are first evaluated (score.New compiles each on its first use), and
// tapeTable gives the table at that size.
func TestExportedTapeTable(t *testing.T) {
	exported = newAPI()
	defer func() { exported = nil }()
	tape := func(profile string) int {
		if exportBuffer(int32(len(profile))) == 0 {
			t.Fatal("partnerscore_buffer: 0")
		}
		copy(exported.in[:len(profile)], profile)
		if exportEvaluate(int32(len(profile)), modeTape) == 0 || answer[1] == 0 {
			t.Fatalf("partnerscore_evaluate(%s, tape): no answer", profile)
		}
		var table struct{ Strings []string }
		if err := json.Unmarshal(exported.tapeTableJSON(), &table); err != nil {
			t.Fatal(err)
		}
		if int(answer[4]) != len(table.Strings) {
			t.Fatalf("the answer says %d strings, tapeTable has %d", answer[4], len(table.Strings))
		}
		return int(answer[4])
	}
	now := tape(`{"asOf":"2026-01-01","programs":["microsoft-ai-cloud-partner-program"]}`)
	if again := tape(`{"asOf":"2026-02-01","programs":["microsoft-ai-cloud-partner-program"]}`); again != now {
		t.Errorf("the same version again: the table went from %d to %d strings", now, again)
	}
	if older := tape(`{"asOf":"2023-01-01","programs":["microsoft-ai-cloud-partner-program"]}`); older <= now {
		t.Errorf("an older version, first evaluated: the table went from %d to %d strings", now, older)
	}
}

// TestBadInput: errors come back as values, located by JSON Pointer, and the program
// keeps answering.
func TestBadInput(t *testing.T) {
	ps := global(t)
	cases := []struct {
		name, profile, path, code string
	}{
		{"syntax", `{"facts": {`, "/facts", score.CodeSyntax},
		{"type", `{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAdds":"four"}}`, "/facts/mw.ent.netCustomerAdds", score.CodeType},
		{"unknown fact", `{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAd":4}}`, "/facts/mw.ent.netCustomerAd", score.CodeUnknown},
		{"range", `{"asOf":"2026-06-01","facts":{"azure.smbCustomerShare":150}}`, "/facts/azure.smbCustomerShare", score.CodeRange},
		{"date", `{"asOf":"2026-02-30"}`, "/asOf", score.CodeDate},
		{"empty", ``, "", score.CodeSyntax},
	}
	for _, c := range cases {
		for _, fn := range []string{"evaluate", "summary"} {
			env := decode(t, ps.Call(fn, c.profile).String())
			if env.OK {
				t.Errorf("%s %s: ok", fn, c.name)
				continue
			}
			if e := env.Errors[0]; e.Path != c.path || e.Code != c.code || e.Message == "" {
				t.Errorf("%s %s: first error %+v, want path %q code %q", fn, c.name, e, c.path, c.code)
			}
		}
	}
	env := decode(t, ps.Call("evaluate", `{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAd":4}}`).String())
	if env.Errors[0].Suggestion != "mw.ent.netCustomerAdds" {
		t.Errorf("no suggestion: %+v", env.Errors[0])
	}
	// Not a string, or nothing at all: a type error, not an exception.
	for _, args := range [][]any{{}, {42}, {js.Null()}, {map[string]any{"asOf": "2026-06-01"}}} {
		env := decode(t, ps.Call("evaluate", args...).String())
		if env.OK || env.Errors[0].Code != score.CodeType {
			t.Errorf("evaluate%v: %+v", args, env.Errors)
		}
	}
	if s := ps.Call("evaluate", `{"asOf":"2026-06-01"}`).String(); !decode(t, s).OK {
		t.Errorf("after errors, a good profile fails: %s", s)
	}
}

// TestPanicRecovered: a panic inside any exported function comes back as an internal
// error and the Go program keeps running.
func TestPanicRecovered(t *testing.T) {
	ps := global(t)
	defer func() { testHook = nil }()
	calls := map[string][]any{
		"evaluate":       {`{"asOf":"2026-06-01"}`},
		"summary":        {`{"asOf":"2026-06-01"}`},
		"programs":       nil,
		"certifications": nil,
		"schema":         {"profile"},
		"schemas":        nil,
	}
	panics := []struct {
		name, says string
		p          func()
	}{
		{"string", "boom", func() { panic("boom") }},
		{"error", "boom", func() { panic(errors.New("boom")) }},
		{"runtime error", "nil map", func() {
			var m map[string]int
			m["boom"]++
		}},
		{"other", "unexpected panic", func() { panic(42) }},
	}
	for _, pc := range panics {
		pname, p := pc.name, pc.p
		for name, args := range calls {
			hooked := ""
			testHook = func(n string) { hooked = n; p() }
			env := decode(t, ps.Call(name, args...).String())
			if hooked != name {
				t.Errorf("%s: the hook saw %q", name, hooked)
			}
			if env.OK || env.Errors[0].Code != codeInternal || !strings.HasPrefix(env.Errors[0].Message, name+": ") {
				t.Errorf("%s panicking (%s): %+v", name, pname, env.Errors)
			}
			if !strings.Contains(env.Errors[0].Message, pc.says) {
				t.Errorf("%s panicking (%s): message %q", name, pname, env.Errors[0].Message)
			}
		}
	}
	testHook = nil
	if s := ps.Call("evaluate", `{"asOf":"2026-06-01"}`).String(); !decode(t, s).OK {
		t.Errorf("after panics, evaluate fails: %s", s)
	}
	var progs []score.Program
	if err := json.Unmarshal([]byte(ps.Call("programs").String()), &progs); err != nil || len(progs) == 0 {
		t.Errorf("after panics, programs: %v", err)
	}
}

// TestEngineUnavailable: when the rules did not load, every call says so.
func TestEngineUnavailable(t *testing.T) {
	a := &api{engErr: score.Errors{{Path: "rules", Code: score.CodeData, Message: "broken"}}}
	a.version = versionString(nil)
	if !strings.Contains(a.version, "unavailable") {
		t.Errorf("version %q", a.version)
	}
	for _, out := range [][]byte{a.evaluate("{}", false), a.evaluate("{}", true), a.programsJSON(), a.certificationsJSON(), a.schema("profile"), a.schemaNamesJSON()} {
		env := decode(t, string(out))
		if env.OK || env.Errors[0].Code != score.CodeData || env.Errors[0].Message != "broken" {
			t.Errorf("%s", out)
		}
	}
	a.engErr = errors.New("plain")
	if env := decode(t, string(a.programsJSON())); env.Errors[0].Code != codeInternal || env.Errors[0].Message != "plain" {
		t.Errorf("%+v", env.Errors[0])
	}
}

func TestPrograms(t *testing.T) {
	ps := global(t)
	e := engine(t)
	s := ps.Call("programs").String()
	if want := e.AppendProgramsJSON(nil); s != string(want) {
		t.Errorf("programs differs from the engine's programs")
	}
	sameAsEncodingJSON(t, "programs", s, e.Programs())
	var progs []score.Program
	d := json.NewDecoder(strings.NewReader(s))
	d.DisallowUnknownFields()
	if err := d.Decode(&progs); err != nil {
		t.Fatal(err)
	}
	if len(progs) != len(e.Programs()) {
		t.Fatalf("%d programs, want %d", len(progs), len(e.Programs()))
	}
	for _, p := range progs {
		// What each model needs: a scorecard its areas and facts, a levels program its levels
		// and facts, a calculator its tables and parameters, a timeline program its items.
		var incomplete bool
		switch p.Model {
		case "", score.ModelScorecard:
			incomplete = len(p.Areas) == 0 || len(p.Facts) == 0
		case score.ModelLevels:
			incomplete = p.Levels == nil || len(p.Levels.Levels) == 0 || len(p.Facts) == 0
		case score.ModelCalculator:
			incomplete = p.Calculator == nil || len(p.Calculator.Tables) == 0 || len(p.Parameters) == 0
		case score.ModelTimeline:
			incomplete = len(p.Timeline) == 0
		}
		if p.ID == "" || p.Version == "" || p.EffectiveFrom == "" || len(p.Sources) == 0 || incomplete {
			t.Errorf("%s %s: incomplete", p.ID, p.Version)
		}
		for _, f := range p.Facts {
			if f.Label.En == "" || f.Label.Fr == "" || f.Help.En == "" || f.Unit == "" || f.Max <= f.Min {
				t.Errorf("%s: fact %s lacks what a form needs: %+v", p.ID, f.ID, f)
			}
		}
	}
	if again := ps.Call("programs").String(); again != s {
		t.Error("programs changed between calls")
	}
}

func TestCertifications(t *testing.T) {
	ps := global(t)
	var certs []score.Certification
	d := json.NewDecoder(strings.NewReader(ps.Call("certifications").String()))
	d.DisallowUnknownFields()
	if err := d.Decode(&certs); err != nil {
		t.Fatal(err)
	}
	if want := engine(t).Certifications(); len(certs) != len(want) || certs[0].ID != want[0].ID {
		t.Errorf("%d certifications, want %d", len(certs), len(want))
	}
}

func TestSchema(t *testing.T) {
	ps := global(t)
	var names []string
	if err := json.Unmarshal([]byte(ps.Call("schemas").String()), &names); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../schemas/*.schema.json")
	if len(names) != len(files) || len(names) < 5 {
		t.Errorf("schemas() = %v, files %v", names, files)
	}
	for _, n := range names {
		file, err := os.ReadFile("../../schemas/" + n + ".schema.json")
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer // the file without its indentation
		if err := json.Compact(&want, file); err != nil {
			t.Fatal(err)
		}
		for _, arg := range []string{n, n + ".schema.json"} {
			got := ps.Call("schema", arg).String()
			if got != want.String() {
				t.Errorf("schema(%q) differs from the file", arg)
			}
			var s map[string]any
			if err := json.Unmarshal([]byte(got), &s); err != nil || !strings.HasSuffix(s["$id"].(string), "/"+n+".schema.json") {
				t.Errorf("schema(%q): %v, $id %v", arg, err, s["$id"])
			}
		}
	}
	for _, bad := range []any{"nope", "", "../schemas/profile", "/profile", ".", "profile/", 3} {
		if got := ps.Call("schema", bad).String(); got != "null" {
			t.Errorf("schema(%v) = %.60s, want null", bad, got)
		}
	}
	if got := ps.Call("schema").String(); got != "null" {
		t.Errorf("schema() = %.60s", got)
	}
}

// TestFailJSON: errors that are not score.Errors still give the envelope.
func TestFailJSON(t *testing.T) {
	one := &score.Error{Path: "/x", Code: score.CodeRange, Message: "m"}
	for _, err := range []error{one, score.Errors{one}, errors.Join(score.Errors{one})} {
		env := decode(t, string(failJSON(nil, err)))
		if len(env.Errors) != 1 || *env.Errors[0] != *one {
			t.Errorf("%v: %+v", err, env.Errors)
		}
	}
	if env := decode(t, string(failJSON([]byte("x"), score.Errors{}))[1:]); env.Errors[0].Code != codeInternal {
		t.Errorf("%+v", env.Errors[0])
	}
}

func BenchmarkEvaluateJS(b *testing.B) {
	if err := register(newAPI()); err != nil {
		b.Fatal(err)
	}
	ps := js.Global().Get(globalName)
	profile, err := os.ReadFile("../../examples/modern-work-enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	arg := js.ValueOf(string(bytes.TrimSpace(profile)))
	b.ReportAllocs()
	for b.Loop() {
		ps.Call("evaluate", arg)
	}
}

// sameAsEncodingJSON checks that the JSON text s means what encoding/json writes for v.
func sameAsEncodingJSON(t *testing.T, what, s string, v any) {
	t.Helper()
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if err := json.Unmarshal(want, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: differs from encoding/json's encoding", what)
	}
}

// TestToday: a profile without asOf is scored on today's date (UTC), which the engine reads
// from JavaScript's Date (jsToday), as package time gives it.
func TestToday(t *testing.T) {
	ps := global(t)
	before := time.Now().UTC().Format(time.DateOnly)
	env := decode(t, ps.Call("evaluate", `{}`).String())
	after := time.Now().UTC().Format(time.DateOnly)
	if !env.OK {
		t.Fatalf("evaluate {}: %+v", env.Errors)
	}
	var res struct {
		AsOf string `json:"asOf"`
	}
	if err := json.Unmarshal(env.Result, &res); err != nil {
		t.Fatal(err)
	}
	if res.AsOf != before && res.AsOf != after {
		t.Errorf("asOf %q, want today %q", res.AsOf, after)
	}
	if y, m, d := jsToday(); time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) != res.AsOf {
		t.Errorf("jsToday() = %d-%d-%d, result asOf %q", y, m, d, res.AsOf)
	}
}
