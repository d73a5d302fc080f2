package score

import "strconv"

// maxDepartureSets caps the distinct certification sets of the named people that
// Profile.Departures evaluates again: one evaluation each.
const maxDepartureSets = 1000

// Departure is what one named person's leaving would change: the profile evaluated again
// on asOf without Profile.People[Person], everything else the same (the facts, the counts
// of Profile.Certifications, the other people), compared with the result as Engine.Compare
// compares two dates. People holding the same certifications have the same departure.
type Departure struct {
	// Person is the person's index in Profile.People.
	Person int `json:"person"`
	// ID is the person's id, when the profile gives one.
	ID string `json:"id,omitempty"`
	// Loses is true when an area would no longer qualify, a level no longer be met or a
	// competency no longer be earned.
	Loses bool `json:"loses"`
	// Changed is true when anything would differ.
	Changed bool `json:"changed"`
	// Programs compares each program with the person (before) and without them (after):
	// every area, with its metrics, and every level and competency, with what changes.
	Programs []ProgramComparison `json:"programs"`
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
	var unchanged *Departure                 // of a person holding nothing: r compared with itself
	var groups []group                       // in.groups with one person fewer, reused per set
	for i, per := range people {
		k := in.member[i]
		var effect *Departure
		switch {
		case k < 0:
			if unchanged == nil {
				unchanged = leave(r, r)
			}
			effect = unchanged
		case effects[k] != nil:
			effect = effects[k]
		default:
			groups = append(groups[:0], in.groups...)
			groups[first+k].n--
			s := *in
			s.groups, s.time, s.plan = groups, nil, nil
			if err := e.EvaluateInto(scratch, &s); err != nil {
				effect = leave(r, r) // cannot happen: the same input, one person fewer
			} else {
				effect = leave(r, scratch)
			}
			effects[k] = effect
		}
		out[i] = Departure{Person: i, ID: per.ID, Loses: effect.Loses, Changed: effect.Changed, Programs: effect.Programs}
	}
	return out
}

// leave compares the result with a person (was) and without them (now).
func leave(was, now *Result) *Departure {
	c := compareResults(was, now)
	d := &Departure{Changed: c.Changed, Programs: c.Programs}
	for _, p := range c.Programs {
		for _, a := range p.Areas {
			d.Loses = d.Loses || (a.Before != nil && a.Before.Qualified && (a.After == nil || !a.After.Qualified))
		}
		for _, os := range [2][]OutcomeComparison{p.Levels, p.Competencies} {
			for _, o := range os {
				d.Loses = d.Loses || (o.Before != nil && o.Before.Met && (o.After == nil || !o.After.Met))
			}
		}
	}
	return d
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
		b = append(b, `,"loses":`...)
		b = appendBoolean(b, d.Loses)
		b = append(b, `,"changed":`...)
		b = appendBoolean(b, d.Changed)
		b = appendProgramComparisons(b, `,"programs":[`, d.Programs)
		b = append(b, '}')
	}
	return append(b, ']')
}
