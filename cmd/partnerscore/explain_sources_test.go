package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// TestExplainSources: each metric cites the source of its rule by its number in the program's
// list of sources, which closes the program; a metric whose rule no source of the version
// gives is starred, and a line under its explanation says what is assumed and which version
// and source its value is taken from, in the report's language.
func TestExplainSources(t *testing.T) {
	metricLine := regexp.MustCompile(`(?m)^    (.+) \[[^\]]+\] +[0-9.,]+/[0-9.,]+ +(\[\d+\])(\*?)$`)
	for _, tc := range []struct {
		name, asOf, lang        string
		assumption, from, colon string
		wantAssumed             bool
	}{
		{"fy26", "2026-06-01", "en", "Assumption", "Value taken from the rules", ":", false},
		{"fy23", "2022-12-01", "en", "Assumption", "Value taken from the rules", ":", true},
		{"fy23 in French", "2022-12-01", "fr", "Hypothèse", "Valeur reprise des règles", " :", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(profile, "{", `{"asOf": "`+tc.asOf+`", "lang": "`+tc.lang+`",`, 1)
			var res score.Result
			if err := json.Unmarshal([]byte(golden(t, in)), &res); err != nil {
				t.Fatal(err)
			}
			pr := res.Programs[0]
			num := map[string]string{}
			for i, s := range pr.Sources {
				num[s.ID] = "[" + strconv.Itoa(i+1) + "]"
			}
			code, out, errs := cli(t, in, "explain")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			// The metrics' lines, in the result's order.
			lines := metricLine.FindAllStringSubmatch(out, -1)
			var metrics []score.MetricResult
			for _, a := range pr.Areas {
				metrics = append(metrics, a.Metrics...)
			}
			if len(lines) != len(metrics) {
				t.Fatalf("%d metric lines for %d metrics:\n%s", len(lines), len(metrics), out)
			}
			assumed := 0
			for i, m := range metrics {
				got := lines[i]
				if got[1] != m.Name || got[2] != num[m.Source] || (got[3] == "*") != (m.Assumption != nil) {
					t.Errorf("metric %s: line %q, want %s %s (assumption %v)", m.ID, got[0], m.Name, num[m.Source], m.Assumption != nil)
				}
				if x := m.Assumption; x != nil {
					assumed++
					want := "      * " + tc.assumption + tc.colon + " " + x.Reason + " " + tc.from + " " + x.From + tc.colon + " " + num[x.Source] + ".\n"
					if !strings.Contains(out, want) {
						t.Errorf("metric %s: no line %q", m.ID, want)
					}
				}
			}
			if (assumed > 0) != tc.wantAssumed || strings.Contains(out, "* "+tc.assumption) != tc.wantAssumed {
				t.Errorf("%d assumptions", assumed)
			}
			// The list of sources, numbered, with their addresses and the dates they were read.
			read := map[string]string{"en": "read on", "fr": "lu le"}[tc.lang]
			for i, s := range pr.Sources {
				want := "  [" + strconv.Itoa(i+1) + "] " + s.Title + " — " + s.URL + " (" + read + " " + s.Retrieved + ")\n"
				if !strings.Contains(out, "\nSources"+tc.colon+"\n") || !strings.Contains(out, want) {
					t.Errorf("no source line %q", want)
				}
			}
		})
	}
}

// TestExplainSourcesWithoutAddress: a source with no web address (a trade-press article kept
// as a copy) is named without one.
func TestExplainSourcesWithoutAddress(t *testing.T) {
	code, out, errs := cli(t, "", "explain", "../../examples/programs/bpos-2010.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`(?m)^  \[\d+\] BPOS : les partenaires restent prudents \(presse informatique française, entretien, 2008/2009\) \(read on \d{4}-\d\d-\d\d\)$`).MatchString(out) {
		t.Errorf("no seed source named without an address:\n%s", out)
	}
	if strings.Contains(out, "urn:") {
		t.Errorf("a urn: address in the report:\n%s", out)
	}
}
