package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// fixedNow is the tests' today: every command sees it, through the engine's clock and today.
var fixedNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func testEngine(tb testing.TB) *score.Engine {
	tb.Helper()
	eng, err := score.New(score.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		tb.Fatal(err)
	}
	return eng
}

func TestMain(m *testing.M) {
	eng, err := score.New(score.WithClock(func() time.Time { return fixedNow }))
	newEngine = func() (*score.Engine, error) { return eng, err }
	today = func() time.Time { return fixedNow }
	os.Exit(m.Run())
}

// profile is the README's example: Modern Work qualifies on the Enterprise track. It
// has no asOf, so the fixed clock gives the date.
const profile = `{
  "people": [
    {"id": "ana", "certifications": ["MS-700", "MS-102"]},
    {"id": "ben", "certifications": ["SC-300", "MS-102"]}
  ],
  "certifications": {"MD-102": 2},
  "facts": {
    "mw.ent.netCustomerAdds": 4,
    "mw.ent.usageGrowth.cpor": 800,
    "mw.ent.usageGrowth.dpor": 2500,
    "mw.ent.deployments.cpor": 3
  }
}`

// cli runs the command in-process.
func cli(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// golden is what the library gives for the same input.
func golden(t *testing.T, in string) string {
	t.Helper()
	b, err := testEngine(t).EvaluateJSON([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func TestEvaluate(t *testing.T) {
	file := writeFile(t, "me.json", profile)
	want := golden(t, profile)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, []byte(want), "", "  "); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"file", "", []string{"evaluate", file}, want},
		{"stdin", profile, []string{"evaluate"}, want},
		{"stdin dash", profile, []string{"evaluate", "-"}, want},
		{"pretty", "", []string{"evaluate", "-pretty", file}, pretty.String()},
		{"flag after file", "", []string{"evaluate", file, "-pretty"}, pretty.String()},
		{"after --", "", []string{"evaluate", "--", file}, want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, tc.stdin, tc.args...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if out != tc.want {
				t.Errorf("output differs from EvaluateJSON:\ngot  %.300s\nwant %.300s", out, tc.want)
			}
			if !strings.Contains(out, `"asOf":"2026-06-01"`) && !strings.Contains(out, `"asOf": "2026-06-01"`) {
				t.Errorf("the fixed clock's date is not the result's asOf: %.100s", out)
			}
		})
	}
	t.Run("one line", func(t *testing.T) {
		_, out, _ := cli(t, profile, "evaluate")
		if strings.Count(out, "\n") != 1 || !json.Valid([]byte(out)) {
			t.Errorf("want one line of valid JSON, got %.200s", out)
		}
	})
}

// batchLines splits batch output into lines, checking that each is valid JSON.
func batchLines(t *testing.T, out string) []string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end in a newline: %q", out[max(0, len(out)-40):])
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Fatalf("output line %d is not JSON: %.200s", i+1, l)
		}
	}
	return lines
}

type errLine struct {
	Line   int            `json:"line"`
	Errors []*score.Error `json:"errors"`
}

func TestBatch(t *testing.T) {
	one := strings.Join(strings.Fields(profile), "")
	res := strings.TrimSuffix(golden(t, one), "\n")
	frac := `{"facts":{"mw.ent.netCustomerAdds":2.5}}`
	big := `{"asOf":"` + strings.Repeat("x", score.MaxInputBytes) + `"}`
	type wantLine struct {
		result bool   // a result equal to res
		line   int    // else: an error line for this input line
		path   string // with an error at this path
		code   string // and this code
	}
	ok := wantLine{result: true}
	for _, tc := range []struct {
		name  string
		in    string
		want  []wantLine
		code  int
		jobss []int
	}{
		{"three lines, middle bad", one + "\n" + frac + "\n" + one + "\n",
			[]wantLine{ok, {line: 2, path: "/facts/mw.ent.netCustomerAdds", code: score.CodeInteger}, ok}, 2, nil},
		{"blank lines skipped", one + "\n\n   \n\t\r\n" + one + "\n",
			[]wantLine{ok, ok}, 0, nil},
		{"blank line numbers still count", "\n" + one + "\n\n{\n",
			[]wantLine{ok, {line: 4, path: "", code: score.CodeSyntax}}, 2, nil},
		{"crlf and no final newline", one + "\r\n" + one,
			[]wantLine{ok, ok}, 0, nil},
		{"empty input", "", nil, 0, nil},
		{"only blank lines", "\n\n \n", nil, 0, nil},
		{"too large a line, then go on", one + "\n" + big + "\n" + one + "\n",
			[]wantLine{ok, {line: 2, path: "", code: score.CodeTooLarge}, ok}, 2, nil},
		{"far too large a line (over the read buffer)", one + "\n" + big + big + "\n" + one + "\n",
			[]wantLine{ok, {line: 2, path: "", code: score.CodeTooLarge}, ok}, 2, nil},
		{"too large a last line", one + "\n" + big,
			[]wantLine{ok, {line: 2, path: "", code: score.CodeTooLarge}}, 2, nil},
		{"all bad", "[]\n{\"asOf\":\"2019-01-01\"}\n",
			[]wantLine{{line: 1, path: "", code: score.CodeType}, {line: 2, path: "/asOf", code: score.CodeNoRules}}, 2, nil},
		{"many lines, in order", strings.Repeat(one+"\n"+frac+"\n", 150),
			nil, 2, nil},
	} {
		for _, jobs := range []string{"1", "3"} {
			t.Run(tc.name+"/j"+jobs, func(t *testing.T) {
				code, out, errs := cli(t, tc.in, "batch", "-j", jobs)
				if code != tc.code {
					t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
				}
				lines := batchLines(t, out)
				want := tc.want
				if want == nil && tc.name == "many lines, in order" {
					for i := range 300 {
						if i%2 == 0 {
							want = append(want, ok)
						} else {
							want = append(want, wantLine{line: i + 1, path: "/facts/mw.ent.netCustomerAdds", code: score.CodeInteger})
						}
					}
				}
				if len(lines) != len(want) {
					t.Fatalf("%d output lines, want %d", len(lines), len(want))
				}
				for i, w := range want {
					if w.result {
						if lines[i] != res {
							t.Errorf("line %d: not the result of EvaluateJSON: %.200s", i+1, lines[i])
						}
						continue
					}
					var el errLine
					if err := json.Unmarshal([]byte(lines[i]), &el); err != nil || len(el.Errors) == 0 {
						t.Fatalf("line %d: not an error line: %.200s", i+1, lines[i])
					}
					if el.Line != w.line || el.Errors[0].Path != w.path || el.Errors[0].Code != w.code {
						t.Errorf("line %d: got line %d path %q code %q, want line %d path %q code %q",
							i+1, el.Line, el.Errors[0].Path, el.Errors[0].Code, w.line, w.path, w.code)
					}
				}
			})
		}
	}
}

// TestBatchStreams feeds batch one line at a time through pipes and reads each result
// before writing the next line: results must come out without waiting for more input.
func TestBatchStreams(t *testing.T) {
	one := strings.Join(strings.Fields(profile), "")
	for _, jobs := range []string{"1", "4"} {
		t.Run("j"+jobs, func(t *testing.T) {
			inR, inW := io.Pipe()
			outR, outW := io.Pipe()
			done := make(chan int, 1)
			go func() {
				code := run([]string{"batch", "-j", jobs}, inR, outW, io.Discard)
				outW.Close()
				done <- code
			}()
			rd := bufio.NewReaderSize(outR, 1<<20)
			for i, line := range []string{one, "{", one} {
				if _, err := io.WriteString(inW, line+"\n"); err != nil {
					t.Fatal(err)
				}
				got := make(chan string, 1)
				go func() {
					s, _ := rd.ReadString('\n')
					got <- s
				}()
				select {
				case s := <-got:
					if isErr := strings.HasPrefix(s, `{"line":`); isErr != (i == 1) {
						t.Fatalf("line %d: unexpected output %.100s", i+1, s)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("line %d: no output while the input waits", i+1)
				}
			}
			inW.Close()
			if rest, _ := io.ReadAll(rd); len(rest) != 0 {
				t.Errorf("extra output %q", rest)
			}
			if code := <-done; code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}

func TestPrograms(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		has  []string
	}{
		{"text", []string{"programs"}, 0, []string{"microsoft-ai-cloud-partner-program", "fy26", "in force on 2026-06-01",
			"2025-07-01", "verified on", "modern-work", "Modern Work", "security", "enterprise, smb"}},
		{"all", []string{"programs", "-all"}, 0, []string{"microsoft-ai-cloud-partner-program  fy26"}},
		{"date", []string{"programs", "-date", "2025-07-01"}, 0, []string{"in force on 2025-07-01"}},
		{"no version in force", []string{"programs", "-date", "2008-06-01"}, 0, []string{"No program version is in force on 2008-06-01"}},
		{"all before any version", []string{"programs", "-all", "-date", "2019-01-01"}, 0, []string{"fy26\n"}},
		{"bad date", []string{"programs", "-date", "2026-13-01"}, 2, []string{"-date: not a valid date"}},
		{"argument", []string{"programs", "x"}, 2, []string{"takes no argument"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			for _, s := range tc.has {
				if !strings.Contains(out+errs, s) {
					t.Errorf("output lacks %q:\n%s%s", s, out, errs)
				}
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		code, out, errs := cli(t, "", "programs", "-json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got struct {
			Date     string        `json:"date"`
			Programs []programJSON `json:"programs"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Date != "2026-06-01" || len(got.Programs) == 0 {
			t.Fatalf("got date %q and %d programs", got.Date, len(got.Programs))
		}
		p := got.Programs[0] // the Solutions Partner designations sort first
		if p.ID != "microsoft-ai-cloud-partner-program" || p.Version != "fy26" || !p.InForce || p.EffectiveFrom != "2025-07-01" ||
			p.VerifiedOn == "" || len(p.Areas) != 6 || p.Areas[0].ID != "modern-work" || len(p.Areas[0].Tracks) != 2 {
			t.Errorf("unexpected program %+v", p)
		}
		code, out, _ = cli(t, "", "programs", "-json", "-date", "2008-06-01")
		if code != 0 || !strings.Contains(out, `"programs": []`) {
			t.Errorf("no version in force: exit %d, %s", code, out)
		}
	})
}

func TestExplain(t *testing.T) {
	file := writeFile(t, "me.json", profile)
	// Modern Work at 69.96: 58.5 points, and 382 users of usage growth at 30 points per 1,000.
	justUnder := `{"asOf": "2026-02-01", "programs": ["microsoft-ai-cloud-partner-program"],
		"certifications": {"MS-700": 2, "Identity and Access Administrator": 1, "enterprise-administrator-expert": 2},
		"facts": {"mw.ent.netCustomerAdds": 4, "mw.ent.usageGrowth.cpor": 382, "mw.ent.deployments.cpor": 4, "mw.ent.deployments.dpor": 2}}`
	withPlan := strings.Replace(profile, "{", `{"plan": {"costs": {"mw.ent.netCustomerAdds": 10}},`, 1)
	inFrench := strings.Replace(profile, "{", `{"lang": "fr",`, 1)
	en := []string{"as of 2026-06-01", "Modern Work — QUALIFIED", "Security — NOT QUALIFIED", "Data & AI (Azure)",
		"Track: Enterprise — the best track", "Score: 80/100 (qualifying score 70)", "Net customer adds [performance]",
		"16/20", "4 customers × 4", "Warnings:"}
	fr := []string{"au 2026-06-01", "Modern Work (travail moderne) — QUALIFIÉ", "Sécurité — NON QUALIFIÉ", "Données et IA (Azure)",
		"Parcours : Entreprise — le meilleur parcours", "Score : 80/100 (score de qualification 70)", "4 clients × 4", "Avertissements :"}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		has   []string
		hasnt []string
	}{
		{"en", "", []string{"explain", file}, en, []string{"QUALIFIÉ", "Cheapest plan"}},
		{"fr", "", []string{"explain", "-lang", "fr", file}, fr, []string{"NOT QUALIFIED", "Plan le moins"}},
		{"profile lang", inFrench, []string{"explain"}, fr, nil},
		{"flag beats profile lang", inFrench, []string{"explain", "-lang", "en", "-"}, en, nil},
		{"plan flag", "", []string{"explain", "-plan", file}, []string{"Gaps", "Cheapest plan: already qualified", "Cheapest plan (track"}, nil},
		{"plan in profile", withPlan, []string{"explain"}, []string{"Gaps", "Cheapest plan"}, nil},
		{"plan in French", withPlan, []string{"explain", "-lang", "fr"}, []string{"Écarts", "Plan le moins coûteux", "déjà qualifié"}, nil},
		// Facts, certifications, metrics and tracks by the names the result and the rule data
		// give them, not their ids; a metric above zero never reads as zero.
		{"names", "", []string{"explain", "../../examples/security-people-plan.json"}, []string{
			"Cheapest plan (track Enterprise, cost 15, score 70):",
			"add 5 customers of “Modern Work Enterprise: net customer adds (12 months)” (Net customer adds) → metric at 20 pts",
			"add 2 people certified Microsoft 365 Certified: Teams Administrator Associate (MS-700) (Intermediate certifications)",
			"→ metric at 0.03 pts, cost 1",
			"Usage growth [CPOR]: +500 users of “Modern Work SMB: usage growth via CPOR (active users)” (now 0) → +30 pts",
			// A plan step on a track other than the counting one names its part too.
			"(Usage growth [CPOR]) → metric at 0.03 pts",
			"CPOR: 0 users (not given) × 30 pts per 500 = 0; CSP: 0 users (not given) × 30 pts per 2,000 = 0; the best option counts: CPOR → 0 of 30",
			"gate Azure Administrator: 1 person, 2 needed, not met; gate Azure Solutions Architect: 0 people, 2 needed, not met",
			"Track: Enterprise — picked by “Azure: share of customers in the SMB segment” (not given; below 80)",
			// The part that counts a gated metric's people has no name in the data: the report
			// says what it counts.
			// counted with the metric's prerequisites met, and it says so; a metric without
			// prerequisites does not.
			"Intermediate certifications [certified people]: +10 people (now 0) → +40 pts, once every prerequisite of the metric is met\n",
			"Usage growth [CPOR]: +500 users of “Modern Work SMB: usage growth via CPOR (active users)” (now 0) → +30 pts\n",
			"Azure: 3,000 USD × 1 pt per 750 (whole steps only) = 4",
		}, []string{"[people]", "1 pts", "certified microsoft-365-fundamentals", "of mw.ent.netCustomerAdds", "(net-customer-adds/tenants)", "track enterprise,",
			"[cpor]", "cpor:", "gate administrator"}},
		// What each named person's leaving would change: with -leaving, or when the profile asks.
		{"leaving flag", "", []string{"explain", "-leaving", "../../examples/programs/vmware-advanced.json"}, []string{
			"If someone leaves:\n  chloe:\n    VMware Partner Connect: loses Partner; Advanced Partner; Solution competency: Data Center Virtualization\n    Principal Partner: would also lack Advanced Partner level\n  david:",
			"  ana: no change\n",
		}, nil},
		// A departure that breaks a gate says so beside the people counted, which stay two.
		{"leaving breaks a gate", `{"asOf":"2027-01-15","people":[{"id":"a","certifications":["AZ-500","SC-200"]},{"id":"b","certifications":["AZ-500","SC-200"]},{"id":"c","certifications":["SC-100"]},{"id":"d","certifications":["SC-300"]}],
		  "facts":{"sec.ent.netCustomerAdds.azure":6,"sec.ent.netCustomerAdds.m365":4,"sec.ent.deployments.azure":3,"sec.ent.deployments.m365":3,"sec.ent.usageGrowth.azureAcr":12500,"sec.ent.usageGrowth.m365Users":1250}}`,
			[]string{"explain", "-leaving"}, []string{"  a:\n    Security 73.3 → 60, NOT QUALIFIED: Intermediate certifications 13.3 → 0 pts (2 → 2 people; a gate would no longer be met)\n"}, nil},
		// A level not met either way that would lack one more requirement says which.
		{"leaving: a level not met would lack more", `{"asOf":"2026-06-01","programs":["microsoft-cloud-solution-provider"],"people":[{"id":"m1","certifications":["MS-700"]},{"id":"m2","certifications":["MS-700"]},{"id":"m3","certifications":["MS-700"]},{"id":"m4","certifications":["MS-700"]},{"id":"x","certifications":["MS-102"]},{"id":"y","certifications":["MS-102"]}],
		  "facts":{"csp.revenueTTM":1000,"csp.monthsIndirectReseller":30,"csp.operationalAssessment":1,"csp.supportPlan":1,"csp.securityRequirements":1,"csp.vettingPassed":1,"csp.agreementSigned":1,"csp.indirectProvider":0,"mw.ent.netCustomerAdds":5,"mw.ent.usageGrowth.cpor":750,"mw.ent.deployments.cpor":1}}`,
			[]string{"explain", "-leaving"}, []string{"If someone leaves:\n  x:\n    Direct bill partner: would also lack At least one Solutions Partner designation\n  y:", "  m1: no change\n"}, nil},
		// A departure that moves a measure and no points (5 → 4 people where 4 earn the
		// maximum) says so, rather than name the person over nothing.
		{"leaving moves no points", "", []string{"explain", "-leaving", "../../examples/security-people-plan.json"}, []string{
			"  bob@contoso.example: no change in points (a measure moves, within what earns the maximum or below what earns a point)\n",
		}, []string{"bob@contoso.example:\n"}},
		{"leaving moves no points, in French", "", []string{"explain", "-lang", "fr", "-leaving", "../../examples/security-people-plan.json"}, []string{
			"  bob@contoso.example : aucun changement de points (",
		}, nil},
		// The qualification window (a history) and the projection, when the profile asks.
		{"window and projection", `{"asOf":"2026-06-01","people":[{"id":"ana","certifications":["MS-700","MS-102"]},{"id":"ben","certifications":["SC-300","MS-102"]}],"certifications":{"MD-102":2},"facts":{"mw.ent.netCustomerAdds":4,"mw.ent.usageGrowth.cpor":800,"mw.ent.usageGrowth.dpor":2500,"mw.ent.deployments.cpor":3},"history":[{"month":"2026-01","facts":{"mw.ent.netCustomerAdds":0,"mw.ent.usageGrowth.cpor":800,"mw.ent.deployments.cpor":3}},{"month":"2026-03","facts":{"mw.ent.netCustomerAdds":4,"mw.ent.usageGrowth.cpor":800,"mw.ent.deployments.cpor":3}}],"projection":{"months":18}}`, []string{"explain"}, []string{
			"\nQualification window (from 2026-01-01 to 2026-06-01): a designation is earned when its area qualifies on some day of these months.\n  Modern Work: qualified in 2026-03, 2026-06 — HOLDS\n  Data & AI (Azure): qualified in none of these months — DOES NOT HOLD\n",
			"\nProjection (18 months, the profile unchanged, as certifications stop counting and rules change):\n  Modern Work: 80 on 2026-06-01 → 65 on 2027-12-01; under the qualifying score from 2027-12-01; no longer qualified from 2027-12-01\n    Microsoft 365 Certified: Enterprise Administrator Expert (2 people) stops counting on 2027-12-01\n",
		}, nil},
		{"window and projection, in French", `{"asOf":"2026-06-01","people":[{"id":"ana","certifications":["MS-700","MS-102"]},{"id":"ben","certifications":["SC-300","MS-102"]}],"certifications":{"MD-102":2},"facts":{"mw.ent.netCustomerAdds":4,"mw.ent.usageGrowth.cpor":800,"mw.ent.usageGrowth.dpor":2500,"mw.ent.deployments.cpor":3},"history":[{"month":"2026-01","facts":{"mw.ent.netCustomerAdds":0,"mw.ent.usageGrowth.cpor":800,"mw.ent.deployments.cpor":3}},{"month":"2026-03","facts":{"mw.ent.netCustomerAdds":4,"mw.ent.usageGrowth.cpor":800,"mw.ent.deployments.cpor":3}}],"projection":{"months":18}}`, []string{"explain", "-lang", "fr"}, []string{
			"Fenêtre de qualification (du 2026-01-01 au 2026-06-01) : une désignation est obtenue",
			"Modern Work (travail moderne) : qualifié en 2026-03, 2026-06 — ACQUISE\n",
			"Projection (18 mois, le profil inchangé",
			"(2 personnes) cesse de compter le 2027-12-01\n",
		}, nil},
		{"no window nor projection unasked", "", []string{"explain", "../../examples/security-people-plan.json"}, nil, []string{"Qualification window", "\nProjection"}},
		{"no leaving without the flag", "", []string{"explain", "../../examples/programs/vmware-advanced.json"}, nil, []string{"If someone leaves"}},
		// Asked for with no one named: the section says so rather than stay empty.
		{"leaving with no one named", "", []string{"explain", "-leaving", "../../examples/programs/bpos-2010.json"}, []string{
			"\nIf someone leaves: no one is named in the profile; list the people",
		}, nil},
		{"leaving with no one named, in French", "", []string{"explain", "-lang", "fr", "-leaving", "../../examples/programs/bpos-2010.json"}, []string{
			"\nSi quelqu'un part : personne n'est nommé dans le profil ; indiquez les personnes",
		}, nil},
		// An assumed parameter's unit is named as the explanations name units.
		{"assumptions' units", "", []string{"explain", "../../examples/programs/economics.json"}, []string{
			"Assumption: Months between use and the CSP bill = 1 month\n", "Assumption: Price per user per month = 8 USD\n",
		}, []string{"= 1 months\n", " usd\n"}},
		{"assumptions' units, in French", "", []string{"explain", "-lang", "fr", "../../examples/programs/vmware-advanced.json"}, []string{
			"Hypothèse : VCP par compétence solution = 2 personnes\n", "Hypothèse : Compétences solutions pour Partner = 1 compétence\n",
			"Hypothèse : Advanced Partner : chiffre d'affaires VMware minimum = 250\u202f000 USD\n",
		}, []string{" people\n", " competencies\n", " usd\n"}},
		{"leaving in the profile, in French", "", []string{"explain", "-lang", "fr", "../../examples/departures.json"}, []string{
			"Si quelqu'un part :\n  ana :\n    Modern Work (travail moderne) 72,5 → 62,5, NON QUALIFIÉ : Certifications intermédiaires 10 → 7,5 pts (4 → 3 personnes) ; Certifications avancées 15 → 7,5 pts (2 → 1 personne)\n  ben :",
			"  chloe :\n    Modern Work (travail moderne) 72,5 → 70 : Certifications intermédiaires 10 → 7,5 pts (4 → 3 personnes)\n",
		}, nil},
		// 0.04 points short: the score reads 69.96, not 70, beside "not qualified".
		{"just under", strings.Replace(justUnder, "{", `{"lang": "fr",`, 1), []string{"explain"}, []string{
			"Modern Work (travail moderne) — NON QUALIFIÉ : 0,04 point manquant",
			"le meilleur parcours (Entreprise 69,96, PME 25)", "Score : 69,96/100 (score de qualification 70)",
		}, []string{"70/100", "Entreprise 70,"}},
		{"names in French", "", []string{"explain", "-lang", "fr", "../../examples/security-people-plan.json"}, []string{
			"ajouter 2 personnes certifiées Microsoft 365 Certified : Teams Administrator Associate (MS-700) (Certifications intermédiaires)",
			"de « Modern Work Entreprise : ajouts nets de clients (12 mois) »",
			"→ métrique à 0,03 pt,",
			"Croissance d'usage [CPOR] : +500 utilisateurs de « Modern Work PME : croissance d'usage via CPOR (utilisateurs actifs) » (actuellement 0) → +30 pts",
			"CPOR : 0 utilisateur (non renseigné) × 30 pts par 500 = 0 ; CSP : 0 utilisateur",
			"prérequis Administrateur Azure : 1 personne, 2 requises, non atteint",
			"Certifications intermédiaires [personnes certifiées] : +10 personnes (actuellement 0) → +40 pts, une fois chaque prérequis de la métrique rempli\n",
			"Certifications intermédiaires [personnes certifiées] : +10 personnes (actuellement 0) → +40 pts",
			"Azure : 3\u202f000 USD × 1 pt par 750 (tranches complètes seulement) = 4",
			"5 personnes × 8 pts chacune = 40",
		}, []string{"[CPOR]:", "CPOR: ", "[people]", "1 pts", "personnes × 8 pts chacun "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, tc.stdin, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, s := range tc.has {
				if !strings.Contains(out, s) {
					t.Errorf("report lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.hasnt {
				if strings.Contains(out, s) {
					t.Errorf("report has %q", s)
				}
			}
			if strings.Contains(out, "\x1b[") {
				t.Error("colors when stdout is not a terminal")
			}
		})
	}
}

// TestExplainModels: a calculator's table lines its columns up (each as wide as its widest
// cell, numbers on the right) and ends with the totals; figures and missing quantities name
// their unit in the singular or the plural, in the report's language.
func TestExplainModels(t *testing.T) {
	for _, tc := range []struct {
		file string
		args []string
		has  []string
	}{
		{"bpos-2010.json", nil, []string{
			"\n  Period  Subscription revenue  Initial fee  Recurring fee  Fee for the year  Cumulative fees\n" +
				"  year 1                12,000        1,440            720             2,160            2,160\n",
			"\n  year 3                12,000            0            720               720            3,600\n" +
				"  Total                 36,000        1,440          2,160             3,600\n",
			"\n  Total fees: 3,600 USD\n  Fees as a share of revenue: 10 %\n",
		}},
		{"economics.json", []string{"-lang", "fr"}, []string{
			"\n  Période  Engagement annuel  Engagement mensuel  Engagement annuel, cumulé",
			"\n  mois 10                500                   0                      5\u202f000",
			"\n  Total                6\u202f000               5\u202f400\n",
			"Mois d'usage où les deux engagements coûtent autant (au-delà, l'annuel est moins cher) : 10 mois\n",
		}},
		// Levels by their names, not their ids ("advanced", "direct-bill").
		{"vmware-advanced.json", nil, []string{"\nLevel reached: Advanced Partner\n", "not met, 1 competency missing."}},
		{"vmware-advanced.json", []string{"-lang", "fr"}, []string{"\nNiveau atteint : Advanced Partner\n", "il manque 1 compétence."}},
		{"csp-fy26-direct-bill.json", nil, []string{"\nMet: Direct bill partner\n"}},
		{"transition-2022.json", []string{"-lang", "fr"}, []string{
			"\nAtteints : Small and Midmarket Cloud Solutions, silver ; Small and Midmarket Cloud Solutions, gold\n"}},
	} {
		code, out, errs := cli(t, "", append(append([]string{"explain"}, tc.args...), "../../examples/programs/"+tc.file)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.file, code, errs)
		}
		for _, s := range tc.has {
			if !strings.Contains(out, s) {
				t.Errorf("%s %v: report lacks %q:\n%s", tc.file, tc.args, s, out)
			}
		}
	}
}

func TestNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		lang string
		want string
	}{
		{80, "en", "80"}, {6.666, "en", "6.7"}, {6.666, "fr", "6,7"}, {18.75, "en", "18.8"},
		{250000, "en", "250,000"}, {-1234.5, "fr", "-1\u202f234,5"}, {1000, "en", "1,000"}, {999.96, "en", "1,000"}, {-2.5, "fr", "-2,5"}, {0, "en", "0"},
		// Not zero never reads as zero (a metric above zero), nor as "-0".
		{0.03, "en", "0.03"}, {0.04, "fr", "0,04"}, {-0.01, "en", "-0.01"}, {0.00012, "en", "0.0001"},
		// Beyond six decimals: cut away from zero.
		{1e-7, "en", "0.000001"}, {-1e-7, "en", "-0.000001"},
	} {
		if got := num(tc.v, tc.lang); got != tc.want {
			t.Errorf("num(%v, %s) = %q, want %q", tc.v, tc.lang, got, tc.want)
		}
	}
}

// TestNumUnder checks that a figure under its limit (a score under the qualifying score)
// never reads as reaching it, and reads as num does otherwise.
func TestNumUnder(t *testing.T) {
	for _, tc := range []struct {
		v, limit float64
		lang     string
		want     string
	}{
		{69.96, 70, "en", "69.96"}, {69.96, 70, "fr", "69,96"}, {69.95, 70, "en", "69.95"},
		{69.94, 70, "en", "69.9"}, {69.9999999, 70, "en", "69.999999"}, {70, 70, "en", "70"},
		{70.04, 70, "en", "70"}, {24999.99, 25000, "en", "24,999.99"}, {0.03, 70, "en", "0.03"},
		{69.96, math.Inf(1), "en", "70"},
	} {
		if got := numUnder(tc.v, tc.limit, tc.lang); got != tc.want {
			t.Errorf("numUnder(%v, %v, %s) = %q, want %q", tc.v, tc.limit, tc.lang, got, tc.want)
		}
	}
}

// TestBadInput checks that each bad input gives exit 2 and a message naming the field,
// from evaluate, explain and batch alike.
func TestBadInput(t *testing.T) {
	huge := `{"asOf":"2026-06-01","people":[` + strings.Repeat(`{"certifications":["AZ-104"]},`, score.MaxInputBytes/30) + `]}`
	for _, tc := range []struct {
		name  string
		in    string
		path  string   // the JSON Pointer the message names ("input" for the whole input)
		has   []string // and what else it says
		lines int      // how many problems (default 1)
	}{
		{"malformed JSON", `{"facts":{"mw.ent.netCustomerAdds":4,}}`, "/facts", []string{"expected a quoted key", "at byte"}, 1},
		{"truncated", `{"facts":{"mw.ent.netCustomerAdds":4`, "/facts", []string{"unterminated object"}, 1},
		{"not an object", `[1,2]`, "input", []string{"wrong type", "expected object, got array"}, 1},
		{"empty", ``, "input", []string{"empty input"}, 1},
		{"wrong type", `{"facts":{"mw.ent.netCustomerAdds":"4"}}`, "/facts/mw.ent.netCustomerAdds", []string{"wrong type (expected number, got string \"4\")"}, 1},
		{"unknown fact", `{"facts":{"mw.ent.netCustomerAds":4}}`, "/facts/mw.ent.netCustomerAds", []string{"unknown fact", `did you mean "mw.ent.netCustomerAdds"?`}, 1},
		{"unknown field", `{"fact":{}}`, "/fact", []string{"unknown field", `did you mean "facts"?`}, 1},
		{"negative count", `{"certifications":{"AZ-104":-1}}`, "/certifications/AZ-104", []string{"a count cannot be negative"}, 1},
		{"fraction for an integer fact", `{"facts":{"mw.ent.netCustomerAdds":2.5}}`, "/facts/mw.ent.netCustomerAdds",
			[]string{"this fact counts whole things (expected a whole number, got 2.5)"}, 1},
		{"NaN as a string", `{"facts":{"azure.usageGrowth":"NaN"}}`, "/facts/azure.usageGrowth", []string{"wrong type"}, 1},
		{"NaN bare", `{"facts":{"azure.usageGrowth":NaN}}`, "/facts/azure.usageGrowth", []string{"invalid JSON"}, 1},
		{"1e400", `{"facts":{"azure.usageGrowth":1e400}}`, "/facts/azure.usageGrowth", []string{"number too large", "1e400"}, 1},
		{"out of bounds", `{"facts":{"azure.usageGrowth":-500}}`, "/facts/azure.usageGrowth", []string{"outside the bounds"}, 1},
		{"no rules in force", `{"asOf":"2019-01-01"}`, "/asOf", []string{"no program rules are in force"}, 1},
		{"bad date", `{"asOf":"2026-02-30"}`, "/asOf", []string{"not a valid date"}, 1},
		{"unknown certification", `{"people":[{"certifications":["AZ-104","AZ-1O4"]}]}`, "/people/0/certifications/1",
			[]string{"unknown certification", `did you mean "AZ-104"?`}, 1},
		{"every problem", `{"lang":"de","facts":{"mw.ent.netCustomerAdds":2.5,"nope":1}}`, "/facts/mw.ent.netCustomerAdds",
			[]string{"/facts/nope: unknown fact", "/lang: unknown language"}, 3},
		{"every problem, the reading's and the checks'", `{"facts":{"mw.ent.netCustomerAdds":"4","nope":1},"certifications":{"XX-1":1}}`,
			"/facts/mw.ent.netCustomerAdds", []string{"wrong type", "/certifications/XX-1: unknown certification", "/facts/nope: unknown fact"}, 3},
		{"over 1 MiB", huge, "input", []string{"input is too large", "at most 1048576 bytes"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(t *testing.T, code int, out, errs string) {
				t.Helper()
				if code != 2 {
					t.Fatalf("exit %d, want 2 (stderr %q)", code, errs)
				}
				if out != "" {
					t.Errorf("stdout not empty: %.100s", out)
				}
				if !strings.HasPrefix(errs, "partnerscore: "+tc.path+": ") {
					t.Errorf("message does not start with the path %q: %q", tc.path, errs)
				}
				for _, s := range tc.has {
					if !strings.Contains(errs, s) {
						t.Errorf("message lacks %q: %q", s, errs)
					}
				}
				if n := strings.Count(errs, "\npartnerscore: ") + 1; n != tc.lines {
					t.Errorf("%d messages, want %d: %q", n, tc.lines, errs)
				}
			}
			t.Run("evaluate stdin", func(t *testing.T) {
				code, out, errs := cli(t, tc.in, "evaluate")
				check(t, code, out, errs)
			})
			t.Run("evaluate file", func(t *testing.T) {
				code, out, errs := cli(t, "", "evaluate", writeFile(t, "bad.json", tc.in))
				check(t, code, out, errs)
			})
			t.Run("explain", func(t *testing.T) {
				code, out, errs := cli(t, tc.in, "explain", "-plan")
				check(t, code, out, errs)
			})
			if tc.in == "" {
				return // a blank batch line is skipped, not an error
			}
			t.Run("batch", func(t *testing.T) {
				code, out, errs := cli(t, tc.in+"\n", "batch")
				if code != 2 || errs != "" {
					t.Fatalf("exit %d (want 2), stderr %q", code, errs)
				}
				lines := batchLines(t, out)
				var el errLine
				if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &el) != nil || len(el.Errors) != tc.lines {
					t.Fatalf("want one error line with %d errors, got %.300s", tc.lines, out)
				}
				if p := el.Errors[0].Path; p != tc.path && !(p == "" && tc.path == "input") {
					t.Errorf("path %q, want %q", p, tc.path)
				}
			})
		})
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderr   string
		noStdout bool
	}{
		{"help", []string{"help"}, 0, "Commands:", "", false},
		{"-h", []string{"-h"}, 0, "evaluate [-pretty]", "", false},
		{"--help", []string{"--help"}, 0, "batch", "", false},
		{"help command", []string{"help", "batch"}, 0, "Blank lines", "", false},
		{"command -h", []string{"explain", "-h"}, 0, "-lang fr|en", "", false},
		{"help unknown", []string{"help", "nope"}, 2, "", `unknown command "nope"`, true},
		{"no command", nil, 2, "", "Commands:", true},
		{"unknown command", []string{"score"}, 2, "", `unknown command "score"`, true},
		{"unknown flag", []string{"evaluate", "-bogus"}, 2, "", "flag provided but not defined: -bogus", true},
		{"two files", []string{"evaluate", "a", "b"}, 2, "", "one FILE at most", true},
		{"bad lang", []string{"explain", "-lang", "de"}, 2, "", `partnerscore: -lang: unknown language (expected "en" or "fr", got "de")`, true},
		{"bad -j", []string{"batch", "-j", "0"}, 2, "", "-j must be at least 1", true},
		{"missing file", []string{"evaluate", "/nonexistent/p.json"}, 1, "", "partnerscore: open /nonexistent/p.json", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if !strings.Contains(out, tc.stdout) || !strings.Contains(errs, tc.stderr) {
				t.Errorf("stdout %q\nstderr %q", out, errs)
			}
			if tc.noStdout && out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
		})
	}
}

// failWriter fails every write, as a closed pipe does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteFailure(t *testing.T) {
	one := strings.Join(strings.Fields(profile), "")
	for _, args := range [][]string{{"evaluate"}, {"explain"}, {"programs"}, {"batch", "-j", "1"}, {"batch", "-j", "3"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errb bytes.Buffer
			in := one
			if args[0] == "batch" {
				in = strings.Repeat(one+"\n", 50)
			}
			code := run(args, strings.NewReader(in), failWriter{}, &errb)
			if code != 1 || !strings.Contains(errb.String(), "broken pipe") {
				t.Errorf("exit %d, stderr %q; want 1 and the write error", code, errb.String())
			}
		})
	}
}

// TestEngineFailure: rule data that cannot be loaded is not the user's fault: exit 1.
func TestEngineFailure(t *testing.T) {
	saved := newEngine
	defer func() { newEngine = saved }()
	newEngine = func() (*score.Engine, error) {
		return nil, &score.Error{Path: "effectiveFrom", Code: score.CodeData, Message: "bad date"}
	}
	for _, args := range [][]string{{"evaluate"}, {"explain"}, {"programs"}, {"batch"}} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errs := cli(t, "{}", args...)
			if code != 1 || !strings.Contains(errs, "rule data cannot be loaded: effectiveFrom: bad date") {
				t.Errorf("exit %d, stderr %q", code, errs)
			}
		})
	}
}

// TestBatchSummary checks that batch -summary writes, line by line, the summary of what
// evaluate gives, and error lines as without -summary.
func TestBatchSummary(t *testing.T) {
	line := strings.ReplaceAll(profile, "\n", "")
	for _, j := range []string{"1", "3"} {
		code, out, errs := cli(t, line+"\n{\"facts\":{\"mw.ent.netCustomerAdds\":2.5}}\n"+line+"\n", "batch", "-summary", "-j", j)
		if code != exitInput {
			t.Fatalf("-j %s: exit %d, want %d; stderr %q", j, code, exitInput, errs)
		}
		lines := batchLines(t, out)
		if len(lines) != 3 {
			t.Fatalf("-j %s: %d lines, want 3: %q", j, len(lines), out)
		}
		in, err := testEngine(t).Parse([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		r, err := testEngine(t).Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		want := string(r.AppendSummaryJSON(nil))
		if lines[0] != want || lines[2] != want {
			t.Errorf("-j %s: summary lines\n%s\n%s\nwant\n%s", j, lines[0], lines[2], want)
		}
		if !strings.Contains(lines[1], `"line":2`) || !strings.Contains(lines[1], `/facts/mw.ent.netCustomerAdds`) {
			t.Errorf("-j %s: line 2 = %s, want an error line naming the fact", j, lines[1])
		}
	}
}
