package score

import "strconv"

// maxDepartureSets caps the distinct certification sets of the named people that
// Profile.Departures evaluates again: one evaluation each.
const maxDepartureSets = 1000

// Departure is what one named person's leaving would change: the profile evaluated again
// on asOf without Profile.People[Person], everything else the same (the facts, the counts
// of Profile.Certifications, the other people). People holding the same certifications
// have the same departure.
type Departure struct {
	// Person is the person's index in Profile.People.
	Person int `json:"person"`
	// ID is the person's id, when the profile gives one.
	ID string `json:"id,omitempty"`
	// Areas are the areas whose score or qualification would change, in the result's order.
	Areas []AreaDeparture `json:"areas"`
	// Levels are the programs of levels whose reached level, levels met or competencies
	// earned would change.
	Levels []LevelsDeparture `json:"levels"`
	// Loses is true when an area would no longer qualify, a level no longer be met or a
	// competency no longer be earned.
	Loses bool `json:"loses"`
}

// AreaDeparture is an area's standing with and without a person.
type AreaDeparture struct {
	// Program is the program id.
	Program string `json:"program"`
	// Area is the area id.
	Area string `json:"area"`
	// Name is the area's name.
	Name string `json:"name"`
	// Score is the area's score without the person.
	Score float64 `json:"score"`
	// Was is the area's score with the person (the result's).
	Was float64 `json:"was"`
	// Qualified is whether the area would qualify without the person.
	Qualified bool `json:"qualified"`
	// WasQualified is whether it qualifies with the person (the result's).
	WasQualified bool `json:"wasQualified"`
	// Track is the counting track without the person.
	Track string `json:"track,omitempty"`
	// Metrics are the metrics of that track whose points would change.
	Metrics []MetricDeparture `json:"metrics"`
}

// MetricDeparture is a metric's points with and without a person.
type MetricDeparture struct {
	// ID is the metric id.
	ID string `json:"id"`
	// Points are the metric's points without the person.
	Points float64 `json:"points"`
	// Was is the metric's points with the person (the result's; 0 when the track changes and
	// the result's track has no such metric).
	Was float64 `json:"was"`
}

// LevelsDeparture is a program of levels with and without a person.
type LevelsDeparture struct {
	// Program is the program id.
	Program string `json:"program"`
	// Name is the program's name.
	Name string `json:"name"`
	// Reached is the highest level reached without the person (ordered levels); empty when none.
	Reached string `json:"reached,omitempty"`
	// WasReached is the highest level reached with the person (the result's).
	WasReached string `json:"wasReached,omitempty"`
	// Levels are the ids of the levels met with the person and not without.
	Levels []string `json:"levels"`
	// Competencies are the ids of the competencies earned with the person and not without.
	Competencies []string `json:"competencies"`
}

// departures reads Profile.Departures: {} (no options).
func (p *parser) departures(prof *Profile, path string) {
	p.object(path, func(key, _ string) {
		p.reject(p.pos, CodeUnknown, "unknown field", "no member: departures takes no options ({})", strconv.Quote(key))
		p.skip()
	})
	prof.Departures = &DeparturesRequest{}
}

// checkDepartures reports a profile whose named people hold too many distinct sets of
// certifications for Profile.Departures.
func checkDepartures(in *Input) *Error {
	if n := len(in.people); n > maxDepartureSets {
		return &Error{Path: "/departures", Code: CodeRange, Message: "too many distinct sets of certifications among the named people to evaluate each departure",
			Expected: "at most " + strconv.Itoa(maxDepartureSets), Got: strconv.Itoa(n)}
	}
	return nil
}

// departures evaluates r's profile again without each named person: once per distinct set
// of certifications (a group of in.people), shared by the people holding it.
func (e *Engine) departures(r *Result, in *Input, scratch *Result) []Departure {
	people := in.Profile.People
	out := make([]Departure, len(people))
	effects := make([]*Departure, len(in.people))
	first := len(in.groups) - len(in.people) // in.people are the last groups of in.groups
	for i, per := range people {
		d := &out[i]
		d.Person, d.ID = i, per.ID
		var m certMask
		for _, name := range per.Certifications {
			if ci, ok := e.lookupCert(name); ok {
				m.set(ci)
			}
		}
		k := -1
		for j := range in.people {
			if in.people[j].mask == m {
				k = j
				break
			}
		}
		if k < 0 { // no certification: nothing changes
			d.Areas, d.Levels = []AreaDeparture{}, []LevelsDeparture{}
			continue
		}
		if effects[k] == nil {
			groups := append([]group(nil), in.groups...)
			groups[first+k].n--
			s := *in
			s.groups, s.time, s.plan = groups, nil, nil
			effect := &Departure{Areas: []AreaDeparture{}, Levels: []LevelsDeparture{}}
			if e.EvaluateInto(scratch, &s) == nil {
				effect.compare(r, scratch)
			}
			effects[k] = effect
		}
		d.Areas, d.Levels, d.Loses = effects[k].Areas, effects[k].Levels, effects[k].Loses
	}
	return out
}

// compare fills d with what differs between the result with the person (was) and without (now).
func (d *Departure) compare(was, now *Result) {
	for pi := range was.Programs {
		wp := &was.Programs[pi]
		if pi >= len(now.Programs) || now.Programs[pi].ID != wp.ID {
			continue
		}
		np := &now.Programs[pi]
		for ai := range wp.Areas {
			wa := &wp.Areas[ai]
			na := findAreaResult(np, wa.ID)
			if na == nil {
				continue
			}
			ad := AreaDeparture{Program: wp.ID, Area: wa.ID, Name: wa.Name, Score: na.Score, Was: wa.Score,
				Qualified: na.Qualified, WasQualified: wa.Qualified, Track: na.Track, Metrics: []MetricDeparture{}}
			for mi := range na.Metrics {
				nm := &na.Metrics[mi]
				if wm := findMetric(wa, nm.ID); wm == nil {
					ad.Metrics = append(ad.Metrics, MetricDeparture{ID: nm.ID, Points: nm.Points})
				} else if wm.Points != nm.Points {
					ad.Metrics = append(ad.Metrics, MetricDeparture{ID: nm.ID, Points: nm.Points, Was: wm.Points})
				}
			}
			if ad.Score != ad.Was || ad.Qualified != ad.WasQualified || len(ad.Metrics) > 0 {
				d.Areas = append(d.Areas, ad)
				d.Loses = d.Loses || (ad.WasQualified && !ad.Qualified)
			}
		}
		if wp.Levels == nil || np.Levels == nil {
			continue
		}
		ld := LevelsDeparture{Program: wp.ID, Name: wp.Name, Reached: np.Levels.Reached, WasReached: wp.Levels.Reached, Levels: []string{}, Competencies: []string{}}
		for li := range wp.Levels.Levels {
			wl := &wp.Levels.Levels[li]
			if wl.Met && li < len(np.Levels.Levels) && !np.Levels.Levels[li].Met {
				ld.Levels = append(ld.Levels, wl.ID)
			}
		}
		for ci := range wp.Levels.Competencies {
			wc := &wp.Levels.Competencies[ci]
			if wc.Earned && ci < len(np.Levels.Competencies) && !np.Levels.Competencies[ci].Earned {
				ld.Competencies = append(ld.Competencies, wc.ID)
			}
		}
		if ld.Reached != ld.WasReached || len(ld.Levels) > 0 || len(ld.Competencies) > 0 {
			d.Levels = append(d.Levels, ld)
			d.Loses = d.Loses || len(ld.Levels) > 0 || len(ld.Competencies) > 0
		}
	}
}

// findMetric returns the metric of a's counting track with that id, or nil.
func findMetric(a *AreaResult, id string) *MetricResult {
	for i := range a.Metrics {
		if a.Metrics[i].ID == id {
			return &a.Metrics[i]
		}
	}
	return nil
}

// appendDepartures appends `,"departures":[…]` when the result has them.
func (r *Result) appendDepartures(b []byte) []byte {
	if r.Departures == nil {
		return b
	}
	b = append(b, `,"departures":[`...)
	for i := range r.Departures {
		d := &r.Departures[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kint(b, `{"person":`, int64(d.Person))
		b = optStr(b, `,"id":`, d.ID)
		b = append(b, `,"areas":[`...)
		for j := range d.Areas {
			a := &d.Areas[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = appendAreaHead(b, a.Program, a.Area, a.Name)
			b = knum(b, `,"score":`, a.Score)
			b = knum(b, `,"was":`, a.Was)
			b = append(b, `,"qualified":`...)
			b = appendBoolean(b, a.Qualified)
			b = append(b, `,"wasQualified":`...)
			b = appendBoolean(b, a.WasQualified)
			b = optStr(b, `,"track":`, a.Track)
			b = append(b, `,"metrics":[`...)
			for k := range a.Metrics {
				m := &a.Metrics[k]
				if k > 0 {
					b = append(b, ',')
				}
				b = kstr(b, `{"id":`, m.ID)
				b = knum(b, `,"points":`, m.Points)
				b = knum(b, `,"was":`, m.Was)
				b = append(b, '}')
			}
			b = append(b, "]}"...)
		}
		b = append(b, `],"levels":[`...)
		for j := range d.Levels {
			l := &d.Levels[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = kstr(b, `{"program":`, l.Program)
			b = kstr(b, `,"name":`, l.Name)
			b = optStr(b, `,"reached":`, l.Reached)
			b = optStr(b, `,"wasReached":`, l.WasReached)
			b = append(b, `,"levels":`...)
			b = appendStrs(b, l.Levels)
			b = append(b, `,"competencies":`...)
			b = appendStrs(b, l.Competencies)
			b = append(b, '}')
		}
		b = append(b, `],"loses":`...)
		b = appendBoolean(b, d.Loses)
		b = append(b, '}')
	}
	return append(b, ']')
}
