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
