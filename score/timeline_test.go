package score_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// mwFull is Modern Work Enterprise at the maximum of every fact-based metric: 20 + 30 + 25.
var mwFull = map[string]float64{"mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.cpor": 1000, "mw.ent.deployments.cpor": 5}

// mwTeam gives Modern Work Enterprise 10 (4 intermediate) + 15 (2 advanced, MS-102 counts
// until 2027-11-30).
func mwTeam() []score.Person {
	return team(holders(4, "MD-102"), holders(2, "MS-102"))
}

func windowArea(t *testing.T, r *score.Result, area string) score.AreaWindow {
	t.Helper()
	if r.Window == nil {
		t.Fatal("no window in the result")
	}
	for _, a := range r.Window.Areas {
		if a.Area == area {
			return a
		}
	}
	t.Fatalf("no window for %s", area)
	return score.AreaWindow{}
}

func TestWindowMonthlySeries(t *testing.T) {
	// asOf 2026-08-31: the window is March to August 2026. Qualified in March only (full
	// facts: 100), nothing given in between, August's facts (Profile.Facts) give 25.
	p := &score.Profile{AsOf: "2026-08-31", People: mwTeam(), Facts: map[string]float64{},
		History: []score.Snapshot{
			{Month: "2026-02", Facts: mwFull},
			{Month: "2026-03", Facts: mwFull},
			{Month: "2026-05", Facts: map[string]float64{"mw.ent.netCustomerAdds": 5}}, // 20 + 25 = 45
		}}
	r := evaluate(t, "window", p)
	w := r.Window
	if w.From != "2026-03-01" || w.To != "2026-08-31" || !slices.Equal(w.Months, []string{"2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"}) {
		t.Fatalf("window %s..%s months %v", w.From, w.To, w.Months)
	}
	a := windowArea(t, r, "modern-work")
	if !slices.Equal(a.MonthsQualified, []string{"2026-02", "2026-03"}) || a.FirstQualified != "2026-02" || !a.Holds {
		t.Errorf("modern-work: qualified %v, first %s, holds %v; want 2026-02 and 2026-03, 2026-02, holds (March is in the window)", a.MonthsQualified, a.FirstQualified, a.Holds)
	}
	wantScores := []float64{100, 100, 0, 45, 0, 0, 25}
	wantData := []bool{true, true, false, true, false, false, true}
	for i, m := range a.Months {
		if !near(m.Score, wantScores[i], exact) || m.Data != wantData[i] {
			t.Errorf("modern-work %s: score %g data %v, want %g %v", m.Month, m.Score, m.Data, wantScores[i], wantData[i])
		}
	}
	// The day after: the window is April to September; March falls out.
	p.AsOf = "2026-09-01"
	r = evaluate(t, "window next day", p)
	if a := windowArea(t, r, "modern-work"); a.Holds || a.FirstQualified != "2026-02" {
		t.Errorf("modern-work on 2026-09-01: holds %v (first %s), want not held: March 2026 is outside April–September", a.Holds, a.FirstQualified)
	}
}

func TestWindowRuleChangeInMonth(t *testing.T) {
	// The launch, 3 October 2022: October 2022 is scored on the 1st (no rules) and on the
	// 3rd (fy23), which counts.
	p := &score.Profile{AsOf: "2022-11-10", People: mwTeam(), Facts: mwFull, History: []score.Snapshot{{Month: "2022-10", Facts: mwFull}}}
	r := evaluate(t, "launch month", p)
	a := windowArea(t, r, "modern-work")
	if m := a.Months[len(a.Months)-2]; m.Month != "2022-10" || m.Day != "2022-10-03" || m.Version != "fy23" || !m.Qualified {
		t.Errorf("October 2022: %+v, want scored on 2022-10-03 under fy23, qualified", m)
	}
	if a.Months[0].Data || a.Months[0].Qualified {
		t.Errorf("June 2022 (no snapshot): %+v, want no data", a.Months[0])
	}
	// Security in December 2023: scored on the 1st only, under fy24-dec (gates of two).
	sec := team(holders(1, "AZ-500"), holders(1, "SC-200"), holders(3, "SC-100"))
	p = &score.Profile{AsOf: "2024-01-10", People: sec, History: []score.Snapshot{{Month: "2023-11", Facts: map[string]float64{}}, {Month: "2023-12", Facts: map[string]float64{}}}}
	r = evaluate(t, "security months", p)
	a = windowArea(t, r, "security")
	for _, m := range a.Months {
		if m.Month == "2023-11" && (m.Version != "fy24" || !near(m.Score, 40.0*4/6, exact)) {
			t.Errorf("Security November 2023: %+v, want fy24 and 26.667", m)
		}
		if m.Month == "2023-12" && (m.Version != "fy24-dec" || m.Score != 0) {
			t.Errorf("Security December 2023: %+v, want fy24-dec and 0", m)
		}
	}
}

func TestProjectionRetirements(t *testing.T) {
	// asOf 2027-01-15: Modern Work Enterprise 100 (MS-102 counts until 2027-11-30). From
	// 2027-12-01 the advanced metric is 0: 85, but a metric at zero, so not qualified.
	p := &score.Profile{AsOf: "2027-01-15", People: append(mwTeam(), holders(2, "AZ-500")...), Facts: mwFull, Projection: &score.ProjectionRequest{}}
	r := evaluate(t, "projection", p)
	pj := r.Projection
	if len(pj.Dates) != 13 || pj.Dates[0] != "2027-01-15" || pj.Dates[1] != "2027-02-01" || pj.Dates[12] != "2028-01-01" {
		t.Fatalf("projection dates %v", pj.Dates)
	}
	var mw, sec score.AreaProjection
	for _, a := range pj.Areas {
		switch a.Area {
		case "modern-work":
			mw = a
		case "security":
			sec = a
		}
	}
	for i, pt := range mw.Points {
		want, q := 100.0, true
		if pt.Date >= "2027-12-01" {
			want, q = 85, false
		}
		if !near(pt.Score, want, exact) || pt.Qualified != q {
			t.Errorf("modern-work on %s (point %d): %g qualified %v, want %g %v", pt.Date, i, pt.Score, pt.Qualified, want, q)
		}
	}
	if mw.UnqualifiedFrom != "2027-12-01" || mw.BelowFrom != "" {
		t.Errorf("modern-work: unqualified from %q below from %q, want 2027-12-01 and never below 70", mw.UnqualifiedFrom, mw.BelowFrom)
	}
	if len(mw.Events) != 1 || mw.Events[0].Certification != "enterprise-administrator-expert" || mw.Events[0].StopsOn != "2027-12-01" ||
		mw.Events[0].LastDay != "2027-11-30" || mw.Events[0].People != 2 || !slices.Equal(mw.Events[0].Metrics, []string{"advanced-certifications"}) ||
		len(mw.Events[0].Alternatives) != 0 {
		t.Errorf("modern-work events %+v, want MS-102 stopping on 2027-12-01 in advanced-certifications with no alternative (the Teams assessment stops earlier)", mw.Events)
	}
	// Security: AZ-500 counts until 2027-08-31; the catalog names its successor and the
	// same gate accepts it.
	if len(sec.Events) != 1 || sec.Events[0].Certification != "azure-security-engineer-associate" ||
		!slices.Equal(sec.Events[0].ReplacedBy, []string{"cloud-and-ai-security-engineer-associate"}) ||
		!slices.Equal(sec.Events[0].Alternatives, []string{"cloud-and-ai-security-engineer-associate"}) {
		t.Errorf("security events %+v", sec.Events)
	}
	// Retirement crossing asOf: on the last counting day the event is still ahead; the day
	// after it is past (and the score already lower).
	for _, c := range []struct {
		asOf   string
		events int
		score  float64
	}{{"2027-11-30", 1, 100}, {"2027-12-01", 0, 85}} {
		p := &score.Profile{AsOf: c.asOf, People: mwTeam(), Facts: mwFull, Projection: &score.ProjectionRequest{Months: 3}}
		r := evaluate(t, c.asOf, p)
		for _, a := range r.Projection.Areas {
			if a.Area == "modern-work" && (len(a.Events) != c.events || !near(a.Points[0].Score, c.score, exact) || len(a.Points) != 4) {
				t.Errorf("projection from %s: %d events, score %g, %d points; want %d, %g, 4", c.asOf, len(a.Events), a.Points[0].Score, len(a.Points), c.events, c.score)
			}
		}
	}
}

func TestProjectionAcrossVersions(t *testing.T) {
	// From 2024-06-15 the projection crosses into fy25 (1 July 2024): Azure gains its SMB
	// track; MS-500 (a Security gate until June 2024) stops counting on 2024-07-01.
	p := &score.Profile{AsOf: "2024-06-15", People: team(holders(2, "AZ-500"), holders(2, "MS-500"), holders(3, "SC-100")), Projection: &score.ProjectionRequest{Months: 2}}
	r := evaluate(t, "across versions", p)
	for _, a := range r.Projection.Areas {
		if a.Area != "security" {
			continue
		}
		if a.Points[0].Version != "fy24-dec" || a.Points[1].Version != "fy25" || !near(a.Points[0].Score, 20, exact) {
			t.Errorf("security points %+v", a.Points)
		}
		if len(a.Events) != 1 || a.Events[0].Certification != "m365-security-administrator-associate" || a.Events[0].StopsOn != "2024-07-01" {
			t.Errorf("security events %+v", a.Events)
		}
	}
}

func TestTimeErrors(t *testing.T) {
	eng := testEngine(t)
	for _, c := range []struct{ in, path, code string }{
		{`{"asOf":"2026-06-01","history":[{"month":"2026-06","facts":{}}]}`, "/history/0/month", score.CodeRange},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-13","facts":{}}]}`, "/history/0/month", score.CodeDate},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01"}]}`, "/history/0/facts", score.CodeRequired},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01","facts":{}},{"month":"2026-01","facts":{}}]}`, "/history/1/month", score.CodeDuplicate},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01","facts":{"mw.ent.netCustomerAdd":1}}]}`, "/history/0/facts/mw.ent.netCustomerAdd", score.CodeUnknown},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01","facts":{"mw.ent.netCustomerAdds":1.5}}]}`, "/history/0/facts/mw.ent.netCustomerAdds", score.CodeInteger},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01","facts":{"azure.smbCustomerShare":101}}]}`, "/history/0/facts/azure.smbCustomerShare", score.CodeRange},
		{`{"asOf":"2026-06-01","history":[{"month":"2026-01","fact":{}}]}`, "/history/0/fact", score.CodeUnknown},
		{`{"asOf":"2026-06-01","projection":{"months":25}}`, "/projection/months", score.CodeRange},
		{`{"asOf":"2026-06-01","projection":{"month":2}}`, "/projection/month", score.CodeUnknown},
	} {
		_, err := eng.EvaluateJSON([]byte(c.in))
		var es score.Errors
		if !errors.As(err, &es) || es[0].Path != c.path || es[0].Code != c.code {
			t.Errorf("%s: %v, want %s at %s", c.in, err, c.code, c.path)
		}
	}
}
