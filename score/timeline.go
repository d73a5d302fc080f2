package score

import (
	"math"
	"strconv"
)

// Window is the qualification window: a designation is earned when the partner qualifies on
// at least one day of the current month or the previous five (Learn: partner capability
// score). Each month is scored with its snapshot of the facts (asOf's month with
// Profile.Facts) on its first day and on each day a new rule version starts in it (up to
// asOf in the current month); the people and their certifications are the profile's, each
// counting until its countsUntil date.
type Window struct {
	// From is the first day of the window (the first day of asOf's month, five months back).
	From string `json:"from" jsonschema:"format=date"`
	// To is the last day of the window: asOf.
	To string `json:"to" jsonschema:"format=date"`
	// Months are the months scored (YYYY-MM), from the earliest snapshot or the window's
	// first month, whichever is earlier, to asOf's month.
	Months []string `json:"months"`
	// Areas holds one entry per area of the result, in the result's order.
	Areas []AreaWindow `json:"areas"`
}

// AreaWindow is one area's standing month by month.
type AreaWindow struct {
	// Program is the program id.
	Program string `json:"program"`
	// Area is the area id.
	Area string `json:"area"`
	// Name is the area's name.
	Name string `json:"name"`
	// Months has one entry per month of Window.Months.
	Months []MonthStanding `json:"months"`
	// MonthsQualified lists the months (YYYY-MM) in which the area qualified on some day.
	MonthsQualified []string `json:"monthsQualified"`
	// FirstQualified is the first of those months, empty when none.
	FirstQualified string `json:"firstQualified,omitempty"`
	// Holds is true when the area qualified on some day of the window: the designation
	// can be earned (or renewed) at asOf.
	Holds bool `json:"holds"`
}

// MonthStanding is an area in one month.
type MonthStanding struct {
	// Month is YYYY-MM.
	Month string `json:"month"`
	// Data is false when the profile has no snapshot of that month (nothing is scored).
	Data bool `json:"data"`
	// Day is the day scored that counts (the day it qualified, else the best day).
	Day string `json:"day,omitempty" jsonschema:"format=date"`
	// Version is the rule version in force on Day, empty when none is.
	Version string `json:"version,omitempty"`
	// Score is the area's score on Day.
	Score float64 `json:"score"`
	// Qualified is true when the area qualified on some day of the month scored.
	Qualified bool `json:"qualified"`
}

// Projection is each area's score month by month from asOf, with the facts and people of
// the profile unchanged: it shows what the certification dates and the rule versions
// already known do to the score.
type Projection struct {
	// Dates are the days scored: asOf, then the first day of each following month.
	Dates []string `json:"dates"`
	// Areas holds one entry per area of the result, in the result's order.
	Areas []AreaProjection `json:"areas"`
}

// AreaProjection is one area's projected scores.
type AreaProjection struct {
	// Program is the program id.
	Program string `json:"program"`
	// Area is the area id.
	Area string `json:"area"`
	// Name is the area's name.
	Name string `json:"name"`
	// Points has one entry per date of Projection.Dates.
	Points []ProjectionPoint `json:"points"`
	// BelowFrom is the first date whose score is under the qualifying score, when the
	// score at asOf reaches it; empty otherwise.
	BelowFrom string `json:"belowFrom,omitempty" jsonschema:"format=date"`
	// UnqualifiedFrom is the first date the area no longer qualifies, when it qualifies at
	// asOf; empty otherwise.
	UnqualifiedFrom string `json:"unqualifiedFrom,omitempty" jsonschema:"format=date"`
	// Events are the held certifications of the area's rules that stop counting within the
	// projection.
	Events []CertificationEvent `json:"events"`
}

// ProjectionPoint is an area's standing on one date.
type ProjectionPoint struct {
	// Date is the day scored.
	Date string `json:"date" jsonschema:"format=date"`
	// Version is the rule version in force, empty when none is.
	Version string `json:"version,omitempty"`
	// Track is the counting track.
	Track string `json:"track,omitempty"`
	// Score is the area's score.
	Score float64 `json:"score"`
	// QualifyingScore is the score the area needs.
	QualifyingScore float64 `json:"qualifyingScore"`
	// Qualified is whether the area qualifies.
	Qualified bool `json:"qualified"`
}

// CertificationEvent is a held certification that stops counting.
type CertificationEvent struct {
	// Certification is the certification id.
	Certification string `json:"certification"`
	// Name is its name.
	Name string `json:"name"`
	// People is how many people in the profile hold it.
	People int `json:"people"`
	// LastDay is the last day it counts.
	LastDay string `json:"lastDay" jsonschema:"format=date"`
	// StopsOn is the first day it no longer counts.
	StopsOn string `json:"stopsOn" jsonschema:"format=date"`
	// Retires is its retirement date, if announced.
	Retires string `json:"retires,omitempty" jsonschema:"format=date"`
	// Metrics are the ids of the area's metrics whose rules name it.
	Metrics []string `json:"metrics"`
	// ReplacedBy are the successors the catalog names (a source gives them).
	ReplacedBy []string `json:"replacedBy,omitempty"`
	// Alternatives are the other certifications that count in the same steps on StopsOn.
	Alternatives []string `json:"alternatives"`
}

// timeInput is the resolved history and projection request.
type timeInput struct {
	window   bool
	months   []day // snapshot months (first days), by history index
	facts    [][]float64
	given    [][]bool
	project  int
	leave    bool // Profile.Departures
	asOfMth  day
	earliest day // earliest snapshot month, or noDay
}

// monthOf returns the first day of d's month.
func monthOf(d day) day {
	s := d.String()
	m, _ := parseDay(s[:8] + "01")
	return m
}

// candidateDays are the days of month m (first day) that a month's standing is scored on:
// the first day and each day a rule version starts in it, up to last.
func (e *Engine) candidateDays(m, last day) []day {
	out := []day{m}
	end := m.addMonths(1) - 1
	if last < end {
		end = last
	}
	for _, c := range e.programs {
		if c.from > m && c.from <= end && !containsDay(out, c.from) {
			out = append(out, c.from)
		}
	}
	return out
}

func containsDay(ds []day, d day) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// resolveTime checks Profile.History and Profile.Projection and fills in.time.
func (e *Engine) resolveTime(p *Profile, in *Input) Errors {
	if p.History == nil && p.Projection == nil && p.Departures == nil {
		return nil
	}
	var errs Errors
	ti := &timeInput{window: p.History != nil, leave: p.Departures != nil, asOfMth: monthOf(in.asOf), earliest: noDay}
	if ti.leave {
		if err := checkDepartures(in); err != nil {
			errs = append(errs, err)
		}
	}
	if p.Projection != nil {
		ti.project = p.Projection.Months
		if ti.project == 0 {
			ti.project = 12
		}
		if ti.project < 1 || ti.project > 24 {
			errs = append(errs, &Error{Path: "/projection/months", Code: CodeRange, Message: "months to project out of range", Expected: "1 to 24", Got: strconv.Itoa(ti.project)})
		}
	}
	for i, s := range p.History {
		base := pointerIndex("/history", i)
		m, ok := parseDay(s.Month + "-01")
		if !ok || len(s.Month) != 7 {
			errs = append(errs, &Error{Path: base + "/month", Code: CodeDate, Message: "not a valid month", Expected: "YYYY-MM", Got: shorten(s.Month)})
			continue
		}
		if m >= ti.asOfMth {
			errs = append(errs, &Error{Path: base + "/month", Code: CodeRange, Message: "a snapshot is for a month before asOf's month (whose facts are /facts)",
				Expected: "a month before " + ti.asOfMth.String()[:7], Got: s.Month})
			continue
		}
		if containsDay(ti.months, m) {
			errs = append(errs, &Error{Path: base + "/month", Code: CodeDuplicate, Message: "month given twice", Got: s.Month})
			continue
		}
		facts, given := make([]float64, len(e.facts)), make([]bool, len(e.facts))
		for _, id := range sortedKeys(s.Facts) {
			v := s.Facts[id]
			path := pointer(base+"/facts", id)
			fi, ok := e.factIndex[id]
			switch {
			case !ok:
				errs = append(errs, &Error{Path: path, Code: CodeUnknown, Message: "unknown fact", Expected: "a fact id declared by the program data", Got: shorten(id), Suggestion: closest(id, e.factIDs())})
			case math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxMagnitude:
				errs = append(errs, &Error{Path: path, Code: CodeRange, Message: "not a finite number", Expected: "a magnitude of at most 1e15", Got: formatNum(v)})
			case e.facts[fi].integer && v != math.Trunc(v):
				errs = append(errs, &Error{Path: path, Code: CodeInteger, Message: "this fact counts whole things", Expected: "a whole number", Got: formatNum(v)})
			default:
				facts[fi], given[fi] = v, true
			}
		}
		// Bounds of every version scored in that month.
		for _, d := range e.candidateDays(m, m.addMonths(1)-1) {
			sub := Input{asOf: d, programs: in.programs, facts: facts, given: given}
			progs, perrs := e.selectPrograms(&sub, nil)
			if perrs != nil {
				continue // no rules that day: the month is scored as not qualified
			}
			for _, be := range e.checkBounds(&sub, progs) {
				y := *be
				y.Path = base + y.Path
				if !containsErr(errs, &y) {
					errs = append(errs, &y)
				}
			}
		}
		ti.months = append(ti.months, m)
		ti.facts = append(ti.facts, facts)
		ti.given = append(ti.given, given)
		if m < ti.earliest {
			ti.earliest = m
		}
	}
	in.time = ti
	return errs
}

// sub evaluates in on day d with the given facts into r; false when no rules are in force.
func (e *Engine) sub(r *Result, in *Input, d day, facts []float64, given []bool) bool {
	prof := *in.Profile
	prof.AsOf = d.String()
	s := Input{Profile: &prof, asOf: d, programs: in.programs, lang: in.lang, groups: in.groups, facts: facts, given: given, tracks: in.tracks}
	progs, errs := e.selectPrograms(&s, nil)
	if errs != nil {
		return false
	}
	s.progs = progs
	return e.EvaluateInto(r, &s) == nil
}

// timeline fills r.Window and r.Projection.
func (e *Engine) timeline(r *Result, in *Input) {
	ti := in.time
	var scratch Result
	if ti.window {
		r.Window = e.window(r, in, ti, &scratch)
	}
	if ti.project > 0 {
		r.Projection = e.project(r, in, ti, &scratch)
	}
	if ti.leave {
		r.Departures = e.departures(r, in, &scratch)
	}
}

func (e *Engine) window(r *Result, in *Input, ti *timeInput, scratch *Result) *Window {
	from := ti.asOfMth.addMonths(-5)
	start := from
	if ti.earliest < start {
		start = ti.earliest
	}
	w := &Window{From: from.String(), To: in.asOf.String()}
	for _, pr := range r.Programs {
		for _, ar := range pr.Areas {
			w.Areas = append(w.Areas, AreaWindow{Program: pr.ID, Area: ar.ID, Name: ar.Name, MonthsQualified: []string{}})
		}
	}
	for m := start; m <= ti.asOfMth; m = m.addMonths(1) {
		month := m.String()[:7]
		w.Months = append(w.Months, month)
		facts, given := in.facts, in.given
		data := m == ti.asOfMth
		for i, hm := range ti.months {
			if hm == m {
				facts, given, data = ti.facts[i], ti.given[i], true
			}
		}
		st := make([]MonthStanding, len(w.Areas))
		for i := range st {
			st[i] = MonthStanding{Month: month, Data: data}
		}
		if data {
			last := m.addMonths(1) - 1
			if m == ti.asOfMth {
				last = in.asOf
			}
			for _, d := range e.candidateDays(m, last) {
				if !e.sub(scratch, in, d, facts, given) {
					continue
				}
				for i := range w.Areas {
					aw := &w.Areas[i]
					pr := findProgram(scratch, aw.Program)
					ar := findAreaResult(pr, aw.Area)
					if ar == nil {
						continue
					}
					s := &st[i]
					if s.Day == "" || (ar.Qualified && !s.Qualified) || (ar.Qualified == s.Qualified && ar.Score > s.Score+eps) {
						s.Day, s.Version, s.Score, s.Qualified = d.String(), pr.Version, ar.Score, ar.Qualified
					}
				}
			}
		}
		for i := range w.Areas {
			aw := &w.Areas[i]
			aw.Months = append(aw.Months, st[i])
			if st[i].Qualified {
				aw.MonthsQualified = append(aw.MonthsQualified, month)
				if aw.FirstQualified == "" {
					aw.FirstQualified = month
				}
				if m >= from {
					aw.Holds = true
				}
			}
		}
	}
	return w
}

func (e *Engine) project(r *Result, in *Input, ti *timeInput, scratch *Result) *Projection {
	pj := &Projection{}
	dates := []day{in.asOf}
	for k := 1; k <= ti.project; k++ {
		dates = append(dates, ti.asOfMth.addMonths(k))
	}
	for _, d := range dates {
		pj.Dates = append(pj.Dates, d.String())
	}
	for _, pr := range r.Programs {
		for _, ar := range pr.Areas {
			pj.Areas = append(pj.Areas, AreaProjection{Program: pr.ID, Area: ar.ID, Name: ar.Name, Events: []CertificationEvent{}})
		}
	}
	for _, d := range dates {
		ok := e.sub(scratch, in, d, in.facts, in.given)
		for i := range pj.Areas {
			ap := &pj.Areas[i]
			pt := ProjectionPoint{Date: d.String()}
			if ok {
				pr := findProgram(scratch, ap.Program)
				if ar := findAreaResult(pr, ap.Area); ar != nil {
					pt = ProjectionPoint{Date: d.String(), Version: pr.Version, Track: ar.Track, Score: ar.Score, QualifyingScore: ar.QualifyingScore, Qualified: ar.Qualified}
				}
			}
			ap.Points = append(ap.Points, pt)
		}
	}
	end := dates[len(dates)-1]
	for i := range pj.Areas {
		ap := &pj.Areas[i]
		p0 := ap.Points[0]
		for _, pt := range ap.Points[1:] {
			if ap.BelowFrom == "" && p0.Score >= p0.QualifyingScore-eps && pt.Score < pt.QualifyingScore-eps {
				ap.BelowFrom = pt.Date
			}
			if ap.UnqualifiedFrom == "" && p0.Qualified && !pt.Qualified {
				ap.UnqualifiedFrom = pt.Date
			}
		}
		ap.Events = e.certEvents(in, ap.Program, ap.Area, end)
	}
	return pj
}

// certEvents lists the certifications held in the profile, named by the rules of the area,
// that stop counting after asOf and by end.
func (e *Engine) certEvents(in *Input, program, area string, end day) []CertificationEvent {
	out := []CertificationEvent{}
	for ci := range e.certs {
		last := e.certEnd[ci]
		if last == noDay || last < in.asOf || last >= end {
			continue
		}
		var one certMask
		one.set(ci)
		people := 0
		for _, g := range in.groups {
			if g.mask.meets(&one) {
				people += g.n
			}
		}
		if people == 0 {
			continue
		}
		stop := last + 1
		ev := CertificationEvent{Certification: e.certs[ci].ID, Name: e.certs[ci].Name.In(in.lang), People: people,
			LastDay: last.String(), StopsOn: stop.String(), Retires: e.certs[ci].Retires, Metrics: []string{}, ReplacedBy: e.certs[ci].ReplacedBy}
		var alt certMask
		for _, d := range []day{in.asOf, stop} {
			c := e.inForce(program, d)
			if c == nil {
				continue
			}
			e.mustReady(c)
			for ai := range c.areas {
				ca := &c.areas[ai]
				if ca.a.ID != area {
					continue
				}
				for ti := range ca.tracks {
					for mi := range ca.tracks[ti].metrics {
						cm := &ca.tracks[ti].metrics[mi]
						named := false
						for pi := range cm.parts {
							if cm.parts[pi].mask.meets(&one) {
								named = true
								if d == stop {
									alt = orMask(alt, cm.parts[pi].mask)
								}
							}
						}
						for gi := range cm.gates {
							if cm.gates[gi].mask.meets(&one) {
								named = true
								if d == stop {
									alt = orMask(alt, cm.gates[gi].mask)
								}
							}
						}
						if named && !contains(ev.Metrics, cm.m.ID) {
							ev.Metrics = append(ev.Metrics, cm.m.ID)
						}
					}
				}
			}
		}
		if len(ev.Metrics) == 0 {
			continue
		}
		ev.Alternatives = []string{}
		for j := range e.certs {
			if j != ci && alt.has(j) && e.certEnd[j] >= stop {
				ev.Alternatives = append(ev.Alternatives, e.certs[j].ID)
			}
		}
		out = append(out, ev)
	}
	return out
}

func orMask(a, b certMask) certMask {
	for i := range a {
		a[i] |= b[i]
	}
	return a
}

// appendTime appends `,"window":…`, `,"projection":…` and `,"departures":…` when the
// result has them.
func (r *Result) appendTime(b []byte) []byte {
	if w := r.Window; w != nil {
		b = kstr(b, `,"window":{"from":`, w.From)
		b = kstr(b, `,"to":`, w.To)
		b = append(b, `,"months":`...)
		b = appendStrs(b, w.Months)
		b = append(b, `,"areas":[`...)
		for i := range w.Areas {
			a := &w.Areas[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = appendAreaHead(b, a.Program, a.Area, a.Name)
			b = append(b, `,"months":[`...)
			for j := range a.Months {
				m := &a.Months[j]
				if j > 0 {
					b = append(b, ',')
				}
				b = kstr(b, `{"month":`, m.Month)
				b = append(b, `,"data":`...)
				b = appendBoolean(b, m.Data)
				b = optStr(b, `,"day":`, m.Day)
				b = optStr(b, `,"version":`, m.Version)
				b = knum(b, `,"score":`, m.Score)
				b = append(b, `,"qualified":`...)
				b = appendBoolean(b, m.Qualified)
				b = append(b, '}')
			}
			b = append(b, `],"monthsQualified":`...)
			b = appendStrs(b, a.MonthsQualified)
			b = optStr(b, `,"firstQualified":`, a.FirstQualified)
			b = append(b, `,"holds":`...)
			b = appendBoolean(b, a.Holds)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	if p := r.Projection; p != nil {
		b = append(b, `,"projection":{"dates":`...)
		b = appendStrs(b, p.Dates)
		b = append(b, `,"areas":[`...)
		for i := range p.Areas {
			a := &p.Areas[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = appendAreaHead(b, a.Program, a.Area, a.Name)
			b = append(b, `,"points":[`...)
			for j := range a.Points {
				pt := &a.Points[j]
				if j > 0 {
					b = append(b, ',')
				}
				b = kstr(b, `{"date":`, pt.Date)
				b = optStr(b, `,"version":`, pt.Version)
				b = optStr(b, `,"track":`, pt.Track)
				b = knum(b, `,"score":`, pt.Score)
				b = knum(b, `,"qualifyingScore":`, pt.QualifyingScore)
				b = append(b, `,"qualified":`...)
				b = appendBoolean(b, pt.Qualified)
				b = append(b, '}')
			}
			b = append(b, ']')
			b = optStr(b, `,"belowFrom":`, a.BelowFrom)
			b = optStr(b, `,"unqualifiedFrom":`, a.UnqualifiedFrom)
			b = append(b, `,"events":[`...)
			for j := range a.Events {
				ev := &a.Events[j]
				if j > 0 {
					b = append(b, ',')
				}
				b = kstr(b, `{"certification":`, ev.Certification)
				b = kstr(b, `,"name":`, ev.Name)
				b = kint(b, `,"people":`, int64(ev.People))
				b = kstr(b, `,"lastDay":`, ev.LastDay)
				b = kstr(b, `,"stopsOn":`, ev.StopsOn)
				b = optStr(b, `,"retires":`, ev.Retires)
				b = append(b, `,"metrics":`...)
				b = appendStrs(b, ev.Metrics)
				if len(ev.ReplacedBy) > 0 {
					b = append(b, `,"replacedBy":`...)
					b = appendStrs(b, ev.ReplacedBy)
				}
				b = append(b, `,"alternatives":`...)
				b = appendStrs(b, ev.Alternatives)
				b = append(b, '}')
			}
			b = append(b, "]}"...)
		}
		b = append(b, "]}"...)
	}
	return r.appendDepartures(b)
}

func appendAreaHead(b []byte, program, area, name string) []byte {
	b = kstr(b, `{"program":`, program)
	b = kstr(b, `,"area":`, area)
	b = append(b, `,"name":`...)
	return appendStr(b, name)
}
