package score

import "unicode/utf8"

// MarshalJSON encodes the result as described by schemas/result.schema.json, rendering
// each metric's explanation and each warning's message in the result's language.
func (r Result) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(make([]byte, 0, 8192)), nil
}

// AppendJSON appends the result's JSON encoding to b. It is MarshalJSON without the copy
// encoding/json makes, for streaming adapters.
func (r *Result) AppendJSON(b []byte) []byte {
	lang := r.Lang
	b = kstr(b, `{"asOf":`, r.AsOf)
	b = kstr(b, `,"lang":`, r.Lang)
	b = append(b, `,"programs":[`...)
	for i := range r.Programs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendProgram(b, &r.Programs[i], lang)
	}
	b = append(b, `],"warnings":[`...)
	for i := range r.Warnings {
		w := &r.Warnings[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"code":`, w.Code)
		b = optStr(b, `,"program":`, w.Program)
		b = optStr(b, `,"certification":`, w.Certification)
		b = optStr(b, `,"fact":`, w.Fact)
		b = optStr(b, `,"date":`, w.Date)
		b = optStr(b, `,"retires":`, w.Retires)
		if w.People != 0 {
			b = kint(b, `,"people":`, int64(w.People))
		}
		b = append(b, `,"message":`...)
		if w.Message != "" {
			b = appendStr(b, w.Message)
		} else {
			b = append(b, '"')
			b = w.appendText(b, lang, true)
			b = append(b, '"')
		}
		b = append(b, '}')
	}
	b = append(b, ']')
	b = r.appendTime(b)
	return append(b, '}')
}

func appendProgram(b []byte, p *ProgramResult, lang string) []byte {
	b = kstr(b, `{"id":`, p.ID)
	b = kstr(b, `,"name":`, p.Name)
	b = kstr(b, `,"version":`, p.Version)
	b = kstr(b, `,"effectiveFrom":`, p.EffectiveFrom)
	b = optStr(b, `,"effectiveTo":`, p.EffectiveTo)
	b = append(b, `,"qualified":[`...)
	for i, q := range p.Qualified {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStr(b, q)
	}
	b = append(b, `],"areas":[`...)
	for i := range p.Areas {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendArea(b, &p.Areas[i], lang)
	}
	b = append(b, ']')
	b = appendModelSections(b, p)
	if d := p.builtinSources(); d != nil {
		b = append(b, ',')
		b = append(b, d.sourcesJSON...)
		return append(b, '}')
	}
	b = append(b, `,"sources":[`...)
	for i := range p.Sources {
		s := &p.Sources[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, s.ID)
		b = kstr(b, `,"title":`, s.Title)
		b = optStr(b, `,"lang":`, s.Lang)
		b = kstr(b, `,"url":`, s.URL)
		b = optStr(b, `,"copy":`, s.Copy)
		b = kstr(b, `,"retrieved":`, s.Retrieved)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// builtinSources returns the compiled program whose sources p holds unchanged (their
// encodings were made once), or nil.
func (p *ProgramResult) builtinSources() *compiled {
	if d := p.def; d != nil && len(p.Sources) == len(d.p.Sources) && (len(p.Sources) == 0 || &p.Sources[0] == &d.p.Sources[0]) {
		return d
	}
	return nil
}

func appendArea(b []byte, a *AreaResult, lang string) []byte {
	b = kstr(b, `{"id":`, a.ID)
	b = kstr(b, `,"name":`, a.Name)
	b = kstr(b, `,"track":`, a.Track)
	b = kstr(b, `,"selection":{"kind":`, a.Selection.Kind)
	b = optStr(b, `,"fact":`, a.Selection.Fact)
	if a.Selection.Value != 0 {
		b = knum(b, `,"value":`, a.Selection.Value)
	}
	if a.Selection.Given {
		b = append(b, `,"given":true`...)
	}
	if a.Selection.AtLeast != 0 {
		b = knum(b, `,"atLeast":`, a.Selection.AtLeast)
	}
	b = knum(b, `},"score":`, a.Score)
	b = knum(b, `,"max":`, a.Max)
	b = knum(b, `,"qualifyingScore":`, a.QualifyingScore)
	b = kbool(b, `,"qualified":`, a.Qualified)
	b = knum(b, `,"shortfall":`, a.Shortfall)
	b = kint(b, `,"zeroMetrics":`, int64(a.ZeroMetrics))
	b = append(b, `,"tracks":[`...)
	for i := range a.Tracks {
		t := &a.Tracks[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, t.ID)
		b = kstr(b, `,"name":`, t.Name)
		b = knum(b, `,"score":`, t.Score)
		b = kbool(b, `,"qualified":`, t.Qualified)
		b = kbool(b, `,"counts":`, t.Counts)
		b = append(b, '}')
	}
	b = append(b, `],"metrics":[`...)
	for i := range a.Metrics {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendMetric(b, &a.Metrics[i], lang)
	}
	b = append(b, ']')
	if a.Plan != nil {
		b = append(b, `,"plan":`...)
		b = a.Plan.appendJSON(b)
	}
	return append(b, '}')
}

// metricHead, partHead, partStatic and gateHead encode the parts of a metric that come
// from the rule data; the engine encodes them once per metric and language, on the first
// evaluation of the metric's version (see cmetric.precompute), and appendMetric copies them.
func metricHead(b []byte, m *MetricResult) []byte {
	b = kstr(b, `{"id":`, m.ID)
	b = kstr(b, `,"name":`, m.Name)
	b = kstr(b, `,"category":`, m.Category)
	b = kstr(b, `,"kind":`, m.Kind)
	b = append(b, `,"max":`...)
	return appendNum(b, m.Max)
}

func partHead(b []byte, p *PartResult) []byte {
	b = kstr(b, `{"id":`, p.ID)
	b = optStr(b, `,"name":`, p.Name)
	return optStr(b, `,"fact":`, p.Fact)
}

func partStatic(b []byte, p *PartResult) []byte {
	b = kstr(b, `,"unit":`, p.Unit)
	b = knum(b, `,"pointsPer":`, p.PointsPer)
	b = knum(b, `,"per":`, p.Per)
	if p.Whole {
		b = append(b, `,"whole":true`...)
	}
	b = append(b, `,"threshold":`...)
	return appendNum(b, p.Threshold)
}

func gateHead(b []byte, g *GateResult) []byte {
	b = kstr(b, `{"id":`, g.ID)
	b = optStr(b, `,"name":`, g.Name)
	b = append(b, `,"certifications":`...)
	return appendStrs(b, g.Certifications)
}

// fragmentLangs are the languages of precomputed fragments, at their langIndex (read-only).
var fragmentLangs = [2]string{"en", "fr"}

// langIndex is the index of a language in precomputed fragments.
func langIndex(lang string) int {
	if lang == "fr" {
		return 1
	}
	return 0
}

func appendMetric(b []byte, m *MetricResult, lang string) []byte {
	d := m.compiled()
	if d != nil {
		b = append(b, d.head[langIndex(lang)]...)
	} else {
		b = metricHead(b, m)
	}
	b = knum(b, `,"points":`, m.Points)
	b = append(b, `,"applied":`...)
	b = quoted(b, m.Applied, d != nil)
	b = knum(b, `,"value":`, m.Value)
	b = append(b, `,"unit":`...)
	b = quoted(b, m.Unit, d != nil)
	b = knum(b, `,"threshold":`, m.Threshold)
	if m.Offset {
		b = append(b, `,"offset":true`...)
	}
	if m.Best != "" {
		b = append(b, `,"best":`...)
		b = quoted(b, m.Best, d != nil)
	}
	b = append(b, `,"parts":[`...)
	for i := range m.Parts {
		p := &m.Parts[i]
		if i > 0 {
			b = append(b, ',')
		}
		if d != nil {
			b = append(b, d.parts[i].head[langIndex(lang)]...)
		} else {
			b = partHead(b, p)
		}
		b = knum(b, `,"value":`, p.Value)
		b = kbool(b, `,"given":`, p.Given)
		if d != nil {
			b = append(b, d.parts[i].static...)
		} else {
			b = partStatic(b, p)
		}
		b = knum(b, `,"points":`, p.Points)
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(m.Gates) > 0 {
		b = append(b, `,"gates":[`...)
		for i := range m.Gates {
			g := &m.Gates[i]
			if i > 0 {
				b = append(b, ',')
			}
			if d != nil {
				b = append(b, d.gates[i].head[langIndex(lang)]...)
			} else {
				b = gateHead(b, g)
			}
			b = kint(b, `,"people":`, int64(g.People))
			b = kint(b, `,"required":`, int64(g.Required))
			b = kbool(b, `,"met":`, g.Met)
			b = knum(b, `,"points":`, g.Points)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if pr := &m.Prerequisite; pr.Fact != "" {
		b = append(b, `,"prerequisite":{"fact":`...)
		b = quoted(b, pr.Fact, d != nil)
		b = kstr(b, `,"name":`, pr.Name)
		b = knum(b, `,"value":`, pr.Value)
		b = knum(b, `,"atLeast":`, pr.AtLeast)
		b = kbool(b, `,"met":`, pr.Met)
		b = append(b, '}')
	}
	b = append(b, `,"source":`...)
	b = quoted(b, m.Source, d != nil)
	b = appendAssumption(b, m.Assumption)
	b = append(b, `,"explanation":"`...)
	if m.Explanation != "" {
		b = appendStrBody(b, m.Explanation)
	} else {
		// The sentence is written escaped, piece by piece: no copy, no second pass.
		b = m.appendExplanation(b, lang, true)
	}
	return append(b, `"}`...)
}

func optStr(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	b = append(b, key...)
	return appendStr(b, v)
}

func appendStrs(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStr(b, s)
	}
	return append(b, ']')
}

func appendStr(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendStrBody(b, s)
	return append(b, '"')
}

// AppendJSONString appends s to b as a JSON string, in ASCII as the engine writes every
// string of its results: quotes, backslashes and control characters escaped, every other
// character as \uXXXX, invalid UTF-8 as \ufffd.
func AppendJSONString(b []byte, s string) []byte { return appendStr(b, s) }

const hexDigits = "0123456789abcdef"

// appendStrBody appends s escaped for a JSON string, without quotes. The engine writes
// ASCII-only JSON: every character outside ASCII is escaped as \uXXXX (a surrogate pair
// beyond U+FFFF), and invalid UTF-8 becomes \ufffd. The JSON means the same, travels
// through any transport unchanged, and decodes on JavaScript's fast path: the browser
// engine hands its output to the page as a string, and TextDecoder decodes 20 KB of
// ASCII about 20 times faster than the same text with a few accents or arrows in it.
func appendStrBody(b []byte, s string) []byte {
	// Fast path: most strings (ids, names from the rule data) need no escape at all.
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return append(b, s...)
	}
	start := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				r = utf8.RuneError
			}
			if r > 0xffff {
				r -= 0x10000
				b = appendU4(b, 0xd800+(r>>10))
				r = 0xdc00 + r&0x3ff
			}
			b = appendU4(b, r)
			i += size
			start = i
			continue
		}
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = appendU4(b, rune(c))
		}
		i++
		start = i
	}
	return append(b, s[start:]...)
}

// appendU4 appends the escape \uXXXX of r (at most 0xffff).
func appendU4(b []byte, r rune) []byte {
	return append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}

// quoted appends s as a JSON string; safe says the engine checked at load time that s
// needs no escape (ids, units and constants of the rule data).
func quoted(b []byte, s string, safe bool) []byte {
	if !safe {
		return appendStr(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
