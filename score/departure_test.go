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
// without that person: the areas listed are exactly those whose score, qualification or
// metric points differ, with the scores of that evaluation; levels likewise.
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
				want := departureOf(r, w)
				if !equalJSON(t, want.Areas, d.Areas) || !equalJSON(t, want.Levels, d.Levels) || want.Loses != d.Loses {
					t.Errorf("%s leaving:\n got %+v\nwant %+v", p.People[i].ID, d, want)
				}
				if len(d.Areas)+len(d.Levels) > 0 {
					changed++
				}
			}
			if changed == 0 {
				t.Errorf("no departure changes anything: the case tests nothing")
			}
		})
	}
}

// departureOf is what a departure should hold, from the two results (independently of the
// engine's own comparison: by names rather than positions).
func departureOf(was, now *score.Result) score.Departure {
	d := score.Departure{Areas: []score.AreaDeparture{}, Levels: []score.LevelsDeparture{}}
	for _, wp := range was.Programs {
		var np *score.ProgramResult
		for i := range now.Programs {
			if now.Programs[i].ID == wp.ID {
				np = &now.Programs[i]
			}
		}
		for _, wa := range wp.Areas {
			for _, na := range np.Areas {
				if na.ID != wa.ID {
					continue
				}
				ad := score.AreaDeparture{Program: wp.ID, Area: wa.ID, Name: wa.Name, Score: na.Score, Was: wa.Score, Qualified: na.Qualified, WasQualified: wa.Qualified, Track: na.Track, Metrics: []score.MetricDeparture{}}
				points := map[string]float64{}
				for _, m := range wa.Metrics {
					points[m.ID] = m.Points
				}
				for _, m := range na.Metrics {
					if p, ok := points[m.ID]; !ok || p != m.Points {
						ad.Metrics = append(ad.Metrics, score.MetricDeparture{ID: m.ID, Points: m.Points, Was: p})
					}
				}
				if ad.Score != ad.Was || ad.Qualified != ad.WasQualified || len(ad.Metrics) > 0 {
					d.Areas = append(d.Areas, ad)
					d.Loses = d.Loses || (wa.Qualified && !na.Qualified)
				}
			}
		}
		if wp.Levels == nil {
			continue
		}
		ld := score.LevelsDeparture{Program: wp.ID, Name: wp.Name, Reached: np.Levels.Reached, WasReached: wp.Levels.Reached, Levels: []string{}, Competencies: []string{}}
		met := map[string]bool{}
		for _, l := range np.Levels.Levels {
			met[l.ID] = l.Met
		}
		for _, l := range wp.Levels.Levels {
			if l.Met && !met[l.ID] {
				ld.Levels = append(ld.Levels, l.ID)
			}
		}
		earned := map[string]bool{}
		for _, c := range np.Levels.Competencies {
			earned[c.ID] = c.Earned
		}
		for _, c := range wp.Levels.Competencies {
			if c.Earned && !earned[c.ID] {
				ld.Competencies = append(ld.Competencies, c.ID)
			}
		}
		if ld.Reached != ld.WasReached || len(ld.Levels)+len(ld.Competencies) > 0 {
			d.Levels = append(d.Levels, ld)
			d.Loses = d.Loses || len(ld.Levels)+len(ld.Competencies) > 0
		}
	}
	return d
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(x) == string(y)
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
		{"cy", 0, false, nil},
	}
	for i, w := range want {
		d := r.Departures[i]
		if d.ID != w.id || d.Loses != w.loses {
			t.Errorf("%d: %s loses %v, want %s %v", i, d.ID, d.Loses, w.id, w.loses)
			continue
		}
		if w.metrics == nil {
			if len(d.Areas) != 0 {
				t.Errorf("%s: %+v, want no change", d.ID, d.Areas)
			}
			continue
		}
		if len(d.Areas) != 1 || d.Areas[0].Area != "modern-work" || d.Areas[0].Score != w.score || d.Areas[0].Was != 72.5 ||
			d.Areas[0].Qualified == w.loses || !slices.Equal(metricChanges(d.Areas[0].Metrics), w.metrics) {
			t.Errorf("%s: %+v, want modern-work %g (was 72.5), metrics %v", d.ID, d.Areas, w.score, w.metrics)
		}
	}
}

// metricChanges writes each metric change as "id was→points".
func metricChanges(ms []score.MetricDeparture) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = fmt.Sprintf("%s %g→%g", m.ID, m.Was, m.Points)
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
		for _, a := range d.Areas {
			fmt.Printf("without %s: %s %g → %g, qualified %v → %v\n", d.ID, a.Area, a.Was, a.Score, a.WasQualified, a.Qualified)
			for _, m := range a.Metrics {
				fmt.Printf("  %s %g → %g\n", m.ID, m.Was, m.Points)
			}
		}
	}
	// Output:
	// without ana: modern-work 72.5 → 62.5, qualified true → false
	//   intermediate-certifications 10 → 7.5
	//   advanced-certifications 15 → 7.5
	// without ben: modern-work 72.5 → 65, qualified true → false
	//   advanced-certifications 15 → 7.5
	// without chloe: modern-work 72.5 → 70, qualified true → true
	//   intermediate-certifications 10 → 7.5
}
