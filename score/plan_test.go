package score_test

// The plan is exact: its cost is compared with a brute-force search over the additions,
// each candidate re-evaluated with the engine; its steps, applied to the profile, qualify
// the area; costs change it; an unreachable area says why.

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"strings"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// lever is one thing the brute force may add to a profile: units of a fact, or people
// holding a certification (through the certifications shortcut).
type lever struct {
	key  string  // fact id, or certification (id or exam code) for the shortcut
	cert bool    // key is a certification
	cost float64 // cost of one unit (one person, one fact unit)
	max  float64 // largest addition tried
	step float64 // additions tried: 0, step, 2 × step, … ≤ max (default 1)
}

// applyAdds returns a copy of base with the additions, and without the plan request.
func applyAdds(base *score.Profile, levers []lever, adds []float64) *score.Profile {
	p := *base
	p.Plan = nil
	p.Facts = maps.Clone(base.Facts)
	if p.Facts == nil {
		p.Facts = map[string]float64{}
	}
	p.Certifications = maps.Clone(base.Certifications)
	if p.Certifications == nil {
		p.Certifications = map[string]int{}
	}
	for i, l := range levers {
		if adds[i] == 0 {
			continue
		}
		if l.cert {
			p.Certifications[l.key] += int(adds[i])
		} else {
			p.Facts[l.key] += adds[i]
		}
	}
	return &p
}

// bruteForce searches every combination of additions costing at most bound and returns the
// cheapest that qualifies area (+Inf if none), the additions, and how many profiles it
// evaluated. Additions are tried in increasing cost, so a branch stops once over the bound.
func bruteForce(t *testing.T, base *score.Profile, area string, levers []lever, bound float64) (float64, []float64, int) {
	t.Helper()
	e := testEngine(t)
	best := math.Inf(1)
	var bestAdds []float64
	adds := make([]float64, len(levers))
	evals := 0
	var rec func(i int, cost float64)
	rec = func(i int, cost float64) {
		if i == len(levers) {
			evals++
			in, err := e.Resolve(applyAdds(base, levers, adds))
			if err != nil {
				t.Fatalf("brute force: Resolve with additions %v: %v", adds, err)
			}
			r, err := e.Evaluate(in)
			if err != nil {
				t.Fatalf("brute force: Evaluate with additions %v: %v", adds, err)
			}
			if findArea(t, "brute force", r, area).Qualified && cost < best-1e-9 {
				best, bestAdds = cost, append([]float64(nil), adds...)
			}
			return
		}
		l := levers[i]
		step := l.step
		if step == 0 {
			step = 1
		}
		for k := 0.0; k*step <= l.max+1e-9; k++ {
			c := cost + k*step*l.cost
			if c > bound+1e-9 || c > best+1e-9 {
				break
			}
			adds[i] = k * step
			rec(i+1, c)
		}
		adds[i] = 0
	}
	rec(0, 0)
	return best, bestAdds, evals
}

// planOf evaluates p (which must ask for a plan) and returns the area's result.
func planOf(t *testing.T, name string, p *score.Profile, area string) *score.AreaResult {
	t.Helper()
	ar := findArea(t, name, evaluate(t, name, p), area)
	if ar.Plan == nil {
		t.Fatalf("%s: Evaluate: area %s has no plan although the profile asks for one", name, area)
	}
	return ar
}

// applyPlan adds the plan's steps to the profile and re-evaluates it: the area must qualify,
// on the plan's track, with the plan's score.
func applyPlan(t *testing.T, name string, base *score.Profile, area string, pl *score.AreaPlan) {
	t.Helper()
	p := *base
	p.Plan = nil
	p.Facts = maps.Clone(base.Facts)
	if p.Facts == nil {
		p.Facts = map[string]float64{}
	}
	p.Certifications = maps.Clone(base.Certifications)
	if p.Certifications == nil {
		p.Certifications = map[string]int{}
	}
	cost := 0.0
	for _, st := range pl.Steps {
		switch {
		case st.Fact != "":
			p.Facts[st.Fact] += st.Add
		case st.Certification != "":
			if st.Add != math.Trunc(st.Add) {
				t.Fatalf("%s: plan step %+v adds a fraction of a person", name, st)
			}
			p.Certifications[st.Certification] += int(st.Add)
		default:
			t.Fatalf("%s: plan step %+v names neither a fact nor a certification", name, st)
		}
		cost += st.Cost
	}
	if math.Abs(cost-pl.Cost) > 1e-9 {
		t.Errorf("%s: plan cost %g but its steps cost %g", name, pl.Cost, cost)
	}
	r := evaluate(t, name+" (plan applied)", &p)
	ar := findArea(t, name, r, area)
	ts := trackScore(t, name, ar, pl.Track)
	if !ar.Qualified || !ts.Qualified || math.Abs(ts.Score-pl.Score) > 1e-9 {
		t.Errorf("%s: the plan's steps applied: area qualified %v (track %s), plan track %s qualified %v score %.4f; plan said score %.4f; steps %s",
			name, ar.Qualified, ar.Track, pl.Track, ts.Qualified, ts.Score, pl.Score, stepsString(pl.Steps))
	}
}

func stepsString(steps []score.PlanStep) string {
	var b strings.Builder
	for _, s := range steps {
		what := s.Fact
		if what == "" {
			what = s.Certification
		}
		fmt.Fprintf(&b, "[%s/%s +%g %s cost %g]", s.Metric, s.Lever, s.Add, what, s.Cost)
	}
	return b.String()
}

// planCase is one starting profile, its levers and the plan's expected cost.
type planCase struct {
	name     string
	area     string
	profile  score.Profile
	levers   []lever
	wantCost float64
	full     bool // search the whole lever space, not only up to the plan's cost
	check    func(t *testing.T, pl *score.AreaPlan)
	asOf     string // the date evaluated, when not asOf
}

func runPlanCases(t *testing.T, cases []planCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.profile
			p.AsOf = cmp.Or(c.asOf, asOf)
			if p.Plan == nil {
				p.Plan = &score.PlanRequest{}
			}
			// The brute force's unit costs must be the profile's.
			for _, l := range c.levers {
				want := 1.0
				if v, ok := p.Plan.Costs[l.key]; ok {
					want = v
				}
				if l.cost != want {
					t.Fatalf("%s: test setup: lever %s costs %g, the profile says %g", c.name, l.key, l.cost, want)
				}
			}
			ar := planOf(t, c.name, &p, c.area)
			pl := ar.Plan
			if ar.Qualified {
				t.Fatalf("%s: the starting profile already qualifies %s (score %g)", c.name, c.area, ar.Score)
			}
			if !pl.Reachable {
				t.Fatalf("%s: Evaluate: plan unreachable: %s", c.name, pl.Reason)
			}
			bound := pl.Cost + 1e-6
			if c.full {
				bound = math.Inf(1)
			}
			bf, bfAdds, evals := bruteForce(t, &p, c.area, c.levers, bound)
			if math.IsInf(bf, 1) || math.Abs(bf-pl.Cost) > 1e-6 {
				t.Errorf("%s: plan cost %g (steps %s), brute force over %d profiles found %g with additions %v",
					c.name, pl.Cost, stepsString(pl.Steps), evals, bf, bfAdds)
			}
			if c.wantCost > 0 && math.Abs(pl.Cost-c.wantCost) > 1e-9 {
				t.Errorf("%s: plan cost %g, want %g (by hand); steps %s", c.name, pl.Cost, c.wantCost, stepsString(pl.Steps))
			}
			applyPlan(t, c.name, &p, c.area, pl)
			if c.check != nil {
				c.check(t, pl)
			}
			t.Logf("%s: plan cost %g on %s, %s; brute force evaluated %d profiles", c.name, pl.Cost, pl.Track, stepsString(pl.Steps), evals)
		})
	}
}

// hasStep reports whether the plan adds to a fact, or to people holding a certification.
func hasStep(pl *score.AreaPlan, key string) bool {
	for _, s := range pl.Steps {
		if s.Fact == key || s.Certification == key {
			return true
		}
	}
	return false
}

func TestPlanDataAI(t *testing.T) {
	// Data & AI, Enterprise (share 60):
	//   net adds 2 × 10 = 20; skilling 2 Admin + 2 Architect + 5 scorers × 4 = 20;
	//   usage growth 10% = 10; deployments 3 × 2 = 6 → 56, 14 short.
	base := func(costs map[string]float64) score.Profile {
		return score.Profile{
			Certifications: map[string]int{"AZ-104": 2, "AZ-305": 2, "DP-300": 5},
			Facts: map[string]float64{"azure.smbCustomerShare": 60, "azure.ent.netCustomerAdds": 2, "azure.usageGrowth": 10,
				"azure.acrTtm": 50000, "azure.deployments": 3},
			Plan: &score.PlanRequest{Costs: costs},
		}
	}
	levers := func(netAdds, scorer, usage, deploy float64) []lever {
		return []lever{
			{key: "azure.ent.netCustomerAdds", cost: netAdds, max: 1},
			{key: "DP-300", cert: true, cost: scorer, max: 5},
			{key: "azure.usageGrowth", cost: usage, max: 10},
			{key: "azure.deployments", cost: deploy, max: 2},
			// Gate certifications are met already: adding more gives nothing, at a cost.
			{key: "AZ-104", cert: true, cost: 1, max: 1},
		}
	}
	runPlanCases(t, []planCase{
		{
			// Default costs (1 per unit): 1 net add (+10) and 1 scorer (+4) → 70 for 2.
			name: "default costs", area: "data-ai", profile: base(nil), levers: levers(1, 1, 1, 1), wantCost: 2, full: true,
		},
		{
			// Certifications cheap: 4 more DP-300 at 0.1 = 16 points for 0.4.
			name: "certifications cheap", area: "data-ai", profile: base(map[string]float64{"DP-300": 0.1}),
			levers: levers(1, 0.1, 1, 1), wantCost: 0.4, full: true,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if len(pl.Steps) != 1 || pl.Steps[0].Certification != "azure-database-administrator-associate" || pl.Steps[0].Add != 4 {
					t.Errorf("certifications cheap: plan steps %s, want 4 Azure Database Administrators", stepsString(pl.Steps))
				}
			},
		},
		{
			// Customers and growth cheap: +1 net add (10 pts, 0.1) and +4% growth (4 pts, 0.4).
			name: "customers cheap", area: "data-ai",
			profile: base(map[string]float64{"azure.ent.netCustomerAdds": 0.1, "azure.usageGrowth": 0.1}),
			levers:  levers(0.1, 1, 0.1, 1), wantCost: 0.5, full: true,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if !hasStep(pl, "azure.ent.netCustomerAdds") || !hasStep(pl, "azure.usageGrowth") || len(pl.Steps) != 2 {
					t.Errorf("customers cheap: plan steps %s, want net adds and usage growth only", stepsString(pl.Steps))
				}
			},
		},
		{
			// Deployments expensive, growth expensive, scorers at 3: 1 net add (1) + 1 scorer (3) = 4,
			// against 14 points of growth (14) or 2 deployments (100).
			name: "mixed costs", area: "data-ai",
			profile: base(map[string]float64{"azure.deployments": 50, "azure.usageGrowth": 1, "DP-300": 3, "DP-600": 3, "DP-700": 3,
				"PL-300": 3, "DP-420": 3, "AI-102": 3, "DP-100": 3, "DP-800": 3, "AI-103": 3, "AI-300": 3, "DP-750": 3}),
			levers: levers(1, 3, 1, 50), wantCost: 4, full: true,
		},
	})
}

func TestPlanDataAIGates(t *testing.T) {
	// Data & AI SMB with no gate holders: skilling is 0 and must leave zero.
	//   net adds 3 × 10 = 30; skilling 0 (3 scorers, no gate); usage 20; deployments 5 × 2 = 10 → 60.
	// One Administrator (+4, and the scorers still need the Architect gate) qualifies: 64 < 70;
	// both gates: 4 + 4 + 3 × 4 = 20 → 80 for 2. Or 1 Administrator (4) + 6 points: not available
	// elsewhere (every other metric is at its max) → cost 2.
	runPlanCases(t, []planCase{{
		name: "smb gates", area: "data-ai",
		profile: score.Profile{
			Certifications: map[string]int{"DP-300": 3},
			Facts: map[string]float64{"azure.smbCustomerShare": 90, "azure.smb.netCustomerAdds": 3, "azure.usageGrowth": 20,
				"azure.acrTtm": 50000, "azure.deployments": 5},
		},
		levers: []lever{
			{key: "AZ-104", cert: true, cost: 1, max: 2},
			{key: "AZ-305", cert: true, cost: 1, max: 2},
			{key: "DP-300", cert: true, cost: 1, max: 7},
		},
		wantCost: 2, full: true,
		check: func(t *testing.T, pl *score.AreaPlan) {
			if !hasStep(pl, "azure-administrator-associate") || !hasStep(pl, "azure-solutions-architect-expert") {
				t.Errorf("smb gates: plan steps %s, want one Administrator and one Architect", stepsString(pl.Steps))
			}
		},
	}})
}

// TestPlanGatePeopleCountTwice checks plans where a gate's certification is also one of the
// scoring step's (FY24 Security lists SC-200 in step 2 and step 3): the people added for the
// gate count in the scoring step too, so the plan adds fewer scorers, and the score it
// states is the one its steps give. A dearer certification for the gate that counts twice
// is weighed against a cheaper one that does not.
func TestPlanGatePeopleCountTwice(t *testing.T) {
	profile := func(costs map[string]float64) score.Profile {
		return score.Profile{Certifications: map[string]int{"SC-100": 1}, Plan: &score.PlanRequest{Costs: costs},
			Facts: map[string]float64{"sec.ent.netCustomerAdds.m365": 10, "sec.ent.deployments.m365": 6, "sec.ent.usageGrowth.m365Users": 125}}
	}
	levers := func(soa float64) []lever {
		return []lever{{key: "AZ-500", cert: true, cost: 1, max: 2}, {key: "SC-200", cert: true, cost: soa, max: 3},
			{key: "MS-500", cert: true, cost: 1, max: 2}, {key: "SC-100", cert: true, cost: 1, max: 6}}
	}
	runPlanCases(t, []planCase{
		// 40.33 of 70 from the other metrics and one scorer: 1 engineer, 1 SC-200 (step 2 and
		// a scorer), 3 more SC-100 → 5 scorers, 33.33: 74.33 for 5.
		{name: "fy24 security, SC-200 counts twice", asOf: "2023-06-01", area: "security", profile: profile(nil), levers: levers(1), wantCost: 5,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if !hasStep(pl, "security-operations-analyst-associate") {
					t.Errorf("the plan does not add a Security Operations Analyst: %s", stepsString(pl.Steps))
				}
			}},
		// SC-200 at 1.5: still cheaper than MS-500 (1) and one more scorer (1).
		{name: "fy24 security, SC-200 dearer", asOf: "2023-06-01", area: "security", profile: profile(map[string]float64{"SC-200": 1.5}),
			levers: levers(1.5), wantCost: 5.5},
	})
}

func TestPlanSecurity(t *testing.T) {
	// Security, Enterprise forced (the plan stays on the counting track):
	//   net adds (4 + 4) × 2 = 16; skilling 2 ASE + 2 SOA + 1 scorer × 40/6 = 6.67;
	//   deployments 20 × 4/6 = 13.33; usage growth 15000/1250 = 12 + 500/125 = 4 → 16.
	//   Total 52, 18 short.
	scorerCosts := func(c float64) map[string]float64 {
		return map[string]float64{"SC-100": c, "SC-300": c, "SC-400": c, "SC-401": c}
	}
	base := func(costs map[string]float64) score.Profile {
		return score.Profile{
			Certifications: map[string]int{"AZ-500": 2, "SC-200": 2, "SC-100": 1},
			Facts: map[string]float64{"sec.ent.netCustomerAdds.azure": 4, "sec.ent.netCustomerAdds.m365": 4,
				"sec.ent.deployments.azure": 2, "sec.ent.deployments.m365": 2,
				"sec.ent.usageGrowth.azureAcr": 15000, "sec.ent.usageGrowth.m365Users": 500},
			Tracks: map[string]string{"security": "enterprise"},
			Plan:   &score.PlanRequest{Costs: costs},
		}
	}
	levers := func(costs map[string]float64) []lever {
		c := func(k string) float64 {
			if v, ok := costs[k]; ok {
				return v
			}
			return 1
		}
		return []lever{
			{key: "SC-100", cert: true, cost: c("SC-100"), max: 5},
			{key: "sec.ent.netCustomerAdds.azure", cost: c("sec.ent.netCustomerAdds.azure"), max: 2},
			{key: "sec.ent.netCustomerAdds.m365", cost: c("sec.ent.netCustomerAdds.m365"), max: 2},
			{key: "sec.ent.deployments.azure", cost: c("sec.ent.deployments.azure"), max: 4},
			{key: "sec.ent.deployments.m365", cost: c("sec.ent.deployments.m365"), max: 4},
			// Whole steps: only additions reaching the next multiple of $1,250 / 125 users can
			// add a point, and the base values are multiples, so steps of 1,250 and 125 cover them.
			{key: "sec.ent.usageGrowth.azureAcr", cost: c("sec.ent.usageGrowth.azureAcr"), max: 5000, step: 1250},
			{key: "sec.ent.usageGrowth.m365Users", cost: c("sec.ent.usageGrowth.m365Users"), max: 500, step: 125},
		}
	}
	cheapCustomers := map[string]float64{"sec.ent.netCustomerAdds.azure": 0.1, "sec.ent.netCustomerAdds.m365": 0.1,
		"sec.ent.deployments.azure": 0.2, "sec.ent.deployments.m365": 0.2}
	maps.Copy(cheapCustomers, scorerCosts(5))
	cheapGrowth := map[string]float64{"sec.ent.usageGrowth.azureAcr": 0.00004, "sec.ent.usageGrowth.m365Users": 0.0004}
	maps.Copy(cheapGrowth, scorerCosts(2))
	runPlanCases(t, []planCase{
		{
			// Default: 3 scorers (+20) for 3; anything else gives less per unit.
			name: "default costs", area: "security", profile: base(nil), levers: levers(nil), wantCost: 3,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if pl.Track != "enterprise" || len(pl.Steps) != 1 || pl.Steps[0].Add != 3 || pl.Steps[0].Metric != "intermediate-certifications" {
					t.Errorf("default costs: plan %s on %s, want 3 scorers on enterprise", stepsString(pl.Steps), pl.Track)
				}
			},
		},
		{
			// Customers cheap, certifications dear (5 a person): 1 net add (+2, 0.1), 1 deployment
			// (+3.33, 0.2) and 2 scorers (+13.33, 10) → 52 + 18.67 = 70.67 for 10.3.
			name: "customers cheap", area: "security", profile: base(cheapCustomers), levers: levers(cheapCustomers), wantCost: 10.3,
		},
		{
			// Growth cheap ($1,250 = 0.05, 125 users = 0.05), scorers at 2: usage growth can give
			// only 4 more points before its cap. 2 scorers (+13.33, 4) and 1 deployment (+3.33, 1)
			// reach 68.67; 2 growth points ($2,500, 0.1) close the gap → 5.1, against 3 scorers (6).
			name: "growth cheap", area: "security", profile: base(cheapGrowth), levers: levers(cheapGrowth), wantCost: 5.1,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if !hasStep(pl, "sec.ent.usageGrowth.azureAcr") && !hasStep(pl, "sec.ent.usageGrowth.m365Users") {
					t.Errorf("growth cheap: plan %s does not use usage growth", stepsString(pl.Steps))
				}
			},
		},
	})

	// A net metric counted together (offset): Azure −3, M365 +2 → −1 net adds → 0 points, a
	// zero metric that the plan must lift; M365 adds are cheaper.
	offset := map[string]float64{"sec.ent.netCustomerAdds.m365": 0.5}
	runPlanCases(t, []planCase{{
		name: "net adds below zero", area: "security",
		profile: score.Profile{
			Certifications: map[string]int{"AZ-500": 2, "SC-200": 2, "SC-100": 6},
			Facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -3, "sec.ent.netCustomerAdds.m365": 2,
				"sec.ent.deployments.azure": 6, "sec.ent.usageGrowth.azureAcr": 25000},
			Tracks: map[string]string{"security": "enterprise"},
			Plan:   &score.PlanRequest{Costs: offset},
		},
		// 0 + 40 + 20 + 20 = 80 but net adds is 0 → one more M365 add (net 0) is not enough,
		// two (net +1 → 2 points) are: cost 1.
		levers: []lever{
			{key: "sec.ent.netCustomerAdds.azure", cost: 1, max: 4},
			{key: "sec.ent.netCustomerAdds.m365", cost: 0.5, max: 4},
		},
		wantCost: 1, full: true,
	}})
}

// TestPlanOffsetBeyondThreshold: in a sum counted together (offset), a part below zero must
// be made up by the others, so the cheapest plan may take a part past the value at which it
// alone would reach the maximum.
//
//	skilling 2 ASE + 2 SOA + 4 scorers × 40/6 = 26.67; deployments 6 → 20;
//	usage growth $5,000 → 4; net adds Azure −3, M365 0 → −3 → 0 points. Total 50.67.
//
// Scorers, deployments and growth are dear (100 a unit): the 19.33 missing points must come from
// net adds, 10 net (20 points). M365 adds cost 1, Azure adds 10: M365 +13 (net −3 + 13 = 10)
// costs 13. Stopping M365 at +11 (its own threshold, 10, plus one step) forces Azure +2: 31.
func TestPlanOffsetBeyondThreshold(t *testing.T) {
	costs := map[string]float64{"sec.ent.netCustomerAdds.azure": 10, "SC-100": 100, "SC-300": 100, "SC-400": 100, "SC-401": 100,
		"sec.ent.deployments.azure": 100, "sec.ent.deployments.m365": 100, "sec.ent.usageGrowth.azureAcr": 100, "sec.ent.usageGrowth.m365Users": 100}
	runPlanCases(t, []planCase{{
		name: "m365 past its threshold", area: "security",
		profile: score.Profile{
			Certifications: map[string]int{"AZ-500": 2, "SC-200": 2, "SC-100": 4},
			Facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -3, "sec.ent.netCustomerAdds.m365": 0,
				"sec.ent.deployments.azure": 6, "sec.ent.usageGrowth.azureAcr": 5000},
			Tracks: map[string]string{"security": "enterprise"},
			Plan:   &score.PlanRequest{Costs: costs},
		},
		levers: []lever{
			{key: "sec.ent.netCustomerAdds.azure", cost: 10, max: 4},
			{key: "sec.ent.netCustomerAdds.m365", cost: 1, max: 14},
			{key: "SC-100", cert: true, cost: 100, max: 1},
		},
		wantCost: 13,
	}})
}

func TestPlanModernWork(t *testing.T) {
	// Modern Work: both tracks are candidates.
	//   Enterprise: net adds 4 × 4 = 16; intermediate 4 × 2.5 = 10; advanced 2 × 7.5 = 15;
	//   usage CPOR 600 → 18; deployments CPOR 2 → 10 → 69, 1 short.
	//   SMB: 0 + 10 + 15 + 0 + 0 = 25 with three zero metrics.
	base := func(costs map[string]float64) score.Profile {
		return score.Profile{
			Certifications: map[string]int{"MS-700": 4, "MS-102": 2},
			Facts:          map[string]float64{"mw.ent.netCustomerAdds": 4, "mw.ent.usageGrowth.cpor": 600, "mw.ent.deployments.cpor": 2},
			Plan:           &score.PlanRequest{Costs: costs},
		}
	}
	all := []string{"mw.ent.netCustomerAdds", "mw.ent.deployments.cpor", "mw.ent.deployments.dpor", "mw.ent.usageGrowth.cpor",
		"mw.ent.usageGrowth.dpor", "mw.smb.netCustomerAdds", "mw.smb.deployments.cpor", "mw.smb.deployments.csp",
		"mw.smb.usageGrowth.cpor", "mw.smb.usageGrowth.csp"}
	maxAdd := map[string]float64{"mw.ent.netCustomerAdds": 1, "mw.ent.deployments.cpor": 3, "mw.ent.deployments.dpor": 10,
		"mw.ent.usageGrowth.cpor": 400, "mw.ent.usageGrowth.dpor": 4000, "mw.smb.netCustomerAdds": 10, "mw.smb.deployments.cpor": 5,
		"mw.smb.deployments.csp": 10, "mw.smb.usageGrowth.cpor": 500, "mw.smb.usageGrowth.csp": 2000}
	levers := func(costs map[string]float64) []lever {
		var ls []lever
		for _, k := range all {
			c := 1.0
			if v, ok := costs[k]; ok {
				c = v
			}
			ls = append(ls, lever{key: k, cost: c, max: maxAdd[k]})
		}
		return append(ls, lever{key: "MD-102", cert: true, cost: 1, max: 2})
	}
	entDear := map[string]float64{}
	for _, k := range all[:5] {
		entDear[k] = 100
	}
	maps.Copy(entDear, map[string]float64{"mw.smb.netCustomerAdds": 0.1, "mw.smb.deployments.cpor": 0.1, "mw.smb.usageGrowth.cpor": 0.001})
	usageCheap := map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.deployments.cpor": 5, "mw.ent.deployments.dpor": 5,
		"mw.ent.usageGrowth.cpor": 0.01}
	runPlanCases(t, []planCase{
		{
			// Default: one net add (+4) or one CPOR deployment (+5) for 1.
			name: "default costs", area: "modern-work", profile: base(nil), levers: levers(nil), wantCost: 1,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if pl.Track != "enterprise" || len(pl.Steps) != 1 {
					t.Errorf("default costs: plan %s on %s, want one step on enterprise", stepsString(pl.Steps), pl.Track)
				}
			},
		},
		{
			// Usage cheap: 34 more CPOR users (34 × 0.03 = 1.02 points) for 0.34.
			name: "usage growth cheap", area: "modern-work", profile: base(usageCheap), levers: levers(usageCheap), wantCost: 0.34,
			check: func(t *testing.T, pl *score.AreaPlan) {
				if len(pl.Steps) != 1 || pl.Steps[0].Fact != "mw.ent.usageGrowth.cpor" || pl.Steps[0].Add != 34 {
					t.Errorf("usage growth cheap: plan %s, want +34 CPOR users", stepsString(pl.Steps))
				}
			},
		},
		{
			// Enterprise facts at 100 a unit, SMB ones cheap: the plan moves to the SMB track.
			name: "smb cheaper", area: "modern-work", profile: base(entDear), levers: levers(entDear),
			check: func(t *testing.T, pl *score.AreaPlan) {
				if pl.Track != "smb" {
					t.Errorf("smb cheaper: plan on %s (%s), want smb", pl.Track, stepsString(pl.Steps))
				}
			},
		},
	})
}

// TestPlanUnreachableBelowQualifying: when no additions reach the qualifying score (the
// facts' bounds keep the metrics under their maxima), the reason names the track as the
// result does and gives the highest reachable score, thousands grouped, in the profile's
// language.
func TestPlanUnreachableBelowQualifying(t *testing.T) {
	rules := miniHead + `"qualifyingScore":1500,
		"facts":[{"id":"d","label":{"en":"D","fr":"D"},"help":{"en":"","fr":""},"unit":"customers","min":0,"max":5,"source":"s"},
		  {"id":"e","label":{"en":"E","fr":"E"},"help":{"en":"","fr":""},"unit":"customers","min":0,"max":5,"source":"s"}],
		"areas":[{"id":"x","name":{"en":"X","fr":"X"},"source":"s","trackSelection":{"kind":"best"},
		  "tracks":[{"id":"only","name":{"en":"Direct","fr":"En direct"},"metrics":[
		    {"id":"m","name":{"en":"M","fr":"M"},"category":"performance","max":1000,"source":"s",
		     "rule":{"kind":"sum","parts":[{"id":"p","fact":"d","points":60,"per":1},{"id":"q","fact":"e","points":40,"per":1}]}},
		    {"id":"n","name":{"en":"N","fr":"N"},"category":"performance","max":600,"source":"s",
		     "rule":{"kind":"sum","parts":[{"id":"p","fact":"d","points":30.1,"per":1},{"id":"q","fact":"e","points":20,"per":1}]}}]}]}]}`
	e := miniEngine(t, `{"certifications":[]}`, rules)
	for _, c := range []struct{ lang, want string }{
		{"en", "Direct track: the highest reachable score is 750.5, below 1,500"},
		{"fr", "parcours En direct : le score le plus haut atteignable est 750,5, sous 1\u202f500"},
	} {
		in, err := e.Parse([]byte(`{"asOf":"2025-01-01","lang":"` + c.lang + `","facts":{"d":1},"plan":{}}`))
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		pl := r.Programs[0].Areas[0].Plan
		if pl == nil || pl.Reachable || pl.Reason != c.want {
			t.Errorf("%s: plan %+v, want unreachable with reason %q", c.lang, pl, c.want)
		}
	}
}

func TestPlanUnreachable(t *testing.T) {
	cases := []struct {
		name, area string
		profile    score.Profile
		reason     []string
	}{
		{
			// Business Applications Enterprise: the usage-growth prerequisite (baseline ≥ 50,000)
			// is a fact about the past that no addition changes.
			name: "ba enterprise baseline", area: "business-applications",
			profile: score.Profile{Facts: map[string]float64{"ba.largeWorkloads": 5, "ba.mcvBaseline": 40000, "ba.usageGrowth": 30,
				"ba.ent.netCustomerAdds": 5, "ba.ent.deployments": 5}, Certifications: map[string]int{"PL-300": 20, "MB-820": 7}},
			reason: []string{"Enterprise track, Usage growth: the prerequisite “Business Applications: MCV 12 months ago” (ba.mcvBaseline) ≥ 50,000 is not met"},
		},
		{
			name: "ba smb baseline", area: "business-applications",
			profile: score.Profile{Facts: map[string]float64{"ba.largeWorkloads": 2, "ba.mcvBaseline": 24999}},
			reason:  []string{"SMB track, Usage growth: the prerequisite “Business Applications: MCV 12 months ago” (ba.mcvBaseline) ≥ 25,000 is not met"},
		},
		{
			// The same in French: the names the French result shows.
			name: "ba smb baseline fr", area: "business-applications",
			profile: score.Profile{Lang: "fr", Facts: map[string]float64{"ba.largeWorkloads": 2, "ba.mcvBaseline": 24999}},
			reason:  []string{"parcours PME, Croissance d'usage : la condition « Business Applications : MCV il y a 12 mois » (ba.mcvBaseline) ≥ 25 000 n'est pas remplie"},
		},
		{
			name: "azure acr", area: "infrastructure",
			profile: score.Profile{Facts: map[string]float64{"azure.acrTtm": 999}},
			reason:  []string{"Usage growth: the prerequisite “Azure: qualifying ACR, trailing 12 months” (azure.acrTtm) ≥ 1,000 is not met"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.profile
			p.AsOf, p.Plan = asOf, &score.PlanRequest{}
			ar := planOf(t, c.name, &p, c.area)
			pl := ar.Plan
			if pl.Reachable || len(pl.Steps) != 0 {
				t.Fatalf("%s: Evaluate: plan reachable %v with steps %s, want unreachable", c.name, pl.Reachable, stepsString(pl.Steps))
			}
			for _, s := range c.reason {
				if !strings.Contains(pl.Reason, s) {
					t.Errorf("%s: plan reason %q does not mention %q", c.name, pl.Reason, s)
				}
			}
			if len(pl.Gaps) == 0 {
				t.Errorf("%s: unreachable plan has no gap analysis", c.name)
			}
		})
	}

	// A qualified area needs no plan: reachable, no steps, cost 0.
	p := &score.Profile{AsOf: asOf, Plan: &score.PlanRequest{},
		Certifications: map[string]int{"AZ-104": 2, "AZ-305": 2, "DP-300": 6},
		Facts:          map[string]float64{"azure.ent.netCustomerAdds": 3, "azure.usageGrowth": 15, "azure.acrTtm": 250000, "azure.deployments": 4}}
	ar := planOf(t, "qualified", p, "data-ai")
	if !ar.Qualified || !ar.Plan.Reachable || len(ar.Plan.Steps) != 0 || ar.Plan.Cost != 0 || ar.Plan.Track != "enterprise" {
		t.Errorf("qualified: Evaluate: area qualified %v, plan %+v; want reachable, no steps, cost 0 on enterprise", ar.Qualified, ar.Plan)
	}
}

func TestPlanGaps(t *testing.T) {
	// Data & AI Enterprise, one Administrator short: the gaps say what each lever gives alone.
	p := &score.Profile{AsOf: asOf, Plan: &score.PlanRequest{},
		Certifications: map[string]int{"AZ-104": 1, "AZ-305": 2, "DP-300": 3},
		Facts:          map[string]float64{"azure.ent.netCustomerAdds": 1, "azure.usageGrowth": 5, "azure.acrTtm": 5000, "azure.deployments": 1}}
	ar := planOf(t, "gaps", p, "data-ai")
	want := map[string]struct{ add, points float64 }{
		"net-customer-adds/tenants": {2, 20}, // 1 → 3 adds: +20
		// A part of a gated metric is measured as if every gate were met (Gap.Points):
		// 3 → 10 scorers, 12 → 40: +28.
		"intermediate-certifications/people": {7, 28},
		// Meeting the unmet gate with the people already counted: 3 scorers × 4 = +12.
		"intermediate-certifications/administrator": {1, 12},
		"usage-growth/acr-growth":                   {15, 15},
		"deployments/services":                      {4, 8},
	}
	seen := 0
	for _, g := range ar.Plan.Gaps {
		w, ok := want[g.Metric+"/"+g.Lever]
		if !ok {
			continue
		}
		seen++
		if g.Add != w.add || math.Abs(g.Points-w.points) > 1e-9 {
			t.Errorf("gaps: %s/%s add %g points %g, want add %g points %g", g.Metric, g.Lever, g.Add, g.Points, w.add, w.points)
		}
	}
	if seen != len(want) {
		t.Errorf("gaps: found %d of the %d expected gaps in %+v", seen, len(want), ar.Plan.Gaps)
	}
}

// TestPlanGapsOfSums checks a metric whose parts add up (Security's Azure and Microsoft 365
// measures): a fact's gap is the least addition that earns its points, counting what the
// other parts earn already, and one step less earns fewer. (A gap measured against the
// part's own threshold asked for +3 Azure adds where +2 reached the maximum.)
func TestPlanGapsOfSums(t *testing.T) {
	base := score.Profile{AsOf: asOf, Plan: &score.PlanRequest{}, Tracks: map[string]string{"security": "smb"},
		Facts: map[string]float64{"sec.smb.netCustomerAdds.azure": 2, "sec.smb.netCustomerAdds.m365": 1,
			"sec.smb.deployments.azure": 1, "sec.smb.deployments.m365": 1,
			"sec.smb.usageGrowth.azureAcr": 1500, "sec.smb.usageGrowth.m365Users": 30}}
	ar := planOf(t, "sums", &base, "security")
	metricPoints := func(p *score.Profile, metric string) float64 {
		q := *p
		q.Plan = nil
		return findMetric(t, "sums", findArea(t, "sums", evaluate(t, "sums", &q), "security"), metric).Points
	}
	checked := 0
	for _, g := range ar.Plan.Gaps {
		if g.Fact == "" || g.Add <= 0 {
			continue
		}
		m := findMetric(t, "sums", ar, g.Metric)
		if m.Kind != score.KindSum {
			continue
		}
		checked++
		with := func(add float64) float64 {
			p := base
			p.Facts = maps.Clone(base.Facts)
			p.Facts[g.Fact] += add
			return metricPoints(&p, g.Metric)
		}
		if got := with(g.Add) - m.Points; math.Abs(got-g.Points) > 1e-9 {
			t.Errorf("%s/%s: +%g gives %g points, the gap says %g", g.Metric, g.Lever, g.Add, got, g.Points)
		}
		step := 1.0
		if g.Add < 1 {
			step = g.Add
		}
		if less := with(g.Add-step) - m.Points; less >= g.Points-1e-9 {
			t.Errorf("%s/%s: +%g (one less than the gap's %g) earns the same %g points", g.Metric, g.Lever, g.Add-step, g.Add, less)
		}
	}
	if checked < 4 {
		t.Fatalf("%d gaps of summed metrics checked", checked)
	}
}

// TestPlanLargeDeficit: the same offset rule at the edge of the declared bounds. Azure net
// adds −100,000 (the fact's minimum), M365 0; everything else at its maximum (80 points) but
// net adds at 0. Any addition bringing the net total above 0 qualifies. M365 adds cost 0.001,
// Azure adds 1; M365 cannot pass its maximum (100,000), so the cheapest is M365 +100,000 and
// Azure +1: 100 + 1 = 101. A witness profile checks that this qualifies; the plan must cost no
// more.
func TestPlanLargeDeficit(t *testing.T) {
	base := score.Profile{AsOf: asOf,
		Certifications: map[string]int{"AZ-500": 2, "SC-200": 2, "SC-100": 6},
		Facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -100000, "sec.ent.netCustomerAdds.m365": 0,
			"sec.ent.deployments.azure": 6, "sec.ent.usageGrowth.azureAcr": 25000},
		Tracks: map[string]string{"security": "enterprise"},
		Plan:   &score.PlanRequest{Costs: map[string]float64{"sec.ent.netCustomerAdds.m365": 0.001}},
	}
	witness := []lever{{key: "sec.ent.netCustomerAdds.azure", cost: 1}, {key: "sec.ent.netCustomerAdds.m365", cost: 0.001}}
	wp := applyAdds(&base, witness, []float64{1, 100000})
	if ar := findArea(t, "witness", evaluate(t, "witness", wp), "security"); !ar.Qualified {
		t.Fatalf("witness (Azure +1, M365 +100000) does not qualify: score %g, zero metrics %d", ar.Score, ar.ZeroMetrics)
	}
	const witnessCost = 1 + 100000*0.001
	ar := planOf(t, "large deficit", &base, "security")
	pl := ar.Plan
	if !pl.Reachable || pl.Cost > witnessCost+1e-6 {
		t.Errorf("large deficit: plan reachable %v cost %g (%s), but Azure +1 and M365 +100000 qualify for %g",
			pl.Reachable, pl.Cost, stepsString(pl.Steps), witnessCost)
	}
	if pl.Reachable {
		applyPlan(t, "large deficit", &base, "security", pl)
	}
}

// TestPlanNamesEarnableCertifications checks that a plan never asks to add people holding a
// certification retired on the date (it may still count for who holds it, but no one can
// earn it), and that of certifications as cheap it names one that counts the longest: the
// day before Microsoft 365 Fundamentals (MS-900) retires, Modern Work's intermediate step
// names a certification that does not retire.
func TestPlanNamesEarnableCertifications(t *testing.T) {
	e := testEngine(t)
	named := 0
	for _, date := range []string{"2023-01-15", "2023-12-15", "2024-10-01", "2025-09-01", "2026-03-30", "2026-03-31", "2026-06-15", "2027-01-10"} {
		p := &score.Profile{AsOf: date, Programs: []string{"microsoft-ai-cloud-partner-program"}, Plan: &score.PlanRequest{}}
		r := evaluate(t, date, p)
		for _, pr := range r.Programs {
			for _, ar := range pr.Areas {
				if ar.Plan == nil {
					continue
				}
				for _, st := range ar.Plan.Steps {
					if st.Certification == "" {
						continue
					}
					named++
					c, ok := e.Certification(st.Certification)
					if !ok {
						t.Fatalf("%s %s: step names %q, not in the catalog", date, ar.ID, st.Certification)
					}
					if c.Retires != "" && c.Retires <= date {
						t.Errorf("%s %s/%s: the plan adds people certified %s, retired on %s", date, ar.ID, st.Metric, st.Certification, c.Retires)
					}
					if date == "2026-03-30" && ar.ID == "modern-work" && st.Metric == "intermediate-certifications" && c.Retires != "" {
						t.Errorf("%s %s/%s: the plan adds people certified %s, which retires on %s, where certifications as cheap do not retire", date, ar.ID, st.Metric, st.Certification, c.Retires)
					}
				}
			}
		}
	}
	if named < 20 {
		t.Fatalf("%d plan steps named a certification", named)
	}
}
