package score_test

// Fuzzing the whole pipeline: JSON profile in, JSON result out. Run it with
//
//	go test ./score -run XXX -fuzz FuzzParseEvaluate -fuzztime 60s
//
// Without -fuzz the seeds below (and testdata/fuzz/FuzzParseEvaluate, if any) run as tests.

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// fuzzSeeds are valid profiles, near-valid ones and broken ones.
var fuzzSeeds = []string{
	`{}`,
	`{"asOf":"2026-06-01"}`,
	`{"asOf":"2026-06-01","lang":"fr","plan":{}}`,
	`{"asOf":"2026-06-01","people":[{"id":"ana","certifications":["AZ-104","DP-300","AZ-305"]},{"id":"ben","certifications":["AZ-104","AZ-204","AZ-400"]},
	  {"id":"chloé","certifications":["AZ-305","DP-600","PL-300"]},{"id":"dan","certifications":["MS-700","MS-102","SC-300"]},
	  {"id":"eve","certifications":["SC-200","AZ-500","SC-100"]},{"id":"fay","certifications":["SC-200","SC-401","MB-800"]},
	  {"id":"gus","certifications":["PL-200","PL-600","MB-820"]},{"id":"hal","certifications":["AZ-700","AZ-140","AZ-104"]}],
	  "certifications":{"MD-102":2,"AZ-500":1,"MB-310":3},
	  "facts":{"mw.ent.netCustomerAdds":4,"mw.smb.netCustomerAdds":7,"mw.ent.usageGrowth.cpor":800,"mw.ent.usageGrowth.dpor":2500,
	  "mw.smb.usageGrowth.cpor":300,"mw.smb.usageGrowth.csp":900,"mw.ent.deployments.cpor":3,"mw.ent.deployments.dpor":6,
	  "mw.smb.deployments.cpor":2,"mw.smb.deployments.csp":5,"azure.smbCustomerShare":65,"azure.ent.netCustomerAdds":2,
	  "azure.usageGrowth":14.5,"azure.acrTtm":250000,"azure.deployments":4,"ba.largeWorkloads":3,"ba.smb.netCustomerAdds":4,
	  "ba.usageGrowth":22,"ba.mcvBaseline":40000,"ba.smb.deployments":3,"sec.ent.netCustomerAdds.azure":3,"sec.ent.netCustomerAdds.m365":4,
	  "sec.smb.netCustomerAdds.azure":2,"sec.smb.netCustomerAdds.m365":2,"sec.ent.deployments.azure":2,"sec.ent.deployments.m365":3,
	  "sec.smb.deployments.azure":1,"sec.smb.deployments.m365":2,"sec.ent.usageGrowth.azureAcr":9000,"sec.ent.usageGrowth.m365Users":700,
	  "sec.smb.usageGrowth.azureAcr":4000,"sec.smb.usageGrowth.m365Users":300},
	  "plan":{"costs":{"AZ-104":3,"azure.ent.netCustomerAdds":10,"SC-100":0.5}}}`,
	`{"asOf":"2026-06-01","tracks":{"modern-work":"smb","security":"enterprise","data-ai":"smb","business-applications":"enterprise"},
	  "facts":{"mw.smb.netCustomerAdds":-3,"ba.usageGrowth":-100,"azure.usageGrowth":1000000,"sec.smb.usageGrowth.azureAcr":-1e12},"plan":{}}`,
	`{"asOf":"2025-07-01","programs":["microsoft-ai-cloud-partner-program"],"certifications":{"SC-400":3,"MS-900":1,"DP-100":2}}`,
	`{"asOf":"2027-12-31","people":[{"certifications":["Azure Administrator","azure-solutions-architect-expert","dp-300"]}],"plan":{}}`,
	`{"asOf":"2026-06-01","facts":{"ba.largeWorkloads":5,"ba.mcvBaseline":40000,"ba.usageGrowth":25},"plan":{}}`,
	`{"asOf":"2026-06-01","facts":{"azure.smbCustomerShare":80,"azure.smb.netCustomerAdds":2,"azure.acrTtm":999.99,"azure.usageGrowth":19.99},
	  "certifications":{"AZ-104":1,"AZ-305":1,"DP-600":5},"plan":{"costs":{"DP-600":0.1}}}`,
	`{"asOf":"2026-06-01","people":[{"id":"\u00e9\"\\\/\b\f\n\r\t\ud83d\ude00","certifications":[]}],"lang":"en"}`,
	`{"asOf":"2024-06-30"}`,
	`{"asOf":"2026-02-29"}`,
	`{"facts":{"azure.smbCustomerShare":100.0000001}}`,
	`{"facts":{"sec.ent.usageGrowth.azureAcr":1249.999999999}}`,
	`{"certifications":{"AZ-104":1000000}}`,
	`{"people":[{"certifications":["AZ-104"]},{"certifications":["AZ-104"]},{"certifications":[]}],"plan":{"costs":{"AZ-104":1e-9}}}`,
	`{"asOf":"2026-06-01","people":[{"id":"a","certifications":["MS-102","SC-300"]},{"certifications":["MS-102"]},{"certifications":["MD-102"]},{"certifications":[]}],
	  "facts":{"mw.ent.netCustomerAdds":5,"mw.ent.usageGrowth.cpor":750,"mw.ent.deployments.cpor":1},"departures":{},"projection":{"months":3}}`,
	`{"asOf":"2021-06-01","programs":["vmware-partner-connect"],"people":[{"certifications":["VCP-DCV"]},{"certifications":["VSP-DCV","VTSP-DCV"]}],"departures":{}}`,
	`[`, `{"`, `{"asOf":"`, `{"facts":{"x":1e999}}`, `{"facts":{"a":-}}`, "\xef\xbb\xbf{}", `{"people":[{}]}`,
}

func FuzzParseEvaluate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, c := range errorCases {
		f.Add([]byte(c.input))
	}
	e := testEngine(f)
	// other is evaluated into a Result before the fuzzed input, to check storage reuse.
	other, err := e.Parse([]byte(fuzzSeeds[3]))
	if err != nil {
		f.Fatalf("Parse(seed 3): %v", err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// ParseInto reuses an Input's storage: one that held another profile (people,
		// certifications, facts, a plan) must give what Parse gives.
		var into score.Input
		if err := e.ParseInto(&into, []byte(fuzzSeeds[3])); err != nil {
			t.Fatalf("ParseInto(seed 3): %v", err)
		}
		intoErr := e.ParseInto(&into, data)
		in, err := e.Parse(data)
		if (err == nil) != (intoErr == nil) || (err != nil && err.Error() != intoErr.Error()) {
			t.Fatalf("ParseInto(%q) error %v, Parse error %v", data, intoErr, err)
		}
		if err != nil {
			checkErrors(t, "Parse", data, err)
			return
		}
		r, err := e.Evaluate(in)
		if err != nil {
			checkErrors(t, "Evaluate", data, err)
			return
		}
		out := r.AppendJSON(nil)
		if !json.Valid(out) {
			t.Fatalf("AppendJSON(Evaluate(%q)) is not valid JSON: %s", data, out)
		}
		if m, err := r.MarshalJSON(); err != nil || !bytes.Equal(m, out) {
			t.Fatalf("MarshalJSON(Evaluate(%q)) differs from AppendJSON (err %v)", data, err)
		}
		var back score.Result
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("json.Unmarshal(AppendJSON(Evaluate(%q))) into score.Result: %v\n%s", data, err, out)
		}
		if len(back.Programs) != len(r.Programs) || back.AsOf != r.AsOf {
			t.Fatalf("decoded result of %q: %d programs asOf %q, want %d %q", data, len(back.Programs), back.AsOf, len(r.Programs), r.AsOf)
		}
		checkResult(t, data, &back)
		checkResult(t, data, r)
		checkTape(t, e, string(data), r)

		// EvaluateInto reuses a Result's storage: a Result that held another evaluation (with
		// more areas, warnings and a plan) must give exactly the same JSON.
		reused := new(score.Result)
		if err := e.EvaluateInto(reused, other); err != nil {
			t.Fatalf("EvaluateInto(other profile): %v", err)
		}
		if err := e.EvaluateInto(reused, in); err != nil {
			t.Fatalf("EvaluateInto(reused, Parse(%q)): %v", data, err)
		}
		if again := reused.AppendJSON(nil); !bytes.Equal(again, out) {
			t.Fatalf("EvaluateInto into a reused Result differs from Evaluate for %q:\n%s\n%s", data, again, out)
		}
		if err := e.EvaluateInto(reused, &into); err != nil {
			t.Fatalf("EvaluateInto(ParseInto(%q)): %v", data, err)
		}
		if again := reused.AppendJSON(nil); !bytes.Equal(again, out) {
			t.Fatalf("ParseInto into a reused Input differs from Parse for %q:\n%s\n%s", data, again, out)
		}
	})
}

func checkErrors(t *testing.T, call string, data []byte, err error) {
	t.Helper()
	var es score.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("%s(%q) error %T %v is not a non-empty score.Errors", call, data, err, err)
	}
	for _, x := range es {
		if x == nil || x.Code == "" || x.Message == "" || x.Offset < 0 || x.Offset > len(data) {
			t.Fatalf("%s(%q) malformed error %+v", call, data, x)
		}
	}
	if err.Error() == "" {
		t.Fatalf("%s(%q) empty Error()", call, data)
	}
	if b, jerr := json.Marshal(es); jerr != nil || !json.Valid(b) {
		t.Fatalf("%s(%q) json.Marshal(Errors) = %s, %v", call, data, b, jerr)
	}
}

// tol absorbs float noise in sums of metric points.
const tol = 1e-6

func checkResult(t *testing.T, data []byte, r *score.Result) {
	t.Helper()
	for _, pr := range r.Programs {
		nq := 0
		for _, ar := range pr.Areas {
			sum := 0.0
			for _, m := range ar.Metrics {
				if !(m.Points >= 0 && m.Points <= m.Max+tol) || math.IsNaN(m.Points) {
					t.Fatalf("Evaluate(%q): %s/%s/%s points %v outside [0, %v]", data, ar.ID, ar.Track, m.ID, m.Points, m.Max)
				}
				sum += m.Points
			}
			if !(ar.Score <= ar.Max+tol) || ar.Score < 0 || math.Abs(sum-ar.Score) > tol {
				t.Fatalf("Evaluate(%q): %s score %v, max %v, metric sum %v", data, ar.ID, ar.Score, ar.Max, sum)
			}
			if ar.Qualified && ar.Score < ar.QualifyingScore-tol {
				t.Fatalf("Evaluate(%q): %s qualified with score %v < %v", data, ar.ID, ar.Score, ar.QualifyingScore)
			}
			if ar.Qualified && ar.ZeroMetrics != 0 {
				t.Fatalf("Evaluate(%q): %s qualified with %d zero metrics", data, ar.ID, ar.ZeroMetrics)
			}
			if ar.Qualified {
				nq++
			}
			counting := 0
			for _, ts := range ar.Tracks {
				if ts.Counts {
					counting++
					if ts.ID != ar.Track || math.Abs(ts.Score-ar.Score) > tol || ts.Qualified != ar.Qualified {
						t.Fatalf("Evaluate(%q): %s counting track %+v disagrees with the area (%s %v %v)", data, ar.ID, ts, ar.Track, ar.Score, ar.Qualified)
					}
				}
			}
			if counting != 1 {
				t.Fatalf("Evaluate(%q): %s has %d counting tracks", data, ar.ID, counting)
			}
			if pl := ar.Plan; pl != nil {
				if pl.Reachable && pl.Score < ar.QualifyingScore-tol {
					t.Fatalf("Evaluate(%q): %s plan reachable with score %v < %v", data, ar.ID, pl.Score, ar.QualifyingScore)
				}
				if !pl.Reachable && pl.Reason == "" {
					t.Fatalf("Evaluate(%q): %s plan unreachable without a reason", data, ar.ID)
				}
				cost := 0.0
				for _, st := range pl.Steps {
					if !(st.Add > 0) || !(st.Cost > 0) {
						t.Fatalf("Evaluate(%q): %s plan step %+v adds or costs nothing", data, ar.ID, st)
					}
					cost += st.Cost
				}
				if pl.Reachable && math.Abs(cost-pl.Cost) > tol*math.Max(1, pl.Cost) {
					t.Fatalf("Evaluate(%q): %s plan cost %v, steps cost %v", data, ar.ID, pl.Cost, cost)
				}
				if ar.Qualified && (len(pl.Steps) != 0 || pl.Cost != 0) {
					t.Fatalf("Evaluate(%q): %s qualified but the plan has steps %+v", data, ar.ID, pl.Steps)
				}
			}
		}
		if len(pr.Qualified) != nq {
			t.Fatalf("Evaluate(%q): program %s lists %v qualified, %d areas are", data, pr.ID, pr.Qualified, nq)
		}
	}
}
