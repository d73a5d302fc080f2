package score

import (
	"math"
	"strconv"
)

// unitIn names a unit in a sentence.
func unitIn(u, lang string) string {
	fr := lang == "fr"
	switch u {
	case "customers":
		if fr {
			return "clients"
		}
	case "people":
		if fr {
			return "personnes"
		}
	case "users":
		if fr {
			return "utilisateurs"
		}
	case "deployments":
		if fr {
			return "déploiements"
		}
	case "workloads":
		if fr {
			return "charges de travail"
		}
	case "percent":
		return "%"
	case "usd":
		return "USD"
	case "mcv":
		return "MCV"
	case "mixed":
		if fr {
			return "unités"
		}
		return "units"
	}
	return u
}

// unitFor names a unit after the number v: singular for one ("1 customer"; in French for
// less than two, "0 client", "1,5 client"), plural otherwise.
func unitFor(u, lang string, v float64) string {
	name := unitIn(u, lang)
	if lang == "fr" && math.Abs(v) < 2 || v == 1 {
		switch name {
		case "customers", "users", "deployments", "workloads", "units",
			"clients", "utilisateurs", "déploiements", "unités", "personnes":
			return name[:len(name)-1]
		case "people":
			return "person"
		case "charges de travail":
			return "charge de travail"
		}
	}
	return name
}

// appendShort formats a number for reading: at most two decimals, trailing zeros dropped.
func appendShort(b []byte, v float64, lang string) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	if c := math.Round(v * 100); math.Abs(c) < 1e15 {
		// Hundredths as an integer: the same digits as AppendFloat(…, 'f', 2), faster.
		n := int64(c)
		if n < 0 {
			b = append(b, '-')
			n = -n
		}
		b = strconv.AppendInt(b, n/100, 10)
		if f := n % 100; f != 0 {
			if lang == "fr" {
				b = append(b, ',')
			} else {
				b = append(b, '.')
			}
			b = append(b, byte('0'+f/10))
			if f%10 != 0 {
				b = append(b, byte('0'+f%10))
			}
		}
		return b
	}
	r := math.Round(v*100) / 100
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return strconv.AppendInt(b, int64(r), 10)
	}
	start := len(b)
	b = strconv.AppendFloat(b, r, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if lang == "fr" {
		for i := start; i < len(b); i++ {
			if b[i] == '.' {
				b[i] = ','
			}
		}
	}
	return b
}

// Explain returns one sentence saying how the metric's points were reached, in lang
// ("en" or "fr").
func (m *MetricResult) Explain(lang string) string {
	return string(m.appendExplanation(make([]byte, 0, 160), lang, false))
}

func (m *MetricResult) appendExplanation(b []byte, lang string, esc bool) []byte {
	fr := lang == "fr"
	put := func(s string) {
		if esc {
			b = appendStrBody(b, s)
		} else {
			b = append(b, s...)
		}
	}
	w := func(en, f string) {
		if fr {
			put(f)
		} else {
			put(en)
		}
	}
	num := func(v float64) { b = appendShort(b, v, lang) }
	for i := range m.Parts {
		p := &m.Parts[i]
		if i > 0 {
			w("; ", " ; ")
		}
		if len(m.Parts) > 1 {
			put(p.ID)
			put(": ")
		}
		num(p.Value)
		b = append(b, ' ')
		put(unitFor(p.Unit, lang, p.Value))
		if !p.Given && p.Fact != "" {
			w(" (not given)", " (non renseigné)")
		}
		put(" × ")
		num(p.PointsPer)
		if p.Per == 1 {
			if p.PointsPer == 1 {
				w(" pt each", " pt chacun")
			} else {
				w(" pts each", " pts chacun")
			}
		} else {
			w(" pts per ", " pts par ")
			num(p.Per)
			if p.Whole {
				w(" (whole steps only)", " (tranches complètes seulement)")
			}
		}
		put(" = ")
		num(p.Points)
	}
	switch m.Kind {
	case KindBestOf:
		w("; the best option counts: ", " ; la meilleure option compte : ")
		put(m.Best)
	case KindSum:
		w("; parts are added", " ; les parties s'additionnent")
	}
	for i := range m.Gates {
		g := &m.Gates[i]
		w("; gate ", " ; prérequis ")
		put(g.ID)
		b = kint(b, ": ", int64(g.People))
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(g.Required), 10)
		if g.Met {
			w(" people, met", " personnes, atteint")
			if g.Points > 0 {
				put(" (+")
				num(g.Points)
				b = append(b, ')')
			}
		} else {
			w(" people, not met", " personnes, non atteint")
		}
	}
	put(" → ")
	num(m.Points)
	w(" of ", " sur ")
	num(m.Max)
	switch m.Applied {
	case AppliedCap:
		w(" (capped at the maximum)", " (plafonné au maximum)")
	case AppliedThreshold:
		if m.Threshold > 0 {
			w(" (partial credit; the maximum needs ", " (crédit partiel ; le maximum demande ")
			num(m.Threshold)
			b = append(b, ' ')
			put(unitFor(m.Unit, lang, m.Threshold))
			b = append(b, ')')
		} else {
			w(" (partial credit)", " (crédit partiel)")
		}
	case AppliedGate:
		w(" (a gate is not met: scoring steps earn nothing)", " (un prérequis manque : les étapes notées ne rapportent rien)")
	case AppliedPrerequisite:
		pr := &m.Prerequisite
		w(" (prerequisite not met: ", " (condition non remplie : ")
		put(pr.Fact)
		put(" = ")
		num(pr.Value)
		w(", needs at least ", ", il faut au moins ")
		num(pr.AtLeast)
		b = append(b, ')')
	}
	b = append(b, '.')
	return b
}

// Text returns the warning's message in lang ("en" or "fr").
func (w *Warning) Text(lang string) string {
	return string(w.appendText(nil, lang, false))
}

func (w *Warning) appendText(b []byte, lang string, esc bool) []byte {
	fr := lang == "fr"
	put := func(s string) {
		if esc {
			b = appendStrBody(b, s)
		} else {
			b = append(b, s...)
		}
	}
	s := func(en, f string) {
		if fr {
			put(f)
		} else {
			put(en)
		}
	}
	switch w.Code {
	case WarnRetiring:
		put(w.Certification)
		if w.Retires != "" {
			s(" retires on ", " est retirée le ")
			put(w.Retires)
			s(" and", " et")
		}
		s(" stops counting after ", " ne compte plus après le ")
		put(w.Date)
		s(" (people holding it: ", " (personnes qui la détiennent : ")
		b = strconv.AppendInt(b, int64(w.People), 10)
		s("); plan its replacement.", ") ; prévoyez son remplacement.")
	case WarnExpired:
		put(w.Certification)
		s(" no longer counts since ", " ne compte plus depuis le ")
		put(w.Date)
		s(" (people holding it: ", " (personnes qui la détiennent : ")
		b = strconv.AppendInt(b, int64(w.People), 10)
		s("); it is left out of the score.", ") ; elle est exclue du score.")
	case WarnUnverified:
		s("The rules of ", "Les règles de ")
		put(w.Program)
		s(" were last checked against their sources on ", " ont été vérifiées sur leurs sources le ")
		put(w.Date)
		s("; later changes are not known.", " ; les changements ultérieurs ne sont pas connus.")
	case WarnUnusedFact:
		s("The fact ", "Le fait ")
		put(w.Fact)
		s(" is not read by the rules in force on this date.", " n'est pas lu par les règles en vigueur à cette date.")
	default:
		put(w.Code)
	}
	return b
}
