package score_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// departureProfiles are profiles with named people, of the scorecard and the levels models.
func departureProfiles(t *testing.T) map[string]*score.Profile {
	t.Helper()
	out := map[string]*score.Profile{
		// Modern Work at 20 + 10 + 15 + 22.5 + 5 = 72.5 with the facts below: four people count
		// as intermediate (the MD-102 holders, and ana by SC-300) and two as advanced (MS-102).
		// An MD-102 holder leaving: 7.5 intermediate points, and the area at 70, still
		// qualified; ben: 7.5 advanced points, 65, not qualified; ana: both, 62.5. The MD-102
		// holders are alike (one set of certifications); cy holds nothing that counts.
		"modern work at 72.5": {AsOf: "2026-06-01", Programs: []string{"microsoft-ai-cloud-partner-program"},
			People: team(holders(3, "MD-102"), []score.Person{{ID: "ana", Certifications: []string{"MS-102", "SC-300"}}, {ID: "ben", Certifications: []string{"MS-102"}}, {ID: "cy", Certifications: []string{}}}),
			Facts:  map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 750, "mw.ent.deployments.cpor": 1}},
		"azure smb": {AsOf: "2026-06-01", Programs: []string{"microsoft-ai-cloud-partner-program"},
			People:         []score.Person{{ID: "a", Certifications: []string{"AZ-104"}}, {ID: "b", Certifications: []string{"AZ-305", "AZ-104"}}, {ID: "c", Certifications: []string{"AZ-700"}}},
			Certifications: map[string]int{"AZ-800": 1},
			Facts:          map[string]float64{"azure.smbCustomerShare": 92.5, "azure.smb.netCustomerAdds": 3, "azure.usageGrowth": 15.4, "azure.acrTtm": 48000, "azure.deployments": 3}},
	}
	for _, f := range []string{"vmware-advanced.json", "csp-fy26-direct-bill.json"} {
		data, err := os.ReadFile("../examples/programs/" + f)
		if err != nil {
			t.Fatal(err)
		}
		var p score.Profile
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[f] = &p
	}
	// The CSP example's counts as named people, and Modern Work at 72.5 (as above), on which
	// its level depends: an MS-102 holder leaving loses the designation, then the level.
	csp := out["csp-fy26-direct-bill.json"]
	csp.People, csp.Certifications = team(holders(4, "MS-700"), holders(2, "MS-102")), nil
	csp.Facts["mw.ent.usageGrowth.cpor"], csp.Facts["mw.ent.deployments.cpor"] = 750, 1
	return out
}

// TestDeparturesAreEvaluationsWithout checks each departure against the profile evaluated
// without that person: every area and metric's standing after is that evaluation's, before
// is the result's; every level and competency likewise; loses and changed follow from them.
func TestDeparturesAreEvaluationsWithout(t *testing.T) {
	for name, p := range departureProfiles(t) {
		t.Run(name, func(t *testing.T) {
			asked := *p
			asked.Departures = &score.DeparturesRequest{}
			r := evaluate(t, name, &asked)
			if len(r.Departures) != len(p.People) {
				t.Fatalf("%d departures for %d people", len(r.Departures), len(p.People))
			}
			changed := 0
			for i, d := range r.Departures {
				if d.Person != i || d.ID != p.People[i].ID {
					t.Errorf("departure %d: person %d id %q, want %d %q", i, d.Person, d.ID, i, p.People[i].ID)
				}
				without := *p
				without.People = slices.Delete(slices.Clone(p.People), i, i+1)
				w := evaluate(t, fmt.Sprintf("%s without %d", name, i), &without)
				if got, want := standings(t, d), append(sides(r, "before"), sides(w, "after")...); !slices.Equal(sortedStrings(got), sortedStrings(want)) {
					t.Errorf("%s leaving: standings\n got %v\nwant %v", p.People[i].ID, got, want)
				}
				loses, differs := false, false
				afters := map[string]side{}
				for _, s := range sides(w, "") {
					afters[s.key] = s
				}
				for _, before := range sides(r, "") {
					after := afters[before.key]
					loses = loses || (before.ok && !after.ok)
					differs = differs || before.text != after.text
				}
				if d.Loses != loses || d.Changed != differs {
					t.Errorf("%s leaving: loses %v changed %v, want %v %v", p.People[i].ID, d.Loses, d.Changed, loses, differs)
				}
				if d.Changed {
					changed++
				}
			}
			if changed == 0 {
				t.Errorf("no departure changes anything: the case tests nothing")
			}
		})
	}
}

// side is one standing of a result: an area's score and qualification, a metric's points
// and value, a level met or a competency earned, keyed by what it is.
type side struct {
	key, text string
	ok        bool
}

// sides lists every standing of r (tag prefixes each key, for standings).
func sides(r *score.Result, tag string) []side {
	var out []side
	for _, p := range r.Programs {
		for _, a := range p.Areas {
			k := tag + " " + p.ID + "/" + a.ID
			out = append(out, side{k, fmt.Sprintf("%s %g %v", a.Track, a.Score, a.Qualified), a.Qualified})
			for _, m := range a.Metrics {
				out = append(out, side{k + "/" + m.ID, fmt.Sprintf("%g %g", m.Points, m.Value), true})
			}
		}
		if p.Levels != nil {
			for _, l := range p.Levels.Levels {
				out = append(out, side{tag + " " + p.ID + "/level/" + l.ID, fmt.Sprint(l.Met), l.Met})
			}
			for _, c := range p.Levels.Competencies {
				out = append(out, side{tag + " " + p.ID + "/competency/" + c.ID, fmt.Sprint(c.Earned), c.Earned})
			}
		}
	}
	return out
}

// standings lists the same from a departure's comparison.
func standings(t *testing.T, d score.Departure) []side {
	t.Helper()
	var out []side
	for _, p := range d.Programs {
		for _, a := range p.Areas {
			for tag, s := range map[string]*score.AreaSide{"before": a.Before, "after": a.After} {
				if s == nil {
					t.Fatalf("%s/%s: no %s", p.ID, a.ID, tag)
				}
				k := tag + " " + p.ID + "/" + a.ID
				out = append(out, side{k, fmt.Sprintf("%s %g %v", s.Track, s.Score, s.Qualified), s.Qualified})
			}
			for _, m := range a.Metrics {
				for tag, s := range map[string]*score.MetricSide{"before": m.Before, "after": m.After} {
					out = append(out, side{tag + " " + p.ID + "/" + a.ID + "/" + m.ID, fmt.Sprintf("%g %g", s.Points, s.Value), true})
				}
			}
		}
		for kind, os := range map[string][]score.OutcomeComparison{"level": p.Levels, "competency": p.Competencies} {
			for _, o := range os {
				for tag, s := range map[string]*score.OutcomeSide{"before": o.Before, "after": o.After} {
					out = append(out, side{tag + " " + p.ID + "/" + kind + "/" + o.ID, fmt.Sprint(s.Met), s.Met})
				}
			}
		}
	}
	return out
}

func sortedStrings(ss []side) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.key + " = " + s.text
	}
	slices.Sort(out)
	return out
}

// TestDeparturesModernWork pins the figures of one case (see departureProfiles): an MD-102
// holder leaving leaves Modern Work at the qualifying score, ana or ben takes it under.
func TestDeparturesModernWork(t *testing.T) {
	p := departureProfiles(t)["modern work at 72.5"]
	asked := *p
	asked.Departures = &score.DeparturesRequest{}
	r := evaluate(t, "departures", &asked)
	mw := findArea(t, "departures", r, "modern-work")
	if mw.Score != 72.5 || !mw.Qualified {
		t.Fatalf("modern work %g qualified %v, want 72.5 and qualified", mw.Score, mw.Qualified)
	}
	type row struct {
		id      string
		score   float64
		loses   bool
		metrics []string
	}
	want := []row{
		{"MD-102#1", 70, false, []string{"intermediate-certifications 10→7.5"}},
		{"MD-102#2", 70, false, []string{"intermediate-certifications 10→7.5"}},
		{"MD-102#3", 70, false, []string{"intermediate-certifications 10→7.5"}},
		{"ana", 62.5, true, []string{"intermediate-certifications 10→7.5", "advanced-certifications 15→7.5"}},
		{"ben", 65, true, []string{"advanced-certifications 15→7.5"}},
		{"cy", 72.5, false, nil},
	}
	for i, w := range want {
		d := r.Departures[i]
		a := departedArea(d, "modern-work")
		if d.ID != w.id || d.Loses != w.loses || d.Changed != (w.metrics != nil) || a == nil {
			t.Errorf("%d: %s loses %v changed %v, want %s %v %v", i, d.ID, d.Loses, d.Changed, w.id, w.loses, w.metrics != nil)
			continue
		}
		if a.Before.Score != 72.5 || a.After.Score != w.score || a.After.Qualified == w.loses || !slices.Equal(metricChanges(a), w.metrics) {
			t.Errorf("%s: modern-work %g → %g, qualified %v, metrics %v; want 72.5 → %g, %v", d.ID, a.Before.Score, a.After.Score, a.After.Qualified, metricChanges(a), w.score, w.metrics)
		}
	}
}

// departedArea returns area id of the departure's only program.
func departedArea(d score.Departure, id string) *score.AreaComparison {
	for i := range d.Programs[0].Areas {
		if a := &d.Programs[0].Areas[i]; a.ID == id {
			return a
		}
	}
	return nil
}

// metricChanges writes each metric whose points change as "id before→after".
func metricChanges(a *score.AreaComparison) []string {
	var out []string
	for _, m := range a.Metrics {
		if m.Before.Points != m.After.Points {
			out = append(out, fmt.Sprintf("%s %g→%g", m.ID, m.Before.Points, m.After.Points))
		}
	}
	return out
}

func TestDeparturesErrors(t *testing.T) {
	e := testEngine(t)
	many := make([]map[string]any, 0, 1001)
	certs := []string{"AZ-104", "AZ-305", "AZ-700", "AZ-800", "AZ-140", "MD-102", "MS-102", "MS-700", "SC-300", "SC-200", "AZ-500"}
	for n := 0; len(many) < 1001; n++ {
		var held []string
		for j, c := range certs {
			if n&(1<<j) != 0 {
				held = append(held, c)
			}
		}
		if len(held) > 0 {
			many = append(many, map[string]any{"certifications": held})
		}
	}
	tooMany, err := json.Marshal(map[string]any{"asOf": "2026-06-01", "people": many, "departures": map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		profile, path, code string
	}{
		{`{"asOf":"2026-06-01","departures":1}`, "/departures", score.CodeType},
		{`{"asOf":"2026-06-01","departures":{"people":[0]}}`, "/departures/people", score.CodeUnknown},
		{string(tooMany), "/departures", score.CodeRange},
	} {
		_, err := e.Parse([]byte(c.profile))
		var es score.Errors
		if !errors.As(err, &es) || es[0].Path != c.path || es[0].Code != c.code {
			t.Errorf("%.60s: %v, want %s at %s", c.profile, err, c.code, c.path)
		}
	}
	// At the cap, it evaluates.
	ok, _ := json.Marshal(map[string]any{"asOf": "2026-06-01", "people": many[:1000], "departures": map[string]any{}})
	if _, err := e.Parse(ok); err != nil {
		t.Errorf("1000 distinct sets: %v", err)
	}
}

// Ask what each named person's leaving would change: the profile is evaluated again without
// them, and the areas that would change are listed.
func ExampleEngine_Evaluate_departures() {
	e, err := score.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := e.Parse([]byte(`{
	  "asOf": "2026-06-01",
	  "programs": ["microsoft-ai-cloud-partner-program"],
	  "people": [
	    {"id": "ana", "certifications": ["MS-102", "SC-300"]},
	    {"id": "ben", "certifications": ["MS-102"]},
	    {"id": "chloe", "certifications": ["MD-102"]}
	  ],
	  "certifications": {"MD-102": 2},
	  "facts": {"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 750, "mw.ent.deployments.cpor": 1},
	  "departures": {}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Evaluate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range r.Departures {
		for _, a := range d.Programs[0].Areas {
			if len(a.Changes) == 0 {
				continue
			}
			fmt.Printf("without %s: %s %g → %g, qualified %v → %v\n", d.ID, a.ID, a.Before.Score, a.After.Score, a.Before.Qualified, a.After.Qualified)
			for _, m := range a.Metrics {
				if m.Before.Points != m.After.Points {
					fmt.Printf("  %s %g → %g (%g → %g %s)\n", m.ID, m.Before.Points, m.After.Points, m.Before.Value, m.After.Value, m.After.Unit)
				}
			}
		}
	}
	// Output:
	// without ana: modern-work 72.5 → 62.5, qualified true → false
	//   intermediate-certifications 10 → 7.5 (4 → 3 people)
	//   advanced-certifications 15 → 7.5 (2 → 1 people)
	// without ben: modern-work 72.5 → 65, qualified true → false
	//   advanced-certifications 15 → 7.5 (2 → 1 people)
	// without chloe: modern-work 72.5 → 70, qualified true → true
	//   intermediate-certifications 10 → 7.5 (4 → 3 people)
}
