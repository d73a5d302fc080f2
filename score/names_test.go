package score_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// miniHead opens the rules of a small test program: program "mini", version v1 from
// 2024-01-01, one source "s"; the qualifying score, facts and areas follow.
const miniHead = `{"id":"mini","name":{"en":"Mini","fr":"Mini"},"version":"v1","effectiveFrom":"2024-01-01",
	"verifiedOn":"2030-01-01","sources":[{"id":"s","title":"test","url":"https://example.com/","retrieved":"2024-01-01"}],`

// miniEngine is an engine of one small program's rules and a certifications file, its
// clock at fixedNow.
func miniEngine(t *testing.T, certs, rules string) *score.Engine {
	t.Helper()
	e, err := score.NewFromFS(fstest.MapFS{
		"r/certifications.json": {Data: []byte(certs)},
		"r/mini/v1.json":        {Data: []byte(rules)},
	}, "r", score.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestPartAndGateNamed: a metric's parts and gates carry the names the rules give them, in
// the result's language (the JSON and the tape alike), and its explanation uses them; a
// part or gate without a name keeps its id.
func TestPartAndGateNamed(t *testing.T) {
	rules := miniHead + `"qualifyingScore":70,
		"facts":[{"id":"d","label":{"en":"D","fr":"D"},"help":{"en":"","fr":""},"unit":"customers","min":0,"max":100,"source":"s"},
		  {"id":"v","label":{"en":"V","fr":"V"},"help":{"en":"","fr":""},"unit":"customers","min":0,"max":100,"source":"s"}],
		"areas":[{"id":"x","name":{"en":"X","fr":"X"},"source":"s","trackSelection":{"kind":"best"},
		  "tracks":[{"id":"only","name":{"en":"Only","fr":"Seule"},"metrics":[{"id":"m","name":{"en":"M","fr":"M"},
		  "category":"performance","max":100,"source":"s","rule":{"kind":"best-of",
		    "parts":[{"id":"direct","name":{"en":"Direct","fr":"En direct"},"fact":"d","points":10,"per":1},
		      {"id":"via","fact":"v","points":10,"per":1}],
		    "gates":[{"id":"admins","name":{"en":"Administrators","fr":"Administrateurs"},"certifications":["c1"],"people":1,"points":0},
		      {"id":"architects","certifications":["c2"],"people":1,"points":0}]}}]}]}]}`
	certs := `{"certifications":[{"id":"c1","name":{"en":"C1","fr":"C1"},"level":"associate","source":"s"},
		{"id":"c2","name":{"en":"C2","fr":"C2"},"level":"expert","source":"s"}]}`
	e := miniEngine(t, certs, rules)
	for _, tc := range []struct {
		lang, part, gate string
		explanation      []string
		json             []string
	}{
		{"en", "Direct", "Administrators",
			[]string{"Direct: 3 customers × 10 pts each = 30; via: 1 customer × 10 pts each = 10; the best option counts: Direct",
				"; gate Administrators: 1 person, 1 needed, met; gate architects: 0 people, 1 needed, not met"},
			[]string{`{"id":"direct","name":"Direct","fact":"d",`, `{"id":"via","fact":"v",`,
				`{"id":"admins","name":"Administrators","certifications":["c1"],`, `{"id":"architects","certifications":["c2"],`}},
		{"fr", "En direct", "Administrateurs",
			[]string{"En direct : 3 clients × 10 pts chacun = 30 ; via : 1 client × 10 pts chacun = 10 ; la meilleure option compte : En direct",
				" ; prérequis Administrateurs : 1 personne, 1 requise, atteint ; prérequis architects : 0 personne, 1 requise, non atteint"},
			[]string{`{"id":"direct","name":"En direct","fact":"d",`, `{"id":"via","fact":"v",`,
				`{"id":"admins","name":"Administrateurs","certifications":["c1"],`, `{"id":"architects","certifications":["c2"],`}},
	} {
		in, err := e.Parse([]byte(`{"asOf":"2025-01-01","lang":"` + tc.lang + `","certifications":{"c1":1},"facts":{"d":3,"v":1}}`))
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		m := &r.Programs[0].Areas[0].Metrics[0]
		if m.Parts[0].Name != tc.part || m.Parts[1].Name != "" || m.Gates[0].Name != tc.gate || m.Gates[1].Name != "" {
			t.Errorf("%s: names %q %q, gates %q %q; want %q, none, %q, none",
				tc.lang, m.Parts[0].Name, m.Parts[1].Name, m.Gates[0].Name, m.Gates[1].Name, tc.part, tc.gate)
		}
		got := m.Explain(tc.lang)
		for _, want := range tc.explanation {
			if !strings.Contains(got, want) {
				t.Errorf("%s: explanation %q lacks %q", tc.lang, got, want)
			}
		}
		js := string(r.AppendJSON(nil))
		for _, want := range tc.json {
			if !strings.Contains(js, want) {
				t.Errorf("%s: the JSON lacks %s:\n%s", tc.lang, want, js)
			}
		}
		checkTape(t, e, tc.lang, r)
	}
}

// TestBuiltinPartsAndGatesNamed: in the built-in rules, every part of a metric of several
// parts and every gate has a name in English and in French, so that no explanation falls
// back to an id.
func TestBuiltinPartsAndGatesNamed(t *testing.T) {
	e, err := score.Default()
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, p := range e.Programs() {
		for _, a := range p.Areas {
			for _, tr := range a.Tracks {
				for _, m := range tr.Metrics {
					where := p.ID + "/" + p.Version + "/" + a.ID + "/" + tr.ID + "/" + m.ID
					for _, pt := range m.Rule.Parts {
						if len(m.Rule.Parts) == 1 {
							continue
						}
						if pt.Name == nil || pt.Name.En == "" || pt.Name.Fr == "" {
							t.Errorf("%s: part %s has no name in both languages", where, pt.ID)
						}
						named++
					}
					for _, g := range m.Rule.Gates {
						if g.Name == nil || g.Name.En == "" || g.Name.Fr == "" {
							t.Errorf("%s: gate %s has no name in both languages", where, g.ID)
						}
						named++
					}
				}
			}
		}
	}
	if named < 100 {
		t.Errorf("%d parts and gates named: want the built-in rules' 138", named)
	}
}
