package score

// cmodel is the compiled form of what a program version has beyond a scorecard:
// parameters, timeline, levels, calculator.
type cmodel struct {
	params   []cparam
	paramIdx map[string]int // parameter id → index in params
	timeline []ctimeline
	levels   *clevels
	calc     *ccalc
}

type cparam struct {
	p  *Parameter
	gi int // engine parameter index
}

type ctimeline struct {
	t        *TimelineItem
	from, to []day // per period; to is noDay when open-ended
}

type clevels struct {
	comps  []ccomp
	levels []clevel
}

type ccomp struct {
	c    *Competency
	reqs []creq
}

type clevel struct {
	l    *Level
	reqs []creq
}

type creq struct {
	r     *Requirement
	fact  int // engine fact index, -1
	param int // index in cmodel.params, -1
	unit  string
	slots []cslot
	class []int // competency indexes of the class (kind competencies)
	level int   // level index (kind level)
	any   []creq
}

type cslot struct {
	s     *Slot
	mask  certMask
	param int // -1 when People is fixed
}

type ccalc struct {
	tables  []ctable
	figures []cfigure
}

type ctable struct {
	t    *Table
	rows *fnode
	cols []*fnode
}

type cfigure struct {
	f *Figure
	n *fnode
}

// maxRows is the most rows a calculator table may have.
const maxRows = 600

type paramInfo struct {
	id      string
	integer bool
}

// compileModel compiles the parameters, timeline, levels and calculator of c's program.
// Facts and sources are already compiled (c.sources, c.declared).
func (e *Engine) compileModel(c *compiled) error {
	p := c.p
	m := &cmodel{paramIdx: map[string]int{}}
	if e.paramIndex == nil {
		e.paramIndex = map[string]int{}
	}
	srcOK := func(where, id string) error {
		_, err := c.source(where, id)
		return err
	}
	for i := range p.Parameters {
		pa := &p.Parameters[i]
		where := "parameters/" + pa.ID
		if !safeID(pa.ID) || !safeID(pa.Unit) {
			return dataErr(where, "ids and units use letters, digits, '.', '-' and '_' only")
		}
		if _, dup := m.paramIdx[pa.ID]; dup {
			return dataErr(where, "declared twice")
		}
		if _, clash := e.factIndex[pa.ID]; clash {
			return dataErr(where, "a fact has this id")
		}
		if pa.Min > pa.Max || pa.Default < pa.Min || pa.Default > pa.Max {
			return dataErr(where, "needs min ≤ default ≤ max")
		}
		if pa.Source != "" {
			if err := srcOK(where, pa.Source); err != nil {
				return err
			}
		}
		if !pa.Assumption && pa.Source == "" {
			return dataErr(where, "a default that is not an assumption needs a source")
		}
		gi, seen := e.paramIndex[pa.ID]
		if !seen {
			gi = len(e.params)
			e.paramIndex[pa.ID] = gi
			e.params = append(e.params, paramInfo{id: pa.ID, integer: pa.Integer})
		} else if e.params[gi].integer != pa.Integer {
			return dataErr(where, "integer differs from another version's declaration")
		}
		m.paramIdx[pa.ID] = len(m.params)
		m.params = append(m.params, cparam{p: pa, gi: gi})
	}
	for i := range p.Timeline {
		t := &p.Timeline[i]
		where := "timeline/" + t.ID
		if err := srcOK(where, t.Source); err != nil {
			return err
		}
		ct := ctimeline{t: t}
		for j, pe := range t.Periods {
			f, ok := parseDay(pe.From)
			to := noDay
			if pe.To != "" {
				to, ok = parseDay(pe.To)
				ok = ok && to >= f
			} else if j != len(t.Periods)-1 {
				ok = false
			}
			if !ok || !safeID(pe.ID) {
				return dataErr(where+"/"+pe.ID, "bad period (dates, or only the last may be open-ended)")
			}
			if j > 0 && ct.to[j-1]+1 != f {
				return dataErr(where+"/"+pe.ID, "periods must follow one another without gap")
			}
			ct.from, ct.to = append(ct.from, f), append(ct.to, to)
		}
		if len(ct.from) == 0 {
			return dataErr(where, "no periods")
		}
		m.timeline = append(m.timeline, ct)
	}
	switch p.model() {
	case ModelLevels:
		if p.Levels == nil || len(p.Levels.Levels) == 0 {
			return dataErr("levels", "a levels program needs levels")
		}
		lv, err := e.compileLevels(c, m, srcOK)
		if err != nil {
			return err
		}
		m.levels = lv
	case ModelCalculator:
		if p.Calculator == nil || len(p.Calculator.Tables) == 0 {
			return dataErr("calculator", "a calculator program needs tables")
		}
		calc, err := compileCalculator(p.Calculator, m, srcOK)
		if err != nil {
			return err
		}
		m.calc = calc
	case ModelTimeline:
		if len(m.timeline) == 0 {
			return dataErr("timeline", "a timeline program needs items")
		}
	case ModelScorecard:
	default:
		return dataErr("model", "unknown model "+p.Model)
	}
	if p.model() != ModelLevels && p.Levels != nil || p.model() != ModelCalculator && p.Calculator != nil {
		return dataErr("model", "levels and calculator data need their model")
	}
	c.model = m
	return nil
}

func (e *Engine) compileLevels(c *compiled, m *cmodel, srcOK func(string, string) error) (*clevels, error) {
	lr := c.p.Levels
	out := &clevels{}
	compIdx := map[string]int{}
	classes := map[string][]int{}
	for i := range lr.Competencies {
		cp := &lr.Competencies[i]
		where := "levels/competencies/" + cp.ID
		if _, dup := compIdx[cp.ID]; dup || !safeID(cp.ID) || !safeID(cp.Class) {
			return nil, dataErr(where, "competency ids and classes are unique safe ids")
		}
		if err := srcOK(where, cp.Source); err != nil {
			return nil, err
		}
		compIdx[cp.ID] = i
		classes[cp.Class] = append(classes[cp.Class], i)
	}
	levelIdx := map[string]int{}
	var compileReqs func(where string, rs []Requirement, levelsBefore int, inComp bool) ([]creq, error)
	compileReqs = func(where string, rs []Requirement, levelsBefore int, inComp bool) ([]creq, error) {
		var out []creq
		ids := map[string]bool{}
		for i := range rs {
			r := &rs[i]
			w := where + "/" + r.ID
			if ids[r.ID] || !safeID(r.ID) {
				return nil, dataErr(w, "requirement ids are unique safe ids")
			}
			ids[r.ID] = true
			if err := srcOK(w, r.Source); err != nil {
				return nil, err
			}
			cr := creq{r: r, fact: -1, param: -1, level: -1}
			if r.Parameter != "" {
				pi, ok := m.paramIdx[r.Parameter]
				if !ok {
					return nil, dataErr(w, "undeclared parameter "+r.Parameter)
				}
				cr.param = pi
			}
			switch r.Kind {
			case ReqFact:
				fi, ok := e.factIndex[r.Fact]
				if !ok || c.declared[fi] == nil {
					return nil, dataErr(w, "undeclared fact "+r.Fact)
				}
				cr.fact, cr.unit = fi, c.declared[fi].Unit
			case ReqPeople:
				if len(r.Slots) == 0 {
					return nil, dataErr(w, "a people requirement needs slots")
				}
				cr.unit = "people"
				for j := range r.Slots {
					s := &r.Slots[j]
					if !safeID(s.ID) {
						return nil, dataErr(w+"/"+s.ID, "slot ids are safe ids")
					}
					cs := cslot{s: s, param: -1}
					var err error
					if cs.mask, err = e.certMaskOf(w+"/"+s.ID, s.Certifications); err != nil {
						return nil, err
					}
					if s.Parameter != "" {
						pi, ok := m.paramIdx[s.Parameter]
						if !ok || !m.params[pi].p.Integer {
							return nil, dataErr(w+"/"+s.ID, "slot parameter must be a declared integer parameter: "+s.Parameter)
						}
						cs.param = pi
					} else if s.People < 1 {
						return nil, dataErr(w+"/"+s.ID, "a slot needs at least 1 person")
					}
					cr.slots = append(cr.slots, cs)
				}
			case ReqCompetencies:
				if inComp {
					return nil, dataErr(w, "a competency cannot require competencies")
				}
				cl, ok := classes[r.Class]
				if !ok {
					return nil, dataErr(w, "no competency of class "+r.Class)
				}
				cr.class, cr.unit = cl, "competencies"
			case ReqLevel:
				li, ok := levelIdx[r.Level]
				if !ok || li >= levelsBefore || inComp {
					return nil, dataErr(w, "a level requirement names an earlier level: "+r.Level)
				}
				cr.level = li
			case ReqAny:
				if len(r.Any) < 2 {
					return nil, dataErr(w, "any needs at least two alternatives")
				}
				alts, err := compileReqs(w, r.Any, levelsBefore, inComp)
				if err != nil {
					return nil, err
				}
				cr.any, cr.unit = alts, "alternatives"
			case ReqProgram:
				if !safeID(r.Program) || r.Program == c.p.ID {
					return nil, dataErr(w, "a program requirement names another program")
				}
				cr.unit = "results"
			default:
				return nil, dataErr(w, "unknown requirement kind "+r.Kind)
			}
			switch r.Kind {
			case ReqFact, ReqCompetencies, ReqProgram:
				if r.Parameter == "" && r.AtLeast <= 0 && r.Kind != ReqFact {
					return nil, dataErr(w, "needs atLeast above 0 or a parameter")
				}
			default:
				if r.Parameter != "" || r.AtLeast != 0 {
					return nil, dataErr(w, "atLeast and parameter apply to fact, competencies and program requirements")
				}
			}
			out = append(out, cr)
		}
		return out, nil
	}
	for i := range lr.Competencies {
		cp := &lr.Competencies[i]
		reqs, err := compileReqs("levels/competencies/"+cp.ID, cp.Requirements, 0, true)
		if err != nil {
			return nil, err
		}
		out.comps = append(out.comps, ccomp{c: cp, reqs: reqs})
	}
	for i := range lr.Levels {
		l := &lr.Levels[i]
		where := "levels/levels/" + l.ID
		if _, dup := levelIdx[l.ID]; dup || !safeID(l.ID) {
			return nil, dataErr(where, "level ids are unique safe ids")
		}
		if err := srcOK(where, l.Source); err != nil {
			return nil, err
		}
		reqs, err := compileReqs(where, l.Requirements, i, false)
		if err != nil {
			return nil, err
		}
		levelIdx[l.ID] = i
		out.levels = append(out.levels, clevel{l: l, reqs: reqs})
	}
	return out, nil
}

// certMaskOf is the set of certification ids (exact catalog ids).
func (e *Engine) certMaskOf(where string, ids []string) (certMask, error) {
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

func compileCalculator(cr *CalculatorRules, m *cmodel, srcOK func(string, string) error) (*ccalc, error) {
	out := &ccalc{}
	param := func(name string) (int, bool) {
		i, ok := m.paramIdx[name]
		return i, ok
	}
	tableIdx := map[string]int{}
	for ti := range cr.Tables {
		t := &cr.Tables[ti]
		where := "calculator/tables/" + t.ID
		if _, dup := tableIdx[t.ID]; dup || !safeID(t.ID) {
			return nil, dataErr(where, "table ids are unique safe ids")
		}
		if t.Period != "year" && t.Period != "month" {
			return nil, dataErr(where, "period is year or month")
		}
		if err := srcOK(where, t.Source); err != nil {
			return nil, err
		}
		ct := ctable{t: t}
		var err error
		if ct.rows, err = compileFormula(t.Rows, &fscope{param: param}); err != nil {
			return nil, dataErr(where+"/rows", err.Error())
		}
		colIdx := map[string]int{}
		for ci, col := range t.Columns {
			if _, dup := colIdx[col.ID]; dup || !safeID(col.ID) || !safeID(col.Unit) {
				return nil, dataErr(where+"/"+col.ID, "column ids are unique safe ids, with a unit")
			}
			colIdx[col.ID] = ci
		}
		for ci, col := range t.Columns {
			left := func(name string) (int, bool) {
				i, ok := colIdx[name]
				return i, ok && i < ci
			}
			any := func(name string) (int, bool) {
				i, ok := colIdx[name]
				return i, ok
			}
			n, err := compileFormula(col.Formula, &fscope{param: param, column: left, prev: any, rows: true})
			if err != nil {
				return nil, dataErr(where+"/"+col.ID, err.Error())
			}
			ct.cols = append(ct.cols, n)
		}
		tableIdx[t.ID] = ti
		out.tables = append(out.tables, ct)
	}
	total := func(name string) (int, int, bool) {
		for ti, t := range cr.Tables {
			if len(name) > len(t.ID)+1 && name[:len(t.ID)+1] == t.ID+"." {
				for ci, col := range t.Columns {
					if col.ID == name[len(t.ID)+1:] {
						return ti, ci, true
					}
				}
			}
		}
		return 0, 0, false
	}
	for i := range cr.Figures {
		f := &cr.Figures[i]
		where := "calculator/figures/" + f.ID
		if !safeID(f.ID) || !safeID(f.Unit) {
			return nil, dataErr(where, "figure ids are safe ids, with a unit")
		}
		if err := srcOK(where, f.Source); err != nil {
			return nil, err
		}
		n, err := compileFormula(f.Formula, &fscope{param: param, total: total})
		if err != nil {
			return nil, dataErr(where, err.Error())
		}
		out.figures = append(out.figures, cfigure{f: f, n: n})
	}
	return out, nil
}

// checkDependencies checks that every program requirement names a known program and that
// no program depends on itself through others.
func (e *Engine) checkDependencies() error {
	deps := map[string][]string{}
	for _, c := range e.programs {
		if c.model == nil || c.model.levels == nil {
			continue
		}
		var walk func([]creq)
		walk = func(rs []creq) {
			for _, r := range rs {
				if r.r.Kind == ReqProgram {
					deps[c.p.ID] = append(deps[c.p.ID], r.r.Program)
				}
				walk(r.any)
			}
		}
		for _, l := range c.model.levels.levels {
			walk(l.reqs)
		}
	}
	for id, ds := range deps {
		for _, d := range ds {
			if !contains(e.programIDs, d) {
				return dataErr(id, "depends on unknown program "+d)
			}
		}
	}
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(id string) error
	visit = func(id string) error {
		switch state[id] {
		case 1:
			return dataErr(id, "programs depend on each other in a cycle")
		case 2:
			return nil
		}
		state[id] = 1
		for _, d := range deps[id] {
			if err := visit(d); err != nil {
				return err
			}
		}
		state[id] = 2
		return nil
	}
	for id := range deps {
		if err := visit(id); err != nil {
			return err
		}
	}
	// A version reads the facts of the programs it depends on (any of their versions),
	// since it evaluates them: those facts are not "unused".
	var reads func(id string, into []bool)
	reads = func(id string, into []bool) {
		for _, d := range deps[id] {
			for _, dc := range e.programs {
				if dc.p.ID == d {
					for _, fi := range dc.factIdx {
						into[fi] = true
					}
				}
			}
			reads(d, into)
		}
	}
	for _, c := range e.programs {
		reads(c.p.ID, c.reads)
	}
	return nil
}

// paramValue is the value of parameter i of m for in: the profile's, else the default.
func (m *cmodel) paramValue(in *Input, i int) (float64, bool) {
	cp := &m.params[i]
	if cp.gi < len(in.paramGiven) && in.paramGiven[cp.gi] {
		return in.params[cp.gi], true
	}
	return cp.p.Default, false
}
