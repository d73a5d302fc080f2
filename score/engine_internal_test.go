package score

import (
	"errors"
	"testing"
	"testing/fstest"
)

// compiledNow is "id/version" of each version whose areas have compiled.
func compiledNow(e *Engine) map[string]bool {
	out := map[string]bool{}
	for _, c := range e.programs {
		if c.areas != nil || c.sourcesTape != nil {
			out[c.p.ID+"/"+c.p.Version] = true
		}
	}
	return out
}

// TestLazyCompile: New compiles no version's areas; an evaluation compiles the versions it
// evaluates and no other, and the tape's table grows by their strings only then.
func TestLazyCompile(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := compiledNow(e); len(got) != 0 {
		t.Fatalf("New compiled %v", got)
	}
	before := e.TapeTableLen()
	in, err := e.Parse([]byte(`{"asOf":"2026-01-01","programs":["microsoft-ai-cloud-partner-program"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Evaluate(in); err != nil {
		t.Fatal(err)
	}
	if got := compiledNow(e); len(got) != 1 || !got["microsoft-ai-cloud-partner-program/fy26"] {
		t.Errorf("an evaluation of fy26 compiled %v", got)
	}
	if e.TapeTableLen() <= before {
		t.Errorf("the table did not grow: %d strings, %d before", e.TapeTableLen(), before)
	}
}

// TestEveryVersionCompiles: every built-in version compiles (New leaves that to their first
// use), and compiled up front (as NewFromFS does) or on first use, the engines agree.
func TestEveryVersionCompiles(t *testing.T) {
	lazy, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range lazy.programs {
		if err := lazy.ready(c); err != nil {
			t.Errorf("%s/%s: %v", c.p.ID, c.p.Version, err)
		}
	}
	names := make([]string, len(builtinPrograms))
	for i, p := range builtinPrograms {
		names[i] = p.ID + "/" + p.Version
	}
	eager, err := build(builtinCertifications, builtinPrograms, names, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := compiledNow(eager); len(got) != len(eager.programs) {
		t.Errorf("eager: %d of %d versions compiled", len(got), len(eager.programs))
	}
	for _, p := range lazy.Programs() {
		profile := []byte(`{"asOf":"` + p.EffectiveFrom + `","programs":["` + p.ID + `"],"certifications":{"AZ-104":2},"facts":{"mw.ent.netCustomerAdds":4}}`)
		var got, want []byte
		for _, x := range []struct {
			e   *Engine
			out *[]byte
		}{{lazy, &got}, {eager, &want}} {
			in, err := x.e.Parse(profile)
			if err != nil {
				t.Fatalf("%s: %v", profile, err)
			}
			r, err := x.e.Evaluate(in)
			if err != nil {
				t.Fatalf("%s: %v", profile, err)
			}
			*x.out = r.AppendJSON(nil)
		}
		if string(got) != string(want) {
			t.Errorf("%s/%s: compiled on first use and up front differ:\n got %.300s\nwant %.300s", p.ID, p.Version, got, want)
		}
	}
}

// TestBadAreas: a version whose areas do not compile is an error when NewFromFS builds the
// engine (it compiles every version), naming the file and the place; with the areas
// compiled on first use, it is the error of the evaluations that use the version.
func TestBadAreas(t *testing.T) {
	files := fstest.MapFS{
		"r/certifications.json": {Data: []byte(`{"certifications":[]}`)},
		"r/p/v1.json": {Data: []byte(`{"id":"p","name":{"en":"P","fr":"P"},"version":"v1","effectiveFrom":"2024-01-01",
			"verifiedOn":"2024-01-01","qualifyingScore":70,"sources":[{"id":"s","title":"S","url":"https://example.com","retrieved":"2024-01-01"}],
			"facts":[{"id":"f","label":{"en":"F","fr":"F"},"unit":"customers","min":0,"max":10,"source":"s"}],
			"areas":[{"id":"a","name":{"en":"A","fr":"A"},"source":"s","trackSelection":{"kind":"best"},
			"tracks":[{"id":"t","name":{"en":"T","fr":"T"},"metrics":[{"id":"m","name":{"en":"M","fr":"M"},"max":100,"source":"nope",
			"rule":{"kind":"linear","parts":[{"id":"x","fact":"f","points":10,"per":1}]}}]}]}]}`)},
	}
	_, err := NewFromFS(files, "r")
	if err == nil || err.Error() != "r/p/v1.json: areas/a/t/m: unknown source nope" {
		t.Errorf("NewFromFS: %v", err)
	}
	certs, progs, names, err := readRules(files, "r")
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := build(certs, progs, names, true, nil)
	if err != nil {
		t.Fatalf("built with the areas compiled on first use: %v", err)
	}
	for range 2 { // the same error each time
		_, err = lazy.Parse([]byte(`{"asOf":"2024-06-01"}`))
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Code != CodeData ||
			errs[0].Message != "p/v1: areas/a/t/m: unknown source nope" {
			t.Errorf("evaluating the version: %v", err)
		}
	}
}
