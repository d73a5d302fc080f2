package score

import (
	"math"
	"sort"
)

// AreaPlan is the gap analysis of an area and the cheapest plan that qualifies it.
type AreaPlan struct {
	// Gaps says, for each metric of the counting track, what more of each measure would give.
	Gaps []Gap `json:"gaps"`
	// Reachable is false when no addition can qualify the area (a prerequisite fails, a
	// metric cannot leave zero).
	Reachable bool `json:"reachable"`
	// Reason says why the area cannot be reached, when it cannot, in the result's language.
	Reason string `json:"reason,omitempty"`
	// Track is the track the plan qualifies on.
	Track string `json:"track,omitempty"`
	// Cost is the plan's total cost (units × cost per unit; 1 per unit unless the profile says otherwise).
	Cost float64 `json:"cost"`
	// Score is the track's score once the plan is carried out.
	Score float64 `json:"score"`
	// Steps are the additions, one per measure.
	Steps []PlanStep `json:"steps"`
}

// Gap is what more of one measure of a metric would give, everything else unchanged.
type Gap struct {
	// Metric is the metric id.
	Metric string `json:"metric"`
	// Lever is the part or gate id.
	Lever string `json:"lever"`
	// Fact is the fact to raise, for a fact part.
	Fact string `json:"fact,omitempty"`
	// Certifications are the certifications that count, for a people part or a gate.
	Certifications []string `json:"certifications,omitempty"`
	// Unit is the unit of Add.
	Unit string `json:"unit"`
	// Value is the current value.
	Value float64 `json:"value"`
	// Add is how many more units reach the metric's maximum (or meet the gate).
	Add float64 `json:"add"`
	// Points is how many more points those units give the metric. For a part of a gated
	// metric it is counted as if every gate were met; for a gate, it is what meeting every
	// unmet gate gives with the people already counted.
	Points float64 `json:"points"`
	// PointsPerUnit is the points one more unit gives, below the cap.
	PointsPerUnit float64 `json:"pointsPerUnit"`
}

// PlanStep is one addition of a plan.
type PlanStep struct {
	// Metric is the metric id.
	Metric string `json:"metric"`
	// Lever is the part or gate id.
	Lever string `json:"lever"`
	// Fact is the fact to raise, for a fact part.
	Fact string `json:"fact,omitempty"`
	// Certification is the certification to name, for people: the cheapest that counts and
	// can still be earned on the date (not retired), of those the one that counts the longest.
	Certification string `json:"certification,omitempty"`
	// Add is the number of units to add.
	Add float64 `json:"add"`
	// Unit is the unit of Add.
	Unit string `json:"unit"`
	// Cost is Add × the unit's cost.
	Cost float64 `json:"cost"`
	// Points is the metric's points after the plan.
	Points float64 `json:"points"`
}

// move is one addition to one lever of a metric.
type move struct {
	// lever is a part's index; or len(parts) + gate index + k × len(gates) for a gate's
	// people, who earn the gate's k-th choice of certification (gateCerts: the best, then the
	// one counted twice); or −1 − a part's index for the people of a gate move counted again
	// in that part, whose steps name their certification too (no step, no cost of their own).
	// Two words, as every option copies its moves.
	lever int
	add   float64
}

// option is one way to change a metric: its cost, its points after, and the moves.
type option struct {
	cost, points float64
	moves        []move
}

// maxOptions is the number of combinations of a sum's parts above which sumPair narrows
// the enumeration (exactly) instead of listing every combination.
const maxOptions = 200000

// pmove is a set of moves on a metric's parts and its cost.
type pmove struct {
	cost  float64
	moves []move
}

// sumPair lists the combinations of two parts of a sum worth considering when the full
// product is too large. Each part's levels add a fixed gain for a fixed cost after the first
// (linear parts, or whole steps). By exchange, an optimal combination never uses q or more
// levels of the part with the worse cost per point, where q levels of it gain as much as p
// levels of the better one (p·gA = q·gB), unless the better part is used up: so every level
// of the better part is combined with the first q levels of the other, and the last level of
// the better part with every level of the other.
//
// ptot is the parts' points now (negative when net losses outweigh gains): levels of the
// better part that leave the total below zero whatever the first q levels of the other add
// earn nothing and are skipped.
func sumPair(a, b []pmove, rateA, rateB, ptot float64) []pmove {
	gainCost := func(l []pmove) (float64, bool) {
		if len(l) < 2 {
			return 0, false
		}
		return l[1].cost - l[0].cost, true
	}
	da, okA := gainCost(a)
	db, okB := gainCost(b)
	ga, gb := levelGain(a)*rateA, levelGain(b)*rateB // points per level
	if okA && okB && ga > 0 && gb > 0 && db/gb < da/ga {
		a, b, ga, gb = b, a, gb, ga
		rateA, rateB = rateB, rateA
	}
	q := 1 << 10
	for p := 1; p <= 1<<10; p++ {
		x := float64(p) * ga / gb
		if r := math.Round(x); r >= 1 && math.Abs(x-r) < 1e-9 {
			q = int(r)
			break
		}
	}
	out := []pmove{{}}
	combine := func(x, y *pmove) {
		out = append(out, pmove{cost: x.cost + y.cost, moves: append(append([]move(nil), x.moves...), y.moves...)})
	}
	none := pmove{}
	gain := func(l *pmove, rate float64) float64 {
		if len(l.moves) == 0 {
			return 0
		}
		return l.moves[0].add * rate
	}
	reach := float64(q+2)*gb + 2*ga // the most the other part's first levels (and rounding) can add
	for i := range a {
		if ptot+gain(&a[i], rateA)+reach < 0 {
			continue
		}
		combine(&a[i], &none)
		for j := 0; j < len(b) && j <= q; j++ {
			combine(&a[i], &b[j])
		}
	}
	slack := 2 * (ga + gb)
	for j := range b {
		if ptot+gain(&b[j], rateB)+slack >= 0 {
			combine(&none, &b[j])
		}
		if len(a) > 0 && ptot+gain(&a[len(a)-1], rateA)+gain(&b[j], rateB)+slack >= 0 {
			combine(&a[len(a)-1], &b[j])
		}
	}
	return out
}

// levelGain is the units a part's levels add per level after the first.
func levelGain(l []pmove) float64 {
	if len(l) < 2 || len(l[0].moves) == 0 || len(l[1].moves) == 0 {
		return 0
	}
	return l[1].moves[0].add - l[0].moves[0].add
}

func (e *Engine) plan(ev *evaluation, ca *carea, chosen int, ar *AreaResult) *AreaPlan {
	pl := &AreaPlan{Steps: []PlanStep{}}
	ct := &ca.tracks[chosen]
	// Gaps for the counting track.
	pl.Gaps = []Gap{}
	for mi := range ct.metrics {
		pl.Gaps = append(pl.Gaps, e.gaps(ev, &ct.metrics[mi], &ar.Metrics[mi])...)
	}
	if ar.Qualified {
		pl.Reachable, pl.Track, pl.Score = true, ar.Track, ar.Score
		return pl
	}
	// Candidate tracks: every track when the best counts, else the counting one.
	cands := []int{chosen}
	if ar.Selection.Kind == SelectedBest {
		cands = cands[:0]
		for ti := range ca.tracks {
			cands = append(cands, ti)
		}
	}
	best := (*AreaPlan)(nil)
	reason := ""
	for _, ti := range cands {
		p, why := e.planTrack(ev, &ca.tracks[ti], ar.QualifyingScore)
		if p == nil {
			if reason == "" {
				reason = why
			}
			continue
		}
		if best == nil || p.Cost < best.Cost-eps || (math.Abs(p.Cost-best.Cost) <= eps && p.Score > best.Score) {
			best = p
		}
	}
	if best == nil {
		pl.Reason = reason
		return pl
	}
	pl.Reachable, pl.Track, pl.Cost, pl.Score, pl.Steps = true, best.Track, best.Cost, best.Score, best.Steps
	return pl
}

// current scores metric cm as Evaluate does, into storage of its own (for tracks whose
// metrics the result does not keep).
func (ev *evaluation) current(cm *cmetric) MetricResult {
	var mr MetricResult
	saved := ev.parts
	savedG := ev.gates
	ev.parts = make([]PartResult, len(cm.parts))
	ev.gates = make([]GateResult, len(cm.gates))
	ev.metric(&mr, cm)
	ev.parts, ev.gates = saved, savedG
	return mr
}

// with returns mr's points after the moves.
func with(mr *MetricResult, moves []move) float64 {
	h := *mr
	var pbuf [8]PartResult
	var gbuf [8]GateResult
	if len(mr.Parts) <= len(pbuf) && len(mr.Gates) <= len(gbuf) {
		h.Parts = pbuf[:copy(pbuf[:], mr.Parts)]
		h.Gates = gbuf[:copy(gbuf[:], mr.Gates)]
	} else {
		h.Parts = append([]PartResult(nil), mr.Parts...)
		h.Gates = append([]GateResult(nil), mr.Gates...)
	}
	for _, mv := range moves {
		if mv.lever < len(h.Parts) {
			pi := mv.lever
			if pi < 0 {
				pi = -1 - pi // a gate's people counted again in a part
			}
			p := &h.Parts[pi]
			p.Value += mv.add
			pt := Part{Points: p.PointsPer, Per: p.Per, Whole: p.Whole}
			p.Points = partPoints(h.Offset, &pt, p.Value)
		} else {
			g := &h.Gates[(mv.lever-len(h.Parts))%len(h.Gates)]
			g.People += int(mv.add)
			g.Met = g.People >= g.Required
		}
	}
	scoreMetric(&h)
	return h.Points
}

// unitCost is the cost of one unit of a part, and the certification to name for people
// (a gate's: gateCerts):
// the cheapest that can still be earned on the date (not retired: a retired certification
// may still count for who holds it, but no one can add it), and of those as cheap, the one
// that counts the longest, then the first listed.
func (ev *evaluation) unitCost(cm *cmetric, part int) (float64, string) {
	pi := ev.in.plan
	cp := &cm.parts[part]
	if cp.fact >= 0 {
		return pi.factCost[cp.fact], ""
	}
	best, name, last := math.Inf(1), "", day(0)
	for _, id := range cp.p.Certifications {
		ci, _ := ev.e.lookupCert(id)
		if !ev.earnable(ci) {
			continue
		}
		if c, end := pi.certCost[ci], ev.e.certEnd[ci]; c < best || c == best && end > last {
			best, name, last = c, id, end
		}
	}
	return best, name
}

// gateCerts are the catalog indexes of the certifications worth adding people with for gate
// gi of cm (−1: none): the cheapest that can be earned on the date (of those as cheap, the
// one counted in the most of the metric's people parts, then the one that counts the
// longest), and, when it is counted in none of them, the cheapest that is (a dearer person
// for the gate may save one for a part; see spillParts).
func (ev *evaluation) gateCerts(cm *cmetric, gi int) (best, spill int) {
	e := ev.e
	best, spill = -1, -1
	bestN, spillN := 0, 0
	for _, id := range cm.gates[gi].g.Certifications {
		ci, _ := e.lookupCert(id)
		if !ev.earnable(ci) {
			continue
		}
		n := len(spillParts(cm, id))
		if ev.betterGateCert(ci, n, best, bestN) {
			best, bestN = ci, n
		}
		if n > 0 && ev.betterGateCert(ci, n, spill, spillN) {
			spill, spillN = ci, n
		}
	}
	if bestN > 0 {
		spill = -1
	}
	return best, spill
}

// earnable reports whether certification ci (a catalog index) can be added on the date: it
// still counts and has not retired (a retired one may count for who holds it, but no one can
// earn it).
func (ev *evaluation) earnable(ci int) bool {
	return !ev.expired.has(ci) && ev.e.certRet[ci] > ev.in.asOf
}

// betterGateCert reports whether certification a, counted in na people parts, is a better
// choice for a gate than b, counted in nb (b −1: none yet): cheaper, else counted in more
// parts, else counting longer.
func (ev *evaluation) betterGateCert(a, na, b, nb int) bool {
	if b < 0 {
		return true
	}
	ca, cb := ev.in.plan.certCost[a], ev.in.plan.certCost[b]
	if ca != cb {
		return ca < cb
	}
	if na != nb {
		return na > nb
	}
	return ev.e.certEnd[a] > ev.e.certEnd[b]
}

// spillParts are the indexes of cm's people parts whose steps name certification id: people
// added for a gate with it count there too.
func spillParts(cm *cmetric, id string) []int {
	var out []int
	for p := range cm.parts {
		if cp := &cm.parts[p]; cp.fact < 0 && contains(cp.p.Certifications, id) {
			out = append(out, p)
		}
	}
	return out
}

// levels lists the useful additions to a part: each step up to the point where the part
// alone reaches the metric's max, within the fact's bounds.
func (e *Engine) levels(ev *evaluation, cm *cmetric, pi int, mr *MetricResult) []float64 {
	cp := &cm.parts[pi]
	p := &mr.Parts[pi]
	v0 := p.Value
	step, hi := 1.0, math.Inf(1)
	if cp.fact >= 0 {
		if f := ev.factDecl(cp.fact); f != nil {
			if f.Step > 0 {
				step = f.Step
			}
			hi = f.Max
		}
	}
	target := p.Threshold
	if mr.Offset {
		// In a sum of net parts, a part may have to make up for the others' losses.
		deficit := 0.0
		for j := range mr.Parts {
			if j != pi && mr.Parts[j].Points < 0 {
				deficit -= mr.Parts[j].Points
			}
		}
		target += deficit * p.Per / p.PointsPer
	}
	target = math.Min(target, hi)
	var out []float64
	if cp.p.Whole {
		// Only whole multiples of Per earn points.
		k := math.Trunc(v0/cp.p.Per+math.Copysign(eps, v0)) + 1
		if v0 < 0 && !mr.Offset {
			k = 1
		}
		for v := k * cp.p.Per; v <= target+eps && len(out) < maxOptions; v += cp.p.Per {
			out = append(out, math.Ceil((v-v0)/step-eps)*step)
		}
		return out
	}
	start := 0.0
	if v0 < 0 && !mr.Offset {
		// A negative net value must first come back to zero.
		start = math.Ceil(-v0/step-eps) * step
	}
	for a := start + step; v0+a <= target+step-eps && v0+a <= hi+eps && len(out) < maxOptions; a += step {
		out = append(out, a)
	}
	return out
}

// factDecl is the declaration of fact fi in the versions evaluated.
func (ev *evaluation) factDecl(fi int) *Fact {
	for _, c := range ev.in.progs {
		if f, ok := c.declared[fi]; ok {
			return f
		}
	}
	return nil
}

// options enumerates the Pareto-optimal ways to change one metric, cheapest first.
func (e *Engine) options(ev *evaluation, cm *cmetric, mr *MetricResult) []option {
	nParts := len(cm.parts)
	// Gate moves: open each unmet gate or not.
	type gmove struct {
		cost  float64
		moves []move
	}
	gsets := []gmove{{}}
	for gi := range mr.Gates {
		g := &mr.Gates[gi]
		if g.Met {
			continue
		}
		need := float64(g.Required - g.People)
		next := gsets
		best, spill := ev.gateCerts(cm, gi)
		for k, ci := range [2]int{best, spill} {
			if ci < 0 {
				continue
			}
			parts := spillParts(cm, ev.e.certs[ci].ID)
			for _, s := range gsets {
				mv := append(append([]move(nil), s.moves...), move{lever: nParts + gi + k*len(cm.gates), add: need})
				for _, pi := range parts {
					mv = append(mv, move{lever: -1 - pi, add: need})
				}
				next = append(next, gmove{cost: s.cost + ev.in.plan.certCost[ci]*need, moves: mv})
			}
		}
		gsets = next
	}
	// Part moves.
	psets := []pmove{{}}
	partLevels := func(pi int) []pmove {
		c, _ := ev.unitCost(cm, pi)
		var out []pmove
		for _, a := range e.levels(ev, cm, pi, mr) {
			out = append(out, pmove{cost: c * a, moves: []move{{lever: pi, add: a}}})
		}
		return out
	}
	switch mr.Kind {
	case KindSum:
		lvs := make([][]pmove, nParts)
		total := 1
		for pi := range lvs {
			lvs[pi] = partLevels(pi)
			total *= len(lvs[pi]) + 1
		}
		if nParts == 2 && total > maxOptions {
			psets = sumPair(lvs[0], lvs[1], mr.Parts[0].PointsPer/mr.Parts[0].Per, mr.Parts[1].PointsPer/mr.Parts[1].Per,
				mr.Parts[0].Points+mr.Parts[1].Points)
			break
		}
		for pi := 0; pi < nParts; pi++ {
			next := psets
			for _, s := range psets {
				for _, l := range lvs[pi] {
					next = append(next, pmove{cost: s.cost + l.cost, moves: append(append([]move(nil), s.moves...), l.moves...)})
				}
			}
			psets = next
		}
	default:
		for pi := 0; pi < nParts; pi++ {
			psets = append(psets, partLevels(pi)...)
		}
	}
	var opts []option
	for _, g := range gsets {
		for _, p := range psets {
			moves := append(append([]move(nil), g.moves...), p.moves...)
			cost := g.cost + p.cost
			if math.IsInf(cost, 0) {
				continue
			}
			opts = append(opts, option{cost: cost, points: with(mr, moves), moves: moves})
		}
	}
	return pareto(opts, mr.Points <= 0)
}

// pareto keeps the options no other option beats (cheaper with as many points); when
// needPositive, options leaving the metric at zero are dropped.
func pareto(opts []option, needPositive bool) []option {
	stableSort(opts, func(a, b *option) bool {
		if a.cost != b.cost {
			return a.cost < b.cost
		}
		return a.points > b.points
	})
	out := opts[:0]
	bestPts := math.Inf(-1)
	for _, o := range opts {
		if needPositive && o.points <= eps {
			continue
		}
		if o.points > bestPts+eps {
			out = append(out, o)
			bestPts = o.points
		}
	}
	return out
}

// planTrack finds the cheapest additions that qualify one track, exactly: every metric's
// Pareto options are combined, all but the largest by pruned merging, the largest by
// binary search for the cheapest option that closes the remaining gap.
func (e *Engine) planTrack(ev *evaluation, ct *ctrack, qs float64) (*AreaPlan, string) {
	n := len(ct.metrics)
	cur := make([]MetricResult, n)
	fronts := make([][]option, n)
	order := make([]int, n)
	for mi := range ct.metrics {
		cur[mi] = ev.current(&ct.metrics[mi])
		fronts[mi] = e.options(ev, &ct.metrics[mi], &cur[mi])
		if len(fronts[mi]) == 0 {
			// Said with the names the result shows (track, metric, the fact's label), the
			// fact's id beside its label so that its field can be found.
			lang := ev.in.lang
			fr := lang == "fr"
			where := pick(fr, "", "parcours ") + ct.t.Name.In(lang) + pick(fr, " track, ", ", ") + cur[mi].Name + pick(fr, ": ", " : ")
			why := where + pick(fr, "no addition can make this metric count", "aucun ajout ne peut faire compter cette métrique")
			if cur[mi].Applied == AppliedPrerequisite {
				pr := &cur[mi].Prerequisite
				why = where + pick(fr, "the prerequisite “", "la condition « ") + pr.Name + pick(fr, "” (", " » (") + pr.Fact +
					") ≥ " + string(appendShort(nil, pr.AtLeast, lang, false)) +
					pick(fr, " is not met, and no addition a plan makes can change it", " n'est pas remplie, et aucun ajout d'un plan ne peut la changer")
			}
			return nil, why
		}
		order[mi] = mi
	}
	stableSort(order, func(i, j *int) bool { return len(fronts[*i]) < len(fronts[*j]) })
	type state struct {
		cost, points float64
		prev, opt    int
	}
	stages := make([][]state, n)
	states := []state{{prev: -1, opt: -1}}
	for k := 0; k < n-1; k++ {
		f := fronts[order[k]]
		next := make([]state, 0, len(states)*len(f))
		for si, s := range states {
			for oi, o := range f {
				next = append(next, state{cost: s.cost + o.cost, points: math.Min(qs, s.points+o.points), prev: si, opt: oi})
			}
		}
		stableSort(next, func(a, b *state) bool {
			if a.cost != b.cost {
				return a.cost < b.cost
			}
			return a.points > b.points
		})
		pruned := next[:0]
		bestPts := math.Inf(-1)
		for _, s := range next {
			if s.points > bestPts+eps {
				pruned = append(pruned, s)
				bestPts = s.points
			}
		}
		stages[k] = pruned
		states = pruned
	}
	last := fronts[order[n-1]]
	bestCost, bestS, bestO := math.Inf(1), -1, -1
	bestPts := 0.0
	for si, s := range states {
		need := qs - s.points - eps
		oi := sort.Search(len(last), func(i int) bool { return last[i].points >= need })
		if oi == len(last) {
			continue
		}
		c := s.cost + last[oi].cost
		if c < bestCost-eps || (math.Abs(c-bestCost) <= eps && s.points+last[oi].points > bestPts) {
			bestCost, bestS, bestO, bestPts = c, si, oi, s.points+last[oi].points
		}
	}
	if bestS < 0 {
		// Said with the track's name, as the result shows it: the best score any additions
		// reach, and the qualifying score it falls short of.
		lang := ev.in.lang
		fr := lang == "fr"
		high := 0.0
		if len(last) > 0 {
			for _, s := range states {
				high = math.Max(high, s.points+last[len(last)-1].points)
			}
		}
		return nil, pick(fr, "", "parcours ") + ct.t.Name.In(lang) + pick(fr, " track: the highest reachable score is ", " : le score le plus haut atteignable est ") +
			string(appendShort(nil, high, lang, false)) + pick(fr, ", below ", ", sous ") + string(appendShort(nil, qs, lang, false))
	}
	// Walk back the chosen options.
	chosen := make([]int, n)
	chosen[order[n-1]] = bestO
	si := bestS
	for k := n - 2; k >= 0; k-- {
		s := stages[k][si]
		chosen[order[k]] = s.opt
		si = s.prev
	}
	p := &AreaPlan{Reachable: true, Track: ct.t.ID, Cost: bestCost, Steps: []PlanStep{}}
	for mi := range ct.metrics {
		o := fronts[mi][chosen[mi]]
		p.Score += o.points
		cm := &ct.metrics[mi]
		for _, mv := range o.moves {
			if mv.add <= 0 {
				continue
			}
			if mv.lever < 0 {
				continue // the people of a gate's step, counted again: no step of their own
			}
			st := PlanStep{Metric: cm.m.ID, Add: mv.add, Points: o.points, Unit: "people"}
			if mv.lever < len(cm.parts) {
				cp := &cm.parts[mv.lever]
				c, cert := ev.unitCost(cm, mv.lever)
				st.Lever, st.Fact, st.Unit, st.Cost, st.Certification = cp.p.ID, cp.p.Fact, cp.unit, c*mv.add, cert
			} else {
				gi := (mv.lever - len(cm.parts)) % len(cm.gates)
				ci, spill := ev.gateCerts(cm, gi)
				if mv.lever-len(cm.parts) >= len(cm.gates) {
					ci = spill
				}
				st.Lever, st.Cost, st.Certification = cm.gates[gi].g.ID, ev.in.plan.certCost[ci]*mv.add, ev.e.certs[ci].ID
			}
			p.Steps = append(p.Steps, st)
		}
	}
	return p, ""
}

// gaps says, for each part and unmet gate of a metric, what more would give.
func (e *Engine) gaps(ev *evaluation, cm *cmetric, mr *MetricResult) []Gap {
	var out []Gap
	// Gaps of parts are measured with every gate met; gate gaps say what meeting every
	// unmet gate gives with the people already counted.
	var openGates []move
	for gi := range mr.Gates {
		if g := &mr.Gates[gi]; !g.Met {
			openGates = append(openGates, move{lever: len(mr.Parts) + gi, add: float64(g.Required - g.People)})
		}
	}
	base := mr.Points
	if len(openGates) > 0 {
		base = with(mr, openGates)
	}
	for pi := range cm.parts {
		p := &mr.Parts[pi]
		add := math.Max(0, p.Threshold-p.Value)
		if mr.Kind == KindSum && p.PointsPer > 0 {
			// The parts add up: what the others earn counts toward the maximum, so fewer
			// units may reach it than the part's own threshold says.
			steps := (mr.Max - base) / p.PointsPer // steps of Per still worth points
			v := p.Value
			if v < 0 && !mr.Offset {
				v = 0 // a net loss earns nothing until it is made up
			}
			target := v + steps*p.Per
			if p.Whole {
				target = (math.Floor(v/p.Per+eps) + math.Ceil(steps-eps)) * p.Per
			}
			add = math.Min(add, math.Max(0, target-p.Value))
		}
		if cm.parts[pi].fact < 0 || (cm.parts[pi].fact >= 0 && e.facts[cm.parts[pi].fact].integer) {
			add = math.Ceil(add - eps)
		}
		g := Gap{Metric: mr.ID, Lever: p.ID, Fact: p.Fact, Certifications: cm.parts[pi].p.Certifications, Unit: p.Unit, Value: p.Value,
			Add: add, PointsPerUnit: p.PointsPer / p.Per}
		if p.Whole {
			g.PointsPerUnit = 0
		}
		if add > 0 {
			g.Points = math.Max(0, with(mr, append([]move{{lever: pi, add: add}}, openGates...))-base)
		}
		out = append(out, g)
	}
	for gi := range mr.Gates {
		gr := &mr.Gates[gi]
		if gr.Met {
			continue
		}
		add := float64(gr.Required - gr.People)
		out = append(out, Gap{Metric: mr.ID, Lever: gr.ID, Certifications: gr.Certifications, Unit: "people", Value: float64(gr.People),
			Add: add, Points: math.Max(0, base-mr.Points)})
	}
	return out
}

func (pl *AreaPlan) appendJSON(b []byte) []byte {
	b = append(b, `{"gaps":[`...)
	for i := range pl.Gaps {
		g := &pl.Gaps[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"metric":`, g.Metric)
		b = kstr(b, `,"lever":`, g.Lever)
		b = optStr(b, `,"fact":`, g.Fact)
		if len(g.Certifications) > 0 {
			b = append(b, `,"certifications":`...)
			b = appendStrs(b, g.Certifications)
		}
		b = kstr(b, `,"unit":`, g.Unit)
		b = knum(b, `,"value":`, g.Value)
		b = knum(b, `,"add":`, g.Add)
		b = knum(b, `,"points":`, g.Points)
		b = knum(b, `,"pointsPerUnit":`, g.PointsPerUnit)
		b = append(b, '}')
	}
	b = kbool(b, `],"reachable":`, pl.Reachable)
	b = optStr(b, `,"reason":`, pl.Reason)
	b = optStr(b, `,"track":`, pl.Track)
	b = knum(b, `,"cost":`, pl.Cost)
	b = knum(b, `,"score":`, pl.Score)
	b = append(b, `,"steps":[`...)
	for i := range pl.Steps {
		s := &pl.Steps[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"metric":`, s.Metric)
		b = kstr(b, `,"lever":`, s.Lever)
		b = optStr(b, `,"fact":`, s.Fact)
		b = optStr(b, `,"certification":`, s.Certification)
		b = knum(b, `,"add":`, s.Add)
		b = kstr(b, `,"unit":`, s.Unit)
		b = knum(b, `,"cost":`, s.Cost)
		b = knum(b, `,"points":`, s.Points)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// pick returns en, or fr when fr is set.
func pick(fr bool, en, frText string) string {
	if fr {
		return frText
	}
	return en
}
