package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

const compareProfile = `{"people":[{"certifications":["AZ-500","SC-200"]},{"certifications":["AZ-500","SC-200"]},{"certifications":["SC-100"]},{"certifications":["SC-300","MS-700"]},{"certifications":["MS-102"]},{"certifications":["MS-203"]},{"certifications":["MS-600"]},{"certifications":["AB-900"]}],
"facts":{"mw.ent.netCustomerAdds":5,"mw.ent.usageGrowth.cpor":1000,"mw.ent.deployments.cpor":5,"sec.ent.netCustomerAdds.azure":6,"sec.ent.netCustomerAdds.m365":4,"sec.ent.deployments.azure":3,"sec.ent.deployments.m365":3,"sec.ent.usageGrowth.azureAcr":12500,"sec.ent.usageGrowth.m365Users":1250}}`

func TestCompare(t *testing.T) {
	code, out, errOut := cli(t, compareProfile, "compare", "-from", "2023-10-15", "-to", "2025-10-15")
	if code != exitOK {
		t.Fatalf("compare: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"fy24 (from 2023-03-01) → fy26 (from 2025-07-01)", "Modern Work: Enterprise 90/100 QUALIFIED → Enterprise 87.5/100 QUALIFIED  [score]",
		"Intermediate certifications: 26.7/40 → 13.3/40  [certifications, gates, points, value]"} {
		if !strings.Contains(out, want) {
			t.Errorf("compare: output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Net customer adds") {
		t.Errorf("compare: unchanged metrics listed without -all:\n%s", out)
	}
	// In French: the tracks' names, the changes' words and the French colon.
	code, out, errOut = cli(t, compareProfile, "compare", "-lang", "fr", "-from", "2023-10-15", "-to", "2025-10-15")
	for _, want := range []string{"règles : fy24 (depuis le 2023-03-01) → fy26 (depuis le 2025-07-01)",
		"Modern Work (travail moderne) : Entreprise 90/100 QUALIFIÉ → Entreprise 87,5/100 QUALIFIÉ  [score]",
		"Certifications intermédiaires : 26,7/40 → 13,3/40  [certifications, prérequis, points, valeur]"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("compare -lang fr: exit %d, output lacks %q:\n%s%s", code, want, out, errOut)
		}
	}
	code, out, _ = cli(t, compareProfile, "compare", "-json", "-lang", "fr", "-from", "2022-12-01", "-to", "2025-10-15", "-")
	var c struct {
		From, To, Lang string
		Programs       []struct {
			Before, After struct{ Version string }
			Areas         []struct {
				ID      string
				After   struct{ Track, TrackName string }
				Metrics []struct {
					ID     string
					Before struct{ Assumption bool }
				}
			}
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &c) != nil {
		t.Fatalf("compare -json: exit %d, output %s", code, out)
	}
	if c.Lang != "fr" || c.Programs[0].Before.Version != "fy23" || c.Programs[0].After.Version != "fy26" {
		t.Errorf("compare -json: %+v", c)
	}
	if a := c.Programs[0].Areas[0].After; a.Track != "enterprise" || a.TrackName != "Entreprise" {
		t.Errorf("compare -json -lang fr: Modern Work's track on 2025-10-15 %+v, want enterprise named Entreprise", a)
	}
	if m := c.Programs[0].Areas[0].Metrics; c.Programs[0].Areas[0].ID != "modern-work" || m[0].Before.Assumption || !m[len(m)-1].Before.Assumption {
		t.Errorf("compare -json: Modern Work on 2022-12-01: net adds sourced, deployments an assumption; got %+v", m)
	}
	for _, k := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "-to", "2025-10-15"}, "/from: a date is required"},
		{[]string{"compare", "-from", "2021-01-01", "-to", "2025-10-15"}, "/from: no program rules are in force"},
		{[]string{"compare", "-from", "2025-01-01", "-to", "2025-13-01"}, "/to: not a valid date"},
	} {
		code, _, errOut := cli(t, compareProfile, k.args...)
		if code != exitInput || !strings.Contains(errOut, k.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", k.args, code, errOut, k.want)
		}
	}
}

// TestCompareJSONLine: -json prints one line, as POST /v1/compare answers; -pretty indents.
// TestCompareJustUnder checks that a score 0.04 under the qualifying score reads as under
// it on both dates (the side gives its shortfall, from which the limit is found).
func TestCompareJustUnder(t *testing.T) {
	// Modern Work at 69.96: 58.5 points, and 382 users of usage growth at 30 points per 1,000.
	profile := `{"programs": ["microsoft-ai-cloud-partner-program"],
		"certifications": {"MS-700": 2, "Identity and Access Administrator": 1, "enterprise-administrator-expert": 2},
		"facts": {"mw.ent.netCustomerAdds": 4, "mw.ent.usageGrowth.cpor": 382, "mw.ent.deployments.cpor": 4, "mw.ent.deployments.dpor": 2}}`
	code, out, errOut := cli(t, profile, "compare", "-from", "2024-10-01", "-to", "2026-02-01")
	if code != exitOK {
		t.Fatalf("compare: exit %d, stderr %s", code, errOut)
	}
	if want := "Modern Work: Enterprise 69.96/100 not qualified → Enterprise 69.96/100 not qualified"; !strings.Contains(out, want) {
		t.Errorf("compare: output lacks %q:\n%s", want, out)
	}
}

func TestCompareJSONLine(t *testing.T) {
	args := []string{"compare", "-json", "-from", "2023-10-15", "-to", "2025-10-15"}
	code, line, errOut := cli(t, compareProfile, args...)
	if code != exitOK || strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") || !json.Valid([]byte(line)) {
		t.Fatalf("compare -json: exit %d, stderr %s, want one line of JSON: %.200s", code, errOut, line)
	}
	code, pretty, errOut := cli(t, compareProfile, append(args, "-pretty")...)
	if code != exitOK || !strings.HasPrefix(pretty, "{\n  \"from\": \"2023-10-15\",\n") {
		t.Fatalf("compare -json -pretty: exit %d, stderr %s, output %.200s", code, errOut, pretty)
	}
	var a, b any
	if json.Unmarshal([]byte(line), &a) != nil || json.Unmarshal([]byte(pretty), &b) != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("compare -json and -json -pretty differ")
	}
}

// TestCompareModels reads the comparison of programs of the other models: the CSP levels
// met on one date and not the other, what each date lacks; calculators by their versions.
func TestCompareModels(t *testing.T) {
	code, out, errOut := cli(t, "", "compare", "-from", "2019-06-01", "-to", "2026-06-01", "../../examples/programs/csp-fy26-direct-bill.json")
	if code != exitOK {
		t.Fatalf("compare: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"Direct bill partner: not met → MET  [met, missing]",
		"    missing 2019-06-01: Partner network id (MPN ID); First-level cloud support; ",
		"    missing 2026-06-01: —\n",
		"Indirect reseller: not met → not met  [missing]\n    missing 2019-06-01: Partner network id (MPN ID); Buys through an indirect provider\n    missing 2026-06-01: Buys through an indirect provider\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("compare: output lacks %q:\n%s", want, out)
		}
	}
	// A calculator is compared by its versions alone (and, no metric being starred, the
	// report has no footnote for the star).
	code, out, _ = cli(t, "", "compare", "-all", "-lang", "fr", "-from", "2023-01-01", "-to", "2024-01-01", "../../examples/programs/economics.json")
	if code != exitOK || !strings.Contains(out, "Rien ne change.") || !strings.Contains(out, "règles : 2022-03 (depuis le 2022-03-10) → 2022-03") ||
		strings.Contains(out, "hypothèse") {
		t.Errorf("compare of calculators: exit %d\n%s", code, out)
	}
}
