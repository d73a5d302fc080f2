package score

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestSummaryJSON checks that the summary encoder writes what Summary builds, and that
// the summary agrees with the full result.
func TestSummaryJSON(t *testing.T) {
	e := benchEngineT(t)
	for _, lang := range []string{"en", "fr"} {
		p, err := ParseProfile(benchProfile)
		if err != nil {
			t.Fatal(err)
		}
		p.Lang = lang
		in, err := e.Resolve(p)
		if err != nil {
			t.Fatalf("Resolve: %v", err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			t.Fatalf("Evaluate: %v", err)
		}
		var got Summary
		if err := json.Unmarshal(r.AppendSummaryJSON(nil), &got); err != nil {
			t.Fatalf("%s: AppendSummaryJSON is not JSON: %v", lang, err)
		}
		if want := r.Summary(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: AppendSummaryJSON decodes to %+v, want %+v", lang, got, want)
		}
		for i, a := range r.Programs[0].Areas {
			sa := got.Programs[0].Areas[i]
			if sa.Score != a.Score || sa.Qualified != a.Qualified || sa.Track != a.Track || len(sa.Points) != len(a.Metrics) {
				t.Errorf("%s: summary of %s = %+v, result has score %g qualified %v track %s", lang, a.ID, sa, a.Score, a.Qualified, a.Track)
			}
		}
	}
}

func benchEngineT(t *testing.T) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}
