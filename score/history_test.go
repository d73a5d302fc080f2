package score_test

// Rule history: every dated version, the day before and the day of each boundary, the
// assumption flags, and one profile scored under FY24 and FY26 with the differences worked
// by hand.

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

func TestHistoryVersionBoundaries(t *testing.T) {
	cases := []struct {
		date, version string // version "" when no rules are in force
	}{
		{"2022-10-02", ""}, {"2022-10-03", "fy23"}, // launch (CIO: Solutions Partners from 3 October 2022)
		{"2023-02-28", "fy23"}, {"2023-03-01", "fy24"}, // Business Applications thresholds (March 2023)
		{"2023-11-30", "fy24"}, {"2023-12-01", "fy24-dec"}, // Security gates of two people
		{"2024-06-30", "fy24-dec"}, {"2024-07-01", "fy25"}, // Azure and Security SMB tracks (assumed)
		{"2025-06-30", "fy25"}, {"2025-07-01", "fy26"},
		{"2030-01-01", "fy26"},
	}
	eng := testEngine(t)
	for _, c := range cases {
		progs, err := eng.InForce(c.date)
		if err != nil {
			t.Fatalf("InForce(%s): %v", c.date, err)
		}
		got := ""
		for _, p := range progs {
			if p.ID == "microsoft-ai-cloud-partner-program" {
				got = p.Version
			}
		}
		if got != c.version {
			t.Errorf("InForce(%s) = %q, want %q", c.date, got, c.version)
		}
		if c.version == "" {
			continue
		}
		r := evaluate(t, c.date, &score.Profile{AsOf: c.date})
		if v := r.Programs[0].Version; v != c.version {
			t.Errorf("Evaluate on %s: version %q, want %q", c.date, v, c.version)
		}
	}
}

// TestHistoryRuleChanges checks what changes at each boundary with a profile that the
// change affects, the day before and the day of.
func TestHistoryRuleChanges(t *testing.T) {
	// Security, one Azure Security Engineer, one Security Operations Analyst and three
	// people holding a step-3 certification. Until 30 November 2023 gates need one person
	// and Security Operations Analyst also counts in step 3: (3 + 1) × 40/6 = 26.667. From
	// 1 December 2023 gates need two people: they fail, 0.
	secTeam := team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(3, "SC-100"))
	// Business Applications SMB, 5 net customer adds: before March 2023 the maximum 15 needs
	// 20 adds (0.75 each) → 3.75; from 1 March 2023, 5 adds (3 each) → 15.
	baFacts := map[string]float64{"ba.smb.netCustomerAdds": 5}
	cases := []struct {
		name, date, area, metric string
		people                   []score.Person
		facts                    map[string]float64
		want                     float64
	}{
		{"security gates of one, last day", "2023-11-30", "security", "intermediate-certifications", secTeam, nil, 40.0 * 4 / 6},
		{"security gates of two, first day", "2023-12-01", "security", "intermediate-certifications", secTeam, nil, 0},
		{"ba smb adds before March 2023", "2023-02-28", "business-applications", "net-customer-adds", nil, baFacts, 3.75},
		{"ba smb adds from March 2023", "2023-03-01", "business-applications", "net-customer-adds", nil, baFacts, 15},
		// Business Applications SMB usage growth 30%, baseline 30,000 MCV: before March 2023
		// the baseline must reach 50,000 → 0; after, 25,000 → 30 × 30/30 = 30.
		{"ba smb growth before March 2023", "2023-02-28", "business-applications", "usage-growth", nil, map[string]float64{"ba.usageGrowth": 30, "ba.mcvBaseline": 30000}, 0},
		{"ba smb growth from March 2023", "2023-03-01", "business-applications", "usage-growth", nil, map[string]float64{"ba.usageGrowth": 30, "ba.mcvBaseline": 30000}, 30},
		// Dynamics 365 + Power Platform Solution Architect Expert counts until 30 June 2023:
		// 1 SMB advanced person = 7.5, then 0.
		{"MB-600 last counting day", "2023-06-30", "business-applications", "advanced-certifications", holders(1, "MB-600"), nil, 7.5},
		{"MB-600 first day not counting", "2023-07-01", "business-applications", "advanced-certifications", holders(1, "MB-600"), nil, 0},
		// Power Platform App Maker counts until 30 November 2023: 1 SMB intermediate person = 4.
		{"PL-100 last counting day", "2023-11-30", "business-applications", "intermediate-certifications", holders(1, "PL-100"), nil, 4},
		{"PL-100 first day not counting", "2023-12-01", "business-applications", "intermediate-certifications", holders(1, "PL-100"), nil, 0},
		// Azure Stack Hub Operator counts through July 2024, but the fy25 list (borrowed from
		// FY26) does not name it: 2 Administrators + 1 operator = 4 until 30 June 2024, 0 after
		// on the Enterprise track (the Azure SMB track is not taken: no SMB share given).
		{"AZ-600 in the June 2023 list", "2024-06-30", "infrastructure", "intermediate-certifications", team(holders(2, "AZ-104"), holders(1, "AZ-600")), nil, 4},
		{"AZ-600 not in the fy25 list", "2024-07-01", "infrastructure", "intermediate-certifications", team(holders(2, "AZ-104"), holders(1, "AZ-600")), nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := evaluate(t, c.name, &score.Profile{AsOf: c.date, People: c.people, Facts: c.facts})
			m := findMetric(t, c.name, findArea(t, c.name, r, c.area), c.metric)
			if !near(m.Points, c.want, exact) {
				t.Errorf("%s: %s/%s on %s = %.6f, want %g; %s", c.name, c.area, c.metric, c.date, m.Points, c.want, m.Explain("en"))
			}
		})
	}
	// The Azure SMB track exists from fy25 only.
	r := evaluate(t, "azure smb fy24", &score.Profile{AsOf: "2024-06-30", Facts: map[string]float64{"azure.acrTtm": 5000}})
	if ar := findArea(t, "azure fy24", r, "data-ai"); len(ar.Tracks) != 1 || ar.Track != "enterprise" {
		t.Errorf("data-ai on 2024-06-30: tracks %+v, want the single track", ar.Tracks)
	}
	r = evaluate(t, "azure smb fy25", &score.Profile{AsOf: "2024-07-01", Facts: map[string]float64{"azure.smbCustomerShare": 90}})
	if ar := findArea(t, "azure fy25", r, "data-ai"); ar.Track != "smb" {
		t.Errorf("data-ai on 2024-07-01 with 90%% SMB customers: track %q, want smb", ar.Track)
	}
}

func TestHistoryAssumptions(t *testing.T) {
	cases := []struct {
		date, area, track, metric string
		from                      string // "" when the metric is sourced
	}{
		{"2022-12-01", "modern-work", "enterprise", "net-customer-adds", ""},                  // Bytesphere
		{"2022-12-01", "modern-work", "enterprise", "usage-growth", "fy24"},                   // borrowed
		{"2022-12-01", "business-applications", "smb", "net-customer-adds", ""},               // Companial
		{"2022-12-01", "business-applications", "smb", "intermediate-certifications", "fy24"}, // list borrowed
		{"2022-12-01", "security", "enterprise", "intermediate-certifications", "fy24"},
		{"2023-10-01", "security", "enterprise", "intermediate-certifications", ""},
		{"2024-10-01", "data-ai", "smb", "intermediate-certifications", "fy26"},
		{"2025-10-01", "modern-work", "enterprise", "usage-growth", ""},
	}
	for _, c := range cases {
		name := c.date + " " + c.area + "/" + c.metric
		r := evaluate(t, name, &score.Profile{AsOf: c.date, Lang: "fr", Tracks: map[string]string{c.area: c.track}})
		m := findMetric(t, name, findArea(t, name, r, c.area), c.metric)
		switch {
		case c.from == "" && m.Assumption != nil:
			t.Errorf("%s: unexpected assumption %+v", name, m.Assumption)
		case c.from != "" && m.Assumption == nil:
			t.Errorf("%s: no assumption, want one taken from %s", name, c.from)
		case c.from != "":
			if m.Assumption.From != c.from || m.Assumption.Reason == "" || m.Assumption.Source == "" {
				t.Errorf("%s: assumption %+v, want from %s with a reason and a source", name, m.Assumption, c.from)
			}
			found := false
			for _, s := range r.Programs[0].Sources {
				found = found || s.ID == m.Assumption.Source
			}
			if !found {
				t.Errorf("%s: assumption source %q is not among the version's sources", name, m.Assumption.Source)
			}
			if c.from == "fy24" && !strings.Contains(m.Assumption.Reason, "juin 2023") {
				t.Errorf("%s: assumption reason %q is not the French text", name, m.Assumption.Reason)
			}
			var doc struct {
				Programs []struct {
					Areas []struct {
						ID      string
						Metrics []struct {
							ID         string
							Assumption *struct{ Reason, From, Source string }
						}
					}
				}
			}
			if err := json.Unmarshal(r.AppendJSON(nil), &doc); err != nil {
				t.Fatalf("%s: AppendJSON: %v", name, err)
			}
			found = false
			for _, a := range doc.Programs[0].Areas {
				for _, jm := range a.Metrics {
					if a.ID == c.area && jm.ID == c.metric {
						found = jm.Assumption != nil && jm.Assumption.Reason == m.Assumption.Reason && jm.Assumption.From == c.from && jm.Assumption.Source == m.Assumption.Source
					}
				}
			}
			if !found {
				t.Errorf("%s: the JSON result does not carry the assumption", name)
			}
		}
	}
}

// fy24fy26People is the team of the FY24/FY26 worked comparison.
func fy24fy26Profile(asOf string) *score.Profile {
	return &score.Profile{AsOf: asOf,
		People: []score.Person{
			{ID: "a", Certifications: []string{"AZ-500", "SC-200"}},
			{ID: "b", Certifications: []string{"AZ-500", "SC-200"}},
			{ID: "c", Certifications: []string{"SC-100"}},
			{ID: "d", Certifications: []string{"SC-300", "MS-700"}},
			{ID: "e", Certifications: []string{"MS-102"}},
			{ID: "f", Certifications: []string{"MS-203"}}, // Messaging Administrator: June 2023 list only
			{ID: "g", Certifications: []string{"MS-600"}}, // Teams Application Developer: June 2023 list only
			{ID: "h", Certifications: []string{"AB-900"}}, // Copilot and Agent Administration Fundamentals: FY26 only
		},
		Facts: map[string]float64{
			"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 1000, "mw.ent.deployments.cpor": 5,
			"sec.ent.netCustomerAdds.azure": 6, "sec.ent.netCustomerAdds.m365": 4,
			"sec.ent.deployments.azure": 3, "sec.ent.deployments.m365": 3,
			"sec.ent.usageGrowth.azureAcr": 12500, "sec.ent.usageGrowth.m365Users": 1250,
		}}
}

// TestHistoryFY24VersusFY26 scores one profile on 15 October 2023 (fy24, the June 2023
// texts) and on 15 October 2025 (fy26). By hand:
//
// Modern Work, Enterprise (the SMB track has no facts and scores less):
//
//	net adds 5 × 4 = 20 (both); usage growth CPOR 1,000/1,000 × 30 = 30 (both);
//	deployments CPOR 5 × 5 = 25 (both); advanced: e (MS-102) 1 × 7.5 = 7.5 (both).
//	Intermediate, FY24 list (MS-900, MS-600, MS-700, MS-203, SC-300, MS-721, MD-102):
//	d, f, g = 3 people × 10/4 = 7.5 → score 90.
//	Intermediate, FY26 list (MS-900, MS-700, SC-300, MS-721, MD-102, AB-900): d, h = 2 × 2.5
//	= 5 → score 87.5. Qualified under both.
//
// Security (one track in FY24; Enterprise counts in FY26, the SMB track having no facts):
//
//	net adds (6 + 4) × 2 = 20; deployments (3 + 3) × 20/6 = 20; usage growth
//	⌊12,500/1,250⌋ + ⌊1,250/125⌋ = 10 + 10 = 20 (all three the same in both).
//	Skilling FY24: gates of one person (a, b hold AZ-500 and SC-200: met); step 3 lists
//	SC-100, SC-200, SC-300, SC-400 → a, b, c, d = 4 × 40/6 = 26.667 → score 86.667.
//	Skilling FY26: gates of two (a, b: met); step 3 lists SC-100, SC-300, SC-400, SC-401
//	(no SC-200) → c, d = 2 × 40/6 = 13.333 → score 73.333. Qualified under both.
func TestHistoryFY24VersusFY26(t *testing.T) {
	r24 := evaluate(t, "fy24", fy24fy26Profile("2023-10-15"))
	r26 := evaluate(t, "fy26", fy24fy26Profile("2025-10-15"))
	if r24.Programs[0].Version != "fy24" || r26.Programs[0].Version != "fy26" {
		t.Fatalf("versions %s, %s; want fy24, fy26", r24.Programs[0].Version, r26.Programs[0].Version)
	}
	cases := []struct {
		r               *score.Result
		area, metric    string
		points, areaPts float64
		track           string
		qualified       bool
	}{
		{r24, "modern-work", "intermediate-certifications", 7.5, 90, "enterprise", true},
		{r26, "modern-work", "intermediate-certifications", 5, 87.5, "enterprise", true},
		{r24, "security", "intermediate-certifications", 40.0 * 4 / 6, 60 + 40.0*4/6, "enterprise", true},
		{r26, "security", "intermediate-certifications", 40.0 * 2 / 6, 60 + 40.0*2/6, "enterprise", true},
	}
	for _, c := range cases {
		name := c.r.Programs[0].Version + " " + c.area
		ar := findArea(t, name, c.r, c.area)
		m := findMetric(t, name, ar, c.metric)
		if !near(m.Points, c.points, exact) || !near(ar.Score, c.areaPts, exact) || ar.Track != c.track || ar.Qualified != c.qualified {
			t.Errorf("%s: %s %.4f, area %.4f on %s qualified %v; want %.4f, %.4f on %s qualified %v",
				name, c.metric, m.Points, ar.Score, ar.Track, ar.Qualified, c.points, c.areaPts, c.track, c.qualified)
		}
	}
	for _, r := range []*score.Result{r24, r26} {
		for _, metric := range []string{"net-customer-adds", "deployments", "usage-growth"} {
			if m := findMetric(t, "security", findArea(t, "security", r, "security"), metric); !near(m.Points, 20, exact) {
				t.Errorf("%s security %s = %g, want 20", r.Programs[0].Version, metric, m.Points)
			}
		}
	}
}
