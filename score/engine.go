package score

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// Engine holds the compiled rules of every program version. It is safe for concurrent use:
// build it once (Default, New, or NewFromFS with your own data) and evaluate many profiles
// with it. What it holds never changes once built, but for what New leaves to a version's
// first use (its areas, once, under a lock: see ready).
type Engine struct {
	certs     []Certification
	certIndex map[string]int // lower-cased id, exam code or alias → index in certs
	certKeys  []string       // every accepted certification name, for suggestions
	certEnd   []day          // last day each certification counts (noDay if none)
	certRet   []day          // retirement day (noDay if none)

	facts     []factInfo
	factIndex map[string]int

	areaTracks map[string][]string // area id → its track ids (over every program)
	programs   []*compiled         // sorted by id, then effectiveFrom
	programIDs []string
	known      map[string]string // strings a profile is likely to hold, shared by parsed profiles

	// The JSON of Programs and Certifications, written once.
	programsJSON, certsJSON []byte

	today func() day // today's date (a func() day rather than a time.Time clock: see WithToday)

	params     []paramInfo    // parameters of every program (see Program.Parameters)
	paramIndex map[string]int // parameter id → index in params

	tape tapeTable // the strings tapes refer to (see Tape)
	// tapeMu guards tape, which grows as versions compile (see ready).
	tapeMu sync.Mutex
}

type factInfo struct {
	id      string
	integer bool
	label   *Text // the label of the last version compiled that declares it (for messages)
}

// maxCerts is how many certifications the catalog may hold (the width of certMask).
const maxCerts = 256

// certMask is a set of certifications, by catalog index.
type certMask [maxCerts / 64]uint64

func (m *certMask) set(i int)              { m[i/64] |= 1 << (i % 64) }
func (m *certMask) has(i int) bool         { return m[i/64]&(1<<(i%64)) != 0 }
func (m *certMask) meets(o *certMask) bool { return m[0]&o[0]|m[1]&o[1]|m[2]&o[2]|m[3]&o[3] != 0 }
func (m *certMask) andNot(o *certMask) (r certMask) {
	for i := range m {
		r[i] = m[i] &^ o[i]
	}
	return r
}

// compiled is one program version ready to evaluate.
type compiled struct {
	p        *Program
	from, to day
	verified day
	sources  map[string]*Source
	declared map[int]*Fact // engine fact index → declaration
	factIdx  []int         // engine fact index of each of p.Facts
	reads    []bool        // by engine fact index (filled once every program is compiled)
	// sourcesJSON is `"sources":[…]`, encoded once (see fragments); sourcesTape the same
	// as tape ops.
	sourcesJSON, sourcesTape []byte
	// fragments writes sourcesJSON and the metrics' JSON fragments and rate phrases (see
	// cmetric.precompute) on the version's first evaluation rather than in New: a caller
	// that evaluates one version of one program (the browser's first result) does not pay
	// for the others. The tape fragments are written when the areas compile (see ready),
	// with the table they share.
	fragments sync.Once
	// local maps the version's fact ids to the engine's fact indexes.
	local map[string]int
	// areas, the sizes below, sourcesTape and the metrics' tape fragments are compiled on
	// the version's first use (Engine.ready) by an engine of New: a page that shows one
	// version does not compile the fifteen others (NewFromFS compiles them all up front, to
	// check the files).
	compileAreas sync.Once
	compileErr   error
	areas        []carea
	// Totals over every track, to allocate a result in one go.
	nMetrics, nParts, nGates, nTracks int
	model                             *cmodel // parameters, timeline, levels, calculator (see model.go)
}

type carea struct {
	a      *Area
	sel    string
	selFct int // fact index for kind "fact"
	ifT    int // track index when the fact reaches the bound
	elseT  int
	tracks []ctrack
}

type ctrack struct {
	t       *Track
	metrics []cmetric
}

type cmetric struct {
	head    [2][]byte            // JSON of the static fields, per language (see metricHead)
	tape    tapeFragments        // the same as tape ops
	assume  *[2]AssumptionResult // per language, when the rule is an assumption
	m       *Metric
	src     *Source
	parts   []cpart
	gates   []cgate
	preFct  int       // -1 when no prerequisite
	preName [2]string // the prerequisite fact's label in English and in French (its id without one)
}

type cpart struct {
	p         *Part
	fact      int // -1 for a certification part
	unit      string
	threshold float64 // value at which the part alone reaches the metric's max
	mask      certMask
	head      [2][]byte // JSON of the static fields per language (see partHead, partStatic)
	static    []byte
	tape      tapePart     // head and static as tape ops
	rate      [2][2][]byte // the explanation's rate phrase per language and escape (see appendRate)
}

type cgate struct {
	g    *Gate
	mask certMask
	head [2][]byte // JSON of the static fields per language (see gateHead)
	tape [2][]byte // the same as tape ops
}

// result is the part's result without what an evaluation measures, in lang.
func (cp *cpart) result(lang string) PartResult {
	return PartResult{ID: cp.p.ID, Name: cp.p.Name.opt(lang), Fact: cp.p.Fact, Unit: cp.unit, PointsPer: cp.p.Points, Per: cp.p.Per, Whole: cp.p.Whole, Threshold: cp.threshold}
}

// result is the gate's result without what an evaluation counts, in lang.
func (g *cgate) result(lang string) GateResult {
	return GateResult{ID: g.g.ID, Name: g.g.Name.opt(lang), Certifications: g.g.Certifications}
}

// Option configures an Engine.
type Option func(*Engine)

// WithToday sets the clock that gives today's date when a profile has no asOf, as a
// calendar date (year, month 1-12, day 1-31): for adapters with a clock of their own, such
// as the browser engine, which reads JavaScript's Date so that it can leave package time
// out of its build (see WithClock and build.sh).
func WithToday(today func() (year, month, day int)) Option {
	return func(e *Engine) {
		e.today = func() day {
			y, m, d := today()
			return civilDay(y, m, d)
		}
	}
}

var defaultEngine = sync.OnceValues(func() (*Engine, error) { return New() })

// Default returns the engine built from the built-in rule data, built on first use.
func Default() (*Engine, error) { return defaultEngine() }

// New builds an engine from the built-in rule data: the files of the "rules" folder,
// compiled into Go by go generate (rules_gen.go; a test checks it matches the files).
func New(opts ...Option) (*Engine, error) {
	names := make([]string, len(builtinPrograms))
	for i, p := range builtinPrograms {
		names[i] = "rules/" + p.ID + "/" + p.Version + ".json"
	}
	// The built-in rules compile their areas on first use: a test compiles every version.
	e, err := build(builtinCertifications, builtinPrograms, names, true, opts)
	if err != nil {
		return nil, err
	}
	e.programsJSON = []byte(builtinProgramsJSON)
	e.certsJSON = []byte(builtinCertificationsJSON)
	return e, nil
}

// build compiles the rules into an engine; files names where each program came from.
// With lazy, each version's areas are compiled on its first use rather than here.
func build(certs []Certification, progs []*Program, files []string, lazy bool, opts []Option) (*Engine, error) {
	e := &Engine{today: defaultToday}
	for _, o := range opts {
		o(e)
	}
	if err := e.addCerts(certs); err != nil {
		return nil, err
	}
	e.factIndex = map[string]int{}
	e.areaTracks = map[string][]string{}
	for i, p := range progs {
		c, err := e.compile(p)
		if err != nil {
			return nil, &fileError{name: files[i], err: err}
		}
		e.programs = append(e.programs, c)
	}
	e.known = map[string]string{}
	for _, k := range append(append(append([]string{}, profileFields...), e.certKeys...), e.programIDs...) {
		e.known[k] = k
	}
	for _, f := range e.facts {
		e.known[f.id] = f.id
	}
	for _, pa := range e.params {
		e.known[pa.id] = pa.id
	}
	for a, ts := range e.areaTracks {
		e.known[a] = a
		for _, t := range ts {
			e.known[t] = t
		}
	}
	for i, c := range e.programs {
		c.reads = make([]bool, len(e.facts))
		for _, fi := range c.factIdx {
			c.reads[fi] = true
		}
		if !lazy {
			if err := e.ready(c); err != nil {
				return nil, &fileError{name: files[i], err: err}
			}
		}
	}
	sortSlice(e.programs, func(pa, pb **compiled) bool {
		a, b := *pa, *pb
		if a.p.ID != b.p.ID {
			return a.p.ID < b.p.ID
		}
		return a.from < b.from
	})
	for i, c := range e.programs {
		if i == 0 || e.programs[i-1].p.ID != c.p.ID {
			e.programIDs = append(e.programIDs, c.p.ID)
			continue
		}
		if prev := e.programs[i-1]; prev.to >= c.from {
			return nil, dataErr(c.p.ID, "versions "+prev.p.Version+" and "+c.p.Version+" overlap")
		}
	}
	if err := e.checkDependencies(); err != nil {
		return nil, err
	}
	return e, nil
}

// fileError is a problem in one rule file.
type fileError struct {
	name string
	err  error
}

func (e *fileError) Error() string { return e.name + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

func dataErr(where, msg string) error {
	return &Error{Path: where, Code: CodeData, Message: msg}
}

func (e *Engine) addCerts(list []Certification) error {
	if len(list) > maxCerts {
		return dataErr("certifications", strconv.Itoa(len(list))+" certifications, at most "+strconv.Itoa(maxCerts))
	}
	e.certs = list
	e.certIndex = map[string]int{}
	for i, c := range list {
		names := append(append([]string{c.ID}, c.Exams...), c.Aliases...)
		names = append(names, c.Name.En)
		for _, n := range names {
			k := lower(strings.TrimSpace(n))
			if k == "" {
				continue
			}
			if j, dup := e.certIndex[k]; dup && j != i {
				return dataErr("certifications/"+c.ID, "name "+strconv.Quote(n)+" also names "+list[j].ID)
			}
			if _, dup := e.certIndex[k]; !dup {
				e.certKeys = append(e.certKeys, n)
			}
			e.certIndex[k] = i
			if _, taken := e.certIndex[n]; !taken {
				e.certIndex[n] = i // exact spelling: found without lower-casing
			}
		}
		ret, end := noDay, noDay
		if c.Retires != "" {
			d, ok := parseDay(c.Retires)
			if !ok {
				return dataErr("certifications/"+c.ID, "bad retires date "+c.Retires)
			}
			ret, end = d, d
		}
		if c.CountsUntil != "" {
			d, ok := parseDay(c.CountsUntil)
			if !ok {
				return dataErr("certifications/"+c.ID, "bad countsUntil date "+c.CountsUntil)
			}
			end = d
		}
		e.certRet = append(e.certRet, ret)
		e.certEnd = append(e.certEnd, end)
	}
	return nil
}

// lookupCert finds a certification by id, exam code or name, ignoring case.
func (e *Engine) lookupCert(name string) (int, bool) {
	if i, ok := e.certIndex[name]; ok {
		return i, true
	}
	i, ok := e.certIndex[lower(strings.TrimSpace(name))]
	return i, ok
}

func (e *Engine) compile(p *Program) (*compiled, error) {
	c := &compiled{p: p, sources: map[string]*Source{}, declared: map[int]*Fact{}, to: noDay}
	var ok bool
	if c.from, ok = parseDay(p.EffectiveFrom); !ok {
		return nil, dataErr("effectiveFrom", "bad date "+p.EffectiveFrom)
	}
	if p.EffectiveTo != "" {
		if c.to, ok = parseDay(p.EffectiveTo); !ok || c.to < c.from {
			return nil, dataErr("effectiveTo", "bad date "+p.EffectiveTo)
		}
	}
	if c.verified, ok = parseDay(p.VerifiedOn); !ok {
		return nil, dataErr("verifiedOn", "bad date "+p.VerifiedOn)
	}
	if p.model() == ModelScorecard && p.QualifyingScore <= 0 {
		return nil, dataErr("qualifyingScore", "must be above 0")
	}
	for i := range p.Sources {
		s := &p.Sources[i]
		if !safeID(s.ID) {
			return nil, dataErr("sources/"+s.ID, "ids use letters, digits, '.', '-' and '_' only")
		}
		if _, err := parseDay(s.Retrieved); !err {
			return nil, dataErr("sources/"+s.ID, "bad retrieved date")
		}
		if s.Lang != "" && !isLangCode(s.Lang) {
			return nil, dataErr("sources/"+s.ID, "lang is a two-letter ISO 639-1 code, e.g. fr")
		}
		c.sources[s.ID] = s
	}
	src := c.source
	local := map[string]int{}
	for i := range p.Facts {
		f := &p.Facts[i]
		if _, dup := local[f.ID]; dup {
			return nil, dataErr("facts/"+f.ID, "declared twice")
		}
		if _, err := src("facts/"+f.ID, f.Source); err != nil {
			return nil, err
		}
		if f.Min > f.Max || f.Unit == "" {
			return nil, dataErr("facts/"+f.ID, "needs a unit and min ≤ max")
		}
		idx, seen := e.factIndex[f.ID]
		if !seen {
			idx = len(e.facts)
			e.factIndex[f.ID] = idx
			e.facts = append(e.facts, factInfo{id: f.ID, integer: f.Integer})
		} else if e.facts[idx].integer != f.Integer {
			return nil, dataErr("facts/"+f.ID, "integer differs from another version's declaration")
		}
		e.facts[idx].label = &f.Label
		local[f.ID] = idx
		c.declared[idx] = f
		c.factIdx = append(c.factIdx, idx)
	}
	for _, f := range p.Facts {
		if !safeID(f.ID) || !safeID(f.Unit) {
			return nil, dataErr("facts/"+f.ID, "ids and units use letters, digits, '.', '-' and '_' only")
		}
	}
	c.local = local
	// The areas' tracks, over every version (versions may add tracks: the union), for
	// profiles' track choices; the areas themselves are compiled by ready.
	for ai := range p.Areas {
		a := &p.Areas[ai]
		var trackIDs []string
		for ti := range a.Tracks {
			trackIDs = append(trackIDs, a.Tracks[ti].ID)
		}
		if prev, ok := e.areaTracks[a.ID]; ok {
			for _, t := range trackIDs {
				if !contains(prev, t) {
					prev = append(prev, t)
				}
			}
			trackIDs = prev
		}
		e.areaTracks[a.ID] = trackIDs
	}
	if err := e.compileModel(c); err != nil {
		return nil, err
	}
	if err := checkAssumptionPaths(p); err != nil {
		return nil, dataErr("assumptions", err.Error())
	}
	return c, nil
}

// source is the version's source id, or an error at where when it declares none.
func (c *compiled) source(where, id string) (*Source, error) {
	s, ok := c.sources[id]
	if !ok {
		return nil, dataErr(where, "unknown source "+id)
	}
	return s, nil
}

// ready compiles c's areas on its first use (see compiled.areas); the versions share the
// tape's table, so one compiles at a time.
func (e *Engine) ready(c *compiled) error {
	c.compileAreas.Do(func() {
		e.tapeMu.Lock()
		c.compileErr = e.compileAreasOf(c) // no panic: it returns the data's errors
		e.tapeMu.Unlock()
	})
	return c.compileErr
}

// mustReady is ready for the versions an evaluation reaches beyond those it selected (a
// dependency, another date): their rules compiled when the engine was built (NewFromFS) or
// are the built-in ones, which a test compiles every version of.
func (e *Engine) mustReady(c *compiled) *compiled {
	if err := e.ready(c); err != nil {
		panic(err)
	}
	return c
}

// compileAreasOf compiles c's areas, their tracks and metrics, and the tape of its sources.
func (e *Engine) compileAreasOf(c *compiled) error {
	p, local := c.p, c.local
	src := c.source
	fact := func(where, id string) (int, error) {
		idx, ok := local[id]
		if !ok {
			return 0, dataErr(where, "undeclared fact "+id)
		}
		return idx, nil
	}
	mask := func(where string, ids []string) (certMask, error) {
		var m certMask
		if len(ids) == 0 {
			return m, dataErr(where, "no certifications")
		}
		for _, id := range ids {
			i, ok := e.lookupCert(id)
			if !ok || e.certs[i].ID != id {
				return m, dataErr(where, "unknown certification id "+id)
			}
			m.set(i)
		}
		return m, nil
	}
	areaIDs := map[string]bool{}
	for ai := range p.Areas {
		a := &p.Areas[ai]
		where := "areas/" + a.ID
		if areaIDs[a.ID] {
			return dataErr(where, "declared twice")
		}
		areaIDs[a.ID] = true
		if _, err := src(where, a.Source); err != nil {
			return err
		}
		ca := carea{a: a, sel: a.TrackSelection.Kind, selFct: -1}
		trackIdx := map[string]int{}
		for ti := range a.Tracks {
			t := &a.Tracks[ti]
			if _, dup := trackIdx[t.ID]; dup {
				return dataErr(where+"/"+t.ID, "track declared twice")
			}
			trackIdx[t.ID] = ti
			ct := ctrack{t: t}
			total := 0.0
			metricIDs := map[string]bool{}
			for mi := range t.Metrics {
				m := &t.Metrics[mi]
				mw := where + "/" + t.ID + "/" + m.ID
				if metricIDs[m.ID] {
					return dataErr(mw, "metric declared twice")
				}
				metricIDs[m.ID] = true
				s, err := src(mw, m.Source)
				if err != nil {
					return err
				}
				cm := cmetric{m: m, src: s, preFct: -1}
				for _, id := range append([]string{m.ID}, m.Rule.Prerequisite.factID()) {
					if id != "" && !safeID(id) {
						return dataErr(mw, "ids use letters, digits, '.', '-' and '_' only")
					}
				}
				for _, pt := range m.Rule.Parts {
					if !safeID(pt.ID) {
						return dataErr(mw+"/"+pt.ID, "ids use letters, digits, '.', '-' and '_' only")
					}
				}
				for _, g := range m.Rule.Gates {
					if !safeID(g.ID) {
						return dataErr(mw+"/"+g.ID, "ids use letters, digits, '.', '-' and '_' only")
					}
				}
				switch m.Rule.Kind {
				case KindLinear:
					if len(m.Rule.Parts) != 1 {
						return dataErr(mw, "a linear rule has exactly one part")
					}
				case KindBestOf, KindSum:
					if len(m.Rule.Parts) < 2 {
						return dataErr(mw, m.Rule.Kind+" needs at least two parts")
					}
				default:
					return dataErr(mw, "unknown rule kind "+m.Rule.Kind)
				}
				if m.Max <= 0 {
					return dataErr(mw, "max must be above 0")
				}
				total += m.Max
				for pi := range m.Rule.Parts {
					pt := &m.Rule.Parts[pi]
					pw := mw + "/" + pt.ID
					if pt.Points <= 0 || pt.Per <= 0 {
						return dataErr(pw, "points and per must be above 0")
					}
					cp := cpart{p: pt, fact: -1, unit: "people"}
					switch {
					case pt.Fact != "" && len(pt.Certifications) == 0:
						if cp.fact, err = fact(pw, pt.Fact); err != nil {
							return err
						}
						cp.unit = c.declared[cp.fact].Unit
					case pt.Fact == "" && len(pt.Certifications) > 0:
						if cp.mask, err = mask(pw, pt.Certifications); err != nil {
							return err
						}
					default:
						return dataErr(pw, "a part measures either a fact or certifications")
					}
					cm.parts = append(cm.parts, cp)
				}
				for gi := range m.Rule.Gates {
					g := &m.Rule.Gates[gi]
					if g.People < 1 || g.Points < 0 {
						return dataErr(mw+"/"+g.ID, "a gate needs at least 1 person and points ≥ 0")
					}
					gm, err := mask(mw+"/"+g.ID, g.Certifications)
					if err != nil {
						return err
					}
					cm.gates = append(cm.gates, cgate{g: g, mask: gm})
				}
				// With gates worth points, the parts reach the max sooner.
				gatePts := 0.0
				for _, g := range m.Rule.Gates {
					gatePts += g.Points
				}
				for pi := range cm.parts {
					cm.parts[pi].threshold = thresholdOf(cm.parts[pi].p, max(0, m.Max-gatePts))
				}
				if pr := m.Rule.Prerequisite; pr != nil {
					if cm.preFct, err = fact(mw+"/prerequisite", pr.Fact); err != nil {
						return err
					}
					cm.preName = [2]string{pr.Fact, pr.Fact}
					if d := c.declared[cm.preFct]; d != nil {
						for li, lang := range fragmentLangs {
							if l := d.Label.In(lang); l != "" {
								cm.preName[li] = l
							}
						}
					}
				}
				if cm.assume, err = assumptionFor(p, a.ID+"/"+t.ID+"/"+m.ID, m, src); err != nil {
					return dataErr(mw+"/assumption", err.Error())
				}
				cm.precomputeTape(&e.tape)
				ct.metrics = append(ct.metrics, cm)
			}
			if len(ct.metrics) == 0 {
				return dataErr(where+"/"+t.ID, "a track needs metrics")
			}
			if total < p.QualifyingScore {
				return dataErr(where+"/"+t.ID, "metric maxima add up to "+strconv.FormatFloat(total, 'g', -1, 64)+", below the qualifying score")
			}
			ca.tracks = append(ca.tracks, ct)
		}
		switch ca.sel {
		case SelectBest:
		case SelectFact:
			ts := a.TrackSelection
			var err error
			if ca.selFct, err = fact(where+"/trackSelection", ts.Fact); err != nil {
				return err
			}
			var ok1, ok2 bool
			ca.ifT, ok1 = trackIdx[ts.If]
			ca.elseT, ok2 = trackIdx[ts.Else]
			if !ok1 || !ok2 {
				return dataErr(where+"/trackSelection", "if and else must name tracks")
			}
		default:
			return dataErr(where+"/trackSelection", "unknown kind "+ca.sel)
		}
		c.areas = append(c.areas, ca)
		// Size a result: every track is scored when the best counts, one track (the largest
		// at most) when a fact or the profile picks it.
		var nm, np, ng int
		for _, ct := range ca.tracks {
			m, p, g := len(ct.metrics), 0, 0
			for _, cm := range ct.metrics {
				p += len(cm.parts)
				g += len(cm.gates)
			}
			if ca.sel == SelectBest {
				nm, np, ng = nm+m, np+p, ng+g
			} else {
				nm, np, ng = max(nm, m), max(np, p), max(ng, g)
			}
		}
		c.nMetrics, c.nParts, c.nGates = c.nMetrics+nm, c.nParts+np, c.nGates+ng
		if ca.sel == SelectBest {
			c.nTracks += len(ca.tracks)
		} else {
			c.nTracks++
		}
	}
	t := &Tape{tab: &e.tape}
	t.sources(p.Sources)
	c.sourcesTape = t.Ops
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// inForce returns the version of program id in force on d, or nil.
func (e *Engine) inForce(id string, d day) *compiled {
	for _, c := range e.programs {
		if c.p.ID == id && c.from <= d && d <= c.to {
			return c
		}
	}
	return nil
}

// Programs returns every program version, oldest first within each program. The
// returned values are shared: do not modify them.
func (e *Engine) Programs() []*Program {
	out := make([]*Program, len(e.programs))
	for i, c := range e.programs {
		out[i] = c.p
	}
	return out
}

// InForce returns the version of each program in force on date (YYYY-MM-DD; "" for today).
func (e *Engine) InForce(date string) ([]*Program, error) {
	d, err := e.asOfDay(date)
	if err != nil {
		return nil, err
	}
	var out []*Program
	for _, id := range e.programIDs {
		if c := e.inForce(id, d); c != nil {
			out = append(out, c.p)
		}
	}
	return out, nil
}

// Certifications returns the certification catalog (shared: do not modify).
func (e *Engine) Certifications() []Certification { return e.certs }

// AppendProgramsJSON appends, as a JSON array, every program version the engine holds
// (as Programs gives them), written as encoding/json would write []*Program.
func (e *Engine) AppendProgramsJSON(b []byte) []byte { return append(b, e.programsJSON...) }

// AppendCertificationsJSON appends the certification catalog as a JSON array, written
// as encoding/json would write []Certification.
func (e *Engine) AppendCertificationsJSON(b []byte) []byte { return append(b, e.certsJSON...) }

// Certification finds a certification by id, exam code or name, ignoring case.
func (e *Engine) Certification(name string) (*Certification, bool) {
	i, ok := e.lookupCert(name)
	if !ok {
		return nil, false
	}
	return &e.certs[i], true
}

func (e *Engine) asOfDay(s string) (day, error) {
	if s == "" {
		return e.today(), nil
	}
	d, ok := parseDay(s)
	if !ok {
		return 0, Errors{{Path: "/asOf", Code: CodeDate, Message: "not a valid date", Expected: "YYYY-MM-DD", Got: shorten(s)}}
	}
	return d, nil
}

// writeFragments is what c.fragments does: the JSON of the version's sources and of its
// metrics' static fields.
func (c *compiled) writeFragments() {
	full := appendProgram(nil, &ProgramResult{Sources: c.p.Sources}, "en")
	c.sourcesJSON = full[bytes.Index(full, []byte(`"sources":`)) : len(full)-1]
	for ai := range c.areas {
		for ti := range c.areas[ai].tracks {
			for mi := range c.areas[ai].tracks[ti].metrics {
				c.areas[ai].tracks[ti].metrics[mi].precompute()
			}
		}
	}
}

// precompute encodes the metric's static JSON fields once, with the same functions the
// encoder uses for results that do not come from the engine.
func (cm *cmetric) precompute() {
	m := cm.m
	for li, lang := range fragmentLangs {
		cm.head[li] = metricHead(nil, &MetricResult{ID: m.ID, Name: m.Name.In(lang), Category: m.Category, Kind: m.Rule.Kind, Max: m.Max})
	}
	for i := range cm.parts {
		cp := &cm.parts[i]
		for li, lang := range fragmentLangs {
			pr := cp.result(lang)
			cp.head[li] = partHead(nil, &pr)
			for e := range 2 {
				cp.rate[li][e] = appendRate(nil, &pr, lang, e == 1)
			}
		}
		pr := cp.result("en")
		cp.static = partStatic(nil, &pr)
	}
	for i := range cm.gates {
		g := &cm.gates[i]
		for li, lang := range fragmentLangs {
			gr := g.result(lang)
			g.head[li] = gateHead(nil, &gr)
		}
	}
}

// isLangCode reports whether s is two lowercase letters (an ISO 639-1 code's shape).
func isLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// safeID reports whether an id is made of letters, digits, '.', '-' and '_' only, so that
// it can be written into JSON and sentences without escaping.
func safeID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (p *Prerequisite) factID() string {
	if p == nil {
		return ""
	}
	return p.Fact
}
