package score

import (
	"encoding/json"
	"testing"
	"time"
)

// benchProfile is a realistic six-area profile: people with overlapping certifications,
// the shortcut, and facts for every area.
var benchProfile = []byte(`{"asOf":"2026-06-01",
"people":[
 {"id":"ana","certifications":["AZ-104","DP-300","AZ-305"]},
 {"id":"ben","certifications":["AZ-104","AZ-204","AZ-400"]},
 {"id":"chloé","certifications":["AZ-305","DP-600","PL-300"]},
 {"id":"dan","certifications":["MS-700","MS-102","SC-300"]},
 {"id":"eve","certifications":["SC-200","AZ-500","SC-100"]},
 {"id":"fay","certifications":["SC-200","SC-401","MB-800"]},
 {"id":"gus","certifications":["PL-200","PL-600","MB-820"]},
 {"id":"hal","certifications":["AZ-700","AZ-140","AZ-104"]}],
"certifications":{"MD-102":2,"AZ-500":1,"MB-310":3},
"facts":{"mw.ent.netCustomerAdds":4,"mw.smb.netCustomerAdds":7,"mw.ent.usageGrowth.cpor":800,"mw.ent.usageGrowth.dpor":2500,
 "mw.smb.usageGrowth.cpor":300,"mw.smb.usageGrowth.csp":900,"mw.ent.deployments.cpor":3,"mw.ent.deployments.dpor":6,
 "mw.smb.deployments.cpor":2,"mw.smb.deployments.csp":5,"azure.smbCustomerShare":65,"azure.ent.netCustomerAdds":2,
 "azure.usageGrowth":14.5,"azure.acrTtm":250000,"azure.deployments":4,"ba.largeWorkloads":3,"ba.smb.netCustomerAdds":4,
 "ba.usageGrowth":22,"ba.mcvBaseline":40000,"ba.smb.deployments":3,"sec.ent.netCustomerAdds.azure":3,"sec.ent.netCustomerAdds.m365":4,
 "sec.smb.netCustomerAdds.azure":2,"sec.smb.netCustomerAdds.m365":2,"sec.ent.deployments.azure":2,"sec.ent.deployments.m365":3,
 "sec.smb.deployments.azure":1,"sec.smb.deployments.m365":2,"sec.ent.usageGrowth.azureAcr":9000,"sec.ent.usageGrowth.m365Users":700,
 "sec.smb.usageGrowth.azureAcr":4000,"sec.smb.usageGrowth.m365Users":300}}`)

func benchEngine(b *testing.B) *Engine {
	b.Helper()
	e, err := New(WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// benchResult is the result of benchProfile, for the encoders' benchmarks.
func benchResult(b *testing.B) *Result {
	b.Helper()
	e := benchEngine(b)
	in, err := e.Parse(benchProfile)
	if err != nil {
		b.Fatal(err)
	}
	r, err := e.Evaluate(in)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkEvaluate is a full six-area evaluation from a decoded profile.
// Budget (issue 2): ≤ 2 µs and ≤ 10 allocations per evaluation.
func BenchmarkEvaluate(b *testing.B) {
	e := benchEngine(b)
	in, err := e.Parse(benchProfile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Evaluate(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoundTrip is JSON in, JSON out: parse, resolve, evaluate, encode.
func BenchmarkRoundTrip(b *testing.B) {
	e := benchEngine(b)
	buf := make([]byte, 0, 64<<10)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchProfile)))
	for b.Loop() {
		in, err := e.Parse(benchProfile)
		if err != nil {
			b.Fatal(err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			b.Fatal(err)
		}
		buf = r.AppendJSON(buf[:0])
	}
	b.ReportMetric(float64(len(buf)), "result-bytes")
}

// BenchmarkParse is the decoding stage alone (parse and resolve).
func BenchmarkParse(b *testing.B) {
	e := benchEngine(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Parse(benchProfile); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseInto is the decoding stage into a reused Input (Engine.ParseInto).
func BenchmarkParseInto(b *testing.B) {
	e := benchEngine(b)
	var in Input
	b.ReportAllocs()
	for b.Loop() {
		if err := e.ParseInto(&in, benchProfile); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoundTripReused is BenchmarkRoundTrip with every stage's storage reused, as the
// browser engine and the Worker serve one profile after another: ParseInto, EvaluateInto,
// AppendJSON into the same buffer.
func BenchmarkRoundTripReused(b *testing.B) {
	e := benchEngine(b)
	var (
		in  Input
		r   Result
		buf = make([]byte, 0, 64<<10)
	)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchProfile)))
	for b.Loop() {
		if err := e.ParseInto(&in, benchProfile); err != nil {
			b.Fatal(err)
		}
		if err := e.EvaluateInto(&r, &in); err != nil {
			b.Fatal(err)
		}
		buf = r.AppendJSON(buf[:0])
	}
	b.ReportMetric(float64(len(buf)), "result-bytes")
}

// BenchmarkEncode is the encoding stage alone.
func BenchmarkEncode(b *testing.B) {
	r := benchResult(b)
	buf := make([]byte, 0, 64<<10)
	b.ReportAllocs()
	for b.Loop() {
		buf = r.AppendJSON(buf[:0])
	}
}

// BenchmarkEncodeTape is the encoding stage as the browser engine's tape (see Tape),
// beside BenchmarkEncode.
func BenchmarkEncodeTape(b *testing.B) {
	r := benchResult(b)
	var t Tape
	b.ReportAllocs()
	for b.Loop() {
		t.SetOutcome(r)
	}
	b.ReportMetric(float64(len(t.Ops)), "ops-bytes")
	b.ReportMetric(float64(len(t.Heap)), "heap-bytes")
}

// BenchmarkEvaluatePlan is an evaluation that also computes gaps and the exact plan.
func BenchmarkEvaluatePlan(b *testing.B) {
	e := benchEngine(b)
	p, err := ParseProfile(benchProfile)
	if err != nil {
		b.Fatal(err)
	}
	p.Plan = &PlanRequest{}
	in, err := e.Resolve(p)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Evaluate(in); err != nil {
			b.Fatal(err)
		}
	}
}

// plainResult is Result without its hand-written encoder, for the baseline.
type plainResult Result

// BenchmarkBaselineStdJSON is the baseline of BenchmarkRoundTrip: the same work with
// encoding/json decoding the profile and encoding the result by reflection.
func BenchmarkBaselineStdJSON(b *testing.B) {
	e := benchEngine(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchProfile)))
	for b.Loop() {
		var p Profile
		if err := json.Unmarshal(benchProfile, &p); err != nil {
			b.Fatal(err)
		}
		in, err := e.Resolve(&p)
		if err != nil {
			b.Fatal(err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal((*plainResult)(r)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateInto is BenchmarkEvaluate reusing one Result, as batch does.
func BenchmarkEvaluateInto(b *testing.B) {
	e := benchEngine(b)
	in, err := e.Parse(benchProfile)
	if err != nil {
		b.Fatal(err)
	}
	var r Result
	b.ReportAllocs()
	for b.Loop() {
		if err := e.EvaluateInto(&r, in); err != nil {
			b.Fatal(err)
		}
	}
}
