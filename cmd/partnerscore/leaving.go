package main

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/partnerscore/partnerscore/score"
)

// leavingLabels are the words of the report's "if someone leaves" section.
type leavingLabels struct {
	title, person, noChange, noLonger, nowQualified, noLevel, loses string
}

var leavingEN = leavingLabels{title: "If someone leaves", person: "Person ", noChange: "no change",
	noLonger: "NOT QUALIFIED", nowQualified: "QUALIFIED", noLevel: "no level", loses: "loses"}

var leavingFR = leavingLabels{title: "Si quelqu'un part", person: "Personne ", noChange: "aucun changement",
	noLonger: "NON QUALIFIÉ", nowQualified: "QUALIFIÉ", noLevel: "aucun niveau", loses: "perd"}

// writeDepartures writes what each named person's leaving would change (res.Departures):
// those whose leaving loses a designation, level or competency first, then those whose
// leaving changes a score, then the others, each group in the profile's order.
func writeDepartures(b *strings.Builder, res *score.Result, lang string, l *labels, c colors) {
	w := &leavingEN
	if lang == "fr" {
		w = &leavingFR
	}
	rank := func(d *score.Departure) int {
		switch {
		case d.Loses:
			return 0
		case len(d.Areas)+len(d.Levels) > 0:
			return 1
		}
		return 2
	}
	order := make([]*score.Departure, len(res.Departures))
	for i := range res.Departures {
		order[i] = &res.Departures[i]
	}
	sort.SliceStable(order, func(i, j int) bool { return rank(order[i]) < rank(order[j]) })
	b.WriteString("\n" + c.bold(w.title) + l.colon + "\n")
	for _, d := range order {
		who := d.ID
		if who == "" {
			who = w.person + strconv.Itoa(d.Person+1)
		}
		if len(d.Areas)+len(d.Levels) == 0 {
			b.WriteString("  " + who + l.colon + " " + w.noChange + "\n")
			continue
		}
		b.WriteString("  " + c.bold(who) + l.colon + "\n")
		for _, a := range d.Areas {
			area := findArea(res, a.Program, a.Area)
			qs := math.Inf(1) // a score is kept under the qualifying score it does not reach
			if area != nil {
				qs = area.QualifyingScore
			}
			s := "    " + a.Name + " " + numUnder(a.Was, qs, lang) + " → " + numUnder(a.Score, qs, lang)
			if a.Qualified != a.WasQualified {
				if a.Qualified {
					s += ", " + c.green(w.nowQualified)
				} else {
					s += ", " + c.red(w.noLonger)
				}
			}
			parts := make([]string, 0, len(a.Metrics))
			for _, m := range a.Metrics {
				parts = append(parts, metricName(area, m.ID)+" "+num(m.Was, lang)+" → "+num(m.Points, lang))
			}
			if len(parts) > 0 {
				s += " (" + strings.Join(parts, l.sep) + ")"
			}
			b.WriteString(s + "\n")
		}
		for _, lv := range d.Levels {
			pr := findProgram(res, lv.Program)
			var out []string
			if lv.Reached != lv.WasReached {
				out = append(out, levelName(pr, lv.WasReached, w.noLevel)+" → "+levelName(pr, lv.Reached, w.noLevel))
			}
			var lost []string
			for _, id := range lv.Levels {
				lost = append(lost, levelName(pr, id, id))
			}
			for _, id := range lv.Competencies {
				lost = append(lost, competencyName(pr, id))
			}
			if len(lost) > 0 {
				out = append(out, c.red(w.loses+" "+strings.Join(lost, l.sep)))
			}
			b.WriteString("    " + lv.Name + l.colon + " " + strings.Join(out, l.sep) + "\n")
		}
	}
}

func findProgram(res *score.Result, id string) *score.ProgramResult {
	for i := range res.Programs {
		if res.Programs[i].ID == id {
			return &res.Programs[i]
		}
	}
	return nil
}

func findArea(res *score.Result, program, area string) *score.AreaResult {
	if pr := findProgram(res, program); pr != nil {
		for i := range pr.Areas {
			if pr.Areas[i].ID == area {
				return &pr.Areas[i]
			}
		}
	}
	return nil
}

func metricName(a *score.AreaResult, id string) string {
	if a != nil {
		for i := range a.Metrics {
			if a.Metrics[i].ID == id {
				return a.Metrics[i].Name
			}
		}
	}
	return id
}

func levelName(pr *score.ProgramResult, id, none string) string {
	if id == "" {
		return none
	}
	if pr != nil && pr.Levels != nil {
		for _, lv := range pr.Levels.Levels {
			if lv.ID == id {
				return lv.Name
			}
		}
	}
	return id
}

func competencyName(pr *score.ProgramResult, id string) string {
	if pr != nil && pr.Levels != nil {
		for _, cp := range pr.Levels.Competencies {
			if cp.ID == id {
				return cp.Name
			}
		}
	}
	return id
}
