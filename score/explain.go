package score

import (
	"math"
	"strconv"
)

// unitNames are the unit ids of the rule data with their names: in English, in French,
// then in the singular in English and in French, and "f" when the French name is feminine
// (the words that agree with it follow: "chacune"). An id not listed names itself.
var unitNames = [...][6]string{
	{"customers", "customers", "clients", "customer", "client", ""},
	{"people", "people", "personnes", "person", "personne", "f"},
	{"users", "users", "utilisateurs", "user", "utilisateur", ""},
	{"deployments", "deployments", "déploiements", "deployment", "déploiement", ""},
	{"workloads", "workloads", "charges de travail", "workload", "charge de travail", "f"},
	{"services", "services", "services", "service", "service", ""},
	{"competencies", "competencies", "compétences", "competency", "compétence", "f"},
	{"alternatives", "alternatives", "options", "alternative", "option", "f"},
	{"results", "results", "résultats", "result", "résultat", ""},
	{"months", "months", "mois", "month", "mois", ""},
	{"years", "years", "ans", "year", "an", ""},
	{"seats", "seats", "licences", "seat", "licence", "f"},
	{"projects", "projects", "projets", "project", "projet", ""},
	{"offers", "offers", "offres", "offer", "offre", "f"},
	{"percent", "%", "%", "%", "%", ""},
	{"usd", "USD", "USD", "USD", "USD", ""},
	{"mcv", "MCV", "MCV", "MCV", "MCV", ""},
	{"mixed", "units", "unités", "unit", "unité", "f"},
}

// unitRow is unit's row of unitNames, nil for an id not listed.
func unitRow(unit string) *[6]string {
	for k := range unitNames {
		if unitNames[k][0] == unit {
			return &unitNames[k]
		}
	}
	return nil
}

// feminine reports whether unit's French name is feminine ("personnes", "licences"): the
// words that agree with it ("chacune", "renseignée") follow.
func feminine(unit string) bool {
	r := unitRow(unit)
	return r != nil && r[5] == "f"
}

// UnitName names n units of unit (a unit id of the rule data, such as "customers") in lang
// ("en" or "fr"), as explanations do: singular for one ("1 customer"; in French for less
// than two, "0 client", "1,5 client"), plural otherwise.
func UnitName(unit string, n float64, lang string) string {
	r := unitRow(unit)
	if r == nil {
		return unit
	}
	i := 1
	if lang == "fr" {
		i = 2
	}
	if Singular(n, lang) {
		i += 2
	}
	return r[i]
}

// Singular reports whether n takes the singular in lang, as UnitName has it: one in
// English; less than two in French ("0,5 point").
func Singular(n float64, lang string) bool {
	if lang == "fr" {
		return math.Abs(n) < 2
	}
	return n == 1
}

// appendHundredths appends n hundredths in decimal: the sign, the whole part, then the
// point and one or two decimals unless they are zero, trailing zero dropped (-1050 → -10.5).
func appendHundredths(b []byte, n int64, point byte) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = appendInt(b, n/100)
	if f := n % 100; f != 0 {
		b = append(b, point, byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

// appendShort formats a number for reading: at most two decimals, trailing zeros dropped,
// thousands grouped as Intl.NumberFormat groups them (and the simulator's own figures):
// "1,000,000" in English, "1 000 000" with narrow no-break spaces (U+202F) in French,
// written as \u202f when esc is set (a JSON string's body, in ASCII).
func appendShort(b []byte, v float64, lang string, esc bool) []byte {
	if v > -999.995 && v < 999.995 {
		return appendUngrouped(b, v, lang)
	}
	var tmp [32]byte
	return appendGrouped(b, appendUngrouped(tmp[:0], v, lang), lang, esc)
}

// GroupThousands groups the thousands of a number written in digits ("-1234567.5",
// "1234,5" in French) as explanations do: "-1,234,567.5", "1 234,5" (U+202F).
func GroupThousands(number, lang string) string {
	return string(appendGrouped(nil, []byte(number), lang, false))
}

// appendGrouped appends the number written in s with its thousands grouped (see appendShort).
func appendGrouped(b, s []byte, lang string, esc bool) []byte {
	if len(s) > 0 && s[0] == '-' {
		b, s = append(b, '-'), s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	for i := 0; i < n; i++ {
		if i > 0 && (n-i)%3 == 0 {
			switch {
			case lang != "fr":
				b = append(b, ',')
			case esc:
				b = append(b, `\u202f`...)
			default:
				b = append(b, "\u202f"...)
			}
		}
		b = append(b, s[i])
	}
	return append(b, s[n:]...)
}

// appendUngrouped is appendShort without the thousands' separators.
func appendUngrouped(b []byte, v float64, lang string) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return appendInt(b, int64(v))
	}
	if c := math.Round(v * 100); math.Abs(c) < 1e15 {
		// Hundredths as an integer: the same digits as AppendFloat(…, 'f', 2), faster.
		point := byte('.')
		if lang == "fr" {
			point = ','
		}
		return appendHundredths(b, int64(c), point)
	}
	r := math.Round(v*100) / 100
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return appendInt(b, int64(r))
	}
	start := len(b)
	b = strconv.AppendFloat(b, r, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1] // a whole number of 1e15 or more
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
// ("en" or "fr"). The names it takes from the result (parts, gates, a prerequisite's fact)
// are in the language the result was evaluated in.
func (m *MetricResult) Explain(lang string) string {
	return string(m.appendExplanation(make([]byte, 0, 160), lang, false))
}

// phrase is a fixed piece of an explanation or a warning, in English and French ([0] and
// [1], as langIndex numbers them), as text and as the body of a JSON string: escaped once,
// when the program starts (init), rather than each time a result is written.
type phrase struct{ text, json [2]string }

// init escapes every phrase for JSON, once: a loop rather than a call per phrase, which the
// wasm build makes costly in code size.
func init() {
	for _, p := range allPhrases {
		p.json = [2]string{string(appendStrBody(nil, p.text[0])), string(appendStrBody(nil, p.text[1]))}
	}
}

// append appends the phrase in the language li, as text or (esc) escaped for JSON.
func (p *phrase) append(b []byte, li int, esc bool) []byte {
	if esc {
		return append(b, p.json[li]...)
	}
	return append(b, p.text[li]...)
}

// appendPiece appends s, as it is or (esc) escaped for JSON.
func appendPiece(b []byte, s string, esc bool) []byte {
	if esc {
		return appendStrBody(b, s)
	}
	return append(b, s...)
}

// The phrases of explanations and warnings (read-only).
var (
	phTimes                   = &phrase{text: [2]string{" × ", " × "}}
	phEquals                  = &phrase{text: [2]string{" = ", " = "}}
	phArrow                   = &phrase{text: [2]string{" → ", " → "}}
	phColon                   = &phrase{text: [2]string{": ", " : "}}
	phPlus                    = &phrase{text: [2]string{" (+", " (+"}}
	phSep                     = &phrase{text: [2]string{"; ", " ; "}}
	phNotGiven                = &phrase{text: [2]string{" (not given)", " (non renseigné)"}}
	phNotGivenF               = &phrase{text: [2]string{" (not given)", " (non renseignée)"}} // a feminine French unit
	phPtEach                  = &phrase{text: [2]string{" pt each", " pt chacun"}}
	phPtsEach                 = &phrase{text: [2]string{" pts each", " pts chacun"}}
	phPtEachF                 = &phrase{text: [2]string{" pt each", " pt chacune"}}   // a feminine French unit
	phPtsEachF                = &phrase{text: [2]string{" pts each", " pts chacune"}} // a feminine French unit
	phPtsPer                  = &phrase{text: [2]string{" pts per ", " pts par "}}
	phPtPer                   = &phrase{text: [2]string{" pt per ", " pt par "}}
	phWholeStepsOnly          = &phrase{text: [2]string{" (whole steps only)", " (tranches complètes seulement)"}}
	phTheBestOptionCounts     = &phrase{text: [2]string{"; the best option counts: ", " ; la meilleure option compte : "}}
	phPartsAreAdded           = &phrase{text: [2]string{"; parts are added", " ; les parties s'additionnent"}}
	phCountedAsZero           = &phrase{text: [2]string{", a net loss, counted as 0", ", une perte nette, comptée 0"}}
	phGate                    = &phrase{text: [2]string{"; gate ", " ; prérequis "}}
	phNeeded                  = &phrase{text: [2]string{" needed", " requise"}}
	phNeededMany              = &phrase{text: [2]string{" needed", " requises"}}
	phMet                     = &phrase{text: [2]string{", met", ", atteint"}}
	phNotMet                  = &phrase{text: [2]string{", not met", ", non atteint"}}
	phComma                   = &phrase{text: [2]string{", ", ", "}}
	phOf                      = &phrase{text: [2]string{" of ", " sur "}}
	phCappedAtTheMaximum      = &phrase{text: [2]string{" (capped at the maximum)", " (plafonné au maximum)"}}
	phPartialCreditTheMaximum = &phrase{text: [2]string{" (partial credit; the maximum needs ", " (crédit partiel ; le maximum demande "}}
	phPartialCredit           = &phrase{text: [2]string{" (partial credit)", " (crédit partiel)"}}
	phAGateIsNot              = &phrase{text: [2]string{" (a gate is not met: scoring steps earn nothing)", " (un prérequis manque : les étapes notées ne rapportent rien)"}}
	phPrerequisiteNotMet      = &phrase{text: [2]string{" (prerequisite not met: ", " (condition non remplie : "}}
	phNeedsAtLeast            = &phrase{text: [2]string{", needs at least ", ", il faut au moins "}}
	phQuoteOpen               = &phrase{text: [2]string{"“", "« "}}
	phQuoteCloseParen         = &phrase{text: [2]string{"” (", " » ("}}
	phRetiresOn               = &phrase{text: [2]string{" retires on ", " est retirée le "}}
	phAnd                     = &phrase{text: [2]string{" and", " et"}}
	phStopsCountingAfter      = &phrase{text: [2]string{" stops counting after ", " ne compte plus après le "}}
	phPeopleHoldingIt         = &phrase{text: [2]string{" (people holding it: ", " (personnes qui la détiennent : "}}
	phPlanItsReplacement      = &phrase{text: [2]string{"); plan its replacement.", ") ; prévoyez son remplacement."}}
	phNoLongerCountsSince     = &phrase{text: [2]string{" no longer counts since ", " ne compte plus depuis le "}}
	phItIsLeftOut             = &phrase{text: [2]string{"); it is left out of the score.", ") ; elle est exclue du score."}}
	phTheRulesOf              = &phrase{text: [2]string{"The rules of ", "Les règles de "}}
	phWereLastCheckedAgainst  = &phrase{text: [2]string{" were last checked against their sources on ", " ont été vérifiées sur leurs sources le "}}
	phLaterChangesAreNot      = &phrase{text: [2]string{"; later changes are not known.", " ; les changements ultérieurs ne sont pas connus."}}
	phTheFact                 = &phrase{text: [2]string{"The fact ", "Le fait "}}
	phIsNotReadBy             = &phrase{text: [2]string{" is not read by the rules in force on this date.", " n'est pas lu par les règles en vigueur à cette date."}}
)

// allPhrases lists every phrase above, for init (TestPhrasesEscaped checks none is missing).
var allPhrases = [...]*phrase{
	phTimes, phEquals, phArrow, phColon, phPlus, phSep, phNotGiven, phNotGivenF, phPtEach, phPtsEach, phPtEachF, phPtsEachF, phPtsPer, phPtPer,
	phWholeStepsOnly, phTheBestOptionCounts, phPartsAreAdded, phCountedAsZero, phGate, phNeeded, phNeededMany, phMet, phNotMet, phComma,
	phOf, phCappedAtTheMaximum, phPartialCreditTheMaximum, phPartialCredit, phAGateIsNot,
	phPrerequisiteNotMet, phNeedsAtLeast, phQuoteOpen, phQuoteCloseParen, phRetiresOn, phAnd,
	phStopsCountingAfter, phPeopleHoldingIt, phPlanItsReplacement, phNoLongerCountsSince, phItIsLeftOut,
	phTheRulesOf, phWereLastCheckedAgainst, phLaterChangesAreNot, phTheFact, phIsNotReadBy,
}

func (m *MetricResult) appendExplanation(b []byte, lang string, esc bool) []byte {
	// Names from the data or the profile go through appendPiece, phrases through
	// phrase.append, numbers through appendShort: direct calls, not closures over b, which
	// the wasm build (no inlining in package score, see build.sh) makes costly.
	li := langIndex(lang)
	d := m.compiled()
	for i := range m.Parts {
		p := &m.Parts[i]
		if i > 0 {
			b = phSep.append(b, li, esc)
		}
		if len(m.Parts) > 1 {
			b = appendPiece(b, nameOr(p.Name, p.ID), esc)
			b = phColon.append(b, li, esc)
		}
		b = appendShort(b, p.Value, lang, esc)
		b = append(b, ' ')
		b = appendPiece(b, UnitName(p.Unit, p.Value, lang), esc)
		if !p.Given && p.Fact != "" {
			if feminine(p.Unit) {
				b = phNotGivenF.append(b, li, esc)
			} else {
				b = phNotGiven.append(b, li, esc)
			}
		}
		if r := m.rate(d, i, li, escIndex(esc)); r != nil {
			b = append(b, r...)
		} else {
			b = appendRate(b, p, lang, esc)
		}
		if p.Value < 0 && !m.Offset {
			// A net loss earns nothing (partPoints): the product, then the 0 it counts as.
			b = appendShort(b, partPoints(true, &Part{Points: p.PointsPer, Per: p.Per, Whole: p.Whole}, p.Value), lang, esc)
			b = phCountedAsZero.append(b, li, esc)
		} else {
			b = appendShort(b, p.Points, lang, esc)
		}
	}
	switch m.Kind {
	case KindBestOf:
		b = phTheBestOptionCounts.append(b, li, esc)
		best := m.Best
		for i := range m.Parts {
			if m.Parts[i].ID == best {
				best = nameOr(m.Parts[i].Name, best)
				break
			}
		}
		b = appendPiece(b, best, esc)
	case KindSum:
		b = phPartsAreAdded.append(b, li, esc)
	}
	for i := range m.Gates {
		g := &m.Gates[i]
		b = phGate.append(b, li, esc)
		b = appendPiece(b, nameOr(g.Name, g.ID), esc)
		b = phColon.append(b, li, esc)
		// "2 people, 1 needed, met"; "0 personne, 2 requises, non atteint".
		b = appendInt(b, int64(g.People))
		b = append(b, ' ')
		b = appendPiece(b, UnitName("people", float64(g.People), lang), esc)
		b = phComma.append(b, li, esc)
		b = appendInt(b, int64(g.Required))
		if g.Required >= 2 {
			b = phNeededMany.append(b, li, esc)
		} else {
			b = phNeeded.append(b, li, esc)
		}
		if g.Met {
			b = phMet.append(b, li, esc)
			if g.Points > 0 {
				b = phPlus.append(b, li, esc)
				b = appendShort(b, g.Points, lang, esc)
				b = append(b, ')')
			}
		} else {
			b = phNotMet.append(b, li, esc)
		}
	}
	b = phArrow.append(b, li, esc)
	b = appendShort(b, m.Points, lang, esc)
	b = phOf.append(b, li, esc)
	b = appendShort(b, m.Max, lang, esc)
	switch m.Applied {
	case AppliedCap:
		b = phCappedAtTheMaximum.append(b, li, esc)
	case AppliedThreshold:
		if m.Threshold > 0 {
			b = phPartialCreditTheMaximum.append(b, li, esc)
			b = appendShort(b, m.Threshold, lang, esc)
			b = append(b, ' ')
			b = appendPiece(b, UnitName(m.Unit, m.Threshold, lang), esc)
			b = append(b, ')')
		} else {
			b = phPartialCredit.append(b, li, esc)
		}
	case AppliedGate:
		b = phAGateIsNot.append(b, li, esc)
	case AppliedPrerequisite:
		pr := &m.Prerequisite
		b = phPrerequisiteNotMet.append(b, li, esc)
		if pr.Name != "" && pr.Name != pr.Fact {
			// The fact's label, and its id beside it so that its field can be found.
			b = phQuoteOpen.append(b, li, esc)
			b = appendPiece(b, pr.Name, esc)
			b = phQuoteCloseParen.append(b, li, esc)
			b = appendPiece(b, pr.Fact, esc)
			b = append(b, ')')
		} else {
			b = appendPiece(b, pr.Fact, esc)
		}
		b = phEquals.append(b, li, esc)
		b = appendShort(b, pr.Value, lang, esc)
		b = phNeedsAtLeast.append(b, li, esc)
		b = appendShort(b, pr.AtLeast, lang, esc)
		b = append(b, ')')
	}
	b = append(b, '.')
	return b
}

// nameOr is a part's or gate's name, or its id when the rules give it no name.
func nameOr(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

// Text returns the warning's message in lang ("en" or "fr").
func (w *Warning) Text(lang string) string {
	return string(w.appendText(nil, lang, false))
}

// appendNamed appends what the warning is about: its name in lang and its id in
// parentheses, or the id alone when the name is not known. A fact's label, which reads as
// a phrase of its own, is quoted.
func (w *Warning) appendNamed(b []byte, id, lang string, esc, quote bool) []byte {
	if w.name == nil {
		return appendPiece(b, id, esc)
	}
	name := w.name.In(lang)
	if name == "" || name == id {
		return appendPiece(b, id, esc)
	}
	fr := lang == "fr"
	if quote {
		b = appendPiece(b, pick(fr, "“", "« "), esc)
	}
	b = appendPiece(b, name, esc)
	if quote {
		b = appendPiece(b, pick(fr, "”", " »"), esc)
	}
	b = append(b, " ("...)
	b = appendPiece(b, id, esc)
	return append(b, ')')
}

func (w *Warning) appendText(b []byte, lang string, esc bool) []byte {
	li := langIndex(lang)
	switch w.Code {
	case WarnRetiring:
		b = w.appendNamed(b, w.Certification, lang, esc, false)
		if w.Retires != "" {
			b = phRetiresOn.append(b, li, esc)
			b = appendPiece(b, w.Retires, esc)
			b = phAnd.append(b, li, esc)
		}
		b = phStopsCountingAfter.append(b, li, esc)
		b = appendPiece(b, w.Date, esc)
		b = phPeopleHoldingIt.append(b, li, esc)
		b = appendInt(b, int64(w.People))
		b = phPlanItsReplacement.append(b, li, esc)
	case WarnExpired:
		b = w.appendNamed(b, w.Certification, lang, esc, false)
		b = phNoLongerCountsSince.append(b, li, esc)
		b = appendPiece(b, w.Date, esc)
		b = phPeopleHoldingIt.append(b, li, esc)
		b = appendInt(b, int64(w.People))
		b = phItIsLeftOut.append(b, li, esc)
	case WarnUnverified:
		b = phTheRulesOf.append(b, li, esc)
		b = w.appendNamed(b, w.Program, lang, esc, false)
		b = phWereLastCheckedAgainst.append(b, li, esc)
		b = appendPiece(b, w.Date, esc)
		b = phLaterChangesAreNot.append(b, li, esc)
	case WarnUnusedFact:
		b = phTheFact.append(b, li, esc)
		b = w.appendNamed(b, w.Fact, lang, esc, true)
		b = phIsNotReadBy.append(b, li, esc)
	default:
		b = appendPiece(b, w.Code, esc)
	}
	return b
}

// appendRate appends the middle of a part's sentence, from the rule data alone:
// " × 4 pts each = ", " × 30 pts per 1000 = " (" (whole steps only)" when so).
func appendRate(b []byte, p *PartResult, lang string, esc bool) []byte {
	li := langIndex(lang)
	b = phTimes.append(b, li, esc)
	b = appendShort(b, p.PointsPer, lang, esc)
	if p.Per == 1 {
		// "chacun" agrees with the unit: "3 clients × 10 pts chacun", "2 personnes × 4 pts chacune".
		each := phPtsEach
		switch f := feminine(p.Unit); {
		case p.PointsPer == 1 && f:
			each = phPtEachF
		case p.PointsPer == 1:
			each = phPtEach
		case f:
			each = phPtsEachF
		}
		b = each.append(b, li, esc)
	} else {
		if p.PointsPer == 1 {
			b = phPtPer.append(b, li, esc)
		} else {
			b = phPtsPer.append(b, li, esc)
		}
		b = appendShort(b, p.Per, lang, esc)
		if p.Whole {
			b = phWholeStepsOnly.append(b, li, esc)
		}
	}
	return phEquals.append(b, li, esc)
}

// escIndex is the index of a precomputed text written escaped for JSON (1) or not (0).
func escIndex(esc bool) int {
	if esc {
		return 1
	}
	return 0
}

// compiled returns the rule the engine compiled the metric from while the result keeps its
// shape (same id, parts and gates), or nil: a result built or changed by hand is written from
// its own fields. The encoder and the explanation copy the pieces written once from it (the
// tape's in New, the JSON's and the rate phrases on the version's first evaluation).
func (m *MetricResult) compiled() *cmetric {
	if d := m.def; d != nil && d.m.ID == m.ID && len(d.parts) == len(m.Parts) && len(d.gates) == len(m.Gates) {
		return d
	}
	return nil
}

// rate returns part i's rate phrase written once (see cmetric.precompute) in the
// language li, escaped or not (e), or nil when d is nil or the part's figures are not the
// rule's.
func (m *MetricResult) rate(d *cmetric, i, li, e int) []byte {
	if d == nil {
		return nil
	}
	c, p := &d.parts[i], &m.Parts[i]
	if c.p.Points != p.PointsPer || c.p.Per != p.Per || c.p.Whole != p.Whole {
		return nil
	}
	return c.rate[li][e]
}
