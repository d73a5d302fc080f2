package score

import (
	"strings"
	"testing"
)

// TestTidy: sums and differences of points lose their float noise, other values keep their
// precision.
func TestTidy(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{70 - 59.4, 10.6},
		{0.1 + 0.2, 0.3},
		{59.4, 59.4},
		{20.0 / 3, 20.0 / 3},
		{18.75, 18.75},
		{-0.1 - 0.2, -0.3},
		{0, 0},
		{1e-12, 0},
		{1e9 + 0.5, 1e9 + 0.5},
	} {
		if got := tidy(tc.in); got != tc.want {
			t.Errorf("tidy(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestShortfallWithoutNoise: an area at 59.4 of 70 misses 10.6, not 10.600000000000001, in
// the result and in its JSON.
func TestShortfallWithoutNoise(t *testing.T) {
	e, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	in, err := e.Parse([]byte(`{"asOf":"2026-06-01","programs":["microsoft-ai-cloud-partner-program"],
		"certifications":{"AZ-104":1,"AZ-305":1,"AZ-700":2,"AZ-800":1,"AZ-140":2},
		"facts":{"azure.smbCustomerShare":92.5,"azure.smb.netCustomerAdds":3,"azure.usageGrowth":15.4,"azure.acrTtm":48000,"azure.deployments":3}}`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Evaluate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Programs[0].Areas {
		if a.ID != "data-ai" {
			continue
		}
		if a.Score != 59.4 || a.Shortfall != 10.6 {
			t.Fatalf("data-ai: score %v shortfall %v, want 59.4 and 10.6", a.Score, a.Shortfall)
		}
		if js := string(res.AppendJSON(nil)); !strings.Contains(js, `"shortfall":10.6,`) {
			t.Errorf("JSON has no \"shortfall\":10.6")
		}
		return
	}
	t.Fatal("no data-ai area")
}
