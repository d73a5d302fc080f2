package score

// appendAssumption appends `,"assumption":{…}` when a is set.
func appendAssumption(b []byte, a *AssumptionResult) []byte {
	if a == nil {
		return b
	}
	b = kstr(b, `,"assumption":{"reason":`, a.Reason)
	b = kstr(b, `,"from":`, a.From)
	b = kstr(b, `,"source":`, a.Source)
	return append(b, '}')
}

// assumptionFor returns the assumption flagging the metric at path ("area/track/metric")
// of p: the metric's own, else the first of p.Assumptions that names it or "*" without
// excepting it; nil when the metric is sourced.
func assumptionFor(p *Program, path string, m *Metric, src func(where, id string) (*Source, error)) (*[2]AssumptionResult, error) {
	as := m.Assumption
	if as == nil {
		for i := range p.Assumptions {
			a := &p.Assumptions[i]
			if (contains(a.Metrics, "*") || contains(a.Metrics, path)) && !contains(a.Except, path) {
				as = a
				break
			}
		}
	}
	if as == nil {
		return nil, nil
	}
	source := as.Source
	if source == "" {
		source = m.Source
	}
	if _, err := src(path, source); err != nil {
		return nil, err
	}
	if as.From == "" || as.Reason.En == "" {
		return nil, &Error{Path: path, Code: CodeData, Message: "an assumption needs a reason and the version it takes the value from"}
	}
	return &[2]AssumptionResult{{Reason: as.Reason.In("en"), From: as.From, Source: source}, {Reason: as.Reason.In("fr"), From: as.From, Source: source}}, nil
}

// checkAssumptionPaths reports a path of p.Assumptions that names no metric of p.
func checkAssumptionPaths(p *Program) error {
	known := map[string]bool{"*": true}
	for _, a := range p.Areas {
		for _, t := range a.Tracks {
			for _, m := range t.Metrics {
				known[a.ID+"/"+t.ID+"/"+m.ID] = true
			}
		}
	}
	for _, a := range p.Assumptions {
		for _, path := range append(append([]string{}, a.Metrics...), a.Except...) {
			if !known[path] {
				return &Error{Path: path, Code: CodeData, Message: "names no metric of this version"}
			}
		}
	}
	return nil
}
