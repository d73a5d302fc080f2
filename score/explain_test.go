package score

import "testing"

// TestUnitFor: units read after their number, singular for one in English and for less than
// two in French.
func TestUnitFor(t *testing.T) {
	for _, tc := range []struct {
		unit, lang string
		v          float64
		want       string
	}{
		{"customers", "en", 1, "customer"},
		{"customers", "en", 0, "customers"},
		{"customers", "en", 1.5, "customers"},
		{"customers", "en", 2, "customers"},
		{"people", "en", 1, "person"},
		{"people", "en", 3, "people"},
		{"users", "en", 1, "user"},
		{"deployments", "en", 1, "deployment"},
		{"workloads", "en", 1, "workload"},
		{"mixed", "en", 1, "unit"},
		{"percent", "en", 1, "%"},
		{"usd", "en", 1, "USD"},
		{"customers", "fr", 0, "client"},
		{"customers", "fr", 1.5, "client"},
		{"customers", "fr", 2, "clients"},
		{"people", "fr", 1, "personne"},
		{"people", "fr", 5, "personnes"},
		{"deployments", "fr", 1, "déploiement"},
		{"workloads", "fr", 1, "charge de travail"},
		{"workloads", "fr", 3, "charges de travail"},
		{"mixed", "fr", 1, "unité"},
		{"users", "fr", 1, "utilisateur"},
		{"percent", "fr", 1, "%"},
	} {
		if got := unitFor(tc.unit, tc.lang, tc.v); got != tc.want {
			t.Errorf("unitFor(%q, %q, %g) = %q, want %q", tc.unit, tc.lang, tc.v, got, tc.want)
		}
	}
}
