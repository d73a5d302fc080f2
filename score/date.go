package score

import "strconv"

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
	if d > daysIn(y, m) {
		return 0, false
	}
	return civilDay(y, m, d), true
}

// The calendar arithmetic is done here rather than with package time, which the browser
// engine would otherwise link with its dependencies (see build.sh).

// civilDay is the day of the proleptic Gregorian date y-m-d (m in 1..12, d in 1..31).
func civilDay(y, m, d int) day {
	// Days from civil (H. Hinnant): years start on March 1st, so that leap days end them.
	if m <= 2 {
		y--
	}
	era := floorDiv(int64(y), 400)
	yoe := int64(y) - era*400              // [0, 399]
	mp := int64((m + 9) % 12)              // March = 0
	doy := (153*mp+2)/5 + int64(d) - 1     // [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return day(era*146097 + doe - 719468)  // 1970-01-01 is day 0
}

// date is the proleptic Gregorian date of d.
func (d day) date() (y, m, dd int) {
	z := int64(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // March = 0
	dd = int(doy - (153*mp+2)/5 + 1)
	m = int((mp+2)%12 + 1)
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// daysIn is the number of days of month m (1..12) of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// String formats the date as YYYY-MM-DD.
func (d day) String() string {
	if d == noDay {
		return ""
	}
	// By hand rather than with time.Format, whose layout machinery would otherwise be
	// linked into the browser engine (about 10 KB of its compressed size).
	y, m, dd := d.date()
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
	y, m, dd := d.date()
	months := int64(y)*12 + int64(m-1) + int64(n)
	y, m = int(floorDiv(months, 12)), int(months-floorDiv(months, 12)*12)+1
	return civilDay(y, m, min(dd, daysIn(y, m)))
}
