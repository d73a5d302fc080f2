package score

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestPhrasesEscaped: allPhrases holds every phrase declared in explain.go, once, and init
// has escaped each of them for JSON.
func TestPhrasesEscaped(t *testing.T) {
	f, err := goparser.ParseFile(token.NewFileSet(), "explain.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if c, ok := u.X.(*ast.CompositeLit); ok {
				if id, ok := c.Type.(*ast.Ident); ok && id.Name == "phrase" {
					declared++
				}
			}
		}
		return true
	})
	seen := map[*phrase]bool{}
	for _, p := range allPhrases {
		if seen[p] {
			t.Errorf("%q is in allPhrases twice", p.text[0])
		}
		seen[p] = true
		if strings.ContainsRune(p.text[1], '\u2019') {
			t.Errorf("%q: the French texts write the apostrophe as ' (the rule data and the simulator do)", p.text[1])
		}
		for li := range p.text {
			if want := string(appendStrBody(nil, p.text[li])); p.json[li] != want || want == "" {
				t.Errorf("%q: JSON form %q, want %q", p.text[li], p.json[li], want)
			}
		}
	}
	if declared == 0 || len(seen) != declared {
		t.Errorf("explain.go declares %d phrases, allPhrases holds %d", declared, len(seen))
	}
}

// TestAppendShortGroups: thousands are grouped as Intl.NumberFormat groups them, "," in
// English, U+202F in French (\u202f in a JSON string's body); below 1,000 nothing changes.
func TestAppendShortGroups(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		lang string
		esc  bool
		want string
	}{
		{999, "en", false, "999"}, {-999.5, "fr", false, "-999,5"}, {0.25, "en", false, "0.25"},
		{1000, "en", false, "1,000"}, {999.999, "en", false, "1,000"}, {-1234567.5, "en", false, "-1,234,567.5"},
		{250000, "en", true, "250,000"}, {30000000, "fr", false, "30\u202f000\u202f000"},
		{12345.67, "fr", false, "12\u202f345,67"}, {12345.67, "fr", true, `12\u202f345,67`},
		{1e15, "en", false, "1,000,000,000,000,000"},
	} {
		if got := string(appendShort(nil, tc.v, tc.lang, tc.esc)); got != tc.want {
			t.Errorf("appendShort(%v, %s, esc %v) = %q, want %q", tc.v, tc.lang, tc.esc, got, tc.want)
		}
		if ungrouped := string(appendUngrouped(nil, tc.v, tc.lang)); !tc.esc {
			if got := GroupThousands(ungrouped, tc.lang); got != tc.want {
				t.Errorf("GroupThousands(%q, %s) = %q, want %q", ungrouped, tc.lang, got, tc.want)
			}
		}
	}
}

// TestFrenchAgreement: in French, "chacun" and "renseigné" agree with the unit they follow
// ("2 personnes × 4 pts chacune", "0 charge de travail (non renseignée)"); English does not
// change, and a rate per several units ("pts par 4") has nothing to agree. One point is
// "1 pt", in both languages and both kinds of rate.
func TestFrenchAgreement(t *testing.T) {
	tests := []struct {
		unit      string
		pointsPer float64
		per       float64
		given     bool
		wantFR    string
		wantEN    string
	}{
		{"customers", 10, 1, true, "3 clients × 10 pts chacun = 30", "3 customers × 10 pts each = 30"},
		{"people", 4, 1, true, "3 personnes × 4 pts chacune = 30", "3 people × 4 pts each = 30"},
		{"seats", 1, 1, true, "3 licences × 1 pt chacune = 30", "3 seats × 1 pt each = 30"},
		{"deployments", 1, 1, true, "3 déploiements × 1 pt chacun = 30", "3 deployments × 1 pt each = 30"},
		{"people", 10, 4, true, "3 personnes × 10 pts par 4 = 30", "3 people × 10 pts per 4 = 30"},
		{"users", 1, 50, true, "3 utilisateurs × 1 pt par 50 = 30", "3 users × 1 pt per 50 = 30"},
		{"workloads", 5, 1, false, "3 charges de travail (non renseignée) × 5 pts chacune = 30", "3 workloads (not given) × 5 pts each = 30"},
		{"deployments", 5, 1, false, "3 déploiements (non renseigné) × 5 pts chacun = 30", "3 deployments (not given) × 5 pts each = 30"},
	}
	for _, tt := range tests {
		m := MetricResult{Parts: []PartResult{{ID: "p", Fact: "f", Value: 3, Given: tt.given, Unit: tt.unit, PointsPer: tt.pointsPer, Per: tt.per, Points: 30}}}
		for lang, want := range map[string]string{"fr": tt.wantFR, "en": tt.wantEN} {
			if got := m.Explain(lang); !strings.HasPrefix(got, want) {
				t.Errorf("%s, %s: %q, want it to start with %q", tt.unit, lang, got, want)
			}
		}
	}
	// Every unit's French gender is known: the feminine ones are these, and only these.
	for _, u := range unitNames {
		want := map[string]bool{"personnes": true, "charges de travail": true, "compétences": true, "options": true, "licences": true, "offres": true, "unités": true}[u[2]]
		if feminine(u[0]) != want {
			t.Errorf("feminine(%q) = %v: its French name is %q", u[0], !want, u[2])
		}
	}
}
