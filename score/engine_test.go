package score_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// A version's areas, and its JSON fragments and rate phrases, are compiled on its first
// evaluation rather than in New (see compiled.areas and compiled.fragments in engine.go).
// Evaluations that race to be a version's first give what one engine evaluating alone
// gives, as JSON and as a tape read with its engine's table (the table's order follows the
// order the versions compiled in, so the tapes' bytes may differ). The race detector (go
// test -race) checks the writing itself.
func TestFirstEvaluationsConcurrent(t *testing.T) {
	alone, err := score.New()
	if err != nil {
		t.Fatal(err)
	}
	// Every version of every program, on its first day, in both languages.
	var profiles [][]byte
	for _, p := range alone.Programs() {
		for _, lang := range []string{"en", "fr"} {
			profiles = append(profiles, fmt.Appendf(nil,
				`{"asOf":%q,"programs":[%q],"lang":%q,"certifications":{"MS-102":2,"AZ-104":3},"facts":{"mw.ent.netCustomerAdds":4}}`,
				p.EffectiveFrom, p.ID, lang))
		}
	}
	type answered struct {
		json string
		tape *score.Tape
	}
	answer := func(e *score.Engine, profile []byte) (answered, error) {
		in, err := e.Parse(profile)
		if err != nil {
			return answered{}, err
		}
		r, err := e.Evaluate(in)
		if err != nil {
			return answered{}, err
		}
		tape := new(score.Tape)
		tape.SetOutcome(r)
		text, err := r.MarshalJSON()
		return answered{string(text), tape}, err
	}
	// read is the answer's JSON and its tape read with the engine's table, taken once
	// every evaluation is done.
	read := func(e *score.Engine, a answered) string {
		if a.tape == nil {
			return "no answer"
		}
		text, err := tapeJSON(loadTapeTable(t, e), a.tape)
		if err != nil {
			return "tape: " + err.Error()
		}
		return a.json + "\n" + string(text)
	}
	want := make([]string, len(profiles))
	for i, p := range profiles {
		a, err := answer(alone, p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want[i] = read(alone, a)
	}
	raced, err := score.New()
	if err != nil {
		t.Fatal(err)
	}
	const workers = 8
	got := make([][]answered, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]answered, len(profiles))
		wg.Go(func() {
			for k := range profiles {
				i := (k + w*len(profiles)/workers) % len(profiles) // each starts elsewhere
				got[w][i], _ = answer(raced, profiles[i])
			}
		})
	}
	wg.Wait()
	for w := range got {
		for i := range profiles {
			if got := read(raced, got[w][i]); got != want[i] {
				t.Errorf("worker %d, %s: the answer differs from one engine evaluating alone:\n got %.300q\nwant %.300q",
					w, profiles[i], got, want[i])
			}
		}
	}
	if !bytes.Contains([]byte(want[0]), []byte(`"sources":[{"id":`)) {
		t.Errorf("no sources in %.300s", want[0])
	}
}
