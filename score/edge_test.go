package score_test

// Edge cases: every threshold, cap, gate and prerequisite just below, at and above its
// bound; qualification; counting people; certification dates; rule dates.

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// edgeCase is one metric on a forced track, with the points and what bound them.
type edgeCase struct {
	name     string
	area     string
	track    string
	metric   string
	people   []score.Person
	shortcut map[string]int
	facts    map[string]float64
	want     float64
	applied  string // threshold, cap, gate or prerequisite; "" to skip
}

func runEdgeCases(t *testing.T, cases []edgeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &score.Profile{AsOf: asOf, People: c.people, Certifications: c.shortcut, Facts: c.facts,
				Tracks: map[string]string{c.area: c.track}}
			r := evaluate(t, c.name, p)
			ar := findArea(t, c.name, r, c.area)
			m := findMetric(t, c.name, ar, c.metric)
			if !near(m.Points, c.want, exact) {
				t.Errorf("%s: Evaluate: %s/%s/%s = %.6f, want %.6f; %s", c.name, c.area, c.track, c.metric, m.Points, c.want, m.Explain("en"))
			}
			if c.applied != "" && m.Applied != c.applied {
				t.Errorf("%s: Evaluate: %s/%s/%s applied %q, want %q; %s", c.name, c.area, c.track, c.metric, m.Applied, c.applied, m.Explain("en"))
			}
		})
	}
}

func TestEdgeThresholdsAndCaps(t *testing.T) {
	const th, cp = score.AppliedThreshold, score.AppliedCap
	f := func(kv ...any) map[string]float64 {
		m := map[string]float64{}
		for i := 0; i < len(kv); i += 2 {
			switch v := kv[i+1].(type) {
			case int:
				m[kv[i].(string)] = float64(v)
			case float64:
				m[kv[i].(string)] = v
			}
		}
		return m
	}
	runEdgeCases(t, []edgeCase{
		// Modern Work Enterprise net adds: 4 each, max 20 at 5.
		{name: "mw ent net adds 4", area: "modern-work", track: "enterprise", metric: "net-customer-adds", facts: f("mw.ent.netCustomerAdds", 4), want: 16, applied: th},
		{name: "mw ent net adds 5", area: "modern-work", track: "enterprise", metric: "net-customer-adds", facts: f("mw.ent.netCustomerAdds", 5), want: 20, applied: cp},
		{name: "mw ent net adds 6", area: "modern-work", track: "enterprise", metric: "net-customer-adds", facts: f("mw.ent.netCustomerAdds", 6), want: 20, applied: cp},
		// Modern Work SMB net adds: 2 each, max 20 at 10.
		{name: "mw smb net adds 9", area: "modern-work", track: "smb", metric: "net-customer-adds", facts: f("mw.smb.netCustomerAdds", 9), want: 18, applied: th},
		{name: "mw smb net adds 10", area: "modern-work", track: "smb", metric: "net-customer-adds", facts: f("mw.smb.netCustomerAdds", 10), want: 20, applied: cp},
		{name: "mw smb net adds 11", area: "modern-work", track: "smb", metric: "net-customer-adds", facts: f("mw.smb.netCustomerAdds", 11), want: 20, applied: cp},
		// Modern Work Enterprise usage growth, CPOR: max 30 at 1,000 users (linear).
		{name: "mw ent usage cpor 999", area: "modern-work", track: "enterprise", metric: "usage-growth", facts: f("mw.ent.usageGrowth.cpor", 999), want: 29.97, applied: th},
		{name: "mw ent usage cpor 1000", area: "modern-work", track: "enterprise", metric: "usage-growth", facts: f("mw.ent.usageGrowth.cpor", 1000), want: 30, applied: cp},
		{name: "mw ent usage cpor 1001", area: "modern-work", track: "enterprise", metric: "usage-growth", facts: f("mw.ent.usageGrowth.cpor", 1001), want: 30, applied: cp},
		// DPOR: max 30 at 4,000.
		{name: "mw ent usage dpor 3999", area: "modern-work", track: "enterprise", metric: "usage-growth", facts: f("mw.ent.usageGrowth.dpor", 3999), want: 3999 * 30.0 / 4000, applied: th},
		{name: "mw ent usage dpor 4000", area: "modern-work", track: "enterprise", metric: "usage-growth", facts: f("mw.ent.usageGrowth.dpor", 4000), want: 30, applied: cp},
		// SMB CSP: max 30 at 2,000; CPOR 500.
		{name: "mw smb usage csp 1999", area: "modern-work", track: "smb", metric: "usage-growth", facts: f("mw.smb.usageGrowth.csp", 1999), want: 1999 * 30.0 / 2000, applied: th},
		{name: "mw smb usage csp 2000", area: "modern-work", track: "smb", metric: "usage-growth", facts: f("mw.smb.usageGrowth.csp", 2000), want: 30, applied: cp},
		{name: "mw smb usage cpor 499", area: "modern-work", track: "smb", metric: "usage-growth", facts: f("mw.smb.usageGrowth.cpor", 499), want: 499 * 30.0 / 500, applied: th},
		{name: "mw smb usage cpor 500", area: "modern-work", track: "smb", metric: "usage-growth", facts: f("mw.smb.usageGrowth.cpor", 500), want: 30, applied: cp},
		// Deployments: CPOR 5 each (max 25 at 5), DPOR/CSP 2.5 each (max at 10).
		{name: "mw ent deployments cpor 4", area: "modern-work", track: "enterprise", metric: "deployments", facts: f("mw.ent.deployments.cpor", 4), want: 20, applied: th},
		{name: "mw ent deployments cpor 5", area: "modern-work", track: "enterprise", metric: "deployments", facts: f("mw.ent.deployments.cpor", 5), want: 25, applied: cp},
		{name: "mw ent deployments dpor 9", area: "modern-work", track: "enterprise", metric: "deployments", facts: f("mw.ent.deployments.dpor", 9), want: 22.5, applied: th},
		{name: "mw ent deployments dpor 10", area: "modern-work", track: "enterprise", metric: "deployments", facts: f("mw.ent.deployments.dpor", 10), want: 25, applied: cp},
		{name: "mw smb deployments csp 11", area: "modern-work", track: "smb", metric: "deployments", facts: f("mw.smb.deployments.csp", 11), want: 25, applied: cp},
		// Modern Work skilling: Enterprise 4 / 2 people, SMB 2 / 1.
		{name: "mw ent intermediate 3", area: "modern-work", track: "enterprise", metric: "intermediate-certifications", people: holders(3, "MS-700"), want: 7.5, applied: th},
		{name: "mw ent intermediate 4", area: "modern-work", track: "enterprise", metric: "intermediate-certifications", people: holders(4, "MS-700"), want: 10, applied: cp},
		{name: "mw ent intermediate 5", area: "modern-work", track: "enterprise", metric: "intermediate-certifications", people: holders(5, "MS-700"), want: 10, applied: cp},
		{name: "mw ent advanced 1", area: "modern-work", track: "enterprise", metric: "advanced-certifications", people: holders(1, "MS-102"), want: 7.5, applied: th},
		{name: "mw ent advanced 2", area: "modern-work", track: "enterprise", metric: "advanced-certifications", people: holders(2, "MS-102"), want: 15, applied: cp},
		{name: "mw smb intermediate 1", area: "modern-work", track: "smb", metric: "intermediate-certifications", people: holders(1, "MD-102"), want: 5, applied: th},
		{name: "mw smb intermediate 2", area: "modern-work", track: "smb", metric: "intermediate-certifications", people: holders(2, "MD-102"), want: 10, applied: cp},
		{name: "mw smb advanced 0", area: "modern-work", track: "smb", metric: "advanced-certifications", want: 0, applied: th},
		{name: "mw smb advanced 1", area: "modern-work", track: "smb", metric: "advanced-certifications", people: holders(1, "MS-102"), want: 15, applied: cp},
		{name: "mw smb advanced 2", area: "modern-work", track: "smb", metric: "advanced-certifications", people: holders(2, "MS-102"), want: 15, applied: cp},
		// Azure: net adds 10 each (max 30 at 3), usage growth 1 per % (max 20), deployments 2 each (max 10 at 5).
		{name: "azure ent net adds 2", area: "data-ai", track: "enterprise", metric: "net-customer-adds", facts: f("azure.ent.netCustomerAdds", 2), want: 20, applied: th},
		{name: "azure ent net adds 3", area: "data-ai", track: "enterprise", metric: "net-customer-adds", facts: f("azure.ent.netCustomerAdds", 3), want: 30, applied: cp},
		{name: "azure ent net adds 4", area: "data-ai", track: "enterprise", metric: "net-customer-adds", facts: f("azure.ent.netCustomerAdds", 4), want: 30, applied: cp},
		{name: "azure smb net adds 3", area: "infrastructure", track: "smb", metric: "net-customer-adds", facts: f("azure.smb.netCustomerAdds", 3), want: 30, applied: cp},
		{name: "azure usage 19.5", area: "data-ai", track: "enterprise", metric: "usage-growth", facts: f("azure.usageGrowth", 19.5, "azure.acrTtm", 5000), want: 19.5, applied: th},
		{name: "azure usage 20", area: "data-ai", track: "enterprise", metric: "usage-growth", facts: f("azure.usageGrowth", 20, "azure.acrTtm", 5000), want: 20, applied: cp},
		{name: "azure usage 20.5", area: "data-ai", track: "enterprise", metric: "usage-growth", facts: f("azure.usageGrowth", 20.5, "azure.acrTtm", 5000), want: 20, applied: cp},
		{name: "azure deployments 4", area: "infrastructure", track: "enterprise", metric: "deployments", facts: f("azure.deployments", 4), want: 8, applied: th},
		{name: "azure deployments 5", area: "infrastructure", track: "enterprise", metric: "deployments", facts: f("azure.deployments", 5), want: 10, applied: cp},
		{name: "azure deployments 6", area: "infrastructure", track: "enterprise", metric: "deployments", facts: f("azure.deployments", 6), want: 10, applied: cp},
		// Azure skilling caps include the gate points (§1.9b): Data & AI SMB 4 + 4 + 8 × 4 = 40.
		{name: "data-ai smb skilling 1+1+7", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(1, "AZ-305"), holders(7, "DP-300")), want: 36, applied: th},
		{name: "data-ai smb skilling 1+1+8", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(1, "AZ-305"), holders(8, "DP-300")), want: 40, applied: cp},
		{name: "data-ai smb skilling 1+1+9", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(1, "AZ-305"), holders(9, "DP-300")), want: 40, applied: cp},
		{name: "data-ai ent skilling 10 scorers", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-104"), holders(2, "AZ-305"), holders(10, "DP-300")), want: 40, applied: cp},
		{name: "data-ai ent skilling 11 scorers", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-104"), holders(2, "AZ-305"), holders(11, "DP-300")), want: 40, applied: cp},
		{name: "infra smb advanced 1+4", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: team(holders(1, "AZ-305"), holders(4, "AZ-120")), want: 20, applied: cp},
		{name: "infra smb advanced 1+3", area: "infrastructure", track: "smb", metric: "advanced-certifications",
			people: team(holders(1, "AZ-305"), holders(3, "AZ-120")), want: 16, applied: th},
		// Business Applications: intermediate Ent 1 each (max 20 at 20), SMB 4 each (max at 5);
		// advanced Ent 15/7 each (max at 7), SMB 7.5 (max at 2); net adds 3 each (max 15 at 5);
		// deployments 4 each (max 20 at 5).
		{name: "ba ent intermediate 19", area: "business-applications", track: "enterprise", metric: "intermediate-certifications", people: holders(19, "PL-300"), want: 19, applied: th},
		{name: "ba ent intermediate 20", area: "business-applications", track: "enterprise", metric: "intermediate-certifications", people: holders(20, "PL-300"), want: 20, applied: cp},
		{name: "ba ent intermediate 21", area: "business-applications", track: "enterprise", metric: "intermediate-certifications", people: holders(21, "PL-300"), want: 20, applied: cp},
		{name: "ba ent advanced 6", area: "business-applications", track: "enterprise", metric: "advanced-certifications", people: holders(6, "MB-820"), want: 90.0 / 7, applied: th},
		{name: "ba ent advanced 7", area: "business-applications", track: "enterprise", metric: "advanced-certifications", people: holders(7, "MB-820"), want: 15, applied: cp},
		{name: "ba ent advanced 8", area: "business-applications", track: "enterprise", metric: "advanced-certifications", people: holders(8, "MB-820"), want: 15, applied: cp},
		{name: "ba smb intermediate 4", area: "business-applications", track: "smb", metric: "intermediate-certifications", people: holders(4, "MB-800"), want: 16, applied: th},
		{name: "ba smb intermediate 5", area: "business-applications", track: "smb", metric: "intermediate-certifications", people: holders(5, "MB-800"), want: 20, applied: cp},
		{name: "ba smb advanced 1", area: "business-applications", track: "smb", metric: "advanced-certifications", people: holders(1, "AB-100"), want: 7.5, applied: th},
		{name: "ba smb advanced 2", area: "business-applications", track: "smb", metric: "advanced-certifications", people: holders(2, "AB-100"), want: 15, applied: cp},
		{name: "ba ent net adds 4", area: "business-applications", track: "enterprise", metric: "net-customer-adds", facts: f("ba.ent.netCustomerAdds", 4), want: 12, applied: th},
		{name: "ba ent net adds 5", area: "business-applications", track: "enterprise", metric: "net-customer-adds", facts: f("ba.ent.netCustomerAdds", 5), want: 15, applied: cp},
		{name: "ba smb deployments 5", area: "business-applications", track: "smb", metric: "deployments", facts: f("ba.smb.deployments", 5), want: 20, applied: cp},
		{name: "ba ent usage 29", area: "business-applications", track: "enterprise", metric: "usage-growth", facts: f("ba.usageGrowth", 29, "ba.mcvBaseline", 50000), want: 29, applied: th},
		{name: "ba ent usage 30", area: "business-applications", track: "enterprise", metric: "usage-growth", facts: f("ba.usageGrowth", 30, "ba.mcvBaseline", 50000), want: 30, applied: cp},
		{name: "ba ent usage 31", area: "business-applications", track: "enterprise", metric: "usage-growth", facts: f("ba.usageGrowth", 31, "ba.mcvBaseline", 50000), want: 30, applied: cp},
		// Security: net adds Ent 2 each (max 20 at 10 adds, Azure + M365), SMB 4 each (at 5).
		{name: "sec ent net adds 5+4", area: "security", track: "enterprise", metric: "net-customer-adds", facts: f("sec.ent.netCustomerAdds.azure", 5, "sec.ent.netCustomerAdds.m365", 4), want: 18, applied: th},
		{name: "sec ent net adds 5+5", area: "security", track: "enterprise", metric: "net-customer-adds", facts: f("sec.ent.netCustomerAdds.azure", 5, "sec.ent.netCustomerAdds.m365", 5), want: 20, applied: cp},
		{name: "sec ent net adds 11+0", area: "security", track: "enterprise", metric: "net-customer-adds", facts: f("sec.ent.netCustomerAdds.azure", 11), want: 20, applied: cp},
		{name: "sec smb net adds 2+2", area: "security", track: "smb", metric: "net-customer-adds", facts: f("sec.smb.netCustomerAdds.azure", 2, "sec.smb.netCustomerAdds.m365", 2), want: 16, applied: th},
		{name: "sec smb net adds 3+2", area: "security", track: "smb", metric: "net-customer-adds", facts: f("sec.smb.netCustomerAdds.azure", 3, "sec.smb.netCustomerAdds.m365", 2), want: 20, applied: cp},
		// Security deployments: linear 20 × n/6 (§1.9d), 6 give exactly 20.
		{name: "sec deployments 5", area: "security", track: "enterprise", metric: "deployments", facts: f("sec.ent.deployments.azure", 5), want: 100.0 / 6, applied: th},
		{name: "sec deployments 6", area: "security", track: "enterprise", metric: "deployments", facts: f("sec.ent.deployments.azure", 6), want: 20, applied: cp},
		{name: "sec deployments 3+3", area: "security", track: "smb", metric: "deployments", facts: f("sec.smb.deployments.azure", 3, "sec.smb.deployments.m365", 3), want: 20, applied: cp},
		{name: "sec deployments 7", area: "security", track: "smb", metric: "deployments", facts: f("sec.smb.deployments.m365", 7), want: 20, applied: cp},
		// Security skilling: Enterprise 40/6 per person → 6 people = 40; SMB 4 + 4 + 4 × 8 = 40.
		{name: "sec ent skilling 5", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-500"), holders(2, "SC-200"), holders(5, "SC-100")), want: 200.0 / 6, applied: th},
		{name: "sec ent skilling 6", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-500"), holders(2, "SC-200"), holders(6, "SC-100")), want: 40, applied: cp},
		{name: "sec smb skilling 3", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(3, "SC-100")), want: 32, applied: th},
		{name: "sec smb skilling 4", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(4, "SC-100")), want: 40, applied: cp},
		{name: "sec smb skilling 5", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(5, "SC-100")), want: 40, applied: cp},
	})
}

func TestEdgeGates(t *testing.T) {
	const gt = score.AppliedGate
	runEdgeCases(t, []edgeCase{
		// Enterprise gates are worth 0 and block the scoring step until met.
		{name: "data-ai ent admin one short", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(2, "AZ-305"), holders(3, "DP-300")), want: 0, applied: gt},
		{name: "data-ai ent admin met", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-104"), holders(2, "AZ-305"), holders(3, "DP-300")), want: 12},
		{name: "data-ai ent architect one short", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-104"), holders(1, "AZ-305"), holders(3, "DP-300")), want: 0, applied: gt},
		{name: "data-ai ent gates met no scorer", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-104"), holders(2, "AZ-305")), want: 0},
		{name: "dai-app ent admin one short", area: "digital-app-innovation", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(3, "PL-400")), want: 0, applied: gt},
		{name: "infra ent architect one short", area: "infrastructure", track: "enterprise", metric: "advanced-certifications",
			people: team(holders(1, "AZ-305"), holders(3, "AZ-140")), want: 0, applied: gt},
		{name: "sec ent soa one short", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(2, "AZ-500"), holders(1, "SC-200"), holders(3, "SC-100")), want: 0, applied: gt},
		{name: "sec ent engineer one short", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: team(holders(1, "SC-500"), holders(2, "SC-200"), holders(3, "SC-100")), want: 0, applied: gt},
		// SMB gates: 4 points each, capped at 4, kept when the other gate misses (§1.9b, §1.11.2).
		{name: "data-ai smb admin only", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(3, "DP-300")), want: 4, applied: gt},
		{name: "data-ai smb architect only", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-305"), holders(3, "DP-300")), want: 4, applied: gt},
		{name: "data-ai smb three admins capped at 4", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: holders(3, "AZ-104"), want: 4, applied: gt},
		{name: "data-ai smb both gates no scorer", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "AZ-104"), holders(1, "AZ-305")), want: 8},
		{name: "infra smb admin alone", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: holders(1, "AZ-104"), want: 4},
		{name: "infra smb no admin", area: "infrastructure", track: "smb", metric: "intermediate-certifications",
			people: holders(4, "AZ-700"), want: 0, applied: gt},
		{name: "sec smb soa only", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "SC-200"), holders(3, "SC-100")), want: 4, applied: gt},
		{name: "sec smb both gates no scorer", area: "security", track: "smb", metric: "intermediate-certifications",
			people: team(holders(1, "SC-500"), holders(1, "SC-200")), want: 8},
	})
}

func TestEdgePrerequisites(t *testing.T) {
	const pr = score.AppliedPrerequisite
	runEdgeCases(t, []edgeCase{
		// Business Applications usage growth: baseline MCV 12 months ago ≥ 50,000 (Ent) / 25,000 (SMB).
		{name: "ba ent baseline 49999", area: "business-applications", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 12, "ba.mcvBaseline": 49999}, want: 0, applied: pr},
		{name: "ba ent baseline 50000", area: "business-applications", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 12, "ba.mcvBaseline": 50000}, want: 12},
		{name: "ba ent baseline 49999.99", area: "business-applications", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 40, "ba.mcvBaseline": 49999.99}, want: 0, applied: pr},
		{name: "ba ent baseline not given", area: "business-applications", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 40}, want: 0, applied: pr},
		{name: "ba smb baseline 24999", area: "business-applications", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 12, "ba.mcvBaseline": 24999}, want: 0, applied: pr},
		{name: "ba smb baseline 25000", area: "business-applications", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 12, "ba.mcvBaseline": 25000}, want: 12},
		{name: "ba smb baseline 25001 capped", area: "business-applications", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": 45, "ba.mcvBaseline": 25001}, want: 30, applied: score.AppliedCap},
		// Azure usage growth: qualifying ACR TTM ≥ $1,000.
		{name: "azure acr 999", area: "data-ai", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"azure.usageGrowth": 15, "azure.acrTtm": 999}, want: 0, applied: pr},
		{name: "azure acr 1000", area: "data-ai", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"azure.usageGrowth": 15, "azure.acrTtm": 1000}, want: 15},
		{name: "azure acr 1001 smb", area: "digital-app-innovation", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"azure.usageGrowth": 15, "azure.acrTtm": 1001}, want: 15},
		{name: "azure acr not given", area: "infrastructure", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"azure.usageGrowth": 15}, want: 0, applied: pr},
	})
}

func TestEdgeSecurityUsageGrowthWholeSteps(t *testing.T) {
	f := func(k string, v float64) map[string]float64 { return map[string]float64{k: v} }
	const ea, em, sa, sm = "sec.ent.usageGrowth.azureAcr", "sec.ent.usageGrowth.m365Users", "sec.smb.usageGrowth.azureAcr", "sec.smb.usageGrowth.m365Users"
	cases := []edgeCase{
		// Enterprise: 1 point per whole $1,250 of security ACR growth, per whole 125 users.
		{name: "ent azure 1249", facts: f(ea, 1249), want: 0},
		{name: "ent azure 1249.99", facts: f(ea, 1249.99), want: 0},
		{name: "ent azure 1250", facts: f(ea, 1250), want: 1},
		{name: "ent azure 2499", facts: f(ea, 2499), want: 1},
		{name: "ent azure 2500", facts: f(ea, 2500), want: 2},
		{name: "ent azure 24999", facts: f(ea, 24999), want: 19},
		{name: "ent azure 25000", facts: f(ea, 25000), want: 20, applied: score.AppliedCap},
		{name: "ent m365 124", facts: f(em, 124), want: 0},
		{name: "ent m365 125", facts: f(em, 125), want: 1},
		{name: "ent m365 251", facts: f(em, 251), want: 2},
		// SMB: per whole $750, per whole 50 users.
		{name: "smb azure 749", track: "smb", facts: f(sa, 749), want: 0},
		{name: "smb azure 750", track: "smb", facts: f(sa, 750), want: 1},
		{name: "smb azure 1500", track: "smb", facts: f(sa, 1500), want: 2},
		{name: "smb m365 49", track: "smb", facts: f(sm, 49), want: 0},
		{name: "smb m365 50", track: "smb", facts: f(sm, 50), want: 1},
		// Azure and M365 points are added, then capped at 20 (§1.11.4).
		{name: "ent azure 10 + m365 9", facts: map[string]float64{ea: 12500, em: 1125}, want: 19, applied: score.AppliedThreshold},
		{name: "ent azure 10 + m365 10", facts: map[string]float64{ea: 12500, em: 1250}, want: 20, applied: score.AppliedCap},
		{name: "ent azure 20 + m365 10", facts: map[string]float64{ea: 25000, em: 1250}, want: 20, applied: score.AppliedCap},
		{name: "smb azure 7 + m365 6", track: "smb", facts: map[string]float64{sa: 5999, sm: 349}, want: 13},
		// A decrease earns nothing (and does not take points from the other part).
		{name: "ent azure negative", facts: map[string]float64{ea: -5000, em: 250}, want: 2},
	}
	for i := range cases {
		cases[i].area, cases[i].metric = "security", "usage-growth"
		if cases[i].track == "" {
			cases[i].track = "enterprise"
		}
	}
	runEdgeCases(t, cases)
}

func TestEdgeNegativeValues(t *testing.T) {
	runEdgeCases(t, []edgeCase{
		{name: "mw ent net adds -3", area: "modern-work", track: "enterprise", metric: "net-customer-adds",
			facts: map[string]float64{"mw.ent.netCustomerAdds": -3}, want: 0},
		{name: "mw smb net adds -1", area: "modern-work", track: "smb", metric: "net-customer-adds",
			facts: map[string]float64{"mw.smb.netCustomerAdds": -1}, want: 0},
		{name: "azure ent net adds -1", area: "data-ai", track: "enterprise", metric: "net-customer-adds",
			facts: map[string]float64{"azure.ent.netCustomerAdds": -1}, want: 0},
		{name: "ba smb net adds -2", area: "business-applications", track: "smb", metric: "net-customer-adds",
			facts: map[string]float64{"ba.smb.netCustomerAdds": -2}, want: 0},
		{name: "ba ent deployments -4", area: "business-applications", track: "enterprise", metric: "deployments",
			facts: map[string]float64{"ba.ent.deployments": -4}, want: 0},
		{name: "azure usage growth -50%", area: "data-ai", track: "smb", metric: "usage-growth",
			facts: map[string]float64{"azure.usageGrowth": -50, "azure.acrTtm": 100000}, want: 0},
		{name: "ba usage growth -10%", area: "business-applications", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"ba.usageGrowth": -10, "ba.mcvBaseline": 100000}, want: 0},
		// Best-of: a negative option does not pull the best one down. DPOR 400/4000 × 30 = 3.
		{name: "mw usage cpor negative dpor positive", area: "modern-work", track: "enterprise", metric: "usage-growth",
			facts: map[string]float64{"mw.ent.usageGrowth.cpor": -100, "mw.ent.usageGrowth.dpor": 400}, want: 3},
		{name: "mw deployments both negative", area: "modern-work", track: "smb", metric: "deployments",
			facts: map[string]float64{"mw.smb.deployments.cpor": -2, "mw.smb.deployments.csp": -7}, want: 0},
		{name: "sec ent net adds both negative", area: "security", track: "enterprise", metric: "net-customer-adds",
			facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -2, "sec.ent.netCustomerAdds.m365": -1}, want: 0},
	})
	// The area with only negative facts: no error, score 0, not qualified.
	r := evaluate(t, "all negative", &score.Profile{AsOf: asOf, Facts: map[string]float64{"mw.ent.netCustomerAdds": -5, "mw.smb.netCustomerAdds": -5}})
	ar := findArea(t, "all negative", r, "modern-work")
	if ar.Score != 0 || ar.Qualified || ar.Shortfall != 70 || ar.ZeroMetrics != 5 {
		t.Errorf("all negative: Evaluate: modern-work score %g qualified %v shortfall %g zero %d, want 0 false 70 5", ar.Score, ar.Qualified, ar.Shortfall, ar.ZeroMetrics)
	}
}

// TestEdgeSecurityNetAddsCombineCounts: Security net customer adds count Azure and M365 adds
// together (§1.9d "Azure and M365 adds are counted together … A total of 10 customer
// additions from Azure security services and Microsoft 365 … are required to earn the
// maximum 20 points"; §1.11.4 "net adds combine counts"; the fy26.json note of the metric:
// "Azure and Microsoft 365 adds are counted together"). A partner that lost 5 Azure
// customers and gained 3 M365 customers has −2 net customer adds: 0 points, not 3 × 2.
func TestEdgeSecurityNetAddsCombineCounts(t *testing.T) {
	runEdgeCases(t, []edgeCase{
		{name: "ent azure -5 m365 +3", area: "security", track: "enterprise", metric: "net-customer-adds",
			facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -5, "sec.ent.netCustomerAdds.m365": 3}, want: 0},
		{name: "ent azure -1 m365 +3", area: "security", track: "enterprise", metric: "net-customer-adds",
			facts: map[string]float64{"sec.ent.netCustomerAdds.azure": -1, "sec.ent.netCustomerAdds.m365": 3}, want: 4},
		{name: "smb azure +4 m365 -2", area: "security", track: "smb", metric: "net-customer-adds",
			facts: map[string]float64{"sec.smb.netCustomerAdds.azure": 4, "sec.smb.netCustomerAdds.m365": -2}, want: 8},
	})
}

func TestEdgeQualification(t *testing.T) {
	mwEnt := func(cpor float64, intermediate int) *score.Profile {
		return &score.Profile{AsOf: asOf,
			People: team(holders(intermediate, "MS-700"), holders(2, "MS-102")),
			Facts:  map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": cpor, "mw.ent.deployments.cpor": 2}}
	}
	cases := []struct {
		name      string
		p         *score.Profile
		wantScore float64
		wantQual  bool
		wantZero  int
		wantShort float64
	}{
		// 20 + 10 + 15 + 15 + 10 = 70 exactly, every metric > 0 → qualified.
		{name: "exactly 70", p: mwEnt(500, 4), wantScore: 70, wantQual: true},
		// 20 + 10 + 15 + 14.97 + 10 = 69.97 → not qualified, 0.03 short.
		{name: "69.97", p: mwEnt(499, 4), wantScore: 69.97, wantQual: false, wantShort: 0.03},
		// 20 + 0 + 15 + 30 + 10 = 75 but intermediate is 0 → not qualified; no shortfall.
		{name: "75 with one metric at 0", p: mwEnt(1000, 0), wantScore: 75, wantQual: false, wantZero: 1},
		// 20 + 2.5 + 15 + 30 + 10 = 77.5, every metric > 0 → qualified.
		{name: "77.5 all positive", p: mwEnt(1000, 1), wantScore: 77.5, wantQual: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := evaluate(t, c.name, c.p)
			ar := findArea(t, c.name, r, "modern-work")
			if ar.Track != "enterprise" || !near(ar.Score, c.wantScore, 1e-9) || ar.Qualified != c.wantQual ||
				ar.ZeroMetrics != c.wantZero || !near(ar.Shortfall, c.wantShort, 1e-9) {
				t.Errorf("%s: Evaluate: modern-work track %s score %.6f qualified %v zero %d shortfall %.6f; want enterprise %.6f %v %d %.6f",
					c.name, ar.Track, ar.Score, ar.Qualified, ar.ZeroMetrics, ar.Shortfall, c.wantScore, c.wantQual, c.wantZero, c.wantShort)
			}
			if ts := trackScore(t, c.name, ar, "enterprise"); ts.Qualified != c.wantQual || !ts.Counts {
				t.Errorf("%s: Evaluate: enterprise track qualified %v counts %v, want %v true", c.name, ts.Qualified, ts.Counts, c.wantQual)
			}
		})
	}

	// A qualifying track wins over a higher, non-qualifying one (fy26.json note on "best").
	//   Enterprise: 0 + 10 + 15 + 30 + 25 = 80 but net adds 0 → not qualified.
	//   SMB:        20 + 10 + 15 + 12 + 15 = 72 → qualified: SMB counts.
	t.Run("qualifying track beats higher score", func(t *testing.T) {
		p := &score.Profile{AsOf: asOf, People: team(holders(4, "MS-700"), holders(2, "MS-102")),
			Facts: map[string]float64{"mw.ent.usageGrowth.cpor": 1000, "mw.ent.deployments.cpor": 5,
				"mw.smb.netCustomerAdds": 10, "mw.smb.usageGrowth.cpor": 200, "mw.smb.deployments.cpor": 3}}
		r := evaluate(t, "qualifying track", p)
		ar := findArea(t, "qualifying track", r, "modern-work")
		ent := trackScore(t, "qualifying track", ar, "enterprise")
		if ar.Track != "smb" || !ar.Qualified || !near(ar.Score, 72, 1e-9) || !near(ent.Score, 80, 1e-9) || ent.Qualified {
			t.Errorf("qualifying track: Evaluate: modern-work track %s score %g qualified %v (enterprise %g %v), want smb 72 true (enterprise 80 false)",
				ar.Track, ar.Score, ar.Qualified, ent.Score, ent.Qualified)
		}
	})

	// Tie: equal scores keep the first listed track (Enterprise).
	t.Run("tie keeps enterprise", func(t *testing.T) {
		// Enterprise net adds 5 × 4 = 20; SMB net adds 10 × 2 = 20; nothing else.
		p := &score.Profile{AsOf: asOf, Facts: map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.smb.netCustomerAdds": 10}}
		ar := findArea(t, "tie", evaluate(t, "tie", p), "modern-work")
		if ar.Track != "enterprise" || ar.Score != 20 {
			t.Errorf("tie: Evaluate: modern-work track %s score %g, want enterprise 20", ar.Track, ar.Score)
		}
	})
}

func TestEdgeTrackSelection(t *testing.T) {
	cases := []struct {
		name  string
		area  string
		facts map[string]float64
		track map[string]string
		want  string
	}{
		{name: "azure share 79.9", area: "data-ai", facts: map[string]float64{"azure.smbCustomerShare": 79.9}, want: "enterprise"},
		{name: "azure share 80", area: "data-ai", facts: map[string]float64{"azure.smbCustomerShare": 80}, want: "smb"},
		{name: "azure share 100", area: "infrastructure", facts: map[string]float64{"azure.smbCustomerShare": 100}, want: "smb"},
		{name: "azure share not given", area: "digital-app-innovation", want: "enterprise"},
		{name: "azure forced smb", area: "data-ai", facts: map[string]float64{"azure.smbCustomerShare": 10}, track: map[string]string{"data-ai": "smb"}, want: "smb"},
		{name: "ba workloads 4", area: "business-applications", facts: map[string]float64{"ba.largeWorkloads": 4}, want: "smb"},
		{name: "ba workloads 5", area: "business-applications", facts: map[string]float64{"ba.largeWorkloads": 5}, want: "enterprise"},
		{name: "ba workloads not given", area: "business-applications", want: "smb"},
		{name: "ba forced smb", area: "business-applications", facts: map[string]float64{"ba.largeWorkloads": 9}, track: map[string]string{"business-applications": "smb"}, want: "smb"},
		{name: "security forced smb", area: "security", track: map[string]string{"security": "smb"}, want: "smb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ar := findArea(t, c.name, evaluate(t, c.name, &score.Profile{AsOf: asOf, Facts: c.facts, Tracks: c.track}), c.area)
			if ar.Track != c.want || len(ar.Tracks) != 1 {
				t.Errorf("%s: Evaluate: %s track %q (%d tracks scored), want %q alone", c.name, c.area, ar.Track, len(ar.Tracks), c.want)
			}
		})
	}
}

func TestEdgePeopleCounting(t *testing.T) {
	runEdgeCases(t, []edgeCase{
		// A person with two certifications of the same step counts once: Teams Admin and
		// Identity & Access Admin are both Modern Work intermediate → 1 × 2.5.
		{name: "two certs one step", area: "modern-work", track: "enterprise", metric: "intermediate-certifications",
			people: holders(1, "MS-700", "SC-300"), want: 2.5},
		// The same certification under three names, and listed twice, is one person.
		{name: "one cert under several names", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: []score.Person{{ID: "ana", Certifications: []string{"AZ-104", "azure-administrator-associate", "Azure Administrator", "az-104"}}}, want: 4},
		// The same person counts in a gate and in the scoring step: 4 (Admin) + 4 (Architect) + 4.
		{name: "gate holder also scores", area: "data-ai", track: "smb", metric: "intermediate-certifications",
			people: holders(1, "AZ-104", "AZ-305", "DP-300"), want: 12},
		{name: "gate holders also score ent", area: "security", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, "AZ-500", "SC-200", "SC-100", "SC-300", "SC-401"), want: 80.0 / 6},
		// A person counts in several metrics: MS-102 is advanced, MS-700 intermediate.
		{name: "one person two metrics (advanced)", area: "modern-work", track: "enterprise", metric: "advanced-certifications",
			people: holders(1, "MS-700", "MS-102"), want: 7.5},
		// Certifications shortcut: each entry's people are distinct.
		{name: "shortcut data-ai ent", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			shortcut: map[string]int{"AZ-104": 2, "AZ-305": 2, "DP-300": 3}, want: 12},
		{name: "shortcut by id and name", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			shortcut: map[string]int{"azure-administrator-associate": 2, "Azure Solutions Architect": 2, "dp-600": 1, "DP-700": 1}, want: 8},
		{name: "shortcut plus people are distinct", area: "modern-work", track: "enterprise", metric: "intermediate-certifications",
			people: holders(1, "MS-700"), shortcut: map[string]int{"MS-700": 1, "SC-300": 1}, want: 7.5},
		{name: "shortcut zero", area: "modern-work", track: "smb", metric: "advanced-certifications",
			shortcut: map[string]int{"MS-102": 0}, want: 0},
		{name: "shortcut gate and people", area: "data-ai", track: "enterprise", metric: "intermediate-certifications",
			people: holders(2, "AZ-104", "AZ-305"), shortcut: map[string]int{"DP-420": 10}, want: 40, applied: score.AppliedCap},
		// A person with no certification, or only unrelated ones, counts for nothing.
		{name: "person without certifications", area: "modern-work", track: "smb", metric: "intermediate-certifications",
			people: []score.Person{{ID: "new", Certifications: []string{}}}, want: 0},
	})

	// The counts are visible in the gates and parts.
	r := evaluate(t, "gate counts", &score.Profile{AsOf: asOf, People: team(holders(1, "AZ-104", "DP-300"), holders(2, "DP-300", "DP-600"))})
	m := findMetric(t, "gate counts", findArea(t, "gate counts", r, "data-ai"), "intermediate-certifications")
	if len(m.Gates) != 2 || m.Gates[0].People != 1 || m.Gates[0].Met || m.Gates[1].People != 0 || m.Parts[0].Value != 3 {
		t.Errorf("gate counts: Evaluate: gates %+v, people part %+v; want admin 1 of 2, architect 0, 3 scorers", m.Gates, m.Parts[0])
	}
}

func TestEdgeCertificationDates(t *testing.T) {
	// Information Protection Administrator (SC-400) retired 2025-05-31 and counts until
	// 2026-05-31 (certifications.json). Enterprise Security gates are met; 3 SC-400 scorers.
	sec := func(day string) *score.Profile {
		return &score.Profile{AsOf: day, People: team(holders(2, "AZ-500"), holders(2, "SC-200"), holders(3, "SC-400")),
			Tracks: map[string]string{"security": "enterprise"}}
	}
	t.Run("expired does not count", func(t *testing.T) {
		r := evaluate(t, "expired", sec("2026-06-01"))
		m := findMetric(t, "expired", findArea(t, "expired", r, "security"), "intermediate-certifications")
		if m.Points != 0 || m.Parts[0].Value != 0 {
			t.Errorf("expired: Evaluate on 2026-06-01: SC-400 holders scored %g points (%g people), want 0", m.Points, m.Parts[0].Value)
		}
		w, ok := hasWarning(r, score.WarnExpired, "information-protection-administrator-associate")
		if !ok || w.Date != "2026-05-31" || w.People != 3 {
			t.Errorf("expired: Evaluate on 2026-06-01: warnings %+v, want certification-expired for SC-400 dated 2026-05-31 with 3 people", r.Warnings)
		}
		if _, ok := hasWarning(r, score.WarnRetiring, "information-protection-administrator-associate"); ok {
			t.Errorf("expired: Evaluate: SC-400 is both expired and retiring: %+v", r.Warnings)
		}
		if msg := w.Text("en"); !strings.Contains(msg, "no longer counts") || !strings.Contains(msg, "2026-05-31") {
			t.Errorf("expired: Warning.Text(en) = %q", msg)
		}
	})
	t.Run("last counting day counts", func(t *testing.T) {
		r := evaluate(t, "last day", sec("2026-05-31"))
		m := findMetric(t, "last day", findArea(t, "last day", r, "security"), "intermediate-certifications")
		if !near(m.Points, 20, exact) {
			t.Errorf("last day: Evaluate on 2026-05-31: SC-400 holders scored %g, want 20 (3 × 40/6)", m.Points)
		}
		if w, ok := hasWarning(r, score.WarnRetiring, "information-protection-administrator-associate"); !ok || w.People != 3 {
			t.Errorf("last day: Evaluate on 2026-05-31: warnings %+v, want certification-retiring for SC-400 with 3 people", r.Warnings)
		}
	})
	t.Run("expired in the shortcut", func(t *testing.T) {
		r := evaluate(t, "shortcut expired", &score.Profile{AsOf: asOf, Certifications: map[string]int{"SC-400": 2}})
		if w, ok := hasWarning(r, score.WarnExpired, "information-protection-administrator-associate"); !ok || w.People != 2 {
			t.Errorf("shortcut expired: Evaluate: warnings %+v, want certification-expired with 2 people", r.Warnings)
		}
	})

	retiring := []struct {
		name, day, cert, id string
		want                bool
		date                string
	}{
		// Microsoft 365 Fundamentals counts until 2027-03-31: within 12 months of 2026-06-01.
		{name: "MS-900 retiring", day: asOf, cert: "MS-900", id: "microsoft-365-fundamentals", want: true, date: "2027-03-31"},
		// Azure Data Scientist counts until 2027-06-01: exactly 12 months after 2026-06-01.
		{name: "DP-100 at 12 months", day: asOf, cert: "DP-100", id: "azure-data-scientist-associate", want: true, date: "2027-06-01"},
		// A retirement within 12 months warns too, even when the last counting day is later.
		{name: "DP-100 retiring tomorrow", day: "2026-05-31", cert: "DP-100", id: "azure-data-scientist-associate", want: true, date: "2027-06-01"},
		// Azure Security Engineer retires 2026-08-31 and counts until 2027-08-31.
		{name: "AZ-500 one day before the window", day: "2025-08-30", cert: "AZ-500", id: "azure-security-engineer-associate", want: false},
		{name: "AZ-500 retiring in 12 months", day: "2025-08-31", cert: "AZ-500", id: "azure-security-engineer-associate", want: true, date: "2027-08-31"},
		{name: "AZ-500 retiring", day: asOf, cert: "AZ-500", id: "azure-security-engineer-associate", want: true, date: "2027-08-31"},
		{name: "AZ-500 later", day: "2026-09-01", cert: "AZ-500", id: "azure-security-engineer-associate", want: true, date: "2027-08-31"},
		// No retirement announced.
		{name: "AZ-104 never", day: asOf, cert: "AZ-104", id: "azure-administrator-associate", want: false},
	}
	for _, c := range retiring {
		t.Run(c.name, func(t *testing.T) {
			r := evaluate(t, c.name, &score.Profile{AsOf: c.day, People: holders(1, c.cert)})
			w, ok := hasWarning(r, score.WarnRetiring, c.id)
			if ok != c.want || (ok && (w.Date != c.date || w.People != 1)) {
				t.Errorf("%s: Evaluate on %s with %s: retiring warning %v (%+v), want %v dated %s", c.name, c.day, c.cert, ok, w, c.want, c.date)
			}
			if _, exp := hasWarning(r, score.WarnExpired, c.id); exp {
				t.Errorf("%s: Evaluate: unexpected certification-expired: %+v", c.name, r.Warnings)
			}
		})
	}
	t.Run("not held no warning", func(t *testing.T) {
		r := evaluate(t, "not held", &score.Profile{AsOf: asOf, People: holders(1, "AZ-104")})
		for _, w := range r.Warnings {
			if w.Code == score.WarnRetiring || w.Code == score.WarnExpired {
				t.Errorf("not held: Evaluate: warning %+v about a certification nobody holds", w)
			}
		}
	})
}

func TestEdgeRuleDates(t *testing.T) {
	const program = "microsoft-ai-cloud-partner-program"
	// The day before the launch (3 October 2022) has no rules; the rule history starts there.
	t.Run("before launch no rules", func(t *testing.T) {
		err := evalErr(t, &score.Profile{AsOf: "2022-10-02"})
		var es score.Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Code != score.CodeNoRules || es[0].Path != "/asOf" {
			t.Fatalf("before launch: Evaluate on 2022-10-02: error %v, want one no-rules error at /asOf", err)
		}
		if !strings.Contains(es[0].Expected, "2022-10-03") || !strings.Contains(es[0].Expected, "2025-07-01") {
			t.Errorf("before launch: no-rules error does not say when rules start: %q", es[0].Error())
		}
	})
	t.Run("last day before fy26", func(t *testing.T) {
		r := evaluate(t, "day before", &score.Profile{AsOf: "2025-06-30"})
		if r.Programs[0].Version != "fy25" {
			t.Errorf("day before fy26: Evaluate on 2025-06-30: version %q, want fy25", r.Programs[0].Version)
		}
	})
	t.Run("first day of fy26", func(t *testing.T) {
		r := evaluate(t, "first day", &score.Profile{AsOf: "2025-07-01"})
		if r.Programs[0].Version != "fy26" || r.AsOf != "2025-07-01" {
			t.Errorf("first day: Evaluate on 2025-07-01: version %q asOf %q, want fy26 2025-07-01", r.Programs[0].Version, r.AsOf)
		}
		if _, ok := hasWarning(r, score.WarnUnverified, program); ok {
			t.Errorf("first day: Evaluate on 2025-07-01: unexpected rules-unverified warning")
		}
	})
	t.Run("programs filter before launch", func(t *testing.T) {
		err := evalErr(t, &score.Profile{AsOf: "2021-01-01", Programs: []string{program}})
		var es score.Errors
		if !errors.As(err, &es) || es[0].Code != score.CodeNoRules || es[0].Path != "/programs/0" {
			t.Errorf("programs filter: Evaluate on 2021-01-01: error %v, want no-rules at /programs/0", err)
		}
	})
	t.Run("verified day", func(t *testing.T) {
		r := evaluate(t, "verified day", &score.Profile{AsOf: "2026-05-08"})
		if _, ok := hasWarning(r, score.WarnUnverified, program); ok {
			t.Errorf("verified day: Evaluate on 2026-05-08: unexpected rules-unverified warning %+v", r.Warnings)
		}
	})
	t.Run("after verified day", func(t *testing.T) {
		r := evaluate(t, "after verified", &score.Profile{AsOf: "2026-05-09"})
		w, ok := hasWarning(r, score.WarnUnverified, program)
		if !ok || w.Date != "2026-05-08" {
			t.Errorf("after verified: Evaluate on 2026-05-09: warnings %+v, want rules-unverified dated 2026-05-08", r.Warnings)
		}
		if fr := w.Text("fr"); !strings.Contains(fr, "2026-05-08") || !strings.Contains(fr, "vérifiées") {
			t.Errorf("after verified: Warning.Text(fr) = %q", fr)
		}
	})
	t.Run("no asOf uses the clock", func(t *testing.T) {
		r := evaluate(t, "clock", &score.Profile{})
		if r.AsOf != asOf {
			t.Errorf("clock: Evaluate without asOf: result asOf %q, want the clock's %s", r.AsOf, asOf)
		}
	})
}

func TestEdgeFactsNotGiven(t *testing.T) {
	// A fact not given is not an error: it counts as 0 and is flagged.
	r := evaluate(t, "empty", &score.Profile{AsOf: asOf})
	areas := r.Programs[0].Areas
	if len(areas) != 6 {
		t.Fatalf("empty: Evaluate: %d areas, want 6", len(areas))
	}
	for _, ar := range areas {
		if ar.Score != 0 || ar.Qualified || ar.Plan != nil {
			t.Errorf("empty: Evaluate: %s score %g qualified %v plan %v, want 0 false nil", ar.ID, ar.Score, ar.Qualified, ar.Plan)
		}
		for _, m := range ar.Metrics {
			for _, p := range m.Parts {
				if p.Fact != "" && p.Given {
					t.Errorf("empty: Evaluate: %s/%s part %s fact %s marked given", ar.ID, m.ID, p.ID, p.Fact)
				}
			}
		}
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Code != score.WarnUnverified {
		t.Errorf("empty: Evaluate: warnings %+v, want only rules-unverified", r.Warnings)
	}
	m := findMetric(t, "empty", findArea(t, "empty", r, "modern-work"), "net-customer-adds")
	if ex := m.Explain("en"); !strings.Contains(ex, "(not given)") {
		t.Errorf("empty: Explain(en) = %q, want it to say the fact was not given", ex)
	}
	if ex := m.Explain("fr"); !strings.Contains(ex, "(non renseigné)") {
		t.Errorf("empty: Explain(fr) = %q, want it to say the fact was not given", ex)
	}

	// A fact given as 0 is given.
	r = evaluate(t, "zero", &score.Profile{AsOf: asOf, Facts: map[string]float64{"mw.ent.netCustomerAdds": 0}, Tracks: map[string]string{"modern-work": "enterprise"}})
	m = findMetric(t, "zero", findArea(t, "zero", r, "modern-work"), "net-customer-adds")
	if !m.Parts[0].Given || strings.Contains(m.Explain("en"), "not given") {
		t.Errorf("zero: Evaluate: part %+v, explanation %q; want given", m.Parts[0], m.Explain("en"))
	}
}

// TestEdgeFactNotRead: a fact the engine knows (declared by another version) but that the
// version in force does not read is no error: it is flagged with a fact-unused warning.
// Two versions of a small program, built with NewFromFS: v1 (2024) reads "a" and "old", v2
// (2025) reads only "a".
func TestEdgeFactNotRead(t *testing.T) {
	version := func(v, from, to string, facts []string) string {
		var fs, parts []string
		for _, f := range facts {
			fs = append(fs, `{"id":"`+f+`","label":{"en":"`+f+`","fr":"`+f+`"},"help":{"en":"","fr":""},"unit":"customers","integer":true,"min":0,"max":100,"source":"s"}`)
			parts = append(parts, `{"id":"`+f+`","fact":"`+f+`","points":10,"per":1}`)
		}
		kind := "linear"
		if len(parts) > 1 {
			kind = "sum"
		}
		end := ""
		if to != "" {
			end = `"effectiveTo":"` + to + `",`
		}
		return `{"id":"mini","name":{"en":"Mini","fr":"Mini"},"version":"` + v + `","effectiveFrom":"` + from + `",` + end +
			`"verifiedOn":"2030-01-01","qualifyingScore":70,
			"sources":[{"id":"s","title":"test","url":"https://example.com/","retrieved":"2024-01-01"}],
			"facts":[` + strings.Join(fs, ",") + `],
			"areas":[{"id":"x","name":{"en":"X","fr":"X"},"source":"s","trackSelection":{"kind":"best"},
			  "tracks":[{"id":"only","name":{"en":"Only","fr":"Seule"},"metrics":[{"id":"m","name":{"en":"M","fr":"M"},
			  "category":"performance","max":100,"source":"s","rule":{"kind":"` + kind + `","parts":[` + strings.Join(parts, ",") + `]}}]}]}]}`
	}
	fsys := fstest.MapFS{
		"r/certifications.json": {Data: []byte(`{"certifications":[]}`)},
		"r/mini/v1.json":        {Data: []byte(version("v1", "2024-01-01", "2024-12-31", []string{"a", "old"}))},
		"r/mini/v2.json":        {Data: []byte(version("v2", "2025-01-01", "", []string{"a"}))},
	}
	e, err := score.NewFromFS(fsys, "r", score.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatalf("NewFromFS(two versions): %v", err)
	}
	for _, c := range []struct {
		day     string
		version string
		unused  bool
		points  float64
	}{
		{day: "2024-06-01", version: "v1", unused: false, points: 50}, // (3 + 2) × 10
		{day: "2025-06-01", version: "v2", unused: true, points: 30},  // 3 × 10; "old" not read
	} {
		in, err := e.Parse([]byte(`{"asOf":"` + c.day + `","facts":{"a":3,"old":2}}`))
		if err != nil {
			t.Fatalf("%s: Parse: %v (a fact not read must not be an error)", c.day, err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			t.Fatalf("%s: Evaluate: %v", c.day, err)
		}
		pr := r.Programs[0]
		_, unused := hasWarning(r, score.WarnUnusedFact, "old")
		if pr.Version != c.version || unused != c.unused || pr.Areas[0].Score != c.points {
			t.Errorf("%s: Evaluate: version %s, fact-unused warning for old %v, score %g; want %s %v %g (warnings %+v)",
				c.day, pr.Version, unused, pr.Areas[0].Score, c.version, c.unused, c.points, r.Warnings)
		}
	}
	// An id no version declares is still an error.
	if _, err := e.Parse([]byte(`{"asOf":"2025-06-01","facts":{"olde":1}}`)); err == nil || !strings.Contains(err.Error(), `did you mean "old"?`) {
		t.Errorf("Parse(unknown fact olde): error %v, want unknown with the suggestion old", err)
	}
}

// TestWarningMessagesName: a warning's message names the program, certification or fact it
// is about as the result shows it (its display name or label in the result's language, its
// id beside it), in Warning.Text and in the JSON alike, the JSON in ASCII.
func TestWarningMessagesName(t *testing.T) {
	p := &score.Profile{AsOf: "2026-12-07", Certifications: map[string]int{"MS-102": 2, "SC-400": 3},
		Facts: map[string]float64{"vmware.revenueUSD": 5}}
	want := map[string]map[string]string{
		"en": {
			score.WarnUnverified: "The rules of Microsoft AI Cloud Partner Program: Solutions Partner designations (microsoft-ai-cloud-partner-program) were last checked",
			score.WarnRetiring:   "Microsoft 365 Certified: Enterprise Administrator Expert (enterprise-administrator-expert) retires on 2026-11-30",
			score.WarnExpired:    "Microsoft Certified: Information Protection Administrator Associate (information-protection-administrator-associate) no longer counts since 2026-05-31",
			score.WarnUnusedFact: "The fact “VMware revenue, last 12 months” (vmware.revenueUSD) is not read",
		},
		"fr": {
			score.WarnUnverified: "Les règles de Microsoft AI Cloud Partner Program : désignations Solutions Partner (microsoft-ai-cloud-partner-program) ont été vérifiées",
			score.WarnRetiring:   "Microsoft 365 Certified : Enterprise Administrator Expert (enterprise-administrator-expert) est retirée le 2026-11-30",
			score.WarnExpired:    "Microsoft Certified : Information Protection Administrator Associate (information-protection-administrator-associate) ne compte plus depuis le 2026-05-31",
			score.WarnUnusedFact: "Le fait « Chiffre d'affaires VMware, 12 derniers mois » (vmware.revenueUSD) n'est pas lu",
		},
	}
	for lang, byCode := range want {
		q := *p
		q.Lang = lang
		r := evaluate(t, lang, &q)
		var decoded struct {
			Warnings []struct{ Code, Message string }
		}
		js := r.AppendJSON(nil)
		if err := json.Unmarshal(js, &decoded); err != nil {
			t.Fatal(err)
		}
		for _, c := range js {
			if c >= 0x80 {
				t.Fatalf("%s: the JSON is not ASCII: %s", lang, js)
			}
		}
		if len(decoded.Warnings) != len(r.Warnings) || len(r.Warnings) != len(byCode) {
			t.Fatalf("%s: %d warnings (%d in the JSON), want %d: %+v", lang, len(r.Warnings), len(decoded.Warnings), len(byCode), r.Warnings)
		}
		for i, w := range r.Warnings {
			text := w.Text(lang)
			if !strings.Contains(text, byCode[w.Code]) {
				t.Errorf("%s: %s: %q, want it to say %q", lang, w.Code, text, byCode[w.Code])
			}
			if decoded.Warnings[i].Code != w.Code || decoded.Warnings[i].Message != text {
				t.Errorf("%s: %s: the JSON says %q, Text %q", lang, w.Code, decoded.Warnings[i].Message, text)
			}
		}
	}
}

// TestEdgeSourceLang: a source's lang (the language of its title) is two lowercase letters,
// carried into the result's sources; anything else is refused when the rules load, naming
// the source.
func TestEdgeSourceLang(t *testing.T) {
	program := func(lang string) string {
		l := ""
		if lang != "" {
			l = `"lang":"` + lang + `",`
		}
		return `{"id":"mini","name":{"en":"Mini","fr":"Mini"},"version":"v1","effectiveFrom":"2024-01-01",
			"verifiedOn":"2030-01-01","qualifyingScore":70,
			"sources":[{"id":"press","title":"Un article",` + l + `"url":"urn:example:press","retrieved":"2024-01-01"}],
			"facts":[{"id":"a","label":{"en":"a","fr":"a"},"help":{"en":"","fr":""},"unit":"customers","integer":true,"min":0,"max":100,"source":"press"}],
			"areas":[{"id":"x","name":{"en":"X","fr":"X"},"source":"press","trackSelection":{"kind":"best"},
			  "tracks":[{"id":"only","name":{"en":"Only","fr":"Seule"},"metrics":[{"id":"m","name":{"en":"M","fr":"M"},
			  "category":"performance","max":100,"source":"press","rule":{"kind":"linear","parts":[{"id":"a","fact":"a","points":10,"per":1}]}}]}]}]}`
	}
	load := func(lang string) (*score.Engine, error) {
		return score.NewFromFS(fstest.MapFS{
			"r/certifications.json": {Data: []byte(`{"certifications":[]}`)},
			"r/mini/v1.json":        {Data: []byte(program(lang))},
		}, "r", score.WithClock(func() time.Time { return fixedNow }))
	}
	for _, c := range []struct{ lang, want string }{{"fr", `"lang":"fr"`}, {"", ""}} {
		e, err := load(c.lang)
		if err != nil {
			t.Fatalf("lang %q: %v", c.lang, err)
		}
		out, err := e.EvaluateJSON([]byte(`{"asOf":"2024-06-01","facts":{"a":1}}`))
		if err != nil {
			t.Fatal(err)
		}
		src := string(out[strings.Index(string(out), `"sources":`):])
		if c.want != "" && !strings.Contains(src, `"title":"Un article",`+c.want+`,"url":`) || c.want == "" && strings.Contains(src, `"lang"`) {
			t.Errorf("lang %q: sources %s", c.lang, src)
		}
	}
	for _, bad := range []string{"FR", "fra", "f", "fr-FR"} {
		if _, err := load(bad); err == nil || !strings.Contains(err.Error(), "sources/press") || !strings.Contains(err.Error(), "ISO 639-1") {
			t.Errorf("lang %q: error %v, want one naming sources/press and the code expected", bad, err)
		}
	}
}
