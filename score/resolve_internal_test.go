package score

import "testing"

// TestLessPointer: paths in document order, array indexes by number, and a total order
// (two keys that read as the same number are ordered by their text, not left to a map's
// order: found by FuzzParseEvaluate, testdata/fuzz/FuzzParseEvaluate/a270d406bd0b5584).
func TestLessPointer(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		less bool
	}{
		{"/people/2", "/people/10", true},
		{"/people/10", "/people/2", false},
		{"/facts/0", "/facts/00", true},
		{"/facts/00", "/facts/0", false},
		{"/facts/a", "/facts/b", true},
		{"/facts", "/facts/a", true},
		{"/facts/a", "/facts", false},
		{"/asOf", "/facts", true},
		{"/facts/x", "/facts/x", false},
	} {
		if got := lessPointer(tc.a, tc.b); got != tc.less {
			t.Errorf("lessPointer(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.less)
		}
	}
}
