package score_test

// Worked examples: the test vectors of shared/reference/partner-programs.md §1.9f that
// apply to FY26, then one full example per area and track computed by hand from the rule
// tables of §1.1–§1.4 (the arithmetic is in the comments).
//
// This file also holds the helpers the other *_test.go files of package score_test use.

import (
	"cmp"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// asOf is the date every test evaluates on unless the date matters: FY26 rules are in force
// (from 2025-07-01) and it is after their verification date (2026-05-08).
const asOf = "2026-06-01"

// fixedNow is the engine's clock: the same day as asOf, so a profile without asOf agrees.
var fixedNow = time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)

var (
	engineOnce sync.Once
	engineVal  *score.Engine
	engineErr  error
)

// testEngine is one engine with a fixed clock, shared by every test (it is immutable).
func testEngine(t testing.TB) *score.Engine {
	t.Helper()
	engineOnce.Do(func() {
		engineVal, engineErr = score.New(score.WithClock(func() time.Time { return fixedNow }))
	})
	if engineErr != nil {
		t.Fatalf("score.New(WithClock): %v", engineErr)
	}
	return engineVal
}

// holders returns n distinct people, each holding every one of certs.
func holders(n int, certs ...string) []score.Person {
	out := make([]score.Person, n)
	for i := range out {
		out[i] = score.Person{ID: fmt.Sprintf("%s#%d", strings.Join(certs, "+"), i+1), Certifications: append([]string(nil), certs...)}
	}
	return out
}

// team concatenates groups of people.
func team(groups ...[]score.Person) []score.Person {
	var out []score.Person
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// evaluate resolves and evaluates p, failing the test on any error.
func evaluate(t testing.TB, name string, p *score.Profile) *score.Result {
	t.Helper()
	e := testEngine(t)
	in, err := e.Resolve(p)
	if err != nil {
		t.Fatalf("%s: Resolve: %v", name, err)
	}
	r, err := e.Evaluate(in)
	if err != nil {
		t.Fatalf("%s: Evaluate: %v", name, err)
	}
	checkTape(t, e, name, r)
	return r
}

// evalErr resolves and evaluates p and returns the first error, nil if none.
func evalErr(t testing.TB, p *score.Profile) error {
	t.Helper()
	e := testEngine(t)
	in, err := e.Resolve(p)
	if err != nil {
		return err
	}
	_, err = e.Evaluate(in)
	return err
}

// findArea returns area id of the only program of r.
func findArea(t testing.TB, name string, r *score.Result, id string) *score.AreaResult {
	t.Helper()
	if len(r.Programs) != 1 {
		t.Fatalf("%s: Evaluate returned %d programs, want 1", name, len(r.Programs))
	}
	for i := range r.Programs[0].Areas {
		if a := &r.Programs[0].Areas[i]; a.ID == id {
			return a
		}
	}
	t.Fatalf("%s: no area %q in the result", name, id)
	return nil
}

// findMetric returns metric id of the counting track of ar.
func findMetric(t testing.TB, name string, ar *score.AreaResult, id string) *score.MetricResult {
	t.Helper()
	for i := range ar.Metrics {
		if m := &ar.Metrics[i]; m.ID == id {
			return m
		}
	}
	t.Fatalf("%s: no metric %q in area %s (track %s)", name, id, ar.ID, ar.Track)
	return nil
}

// trackScore returns the score of track id in ar.
func trackScore(t testing.TB, name string, ar *score.AreaResult, id string) score.TrackScore {
	t.Helper()
	for _, ts := range ar.Tracks {
		if ts.ID == id {
			return ts
		}
	}
	t.Fatalf("%s: area %s has no scored track %q (tracks %+v)", name, ar.ID, id, ar.Tracks)
	return score.TrackScore{}
}

// hasWarning reports whether r carries a warning with code about subject (a certification,
// program or fact id).
func hasWarning(r *score.Result, code, subject string) (score.Warning, bool) {
	for _, w := range r.Warnings {
		if w.Code == code && (w.Certification == subject || w.Program == subject || w.Fact == subject) {
			return w, true
		}
	}
	return score.Warning{}, false
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// exact is the tolerance for values computed without rounding in the source.
const exact = 1e-9

// rounded is the tolerance where the page rounds to one decimal (13.3 for 2 × 40/6).
const rounded = 0.05

// metricCase is one worked example of one metric, on a forced track.
type metricCase struct {
	name   string
	area   string
	track  string
	metric string
	people []score.Person
	facts  map[string]float64
	want   float64
	tol    float64
	asOf   string // the date evaluated, when not asOf
}

func runMetricCases(t *testing.T, cases []metricCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &score.Profile{AsOf: cmp.Or(c.asOf, asOf), People: c.people, Facts: c.facts, Tracks: map[string]string{c.area: c.track}}
			r := evaluate(t, c.name, p)
			ar := findArea(t, c.name, r, c.area)
			if ar.Track != c.track {
				t.Fatalf("%s: Evaluate: area %s counted track %q, want the forced %q", c.name, c.area, ar.Track, c.track)
			}
			m := findMetric(t, c.name, ar, c.metric)
			tol := c.tol
			if tol == 0 {
				tol = exact
			}
			if !near(m.Points, c.want, tol) {
				t.Errorf("%s: Evaluate: %s/%s/%s = %.4f points, want %.4g (±%g); explanation: %s",
					c.name, c.area, c.track, c.metric, m.Points, c.want, tol, m.Explain("en"))
			}
			if m.Points < 0 || m.Points > m.Max+exact {
				t.Errorf("%s: Evaluate: %s points %.4f outside [0, %g]", c.name, c.metric, m.Points, m.Max)
			}
		})
	}
}

// TestWorkedModernWork: §1.9f MW1–MW4 (§1.9a: the best association option counts, never the sum).
func TestWorkedModernWork(t *testing.T) {
	runMetricCases(t, []metricCase{
		// MW1: DPOR 2,000/4,000 × 30 = 15; CPOR 1,500/1,000 × 30 = 45 → best 45, capped at 30.
		{name: "MW1 ent usage growth", area: "modern-work", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"mw.ent.usageGrowth.dpor": 2000, "mw.ent.usageGrowth.cpor": 1500}, want: 30},
		// MW2 (⚠ prose says CPOR 1,500; the formula uses 1,000): CSP 1,000/2,000 × 30 = 15;
		// CPOR 1,000/500 × 30 = 60 → capped at 30.
		{name: "MW2 smb usage growth", area: "modern-work", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"mw.smb.usageGrowth.csp": 1000, "mw.smb.usageGrowth.cpor": 1000}, want: 30},
		// MW2 with the prose's 1,500: CPOR 1,500/500 × 30 = 90 → still 30.
		{name: "MW2 smb usage growth (prose 1500)", area: "modern-work", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"mw.smb.usageGrowth.csp": 1000, "mw.smb.usageGrowth.cpor": 1500}, want: 30},
		// MW3: DPOR 4 × 2.5 = 10; CPOR 3 × 5 = 15 → 15 (not 25: options are never added).
		{name: "MW3 ent deployments", area: "modern-work", track: "enterprise", metric: "deployments",
			facts: map[string]float64{"mw.ent.deployments.dpor": 4, "mw.ent.deployments.cpor": 3}, want: 15},
		// MW4 (⚠ the formula's reading, CPOR 4): CSP 4 × 2.5 = 10; CPOR 4 × 5 = 20 → 20.
		{name: "MW4 smb deployments (formula CPOR 4)", area: "modern-work", track: "smb", metric: "deployments",
			facts: map[string]float64{"mw.smb.deployments.csp": 4, "mw.smb.deployments.cpor": 4}, want: 20},
		// MW4 with the prose's 3 CPOR: 3 × 5 = 15 > 10 → 15, as the table's note says.
		{name: "MW4 smb deployments (prose CPOR 3)", area: "modern-work", track: "smb", metric: "deployments",
			facts: map[string]float64{"mw.smb.deployments.csp": 4, "mw.smb.deployments.cpor": 3}, want: 15},
	})
}

// TestWorkedAzureGates: §1.9f AZ1–AZ14 with the table's coherent reading of the ⚠ rows.
// Gates: Administrator = AZ-104, Solutions Architect Expert = AZ-305.
func TestWorkedAzureGates(t *testing.T) {
	const (
		admin = "AZ-104"
		arch  = "AZ-305"
		dai   = "DP-300" // Data & AI scoring step (Azure Database Administrator)
		dapI  = "PL-400" // Digital & App Innovation intermediate scoring step (Power Platform Developer)
		dapA  = "AZ-400" // Digital & App Innovation advanced scoring step (DevOps Engineer Expert)
		infI  = "AZ-700" // Infrastructure intermediate scoring step (Network Engineer)
		infA  = "AZ-140" // Infrastructure advanced scoring step (Azure Virtual Desktop)
	)
	cases := []metricCase{
		// Data & AI intermediate, Enterprise: gates of 2 people worth 0; 4 points per scorer.
		// AZ1 (⚠ coherent reading): 2 Admin + 2 Architect + 3 scorers → 3 × 4 = 12.
		{name: "AZ1 data-ai ent ex1", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, arch), holders(3, dai)), want: 12},
		// AZ2: the same 2 people hold Admin, Architect and a scoring cert → 2 × 4 = 8.
		{name: "AZ2 data-ai ent ex2 same people", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, admin, arch, dai), want: 8},
		// AZ3: 2 Admin, 0 Architect, 2 scorers → the Architect gate fails → 0.
		{name: "AZ3 data-ai ent ex3 no architect", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, dai)), want: 0},
		// AZ4: 1 Admin, 2 Architect, 2 scorers → the Admin gate is one short → 0.
		{name: "AZ4 data-ai ent ex4 one admin", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, admin), holders(2, arch), holders(2, dai)), want: 0},
		// Data & AI intermediate, SMB: gates of 1 person worth 4 each (capped at 4 per gate).
		// AZ5 (⚠ "step 2" meant step 3): 2 Admin (4) + 2 Architect (4) + 3 scorers (12) = 20.
		{name: "AZ5 data-ai smb ex1", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, arch), holders(3, dai)), want: 20},
		// AZ6: the same 2 people in every step → 4 + 4 + 2 × 4 = 16.
		{name: "AZ6 data-ai smb ex2 same people", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: holders(2, admin, arch, dai), want: 16},
		// AZ7: 2 Admin, 0 Architect, 2 scorers → the Admin gate's 4 points are kept, scorers 0 → 4.
		{name: "AZ7 data-ai smb ex3 no architect", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, dai)), want: 4},
		// AZ8: no gate holders, 2 scorers → 0.
		{name: "AZ8 data-ai smb ex4 no gates", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: holders(2, dai), want: 0},

		// Digital & App Innovation intermediate (one gate: Administrator).
		// AZ9 (⚠ read as 5 distinct scorers): 2 Admin + 5 scorers → 5 × 4 = 20 (the max).
		{name: "AZ9 dai-app ent ex1", area: "digital-app-innovation", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(5, dapI)), want: 20},
		// AZ10: 2 Admin + 2 scorers → 8; 1 Admin + 2 scorers → 0.
		{name: "AZ10 dai-app ent ex2", area: "digital-app-innovation", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, dapI)), want: 8},
		{name: "AZ10 dai-app ent ex3 one admin", area: "digital-app-innovation", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, admin), holders(2, dapI)), want: 0},
		// AZ11: SMB 2 Admin (4, capped at 4) + 2 scorers (8) = 12; the same 2 people → 12;
		// 1 Admin + 2 scorers → 12.
		{name: "AZ11 dai-app smb ex1", area: "digital-app-innovation", track: "smb", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, dapI)), want: 12},
		{name: "AZ11 dai-app smb ex2 same people", area: "digital-app-innovation", track: "smb", metric: "intermediate-certifications",
			people: holders(2, admin, dapI), want: 12},
		{name: "AZ11 dai-app smb ex3 one admin", area: "digital-app-innovation", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, admin), holders(2, dapI)), want: 12},
		// AZ12: SMB 0 Admin + 2 scorers → 0.
		{name: "AZ12 dai-app smb ex4 no admin", area: "digital-app-innovation", track: "smb", metric: "intermediate-certifications",
			people: holders(2, dapI), want: 0},

		// AZ13: Infrastructure intermediate, as AZ10–AZ12: Ent 8, 8, 0; SMB 12, 12, 12, 0.
		{name: "AZ13 infra int ent ex1", area: "infrastructure", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, infI)), want: 8},
		{name: "AZ13 infra int ent ex2 same people", area: "infrastructure", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, admin, infI), want: 8},
		{name: "AZ13 infra int ent ex3 one admin", area: "infrastructure", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, admin), holders(2, infI)), want: 0},
		{name: "AZ13 infra int smb ex1", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: team(holders(2, admin), holders(2, infI)), want: 12},
		{name: "AZ13 infra int smb ex2 same people", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: holders(2, admin, infI), want: 12},
		{name: "AZ13 infra int smb ex3 one admin", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, admin), holders(2, infI)), want: 12},
		{name: "AZ13 infra int smb ex4 no admin", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: holders(2, infI), want: 0},

		// AZ14: Digital & App Innovation and Infrastructure advanced; the gate is the Solutions
		// Architect Expert (⚠ SMB Ex4 names "Azure Administrator": a typo for Architect).
		{name: "AZ14 dai-app adv ent ex1", area: "digital-app-innovation", track: "enterprise", metric: "advanced-certifications",
			people: team(holders(2, arch), holders(2, dapA)), want: 8},
		{name: "AZ14 dai-app adv ent ex2 same people", area: "digital-app-innovation", track: "enterprise", metric: "advanced-certifications",
			people: holders(2, arch, dapA), want: 8},
		{name: "AZ14 dai-app adv ent ex3 one architect", area: "digital-app-innovation", track: "enterprise", metric: "advanced-certifications",
			people: team(holders(1, arch), holders(2, dapA)), want: 0},
		{name: "AZ14 dai-app adv smb ex1", area: "digital-app-innovation", track: "smb", metric: "advanced-certifications",
			people: team(holders(2, arch), holders(2, dapA)), want: 12},
		{name: "AZ14 dai-app adv smb ex2 same people", area: "digital-app-innovation", track: "smb", metric: "advanced-certifications",
			people: holders(2, arch, dapA), want: 12},
		{name: "AZ14 dai-app adv smb ex3 one architect", area: "digital-app-innovation", track: "smb", metric: "advanced-certifications",
			people: team(holders(1, arch), holders(2, dapA)), want: 12},
		{name: "AZ14 dai-app adv smb ex4 no architect", area: "digital-app-innovation", track: "smb", metric: "advanced-certifications",
			people: holders(2, dapA), want: 0},
		// The ⚠ typo read literally: an Administrator is not the advanced gate → still 0.
		{name: "AZ14 dai-app adv smb ex4 typo admin", area: "digital-app-innovation", track: "smb", metric: "advanced-certifications",
			people: team(holders(1, admin), holders(2, dapA)), want: 0},
		{name: "AZ14 infra adv ent ex1", area: "infrastructure", track: "enterprise", metric: "advanced-certifications",
			people: team(holders(2, arch), holders(2, infA)), want: 8},
		{name: "AZ14 infra adv ent ex2 same people", area: "infrastructure", track: "enterprise", metric: "advanced-certifications",
			people: holders(2, arch, infA), want: 8},
		{name: "AZ14 infra adv ent ex3 one architect", area: "infrastructure", track: "enterprise", metric: "advanced-certifications",
			people: team(holders(1, arch), holders(2, infA)), want: 0},
		{name: "AZ14 infra adv smb ex1", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: team(holders(2, arch), holders(2, infA)), want: 12},
		{name: "AZ14 infra adv smb ex2 same people", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: holders(2, arch, infA), want: 12},
		{name: "AZ14 infra adv smb ex3 one architect", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: team(holders(1, arch), holders(2, infA)), want: 12},
		{name: "AZ14 infra adv smb ex4 no architect", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: holders(2, infA), want: 0},
	}
	runMetricCases(t, cases)
}

// TestWorkedSecurity: §1.9f SE1–SE6 (§1.9d). Gates: Azure Security Engineer (AZ-500) or Cloud
// and AI Security Engineer (SC-500); Security Operations Analyst (SC-200). Scoring step:
// Cybersecurity Architect (SC-100) and others; Enterprise 40/6 per person, SMB 8.
func TestWorkedSecurity(t *testing.T) {
	const (
		ase = "AZ-500"
		soa = "SC-200"
		sc  = "SC-100"
	)
	runMetricCases(t, []metricCase{
		// SE1: 2 ASE, 2 SOA, 3 scorers → 3 × 6.67 = 20 (exactly 20 with 40/6).
		{name: "SE1 ent ex1", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, ase), holders(2, soa), holders(3, sc)), want: 20},
		// SE1 with the other engineer certification for the first gate.
		{name: "SE1 ent ex1 with SC-500", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(1, "SC-500"), holders(2, soa), holders(3, sc)), want: 20},
		// SE2: the same 2 people in every step → 2 × 6.67 = 13.3 (page rounds).
		{name: "SE2 ent ex2 same people", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, ase, soa, sc), want: 13.3, tol: rounded},
		// SE3: no SOA → 0; only 1 ASE → 0.
		{name: "SE3 ent ex3 no soa", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, ase), holders(3, sc)), want: 0},
		{name: "SE3 ent ex4 one ase", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(2, soa), holders(3, sc)), want: 0},
		// SE4: SMB 4 + 4 + 3 × 8 = 32.
		{name: "SE4 smb ex1", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(1, soa), holders(3, sc)), want: 32},
		// SE5 (⚠ text says "eight points" for step 3; 2 × 8 = 16 makes 24): 4 + 4 + 16 = 24.
		{name: "SE5 smb ex2 same people", area: "security", track: "smb", metric: "intermediate-certifications",
			people: holders(2, ase, soa, sc), want: 24},
		// SE6: no SOA → the engineer gate's 4 are kept → 4; nothing → 0.
		{name: "SE6 smb ex3 no soa", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(2, sc)), want: 4},
		{name: "SE6 smb ex4 nothing", area: "security", track: "smb", metric: "intermediate-certifications",
			want: 0},
		// F24-SE (FY24, gates of one person): A step 1, B step 2, C step 3 → 6.67; scorers E, F, G
		// → 20. B holds Microsoft 365 Security Administrator (MS-500): a Security Operations
		// Analyst (SC-200) of step 2 would also count in step 3, as both of the page's lists name
		// it (the metric's note), giving 13.33 and 26.67.
		{name: "F24-SE one per step", asOf: "2023-09-01", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(1, "MS-500"), holders(1, sc)), want: 40.0 / 6},
		{name: "F24-SE three scorers", asOf: "2023-09-01", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(1, "MS-500"), holders(3, sc)), want: 20},
		{name: "F24-SE step 2 by SC-200", asOf: "2023-09-01", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, ase), holders(1, soa), holders(1, sc)), want: 80.0 / 6},
		{name: "F24-SE same people", asOf: "2023-09-01", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, ase, "MS-500", sc), want: 13.3, tol: rounded},
	})
}

// areaCase is a full worked example of one area.
type areaCase struct {
	name      string
	area      string
	profile   score.Profile
	wantTrack string
	wantSel   string             // selection kind: best, fact or profile
	wantScore float64            // area score (tolerance 1e-9 unless tol is set)
	tol       float64            //
	wantQual  bool               //
	metrics   map[string]float64 // metric id → points on the counting track
	others    map[string]float64 // other track id → its score, when it is scored too
}

func runAreaCases(t *testing.T, cases []areaCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.profile
			if p.AsOf == "" {
				p.AsOf = asOf
			}
			r := evaluate(t, c.name, &p)
			ar := findArea(t, c.name, r, c.area)
			tol := c.tol
			if tol == 0 {
				tol = exact
			}
			if ar.Track != c.wantTrack {
				t.Errorf("%s: Evaluate: %s counted track %q, want %q (tracks %+v)", c.name, c.area, ar.Track, c.wantTrack, ar.Tracks)
			}
			if ar.Selection.Kind != c.wantSel {
				t.Errorf("%s: Evaluate: %s selection %q, want %q", c.name, c.area, ar.Selection.Kind, c.wantSel)
			}
			for id, want := range c.metrics {
				m := findMetric(t, c.name, ar, id)
				if !near(m.Points, want, tol) {
					t.Errorf("%s: Evaluate: %s/%s/%s = %.4f, want %.4f; %s", c.name, c.area, ar.Track, id, m.Points, want, m.Explain("en"))
				}
			}
			if len(c.metrics) != len(ar.Metrics) {
				t.Errorf("%s: Evaluate: %d metrics on %s/%s, the test expects %d", c.name, len(ar.Metrics), c.area, ar.Track, len(c.metrics))
			}
			if !near(ar.Score, c.wantScore, tol) {
				t.Errorf("%s: Evaluate: %s score %.4f, want %.4f", c.name, c.area, ar.Score, c.wantScore)
			}
			if ar.Qualified != c.wantQual {
				t.Errorf("%s: Evaluate: %s qualified = %v, want %v (score %.4f, zero metrics %d)", c.name, c.area, ar.Qualified, c.wantQual, ar.Score, ar.ZeroMetrics)
			}
			wantTracks := 1 + len(c.others)
			if len(ar.Tracks) != wantTracks {
				t.Errorf("%s: Evaluate: %s scored %d tracks, want %d (%+v)", c.name, c.area, len(ar.Tracks), wantTracks, ar.Tracks)
			}
			for id, want := range c.others {
				if ts := trackScore(t, c.name, ar, id); !near(ts.Score, want, tol) || ts.Counts {
					t.Errorf("%s: Evaluate: %s other track %s = %.4f (counts %v), want %.4f not counting", c.name, c.area, id, ts.Score, ts.Counts, want)
				}
			}
			// The counting track's score is the sum of its metrics, and the max is 100.
			sum := 0.0
			for _, m := range ar.Metrics {
				sum += m.Points
			}
			if !near(sum, ar.Score, 1e-9) || ar.Max != 100 {
				t.Errorf("%s: Evaluate: %s score %.6f, metric sum %.6f, max %g (want max 100)", c.name, c.area, ar.Score, sum, ar.Max)
			}
			qualified := false
			for _, q := range r.Programs[0].Qualified {
				qualified = qualified || q == c.area
			}
			if qualified != c.wantQual {
				t.Errorf("%s: Evaluate: program qualified list %v, area %s listed = %v, want %v", c.name, r.Programs[0].Qualified, c.area, qualified, c.wantQual)
			}
		})
	}
}

// TestWorkedAreas: one full example per area and track, computed by hand from the tables.
func TestWorkedAreas(t *testing.T) {
	cases := []areaCase{
		{
			// Modern Work, Enterprise (§1.1). Both tracks are scored; the higher total counts.
			//   net adds        5 × 4                         = 20 (max 20 at 5)
			//   intermediate    3 people × 10/4               = 7.5
			//   advanced        1 person × 15/2               = 7.5
			//   usage growth    CPOR 700/1000 × 30 = 21; DPOR 3000/4000 × 30 = 22.5 → best 22.5
			//   deployments     CPOR 2 × 5 = 10; DPOR 6 × 2.5 = 15 → best 15
			//   Enterprise      20 + 7.5 + 7.5 + 22.5 + 15    = 72.5 ≥ 70, no zero → qualified
			//   SMB (no SMB facts): 0 + min(10, 3 × 5) + min(15, 1 × 15) + 0 + 0 = 25
			name: "modern-work enterprise", area: "modern-work",
			profile: score.Profile{
				People: team(holders(3, "MS-700"), holders(1, "MS-102")),
				Facts: map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 700, "mw.ent.usageGrowth.dpor": 3000,
					"mw.ent.deployments.cpor": 2, "mw.ent.deployments.dpor": 6},
			},
			wantTrack: "enterprise", wantSel: score.SelectedBest, wantScore: 72.5, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 20, "intermediate-certifications": 7.5, "advanced-certifications": 7.5,
				"usage-growth": 22.5, "deployments": 15},
			others: map[string]float64{"smb": 25},
		},
		{
			// Modern Work, SMB.
			//   net adds        6 × 2                          = 12 (max 20 at 10)
			//   intermediate    2 people × 10/2                = 10 (max)
			//   advanced        1 person × 15                  = 15 (max)
			//   usage growth    CPOR 300/500 × 30 = 18; CSP 1500/2000 × 30 = 22.5 → 22.5
			//   deployments     CPOR 2 × 5 = 10; CSP 5 × 2.5 = 12.5 → 12.5
			//   SMB             12 + 10 + 15 + 22.5 + 12.5     = 72 → qualified
			//   Enterprise: 0 + 2 × 2.5 + 1 × 7.5 + 0 + 0       = 12.5
			name: "modern-work smb", area: "modern-work",
			profile: score.Profile{
				People: team(holders(2, "MD-102"), holders(1, "MS-102")),
				Facts: map[string]float64{"mw.smb.netCustomerAdds": 6, "mw.smb.usageGrowth.cpor": 300, "mw.smb.usageGrowth.csp": 1500,
					"mw.smb.deployments.cpor": 2, "mw.smb.deployments.csp": 5},
			},
			wantTrack: "smb", wantSel: score.SelectedBest, wantScore: 72, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 12, "intermediate-certifications": 10, "advanced-certifications": 15,
				"usage-growth": 22.5, "deployments": 12.5},
			others: map[string]float64{"enterprise": 12.5},
		},
		{
			// Modern Work, track forced by the profile (an enrolled SMB partner): only SMB is scored,
			// although Enterprise would be better. Same people and facts as "modern-work enterprise":
			//   SMB: 0 + min(10, 3 × 5) + min(15, 15) + 0 + 0 = 25, net adds 0 → not qualified.
			name: "modern-work forced smb", area: "modern-work",
			profile: score.Profile{
				People: team(holders(3, "MS-700"), holders(1, "MS-102")),
				Facts: map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 700, "mw.ent.usageGrowth.dpor": 3000,
					"mw.ent.deployments.cpor": 2, "mw.ent.deployments.dpor": 6},
				Tracks: map[string]string{"modern-work": "smb"},
			},
			wantTrack: "smb", wantSel: score.SelectedProfile, wantScore: 25, wantQual: false,
			metrics: map[string]float64{"net-customer-adds": 0, "intermediate-certifications": 10, "advanced-certifications": 15,
				"usage-growth": 0, "deployments": 0},
		},
		{
			// Data & AI, Enterprise: azure.smbCustomerShare 60 < 80 → Enterprise (§1.2).
			//   net adds        3 × 10                       = 30 (max)
			//   intermediate    gates 2 Admin + 2 Architect met (0 pts); 6 scorers × 4 = 24
			//   usage growth    ACR TTM 250,000 ≥ 1,000; 15% × 1 = 15
			//   deployments     4 services × 2               = 8
			//   total           30 + 24 + 15 + 8             = 77 → qualified
			name: "data-ai enterprise", area: "data-ai",
			profile: score.Profile{
				People: team(holders(2, "AZ-104"), holders(2, "AZ-305"), holders(3, "DP-300"), holders(3, "DP-600")),
				Facts: map[string]float64{"azure.smbCustomerShare": 60, "azure.ent.netCustomerAdds": 3, "azure.usageGrowth": 15,
					"azure.acrTtm": 250000, "azure.deployments": 4},
			},
			wantTrack: "enterprise", wantSel: score.SelectedFact, wantScore: 77, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 30, "intermediate-certifications": 24, "usage-growth": 15, "deployments": 8},
		},
		{
			// Data & AI, SMB: share 85 ≥ 80 → SMB.
			//   net adds        2 × 10                         = 20
			//   intermediate    Admin gate 4 + Architect gate 4 + 5 scorers × 4 = 28
			//   usage growth    25% → capped at 20
			//   deployments     3 × 2                          = 6
			//   total           20 + 28 + 20 + 6               = 74 → qualified
			name: "data-ai smb", area: "data-ai",
			profile: score.Profile{
				People: team(holders(1, "AZ-104"), holders(1, "AZ-305"), holders(5, "DP-600")),
				Facts: map[string]float64{"azure.smbCustomerShare": 85, "azure.smb.netCustomerAdds": 2, "azure.usageGrowth": 25,
					"azure.acrTtm": 40000, "azure.deployments": 3},
			},
			wantTrack: "smb", wantSel: score.SelectedFact, wantScore: 74, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 20, "intermediate-certifications": 28, "usage-growth": 20, "deployments": 6},
		},
		{
			// Infrastructure, Enterprise: share not given → Enterprise.
			//   net adds        3 × 10                    = 30
			//   intermediate    2 Admin (gate) + 3 Network Engineers × 4 = 12
			//   advanced        2 Architect (gate) + 2 AVD × 4          = 8
			//   usage growth    18% (ACR 50,000)          = 18
			//   deployments     5 × 2                     = 10
			//   total           30 + 12 + 8 + 18 + 10     = 78 → qualified
			name: "infrastructure enterprise", area: "infrastructure",
			profile: score.Profile{
				People: team(holders(2, "AZ-104"), holders(3, "AZ-700"), holders(2, "AZ-305"), holders(2, "AZ-140")),
				Facts:  map[string]float64{"azure.ent.netCustomerAdds": 3, "azure.usageGrowth": 18, "azure.acrTtm": 50000, "azure.deployments": 5},
			},
			wantTrack: "enterprise", wantSel: score.SelectedFact, wantScore: 78, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 30, "intermediate-certifications": 12, "advanced-certifications": 8,
				"usage-growth": 18, "deployments": 10},
		},
		{
			// Infrastructure, SMB: share exactly 80 → SMB (≥ 80).
			//   net adds        1 × 10                          = 10
			//   intermediate    Admin gate 4 + 2 Hybrid Administrators × 4 = 12
			//   advanced        no Architect: gate fails, scorers earn 0  = 0
			//   usage growth    20%                             = 20
			//   deployments     5 × 2                           = 10
			//   total           10 + 12 + 0 + 20 + 10           = 52 → not qualified (and a zero metric)
			name: "infrastructure smb", area: "infrastructure",
			profile: score.Profile{
				People: team(holders(1, "AZ-104"), holders(2, "AZ-800"), holders(2, "AZ-140")),
				Facts: map[string]float64{"azure.smbCustomerShare": 80, "azure.smb.netCustomerAdds": 1, "azure.usageGrowth": 20,
					"azure.acrTtm": 5000, "azure.deployments": 5},
			},
			wantTrack: "smb", wantSel: score.SelectedFact, wantScore: 52, wantQual: false,
			metrics: map[string]float64{"net-customer-adds": 10, "intermediate-certifications": 12, "advanced-certifications": 0,
				"usage-growth": 20, "deployments": 10},
		},
		{
			// Digital & App Innovation, Enterprise forced by the profile although the share (90)
			// would pick SMB.
			//   net adds        2 × 10                      = 20
			//   intermediate    2 Admin + 4 Power Platform Developers × 4 = 16
			//   advanced        2 Architect + 5 DevOps Engineers × 4 = 20 (max)
			//   usage growth    10%                         = 10
			//   deployments     5 × 2                       = 10
			//   total           20 + 16 + 20 + 10 + 10      = 76 → qualified
			name: "digital-app-innovation forced enterprise", area: "digital-app-innovation",
			profile: score.Profile{
				People: team(holders(2, "AZ-104"), holders(4, "PL-400"), holders(2, "AZ-305"), holders(5, "AZ-400")),
				Facts: map[string]float64{"azure.smbCustomerShare": 90, "azure.ent.netCustomerAdds": 2, "azure.smb.netCustomerAdds": 3,
					"azure.usageGrowth": 10, "azure.acrTtm": 12000, "azure.deployments": 5},
				Tracks: map[string]string{"digital-app-innovation": "enterprise"},
			},
			wantTrack: "enterprise", wantSel: score.SelectedProfile, wantScore: 76, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 20, "intermediate-certifications": 16, "advanced-certifications": 20,
				"usage-growth": 10, "deployments": 10},
		},
		{
			// Digital & App Innovation, SMB: share 95.
			//   net adds        3 × 10                             = 30
			//   intermediate    gate 4 (one Admin, who is also a scorer) + 2 scorers × 4 = 12
			//   advanced        gate 4 (one Architect) + 4 GitHub Copilot × 4 = 20
			//   usage growth    12%                                = 12
			//   deployments     2 × 2                              = 4
			//   total           30 + 12 + 20 + 12 + 4              = 78 → qualified
			name: "digital-app-innovation smb", area: "digital-app-innovation",
			profile: score.Profile{
				People: team(holders(1, "AZ-104", "PL-400"), holders(1, "PL-400"), holders(1, "AZ-305"), holders(4, "GH-300")),
				Facts: map[string]float64{"azure.smbCustomerShare": 95, "azure.smb.netCustomerAdds": 3, "azure.usageGrowth": 12,
					"azure.acrTtm": 3000, "azure.deployments": 2},
			},
			wantTrack: "smb", wantSel: score.SelectedFact, wantScore: 78, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 30, "intermediate-certifications": 12, "advanced-certifications": 20,
				"usage-growth": 12, "deployments": 4},
		},
		{
			// Business Applications, Enterprise: ba.largeWorkloads 5 ≥ 5 (§1.3, §1.9c).
			//   net adds        4 workloads × 3            = 12
			//   intermediate    10 Power BI Data Analysts × 1 = 10 (max 20 at 20)
			//   advanced        7 Business Central Developers × 15/7 = 15
			//   usage growth    baseline 60,000 ≥ 50,000; 25% × 1 = 25
			//   deployments     3 × 4                      = 12
			//   total           12 + 10 + 15 + 25 + 12     = 74 → qualified
			name: "business-applications enterprise", area: "business-applications",
			profile: score.Profile{
				People: team(holders(10, "PL-300"), holders(7, "MB-820")),
				Facts: map[string]float64{"ba.largeWorkloads": 5, "ba.ent.netCustomerAdds": 4, "ba.usageGrowth": 25, "ba.mcvBaseline": 60000,
					"ba.ent.deployments": 3},
			},
			wantTrack: "enterprise", wantSel: score.SelectedFact, wantScore: 74, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 12, "intermediate-certifications": 10, "advanced-certifications": 15,
				"usage-growth": 25, "deployments": 12},
		},
		{
			// Business Applications, SMB: ba.largeWorkloads 4 ≤ 4.
			//   net adds        5 × 3                  = 15 (max)
			//   intermediate    3 × 4                  = 12
			//   advanced        1 × 7.5                = 7.5
			//   usage growth    baseline 30,000 ≥ 25,000; 20% = 20
			//   deployments     4 × 4                  = 16
			//   total           15 + 12 + 7.5 + 20 + 16 = 70.5 → qualified
			name: "business-applications smb", area: "business-applications",
			profile: score.Profile{
				People: team(holders(3, "MB-800"), holders(1, "AB-100")),
				Facts: map[string]float64{"ba.largeWorkloads": 4, "ba.smb.netCustomerAdds": 5, "ba.usageGrowth": 20, "ba.mcvBaseline": 30000,
					"ba.smb.deployments": 4},
			},
			wantTrack: "smb", wantSel: score.SelectedFact, wantScore: 70.5, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 15, "intermediate-certifications": 12, "advanced-certifications": 7.5,
				"usage-growth": 20, "deployments": 16},
		},
		{
			// Business Applications is assigned, not the better of two (§1.9c): the same profile
			// with ba.largeWorkloads 5 is Enterprise even though SMB would qualify.
			//   net adds 0; intermediate 3 × 1 = 3; advanced 1 × 15/7 = 2.142857;
			//   usage growth: baseline 30,000 < 50,000 → 0; deployments 0 → 5.142857, not qualified.
			name: "business-applications assigned enterprise", area: "business-applications",
			profile: score.Profile{
				People: team(holders(3, "MB-800"), holders(1, "AB-100")),
				Facts: map[string]float64{"ba.largeWorkloads": 5, "ba.smb.netCustomerAdds": 5, "ba.usageGrowth": 20, "ba.mcvBaseline": 30000,
					"ba.smb.deployments": 4},
			},
			wantTrack: "enterprise", wantSel: score.SelectedFact, wantScore: 3 + 15.0/7, wantQual: false,
			metrics: map[string]float64{"net-customer-adds": 0, "intermediate-certifications": 3, "advanced-certifications": 15.0 / 7,
				"usage-growth": 0, "deployments": 0},
		},
		{
			// Security, Enterprise (§1.4, §1.9d).
			//   net adds        (3 Azure + 4 M365) × 2             = 14
			//   intermediate    gates 2 ASE + 2 SOA; 6 scorers × 40/6 = 40
			//   deployments     20 × 2/6 + 20 × 3/6 = 6.667 + 10  = 16.667
			//   usage growth    Azure floor(9000/1250) = 7; M365 floor(700/125) = 5 → 12
			//   total           14 + 40 + 16.667 + 12             = 82.667 → qualified
			//   SMB with the same people: 4 + 4 + 6 × 8 = 56 → 40; no SMB facts → 40.
			name: "security enterprise", area: "security",
			profile: score.Profile{
				People: team(holders(2, "AZ-500"), holders(2, "SC-200"), holders(6, "SC-100")),
				Facts: map[string]float64{"sec.ent.netCustomerAdds.azure": 3, "sec.ent.netCustomerAdds.m365": 4,
					"sec.ent.deployments.azure": 2, "sec.ent.deployments.m365": 3,
					"sec.ent.usageGrowth.azureAcr": 9000, "sec.ent.usageGrowth.m365Users": 700},
			},
			wantTrack: "enterprise", wantSel: score.SelectedBest, wantScore: 14 + 40 + 100.0/6 + 12, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 14, "intermediate-certifications": 40, "deployments": 100.0 / 6, "usage-growth": 12},
			others:  map[string]float64{"smb": 40},
		},
		{
			// Security, SMB.
			//   net adds        (2 Azure + 2 M365) × 4             = 16
			//   intermediate    gates 4 (Cloud and AI Security Engineer) + 4 (SOA) + 4 × 8 = 40
			//   deployments     20 × (1 + 2)/6                      = 10
			//   usage growth    Azure floor(4000/750) = 5; M365 floor(300/50) = 6 → 11
			//   total           16 + 40 + 10 + 11                  = 77 → qualified
			//   Enterprise: gates need 2 people each → 0; no Enterprise facts → 0.
			name: "security smb", area: "security",
			profile: score.Profile{
				People: team(holders(1, "SC-500"), holders(1, "SC-200"), holders(4, "SC-401")),
				Facts: map[string]float64{"sec.smb.netCustomerAdds.azure": 2, "sec.smb.netCustomerAdds.m365": 2,
					"sec.smb.deployments.azure": 1, "sec.smb.deployments.m365": 2,
					"sec.smb.usageGrowth.azureAcr": 4000, "sec.smb.usageGrowth.m365Users": 300},
			},
			wantTrack: "smb", wantSel: score.SelectedBest, wantScore: 77, wantQual: true,
			metrics: map[string]float64{"net-customer-adds": 16, "intermediate-certifications": 40, "deployments": 10, "usage-growth": 11},
			others:  map[string]float64{"enterprise": 0},
		},
	}
	runAreaCases(t, cases)
}
