package score

import (
	"strconv"
	"time"
)

// day is a calendar date as days since 1970-01-01 (UTC).
type day int32

// noDay marks an open-ended date (no effectiveTo, no retirement).
const noDay day = 1<<31 - 1

// parseDay reads a strict YYYY-MM-DD date.
func parseDay(s string) (day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	n := func(b string) (int, bool) {
		v := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return 0, false
			}
			v = v*10 + int(b[i]-'0')
		}
		return v, true
	}
	y, ok1 := n(s[:4])
	m, ok2 := n(s[5:7])
	d, ok3 := n(s[8:])
	if !ok1 || !ok2 || !ok3 || y < 1900 || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false
	}
	return dayOf(t), true
}

// dayOf returns t's date in UTC.
func dayOf(t time.Time) day {
	return day(t.UTC().Unix() / 86400)
}

// String formats the date as YYYY-MM-DD.
func (d day) String() string {
	if d == noDay {
		return ""
	}
	// By hand rather than with time.Format, whose layout machinery would otherwise be
	// linked into the browser engine (about 10 KB of its compressed size).
	y, m, dd := time.Unix(int64(d)*86400, 0).UTC().Date()
	if y < 0 || y > 9999 {
		return strconv.Itoa(y) + "-??-??"
	}
	b := make([]byte, 10)
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[5], b[6] = '-', byte('0'+int(m)/10), byte('0'+int(m)%10)
	b[7], b[8], b[9] = '-', byte('0'+dd/10), byte('0'+dd%10)
	return string(b)
}

// addMonths moves the date by n calendar months (clamping the day to the month's end).
func (d day) addMonths(n int) day {
	t := time.Unix(int64(d)*86400, 0).UTC()
	y, m, dd := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return dayOf(time.Date(first.Year(), first.Month(), min(dd, last), 0, 0, 0, 0, time.UTC))
}
