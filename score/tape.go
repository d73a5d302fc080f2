package score

import (
	"math"
	"math/bits"
)

// A Tape holds a result in a binary form that a JavaScript decoder in the same page turns
// into the very objects JSON.parse makes of the result's JSON (same keys, same order, same
// values), a few times faster than JSON.parse and with no number or string formatting on
// the Go side: the browser engine's transport (wasm/browser, site/js/tape.js). It is not a
// storage or wire format: its strings refer to the engine's table (Engine.TapeTableJSON),
// which only the engine that wrote the tape can give.
//
// Ops is a sequence of values, each an op byte and what follows it (integers little-endian):
//
//	0x01 object   pairs of a key byte (an index into the table's keys, never 0 or 0xff)
//	              and a value, or 0xff and a heap string (uint32 n, as 0x04) holding members
//	              written as a JSON object, added in their order; until a 0x00 byte
//	0x02 array    values until a 0x00 byte
//	0x03 static   uint16: an index into the table's strings
//	0x04 string   uint32 n: the next n UTF-16 code units of the heap
//	0x05 number   float64
//	0x06 true, 0x07 false, 0x08 null
//	0x09 JSON     a heap string (uint32 n, as 0x04) holding a value written as JSON
//	0x80+n        the integer n, 0 ≤ n < 128
//
// Heap is UTF-8 text, the strings of Ops in their order (a decoder decodes it once and
// takes each string from where the previous one ended). A result's strings are valid UTF-8
// when the engine made it; one built by hand with strings that are not gives a heap that
// is not either, which a decoder refuses (site/js/tape.js then asks for the JSON, where
// each invalid byte is written U+FFFD).
type Tape struct {
	Ops  []byte
	Heap []byte
	tab  *tapeTable // set while the engine writes fragments at load time: strings go in the table
}

const (
	tapeEnd     = 0x00
	tapeObject  = 0x01
	tapeArray   = 0x02
	tapeStatic  = 0x03
	tapeString  = 0x04
	tapeNumber  = 0x05
	tapeTrue    = 0x06
	tapeFalse   = 0x07
	tapeNull    = 0x08
	tapeJSON    = 0x09
	tapeMembers = 0xff // in place of a key
	tapeSmall   = 0x80
)

// The keys a tape's objects use, by their byte.
const (
	tkAsOf = 1 + iota
	tkLang
	tkPrograms
	tkWarnings
	tkCode
	tkProgram
	tkCertification
	tkFact
	tkDate
	tkRetires
	tkPeople
	tkMessage
	tkID
	tkName
	tkVersion
	tkEffectiveFrom
	tkEffectiveTo
	tkQualified
	tkAreas
	tkSources
	tkTitle
	tkURL
	tkCopy
	tkRetrieved
	tkTrack
	tkSelection
	tkKind
	tkValue
	tkGiven
	tkAtLeast
	tkScore
	tkMax
	tkQualifyingScore
	tkShortfall
	tkZeroMetrics
	tkTracks
	tkCounts
	tkMetrics
	tkPlan
	tkCategory
	tkPoints
	tkApplied
	tkUnit
	tkThreshold
	tkOffset
	tkBest
	tkParts
	tkPointsPer
	tkPer
	tkWhole
	tkGates
	tkCertifications
	tkRequired
	tkMet
	tkPrerequisite
	tkSource
	tkAssumption
	tkReason
	tkFrom
	tkExplanation
	tkOK
	tkResult
	tkCount // the number of keys, plus one
)

// A key byte is neither tapeEnd nor tapeMembers.
var _ = [tapeMembers - tkCount]struct{}{}

var tapeKeys = [tkCount]string{
	tkAsOf: "asOf", tkLang: "lang", tkPrograms: "programs", tkWarnings: "warnings", tkCode: "code",
	tkProgram: "program", tkCertification: "certification", tkFact: "fact", tkDate: "date",
	tkRetires: "retires", tkPeople: "people", tkMessage: "message", tkID: "id", tkName: "name",
	tkVersion: "version", tkEffectiveFrom: "effectiveFrom", tkEffectiveTo: "effectiveTo",
	tkQualified: "qualified", tkAreas: "areas", tkSources: "sources", tkTitle: "title", tkURL: "url",
	tkCopy: "copy", tkRetrieved: "retrieved", tkTrack: "track", tkSelection: "selection",
	tkKind: "kind", tkValue: "value", tkGiven: "given", tkAtLeast: "atLeast", tkScore: "score",
	tkMax: "max", tkQualifyingScore: "qualifyingScore", tkShortfall: "shortfall",
	tkZeroMetrics: "zeroMetrics", tkTracks: "tracks", tkCounts: "counts", tkMetrics: "metrics",
	tkPlan: "plan", tkCategory: "category", tkPoints: "points", tkApplied: "applied", tkUnit: "unit",
	tkThreshold: "threshold", tkOffset: "offset", tkBest: "best", tkParts: "parts",
	tkPointsPer: "pointsPer", tkPer: "per", tkWhole: "whole", tkGates: "gates",
	tkCertifications: "certifications", tkRequired: "required", tkMet: "met",
	tkPrerequisite: "prerequisite", tkSource: "source", tkAssumption: "assumption",
	tkReason: "reason", tkFrom: "from", tkExplanation: "explanation", tkOK: "ok", tkResult: "result",
}

// tapeTable is the engine's table of strings: those of the rule data that tapes refer to
// by index (names, ids, units, sources), filled once while the engine is built.
type tapeTable struct {
	index   map[string]int
	strings []string
}

func (tt *tapeTable) add(s string) (int, bool) {
	if i, ok := tt.index[s]; ok {
		return i, true
	}
	if len(tt.strings) > math.MaxUint16 {
		return 0, false
	}
	if tt.index == nil {
		tt.index = map[string]int{}
	}
	tt.index[s] = len(tt.strings)
	tt.strings = append(tt.strings, s)
	return len(tt.strings) - 1, true
}

// TapeTableJSON appends the table that the engine's tapes refer to, as JSON:
// {"keys":[…],"strings":[…]}, where keys[k] is the key of byte k (keys[0] is "").
//
// The table grows when a version is first evaluated (an engine of New compiles each on its
// first use): a tape refers only to strings of the table as it was when the tape was
// written, and TapeTableLen tells whether a copy taken earlier has them all.
func (e *Engine) TapeTableJSON(b []byte) []byte {
	e.tapeMu.Lock()
	strs := e.tape.strings // appended to, never changed: this slice stays as it is
	e.tapeMu.Unlock()
	b = append(b, `{"keys":`...)
	b = appendStrs(b, tapeKeys[:])
	b = append(b, `,"strings":`...)
	b = appendStrs(b, strs)
	return append(b, '}')
}

// TapeTableLen is the number of strings in the table (the length of TapeTableJSON's
// "strings"): a copy of the table with fewer may lack strings a new tape refers to.
func (e *Engine) TapeTableLen() int {
	e.tapeMu.Lock()
	n := len(e.tape.strings)
	e.tapeMu.Unlock()
	return n
}

// SetOutcome makes the tape hold {"ok":true,"result":r}, what the browser engine's
// evaluate answers.
func (t *Tape) SetOutcome(r *Result) {
	t.Ops, t.Heap = t.Ops[:0], t.Heap[:0]
	t.obj()
	t.key(tkOK)
	t.Ops = append(t.Ops, tapeTrue)
	t.key(tkResult)
	t.result(r)
	t.end()
}

// SetJSON makes the tape hold the value written as JSON in text (an answer the engine
// has as JSON only, such as a failure's).
func (t *Tape) SetJSON(text []byte) {
	t.Ops, t.Heap = t.Ops[:0], t.Heap[:0]
	mark := len(t.Heap)
	t.Heap = append(t.Heap, text...)
	t.heapDone(tapeJSON, mark)
}

func (t *Tape) obj()        { t.Ops = append(t.Ops, tapeObject) }
func (t *Tape) arr()        { t.Ops = append(t.Ops, tapeArray) }
func (t *Tape) end()        { t.Ops = append(t.Ops, tapeEnd) }
func (t *Tape) key(k uint8) { t.Ops = append(t.Ops, k) }

func (t *Tape) str(s string) { t.ks(0, s) }

// ks writes a key (unless k is 0) and a string, in one append of the ops (each append is
// costly in WebAssembly).
func (t *Tape) ks(k uint8, s string) {
	if t.tab != nil {
		if i, ok := t.tab.add(s); ok {
			if k != 0 {
				t.Ops = append(t.Ops, k)
			}
			t.Ops = append(t.Ops, tapeStatic, byte(i), byte(i>>8))
			return
		}
	}
	mark := len(t.Heap)
	t.Heap = append(t.Heap, s...)
	t.heapOp(k, tapeString, mark)
}

// heapDone writes the op of the heap string begun at mark: op, then its length in UTF-16
// code units.
func (t *Tape) heapDone(op byte, mark int) { t.heapOp(0, op, mark) }

// heapOp is heapDone after the key k, unless k is 0.
func (t *Tape) heapOp(k uint8, op byte, mark int) {
	n := utf16Len(t.Heap[mark:])
	if k != 0 {
		t.Ops = append(t.Ops, k, op, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	} else {
		t.Ops = append(t.Ops, op, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
}

// utf16Len returns the length in UTF-16 code units of s, UTF-8: its bytes less its
// continuation bytes (10xxxxxx), plus one for each 4-byte form (11110xxx: a surrogate
// pair); eight bytes at a time. (It counts text that is not valid UTF-8 somehow: a decoder
// refuses such a heap, see Tape.)
func utf16Len(s []byte) int {
	const high = 0x8080808080808080
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&high == 0 {
			continue
		}
		n -= bits.OnesCount64(w &^ (w << 1) & high)
		n += bits.OnesCount64(w & (w << 1) & (w << 2) & (w << 3) & high)
	}
	for ; i < len(s); i++ {
		if c := s[i]; c&0xc0 == 0x80 {
			n--
		} else if c >= 0xf0 {
			n++
		}
	}
	return n
}

// num writes a number: a byte for an integer from 0 to 127 (-0 too, which JSON writes as
// 0), null for NaN and the infinities (as JSON has it), else the float64. No call to package
// math: the wasm build inlines nothing in package score.
func (t *Tape) num(v float64) {
	switch {
	case v >= 0 && v < 128 && float64(int(v)) == v:
		t.Ops = append(t.Ops, tapeSmall|byte(v))
	case v-v != 0: // NaN or ±Inf
		t.Ops = append(t.Ops, tapeNull)
	default:
		u := math.Float64bits(v)
		t.Ops = append(t.Ops, tapeNumber, byte(u), byte(u>>8), byte(u>>16), byte(u>>24), byte(u>>32), byte(u>>40), byte(u>>48), byte(u>>56))
	}
}

func (t *Tape) boolean(v bool) {
	if v {
		t.Ops = append(t.Ops, tapeTrue)
	} else {
		t.Ops = append(t.Ops, tapeFalse)
	}
}

// kn and kb write a key and its value, in one append where they can.
func (t *Tape) kn(k uint8, v float64) {
	if v >= 0 && v < 128 && float64(int(v)) == v {
		t.Ops = append(t.Ops, k, tapeSmall|byte(v))
		return
	}
	t.key(k)
	t.num(v)
}

func (t *Tape) kb(k uint8, v bool) {
	op := byte(tapeFalse)
	if v {
		op = tapeTrue
	}
	t.Ops = append(t.Ops, k, op)
}

// opt writes a key and a string unless the string is empty (optStr's).
func (t *Tape) opt(k uint8, s string) {
	if s != "" {
		t.ks(k, s)
	}
}

func (t *Tape) strs(ss []string) {
	t.arr()
	for _, s := range ss {
		t.str(s)
	}
	t.end()
}

// members writes, in place of a key, the members the JSON encoder wrote into the heap
// from mark (",\"k\":v…", or nothing), as a JSON object.
func (t *Tape) members(mark int) {
	if len(t.Heap) == mark {
		return
	}
	t.Heap[mark] = '{'
	t.Heap = append(t.Heap, '}')
	t.heapDone(tapeMembers, mark)
}

// result, program, area and metric write what AppendJSON and its helpers write, in the
// same order; a test compares the two for every profile of the tests and the fuzzer.
func (t *Tape) result(r *Result) {
	lang := r.Lang
	t.obj()
	t.ks(tkAsOf, r.AsOf)
	t.ks(tkLang, r.Lang)
	t.key(tkPrograms)
	t.arr()
	for i := range r.Programs {
		t.program(&r.Programs[i], lang)
	}
	t.end()
	t.key(tkWarnings)
	t.arr()
	for i := range r.Warnings {
		w := &r.Warnings[i]
		t.obj()
		t.ks(tkCode, w.Code)
		t.opt(tkProgram, w.Program)
		t.opt(tkCertification, w.Certification)
		t.opt(tkFact, w.Fact)
		t.opt(tkDate, w.Date)
		t.opt(tkRetires, w.Retires)
		if w.People != 0 {
			t.kn(tkPeople, float64(w.People))
		}
		t.key(tkMessage)
		if w.Message != "" {
			t.str(w.Message)
		} else {
			mark := len(t.Heap)
			t.Heap = w.appendText(t.Heap, lang, false)
			t.heapDone(tapeString, mark)
		}
		t.end()
	}
	t.end()
	mark := len(t.Heap)
	t.Heap = r.appendTime(t.Heap)
	t.members(mark)
	t.end()
}

func (t *Tape) program(p *ProgramResult, lang string) {
	t.obj()
	t.ks(tkID, p.ID)
	t.ks(tkName, p.Name)
	t.ks(tkVersion, p.Version)
	t.ks(tkEffectiveFrom, p.EffectiveFrom)
	t.opt(tkEffectiveTo, p.EffectiveTo)
	t.key(tkQualified)
	t.strs(p.Qualified)
	t.key(tkAreas)
	t.arr()
	for i := range p.Areas {
		t.area(&p.Areas[i], lang)
	}
	t.end()
	mark := len(t.Heap)
	t.Heap = appendModelSections(t.Heap, p)
	t.members(mark)
	if d := p.builtinSources(); d != nil {
		t.Ops = append(t.Ops, d.sourcesTape...)
	} else {
		t.sources(p.Sources)
	}
	t.end()
}

func (t *Tape) sources(ss []Source) {
	t.key(tkSources)
	t.arr()
	for i := range ss {
		s := &ss[i]
		t.obj()
		t.ks(tkID, s.ID)
		t.ks(tkTitle, s.Title)
		t.opt(tkLang, s.Lang)
		t.ks(tkURL, s.URL)
		t.opt(tkCopy, s.Copy)
		t.ks(tkRetrieved, s.Retrieved)
		t.end()
	}
	t.end()
}

func (t *Tape) area(a *AreaResult, lang string) {
	t.obj()
	t.ks(tkID, a.ID)
	t.ks(tkName, a.Name)
	t.ks(tkTrack, a.Track)
	t.key(tkSelection)
	t.obj()
	t.ks(tkKind, a.Selection.Kind)
	t.opt(tkFact, a.Selection.Fact)
	if a.Selection.Value != 0 {
		t.kn(tkValue, a.Selection.Value)
	}
	if a.Selection.Given {
		t.kb(tkGiven, true)
	}
	if a.Selection.AtLeast != 0 {
		t.kn(tkAtLeast, a.Selection.AtLeast)
	}
	t.end()
	t.kn(tkScore, a.Score)
	t.kn(tkMax, a.Max)
	t.kn(tkQualifyingScore, a.QualifyingScore)
	t.kb(tkQualified, a.Qualified)
	t.kn(tkShortfall, a.Shortfall)
	t.kn(tkZeroMetrics, float64(a.ZeroMetrics))
	t.key(tkTracks)
	t.arr()
	for i := range a.Tracks {
		tr := &a.Tracks[i]
		t.obj()
		t.ks(tkID, tr.ID)
		t.ks(tkName, tr.Name)
		t.kn(tkScore, tr.Score)
		t.kb(tkQualified, tr.Qualified)
		t.kb(tkCounts, tr.Counts)
		t.end()
	}
	t.end()
	t.key(tkMetrics)
	t.arr()
	for i := range a.Metrics {
		t.metric(&a.Metrics[i], lang)
	}
	t.end()
	if a.Plan != nil {
		t.key(tkPlan)
		mark := len(t.Heap)
		t.Heap = a.Plan.appendJSON(t.Heap)
		t.heapDone(tapeJSON, mark)
	}
	t.end()
}

// metricHead, partHead, partStatic and gateHead write what their JSON namesakes write; the
// engine writes them once per metric (and language) at load time, strings in its table.
func (t *Tape) metricHead(m *MetricResult) {
	t.obj()
	t.ks(tkID, m.ID)
	t.ks(tkName, m.Name)
	t.ks(tkCategory, m.Category)
	t.ks(tkKind, m.Kind)
	t.kn(tkMax, m.Max)
}

func (t *Tape) partHead(p *PartResult) {
	t.obj()
	t.ks(tkID, p.ID)
	t.opt(tkName, p.Name)
	t.opt(tkFact, p.Fact)
}

func (t *Tape) partStatic(p *PartResult) {
	t.ks(tkUnit, p.Unit)
	t.kn(tkPointsPer, p.PointsPer)
	t.kn(tkPer, p.Per)
	if p.Whole {
		t.kb(tkWhole, true)
	}
	t.kn(tkThreshold, p.Threshold)
}

func (t *Tape) gateHead(g *GateResult) {
	t.obj()
	t.ks(tkID, g.ID)
	t.opt(tkName, g.Name)
	t.key(tkCertifications)
	t.strs(g.Certifications)
}

func (t *Tape) metric(m *MetricResult, lang string) {
	d := m.compiled()
	if d != nil {
		t.Ops = append(t.Ops, d.tape.head[langIndex(lang)]...)
	} else {
		t.metricHead(m)
	}
	safe := d != nil
	t.kn(tkPoints, m.Points)
	t.kstr(tkApplied, m.Applied, safe)
	t.kn(tkValue, m.Value)
	t.kstr(tkUnit, m.Unit, safe)
	t.kn(tkThreshold, m.Threshold)
	if m.Offset {
		t.Ops = append(t.Ops, tkOffset, tapeTrue)
	}
	if m.Best != "" {
		t.kstr(tkBest, m.Best, safe)
	}
	t.Ops = append(t.Ops, tkParts, tapeArray)
	for i := range m.Parts {
		p := &m.Parts[i]
		if d != nil {
			t.Ops = append(t.Ops, d.parts[i].tape.head[langIndex(lang)]...)
		} else {
			t.partHead(p)
		}
		t.kn(tkValue, p.Value)
		t.kb(tkGiven, p.Given)
		if d != nil {
			t.Ops = append(t.Ops, d.parts[i].tape.static...)
		} else {
			t.partStatic(p)
		}
		t.kn(tkPoints, p.Points)
		t.Ops = append(t.Ops, tapeEnd)
	}
	t.Ops = append(t.Ops, tapeEnd)
	if len(m.Gates) > 0 {
		t.Ops = append(t.Ops, tkGates, tapeArray)
		for i := range m.Gates {
			g := &m.Gates[i]
			if d != nil {
				t.Ops = append(t.Ops, d.gates[i].tape[langIndex(lang)]...)
			} else {
				t.gateHead(g)
			}
			t.kn(tkPeople, float64(g.People))
			t.kn(tkRequired, float64(g.Required))
			t.kb(tkMet, g.Met)
			t.kn(tkPoints, g.Points)
			t.Ops = append(t.Ops, tapeEnd)
		}
		t.Ops = append(t.Ops, tapeEnd)
	}
	if pr := &m.Prerequisite; pr.Fact != "" {
		t.Ops = append(t.Ops, tkPrerequisite, tapeObject)
		t.kstr(tkFact, pr.Fact, safe)
		t.ks(tkName, pr.Name)
		t.kn(tkValue, pr.Value)
		t.kn(tkAtLeast, pr.AtLeast)
		t.kb(tkMet, pr.Met)
		t.Ops = append(t.Ops, tapeEnd)
	}
	t.kstr(tkSource, m.Source, safe)
	if a := m.Assumption; a != nil {
		t.Ops = append(t.Ops, tkAssumption, tapeObject)
		t.ks(tkReason, a.Reason)
		t.ks(tkFrom, a.From)
		t.ks(tkSource, a.Source)
		t.Ops = append(t.Ops, tapeEnd)
	}
	t.Ops = append(t.Ops, tkExplanation)
	if m.Explanation != "" {
		t.str(m.Explanation)
	} else {
		mark := len(t.Heap)
		t.Heap = m.appendExplanation(t.Heap, lang, false)
		t.heapDone(tapeString, mark)
	}
	t.Ops = append(t.Ops, tapeEnd)
}

// kstr writes a key and a string; safe says the engine checked at load time that the string
// is ASCII (ids, units and constants of the rule data, as for the JSON encoder's quoted).
func (t *Tape) kstr(k uint8, s string, safe bool) {
	if !safe || t.tab != nil {
		t.ks(k, s)
		return
	}
	t.Heap = append(t.Heap, s...)
	n := len(s)
	t.Ops = append(t.Ops, k, tapeString, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
}

// tapeFragments are a compiled metric's static fields as tape ops, made once (precompute).
type tapeFragments struct {
	head [2][]byte // per language (metricHead)
}

type tapePart struct {
	head   [2][]byte // partHead, per language
	static []byte    // partStatic
}

// precomputeTape writes the metric's static tape fragments, strings in tab.
func (cm *cmetric) precomputeTape(tab *tapeTable) {
	m := cm.m
	t := &Tape{tab: tab}
	frag := func(write func()) []byte {
		t.Ops = nil
		write()
		return t.Ops
	}
	for li, lang := range fragmentLangs {
		cm.tape.head[li] = frag(func() {
			t.metricHead(&MetricResult{ID: m.ID, Name: m.Name.In(lang), Category: m.Category, Kind: m.Rule.Kind, Max: m.Max})
		})
	}
	for i := range cm.parts {
		cp := &cm.parts[i]
		for li, lang := range fragmentLangs {
			pr := cp.result(lang)
			cp.tape.head[li] = frag(func() { t.partHead(&pr) })
		}
		pr := cp.result("en")
		cp.tape.static = frag(func() { t.partStatic(&pr) })
	}
	for i := range cm.gates {
		g := &cm.gates[i]
		for li, lang := range fragmentLangs {
			gr := g.result(lang)
			g.tape[li] = frag(func() { t.gateHead(&gr) })
		}
	}
}
