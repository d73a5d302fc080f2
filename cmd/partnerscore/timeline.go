package main

import (
	"strconv"
	"strings"

	"github.com/partnerscore/partnerscore/score"
)

// timeLabels are the words of the report's qualification window and projection.
type timeLabels struct {
	window, from, to, windowHow, qualifiedIn, never, holds, notHolds             string
	projection, months, unchanged, on, below, unqualified, stops, people, person string
}

var timeEN = timeLabels{window: "Qualification window", from: "from", to: "to",
	windowHow:   "a designation is earned when its area qualifies on some day of these months",
	qualifiedIn: "qualified in", never: "qualified in none of these months", holds: "HOLDS", notHolds: "DOES NOT HOLD",
	projection: "Projection", months: "months", unchanged: "the profile unchanged, as certifications stop counting and rules change",
	on: "on", below: "under the qualifying score from", unqualified: "no longer qualified from", stops: "stops counting on",
	people: "people", person: "person"}

var timeFR = timeLabels{window: "Fenêtre de qualification", from: "du", to: "au",
	windowHow:   "une désignation est obtenue quand son domaine est qualifié un jour de ces mois",
	qualifiedIn: "qualifié en", never: "jamais qualifié sur ces mois", holds: "ACQUISE", notHolds: "NON ACQUISE",
	projection: "Projection", months: "mois", unchanged: "le profil inchangé, à mesure que des certifications cessent de compter et que les règles changent",
	on: "le", below: "sous le score de qualification à partir du", unqualified: "plus qualifié à partir du", stops: "cesse de compter le",
	people: "personnes", person: "personne"}

// writeWindow writes the qualification window (res.Window, from the profile's history):
// per area, the months it qualified in and whether the designation holds at asOf.
func writeWindow(b *strings.Builder, w *score.Window, lang string, l *labels, c colors) {
	t := &timeEN
	if lang == "fr" {
		t = &timeFR
	}
	b.WriteString("\n" + c.bold(t.window) + " (" + t.from + " " + w.From + " " + t.to + " " + w.To + ")" + l.colon + " " + t.windowHow + ".\n")
	for _, a := range w.Areas {
		s := "  " + a.Name + l.colon + " "
		if len(a.MonthsQualified) > 0 {
			s += t.qualifiedIn + " " + strings.Join(a.MonthsQualified, ", ")
		} else {
			s += t.never
		}
		if a.Holds {
			s += " — " + c.green(t.holds)
		} else {
			s += " — " + c.red(t.notHolds)
		}
		b.WriteString(s + "\n")
	}
}

// writeProjection writes each area's projected score (res.Projection): from asOf to the
// last month, when it falls under the qualifying score or stops qualifying, and the held
// certifications that stop counting meanwhile.
func writeProjection(b *strings.Builder, p *score.Projection, lang string, l *labels, c colors) {
	t := &timeEN
	if lang == "fr" {
		t = &timeFR
	}
	b.WriteString("\n" + c.bold(t.projection) + " (" + strconv.Itoa(max(0, len(p.Dates)-1)) + " " + t.months + ", " + t.unchanged + ")" + l.colon + "\n")
	for _, a := range p.Areas {
		if len(a.Points) == 0 {
			continue
		}
		first, last := a.Points[0], a.Points[len(a.Points)-1]
		s := "  " + a.Name + l.colon + " " + numUnder(first.Score, first.QualifyingScore, lang) + " " + t.on + " " + first.Date +
			" → " + numUnder(last.Score, last.QualifyingScore, lang) + " " + t.on + " " + last.Date
		if a.BelowFrom != "" {
			s += l.sep + t.below + " " + a.BelowFrom
		}
		if a.UnqualifiedFrom != "" {
			s += l.sep + c.red(t.unqualified+" "+a.UnqualifiedFrom)
		}
		b.WriteString(s + "\n")
		for _, ev := range a.Events {
			who := t.people
			if score.Singular(float64(ev.People), lang) {
				who = t.person
			}
			b.WriteString("    " + ev.Name + " (" + strconv.Itoa(ev.People) + " " + who + ") " + t.stops + " " + ev.StopsOn + "\n")
		}
	}
}
