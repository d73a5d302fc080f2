package score

import (
	"math"
)

// Comparison is one profile scored on two dates, side by side: for every program, area
// and metric, the standing on each date and what changed (rules and outcomes).
type Comparison struct {
	// From is the first date compared.
	From string `json:"from" jsonschema:"format=date"`
	// To is the second date compared.
	To string `json:"to" jsonschema:"format=date"`
	// Lang is the language of names.
	Lang string `json:"lang" jsonschema:"enum=en,enum=fr"`
	// Changed is true when anything differs between the two dates.
	Changed bool `json:"changed"`
	// Programs holds one comparison per program evaluated on either date.
	Programs []ProgramComparison `json:"programs"`

	// Before and After are the full results on From and To.
	Before *Result `json:"-"`
	After  *Result `json:"-"`
}

// ProgramComparison compares one program on the two dates.
type ProgramComparison struct {
	// ID is the program id.
	ID string `json:"id"`
	// Name is the program's name (on the later date when it exists then).
	Name string `json:"name"`
	// Before is the version in force on the first date, absent when none is.
	Before *VersionRef `json:"before,omitempty"`
	// After is the version in force on the second date, absent when none is.
	After *VersionRef `json:"after,omitempty"`
	// Changed is true when the version or any area differs.
	Changed bool `json:"changed"`
	// Areas compares each area, in the later version's order, then areas only the earlier has.
	Areas []AreaComparison `json:"areas"`
	// Levels compares each level of a levels program (met or not), in the later version's
	// order, then levels only the earlier has; absent for the other models.
	Levels []OutcomeComparison `json:"levels,omitempty"`
	// Competencies compares each competency of a levels program (earned or not), in the same
	// order; absent for the other models and for programs without competencies.
	//
	// A calculator's or a timeline's program is compared by its versions alone: the figures
	// of a calculator follow its parameters, not the date, and each calculator has one
	// version.
	Competencies []OutcomeComparison `json:"competencies,omitempty"`
}

// OutcomeComparison compares one outcome of a levels program, a level or a competency, on
// the two dates.
type OutcomeComparison struct {
	// ID is the level's or competency's id.
	ID string `json:"id"`
	// Name is its name (on the later date when it exists then).
	Name string `json:"name"`
	// Before is the outcome on the first date, absent when the version then has no such
	// level or competency.
	Before *OutcomeSide `json:"before,omitempty"`
	// After is the outcome on the second date, absent likewise.
	After *OutcomeSide `json:"after,omitempty"`
	// Changes lists what differs: added, removed, met (met or earned on one date only),
	// missing (the requirements not met differ).
	Changes []string `json:"changes"`
}

// OutcomeSide is a level or competency on one date.
type OutcomeSide struct {
	// Met is true when every requirement holds (the level is met, the competency earned).
	Met bool `json:"met"`
	// Missing lists the requirements that do not hold, in the program's order.
	Missing []RequirementRef `json:"missing"`
}

// RequirementRef names a requirement of a level or competency.
type RequirementRef struct {
	// ID is the requirement id.
	ID string `json:"id"`
	// Name is its name.
	Name string `json:"name"`
}

// VersionRef names a rule version.
type VersionRef struct {
	// Version is the rule set's name, e.g. "fy24".
	Version string `json:"version"`
	// EffectiveFrom is its first day.
	EffectiveFrom string `json:"effectiveFrom" jsonschema:"format=date"`
	// EffectiveTo is its last day, empty while open-ended.
	EffectiveTo string `json:"effectiveTo,omitempty" jsonschema:"format=date"`
}

// Change names used in comparisons.
const (
	ChangeAdded          = "added"          // only on the later date
	ChangeRemoved        = "removed"        // only on the earlier date
	ChangeTrack          = "track"          // the counting track differs
	ChangeScore          = "score"          // the area score differs
	ChangeQualified      = "qualified"      // qualification differs
	ChangePoints         = "points"         // the metric's points differ
	ChangeApplied        = "applied"        // what bound the points differs
	ChangeValue          = "value"          // the measured value differs (certifications that stopped counting, another list)
	ChangeMax            = "max"            // the metric's maximum differs
	ChangeThreshold      = "threshold"      // a part's rate or threshold differs
	ChangeCertifications = "certifications" // the certifications counted differ
	ChangeGates          = "gates"          // gates differ (people required, points)
	ChangePrerequisite   = "prerequisite"   // the prerequisite differs
	ChangeAssumption     = "assumption"     // whether the rule is an assumption differs
	ChangeMet            = "met"            // a level met or a competency earned on one date only
	ChangeMissing        = "missing"        // the requirements not met differ
)

// AreaComparison compares one area on the two dates.
type AreaComparison struct {
	// ID is the area id.
	ID string `json:"id"`
	// Name is the area's name.
	Name string `json:"name"`
	// Before is the standing on the first date, absent when the area is not scored then.
	Before *AreaSide `json:"before,omitempty"`
	// After is the standing on the second date, absent when the area is not scored then.
	After *AreaSide `json:"after,omitempty"`
	// Changes lists what differs: added, removed, track, score, qualified.
	Changes []string `json:"changes"`
	// Metrics compares the counting tracks' metrics, matched by id.
	Metrics []MetricComparison `json:"metrics"`
}

// AreaSide is an area's standing on one date.
type AreaSide struct {
	// Track is the counting track.
	Track string `json:"track"`
	// TrackName is the counting track's name, in the comparison's language.
	TrackName string `json:"trackName"`
	// Score is the area's score.
	Score float64 `json:"score"`
	// Max is the most the track can score.
	Max float64 `json:"max"`
	// Qualified is whether the area qualifies.
	Qualified bool `json:"qualified"`
	// Shortfall is the points missing to the qualifying score.
	Shortfall float64 `json:"shortfall"`
	// QualifyingScore is the score the area needs on that date.
	QualifyingScore float64 `json:"qualifyingScore"`
}

// MetricComparison compares one metric on the two dates.
type MetricComparison struct {
	// ID is the metric id.
	ID string `json:"id"`
	// Name is the metric's name.
	Name string `json:"name"`
	// Before is the metric on the first date, absent when not scored then.
	Before *MetricSide `json:"before,omitempty"`
	// After is the metric on the second date, absent when not scored then.
	After *MetricSide `json:"after,omitempty"`
	// Changes lists what differs: rule changes (max, threshold, certifications, gates,
	// prerequisite, assumption) and outcomes (points, applied, value), or added/removed.
	Changes []string `json:"changes"`
}

// MetricSide is a metric on one date.
type MetricSide struct {
	// Points is what the metric earns.
	Points float64 `json:"points"`
	// Max is the most it can earn.
	Max float64 `json:"max"`
	// Value is the measure that counted.
	Value float64 `json:"value"`
	// Unit is the unit of Value.
	Unit string `json:"unit"`
	// Threshold is the value at which the counting part reaches Max.
	Threshold float64 `json:"threshold"`
	// Applied is what bound the points.
	Applied string `json:"applied"`
	// Assumption is true when no source of the version gives the rule.
	Assumption bool `json:"assumption,omitempty"`
}

// Compare scores one profile on two dates (YYYY-MM-DD) with the rule versions in force on
// each, and says what changed. What does not take part in the scores on the two dates is
// ignored, unchecked: the profile's asOf, history (whose months are before asOf's),
// projection, departures and plan. A date with no rules in force is an
// error at "/from" or "/to"; the profile's errors are located as by Resolve.
func (e *Engine) Compare(p *Profile, from, to string) (*Comparison, error) {
	return e.compare(p, from, to, nil)
}

// compare is Compare of a profile whose reading reported read (see Engine.Parse): those
// come first, then the checks' of what was read.
func (e *Engine) compare(p *Profile, from, to string, read Errors) (*Comparison, error) {
	errs := read[:len(read):len(read)]
	var res [2]*Result
	for i, d := range [2]string{from, to} {
		where := [2]string{"/from", "/to"}[i]
		if _, ok := parseDay(d); !ok {
			errs = append(errs, &Error{Path: where, Code: CodeDate, Message: "not a valid date", Expected: "YYYY-MM-DD", Got: shorten(d)})
			continue
		}
		q := *p
		q.AsOf = d
		q.History, q.Projection, q.Departures, q.Plan = nil, nil, nil, nil
		in := new(Input)
		err := e.resolveInto(in, &q, read)
		if err == nil {
			res[i], err = e.Evaluate(in)
		}
		if err != nil {
			es, ok := err.(Errors)
			if !ok {
				return nil, err
			}
		next:
			for _, x := range es {
				for _, r := range read {
					if x == r {
						continue next // in errs already
					}
				}
				y := *x
				if y.Path == "/asOf" || y.Code == CodeNoRules {
					// No rules in force on that date, with or without a programs filter: the
					// date is the value at fault (the evaluation names the program it filters).
					y.Path, y.Got = where, shorten(d)
				}
				if !containsErr(errs, &y) {
					errs = append(errs, &y)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return compareResults(res[0], res[1]), nil
}

func containsErr(es Errors, e *Error) bool {
	for _, x := range es {
		if x.Path == e.Path && x.Code == e.Code && x.Message == e.Message {
			return true
		}
	}
	return false
}

// ParseCompare parses a JSON profile and compares it on two dates (Compare), in the
// language lang when it is not empty (else the profile's). Its errors are all the
// profile's at once, as Parse's, and the dates'.
func (e *Engine) ParseCompare(profile []byte, from, to, lang string) (*Comparison, error) {
	p, read, err := e.readNew(profile, nil)
	if err != nil {
		return nil, err
	}
	if lang != "" {
		p.Lang = lang
	}
	return e.compare(p, from, to, read)
}

// CompareJSON is ParseCompare in the profile's language, as JSON.
func (e *Engine) CompareJSON(profile []byte, from, to string) ([]byte, error) {
	c, err := e.ParseCompare(profile, from, to, "")
	if err != nil {
		return nil, err
	}
	return c.AppendJSON(make([]byte, 0, 4096)), nil
}

func compareResults(a, b *Result) *Comparison {
	c := &Comparison{From: a.AsOf, To: b.AsOf, Lang: b.Lang, Before: a, After: b}
	var ids []string
	for _, r := range [2]*Result{b, a} {
		for _, p := range r.Programs {
			if !contains(ids, p.ID) {
				ids = append(ids, p.ID)
			}
		}
	}
	sortStrings(ids)
	for _, id := range ids {
		pa, pb := findProgram(a, id), findProgram(b, id)
		pc := ProgramComparison{ID: id, Areas: []AreaComparison{}}
		if pa != nil {
			pc.Name = pa.Name
			pc.Before = &VersionRef{Version: pa.Version, EffectiveFrom: pa.EffectiveFrom, EffectiveTo: pa.EffectiveTo}
		}
		if pb != nil {
			pc.Name = pb.Name
			pc.After = &VersionRef{Version: pb.Version, EffectiveFrom: pb.EffectiveFrom, EffectiveTo: pb.EffectiveTo}
		}
		pc.Changed = pa == nil || pb == nil || pa.Version != pb.Version
		var areaIDs []string
		for _, p := range [2]*ProgramResult{pb, pa} {
			if p == nil {
				continue
			}
			for _, ar := range p.Areas {
				if !contains(areaIDs, ar.ID) {
					areaIDs = append(areaIDs, ar.ID)
				}
			}
		}
		for _, aid := range areaIDs {
			ac := compareArea(findAreaResult(pa, aid), findAreaResult(pb, aid))
			pc.Changed = pc.Changed || len(ac.Changes) > 0
			for _, m := range ac.Metrics {
				pc.Changed = pc.Changed || len(m.Changes) > 0
			}
			pc.Areas = append(pc.Areas, ac)
		}
		compareModels(&pc, pa, pb)
		c.Changed = c.Changed || pc.Changed
		c.Programs = append(c.Programs, pc)
	}
	return c
}

// compareModels fills the levels and competencies of pc from the programs' results on the
// two dates (either may be nil), and marks pc changed when any of them changed.
func compareModels(pc *ProgramComparison, a, b *ProgramResult) {
	var levels, comps [2][]outcome
	for i, r := range [2]*ProgramResult{a, b} {
		if r == nil {
			continue
		}
		if l := r.Levels; l != nil {
			for _, x := range l.Levels {
				levels[i] = append(levels[i], outcome{x.ID, x.Name, OutcomeSide{x.Met, missingRefs(x.Missing, x.Requirements)}})
			}
			for _, x := range l.Competencies {
				comps[i] = append(comps[i], outcome{x.ID, x.Name, OutcomeSide{x.Earned, missingRefs(x.Missing, x.Requirements)}})
			}
		}
	}
	pc.Levels = compareOutcomes(levels[0], levels[1])
	pc.Competencies = compareOutcomes(comps[0], comps[1])
	for _, os := range [2][]OutcomeComparison{pc.Levels, pc.Competencies} {
		for _, o := range os {
			pc.Changed = pc.Changed || len(o.Changes) > 0
		}
	}
}

// missingRefs names the requirements ids, from reqs.
func missingRefs(ids []string, reqs []RequirementResult) []RequirementRef {
	refs := make([]RequirementRef, len(ids))
	for i, id := range ids {
		refs[i].ID = id
		for j := range reqs {
			if reqs[j].ID == id {
				refs[i].Name = reqs[j].Name
				break
			}
		}
	}
	return refs
}

// outcome is a level or a competency of one result, as compareOutcomes matches them.
type outcome struct {
	id, name string
	side     OutcomeSide
}

// compareOutcomes compares the outcomes of the two dates, matched by id: those of the later
// date in its order, then those only the earlier has.
func compareOutcomes(a, b []outcome) []OutcomeComparison {
	find := func(xs []outcome, id string) *outcome {
		for i := range xs {
			if xs[i].id == id {
				return &xs[i]
			}
		}
		return nil
	}
	var out []OutcomeComparison
	for i := range b {
		y := &b[i]
		oc := OutcomeComparison{ID: y.id, Name: y.name, After: &y.side, Changes: []string{}}
		if x := find(a, y.id); x == nil {
			oc.Changes = append(oc.Changes, ChangeAdded)
		} else {
			oc.Before = &x.side
			if x.side.Met != y.side.Met {
				oc.Changes = append(oc.Changes, ChangeMet)
			}
			same := len(x.side.Missing) == len(y.side.Missing)
			for j := 0; same && j < len(x.side.Missing); j++ {
				same = x.side.Missing[j].ID == y.side.Missing[j].ID
			}
			if !same {
				oc.Changes = append(oc.Changes, ChangeMissing)
			}
		}
		out = append(out, oc)
	}
	for i := range a {
		if x := &a[i]; find(b, x.id) == nil {
			out = append(out, OutcomeComparison{ID: x.id, Name: x.name, Before: &x.side, Changes: []string{ChangeRemoved}})
		}
	}
	return out
}

func findProgram(r *Result, id string) *ProgramResult {
	for i := range r.Programs {
		if r.Programs[i].ID == id {
			return &r.Programs[i]
		}
	}
	return nil
}

func findAreaResult(p *ProgramResult, id string) *AreaResult {
	if p == nil {
		return nil
	}
	for i := range p.Areas {
		if p.Areas[i].ID == id {
			return &p.Areas[i]
		}
	}
	return nil
}

func differ(a, b float64) bool { return math.Abs(a-b) > eps }

func compareArea(a, b *AreaResult) AreaComparison {
	ac := AreaComparison{Changes: []string{}, Metrics: []MetricComparison{}}
	side := func(r *AreaResult) *AreaSide {
		s := &AreaSide{Track: r.Track, TrackName: r.Track, Score: r.Score, Max: r.Max, Qualified: r.Qualified, Shortfall: r.Shortfall, QualifyingScore: r.QualifyingScore}
		for _, t := range r.Tracks {
			if t.ID == r.Track && t.Name != "" {
				s.TrackName = t.Name
			}
		}
		return s
	}
	switch {
	case a == nil:
		ac.ID, ac.Name, ac.After = b.ID, b.Name, side(b)
		ac.Changes = append(ac.Changes, ChangeAdded)
	case b == nil:
		ac.ID, ac.Name, ac.Before = a.ID, a.Name, side(a)
		ac.Changes = append(ac.Changes, ChangeRemoved)
	default:
		ac.ID, ac.Name, ac.Before, ac.After = b.ID, b.Name, side(a), side(b)
		if a.Track != b.Track {
			ac.Changes = append(ac.Changes, ChangeTrack)
		}
		if differ(a.Score, b.Score) {
			ac.Changes = append(ac.Changes, ChangeScore)
		}
		if a.Qualified != b.Qualified {
			ac.Changes = append(ac.Changes, ChangeQualified)
		}
	}
	var ma, mb []MetricResult
	if a != nil {
		ma = a.Metrics
	}
	if b != nil {
		mb = b.Metrics
	}
	for i := range mb {
		ac.Metrics = append(ac.Metrics, compareMetric(findMetricResult(ma, mb[i].ID), &mb[i]))
	}
	for i := range ma {
		if findMetricResult(mb, ma[i].ID) == nil {
			ac.Metrics = append(ac.Metrics, compareMetric(&ma[i], nil))
		}
	}
	return ac
}

func findMetricResult(ms []MetricResult, id string) *MetricResult {
	for i := range ms {
		if ms[i].ID == id {
			return &ms[i]
		}
	}
	return nil
}

func compareMetric(a, b *MetricResult) MetricComparison {
	mc := MetricComparison{Changes: []string{}}
	side := func(m *MetricResult) *MetricSide {
		return &MetricSide{Points: m.Points, Max: m.Max, Value: m.Value, Unit: m.Unit, Threshold: m.Threshold, Applied: m.Applied, Assumption: m.Assumption != nil}
	}
	switch {
	case a == nil:
		mc.ID, mc.Name, mc.After = b.ID, b.Name, side(b)
		mc.Changes = append(mc.Changes, ChangeAdded)
		return mc
	case b == nil:
		mc.ID, mc.Name, mc.Before = a.ID, a.Name, side(a)
		mc.Changes = append(mc.Changes, ChangeRemoved)
		return mc
	}
	mc.ID, mc.Name, mc.Before, mc.After = b.ID, b.Name, side(a), side(b)
	add := func(ok bool, c string) {
		if ok {
			mc.Changes = append(mc.Changes, c)
		}
	}
	// Rule changes, from the compiled definitions when both results come from the engine.
	add(differ(a.Max, b.Max), ChangeMax)
	if da, db := a.def, b.def; da != nil && db != nil {
		add(partsDiffer(da, db, func(x, y *cpart) bool {
			return differ(x.threshold, y.threshold) || x.p.Whole != y.p.Whole || x.fact != y.fact
		}), ChangeThreshold)
		add(partsDiffer(da, db, func(x, y *cpart) bool { return x.mask != y.mask }) || gatesDiffer(da, db, func(x, y *cgate) bool { return x.mask != y.mask }), ChangeCertifications)
		add(gatesDiffer(da, db, func(x, y *cgate) bool { return x.g.People != y.g.People || differ(x.g.Points, y.g.Points) }), ChangeGates)
		pa, pb := da.m.Rule.Prerequisite, db.m.Rule.Prerequisite
		add((pa == nil) != (pb == nil) || pa != nil && (pa.Fact != pb.Fact || differ(pa.AtLeast, pb.AtLeast)), ChangePrerequisite)
	} else {
		add(differ(a.Threshold, b.Threshold), ChangeThreshold)
	}
	add((a.Assumption == nil) != (b.Assumption == nil), ChangeAssumption)
	// Outcomes.
	add(differ(a.Points, b.Points), ChangePoints)
	add(a.Applied != b.Applied, ChangeApplied)
	add(differ(a.Value, b.Value), ChangeValue)
	return mc
}

// partsDiffer reports whether the part sets differ (by id) or a matched pair differs by f.
func partsDiffer(a, b *cmetric, f func(x, y *cpart) bool) bool {
	return setsDiffer(a.parts, b.parts, func(p *cpart) string { return p.p.ID }, f)
}

// gatesDiffer reports whether the gate sets differ (by id) or a matched pair differs by f.
func gatesDiffer(a, b *cmetric, f func(x, y *cgate) bool) bool {
	return setsDiffer(a.gates, b.gates, func(g *cgate) string { return g.g.ID }, f)
}

// setsDiffer reports whether a and b hold different ids, or a pair with the same id
// differs by f.
func setsDiffer[T any](a, b []T, id func(*T) string, f func(x, y *T) bool) bool {
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		x := &a[i]
		found := false
		for j := range b {
			if y := &b[j]; id(y) == id(x) {
				found = true
				if f(x, y) {
					return true
				}
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// AppendJSON appends the comparison's JSON encoding (schemas/comparison.schema.json) to b.
func (c *Comparison) AppendJSON(b []byte) []byte {
	b = kstr(b, `{"from":`, c.From)
	b = kstr(b, `,"to":`, c.To)
	b = kstr(b, `,"lang":`, c.Lang)
	b = append(b, `,"changed":`...)
	b = appendBoolean(b, c.Changed)
	b = appendProgramComparisons(b, `,"programs":[`, c.Programs)
	return append(b, '}')
}

// appendProgramComparisons appends key (which opens the array) and the programs compared,
// then closes the array.
func appendProgramComparisons(b []byte, key string, ps []ProgramComparison) []byte {
	b = append(b, key...)
	for i := range ps {
		p := &ps[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, p.ID)
		b = kstr(b, `,"name":`, p.Name)
		b = appendVersionRef(b, `,"before":`, p.Before)
		b = appendVersionRef(b, `,"after":`, p.After)
		b = append(b, `,"changed":`...)
		b = appendBoolean(b, p.Changed)
		b = append(b, `,"areas":[`...)
		for j := range p.Areas {
			a := &p.Areas[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = kstr(b, `{"id":`, a.ID)
			b = kstr(b, `,"name":`, a.Name)
			for k, s := range [2]*AreaSide{a.Before, a.After} {
				if s == nil {
					continue
				}
				b = append(b, [2]string{`,"before":`, `,"after":`}[k]...)
				b = kstr(b, `{"track":`, s.Track)
				b = kstr(b, `,"trackName":`, s.TrackName)
				b = knum(b, `,"score":`, s.Score)
				b = knum(b, `,"max":`, s.Max)
				b = append(b, `,"qualified":`...)
				b = appendBoolean(b, s.Qualified)
				b = knum(b, `,"shortfall":`, s.Shortfall)
				b = knum(b, `,"qualifyingScore":`, s.QualifyingScore)
				b = append(b, '}')
			}
			b = append(b, `,"changes":`...)
			b = appendStrs(b, a.Changes)
			b = append(b, `,"metrics":[`...)
			for k := range a.Metrics {
				m := &a.Metrics[k]
				if k > 0 {
					b = append(b, ',')
				}
				b = kstr(b, `{"id":`, m.ID)
				b = kstr(b, `,"name":`, m.Name)
				for n, s := range [2]*MetricSide{m.Before, m.After} {
					if s == nil {
						continue
					}
					b = append(b, [2]string{`,"before":`, `,"after":`}[n]...)
					b = knum(b, `{"points":`, s.Points)
					b = knum(b, `,"max":`, s.Max)
					b = knum(b, `,"value":`, s.Value)
					b = kstr(b, `,"unit":`, s.Unit)
					b = knum(b, `,"threshold":`, s.Threshold)
					b = kstr(b, `,"applied":`, s.Applied)
					if s.Assumption {
						b = append(b, `,"assumption":true`...)
					}
					b = append(b, '}')
				}
				b = append(b, `,"changes":`...)
				b = appendStrs(b, m.Changes)
				b = append(b, '}')
			}
			b = append(b, "]}"...)
		}
		b = append(b, ']')
		b = appendOutcomes(b, `,"levels":`, p.Levels)
		b = appendOutcomes(b, `,"competencies":`, p.Competencies)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendOutcomeSide appends key and s, or nothing when s is nil.
func appendOutcomeSide(b []byte, key string, s *OutcomeSide) []byte {
	if s == nil {
		return b
	}
	b = append(b, key...)
	b = append(b, `{"met":`...)
	b = appendBoolean(b, s.Met)
	b = append(b, `,"missing":[`...)
	for j, r := range s.Missing {
		if j > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, r.ID)
		b = append(kstr(b, `,"name":`, r.Name), '}')
	}
	return append(b, "]}"...)
}

// appendOutcomes appends key and the outcomes' comparisons, or nothing when there are none.
func appendOutcomes(b []byte, key string, os []OutcomeComparison) []byte {
	if len(os) == 0 {
		return b
	}
	b = append(append(b, key...), '[')
	for i := range os {
		o := &os[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, o.ID)
		b = kstr(b, `,"name":`, o.Name)
		b = appendOutcomeSide(b, `,"before":`, o.Before)
		b = appendOutcomeSide(b, `,"after":`, o.After)
		b = append(b, `,"changes":`...)
		b = appendStrs(b, o.Changes)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendVersionRef(b []byte, key string, v *VersionRef) []byte {
	if v == nil {
		return b
	}
	b = append(b, key...)
	b = kstr(b, `{"version":`, v.Version)
	b = kstr(b, `,"effectiveFrom":`, v.EffectiveFrom)
	b = optStr(b, `,"effectiveTo":`, v.EffectiveTo)
	return append(b, '}')
}

func appendBoolean(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}
