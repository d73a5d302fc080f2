package score

import "math"

// modelProgram evaluates a levels, calculator or timeline program. These results are
// allocated per evaluation (the reuse of EvaluateInto serves the scorecards).
func (ev *evaluation) modelProgram(pr *ProgramResult, c *compiled) {
	lang := ev.in.lang
	*pr = ProgramResult{ID: c.p.ID, Name: c.p.Name.In(lang), Version: c.p.Version,
		EffectiveFrom: c.p.EffectiveFrom, EffectiveTo: c.p.EffectiveTo, Sources: c.p.Sources, def: c,
		Model: c.p.model(), Qualified: []string{}, Areas: []AreaResult{}}
	m := c.model
	pr.Parameters = ev.parameters(m)
	pr.Timeline = ev.timeline(m)
	switch {
	case m.levels != nil:
		pr.Levels = ev.levels(c, m)
		for _, l := range pr.Levels.Levels {
			if l.Met {
				pr.Qualified = append(pr.Qualified, l.ID)
			}
		}
	case m.calc != nil:
		pr.Calculator = ev.calculator(m)
	}
}

// uses reports whether the profile gives a fact or a parameter c declares.
func (in *Input) uses(c *compiled) bool {
	for _, fi := range c.factIdx {
		if in.given[fi] {
			return true
		}
	}
	if c.model != nil {
		for _, p := range c.model.params {
			if p.gi < len(in.paramGiven) && in.paramGiven[p.gi] {
				return true
			}
		}
	}
	return false
}

// onRequestOnly reports whether every version of program id is evaluated only on request.
func (e *Engine) onRequestOnly(id string) bool {
	for _, c := range e.programs {
		if c.p.ID == id && !c.p.OnRequest {
			return false
		}
	}
	return true
}

// resolveParams checks the profile's parameters: known ids, finite numbers, whole numbers
// where the parameter counts. Bounds are checked against the versions evaluated.
func (e *Engine) resolveParams(p *Profile, in *Input, add func(*Error)) {
	in.params, in.paramGiven = zeroed(in.params, len(e.params)), zeroed(in.paramGiven, len(e.params))
	for _, id := range sortedKeys(p.Parameters) {
		v := p.Parameters[id]
		path := pointer("/parameters", id)
		gi, ok := e.paramIndex[id]
		if !ok {
			ids := make([]string, len(e.params))
			for i, pa := range e.params {
				ids[i] = pa.id
			}
			add(&Error{Path: path, Code: CodeUnknown, Message: "unknown parameter", Expected: "a parameter id declared by the program data",
				Got: shorten(id), Suggestion: closest(id, ids)})
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxMagnitude {
			add(&Error{Path: path, Code: CodeRange, Message: "not a finite number", Expected: "a magnitude of at most 1e15", Got: formatNum(v)})
			continue
		}
		if e.params[gi].integer && v != math.Trunc(v) {
			add(&Error{Path: path, Code: CodeInteger, Message: "this parameter counts whole things", Expected: "a whole number", Got: formatNum(v)})
			continue
		}
		in.params[gi], in.paramGiven[gi] = v, true
	}
}

// checkParams checks the given parameters against the bounds of each version evaluated.
func (e *Engine) checkParams(in *Input, progs []*compiled) Errors {
	var errs Errors
	for _, c := range progs {
		if c.model == nil {
			continue
		}
		for _, cp := range c.model.params {
			if !in.paramGiven[cp.gi] {
				continue
			}
			f := cp.p
			if v := in.params[cp.gi]; (v < f.Min || v > f.Max) && len(errs) < maxErrors {
				errs = append(errs, &Error{Path: pointer("/parameters", f.ID), Code: CodeRange, Message: "outside the bounds of " + c.p.ID + " " + c.p.Version,
					Expected: "between " + formatNum(f.Min) + " and " + formatNum(f.Max) + " " + f.Unit, Got: formatNum(v)})
			}
		}
	}
	return errs
}

// paramWarnings flags the given parameters no version evaluated reads.
func (ev *evaluation) paramWarnings(ws []Warning, progs []*compiled) []Warning {
	for gi, given := range ev.in.paramGiven {
		if !given {
			continue
		}
		used := false
		for _, c := range progs {
			if c.model != nil {
				for _, p := range c.model.params {
					used = used || p.gi == gi
				}
			}
		}
		if !used {
			id := ev.e.params[gi].id
			msg := "The parameter " + id + " is not read by the rules in force on this date."
			if ev.in.lang == "fr" {
				msg = "Le paramètre " + id + " n'est pas lu par les règles en vigueur à cette date."
			}
			ws = append(ws, Warning{Code: WarnUnusedParam, Fact: id, Message: msg})
		}
	}
	return ws
}

func (ev *evaluation) parameters(m *cmodel) []ParameterResult {
	if len(m.params) == 0 {
		return nil
	}
	out := make([]ParameterResult, len(m.params))
	for i, cp := range m.params {
		v, given := m.paramValue(ev.in, i)
		origin := OriginSource
		switch {
		case given:
			origin = OriginProfile
		case cp.p.Assumption:
			origin = OriginAssumption
		}
		out[i] = ParameterResult{ID: cp.p.ID, Name: cp.p.Label.In(ev.in.lang), Value: v, Unit: cp.p.Unit,
			Default: cp.p.Default, Origin: origin, Source: cp.p.Source, Note: cp.p.Note}
	}
	return out
}

func (ev *evaluation) timeline(m *cmodel) []TimelineResult {
	if len(m.timeline) == 0 {
		return nil
	}
	lang, d := ev.in.lang, ev.in.asOf
	out := make([]TimelineResult, len(m.timeline))
	for i, ct := range m.timeline {
		t := ct.t
		tr := TimelineResult{ID: t.ID, Name: t.Name.In(lang), Source: t.Source, Note: t.Note, Periods: make([]PeriodResult, len(t.Periods))}
		cur := -1
		for j, pe := range t.Periods {
			now := ct.from[j] <= d && d <= ct.to[j]
			if now {
				cur = j
			}
			tr.Periods[j] = PeriodResult{ID: pe.ID, Name: pe.Name.In(lang), From: pe.From, To: pe.To, Current: now, Assumption: pe.Assumption}
		}
		next := 0
		if cur >= 0 {
			pe := &t.Periods[cur]
			tr.Status, tr.StatusName, tr.From, tr.To, tr.Assumption = pe.ID, pe.Name.In(lang), pe.From, pe.To, pe.Assumption
			next = cur + 1
		}
		if next < len(t.Periods) {
			tr.Next, tr.NextStatus = t.Periods[next].From, t.Periods[next].ID
		}
		tr.Explanation = timelineSentence(&tr, t, next, lang)
		out[i] = tr
	}
	return out
}

// levels evaluates competencies, then levels in order.
func (ev *evaluation) levels(c *compiled, m *cmodel) *LevelsResult {
	lang := ev.in.lang
	lv := m.levels
	lr := c.p.Levels
	out := &LevelsResult{Ordered: lr.Ordered, Levels: make([]LevelResult, len(lv.levels)), Competencies: make([]CompetencyResult, len(lv.comps))}
	earned := make([]bool, len(lv.comps))
	for i, cc := range lv.comps {
		reqs, missing := ev.requirements(c, m, cc.reqs, nil, nil)
		earned[i] = len(missing) == 0
		out.Competencies[i] = CompetencyResult{ID: cc.c.ID, Name: cc.c.Name.In(lang), Class: cc.c.Class, Earned: earned[i],
			Missing: missing, Requirements: reqs, Source: cc.c.Source, Note: cc.c.Note}
	}
	met := make([]bool, len(lv.levels))
	for i, cl := range lv.levels {
		reqs, missing := ev.requirements(c, m, cl.reqs, earned, met)
		met[i] = len(missing) == 0
		out.Levels[i] = LevelResult{ID: cl.l.ID, Name: cl.l.Name.In(lang), Met: met[i], Missing: missing,
			Requirements: reqs, Source: cl.l.Source, Note: cl.l.Note}
	}
	if lr.Ordered {
		for i := range met {
			if !met[i] {
				out.Next = lv.levels[i].l.ID
				break
			}
			out.Reached = lv.levels[i].l.ID
		}
	}
	for _, nm := range lr.NotModelled {
		out.NotModelled = append(out.NotModelled, NotModelledResult{Name: nm.Name.In(lang), Reason: nm.Reason.In(lang)})
	}
	return out
}

// requirements evaluates a list of requirements; missing lists the ids of those not met.
func (ev *evaluation) requirements(c *compiled, m *cmodel, rs []creq, earned, met []bool) ([]RequirementResult, []string) {
	out := make([]RequirementResult, len(rs))
	missing := []string{}
	for i := range rs {
		out[i] = ev.requirement(c, m, &rs[i], earned, met)
		if !out[i].Met {
			missing = append(missing, out[i].ID)
		}
	}
	return out, missing
}

func (ev *evaluation) requirement(c *compiled, m *cmodel, cr *creq, earned, met []bool) RequirementResult {
	r := cr.r
	lang := ev.in.lang
	rr := RequirementResult{ID: r.ID, Name: r.Name.In(lang), Kind: r.Kind, Unit: cr.unit, Source: r.Source,
		Assumption: r.Assumption, Note: r.Note, Threshold: r.AtLeast}
	var nm reqNames
	if cr.param >= 0 {
		nm.param = m.params[cr.param].p.Label.In(lang)
		rr.Parameter = r.Parameter
		v, given := m.paramValue(ev.in, cr.param)
		rr.Threshold = v
		if !given && m.params[cr.param].p.Assumption {
			rr.Assumption = true
		}
	}
	switch r.Kind {
	case ReqFact:
		rr.Fact = r.Fact
		rr.Value, rr.Given = ev.in.facts[cr.fact], ev.in.given[cr.fact]
		rr.Met = rr.Value >= rr.Threshold-eps
	case ReqPeople:
		rr.Slots = ev.slots(m, cr.slots)
		rr.Met = true
		for _, s := range rr.Slots {
			rr.Value += float64(s.People)
			rr.Threshold += float64(s.Required)
			rr.Met = rr.Met && s.Met
		}
	case ReqCompetencies:
		rr.Counted = []string{}
		for _, ci := range cr.class {
			if earned[ci] {
				rr.Counted = append(rr.Counted, m.levels.comps[ci].c.ID)
				nm.counted = append(nm.counted, m.levels.comps[ci].c.Name.In(lang))
			}
		}
		rr.Value = float64(len(rr.Counted))
		rr.Met = rr.Value >= rr.Threshold-eps
	case ReqLevel:
		rr.Level, rr.Threshold = r.Level, 1
		if met[cr.level] {
			rr.Value = 1
		}
		rr.Met = met[cr.level]
	case ReqAny:
		rr.Any = make([]RequirementResult, len(cr.any))
		for i := range cr.any {
			rr.Any[i] = ev.requirement(c, m, &cr.any[i], earned, met)
			if rr.Any[i].Met {
				rr.Value++
			}
			rr.Assumption = rr.Assumption || rr.Any[i].Assumption
		}
		rr.Threshold = 1
		rr.Met = rr.Value >= 1
	case ReqProgram:
		dep := &DependencyResult{ID: r.Program, Qualified: []string{}}
		if dc := ev.e.inForce(r.Program, ev.in.asOf); dc != nil {
			dep.Version = dc.p.Version
			// The other program's own evaluation, on the same input: its logic is never copied.
			in := *ev.in
			in.progs, in.plan = []*compiled{ev.e.mustReady(dc)}, nil
			if res, err := ev.e.Evaluate(&in); err == nil && len(res.Programs) == 1 {
				pr := &res.Programs[0]
				dep.Qualified = append(dep.Qualified, pr.Qualified...)
				nm.program = pr.Name
				for _, a := range pr.Areas {
					if a.Qualified {
						nm.counted = append(nm.counted, a.Name)
					}
				}
				if pr.Levels != nil {
					for _, l := range pr.Levels.Levels {
						if l.Met {
							nm.counted = append(nm.counted, l.Name)
						}
					}
				}
			}
		}
		rr.Program, rr.Counted = dep, dep.Qualified
		rr.Value = float64(len(dep.Qualified))
		rr.Met = rr.Value >= rr.Threshold-eps
	}
	rr.Explanation = requirementSentence(&rr, &nm, lang)
	return rr
}

// slots places distinct people in the slots (a person fills one slot), as many as
// possible: a maximum flow from the groups of people to the slots. Eligible counts, per
// slot, the people who could fill it on their own.
func (ev *evaluation) slots(m *cmodel, cs []cslot) []SlotResult {
	out := make([]SlotResult, len(cs))
	groups := ev.groups
	need := make([]int, len(cs))
	for k, s := range cs {
		req := s.s.People
		if s.param >= 0 {
			v, _ := m.paramValue(ev.in, s.param)
			req = int(v)
		}
		need[k] = req
		out[k] = SlotResult{ID: s.s.ID, Name: s.s.Name.In(ev.in.lang), Certifications: s.s.Certifications, Required: req}
		for gi := range groups {
			if groups[gi].mask.meets(&cs[k].mask) {
				out[k].Eligible += groups[gi].n
			}
		}
	}
	// Augmenting paths on the bipartite graph groups → slots; the residual capacity of a
	// group is its unplaced people, of a slot its unfilled places.
	flow := make([][]int, len(groups)) // flow[g][k] people of group g placed in slot k
	left := make([]int, len(groups))
	for gi := range groups {
		flow[gi] = make([]int, len(cs))
		left[gi] = groups[gi].n
	}
	filled := make([]int, len(cs))
	for {
		// BFS over slots: from a slot with room, reach a group that can move into it, either
		// one with people left (done) or one with people in another slot (move them on).
		prevSlot := make([]int, len(cs))
		viaGroup := make([]int, len(cs))
		for k := range prevSlot {
			prevSlot[k], viaGroup[k] = -2, -1
		}
		var queue []int
		for k := range cs {
			if filled[k] < need[k] {
				prevSlot[k] = -1
				queue = append(queue, k)
			}
		}
		endGroup, endSlot := -1, -1
		for len(queue) > 0 && endGroup < 0 {
			k := queue[0]
			queue = queue[1:]
			for gi := range groups {
				if !groups[gi].mask.meets(&cs[k].mask) {
					continue
				}
				if left[gi] > 0 {
					endGroup, endSlot = gi, k
					break
				}
				for k2 := range cs {
					if k2 != k && flow[gi][k2] > 0 && prevSlot[k2] == -2 {
						prevSlot[k2], viaGroup[k2] = k, gi
						queue = append(queue, k2)
					}
				}
			}
		}
		if endGroup < 0 {
			break
		}
		// One person of endGroup goes into endSlot; along the chain, a person of viaGroup
		// moves from the earlier slot into the later one... walked backwards: slot endSlot
		// was reached from prevSlot via a group that leaves prevSlot for endSlot.
		left[endGroup]--
		flow[endGroup][endSlot]++
		k := endSlot
		for prevSlot[k] >= 0 {
			g, from := viaGroup[k], prevSlot[k]
			// g gives up a place in k (taken by the person placed above) and takes one in from.
			flow[g][k]--
			flow[g][from]++
			k = from
		}
		filled[k]++
	}
	for k := range out {
		for gi := range groups {
			out[k].People += flow[gi][k]
		}
		out[k].Met = out[k].People >= out[k].Required
	}
	return out
}

// calculator computes the tables row by row, then the figures.
func (ev *evaluation) calculator(m *cmodel) *CalculatorResult {
	lang := ev.in.lang
	env := &fenv{params: make([]float64, len(m.params))}
	for i := range m.params {
		env.params[i], _ = m.paramValue(ev.in, i)
	}
	out := &CalculatorResult{Tables: make([]TableResult, len(m.calc.tables)), Figures: []FigureResult{}}
	env.totals = make([][]float64, len(m.calc.tables))
	for ti, ct := range m.calc.tables {
		t := ct.t
		tr := TableResult{ID: t.ID, Name: t.Name.In(lang), Period: t.Period, Source: t.Source, Note: t.Note,
			Columns: make([]ColumnResult, len(t.Columns)), Totals: make([]float64, len(t.Columns))}
		for j, col := range t.Columns {
			tr.Columns[j] = ColumnResult{ID: col.ID, Name: col.Name.In(lang), Unit: col.Unit, Formula: col.Formula, Total: col.Total, Chart: col.Chart}
		}
		n := ct.rows.eval(env)
		rows := 0
		if n > 0 && !math.IsNaN(n) {
			rows = int(math.Min(maxRows, math.Floor(n+eps)))
		}
		tr.Rows = make([][]float64, rows)
		// Every column's sum, for the figures; the total row shows those of the total columns.
		sums := make([]float64, len(t.Columns))
		env.periods, env.prev = float64(rows), nil
		for i := 0; i < rows; i++ {
			row := make([]float64, len(t.Columns))
			env.row, env.period = row, float64(i+1)
			for j, f := range ct.cols {
				v := f.eval(env)
				if math.IsNaN(v) || math.IsInf(v, 0) {
					v = 0
				}
				row[j] = v
				sums[j] += v
			}
			tr.Rows[i] = row
			env.prev = row
		}
		for j, col := range t.Columns {
			if col.Total {
				tr.Totals[j] = sums[j]
			}
		}
		env.totals[ti] = sums
		out.Tables[ti] = tr
	}
	env.row, env.prev = nil, nil
	for _, cf := range m.calc.figures {
		v := cf.n.eval(env)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		out.Figures = append(out.Figures, FigureResult{ID: cf.f.ID, Name: cf.f.Name.In(lang), Value: v, Unit: cf.f.Unit, Formula: cf.f.Formula, Source: cf.f.Source})
	}
	return out
}
