package score

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestUnitName: units read after their number, singular for one in English and for less than
// two in French, for the units of every model.
func TestUnitName(t *testing.T) {
	for _, tc := range []struct {
		unit, lang string
		v          float64
		want       string
	}{
		{"customers", "en", 1, "customer"},
		{"customers", "en", 0, "customers"},
		{"customers", "en", 1.5, "customers"},
		{"customers", "en", 2, "customers"},
		{"people", "en", 1, "person"},
		{"people", "en", 3, "people"},
		{"users", "en", 1, "user"},
		{"deployments", "en", 1, "deployment"},
		{"workloads", "en", 1, "workload"},
		{"mixed", "en", 1, "unit"},
		{"percent", "en", 1, "%"},
		{"usd", "en", 1, "USD"},
		{"customers", "fr", 0, "client"},
		{"customers", "fr", 1.5, "client"},
		{"customers", "fr", 2, "clients"},
		{"people", "fr", 1, "personne"},
		{"people", "fr", 5, "personnes"},
		{"deployments", "fr", 1, "déploiement"},
		{"workloads", "fr", 1, "charge de travail"},
		{"workloads", "fr", 3, "charges de travail"},
		{"mixed", "fr", 1, "unité"},
		{"users", "fr", 1, "utilisateur"},
		{"percent", "fr", 1, "%"},
		// The units of the other models; an id the table does not know names itself.
		{"people", "fr", 3, "personnes"},
		{"services", "en", 1, "service"},
		{"competencies", "en", 1, "competency"},
		{"competencies", "fr", 1, "compétence"},
		{"competencies", "fr", 4, "compétences"},
		{"months", "en", 1, "month"},
		{"months", "fr", 1, "mois"},
		{"months", "fr", 10, "mois"},
		{"years", "fr", 1, "an"},
		{"years", "fr", 3, "ans"},
		{"seats", "fr", 1, "licence"},
		{"offers", "fr", 2, "offres"},
		{"things", "en", 1, "things"},
	} {
		if got := UnitName(tc.unit, tc.v, tc.lang); got != tc.want {
			t.Errorf("UnitName(%q, %g, %q) = %q, want %q", tc.unit, tc.v, tc.lang, got, tc.want)
		}
	}
}

// TestAppendNum: numbers are written as strconv writes them, integers plain and the rest in
// the shortest 'g' form (the fast paths for small integers and for hundredths included),
// over edge cases, every hundredth up to 1,000 and its neighbours, and random doubles.
func TestAppendNum(t *testing.T) {
	want := func(v float64) string {
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatInt(int64(v), 10)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	check := func(v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if got := string(appendNum(nil, v)); got != want(v) {
			t.Fatalf("appendNum(%v) = %q, want %q", v, got, want(v))
		}
	}
	for _, v := range []float64{0, 1, -1, 0.5, -0.5, 0.05, 0.01, 0.009, 0.0001, 0.00001, 15.4, 92.5, 10.600000000000001,
		6.666666666666667, 2.5, 18.75, 999999.99, 1e6 + 0.5, 1e6 - 0.01, 123456.78, -98765.43, 1e15 + 0.5, 1e21, math.MaxFloat64,
		math.SmallestNonzeroFloat64, 0.1 + 0.2, 1.005, 2.675} {
		check(v)
		check(-v)
	}
	for c := int64(-100000); c <= 100000; c++ {
		v := float64(c) / 100
		check(v)
		check(math.Nextafter(v, math.Inf(1)))
		check(math.Nextafter(v, math.Inf(-1)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check(math.Float64frombits(r.Uint64()))
		check(r.Float64() * 1e6)
		check(math.Round(r.Float64()*1e8) / 100)
	}
}

// TestAppendInt: the same digits as strconv.AppendInt, at the edges and at random.
func TestAppendInt(t *testing.T) {
	check := func(n int64) {
		if got, want := string(appendInt([]byte("x"), n)), "x"+strconv.FormatInt(n, 10); got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
	for _, n := range []int64{0, 1, -1, 9, 10, -10, 99, 100, 999_999, 1e15, -1e15, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		check(n)
	}
	for n := int64(-20000); n <= 20000; n++ {
		check(n)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		check(int64(r.Uint64()))
		check(r.Int64N(1e15))
	}
}

// TestExplanationRates: the rate phrases written at load time (" × 4 pts each = ") give the
// sentences the rule-free path gives, for every metric of every rule version, in both
// languages, with values read in the singular and the plural, as text and escaped for JSON.
func TestExplanationRates(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	metrics := 0
	for _, p := range e.Programs() {
		for _, lang := range []string{"en", "fr"} {
			in, err := e.Parse([]byte(`{"asOf":"` + p.EffectiveFrom + `","lang":"` + lang + `","programs":["` + p.ID + `"]}`))
			if err != nil {
				t.Fatalf("%s/%s: %v", p.ID, p.Version, err)
			}
			res, err := e.Evaluate(in)
			if err != nil {
				t.Fatalf("%s/%s: %v", p.ID, p.Version, err)
			}
			for _, pr := range res.Programs {
				for _, a := range pr.Areas {
					for i := range a.Metrics {
						m := &a.Metrics[i]
						if len(m.Parts) > 0 && m.rate(m.compiled(), 0, 0, 0) == nil {
							t.Fatalf("%s/%s %s: no precomputed rates", pr.ID, pr.Version, m.ID)
						}
						// Values that read the units in the singular and in the plural.
						for _, v := range []float64{0, 1, 1.5, 5} {
							for k := range m.Parts {
								m.Parts[k].Value = v
							}
							bare := *m
							bare.def = nil
							for _, esc := range []bool{false, true} {
								got, want := string(m.appendExplanation(nil, lang, esc)), string(bare.appendExplanation(nil, lang, esc))
								if got != want {
									t.Errorf("%s/%s %s (%s, value %v, escaped %v):\n got %q\nwant %q", pr.ID, pr.Version, m.ID, lang, v, esc, got, want)
								}
							}
						}
						metrics++
					}
				}
			}
		}
	}
	if metrics < 100 {
		t.Fatalf("only %d metrics explained", metrics)
	}
	// A part whose figures are not the rule's (a result built by hand) is written from its own.
	res, _ := e.Evaluate(mustParse(t, e, `{"asOf":"2026-06-01","programs":["microsoft-ai-cloud-partner-program"]}`))
	m := res.Programs[0].Areas[0].Metrics[0]
	m.Parts[0].PointsPer += 1.5
	if got := m.Explain("en"); !strings.Contains(got, "× "+strconv.FormatFloat(m.Parts[0].PointsPer, 'f', -1, 64)+" pts") {
		t.Errorf("changed rate not written: %q", got)
	}
}

func mustParse(t *testing.T, e *Engine, s string) *Input {
	t.Helper()
	in, err := e.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestPrerequisiteNamed: a prerequisite not met is explained by its fact's label in the
// result's language, with its id beside it; the label is in the result (a result explains
// itself without its rules), and a result without one names the fact by its id.
func TestPrerequisiteNamed(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, name, want string }{
		{"en", "Azure: qualifying ACR, trailing 12 months",
			"(prerequisite not met: “Azure: qualifying ACR, trailing 12 months” (azure.acrTtm) = 500, needs at least 1,000)."},
		{"fr", "Azure : ACR éligible sur 12 mois glissants",
			"(condition non remplie : « Azure : ACR éligible sur 12 mois glissants » (azure.acrTtm) = 500, il faut au moins 1\u202f000)."},
	} {
		res, err := e.Evaluate(mustParse(t, e, `{"asOf":"2026-06-01","lang":"`+tc.lang+`","programs":["microsoft-ai-cloud-partner-program"],
			"tracks":{"data-ai":"enterprise"},"facts":{"azure.usageGrowth":15,"azure.acrTtm":500}}`))
		if err != nil {
			t.Fatal(err)
		}
		var m *MetricResult
		for i, a := range res.Programs[0].Areas {
			for j := range a.Metrics {
				if a.ID == "data-ai" && a.Metrics[j].ID == "usage-growth" {
					m = &res.Programs[0].Areas[i].Metrics[j]
				}
			}
		}
		if m == nil || m.Applied != AppliedPrerequisite {
			t.Fatalf("%s: no data-ai usage growth held by its prerequisite: %+v", tc.lang, m)
		}
		if m.Prerequisite.Name != tc.name {
			t.Errorf("%s: prerequisite name %q, want %q", tc.lang, m.Prerequisite.Name, tc.name)
		}
		if got := m.Explain(tc.lang); !strings.HasSuffix(got, tc.want) {
			t.Errorf("%s: explanation %q, want it to end with %q", tc.lang, got, tc.want)
		}
		if js := string(res.AppendJSON(nil)); !strings.Contains(js, `"prerequisite":{"fact":"azure.acrTtm","name":`+string(appendStr(nil, tc.name))+`,"value":500`) {
			t.Errorf("%s: the result's JSON has no prerequisite name", tc.lang)
		}
		bare := *m
		bare.def, bare.Prerequisite.Name = nil, ""
		if got := bare.Explain(tc.lang); !strings.Contains(got, " azure.acrTtm = 500") {
			t.Errorf("%s: without a name: %q, want the fact's id", tc.lang, got)
		}
	}
}

// TestExplanationNetLoss: a part below zero that earns nothing (no offset) writes its
// product as it is, then that it counts as 0: the arithmetic of the sentence holds. A part
// of a sum with offset keeps its negative points.
func TestExplanationNetLoss(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ profile, metric, want string }{
		{`{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAdds":-3}}`, "net-customer-adds",
			"-3 customers × 4 pts each = -12, a net loss, counted as 0 → 0 of 20"},
		{`{"asOf":"2026-06-01","lang":"fr","facts":{"mw.ent.netCustomerAdds":-3}}`, "net-customer-adds",
			"-3 clients × 4 pts chacun = -12, une perte nette, comptée 0 → 0 sur 20"},
		{`{"asOf":"2026-06-01","tracks":{"security":"enterprise"},"facts":{"sec.ent.netCustomerAdds.azure":-3,"sec.ent.netCustomerAdds.m365":5}}`, "net-customer-adds",
			"Azure: -3 customers × 2 pts each = -6; Microsoft 365: 5 customers × 2 pts each = 10; parts are added → 4 of 20"},
	} {
		res, err := e.Evaluate(mustParse(t, e, c.profile))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range res.Programs[0].Areas {
			for _, m := range a.Metrics {
				if m.ID == c.metric && strings.Contains(m.Explain(res.Lang), c.want) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s explanation says %q", c.profile, c.metric, c.want)
		}
	}
}
