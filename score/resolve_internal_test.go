package score

import (
	"strconv"
	"strings"
	"testing"
)

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
		{"", "/facts", true},
		{"/facts", "", false},
		{"/a", "/a/", true},
		{"/a/", "/a", false},
		{"/people/1/certifications/0", "/people/1/id", true},
	} {
		if got := lessPointer(tc.a, tc.b); got != tc.less {
			t.Errorf("lessPointer(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.less)
		}
	}
}

// TestLessPointerAsSplit compares lessPointer with the same order written over
// strings.Split, on every pair of pointers made of a few segments.
func TestLessPointerAsSplit(t *testing.T) {
	split := func(a, b string) bool {
		as, bs := strings.Split(a, "/"), strings.Split(b, "/")
		for i := 0; i < len(as) && i < len(bs); i++ {
			if as[i] == bs[i] {
				continue
			}
			ai, aerr := strconv.Atoi(as[i])
			bi, berr := strconv.Atoi(bs[i])
			if aerr == nil && berr == nil && ai != bi {
				return ai < bi
			}
			return as[i] < bs[i]
		}
		return len(as) < len(bs)
	}
	segs := []string{"", "0", "00", "2", "10", "a", "b"}
	ps := []string{""}
	for _, x := range segs {
		ps = append(ps, "/"+x)
		for _, y := range segs {
			ps = append(ps, "/"+x+"/"+y)
		}
	}
	for _, a := range ps {
		for _, b := range ps {
			if got, want := lessPointer(a, b), split(a, b); got != want {
				t.Errorf("lessPointer(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
