package score_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// Build the engine once, parse a profile once, evaluate it and print each area's score.
func ExampleEngine_Evaluate() {
	e, err := score.New(score.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := e.Parse([]byte(`{
	  "asOf": "2026-06-01",
	  "people": [
	    {"id": "ana", "certifications": ["AZ-500", "SC-100"]},
	    {"id": "ben", "certifications": ["AZ-500", "SC-200", "SC-100"]},
	    {"id": "eve", "certifications": ["SC-200", "SC-300"]},
	    {"id": "dan", "certifications": ["MS-700", "MS-102"]}
	  ],
	  "certifications": {"SC-401": 3},
	  "facts": {
	    "sec.ent.netCustomerAdds.azure": 3, "sec.ent.netCustomerAdds.m365": 4,
	    "sec.ent.deployments.azure": 2, "sec.ent.deployments.m365": 3,
	    "sec.ent.usageGrowth.azureAcr": 9000, "sec.ent.usageGrowth.m365Users": 700,
	    "mw.ent.netCustomerAdds": 5, "mw.ent.usageGrowth.dpor": 3000, "mw.ent.deployments.cpor": 2
	  }
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Evaluate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := r.Programs[0]
	fmt.Println(p.Version, r.AsOf)
	for _, a := range p.Areas {
		fmt.Printf("%-23s %-10s %5.1f/%g  qualified=%v\n", a.ID, a.Track, a.Score, a.Max, a.Qualified)
	}
	fmt.Println("qualified:", p.Qualified)
	// Output:
	// fy26 2026-06-01
	// modern-work             enterprise  65.0/100  qualified=false
	// data-ai                 enterprise   0.0/100  qualified=false
	// infrastructure          enterprise   0.0/100  qualified=false
	// digital-app-innovation  enterprise   0.0/100  qualified=false
	// business-applications   smb          0.0/100  qualified=false
	// security                enterprise  82.7/100  qualified=true
	// qualified: [security]
}

// The engine is built once and is safe for concurrent use: evaluate as many profiles as
// needed with it (like OPA's PrepareForEval), here two partners of different sizes.
func ExampleEngine_Evaluate_twice() {
	e, err := score.New(score.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	profiles := []string{
		// A large partner: 80% SMB share or more is needed for the SMB track.
		`{"asOf":"2026-06-01","certifications":{"AZ-104":2,"AZ-305":2,"DP-300":6},
		  "facts":{"azure.smbCustomerShare":60,"azure.ent.netCustomerAdds":3,"azure.usageGrowth":15,"azure.acrTtm":250000,"azure.deployments":4}}`,
		// A small one: one Administrator and one Architect earn 4 points each on the SMB track.
		`{"asOf":"2026-06-01","certifications":{"AZ-104":1,"AZ-305":1,"DP-600":5},
		  "facts":{"azure.smbCustomerShare":85,"azure.smb.netCustomerAdds":2,"azure.usageGrowth":25,"azure.acrTtm":40000,"azure.deployments":3}}`,
	}
	for _, js := range profiles {
		in, err := e.Parse([]byte(js))
		if err != nil {
			fmt.Println(err)
			return
		}
		r, err := e.Evaluate(in)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, a := range r.Programs[0].Areas {
			if a.ID != "data-ai" {
				continue
			}
			fmt.Printf("%s track=%s score=%g qualified=%v\n", a.ID, a.Track, a.Score, a.Qualified)
			for _, m := range a.Metrics {
				fmt.Printf("  %-28s %4.1f/%g\n", m.ID, m.Points, m.Max)
			}
		}
	}
	// Output:
	// data-ai track=enterprise score=77 qualified=true
	//   net-customer-adds            30.0/30
	//   intermediate-certifications  24.0/40
	//   usage-growth                 15.0/20
	//   deployments                   8.0/10
	// data-ai track=smb score=74 qualified=true
	//   net-customer-adds            20.0/30
	//   intermediate-certifications  28.0/40
	//   usage-growth                 20.0/20
	//   deployments                   6.0/10
}

// One profile after another with nothing allocated but what the profiles bring: ParseInto
// and EvaluateInto reuse an Input and a Result, AppendJSON a buffer (as the browser engine
// does on every keystroke).
func ExampleEngine_ParseInto() {
	e, err := score.New(score.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	var (
		in  score.Input
		r   score.Result
		out []byte
	)
	for _, n := range []int{1, 4, 6} {
		profile := fmt.Sprintf(`{"asOf":"2026-06-01","programs":["microsoft-ai-cloud-partner-program"],"facts":{"mw.ent.netCustomerAdds":%d}}`, n)
		if err := e.ParseInto(&in, []byte(profile)); err != nil {
			fmt.Println(err)
			return
		}
		if err := e.EvaluateInto(&r, &in); err != nil {
			fmt.Println(err)
			return
		}
		out = r.AppendJSON(out[:0])
		for _, a := range r.Programs[0].Areas {
			if a.ID == "modern-work" {
				fmt.Println(a.Metrics[0].ID+":", a.Metrics[0].Explain("en"))
			}
		}
	}
	// Output:
	// net-customer-adds: 1 customer × 4 pts each = 4 → 4 of 20 (partial credit; the maximum needs 5 customers).
	// net-customer-adds: 4 customers × 4 pts each = 16 → 16 of 20 (partial credit; the maximum needs 5 customers).
	// net-customer-adds: 6 customers × 4 pts each = 24 → 20 of 20 (capped at the maximum).
}

// A bad profile: the error names the JSON Pointer of the value at fault, and suggests the
// closest known name.
func ExampleParseProfile_error() {
	_, err := score.ParseProfile([]byte(`{"asOf":"2026-06-01","people":[{"id":"ana","certifications":["AZ-104",104]}]}`))
	fmt.Println(err)
	var es score.Errors
	if errors.As(err, &es) {
		fmt.Println(es[0].Path, es[0].Code, es[0].Offset)
	}

	_, err = score.ParseProfile([]byte(`{"asOf":"2026-06-01","fact":{"azure.deployments":3}}`))
	fmt.Println(err)
	// Output:
	// /people/0/certifications/1: wrong type (expected string, got number 104)
	// /people/0/certifications/1 type 70
	// /fact: unknown field (expected one of "asOf", "programs", "lang", "people", "certifications", "facts", "tracks", "plan", "parameters", "history", "projection", "departures", got "fact"); did you mean "facts"?
}

// Engine.Parse reports every problem of a profile at once: the values its reading passed
// over, then what the rules say of the rest. ParseWith applies a caller's overrides to the
// profile as read before those checks.
func ExampleEngine_ParseWith() {
	eng, _ := score.Default()
	_, err := eng.ParseWith([]byte(`{"asOf":"2026-06-01","facts":{"azure.deployments":"3"},"certifications":{"AZ-1O4":1}}`),
		func(p *score.Profile) { p.Lang = "fr" })
	for _, e := range err.(score.Errors) {
		fmt.Println(strings.TrimSpace(e.Path + " " + e.Code + " " + e.Suggestion))
	}
	in, _ := eng.ParseWith([]byte(`{"asOf":"2026-06-01"}`), func(p *score.Profile) { p.Lang = "fr" })
	r, _ := eng.Evaluate(in)
	fmt.Println(r.Lang, r.Programs[0].Areas[0].Name)
	// Output:
	// /facts/azure.deployments type
	// /certifications/AZ-1O4 unknown AZ-104
	// fr Modern Work (travail moderne)
}

// Every metric explains how its points were reached, in English or French; the names it
// takes from the rules (parts, gates, prerequisites) are in the language of the profile, and
// thousands are grouped as in each language (in French with narrow no-break spaces).
func ExampleMetricResult_Explain() {
	e, err := score.New(score.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, lang := range []string{"en", "fr"} {
		in, err := e.Parse([]byte(`{"asOf":"2026-06-01","lang":"` + lang + `",
		  "tracks":{"modern-work":"enterprise","data-ai":"smb"},
		  "people":[{"certifications":["AZ-104"]},{"certifications":["AZ-104"]},{"certifications":["DP-300"]},{"certifications":["DP-300"]}],
		  "facts":{"mw.ent.usageGrowth.dpor":2000,"mw.ent.usageGrowth.cpor":750}}`))
		if err != nil {
			fmt.Println(err)
			return
		}
		r, err := e.Evaluate(in)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, a := range r.Programs[0].Areas {
			for _, m := range a.Metrics {
				if (a.ID == "modern-work" && m.ID == "usage-growth") || (a.ID == "data-ai" && m.ID == "intermediate-certifications") {
					fmt.Println(m.Explain(lang))
				}
			}
		}
	}
	// Output:
	// CPOR: 750 users × 30 pts per 1,000 = 22.5; DPOR: 2,000 users × 30 pts per 4,000 = 15; the best option counts: CPOR → 22.5 of 30 (partial credit; the maximum needs 1,000 users).
	// 2 people × 4 pts each = 8; gate Azure Administrator: 2 people, 1 needed, met (+4); gate Azure Solutions Architect: 0 people, 1 needed, not met → 4 of 40 (a gate is not met: scoring steps earn nothing).
	// CPOR : 750 utilisateurs × 30 pts par 1 000 = 22,5 ; DPOR : 2 000 utilisateurs × 30 pts par 4 000 = 15 ; la meilleure option compte : CPOR → 22,5 sur 30 (crédit partiel ; le maximum demande 1 000 utilisateurs).
	// 2 personnes × 4 pts chacune = 8 ; prérequis Administrateur Azure : 2 personnes, 1 requise, atteint (+4) ; prérequis Architecte de solutions Azure : 0 personne, 1 requise, non atteint → 4 sur 40 (un prérequis manque : les étapes notées ne rapportent rien).
}

// Warnings say what the result cannot: certifications that retire or no longer count, rules
// not checked since, facts no rules in force read. Each names what it is about as the
// result shows it, with its id.
func ExampleWarning_Text() {
	e, err := score.New(score.WithClock(func() time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := e.Parse([]byte(`{"certifications": {"MS-102": 2}, "facts": {"vmware.revenueUSD": 5}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Evaluate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range r.Warnings {
		fmt.Println(w.Code+":", w.Text("en"))
	}
	fmt.Println(r.Warnings[1].Text("fr"))
	// Output:
	// rules-unverified: The rules of Microsoft AI Cloud Partner Program: Solutions Partner designations (microsoft-ai-cloud-partner-program) were last checked against their sources on 2026-05-08; later changes are not known.
	// certification-retiring: Microsoft 365 Certified: Enterprise Administrator Expert (enterprise-administrator-expert) retires on 2026-11-30 and stops counting after 2027-11-30 (people holding it: 2); plan its replacement.
	// fact-unused: The fact “VMware revenue, last 12 months” (vmware.revenueUSD) is not read by the rules in force on this date.
	// Microsoft 365 Certified : Enterprise Administrator Expert (enterprise-administrator-expert) est retirée le 2026-11-30 et ne compte plus après le 2027-11-30 (personnes qui la détiennent : 2) ; prévoyez son remplacement.
}
