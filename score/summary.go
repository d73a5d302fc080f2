package score

// Summary is the short form of a Result, for scoring many partners at once: per area the
// track that counts, the score, whether it qualifies and each metric's points. The full
// Result says where each number comes from; a Summary only gives the numbers.
type Summary struct {
	// AsOf is the date evaluated.
	AsOf string `json:"asOf" jsonschema:"format=date"`
	// Programs holds one summary per program evaluated.
	Programs []ProgramSummary `json:"programs"`
	// Warnings are the codes of the result's warnings (see Result.Warnings).
	Warnings []string `json:"warnings"`
}

// ProgramSummary is the short form of a ProgramResult.
type ProgramSummary struct {
	// ID is the program id.
	ID string `json:"id"`
	// Version is the rule set in force on the date.
	Version string `json:"version"`
	// Qualified lists the ids of the areas qualified.
	Qualified []string `json:"qualified"`
	// Areas holds one summary per area.
	Areas []AreaSummary `json:"areas"`
}

// AreaSummary is the short form of an AreaResult.
type AreaSummary struct {
	// ID is the area id.
	ID string `json:"id"`
	// Track is the id of the track whose score counts.
	Track string `json:"track"`
	// Score is the track's score.
	Score float64 `json:"score"`
	// Qualified is true when Score reaches the qualifying score and every metric is above zero.
	Qualified bool `json:"qualified"`
	// Shortfall is how many points are missing to the qualifying score.
	Shortfall float64 `json:"shortfall" jsonschema:"minimum=0"`
	// Points are the counting track's metric points, by metric id.
	Points map[string]float64 `json:"points"`
}

// Summary returns the short form of the result.
func (r *Result) Summary() Summary {
	s := Summary{AsOf: r.AsOf, Programs: make([]ProgramSummary, len(r.Programs)), Warnings: make([]string, len(r.Warnings))}
	for i := range r.Warnings {
		s.Warnings[i] = r.Warnings[i].Code
	}
	for i := range r.Programs {
		p := &r.Programs[i]
		ps := ProgramSummary{ID: p.ID, Version: p.Version, Qualified: p.Qualified, Areas: make([]AreaSummary, len(p.Areas))}
		for j := range p.Areas {
			a := &p.Areas[j]
			as := AreaSummary{ID: a.ID, Track: a.Track, Score: a.Score, Qualified: a.Qualified, Shortfall: a.Shortfall,
				Points: make(map[string]float64, len(a.Metrics))}
			for k := range a.Metrics {
				as.Points[a.Metrics[k].ID] = a.Metrics[k].Points
			}
			ps.Areas[j] = as
		}
		s.Programs[i] = ps
	}
	return s
}

// AppendSummaryJSON appends the JSON of r.Summary() to b (metrics in the program's order)
// without building it.
func (r *Result) AppendSummaryJSON(b []byte) []byte {
	b = kstr(b, `{"asOf":`, r.AsOf)
	b = append(b, `,"programs":[`...)
	for i := range r.Programs {
		p := &r.Programs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = kstr(b, `{"id":`, p.ID)
		b = kstr(b, `,"version":`, p.Version)
		b = append(b, `,"qualified":`...)
		b = appendStrs(b, p.Qualified)
		b = append(b, `,"areas":[`...)
		for j := range p.Areas {
			a := &p.Areas[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = kstr(b, `{"id":`, a.ID)
			b = kstr(b, `,"track":`, a.Track)
			b = knum(b, `,"score":`, a.Score)
			b = kbool(b, `,"qualified":`, a.Qualified)
			b = knum(b, `,"shortfall":`, a.Shortfall)
			b = append(b, `,"points":{`...)
			for k := range a.Metrics {
				m := &a.Metrics[k]
				if k > 0 {
					b = append(b, ',')
				}
				b = quoted(b, m.ID, m.def != nil)
				b = append(b, ':')
				b = appendNum(b, m.Points)
			}
			b = append(b, "}}"...)
		}
		b = append(b, "]}"...)
	}
	b = append(b, `],"warnings":[`...)
	for i := range r.Warnings {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStr(b, r.Warnings[i].Code)
	}
	return append(b, "]}"...)
}
