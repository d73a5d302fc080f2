package score_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// reuseProfiles are profiles of every shape, good and bad, for ParseInto to take one after
// another: each field present, absent, then present again, so that reused storage shows.
func reuseProfiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../examples/*.json")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../examples/programs/*.json")
	var out []string
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return append(out,
		`{}`,
		`{"asOf":"2026-06-01","programs":["microsoft-ai-cloud-partner-program"],"facts":{"azure.acrTtm":1000},"certifications":{"AZ-104":2}}`,
		`{"asOf":"2026-06-01","people":[{"id":"a","certifications":["AZ-104","AZ-305"]},{"id":"b","certifications":["AZ-104"]}]}`,
		`{"asOf":"2026-06-01","facts":{"azure.acrTtm":-1}}`,
		`{"asOf":"2026-06-01","facts":{"no.such.fact":1}}`,
		`{"asOf":"hier"}`,
		`not json`,
		`{"asOf":"2026-06-01","certifications":{"AZ-104":1},"facts":{"azure.deployments":2},"tracks":{"azure":"no-track"}}`,
		`{"asOf":"2026-06-01","parameters":{"nope":1}}`,
		`{"asOf":"2026-06-01","certifications":{"AZ-104":3},"plan":{"costs":{"AZ-104":2}}}`,
		`{"asOf":"2026-06-01","facts":{"azure.acrTtm":5000},"history":[{"month":"2026-05","facts":{"azure.acrTtm":4000}}]}`,
	)
}

// TestParseInto: one Input taking profile after profile (every example, good and bad, in
// two orders) gives each time what Parse gives for the profile alone: the same error, or
// the same result and the same Profile.
func TestParseInto(t *testing.T) {
	e := testEngine(t)
	profiles := reuseProfiles(t)
	var in score.Input
	for round, order := range [][]int{ascending(len(profiles)), descending(len(profiles))} {
		for _, i := range order {
			data := []byte(profiles[i])
			want, wantErr := e.Parse(data)
			err := e.ParseInto(&in, data)
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Fatalf("round %d, profile %d: ParseInto error %v, Parse error %v", round, i, err, wantErr)
			}
			if err != nil {
				continue
			}
			if !reflect.DeepEqual(normalized(in.Profile), normalized(want.Profile)) {
				t.Errorf("round %d, profile %d: Profile\n got %+v\nwant %+v", round, i, in.Profile, want.Profile)
			}
			got, gotErr := e.EvaluateJSON(data)
			r, err := e.Evaluate(&in)
			if (err == nil) != (gotErr == nil) {
				t.Fatalf("round %d, profile %d: Evaluate error %v, EvaluateJSON error %v", round, i, err, gotErr)
			}
			if err == nil && string(r.AppendJSON(nil)) != string(got) {
				t.Errorf("round %d, profile %d: the result differs from Parse's", round, i)
			}
		}
	}
}

// normalized is p with empty maps and slices as nil: ParseInto hands a reused, emptied map
// only to a field the profile has, so both are nil or both hold the same entries.
func normalized(p *score.Profile) score.Profile {
	c := *p
	if len(c.Facts) == 0 {
		c.Facts = nil
	}
	if len(c.Certifications) == 0 {
		c.Certifications = nil
	}
	if len(c.Parameters) == 0 {
		c.Parameters = nil
	}
	return c
}

func ascending(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func descending(n int) []int {
	out := ascending(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// TestParseIntoAllocations: taking the same kind of profile again, ParseInto allocates at
// most a third of what Parse does (the person ids and their lists, not the maps, vectors
// and slices).
func TestParseIntoAllocations(t *testing.T) {
	e := testEngine(t)
	data := []byte(`{"asOf":"2026-06-01","lang":"fr","people":[{"id":"ana","certifications":["MS-700","MS-102"]}],
		"certifications":{"MD-102":2,"AZ-104":1},"facts":{"mw.ent.netCustomerAdds":4,"azure.acrTtm":48000,"azure.deployments":3}}`)
	var in score.Input
	if err := e.ParseInto(&in, data); err != nil {
		t.Fatal(err)
	}
	parse := testing.AllocsPerRun(50, func() {
		if _, err := e.Parse(data); err != nil {
			t.Fatal(err)
		}
	})
	into := testing.AllocsPerRun(50, func() {
		if err := e.ParseInto(&in, data); err != nil {
			t.Fatal(err)
		}
	})
	if into > parse/3 {
		t.Errorf("ParseInto: %.0f allocations, Parse: %.0f", into, parse)
	}
	t.Logf("allocations: Parse %.0f, ParseInto %.0f", parse, into)
}
