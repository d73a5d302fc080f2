package score

import (
	"testing"
	"time"
)

// TestCalendarMatchesTime checks the calendar arithmetic (civilDay, date, addMonths,
// parseDay, String) against package time over several thousand years.
func TestCalendarMatchesTime(t *testing.T) {
	for d := day(-800000); d < 800000; d += 13 {
		tm := time.Unix(int64(d)*86400, 0).UTC()
		y, m, dd := d.date()
		if y != tm.Year() || m != int(tm.Month()) || dd != tm.Day() {
			t.Fatalf("%d: %d-%d-%d want %v", d, y, m, dd, tm)
		}
		if civilDay(y, m, dd) != d {
			t.Fatalf("civil %d", d)
		}
		for _, n := range []int{-25, -13, -1, 0, 1, 2, 11, 12, 13, 240} {
			y2, m2, d2 := tm.Date()
			first := time.Date(y2, m2+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
			last := first.AddDate(0, 1, -1).Day()
			want := dayOf(time.Date(first.Year(), first.Month(), min(d2, last), 0, 0, 0, 0, time.UTC))
			if got := d.addMonths(n); got != want {
				t.Fatalf("%d addMonths %d: %d want %d", d, n, got, want)
			}
		}
	}
	for _, s := range []string{"2024-02-29", "2023-02-29", "2026-04-31", "2026-04-30", "1900-01-01", "9999-12-31", "2000-02-29", "2100-02-29"} {
		got, ok := parseDay(s)
		tm, err := time.Parse("2006-01-02", s)
		if ok != (err == nil) || (ok && got != dayOf(tm)) {
			t.Fatalf("%s: %d %v vs %v %v", s, got, ok, tm, err)
		}
		if ok && got.String() != s {
			t.Fatalf("%s string %s", s, got.String())
		}
	}
}

// TestWithToday: the clock set by a calendar date (the browser engine's) gives profiles
// without asOf the same result as WithClock on that date.
func TestWithToday(t *testing.T) {
	byDate, err := New(WithToday(func() (int, int, int) { return 2026, 2, 28 }))
	if err != nil {
		t.Fatal(err)
	}
	byClock, err := New(WithClock(func() time.Time { return time.Date(2026, 2, 28, 23, 59, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	p := []byte(`{"facts":{"mw.ent.netCustomerAdds":4}}`)
	var out [2][]byte
	for i, e := range []*Engine{byDate, byClock} {
		in, err := e.Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		if res.AsOf != "2026-02-28" {
			t.Errorf("engine %d: asOf %q, want 2026-02-28", i, res.AsOf)
		}
		out[i] = res.AppendJSON(nil)
	}
	if string(out[0]) != string(out[1]) {
		t.Error("WithToday and WithClock give different results on the same date")
	}
}
