package score

import (
	"math"
	"math/bits"
	"strconv"
)

// eps absorbs floating-point noise in comparisons with thresholds (6.67 × 3 vs 20).
const eps = 1e-9

// Evaluate scores an input under the version of each program in force on its date (chosen,
// with the facts checked against its bounds, by Resolve). It fails only on an Input that
// Parse or Resolve did not make.
func (e *Engine) Evaluate(in *Input) (*Result, error) {
	// One allocation for the result and its storage.
	a := new(struct {
		r  Result
		st store
	})
	a.r.store = &a.st
	if err := e.EvaluateInto(&a.r, in); err != nil {
		return nil, err
	}
	return &a.r, nil
}

// EvaluateInto is Evaluate writing into r, reusing the storage of r's previous result: a
// loop that evaluates many inputs into one Result allocates nothing per evaluation (without
// a plan). Everything r held before is overwritten, including slices handed out earlier.
func (e *Engine) EvaluateInto(r *Result, in *Input) error {
	progs := in.progs
	if len(progs) == 0 {
		return Errors{{Code: CodeRequired, Message: "input not resolved: make it with Engine.Parse or Engine.Resolve"}}
	}
	nAreas, nMetrics, nParts, nGates, nTracks := 0, 0, 0, 0, 0
	for _, c := range progs {
		nAreas += len(c.areas)
		nMetrics += c.nMetrics
		nParts += c.nParts
		nGates += c.nGates
		nTracks += c.nTracks
	}
	st := r.store
	if st == nil {
		st = new(store)
	}
	ev := evaluation{
		e: e, in: in, groups: in.groups,
		areas:     grow(&st.areas, nAreas),
		metrics:   grow(&st.metrics, nMetrics),
		parts:     grow(&st.parts, nParts),
		gates:     grow(&st.gates, nGates),
		tracks:    grow(&st.tracks, nTracks),
		qualified: grow(&st.qualified, nAreas)[:0],
		warns:     st.warnings[:0],
	}
	if ev.warns == nil {
		ev.warns = make([]Warning, 0, 8) // room for the usual few, in one allocation
	}
	ev.dropExpired()
	*r = Result{AsOf: in.Profile.AsOf, Lang: in.lang, Programs: grow(&st.programs, len(progs)), store: st}
	if r.AsOf == "" {
		r.AsOf = in.asOf.String()
	}
	for i, c := range progs {
		ev.program(&r.Programs[i], c)
	}
	r.Warnings = ev.warnings(progs)
	st.warnings = r.Warnings
	if in.time != nil {
		e.timeline(r, in)
	}
	return nil
}

// store is the storage of a Result, kept for reuse by EvaluateInto.
type store struct {
	programs  []ProgramResult
	areas     []AreaResult
	metrics   []MetricResult
	parts     []PartResult
	gates     []GateResult
	tracks    []TrackScore
	qualified []string
	warnings  []Warning
}

// grow returns (*s)[:n] zeroed, allocating only when the capacity is short.
func grow[T any](s *[]T, n int) []T {
	if n == 0 {
		return nil
	}
	if cap(*s) < n {
		*s = make([]T, n)
		return *s
	}
	*s = (*s)[:n]
	clear(*s)
	return *s
}

// EvaluateJSON parses, resolves and evaluates a JSON profile and returns the JSON result.
func (e *Engine) EvaluateJSON(profile []byte) ([]byte, error) {
	in, err := e.Parse(profile)
	if err != nil {
		return nil, err
	}
	r, err := e.Evaluate(in)
	if err != nil {
		return nil, err
	}
	return r.AppendJSON(make([]byte, 0, 8192)), nil
}

// selectPrograms is the program versions in, evaluated on in.asOf, appended to buf[:0],
// compiled (see Engine.ready).
func (e *Engine) selectPrograms(in *Input, buf []*compiled) ([]*compiled, Errors) {
	out := buf[:0]
	if len(in.programs) > 0 {
		var errs Errors
		for i, id := range in.programs {
			c := e.inForce(id, in.asOf)
			if c == nil {
				errs = append(errs, &Error{Path: pointerIndex("/programs", i), Code: CodeNoRules,
					Message: "no rules of this program are in force on " + in.asOf.String(), Expected: e.coverage(id), Got: shorten(id)})
				continue
			}
			out = append(out, c)
		}
		if errs != nil {
			return nil, errs
		}
	} else {
		for _, id := range e.programIDs {
			if c := e.inForce(id, in.asOf); c != nil && (!c.p.OnRequest || in.uses(c)) {
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		exp := ""
		for _, id := range e.programIDs {
			if e.onRequestOnly(id) {
				continue // not evaluated without being asked for: not what the date lacks
			}
			if exp != "" {
				exp += "; "
			}
			exp += id + ": " + e.coverage(id)
		}
		return nil, Errors{{Path: "/asOf", Code: CodeNoRules, Message: "no program rules are in force on this date", Expected: exp, Got: in.asOf.String()}}
	}
	for _, c := range out {
		if err := e.ready(c); err != nil {
			return nil, Errors{{Code: CodeData, Message: c.p.ID + "/" + c.p.Version + ": " + err.Error()}}
		}
	}
	return out, nil
}

// coverage describes the dates a program has rules for.
func (e *Engine) coverage(id string) string {
	s := ""
	for _, c := range e.programs {
		if c.p.ID != id {
			continue
		}
		if s != "" {
			s += ", "
		}
		s += "from " + c.p.EffectiveFrom
		if c.p.EffectiveTo != "" {
			s += " to " + c.p.EffectiveTo
		}
	}
	return "a date with rules in force (" + s + ")"
}

// checkBounds checks the given facts against the bounds of each version evaluated.
func (e *Engine) checkBounds(in *Input, progs []*compiled) Errors {
	var errs Errors
	for _, c := range progs {
		for i, fi := range c.factIdx {
			f := &c.p.Facts[i]
			if !in.given[fi] {
				continue
			}
			if v := in.facts[fi]; v < f.Min || v > f.Max {
				if len(errs) < maxErrors {
					errs = append(errs, &Error{Path: pointer("/facts", f.ID), Code: CodeRange, Message: "outside the bounds of " + c.p.ID + " " + c.p.Version,
						Expected: "between " + formatNum(f.Min) + " and " + formatNum(f.Max) + " " + f.Unit, Got: formatNum(v)})
				}
			}
		}
	}
	if errs != nil {
		return errs
	}
	return nil
}

// evaluation is the state of one Evaluate call: the result's backing arrays, handed out in order.
type evaluation struct {
	e         *Engine
	in        *Input
	groups    []group
	expired   certMask
	areas     []AreaResult
	metrics   []MetricResult
	parts     []PartResult
	gates     []GateResult
	tracks    []TrackScore
	qualified []string
	warns     []Warning
}

// dropExpired removes certifications that no longer count on the date from the people groups.
func (ev *evaluation) dropExpired() {
	e, d := ev.e, ev.in.asOf
	any := false
	for i, end := range e.certEnd {
		if end < d {
			ev.expired.set(i)
			any = true
		}
	}
	if !any {
		return
	}
	for _, g := range ev.in.groups {
		if g.mask.meets(&ev.expired) {
			// Copy once, only when a held certification has expired.
			gs := make([]group, len(ev.in.groups))
			for i, g := range ev.in.groups {
				gs[i] = group{mask: g.mask.andNot(&ev.expired), n: g.n}
			}
			ev.groups = gs
			return
		}
	}
}

// people counts the distinct people holding any certification of m.
func (ev *evaluation) people(m *certMask) int {
	n := 0
	for i := range ev.groups {
		// g.meets(m), written out: the wasm build inlines nothing in package score.
		if g := &ev.groups[i].mask; g[0]&m[0]|g[1]&m[1]|g[2]&m[2]|g[3]&m[3] != 0 {
			n += ev.groups[i].n
		}
	}
	return n
}

func (ev *evaluation) program(pr *ProgramResult, c *compiled) {
	c.fragments.Do(c.writeFragments)
	if c.p.model() != ModelScorecard {
		ev.modelProgram(pr, c)
		return
	}
	lang := ev.in.lang
	*pr = ProgramResult{ID: c.p.ID, Name: c.p.Name.In(lang), Version: c.p.Version,
		EffectiveFrom: c.p.EffectiveFrom, EffectiveTo: c.p.EffectiveTo, Sources: c.p.Sources, def: c}
	pr.Areas, ev.areas = ev.areas[:len(c.areas)], ev.areas[len(c.areas):]
	start := len(ev.qualified)
	for i := range c.areas {
		ar := &pr.Areas[i]
		ev.area(ar, &c.areas[i], c.p.QualifyingScore)
		if ar.Qualified {
			ev.qualified = append(ev.qualified, ar.ID)
		}
	}
	pr.Qualified = ev.qualified[start:len(ev.qualified):len(ev.qualified)]
}

func (ev *evaluation) area(ar *AreaResult, ca *carea, qs float64) {
	lang := ev.in.lang
	ar.ID, ar.Name, ar.QualifyingScore = ca.a.ID, ca.a.Name.In(lang), qs
	// A track forced by the profile or picked by a fact is the only one scored; otherwise
	// every track is scored and the best counts.
	only := -1
	if forced, ok := ev.in.tracks[ca.a.ID]; ok {
		for ti := range ca.tracks {
			if ca.tracks[ti].t.ID == forced {
				only = ti
				ar.Selection = Selection{Kind: SelectedProfile}
			}
		}
	}
	if only < 0 && ca.sel == SelectFact {
		v, given := ev.in.facts[ca.selFct], ev.in.given[ca.selFct]
		ts := &ca.a.TrackSelection
		only = ca.elseT
		if given && v >= ts.AtLeast-eps {
			only = ca.ifT
		}
		ar.Selection = Selection{Kind: SelectedFact, Fact: ts.Fact, Value: v, Given: given, AtLeast: ts.AtLeast}
	}
	first, last := 0, len(ca.tracks)
	if only >= 0 {
		first, last = only, only+1
	} else {
		ar.Selection = Selection{Kind: SelectedBest}
	}
	ar.Tracks, ev.tracks = ev.tracks[:last-first], ev.tracks[last-first:]
	chosen := 0
	var chosenMetrics []MetricResult
	var chosenMax float64
	var chosenZero int
	for ti := first; ti < last; ti++ {
		ct := &ca.tracks[ti]
		ms := ev.metrics[:len(ct.metrics)]
		ev.metrics = ev.metrics[len(ct.metrics):]
		score, mx, zero := 0.0, 0.0, 0
		for mi := range ct.metrics {
			ev.metric(&ms[mi], &ct.metrics[mi])
			score += ms[mi].Points
			mx += ms[mi].Max
			if ms[mi].Points <= 0 {
				zero++
			}
		}
		score = tidy(score)
		q := score >= qs-eps && zero == 0
		k := ti - first
		ar.Tracks[k] = TrackScore{ID: ct.t.ID, Name: ct.t.Name.In(lang), Score: score, Qualified: q}
		if c := &ar.Tracks[chosen]; k == 0 || (q && !c.Qualified) || (q == c.Qualified && score > c.Score+eps) {
			chosen, chosenMetrics, chosenMax, chosenZero = k, ms, mx, zero
		}
	}
	t := &ar.Tracks[chosen]
	t.Counts = true
	ar.Track, ar.Score, ar.Max, ar.Qualified = t.ID, t.Score, chosenMax, t.Qualified
	ar.Metrics, ar.ZeroMetrics = chosenMetrics, chosenZero
	ar.Shortfall = max(0, tidy(qs-ar.Score)) // tidy makes one within eps of 0 a 0
	if ev.in.plan != nil {
		ar.Plan = ev.e.plan(ev, ca, first+chosen, ar)
	}
}

// tidy returns x without the noise of float sums and differences when x is within eps of a
// number of hundredths: an area's score, a sum of points, and its shortfall, a difference
// (70 - 59.4 is 10.600000000000001 in float64, and tidy gives 10.6). Other values, such as
// thirds of a point, keep their full precision.
func tidy(x float64) float64 {
	if r := math.Round(x*100) / 100; math.Abs(x-r) < eps {
		return r
	}
	return x
}

// metric scores one metric into mr.
func (ev *evaluation) metric(mr *MetricResult, cm *cmetric) {
	m, li := cm.m, langIndex(ev.in.lang)
	// The backing array is zeroed: set fields one by one (no struct copy with write barriers).
	mr.ID, mr.Name, mr.Category, mr.Kind, mr.Max, mr.Source = m.ID, m.Name.In(ev.in.lang), m.Category, m.Rule.Kind, m.Max, m.Source
	mr.Offset, mr.def = m.Rule.Offset, cm
	if cm.assume != nil {
		mr.Assumption = &cm.assume[li]
	}
	mr.Parts, ev.parts = ev.parts[:len(cm.parts)], ev.parts[len(cm.parts):]
	vals := [8]float64{}
	for i := range cm.parts {
		cp := &cm.parts[i]
		v, given := ev.partValue(cp)
		if i < len(vals) {
			vals[i] = v
		}
		pt, pr := cp.p, &mr.Parts[i]
		pr.ID, pr.Name, pr.Fact, pr.Value, pr.Given, pr.Unit = pt.ID, pt.Name.opt(ev.in.lang), pt.Fact, v, given, cp.unit
		pr.PointsPer, pr.Per, pr.Whole, pr.Threshold, pr.Points = pt.Points, pt.Per, pt.Whole, cp.threshold, partPoints(m.Rule.Offset, pt, v)
	}
	if len(cm.gates) > 0 {
		mr.Gates, ev.gates = ev.gates[:len(cm.gates)], ev.gates[len(cm.gates):]
		for i := range cm.gates {
			g := &cm.gates[i]
			n := ev.people(&g.mask)
			mr.Gates[i] = GateResult{ID: g.g.ID, Name: g.g.Name.opt(ev.in.lang), Certifications: g.g.Certifications, People: n, Required: g.g.People,
				Met: n >= g.g.People, Points: g.g.Points}
		}
	}
	if cm.preFct >= 0 {
		pr := m.Rule.Prerequisite
		v := ev.in.facts[cm.preFct]
		mr.Prerequisite = PrerequisiteResult{Fact: pr.Fact, Name: cm.preName[li], Value: v, AtLeast: pr.AtLeast, Met: v >= pr.AtLeast-eps}
	}
	scoreMetric(mr)
}

// scoreMetric computes a metric's points from its parts, gates and prerequisite, already
// measured. The plan reuses it on hypothetical values, so both agree by construction.
func scoreMetric(mr *MetricResult) {
	measure, best := 0.0, 0
	switch mr.Kind {
	case KindBestOf:
		for i := range mr.Parts {
			if mr.Parts[i].Points > mr.Parts[best].Points+eps {
				best = i
			}
		}
		measure = mr.Parts[best].Points
		mr.Best = mr.Parts[best].ID
		mr.Value, mr.Unit, mr.Threshold = mr.Parts[best].Value, mr.Parts[best].Unit, mr.Parts[best].Threshold
	case KindSum:
		p0 := &mr.Parts[0]
		mr.Value, mr.Unit, mr.Threshold = 0, p0.Unit, p0.Threshold
		for i := range mr.Parts {
			p := &mr.Parts[i]
			measure += p.Points
			mr.Value += p.Value
			if p.Unit != p0.Unit || p.PointsPer*p0.Per != p0.PointsPer*p.Per {
				// Parts in different units or at different rates: no single value reaches the max.
				mr.Unit, mr.Threshold = "mixed", 0
			}
		}
	default:
		measure = mr.Parts[0].Points
		mr.Value, mr.Unit, mr.Threshold = mr.Parts[0].Value, mr.Parts[0].Unit, mr.Parts[0].Threshold
	}
	gatePts, allMet := 0.0, true
	for i := range mr.Gates {
		if mr.Gates[i].Met {
			gatePts += mr.Gates[i].Points
		} else {
			allMet = false
		}
	}
	pts := gatePts
	mr.Applied = AppliedThreshold
	if allMet {
		pts += measure
	} else {
		mr.Applied = AppliedGate
	}
	if pts >= mr.Max-eps {
		pts = mr.Max
		mr.Applied = AppliedCap
	}
	if mr.Prerequisite.Fact != "" && !mr.Prerequisite.Met {
		pts = 0
		mr.Applied = AppliedPrerequisite
	}
	mr.Points = max(0, pts)
}

// partValue measures a part: a fact's value, or the distinct people holding its certifications.
func (ev *evaluation) partValue(cp *cpart) (float64, bool) {
	if cp.fact >= 0 {
		return ev.in.facts[cp.fact], ev.in.given[cp.fact]
	}
	n := ev.people(&cp.mask)
	return float64(n), n > 0 || len(ev.in.groups) > 0
}

// partPoints is a part's points for value v, before the metric's cap. When offset (a sum of
// net numbers), a part below zero gives negative points that offset the others; otherwise it
// earns 0. Whole steps round toward zero.
func partPoints(offset bool, pt *Part, v float64) float64 {
	if v <= 0 && !offset {
		return 0
	}
	if pt.Whole {
		return pt.Points * math.Trunc(v/pt.Per+math.Copysign(eps, v))
	}
	return pt.Points * v / pt.Per
}

// thresholdOf is the value at which a part alone reaches the metric's max.
func thresholdOf(pt *Part, max float64) float64 {
	t := max * pt.Per / pt.Points
	if pt.Whole {
		t = math.Ceil(t/pt.Per-eps) * pt.Per
	}
	return t
}

func (ev *evaluation) warnings(progs []*compiled) []Warning {
	ws := ev.warns
	e, in := ev.e, ev.in
	for _, c := range progs {
		if in.asOf > c.verified {
			ws = append(ws, Warning{Code: WarnUnverified, Program: c.p.ID, Date: c.p.VerifiedOn, name: &c.p.Name})
		}
	}
	horizon := in.asOf.addMonths(12)
	var held certMask
	for _, g := range in.groups {
		for w := range held {
			held[w] |= g.mask[w]
		}
	}
	// The certifications held, in catalog order: each set bit of held.
	for w, word := range held {
		for ; word != 0; word &= word - 1 {
			i := w*64 + bits.TrailingZeros64(word)
			if e.certRet[i] > horizon && e.certEnd[i] > horizon {
				continue
			}
			n := 0
			var one certMask
			one.set(i)
			for _, g := range in.groups {
				if g.mask.meets(&one) {
					n += g.n
				}
			}
			code := WarnRetiring
			if e.certEnd[i] < in.asOf {
				code = WarnExpired
			}
			date := e.certs[i].CountsUntil
			if date == "" {
				date = e.certs[i].Retires
			}
			ws = append(ws, Warning{Code: code, Certification: e.certs[i].ID, Date: date, Retires: e.certs[i].Retires, People: n,
				name: &e.certs[i].Name})
		}
	}
	for fi, given := range in.given {
		if !given {
			continue
		}
		used := false
		for _, c := range progs {
			used = used || c.reads[fi]
		}
		if !used {
			ws = append(ws, Warning{Code: WarnUnusedFact, Fact: e.facts[fi].id, name: e.facts[fi].label})
		}
	}
	ws = ev.paramWarnings(ws, progs)
	if ws == nil {
		return []Warning{}
	}
	clear(ws[len(ws):cap(ws)])
	return ws
}

// formatNum formats a number the shortest way that reads back exactly.
func formatNum(v float64) string {
	return string(appendNum(nil, v))
}

func appendNum(b []byte, v float64) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		if v >= 0 && v < 100 { // most numbers of a result: counts, points, maxima
			if n := int(v); n < 10 {
				return append(b, byte('0'+n))
			} else {
				return append(b, byte('0'+n/10), byte('0'+n%10))
			}
		}
		return appendInt(b, int64(v))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	if a := math.Abs(v); a >= 0.01 && a < 1e6 {
		// Most fractions of a result have one or two decimals (15.4, 92.5): when the double
		// is the one nearest to v's hundredths, those digits, trailing zeros dropped, are the
		// shortest that read back as v, as AppendFloat(v, 'g', -1) writes them (which uses
		// an exponent only from 1e6 on or below 1e-4), faster.
		if c := math.Round(v * 100); c/100 == v {
			return appendHundredths(b, int64(c), '.')
		}
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}
