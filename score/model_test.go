package score_test

// The program models beyond the scorecard: VMware Partner Connect levels and competencies,
// CSP eligibility by rule set (with the dependency on the Cloud Partner Program result),
// the legacy competencies and the 2022 transition at every date boundary, and the partner
// economics against figures worked by hand.

import (
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/partnerscore/partnerscore/score"
)

func modelEngine(t *testing.T) *score.Engine {
	t.Helper()
	e, err := score.New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// evalProgram evaluates p and returns the result of program id.
func evalProgram(t *testing.T, e *score.Engine, p *score.Profile, id string) *score.ProgramResult {
	t.Helper()
	in, err := e.Resolve(p)
	if err != nil {
		t.Fatalf("Resolve(%s on %s): %v", id, p.AsOf, err)
	}
	r, err := e.Evaluate(in)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	for i := range r.Programs {
		if r.Programs[i].ID == id {
			return &r.Programs[i]
		}
	}
	t.Fatalf("no result for %s on %s", id, p.AsOf)
	return nil
}

func level(t *testing.T, pr *score.ProgramResult, id string) *score.LevelResult {
	t.Helper()
	for i := range pr.Levels.Levels {
		if pr.Levels.Levels[i].ID == id {
			return &pr.Levels.Levels[i]
		}
	}
	t.Fatalf("%s: no level %s", pr.ID, id)
	return nil
}

func competency(t *testing.T, pr *score.ProgramResult, id string) *score.CompetencyResult {
	t.Helper()
	for i := range pr.Levels.Competencies {
		if pr.Levels.Competencies[i].ID == id {
			return &pr.Levels.Competencies[i]
		}
	}
	t.Fatalf("%s: no competency %s", pr.ID, id)
	return nil
}

func people(specs ...string) []score.Person {
	var out []score.Person
	for i, s := range specs {
		out = append(out, score.Person{ID: "p" + string(rune('a'+i)), Certifications: strings.Split(s, ",")})
	}
	return out
}

const vmware = "vmware-partner-connect"

func TestVMwareCompetencies(t *testing.T) {
	e := modelEngine(t)
	cases := []struct {
		name   string
		people []score.Person
		params map[string]float64
		comp   string
		earned bool
		slots  map[string]int // people placed per slot
	}{
		{"solution: 2 VCP, 1 VSP, 1 VTSP, four people", people("VCP-DCV", "VCP-DCV", "VSP-DCV", "VTSP-DCV"), nil, "solution-dcv", true, map[string]int{"vcp": 2, "vsp": 1, "vtsp": 1}},
		{"solution: a person counts once (VCP and VTSP held by one of three)", people("VCP-DCV,VTSP-DCV", "VCP-DCV", "VSP-DCV"), nil, "solution-dcv", false, map[string]int{"vcp": 2, "vsp": 1, "vtsp": 0}},
		{"solution: the same three, one VCP is enough by parameter", people("VCP-DCV,VTSP-DCV", "VCP-DCV", "VSP-DCV"), map[string]float64{"vmware.solution.vcpPeople": 1}, "solution-dcv", true, map[string]int{"vcp": 1, "vsp": 1, "vtsp": 1}},
		{"solution: a VCAP fills the VCP slot", people("VCAP-NV", "VCP-NV", "VSP-NV", "VTSP-NV"), nil, "solution-nv", true, map[string]int{"vcp": 2}},
		{"solution: another area's VCP does not count", people("VCP-NV", "VCP-NV", "VSP-DCV", "VTSP-DCV"), nil, "solution-dcv", false, map[string]int{"vcp": 0}},
		{"master: 5 VCP of whom 2 VCAP", people("VCAP-CMA", "VCAP-CMA", "VCP-CMA", "VCP-CMA", "VCP-CMA"), nil, "master-cma", true, map[string]int{"vcap": 2, "vcp": 3}},
		{"master: 5 VCP, 1 VCAP: one VCAP short", people("VCAP-CMA", "VCP-CMA", "VCP-CMA", "VCP-CMA", "VCP-CMA"), nil, "master-cma", false, map[string]int{"vcap": 1, "vcp": 3}},
		{"master: 4 people, 2 VCAP: one person short", people("VCAP-DTM", "VCAP-DTM", "VCP-DTM", "VCP-DTM"), nil, "master-dw", false, map[string]int{"vcap": 2, "vcp": 2}},
		{"master: placing matters (VCAP holders must go to the VCAP slot)", people("VCP-VMC", "VCP-VMC", "VCP-VMC", "VCAP-VMC", "VCAP-VMC"), nil, "master-vmc-aws", true, map[string]int{"vcap": 2, "vcp": 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pr := evalProgram(t, e, &score.Profile{AsOf: "2021-06-01", Programs: []string{vmware}, People: c.people, Parameters: c.params}, vmware)
			cr := competency(t, pr, c.comp)
			if cr.Earned != c.earned {
				t.Errorf("%s earned = %v, want %v: %s", c.comp, cr.Earned, c.earned, cr.Requirements[0].Explanation)
			}
			for _, s := range cr.Requirements[0].Slots {
				if want, ok := c.slots[s.ID]; ok && s.People != want {
					t.Errorf("%s slot %s: %d people placed, want %d: %s", c.comp, s.ID, s.People, want, cr.Requirements[0].Explanation)
				}
			}
		})
	}
}

func TestVMwareLevels(t *testing.T) {
	e := modelEngine(t)
	solutionDCV := []string{"VCP-DCV", "VCP-DCV", "VSP-DCV", "VTSP-DCV"}
	masterDCV := []string{"VCAP-DCV", "VCAP-DCV", "VCP-DCV", "VCP-DCV", "VCP-DCV"}
	cases := []struct {
		name    string
		people  []string
		facts   map[string]float64
		params  map[string]float64
		reached string
		next    string
		missing []string // of the next level
		assume  bool     // the next level's missing requirement is flagged an assumption
	}{
		{"nothing", nil, nil, nil, "", "partner", []string{"contract", "solution-competencies"}, true},
		{"contract only", nil, map[string]float64{"vmware.contractSigned": 1}, nil, "", "partner", []string{"solution-competencies"}, true},
		{"partner", solutionDCV, map[string]float64{"vmware.contractSigned": 1}, nil, "partner", "advanced", []string{"business"}, true},
		{"advanced by deployments (5, the default minimum)", solutionDCV, map[string]float64{"vmware.contractSigned": 1, "vmware.deployments": 5}, nil, "advanced", "principal", []string{"master-services"}, true},
		{"not advanced: 4 deployments, revenue 249,999", solutionDCV, map[string]float64{"vmware.contractSigned": 1, "vmware.deployments": 4, "vmware.revenueUSD": 249999}, nil, "partner", "advanced", []string{"business"}, true},
		{"advanced by revenue 250,000", solutionDCV, map[string]float64{"vmware.contractSigned": 1, "vmware.revenueUSD": 250000}, nil, "advanced", "principal", []string{"master-services"}, true},
		{"advanced by cloud services, threshold set by the profile", solutionDCV, map[string]float64{"vmware.contractSigned": 1, "vmware.cloudServicesUSD": 40000}, map[string]float64{"vmware.advanced.cloudServicesUSD": 40000}, "advanced", "principal", []string{"master-services"}, true},
		{"principal", append(append([]string{}, solutionDCV...), masterDCV...), map[string]float64{"vmware.contractSigned": 1, "vmware.deployments": 5}, nil, "principal", "", nil, false},
		{"master services without advanced: partner", append(append([]string{}, solutionDCV...), masterDCV...), map[string]float64{"vmware.contractSigned": 1}, nil, "partner", "advanced", []string{"business"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pr := evalProgram(t, e, &score.Profile{AsOf: "2020-02-29", Programs: []string{vmware}, People: people(c.people...), Facts: c.facts, Parameters: c.params}, vmware)
			lv := pr.Levels
			if lv.Reached != c.reached || lv.Next != c.next {
				t.Fatalf("reached %q next %q, want %q %q", lv.Reached, lv.Next, c.reached, c.next)
			}
			if c.next == "" {
				return
			}
			nl := level(t, pr, c.next)
			if strings.Join(nl.Missing, ",") != strings.Join(c.missing, ",") {
				t.Errorf("%s missing %v, want %v", c.next, nl.Missing, c.missing)
			}
			for _, r := range nl.Requirements {
				if r.ID == c.missing[len(c.missing)-1] && r.Assumption != c.assume {
					t.Errorf("%s/%s assumption = %v, want %v: %s", c.next, r.ID, r.Assumption, c.assume, r.Explanation)
				}
				if !r.Met && (r.Explanation == "" || !strings.Contains(r.Explanation, "not met")) {
					t.Errorf("%s/%s: explanation %q should say it is not met", c.next, r.ID, r.Explanation)
				}
			}
		})
	}
}

func TestVMwareDates(t *testing.T) {
	e := modelEngine(t)
	for _, c := range []struct {
		date string
		in   bool
	}{{"2020-02-28", false}, {"2020-02-29", true}, {"2023-12-31", true}, {"2024-01-01", false}} {
		_, err := e.Resolve(&score.Profile{AsOf: c.date, Programs: []string{vmware}})
		if (err == nil) != c.in {
			t.Errorf("%s: in force = %v, want %v (%v)", c.date, err == nil, c.in, err)
		}
	}
}

const csp = "microsoft-cloud-solution-provider"

// cspAll is a profile meeting every requirement of every CSP rule set except revenue and
// the Solutions Partner designation.
func cspAll(revenue float64) map[string]float64 {
	return map[string]float64{
		"csp.revenueTTM": revenue, "csp.monthsIndirectReseller": 12, "csp.billingProvisioning": 1, "csp.support247": 1,
		"csp.firstLevelSupport": 1, "csp.supportPlan": 1, "csp.agreementSigned": 1, "csp.mpnId": 1, "csp.managedServices": 1,
		"csp.indirectProvider": 1, "csp.operationalAssessment": 1, "csp.securityRequirements": 1, "csp.vettingPassed": 1,
	}
}

// modernWork qualifies Modern Work (Enterprise) under the FY26 Solutions Partner rules:
// 20 + 10 + 15 + 30 + 25 = 100 points.
func modernWork(f map[string]float64) (map[string]float64, map[string]int) {
	f["mw.ent.netCustomerAdds"] = 5
	f["mw.ent.usageGrowth.cpor"] = 1000
	f["mw.ent.deployments.cpor"] = 5
	return f, map[string]int{"MS-700": 4, "MS-102": 2}
}

func TestCSPRuleSets(t *testing.T) {
	e := modelEngine(t)
	cases := []struct {
		name     string
		date     string
		version  string
		facts    map[string]float64
		designed bool // Modern Work qualified in the same profile
		eligible string
		missing  map[string][]string
	}{
		{"2015: billing and 24/7 support", "2018-08-30", "2015-07", map[string]float64{"csp.billingProvisioning": 1, "csp.support247": 1}, false, "direct-bill,indirect-provider",
			map[string][]string{"indirect-reseller": {"provider"}}},
		{"2015: no 24/7 support", "2015-07-01", "2015-07", map[string]float64{"csp.billingProvisioning": 1}, false, "",
			map[string][]string{"direct-bill": {"support"}}},
		{"2018: every requirement, no revenue floor", "2018-08-31", "2018-08", cspAll(0), false, "direct-bill,indirect-reseller,indirect-provider", nil},
		{"2018: no support plan", "2020-10-26", "2018-08", func() map[string]float64 { f := cspAll(0); f["csp.supportPlan"] = 0; return f }(), false, "indirect-reseller",
			map[string][]string{"direct-bill": {"support-plan"}}},
		{"Oct 2020: USD 299,999 is short", "2020-10-27", "2020-10", cspAll(299999), false, "indirect-reseller",
			map[string][]string{"direct-bill": {"revenue"}}},
		{"Oct 2020: USD 300,000", "2025-09-30", "2020-10", cspAll(300000), false, "direct-bill,indirect-reseller,indirect-provider", nil},
		{"FY26: USD 300,000 and no designation", "2025-10-01", "fy26", cspAll(300000), false, "indirect-reseller",
			map[string][]string{"direct-bill": {"revenue", "solutions-partner"}, "indirect-provider": {"revenue"}}},
		{"FY26: USD 1M, no designation", "2025-10-01", "fy26", cspAll(1000000), false, "indirect-reseller",
			map[string][]string{"direct-bill": {"solutions-partner"}}},
		{"FY26: USD 1M and Modern Work qualified", "2026-06-01", "fy26", cspAll(1000000), true, "direct-bill,indirect-reseller", nil},
		{"FY26: 11 months as a reseller", "2026-06-01", "fy26", func() map[string]float64 { f := cspAll(1000000); f["csp.monthsIndirectReseller"] = 11; return f }(), true, "indirect-reseller",
			map[string][]string{"direct-bill": {"months-indirect"}}},
		{"FY26: reseller USD 999", "2026-06-01", "fy26", cspAll(999), false, "",
			map[string][]string{"indirect-reseller": {"revenue"}}},
		{"FY26: provider USD 30M", "2026-06-01", "fy26", cspAll(30000000), false, "indirect-reseller,indirect-provider",
			map[string][]string{"direct-bill": {"solutions-partner"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var certs map[string]int
			facts := map[string]float64{}
			for k, v := range c.facts {
				facts[k] = v
			}
			if c.designed {
				facts, certs = modernWork(facts)
			}
			// Only the facts this version declares.
			p := &score.Profile{AsOf: c.date, Programs: []string{csp}, Facts: facts, Certifications: certs}
			declared := map[string]bool{}
			for _, v := range e.Programs() {
				if v.ID == csp && v.Version == c.version {
					for _, f := range v.Facts {
						declared[f.ID] = true
					}
				}
			}
			for k := range p.Facts {
				if strings.HasPrefix(k, "csp.") && !declared[k] {
					delete(p.Facts, k)
				}
			}
			pr := evalProgram(t, e, p, csp)
			if pr.Version != c.version {
				t.Fatalf("version %s, want %s", pr.Version, c.version)
			}
			if got := strings.Join(pr.Qualified, ","); got != c.eligible {
				t.Errorf("eligible for %q, want %q", got, c.eligible)
			}
			for lid, want := range c.missing {
				if got := level(t, pr, lid).Missing; strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("%s missing %v, want %v", lid, got, want)
				}
			}
		})
	}
}

// The FY26 direct-bill rule reads the Cloud Partner Program's own result: the same profile
// with one Modern Work person fewer (95 points, still qualified) and with no deployment
// (a metric at 0: not qualified) flips the requirement through that program's logic.
func TestCSPDependsOnCloudPartnerProgram(t *testing.T) {
	e := modelEngine(t)
	for _, c := range []struct {
		name string
		edit func(f map[string]float64, certs map[string]int)
		met  bool
	}{
		{"qualified", func(map[string]float64, map[string]int) {}, true},
		{"a metric at zero", func(f map[string]float64, _ map[string]int) { delete(f, "mw.ent.deployments.cpor") }, false},
		{"70 points", func(f map[string]float64, _ map[string]int) { f["mw.ent.deployments.cpor"] = 1 }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, certs := modernWork(cspAll(1000000))
			c.edit(f, certs)
			pr := evalProgram(t, e, &score.Profile{AsOf: "2026-06-01", Programs: []string{csp}, Facts: f, Certifications: certs}, csp)
			var req *score.RequirementResult
			for i, r := range level(t, pr, "direct-bill").Requirements {
				if r.ID == "solutions-partner" {
					req = &level(t, pr, "direct-bill").Requirements[i]
				}
			}
			if req == nil || req.Met != c.met || req.Program == nil || req.Program.Version != "fy26" {
				t.Fatalf("solutions-partner requirement %+v, want met %v", req, c.met)
			}
			// The same as evaluating the Cloud Partner Program itself.
			mc := evalProgram(t, e, &score.Profile{AsOf: "2026-06-01", Facts: f, Certifications: certs}, "microsoft-ai-cloud-partner-program")
			if strings.Join(mc.Qualified, ",") != strings.Join(req.Program.Qualified, ",") {
				t.Errorf("dependency qualified %v, the program itself %v", req.Program.Qualified, mc.Qualified)
			}
		})
	}
}

// Without a programs filter, a program evaluated on request appears only when the profile
// gives one of its facts or parameters; a scorecard profile's result is unchanged.
func TestOnRequestPrograms(t *testing.T) {
	e := modelEngine(t)
	ids := func(p *score.Profile) string {
		in, err := e.Resolve(p)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := e.Evaluate(in)
		var s []string
		for _, pr := range r.Programs {
			s = append(s, pr.ID)
		}
		return strings.Join(s, ",")
	}
	if got := ids(&score.Profile{AsOf: "2026-06-01", Facts: map[string]float64{"mw.ent.netCustomerAdds": 1}}); got != "microsoft-ai-cloud-partner-program" {
		t.Errorf("scorecard profile evaluates %s", got)
	}
	if got := ids(&score.Profile{AsOf: "2026-06-01", Facts: map[string]float64{"csp.revenueTTM": 1}}); got != "microsoft-ai-cloud-partner-program,microsoft-cloud-solution-provider" {
		t.Errorf("a CSP fact evaluates %s", got)
	}
	if got := ids(&score.Profile{AsOf: "2023-01-01", Parameters: map[string]float64{"nce.seats": 3}}); got != "microsoft-ai-cloud-partner-program,microsoft-nce-term-comparison" {
		t.Errorf("an NCE parameter evaluates %s", got)
	}
}

func TestLegacyCompetencies(t *testing.T) {
	e := modelEngine(t)
	const legacy = "microsoft-partner-network-competencies"
	cases := []struct {
		date, version string
		seats, cust   float64
		azure         float64
		qualified     string
		status        string
	}{
		{"2014-07-01", "2014", 150, 10, 25000, "smcs-silver,cloud-platform-silver", "open"},
		{"2015-08-31", "2014", 149, 10, 24999, "", "open"},
		{"2015-08-31", "2014", 300, 30, 0, "smcs-silver,smcs-gold", "open"},
		{"2015-09-01", "2015-09", 40, 4, 15000, "smcs-silver,cloud-platform-silver", "open"},
		{"2015-09-01", "2015-09", 39, 4, 14999, "", "open"},
		{"2015-09-01", "2015-09", 250, 24, 0, "smcs-silver", "open"},
		{"2015-09-01", "2015-09", 250, 25, 0, "smcs-silver,smcs-gold", "open"},
		{"2022-09-30", "2015-09", 40, 4, 0, "smcs-silver", "open"},
		{"2022-10-01", "2015-09", 40, 4, 0, "smcs-silver", "use-only"},
		{"2023-09-30", "2015-09", 40, 4, 0, "smcs-silver", "use-only"},
	}
	for _, c := range cases {
		t.Run(c.date+"/"+c.qualified, func(t *testing.T) {
			f := map[string]float64{"legacy.smcs.seats": c.seats, "legacy.smcs.customers": c.cust, "legacy.cloudPlatform.azureUSD": c.azure}
			pr := evalProgram(t, e, &score.Profile{AsOf: c.date, Facts: f}, legacy)
			if pr.Version != c.version || strings.Join(pr.Qualified, ",") != c.qualified {
				t.Errorf("version %s qualified %v, want %s %q", pr.Version, pr.Qualified, c.version, c.qualified)
			}
			if len(pr.Timeline) != 1 || pr.Timeline[0].Status != c.status {
				t.Errorf("timeline %+v, want status %s", pr.Timeline, c.status)
			}
			if len(pr.Levels.NotModelled) == 0 {
				t.Error("the competencies not modelled are not listed")
			}
		})
	}
	// After the end of use, no version is in force.
	if _, err := e.Resolve(&score.Profile{AsOf: "2023-10-01", Programs: []string{legacy}}); err == nil {
		t.Error("legacy competencies in force on 2023-10-01")
	}
}

func TestTransition2022(t *testing.T) {
	e := modelEngine(t)
	const id = "microsoft-partner-program-transition-2022"
	cases := []struct{ date, legacy, sp, next string }{
		{"2022-09-30", "open", "not-yet", "2022-10-01"}, // last day of renewal
		{"2022-10-01", "use-only", "not-yet", "2023-10-01"},
		{"2022-10-02", "use-only", "not-yet", "2023-10-01"}, // the day before designations
		{"2022-10-03", "use-only", "available", "2023-10-01"},
		{"2023-09-30", "use-only", "available", "2023-10-01"}, // last day of use
		{"2023-10-01", "ended", "available", ""},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			pr := evalProgram(t, e, &score.Profile{AsOf: c.date, Programs: []string{id}, Lang: "fr"}, id)
			st := map[string]score.TimelineResult{}
			for _, tr := range pr.Timeline {
				st[tr.ID] = tr
			}
			if st["legacy-competencies"].Status != c.legacy || st["solutions-partner"].Status != c.sp || st["legacy-competencies"].Next != c.next {
				t.Errorf("legacy %s (next %s), solutions partner %s; want %s (%s), %s", st["legacy-competencies"].Status, st["legacy-competencies"].Next,
					st["solutions-partner"].Status, c.legacy, c.next, c.sp)
			}
			if !strings.Contains(st["legacy-competencies"].Explanation, "depuis le") {
				t.Errorf("French explanation: %q", st["legacy-competencies"].Explanation)
			}
		})
	}
}

// calc evaluates a calculator program and returns it.
func calc(t *testing.T, e *score.Engine, id, date string, params map[string]float64) *score.CalculatorResult {
	t.Helper()
	return evalProgram(t, e, &score.Profile{AsOf: date, Programs: []string{id}, Parameters: params}, id).Calculator
}

func column(t *testing.T, tr *score.TableResult, id string) []float64 {
	t.Helper()
	for j, c := range tr.Columns {
		if c.ID == id {
			out := make([]float64, len(tr.Rows))
			for i, row := range tr.Rows {
				out[i] = row[j]
			}
			return out
		}
	}
	t.Fatalf("no column %s", id)
	return nil
}

func sameNums(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !near(a[i], b[i], 1e-9) {
			return false
		}
	}
	return true
}

func figure(c *score.CalculatorResult, id string) float64 {
	for _, f := range c.Figures {
		if f.ID == id {
			return f.Value
		}
	}
	return -1
}

func TestEconomicsBPOS(t *testing.T) {
	e := modelEngine(t)
	// 100 seats × USD 10 × 12 months = USD 12,000 of revenue a year.
	// Year 1: 12% × 12,000 = 1,440 initial + 6% × 12,000 = 720 recurring = 2,160 (18%).
	// Years 2 and 3: 720 each. Cumulative 2,160, 2,880, 3,600; 3,600 / 36,000 = 10%.
	c := calc(t, e, "microsoft-bpos-partner-fees", "2010-01-01", map[string]float64{"bpos.seats": 100, "bpos.pricePerUserMonth": 10})
	tb := &c.Tables[0]
	if got := column(t, tb, "fee"); !sameNums(got, []float64{2160, 720, 720}) {
		t.Errorf("fees %v", got)
	}
	if got := column(t, tb, "cumulative"); !sameNums(got, []float64{2160, 2880, 3600}) {
		t.Errorf("cumulative %v", got)
	}
	if figure(c, "total") != 3600 || figure(c, "shareOfRevenue") != 10 {
		t.Errorf("figures %+v", c.Figures)
	}
	// Defaults: 50 seats × USD 3 (Deskless Worker Suite) × 12 = 1,800 a year; year 1
	// 216 + 108 = 324, then 108 a year; five years: 324 + 4 × 108 = 756.
	c = calc(t, e, "microsoft-bpos-partner-fees", "2009-01-01", map[string]float64{"bpos.years": 5})
	if got := column(t, &c.Tables[0], "fee"); !sameNums(got, []float64{324, 108, 108, 108, 108}) || figure(c, "total") != 756 {
		t.Errorf("default fees %v total %v", got, figure(c, "total"))
	}
	for _, d := range []string{"2008-12-31", "2011-07-01"} {
		if _, err := e.Resolve(&score.Profile{AsOf: d, Programs: []string{"microsoft-bpos-partner-fees"}}); err == nil {
			t.Errorf("BPOS fees in force on %s", d)
		}
	}
}

func TestEconomicsNCE(t *testing.T) {
	e := modelEngine(t)
	// 25 seats × USD 10 = 250 a month on an annual term, 12 months owed: 3,000.
	// Monthly term: 250 × 1.2 = 300 a month. All year: 3,600 (600 more, 20%).
	// Needed 9 months: 9 × 300 = 2,700, cheaper than 3,000; break-even 12 / 1.2 = 10 months.
	c := calc(t, e, "microsoft-nce-term-comparison", "2022-03-10", nil)
	if figure(c, "annualTotal") != 3000 || figure(c, "monthlyTotal") != 3600 || figure(c, "breakEvenMonths") != 10 {
		t.Errorf("all year: %+v", c.Figures)
	}
	c = calc(t, e, "microsoft-nce-term-comparison", "2026-01-01", map[string]float64{"nce.monthsNeeded": 9})
	if figure(c, "monthlyTotal") != 2700 {
		t.Errorf("9 months: %+v", c.Figures)
	}
	if got := column(t, &c.Tables[0], "monthlyExtra"); !sameNums(got[8:], []float64{450, 200, -50, -300}) {
		t.Errorf("monthly minus annual from month 9: %v", got[8:])
	}
	c = calc(t, e, "microsoft-nce-term-comparison", "2026-01-01", map[string]float64{"nce.monthsNeeded": 10})
	if figure(c, "monthlyTotal") != 3000 || figure(c, "annualTotal") != 3000 {
		t.Errorf("10 months cost the same: %+v", c.Figures)
	}
	// So the break-even figure is named for what it is: the months at which both terms cost
	// the same, the annual term cheaper only beyond (it read "from which the annual term is
	// cheaper", which 10 months is not).
	for _, f := range c.Figures {
		if f.ID == "breakEvenMonths" && f.Name != "Months of use at which both terms cost the same (beyond, the annual term is cheaper)" {
			t.Errorf("break-even named %q", f.Name)
		}
	}
	if _, err := e.Resolve(&score.Profile{AsOf: "2022-03-09", Programs: []string{"microsoft-nce-term-comparison"}}); err == nil {
		t.Error("NCE in force on 2022-03-09")
	}
}

func TestEconomicsAdvisorCashFlow(t *testing.T) {
	e := modelEngine(t)
	// 50 users × USD 8 = 400 a month. Advisor: 4,800 paid in month 1. CSP, billed a month
	// after use: 400 in months 2 to 13. Cash kept with CSP: 4,800, 4,400, …, 400, 0;
	// its average over the 13 months: (4,800 + 4,400 + … + 0) / 13 = 31,200 / 13 = 2,400.
	c := calc(t, e, "microsoft-csp-advisor-cash-flow", "2016-01-01", nil)
	tb := &c.Tables[0]
	if len(tb.Rows) != 13 {
		t.Fatalf("%d months", len(tb.Rows))
	}
	adv, csp := column(t, tb, "advisor"), column(t, tb, "csp")
	if adv[0] != 4800 || adv[1] != 0 || csp[0] != 0 || csp[1] != 400 || csp[12] != 400 {
		t.Errorf("advisor %v csp %v", adv, csp)
	}
	if got := column(t, tb, "cashKept"); got[0] != 4800 || got[6] != 2400 || got[12] != 0 {
		t.Errorf("cash kept %v", got)
	}
	if figure(c, "yearCost") != 4800 || figure(c, "averageCashKept") != 2400 {
		t.Errorf("figures %+v", c.Figures)
	}
	// The payments' columns have a total; the running balance does not (its sum, 31,200, is
	// not an amount of cash kept), though the average reads it.
	for j, col := range tb.Columns {
		want := map[string]float64{"advisor": 4800, "csp": 4800}
		w, total := want[col.ID]
		if col.Total != total || tb.Totals[j] != w {
			t.Errorf("column %s: total %v %v, want %v %v", col.ID, col.Total, tb.Totals[j], total, w)
		}
	}
	// Billed in the month of use (lag 0): 12 rows, the CSP customer pays 400 from month 1.
	c = calc(t, e, "microsoft-csp-advisor-cash-flow", "2016-01-01", map[string]float64{"cashflow.billingLagMonths": 0})
	if got := column(t, &c.Tables[0], "csp"); len(got) != 12 || got[0] != 400 {
		t.Errorf("lag 0: %v", got)
	}
}

func TestParameterErrors(t *testing.T) {
	e := modelEngine(t)
	for _, c := range []struct {
		json, path, code string
	}{
		{`{"asOf":"2023-01-01","programs":["microsoft-nce-term-comparison"],"parameters":{"nce.seat":3}}`, "/parameters/nce.seat", score.CodeUnknown},
		{`{"asOf":"2023-01-01","programs":["microsoft-nce-term-comparison"],"parameters":{"nce.seats":2.5}}`, "/parameters/nce.seats", score.CodeInteger},
		{`{"asOf":"2023-01-01","parameters":{"nce.monthsNeeded":13}}`, "/parameters/nce.monthsNeeded", score.CodeRange},
		{`{"asOf":"2023-01-01","parameters":{"nce.seats":"3"}}`, "/parameters/nce.seats", score.CodeType},
	} {
		_, err := e.EvaluateJSON([]byte(c.json))
		var errs score.Errors
		if err == nil || !asErrors(err, &errs) || errs[0].Path != c.path || errs[0].Code != c.code {
			t.Errorf("%s: error %v, want %s at %s", c.json, err, c.code, c.path)
		}
	}
	// A parameter of a program not evaluated is flagged.
	out, err := e.EvaluateJSON([]byte(`{"asOf":"2023-01-01","programs":["microsoft-nce-term-comparison"],"parameters":{"bpos.seats":3}}`))
	if err != nil || !strings.Contains(string(out), `"code":"parameter-unused"`) {
		t.Errorf("unused parameter: %v %s", err, out)
	}
}

func asErrors(err error, out *score.Errors) bool {
	es, ok := err.(score.Errors)
	*out = es
	return ok && len(es) > 0
}

// Rule data for the models is checked when the engine is built.
func TestModelDataErrors(t *testing.T) {
	base, err := rulesFS()
	if err != nil {
		t.Fatal(err)
	}
	prog := func(body string) string {
		return `{"id":"x","name":{"en":"X","fr":"X"},"version":"1","effectiveFrom":"2020-01-01","verifiedOn":"2020-01-01",
"sources":[{"id":"s","title":"S","url":"https://example.org","retrieved":"2020-01-01"}],"facts":[` +
			`{"id":"x.f","label":{"en":"F","fr":"F"},"help":{"en":"","fr":""},"unit":"usd","min":0,"max":10,"source":"s"}],` + body + `}`
	}
	for _, c := range []struct{ name, body, want string }{
		{"unknown model", `"model":"nope"`, "unknown model"},
		{"levels without levels", `"model":"levels"`, "needs levels"},
		{"bad formula", `"model":"calculator","calculator":{"tables":[{"id":"t","name":{"en":"T","fr":"T"},"period":"year","rows":"3","source":"s","columns":[{"id":"a","name":{"en":"A","fr":"A"},"unit":"usd","formula":"b + 1"}]}]}`, "unknown name"},
		{"column reads a column to its right", `"model":"calculator","calculator":{"tables":[{"id":"t","name":{"en":"T","fr":"T"},"period":"year","rows":"3","source":"s","columns":[{"id":"a","name":{"en":"A","fr":"A"},"unit":"usd","formula":"b"},{"id":"b","name":{"en":"B","fr":"B"},"unit":"usd","formula":"1"}]}]}`, "unknown name"},
		{"figure reads an unknown column", `"model":"calculator","calculator":{"tables":[{"id":"t","name":{"en":"T","fr":"T"},"period":"year","rows":"3","source":"s","columns":[{"id":"a","name":{"en":"A","fr":"A"},"unit":"usd","formula":"1"}]}],"figures":[{"id":"f","name":{"en":"F","fr":"F"},"unit":"usd","formula":"t.b","source":"s"}]}`, "unknown name"},
		{"unknown program dependency", `"model":"levels","levels":{"levels":[{"id":"l","name":{"en":"L","fr":"L"},"source":"s","requirements":[{"id":"r","name":{"en":"R","fr":"R"},"kind":"program","program":"nope","atLeast":1,"source":"s"}]}]}`, "unknown program"},
		{"level names a later level", `"model":"levels","levels":{"levels":[{"id":"l","name":{"en":"L","fr":"L"},"source":"s","requirements":[{"id":"r","name":{"en":"R","fr":"R"},"kind":"level","level":"m","source":"s"}]},{"id":"m","name":{"en":"M","fr":"M"},"source":"s","requirements":[{"id":"r","name":{"en":"R","fr":"R"},"kind":"fact","fact":"x.f","atLeast":1,"source":"s"}]}]}`, "earlier level"},
		{"timeline gap", `"model":"timeline","timeline":[{"id":"t","name":{"en":"T","fr":"T"},"source":"s","periods":[{"id":"a","name":{"en":"A","fr":"A"},"from":"2020-01-01","to":"2020-01-31"},{"id":"b","name":{"en":"B","fr":"B"},"from":"2020-02-02"}]}]`, "without gap"},
		{"default outside bounds", `"model":"timeline","parameters":[{"id":"x.p","label":{"en":"P","fr":"P"},"help":{"en":"","fr":""},"unit":"usd","min":0,"max":1,"default":2,"assumption":true}],"timeline":[{"id":"t","name":{"en":"T","fr":"T"},"source":"s","periods":[{"id":"a","name":{"en":"A","fr":"A"},"from":"2020-01-01"}]}]`, "min ≤ default ≤ max"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys["rules/x/1.json"] = &fstest.MapFile{Data: []byte(prog(c.body))}
			_, err := score.NewFromFS(fsys, "rules")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("NewFromFS: %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// The JSON of a model result is valid JSON and says the model.
func TestModelJSON(t *testing.T) {
	e := modelEngine(t)
	for _, p := range []string{
		`{"asOf":"2021-01-01","programs":["vmware-partner-connect"],"people":[{"certifications":["VCP-DCV"]}]}`,
		`{"asOf":"2026-06-01","programs":["microsoft-cloud-solution-provider"],"lang":"fr"}`,
		`{"asOf":"2022-10-03","programs":["microsoft-partner-program-transition-2022","microsoft-partner-network-competencies"]}`,
		`{"asOf":"2023-01-01","programs":["microsoft-nce-term-comparison","microsoft-csp-advisor-cash-flow"]}`,
	} {
		out, err := e.EvaluateJSON([]byte(p))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var v struct {
			Programs []struct {
				Model string `json:"model"`
			} `json:"programs"`
		}
		if err := json.Unmarshal(out, &v); err != nil || len(v.Programs) == 0 || v.Programs[0].Model == "" {
			t.Errorf("%s: %v %s", p, err, out)
		}
	}
}

// rulesFS copies the embedded rule data's files (read from the source tree) into a map.
func rulesFS() (fstest.MapFS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("."), "rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	return out, err
}

// TestRequirementSentences: a requirement's explanation names what the result gives by id
// (the parameter, the competencies earned, the other program and its areas), a level
// requirement says reached or not, and the French does not make "requis" agree with a unit
// of either gender.
func TestRequirementSentences(t *testing.T) {
	e := modelEngine(t)
	vm := &score.Profile{AsOf: "2021-06-01", Programs: []string{vmware},
		People:     people("VCP-DCV,VCAP-DCV", "VCP-DCV", "VSP-DCV", "VTSP-DCV,VCP-DCV", "VCAP-DCV"),
		Facts:      map[string]float64{"vmware.contractSigned": 1, "vmware.deployments": 6},
		Parameters: map[string]float64{"vmware.advanced.deployments": 5}}
	csp := &score.Profile{AsOf: "2026-06-01", Programs: []string{"microsoft-cloud-solution-provider"},
		Certifications: map[string]int{"MS-700": 4, "MS-102": 2},
		Facts: map[string]float64{"csp.revenueTTM": 1200000, "mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 1000,
			"mw.ent.deployments.cpor": 5}}
	cases := []struct {
		lang, program, level, req string
		want                      string
	}{
		{"en", vmware, "partner", "solution-competencies",
			"Solution competencies: 1 competency earned (Solution competency: Data Center Virtualization), at least 1 competency required; met. " +
				"The threshold is the parameter “Solution competencies for Partner” (vmware.partner.solutionCompetencies), whose default no source gives (an assumption)."},
		{"fr", vmware, "partner", "solution-competencies",
			"Compétences solutions : 1 compétence obtenue (Compétence solution : Virtualisation du datacenter), pour un minimum de 1 compétence ; rempli. " +
				"Le seuil est le paramètre « Compétences solutions pour Partner » (vmware.partner.solutionCompetencies), dont la valeur par défaut n'est donnée par aucune source (hypothèse)."},
		{"en", vmware, "principal", "advanced", "Advanced Partner level: reached; met. Not confirmed by a source (an assumption)."},
		{"fr", vmware, "principal", "advanced", "Niveau Advanced Partner : atteint ; rempli. Non confirmé par une source (hypothèse)."},
		{"en", vmware, "principal", "master-services",
			"Master Services Competencies: 0 competencies earned, at least 1 competency required; not met, 1 competency missing. " +
				"The threshold is the parameter “Master Services Competencies for Principal Partner” (vmware.principal.masterServicesCompetencies), whose default no source gives (an assumption)."},
		{"fr", vmware, "principal", "master-services",
			"Compétences services master : 0 compétence obtenue, pour un minimum de 1 compétence ; non rempli, il manque 1 compétence. " +
				"Le seuil est le paramètre « Compétences services master pour Principal Partner » (vmware.principal.masterServicesCompetencies), dont la valeur par défaut n'est donnée par aucune source (hypothèse)."},
		{"en", "microsoft-cloud-solution-provider", "direct-bill", "solutions-partner",
			"At least one Solutions Partner designation: 1 in the result of Microsoft AI Cloud Partner Program: Solutions Partner designations, rules fy26 (Modern Work), at least 1 required; met."},
		{"fr", "microsoft-cloud-solution-provider", "direct-bill", "solutions-partner",
			"Au moins une désignation Solutions Partner : 1 dans le résultat de Microsoft AI Cloud Partner Program : désignations Solutions Partner, règles fy26 (Modern Work (travail moderne)), pour un minimum de 1 ; rempli."},
	}
	for _, c := range cases {
		p := *csp
		if c.program == vmware {
			p = *vm
		}
		p.Lang = c.lang
		l := level(t, evalProgram(t, e, &p, c.program), c.level)
		found := false
		for _, r := range l.Requirements {
			if r.ID == c.req {
				found = true
				if r.Explanation != c.want {
					t.Errorf("%s %s/%s:\n got %s\nwant %s", c.lang, c.level, c.req, r.Explanation, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: level %s has no requirement %s", c.program, c.level, c.req)
		}
	}
}

// TestLevelRequirementsNameTheirLevel: the explanation of a requirement of kind level says
// only "reached" or "not reached" after the requirement's name, so that name must name the
// level, in both languages.
func TestLevelRequirementsNameTheirLevel(t *testing.T) {
	seen := 0
	var walk func(p *score.Program, names map[string]score.Text, rs []score.Requirement)
	walk = func(p *score.Program, names map[string]score.Text, rs []score.Requirement) {
		for _, r := range rs {
			walk(p, names, r.Any)
			if r.Kind != "level" {
				continue
			}
			seen++
			l := names[r.Level]
			if l.En == "" || !strings.Contains(r.Name.En, l.En) || !strings.Contains(r.Name.Fr, l.Fr) {
				t.Errorf("%s %s: requirement %s (%q, %q) does not name level %s (%q, %q)",
					p.ID, p.Version, r.ID, r.Name.En, r.Name.Fr, r.Level, l.En, l.Fr)
			}
		}
	}
	for _, p := range modelEngine(t).Programs() {
		if p.Levels == nil {
			continue
		}
		names := map[string]score.Text{}
		for _, l := range p.Levels.Levels {
			names[l.ID] = l.Name
		}
		for _, l := range p.Levels.Levels {
			walk(p, names, l.Requirements)
		}
		for _, c := range p.Levels.Competencies {
			walk(p, names, c.Requirements)
		}
	}
	if seen == 0 {
		t.Error("no requirement of kind level in the built-in rules")
	}
}

// TestNotModelledInBothLanguages: what a program of levels does not encode is named, and
// its reason given, in English and in French in the data, and a result gives them in the
// profile's language.
func TestNotModelledInBothLanguages(t *testing.T) {
	e := modelEngine(t)
	seen := 0
	for _, p := range e.Programs() {
		if p.Levels == nil {
			continue
		}
		for _, n := range p.Levels.NotModelled {
			seen++
			if n.Name.En == "" || n.Name.Fr == "" || n.Reason.En == "" || n.Reason.Fr == "" {
				t.Errorf("%s/%s: not modelled %+v lacks a language", p.ID, p.Version, n)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no program lists what it does not model")
	}
	for _, c := range []struct{ lang, name, reason string }{
		{"en", "Tier credits", "Transaction value × multipliers; no thresholds were published."},
		{"fr", "Crédits de niveau", "Valeur des transactions × multiplicateurs ; aucun seuil n'a été publié."},
	} {
		pr := evalProgram(t, e, &score.Profile{AsOf: "2021-06-01", Lang: c.lang, Programs: []string{"vmware-partner-connect"}}, "vmware-partner-connect")
		found := false
		for _, n := range pr.Levels.NotModelled {
			if n.Name == c.name {
				found = true
				if n.Reason != c.reason {
					t.Errorf("%s: %q's reason %q, want %q", c.lang, n.Name, n.Reason, c.reason)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %q among %+v", c.lang, c.name, pr.Levels.NotModelled)
		}
	}
}
