package api

import (
	"testing"
)

// TestSplitArray: splitArray takes a batch array apart, failing the whole body (at the
// offset of the fault) when it is not JSON: a closing bracket of the other kind, an
// element that is no JSON value. An element that is JSON but not a profile is left to its
// item.
func TestSplitArray(t *testing.T) {
	for _, c := range []struct {
		body   string
		items  int
		offset int // of the syntax error, when items < 0
	}{
		{`[]`, 0, 0},
		{`[{"a":1}]`, 1, 0},
		{`[{"a":[1,{"b":[]}]}, {}]`, 2, 0},
		{`[{"a":"]}"}, {"a":"\"]"}]`, 2, 0},
		{`[[1,2], {}]`, 2, 0},
		{`[1, true, false, null, "s", -0.5e+3, {}]`, 7, 0},
		{`[{"asOf":"2026-02-01"}, {"asOf":"2026-02-01",}]`, 2, 0}, // the item's own syntax is the item's
		{`[{"asOf":"2026-02-01"], {"asOf":"2026-02-01"}]`, -1, 21},
		{`[{"a":[1,2}]`, -1, 10},
		{`[{]`, -1, 2},
		{`[[}]`, -1, 2},
		{`[{"a":[}]]`, -1, 7},
		{`[tru]`, -1, 1},
		{`[{}, nul]`, -1, 5},
		{`[1e]`, -1, 1},
		{`[-]`, -1, 1},
		{`[01]`, -1, 1},
		{`[1, 2x]`, -1, 4},
		{`["a\qb"]`, -1, 1},
		{`[{"a":1}`, -1, 8},
		{`{"a":1}`, -1, 0},
		{"\ufeff[{}, {}]", 2, 0}, // a byte order mark before the array, passed over
		{"[\ufeff{}]", -1, 1},    // anywhere else, not JSON
	} {
		items, err := splitArray([]byte(c.body))
		switch {
		case c.items >= 0 && (err != nil || len(items) != c.items):
			t.Errorf("%s: %d items, %v; want %d items", c.body, len(items), err, c.items)
		case c.items < 0 && err == nil:
			t.Errorf("%s: %d items; want a syntax error at %d", c.body, len(items), c.offset)
		case c.items < 0 && (err.Offset != c.offset || err.Code != "syntax" || err.Path != ""):
			t.Errorf("%s: %+v; want a syntax error at %d", c.body, err, c.offset)
		}
	}
}
