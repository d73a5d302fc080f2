package score_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// A version's JSON fragments and rate phrases are written on its first evaluation rather
// than in New (see compiled.fragments in engine.go). Evaluations that race to be a
// version's first give what one engine evaluating alone gives, as JSON and as a tape. The
// race detector (go test -race) checks the writing itself.
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
	answer := func(e *score.Engine, profile []byte) (string, error) {
		in, err := e.Parse(profile)
		if err != nil {
			return "", err
		}
		r, err := e.Evaluate(in)
		if err != nil {
			return "", err
		}
		var tape score.Tape
		tape.SetOutcome(r)
		text, err := r.MarshalJSON()
		return string(text) + "\n" + string(tape.Ops) + "\n" + string(tape.Heap), err
	}
	want := make([]string, len(profiles))
	for i, p := range profiles {
		if want[i], err = answer(alone, p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	raced, err := score.New()
	if err != nil {
		t.Fatal(err)
	}
	const workers = 8
	got := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]string, len(profiles))
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
			if got[w][i] != want[i] {
				t.Errorf("worker %d, %s: the answer differs from one engine evaluating alone:\n got %.300q\nwant %.300q",
					w, profiles[i], got[w][i], want[i])
			}
		}
	}
	if !bytes.Contains([]byte(want[0]), []byte(`"sources":[{"id":`)) {
		t.Errorf("no sources in %.300s", want[0])
	}
}
