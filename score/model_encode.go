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
			b = kstr(b, `{"id":`, pa.ID)
			b = kstr(b, `,"name":`, pa.Name)
			b = knum(b, `,"value":`, pa.Value)
			b = kstr(b, `,"unit":`, pa.Unit)
			b = knum(b, `,"default":`, pa.Default)
			b = kstr(b, `,"origin":`, pa.Origin)
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
	b = kstr(b, `{"id":`, t.ID)
	b = kstr(b, `,"name":`, t.Name)
	b = kstr(b, `,"status":`, t.Status)
	b = kstr(b, `,"statusName":`, t.StatusName)
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
		b = kstr(b, `{"id":`, pe.ID)
		b = kstr(b, `,"name":`, pe.Name)
		b = kstr(b, `,"from":`, pe.From)
		b = optStr(b, `,"to":`, pe.To)
		b = appendBoolField(b, `,"current":`, pe.Current)
		if pe.Assumption {
			b = append(b, `,"assumption":true`...)
		}
		b = append(b, '}')
	}
	b = kstr(b, `],"source":`, t.Source)
	b = optStr(b, `,"note":`, t.Note)
	b = kstr(b, `,"explanation":`, t.Explanation)
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
		b = kstr(b, `{"id":`, lv.ID)
		b = kstr(b, `,"name":`, lv.Name)
		b = appendBoolField(b, `,"met":`, lv.Met)
		b = append(b, `,"missing":`...)
		b = appendStrs(b, lv.Missing)
		b = append(b, `,"requirements":`...)
		b = appendRequirements(b, lv.Requirements)
		b = kstr(b, `,"source":`, lv.Source)
		b = optStr(b, `,"note":`, lv.Note)
		b = append(b, '}')
	}
	b = append(b, `],"competencies":[`...)
	for i := range l.Competencies {
		c := &l.Competencies[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, c.ID)
		b = kstr(b, `,"name":`, c.Name)
		b = kstr(b, `,"class":`, c.Class)
		b = appendBoolField(b, `,"earned":`, c.Earned)
		b = append(b, `,"missing":`...)
		b = appendStrs(b, c.Missing)
		b = append(b, `,"requirements":`...)
		b = appendRequirements(b, c.Requirements)
		b = kstr(b, `,"source":`, c.Source)
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
			b = kstr(b, `{"name":`, n.Name)
			b = kstr(b, `,"reason":`, n.Reason)
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
		b = kstr(b, `{"id":`, r.ID)
		b = kstr(b, `,"name":`, r.Name)
		b = kstr(b, `,"kind":`, r.Kind)
		b = appendBoolField(b, `,"met":`, r.Met)
		b = knum(b, `,"value":`, r.Value)
		b = knum(b, `,"threshold":`, r.Threshold)
		b = kstr(b, `,"unit":`, r.Unit)
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
				b = kstr(b, `{"id":`, s.ID)
				b = kstr(b, `,"name":`, s.Name)
				b = append(b, `,"certifications":`...)
				b = appendStrs(b, s.Certifications)
				b = kint(b, `,"people":`, int64(s.People))
				b = kint(b, `,"eligible":`, int64(s.Eligible))
				b = kint(b, `,"required":`, int64(s.Required))
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
			b = kstr(b, `,"program":{"id":`, r.Program.ID)
			b = optStr(b, `,"version":`, r.Program.Version)
			b = append(b, `,"qualified":`...)
			b = appendStrs(b, r.Program.Qualified)
			b = append(b, '}')
		}
		if len(r.Any) > 0 {
			b = append(b, `,"any":`...)
			b = appendRequirements(b, r.Any)
		}
		b = kstr(b, `,"source":`, r.Source)
		if r.Assumption {
			b = append(b, `,"assumption":true`...)
		}
		b = optStr(b, `,"note":`, r.Note)
		b = kstr(b, `,"explanation":`, r.Explanation)
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
		b = kstr(b, `{"id":`, t.ID)
		b = kstr(b, `,"name":`, t.Name)
		b = kstr(b, `,"period":`, t.Period)
		b = append(b, `,"columns":[`...)
		for j := range t.Columns {
			col := &t.Columns[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = kstr(b, `{"id":`, col.ID)
			b = kstr(b, `,"name":`, col.Name)
			b = kstr(b, `,"unit":`, col.Unit)
			b = kstr(b, `,"formula":`, col.Formula)
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
		b = kstr(b, `,"source":`, t.Source)
		b = optStr(b, `,"note":`, t.Note)
		b = append(b, '}')
	}
	b = append(b, `],"figures":[`...)
	for i := range c.Figures {
		f := &c.Figures[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, f.ID)
		b = kstr(b, `,"name":`, f.Name)
		b = knum(b, `,"value":`, f.Value)
		b = kstr(b, `,"unit":`, f.Unit)
		b = kstr(b, `,"formula":`, f.Formula)
		b = kstr(b, `,"source":`, f.Source)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}
