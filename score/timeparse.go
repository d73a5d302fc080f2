package score

// history reads Profile.History: an array of {"month": "YYYY-MM", "facts": {...}}.
func (p *parser) history(prof *Profile, path string) {
	prof.History = make([]Snapshot, 0, 6)
	p.array(path, func(i int, ep string) {
		var s Snapshot
		isObject := p.atObject() // else a wrong type, reported alone
		sawMonth := false        // a month of the wrong type is reported as such, not as missing
		p.object(ep, func(key, fp string) {
			switch key {
			case "month":
				sawMonth = true
				off, m := p.pos, p.mark()
				if s.Month = p.str(fp); p.ok(m) && !validMonth(s.Month) {
					p.reject(off, CodeDate, "not a valid month", "YYYY-MM", shorten(s.Month))
				}
			case "facts":
				s.Facts = make(map[string]float64, 16)
				p.object(fp, func(key, np string) {
					s.Facts[key] = p.number(np)
				})
			default:
				p.unknownField(fp, key, []string{"month", "facts"})
			}
		})
		if p.err == nil && isObject && (!sawMonth || s.Facts == nil) {
			field := "month"
			if sawMonth {
				field = "facts"
			}
			p.stack = append(p.stack, seg{key: field, idx: -1})
			p.reject(p.pos, CodeRequired, "a snapshot needs a month and its facts", `{"month": "YYYY-MM", "facts": {...}}`, "no "+field)
			p.stack = p.stack[:len(p.stack)-1]
		}
		prof.History = append(prof.History, s)
	})
}

// projection reads Profile.Projection: {"months": n}.
func (p *parser) projection(prof *Profile, path string) {
	req := &ProjectionRequest{}
	p.object(path, func(key, mp string) {
		switch key {
		case "months":
			off, m := p.pos, p.mark()
			n := p.count(mp)
			if p.ok(m) && (n < 1 || n > 24) {
				p.reject(off, CodeRange, "months to project out of range", "1 to 24", formatNum(float64(n)))
			}
			req.Months = n
		default:
			p.unknownField(mp, key, []string{"months"})
		}
	})
	prof.Projection = req
}

// validMonth reports whether s is a YYYY-MM month.
func validMonth(s string) bool {
	_, ok := parseDay(s + "-01")
	return len(s) == 7 && ok
}
