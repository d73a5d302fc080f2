package score

import (
	"strings"
	"testing"
)

// TestLower: lower is strings.ToLower on the characters of English and French and on every
// name the rules give a certification; other characters are kept.
func TestLower(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"az-104", "az-104"},
		{"AZ-104", "az-104"},
		{"  Azure Administrator ", "  azure administrator "},
		{"ÉLÈVE À L'ŒUVRE, ÇA Ÿ EST", "élève à l'œuvre, ça ÿ est"},
		{"Ingénieur Sécurité", "ingénieur sécurité"},
		{"× ß Þ", "× ß þ"},
		{"ΑΒΓ Ā", "ΑΒΓ Ā"},     // not English or French: kept
		{"A\xffB", "a\uFFFDb"}, // what is not UTF-8 becomes U+FFFD, as with strings.ToLower
	} {
		if got := lower(c.in); got != c.want {
			t.Errorf("lower(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for r := rune(0); r <= 0xFF; r++ {
		if got, want := lower(string(r)), strings.ToLower(string(r)); got != want {
			t.Errorf("lower(%q) = %q, strings.ToLower gives %q", string(r), got, want)
		}
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range e.certs {
		for _, s := range append([]string{c.ID, c.Name.En, c.Name.Fr}, append(c.Exams, c.Aliases...)...) {
			n++
			if got, want := lower(s), strings.ToLower(s); got != want {
				t.Errorf("certification %s: lower(%q) = %q, strings.ToLower gives %q", c.ID, s, got, want)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d certification names checked", n)
	}
}
