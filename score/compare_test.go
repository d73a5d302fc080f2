package score_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// TestCompareFY24FY26 compares the profile of TestHistoryFY24VersusFY26 (worked by hand
// there) on 15 October 2023 and 15 October 2025.
func TestCompareFY24FY26(t *testing.T) {
	eng := testEngine(t)
	c, err := eng.Compare(fy24fy26Profile(""), "2023-10-15", "2025-10-15")
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	if !c.Changed || len(c.Programs) != 1 {
		t.Fatalf("Compare: changed %v, %d programs; want changed, 1 program", c.Changed, len(c.Programs))
	}
	p := c.Programs[0]
	if p.Before.Version != "fy24" || p.After.Version != "fy26" {
		t.Errorf("Compare: versions %s → %s, want fy24 → fy26", p.Before.Version, p.After.Version)
	}
	area := func(id string) score.AreaComparison {
		for _, a := range p.Areas {
			if a.ID == id {
				return a
			}
		}
		t.Fatalf("Compare: no area %s", id)
		return score.AreaComparison{}
	}
	metric := func(a score.AreaComparison, id string) score.MetricComparison {
		for _, m := range a.Metrics {
			if m.ID == id {
				return m
			}
		}
		t.Fatalf("Compare: no metric %s/%s", a.ID, id)
		return score.MetricComparison{}
	}
	cases := []struct {
		area, metric        string
		before, after       float64
		areaChanges, change []string
	}{
		// Modern Work: 90 → 87.5; intermediate 7.5 → 5 (another list).
		{"modern-work", "intermediate-certifications", 7.5, 5, []string{"score"}, []string{"certifications", "points", "value"}},
		{"modern-work", "net-customer-adds", 20, 20, []string{"score"}, []string{}},
		// Security: 86.667 → 73.333; gates of two people, SC-200 out of step 3.
		{"security", "intermediate-certifications", 40.0 * 4 / 6, 40.0 * 2 / 6, []string{"score"}, []string{"certifications", "gates", "points", "value"}},
		{"security", "usage-growth", 20, 20, []string{"score"}, []string{}},
		// Data & AI: nothing given, 0 on both dates, but the step-3 list changed.
		{"data-ai", "intermediate-certifications", 0, 0, []string{}, []string{"certifications"}},
	}
	for _, k := range cases {
		a := area(k.area)
		m := metric(a, k.metric)
		if !near(m.Before.Points, k.before, exact) || !near(m.After.Points, k.after, exact) {
			t.Errorf("%s/%s: %g → %g, want %g → %g", k.area, k.metric, m.Before.Points, m.After.Points, k.before, k.after)
		}
		if !slices.Equal(m.Changes, k.change) {
			t.Errorf("%s/%s: changes %v, want %v", k.area, k.metric, m.Changes, k.change)
		}
		if !slices.Equal(a.Changes, k.areaChanges) {
			t.Errorf("%s: changes %v, want %v", k.area, a.Changes, k.areaChanges)
		}
	}
	if a := area("modern-work"); !near(a.Before.Score, 90, exact) || !near(a.After.Score, 87.5, exact) || !a.Before.Qualified || !a.After.Qualified {
		t.Errorf("modern-work: %+v → %+v, want 90 → 87.5, qualified on both", a.Before, a.After)
	}
	if got := writeJSONTwice(t, c); got != "" {
		t.Error(got)
	}
}

// TestCompareLevels compares the CSP example, whose facts answer the FY26 requirements, under
// the 2018-08 rules (what it lacks then: a partner network id, support, services, billing)
// and the FY26 rules (a direct bill partner).
func TestCompareLevels(t *testing.T) {
	data, err := os.ReadFile("../examples/programs/csp-fy26-direct-bill.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := score.ParseProfile(data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := testEngine(t).Compare(p, "2019-06-01", "2026-06-01")
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	if len(c.Programs) != 1 || !c.Changed || !c.Programs[0].Changed {
		t.Fatalf("Compare: %s, want one program, changed", c.AppendJSON(nil))
	}
	pc := c.Programs[0]
	if len(pc.Areas) != 0 || len(pc.Competencies) != 0 {
		t.Errorf("Compare: %d areas, %d competencies; want levels only", len(pc.Areas), len(pc.Competencies))
	}
	ids := func(rs []score.RequirementRef) []string {
		var out []string
		for _, r := range rs {
			if r.Name == "" {
				t.Errorf("requirement %s without a name", r.ID)
			}
			out = append(out, r.ID)
		}
		return out
	}
	want := []struct {
		id                    string
		metBefore, metAfter   bool
		missBefore, missAfter []string
		changes               []string
	}{
		{"direct-bill", false, true, []string{"mpn-id", "first-level-support", "managed-services", "billing"}, nil, []string{"met", "missing"}},
		{"indirect-reseller", false, false, []string{"mpn-id", "provider"}, []string{"provider"}, []string{"missing"}},
		{"indirect-provider", false, false, []string{"mpn-id", "first-level-support", "managed-services", "billing"}, []string{"revenue"}, []string{"missing"}},
	}
	if len(pc.Levels) != len(want) {
		t.Fatalf("Compare: %d levels, want %d", len(pc.Levels), len(want))
	}
	for i, w := range want {
		l := pc.Levels[i]
		if l.ID != w.id || l.Before.Met != w.metBefore || l.After.Met != w.metAfter ||
			!slices.Equal(ids(l.Before.Missing), w.missBefore) || !slices.Equal(ids(l.After.Missing), w.missAfter) || !slices.Equal(l.Changes, w.changes) {
			t.Errorf("level %d: %s %+v → %+v %v, want %s %v → %v, missing %v → %v, %v", i, l.ID, l.Before, l.After, l.Changes, w.id, w.metBefore, w.metAfter, w.missBefore, w.missAfter, w.changes)
		}
	}
	if got := writeJSONTwice(t, c); got != "" {
		t.Error(got)
	}
}

// writeJSONTwice compares Comparison.AppendJSON with encoding/json's encoding of the same
// value (its struct tags), as decoded values: "" when they agree.
func writeJSONTwice(t *testing.T, c *score.Comparison) string {
	t.Helper()
	var mine, std any
	if err := json.Unmarshal(c.AppendJSON(nil), &mine); err != nil {
		return "AppendJSON: invalid JSON: " + err.Error()
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &std); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(mine, std) {
		return fmt.Sprintf("AppendJSON and encoding/json differ:\n%s\n%s", c.AppendJSON(nil), b)
	}
	return ""
}

func TestCompareSameDateAndErrors(t *testing.T) {
	eng := testEngine(t)
	c, err := eng.Compare(fy24fy26Profile(""), "2025-10-15", "2025-11-15")
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	if c.Changed {
		t.Errorf("Compare within fy26 with nothing retiring: changed, want unchanged: %s", c.AppendJSON(nil))
	}
	// The Security gates boundary: the day before and the day of.
	c, err = eng.Compare(&score.Profile{People: team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(3, "SC-100"))}, "2023-11-30", "2023-12-01")
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	for _, a := range c.Programs[0].Areas {
		if a.ID == "security" {
			for _, m := range a.Metrics {
				if m.ID == "intermediate-certifications" && (!slices.Contains(m.Changes, "gates") || m.After.Applied != "gate") {
					t.Errorf("security gates across 1 December 2023: %v, after %+v", m.Changes, m.After)
				}
			}
		}
	}
	// The date is the value at fault, with or without a programs filter (an evaluation with
	// one names the program: got is its id there).
	for _, k := range []struct {
		programs             []string
		from, to, path, code string
		got                  string
	}{
		{nil, "2021-01-01", "2025-10-15", "/from", score.CodeNoRules, `"2021-01-01"`},
		{[]string{"microsoft-ai-cloud-partner-program"}, "2021-01-01", "2025-10-15", "/from", score.CodeNoRules, `"2021-01-01"`},
		{nil, "2025-10-15", "tomorrow", "/to", score.CodeDate, `"tomorrow"`},
	} {
		_, err := eng.Compare(&score.Profile{Programs: k.programs}, k.from, k.to)
		var es score.Errors
		if !errors.As(err, &es) || es[0].Path != k.path || es[0].Code != k.code || es[0].Got != k.got {
			t.Errorf("Compare(%v, %s, %s): %v, want %s at %s, got %s", k.programs, k.from, k.to, err, k.code, k.path, k.got)
		}
	}
	if _, err := eng.CompareJSON([]byte(`{"facts":{"nope":1}}`), "2023-10-15", "2025-10-15"); err == nil {
		t.Errorf("CompareJSON with an unknown fact: no error")
	}
	// All at once: the reading's errors, then the dates', then the checks' of what was read
	// (once, not once per date); text that is not JSON gives the reading's alone.
	for _, k := range []struct {
		profile, from string
		want          []string
	}{
		{`{"facts":{"azure.acrTtm":"x","nope":1},"certifications":{"XX-1":1}}`, "2025-13-01",
			[]string{"/facts/azure.acrTtm type", "/from date", "/certifications/XX-1 unknown", "/facts/nope unknown"}},
		// The profile's asOf is not read by a comparison: one passed over stops no check.
		{`{"asOf":5,"facts":{"azure.smbCustomerShare":150}}`, "2025-10-15",
			[]string{"/asOf type", "/facts/azure.smbCustomerShare range"}},
		{`{"facts":{"azure.acrTtm":"x"},"certifications":{"XX-1":1},"lang":tru}`, "2023-10-15",
			[]string{"/facts/azure.acrTtm type", "/lang syntax"}},
	} {
		_, err := eng.CompareJSON([]byte(k.profile), k.from, "2025-10-15")
		var es score.Errors
		errors.As(err, &es)
		var got []string
		for _, e := range es {
			got = append(got, e.Path+" "+e.Code)
		}
		if !slices.Equal(got, k.want) {
			t.Errorf("CompareJSON(%s, %s): %q, want %q", k.profile, k.from, got, k.want)
		}
	}
}

// ExampleEngine_ParseCompare compares a JSON profile on two dates, in French; a profile
// with errors gets them all at once.
func ExampleEngine_ParseCompare() {
	eng, _ := score.Default()
	c, err := eng.ParseCompare([]byte(`{"people":[{"certifications":["SC-100"]}]}`), "2023-10-15", "2025-10-15", "fr")
	fmt.Println(c.Lang, c.Programs[0].Before.Version, "→", c.Programs[0].After.Version, err)
	_, err = eng.ParseCompare([]byte(`{"facts":{"azure.acrTtm":"x"},"certifications":{"XX-1":1}}`), "2023-10-15", "2025-10-15", "")
	for _, e := range err.(score.Errors) {
		fmt.Println(e.Path, e.Code)
	}
	// Output:
	// fr fy24 → fy26 <nil>
	// /facts/azure.acrTtm type
	// /certifications/XX-1 unknown
}

// ExampleEngine_Compare scores one profile under the June 2023 rules and the FY26 rules.
func ExampleEngine_Compare() {
	eng, _ := score.Default()
	p := &score.Profile{People: []score.Person{
		{Certifications: []string{"AZ-500", "SC-200"}}, {Certifications: []string{"AZ-500", "SC-200"}}, {Certifications: []string{"SC-100"}},
	}}
	c, _ := eng.Compare(p, "2023-10-15", "2025-10-15")
	for _, a := range c.Programs[0].Areas {
		for _, m := range a.Metrics {
			if a.ID == "security" && m.ID == "intermediate-certifications" {
				fmt.Printf("%s %s → %s, track %s → %s %v\n", a.ID, c.Programs[0].Before.Version, c.Programs[0].After.Version, a.Before.Track, a.After.Track, a.Changes)
				fmt.Printf("%s: %.2f → %.2f %v\n", m.ID, m.Before.Points, m.After.Points, m.Changes)
			}
		}
	}
	// FY24: one track, gates of one person, SC-200 also in step 3: 3 × 40/6 = 20. FY26: the
	// SMB track scores more without facts (gates 4 + 4, one scorer × 8 = 16) and counts.
	// Output:
	// security fy24 → fy26, track enterprise → smb [track score]
	// intermediate-certifications: 20.00 → 16.00 [threshold certifications gates points value]
}

// TestCompareIgnoresWhatItDoesNotScore checks that a profile as the page saves it (a history
// of months before its asOf, a projection, departures, a plan) compares on dates before
// those months: what takes no part in the two scores is ignored, not checked against the
// dates, and the comparison is the bare profile's.
func TestCompareIgnoresWhatItDoesNotScore(t *testing.T) {
	eng := testEngine(t)
	bare := fy24fy26Profile("")
	want, err := eng.Compare(bare, "2023-10-15", "2025-10-15")
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	full := *bare
	full.AsOf = "2026-06-01"
	full.History = []score.Snapshot{{Month: "2026-01", Facts: map[string]float64{"mw.ent.netCustomerAdds": 2}}}
	full.Projection = &score.ProjectionRequest{Months: 6}
	full.Departures = &score.DeparturesRequest{}
	full.Plan = &score.PlanRequest{}
	got, err := eng.Compare(&full, "2023-10-15", "2025-10-15")
	if err != nil {
		t.Fatalf("Compare with a history after the dates: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compare: the comparison differs with what it does not score")
	}
}
