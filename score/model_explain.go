package score

// Sentences of the program models beyond the scorecard, in English and French.

type sentence struct {
	b    []byte
	lang string
}

func (s *sentence) say(en, fr string) {
	if s.lang == "fr" {
		s.b = append(s.b, fr...)
	} else {
		s.b = append(s.b, en...)
	}
}

func (s *sentence) str(v string) { s.b = append(s.b, v...) }

func (s *sentence) num(v float64) { s.b = appendShort(s.b, v, s.lang, false) }

func (s *sentence) qty(v float64, unit string) {
	s.num(v)
	if unit != "" {
		s.b = append(s.b, ' ')
		s.b = append(s.b, UnitName(unit, v, s.lang)...)
	}
}

func (s *sentence) colon() { s.say(": ", " : ") }

// atLeast says the threshold: ", at least 250 seats required"; in French, where "requis"
// would agree with the unit's gender, ", pour un minimum de 250 licences".
func (s *sentence) atLeast(v float64, unit string) {
	s.say(", at least ", ", pour un minimum de ")
	s.qty(v, unit)
	s.say(" required", "")
}

// list says names in brackets, separated by commas: " (a, b)"; nothing when there are none.
func (s *sentence) list(names []string) {
	for i, n := range names {
		if i == 0 {
			s.str(" (")
		} else {
			s.str(", ")
		}
		s.str(n)
	}
	if len(names) > 0 {
		s.str(")")
	}
}

// reqNames are the names, in the result's language, of what a requirement's result gives by
// id: its parameter, the competencies (or the other program's areas and levels) that
// counted, the other program.
type reqNames struct {
	param, program string
	counted        []string
}

// requirementSentence says why a requirement holds or not, with the names of what it reads.
func requirementSentence(rr *RequirementResult, nm *reqNames, lang string) string {
	s := &sentence{b: make([]byte, 0, 160), lang: lang}
	s.str(rr.Name)
	s.colon()
	switch rr.Kind {
	case ReqFact:
		if rr.Unit == "boolean" {
			switch {
			case rr.Met:
				s.say("yes", "oui")
			case rr.Given:
				s.say("no", "non")
			default:
				s.say("not given, taken as no", "non renseigné, compté comme non")
			}
			break
		}
		s.qty(rr.Value, rr.Unit)
		if !rr.Given {
			s.say(" (not given, counted as 0)", " (non renseigné, compté 0)")
		}
		s.atLeast(rr.Threshold, rr.Unit)
	case ReqPeople:
		for i, sl := range rr.Slots {
			if i > 0 {
				s.str(", ")
			}
			s.str(sl.Name)
			s.str(" ")
			s.b = appendShort(s.b, float64(sl.People), lang, false)
			s.str("/")
			s.b = appendShort(s.b, float64(sl.Required), lang, false)
		}
		s.say(" (each person counts once in this competency)", " (chaque personne compte une fois dans cette compétence)")
	case ReqCompetencies:
		s.qty(rr.Value, "competencies")
		if lang != "fr" {
			s.str(" earned")
		} else if rr.Value < 2 {
			s.str(" obtenue")
		} else {
			s.str(" obtenues")
		}
		s.list(nm.counted)
		s.atLeast(rr.Threshold, "competencies")
	case ReqLevel:
		// The requirement's name names the level ("Advanced Partner level", a test of the
		// built-in rules checks it).
		if rr.Met {
			s.say("reached", "atteint")
		} else {
			s.say("not reached", "non atteint")
		}
	case ReqAny:
		s.num(rr.Value)
		s.say(" of ", " sur ")
		s.b = appendShort(s.b, float64(len(rr.Any)), lang, false)
		s.say(" alternatives met, one is enough", " options remplies, une suffit")
	case ReqProgram:
		p := rr.Program
		if p.Version == "" {
			s.say("no version of ", "aucune version de ")
			s.str(p.ID)
			s.say(" is in force on this date", " n'est en vigueur à cette date")
			break
		}
		s.num(rr.Value)
		s.say(" in the result of ", " dans le résultat de ")
		s.str(nm.program)
		s.say(", rules ", ", règles ")
		s.str(p.Version)
		s.list(nm.counted)
		s.atLeast(rr.Threshold, "")
	}
	if rr.Met {
		s.say("; met.", " ; rempli.")
	} else {
		s.say("; not met", " ; non rempli")
		if d := rr.Threshold - rr.Value; d > 0 && rr.Kind != ReqLevel && rr.Kind != ReqAny && rr.Unit != "boolean" {
			s.say(", ", ", il manque ")
			s.qty(d, rr.Unit)
			s.say(" missing", "")
		}
		s.str(".")
	}
	if rr.Parameter != "" {
		// Named as the form names it, with its id (its key in the profile's parameters).
		s.say(" The threshold is the parameter “", " Le seuil est le paramètre « ")
		s.str(nm.param)
		s.say("” (", " » (")
		s.str(rr.Parameter)
		s.str(")")
		if rr.Assumption {
			s.say(", whose default no source gives (an assumption).", ", dont la valeur par défaut n'est donnée par aucune source (hypothèse).")
		} else {
			s.str(".")
		}
	} else if rr.Assumption {
		s.say(" Not confirmed by a source (an assumption).", " Non confirmé par une source (hypothèse).")
	}
	return string(s.b)
}

// timelineSentence says a timeline item's status and what comes next.
func timelineSentence(tr *TimelineResult, t *TimelineItem, next int, lang string) string {
	s := &sentence{b: make([]byte, 0, 120), lang: lang}
	s.str(tr.Name)
	s.colon()
	if tr.Status == "" {
		s.say("nothing before ", "rien avant le ")
		s.str(tr.Next)
		s.str(".")
		return string(s.b)
	}
	s.str(tr.StatusName)
	s.say(" since ", " depuis le ")
	s.str(tr.From)
	if tr.Next != "" {
		s.say("; from ", " ; à partir du ")
		s.str(tr.Next)
		s.colon()
		s.str(t.Periods[next].Name.In(lang))
	}
	s.str(".")
	if tr.Assumption {
		s.say(" A date of this period is an assumption.", " Une date de cette période est une hypothèse.")
	}
	return string(s.b)
}
