package score

import "strconv"

// appendModelSections appends the sections of a ProgramResult beyond the scorecard's, each
// only when present (so a scorecard's JSON is unchanged): model, parameters, timeline,
// levels, calculator. Each starts with a comma.
func appendModelSections(b []byte, p *ProgramResult) []byte {
	b = optStr(b, `,"model":`, p.Model)
	if len(p.Parameters) > 0 {
		b = append(b, `,"parameters":[`...)
		for i := range p.Parameters {
			pa := &p.Parameters[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendStr(b, pa.ID)
			b = append(b, `,"name":`...)
			b = appendStr(b, pa.Name)
			b = append(b, `,"value":`...)
			b = appendNum(b, pa.Value)
			b = append(b, `,"unit":`...)
			b = appendStr(b, pa.Unit)
			b = append(b, `,"default":`...)
			b = appendNum(b, pa.Default)
			b = append(b, `,"origin":`...)
			b = appendStr(b, pa.Origin)
			b = optStr(b, `,"source":`, pa.Source)
			b = optStr(b, `,"note":`, pa.Note)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(p.Timeline) > 0 {
		b = append(b, `,"timeline":[`...)
		for i := range p.Timeline {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendTimeline(b, &p.Timeline[i])
		}
		b = append(b, ']')
	}
	if p.Levels != nil {
		b = append(b, `,"levels":`...)
		b = appendLevels(b, p.Levels)
	}
	if p.Calculator != nil {
		b = append(b, `,"calculator":`...)
		b = appendCalculator(b, p.Calculator)
	}
	return b
}

func appendBoolField(b []byte, key string, v bool) []byte {
	b = append(b, key...)
	return strconv.AppendBool(b, v)
}

func appendTimeline(b []byte, t *TimelineResult) []byte {
	b = append(b, `{"id":`...)
	b = appendStr(b, t.ID)
	b = append(b, `,"name":`...)
	b = appendStr(b, t.Name)
	b = append(b, `,"status":`...)
	b = appendStr(b, t.Status)
	b = append(b, `,"statusName":`...)
	b = appendStr(b, t.StatusName)
	b = optStr(b, `,"from":`, t.From)
	b = optStr(b, `,"to":`, t.To)
	b = optStr(b, `,"next":`, t.Next)
	b = optStr(b, `,"nextStatus":`, t.NextStatus)
	if t.Assumption {
		b = append(b, `,"assumption":true`...)
	}
	b = append(b, `,"periods":[`...)
	for i := range t.Periods {
		pe := &t.Periods[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, pe.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, pe.Name)
		b = append(b, `,"from":`...)
		b = appendStr(b, pe.From)
		b = optStr(b, `,"to":`, pe.To)
		b = appendBoolField(b, `,"current":`, pe.Current)
		if pe.Assumption {
			b = append(b, `,"assumption":true`...)
		}
		b = append(b, '}')
	}
	b = append(b, `],"source":`...)
	b = appendStr(b, t.Source)
	b = optStr(b, `,"note":`, t.Note)
	b = append(b, `,"explanation":`...)
	b = appendStr(b, t.Explanation)
	return append(b, '}')
}

func appendLevels(b []byte, l *LevelsResult) []byte {
	b = appendBoolField(b, `{"ordered":`, l.Ordered)
	b = optStr(b, `,"reached":`, l.Reached)
	b = optStr(b, `,"next":`, l.Next)
	b = append(b, `,"levels":[`...)
	for i := range l.Levels {
		lv := &l.Levels[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, lv.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, lv.Name)
		b = appendBoolField(b, `,"met":`, lv.Met)
		b = append(b, `,"missing":`...)
		b = appendStrs(b, lv.Missing)
		b = append(b, `,"requirements":`...)
		b = appendRequirements(b, lv.Requirements)
		b = append(b, `,"source":`...)
		b = appendStr(b, lv.Source)
		b = optStr(b, `,"note":`, lv.Note)
		b = append(b, '}')
	}
	b = append(b, `],"competencies":[`...)
	for i := range l.Competencies {
		c := &l.Competencies[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, c.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, c.Name)
		b = append(b, `,"class":`...)
		b = appendStr(b, c.Class)
		b = appendBoolField(b, `,"earned":`, c.Earned)
		b = append(b, `,"missing":`...)
		b = appendStrs(b, c.Missing)
		b = append(b, `,"requirements":`...)
		b = appendRequirements(b, c.Requirements)
		b = append(b, `,"source":`...)
		b = appendStr(b, c.Source)
		b = optStr(b, `,"note":`, c.Note)
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(l.NotModelled) > 0 {
		b = append(b, `,"notModelled":[`...)
		for i, n := range l.NotModelled {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"name":`...)
			b = appendStr(b, n.Name)
			b = append(b, `,"reason":`...)
			b = appendStr(b, n.Reason)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendRequirements(b []byte, rs []RequirementResult) []byte {
	b = append(b, '[')
	for i := range rs {
		r := &rs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, r.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, r.Name)
		b = append(b, `,"kind":`...)
		b = appendStr(b, r.Kind)
		b = appendBoolField(b, `,"met":`, r.Met)
		b = append(b, `,"value":`...)
		b = appendNum(b, r.Value)
		b = append(b, `,"threshold":`...)
		b = appendNum(b, r.Threshold)
		b = append(b, `,"unit":`...)
		b = appendStr(b, r.Unit)
		b = optStr(b, `,"fact":`, r.Fact)
		if r.Given {
			b = append(b, `,"given":true`...)
		}
		b = optStr(b, `,"parameter":`, r.Parameter)
		if len(r.Slots) > 0 {
			b = append(b, `,"slots":[`...)
			for j := range r.Slots {
				s := &r.Slots[j]
				if j > 0 {
					b = append(b, ',')
				}
				b = append(b, `{"id":`...)
				b = appendStr(b, s.ID)
				b = append(b, `,"name":`...)
				b = appendStr(b, s.Name)
				b = append(b, `,"certifications":`...)
				b = appendStrs(b, s.Certifications)
				b = append(b, `,"people":`...)
				b = strconv.AppendInt(b, int64(s.People), 10)
				b = append(b, `,"eligible":`...)
				b = strconv.AppendInt(b, int64(s.Eligible), 10)
				b = append(b, `,"required":`...)
				b = strconv.AppendInt(b, int64(s.Required), 10)
				b = appendBoolField(b, `,"met":`, s.Met)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		if len(r.Counted) > 0 {
			b = append(b, `,"counted":`...)
			b = appendStrs(b, r.Counted)
		}
		b = optStr(b, `,"level":`, r.Level)
		if r.Program != nil {
			b = append(b, `,"program":{"id":`...)
			b = appendStr(b, r.Program.ID)
			b = optStr(b, `,"version":`, r.Program.Version)
			b = append(b, `,"qualified":`...)
			b = appendStrs(b, r.Program.Qualified)
			b = append(b, '}')
		}
		if len(r.Any) > 0 {
			b = append(b, `,"any":`...)
			b = appendRequirements(b, r.Any)
		}
		b = append(b, `,"source":`...)
		b = appendStr(b, r.Source)
		if r.Assumption {
			b = append(b, `,"assumption":true`...)
		}
		b = optStr(b, `,"note":`, r.Note)
		b = append(b, `,"explanation":`...)
		b = appendStr(b, r.Explanation)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendNums(b []byte, vs []float64) []byte {
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNum(b, v)
	}
	return append(b, ']')
}

func appendCalculator(b []byte, c *CalculatorResult) []byte {
	b = append(b, `{"tables":[`...)
	for i := range c.Tables {
		t := &c.Tables[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, t.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, t.Name)
		b = append(b, `,"period":`...)
		b = appendStr(b, t.Period)
		b = append(b, `,"columns":[`...)
		for j := range t.Columns {
			col := &t.Columns[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendStr(b, col.ID)
			b = append(b, `,"name":`...)
			b = appendStr(b, col.Name)
			b = append(b, `,"unit":`...)
			b = appendStr(b, col.Unit)
			b = append(b, `,"formula":`...)
			b = appendStr(b, col.Formula)
			b = appendBoolField(b, `,"total":`, col.Total)
			b = appendBoolField(b, `,"chart":`, col.Chart)
			b = append(b, '}')
		}
		b = append(b, `],"rows":[`...)
		for j, row := range t.Rows {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendNums(b, row)
		}
		b = append(b, `],"totals":`...)
		b = appendNums(b, t.Totals)
		b = append(b, `,"source":`...)
		b = appendStr(b, t.Source)
		b = optStr(b, `,"note":`, t.Note)
		b = append(b, '}')
	}
	b = append(b, `],"figures":[`...)
	for i := range c.Figures {
		f := &c.Figures[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendStr(b, f.ID)
		b = append(b, `,"name":`...)
		b = appendStr(b, f.Name)
		b = append(b, `,"value":`...)
		b = appendNum(b, f.Value)
		b = append(b, `,"unit":`...)
		b = appendStr(b, f.Unit)
		b = append(b, `,"formula":`...)
		b = appendStr(b, f.Formula)
		b = append(b, `,"source":`...)
		b = appendStr(b, f.Source)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}
