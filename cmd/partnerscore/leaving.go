package main

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/partnerscore/partnerscore/score"
)

// leavingLabels are the words of the report's "if someone leaves" section.
type leavingLabels struct {
	title, person, noChange, noPoints, noLonger, nowQualified, loses, alsoLacks, noOne string
	bound                                                                              map[string]string // by what would bind the points
}

var leavingEN = leavingLabels{title: "If someone leaves", person: "Person ", noChange: "no change",
	noPoints: "no change in points (a measure moves, within what earns the maximum or below what earns a point)",
	noOne:    "no one is named in the profile; list the people with their certifications (\"people\") to see what each one's leaving would change",
	noLonger: "NOT QUALIFIED", nowQualified: "QUALIFIED", loses: "loses", alsoLacks: "would also lack",
	bound: map[string]string{score.AppliedGate: "a gate would no longer be met", score.AppliedPrerequisite: "the prerequisite would no longer be met"}}

var leavingFR = leavingLabels{title: "Si quelqu'un part", person: "Personne ", noChange: "aucun changement",
	noPoints: "aucun changement de points (une mesure bouge, dans ce qui vaut le maximum ou sous ce qui vaut un point)",
	noOne:    "personne n'est nommé dans le profil ; indiquez les personnes avec leurs certifications (« people ») pour voir ce que le départ de chacune changerait",
	noLonger: "NON QUALIFIÉ", nowQualified: "QUALIFIÉ", loses: "perd", alsoLacks: "manquerait aussi",
	bound: map[string]string{score.AppliedGate: "un prérequis ne serait plus atteint", score.AppliedPrerequisite: "la condition ne serait plus remplie"}}

// writeDepartures writes what each named person's leaving would change (res.Departures):
// those whose leaving loses a designation, level or competency first, then those whose
// leaving changes anything, then the others, each group in the profile's order. Per area
// that changes: the score with and without them, and each metric whose points change, with
// its measure; per program of levels, the levels and competencies lost, and those not met
// either way that would lack more requirements.
func writeDepartures(b *strings.Builder, res *score.Result, lang string, l *labels, c colors) {
	w := &leavingEN
	if lang == "fr" {
		w = &leavingFR
	}
	rank := func(d *score.Departure) int {
		switch {
		case d.Loses:
			return 0
		case d.Changed:
			return 1
		}
		return 2
	}
	order := make([]*score.Departure, len(res.Departures))
	for i := range res.Departures {
		order[i] = &res.Departures[i]
	}
	sort.SliceStable(order, func(i, j int) bool { return rank(order[i]) < rank(order[j]) })
	if len(order) == 0 {
		b.WriteString("\n" + c.bold(w.title) + l.colon + " " + w.noOne + ".\n")
		return
	}
	b.WriteString("\n" + c.bold(w.title) + l.colon + "\n")
	for _, d := range order {
		who := d.ID
		if who == "" {
			who = w.person + strconv.Itoa(d.Person+1)
		}
		if !d.Changed {
			b.WriteString("  " + who + l.colon + " " + w.noChange + "\n")
			continue
		}
		// The person's lines; none when only measures move and no points (5 → 4 people where
		// 4 already earn the maximum).
		var lines strings.Builder
		for _, p := range d.Programs {
			for _, a := range p.Areas {
				if a.Before == nil || a.After == nil {
					continue
				}
				var parts []string
				for _, m := range a.Metrics {
					if m.Before != nil && m.After != nil && m.Before.Points != m.After.Points {
						why := ""
						if m.After.Applied != m.Before.Applied && w.bound[m.After.Applied] != "" {
							why = l.sep + w.bound[m.After.Applied]
						}
						parts = append(parts, m.Name+" "+num(m.Before.Points, lang)+" → "+num(m.After.Points, lang)+" "+pts(m.After.Points, lang, l)+
							" ("+num(m.Before.Value, lang)+" → "+num(m.After.Value, lang)+" "+unit(m.After.Unit, m.After.Value, lang)+why+")")
					}
				}
				if len(a.Changes) == 0 && len(parts) == 0 {
					continue
				}
				s := "    " + a.Name + " " + numUnder(a.Before.Score, a.Before.QualifyingScore, lang) + " → " + numUnder(a.After.Score, a.After.QualifyingScore, lang)
				if a.After.Qualified != a.Before.Qualified {
					if a.After.Qualified {
						s += ", " + c.green(w.nowQualified)
					} else {
						s += ", " + c.red(w.noLonger)
					}
				}
				if len(parts) > 0 {
					s += l.colon + " " + strings.Join(parts, l.sep)
				}
				lines.WriteString(s + "\n")
			}
			var lost []string
			for _, os := range [2][]score.OutcomeComparison{p.Levels, p.Competencies} {
				for _, o := range os {
					if o.Before != nil && o.Before.Met && (o.After == nil || !o.After.Met) {
						lost = append(lost, o.Name)
					}
				}
			}
			if len(lost) > 0 {
				lines.WriteString("    " + p.Name + l.colon + " " + c.red(w.loses+" "+strings.Join(lost, l.sep)) + "\n")
			}
			// A level or competency not met either way that would lack more requirements.
			for _, os := range [2][]score.OutcomeComparison{p.Levels, p.Competencies} {
				for _, o := range os {
					if o.Before == nil || o.After == nil || o.Before.Met || o.After.Met {
						continue
					}
					var more []string
					for _, r := range o.After.Missing {
						if !slices.ContainsFunc(o.Before.Missing, func(q score.RequirementRef) bool { return q.ID == r.ID }) {
							more = append(more, r.Name)
						}
					}
					if len(more) > 0 {
						lines.WriteString("    " + o.Name + l.colon + " " + w.alsoLacks + " " + strings.Join(more, l.sep) + "\n")
					}
				}
			}
		}
		if lines.Len() == 0 {
			b.WriteString("  " + who + l.colon + " " + w.noPoints + "\n")
			continue
		}
		b.WriteString("  " + c.bold(who) + l.colon + "\n" + lines.String())
	}
}
