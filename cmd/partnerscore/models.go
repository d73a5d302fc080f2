package main

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerscore/partnerscore/score"
)

// modelLines writes what the programs command shows of a program that is not a scorecard;
// it reports whether it did.
func modelLines(b *strings.Builder, p *score.Program, field func(k, v string)) bool {
	switch p.Model {
	case "", score.ModelScorecard:
		return false
	}
	field("model", p.Model)
	if p.Levels != nil {
		var ids []string
		for _, l := range p.Levels.Levels {
			ids = append(ids, l.ID)
		}
		field("levels", strings.Join(ids, ", "))
		if n := len(p.Levels.Competencies); n > 0 {
			field("competencies", strconv.Itoa(n))
		}
	}
	if p.Calculator != nil {
		var ids []string
		for _, t := range p.Calculator.Tables {
			ids = append(ids, t.ID+" (per "+t.Period+")")
		}
		field("tables", strings.Join(ids, ", "))
	}
	if len(p.Timeline) > 0 {
		var ids []string
		for _, t := range p.Timeline {
			ids = append(ids, t.ID)
		}
		field("timeline", strings.Join(ids, ", "))
	}
	if len(p.Parameters) > 0 {
		var ids []string
		for _, pa := range p.Parameters {
			ids = append(ids, pa.ID)
		}
		field("parameters", strings.Join(ids, ", "))
	}
	return true
}

// writeModel writes the explain report of a levels, calculator or timeline program.
func writeModel(b *strings.Builder, pr *score.ProgramResult, lang string, c colors) {
	fr := lang == "fr"
	say := func(en, f string) string {
		if fr {
			return f
		}
		return en
	}
	line := func(indent int, parts ...string) {
		b.WriteString(strings.Repeat("  ", indent))
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	for _, t := range pr.Timeline {
		line(1, t.Explanation)
	}
	if lv := pr.Levels; lv != nil {
		// Levels are said by their names, as the result gives them in its language.
		names := make(map[string]string, len(lv.Levels))
		for _, l := range lv.Levels {
			names[l.ID] = l.Name
		}
		if lv.Ordered {
			reached := names[lv.Reached]
			if reached == "" {
				reached = say("none", "aucun")
			}
			line(0, say("Level reached: ", "Niveau atteint : "), c.bold(reached))
		} else {
			met := make([]string, len(pr.Qualified))
			for i, id := range pr.Qualified {
				met[i] = names[id]
			}
			// Names may hold commas ("Cloud Platform, silver"): a semicolon parts them.
			list := strings.Join(met, say("; ", " ; "))
			if list == "" {
				list = say("none", "aucun")
			}
			line(0, say("Met: ", "Atteints : "), c.bold(list))
		}
		for _, l := range lv.Levels {
			mark := c.red(say("NOT MET", "NON ATTEINT"))
			if l.Met {
				mark = c.green(say("MET", "ATTEINT"))
			}
			line(0, "")
			line(0, c.bold(l.Name), " — ", mark)
			for _, r := range l.Requirements {
				line(1, "- ", r.Explanation)
				for _, a := range r.Any {
					line(2, "· ", a.Explanation)
				}
			}
		}
		if len(lv.Competencies) > 0 {
			line(0, "")
			line(0, c.bold(say("Competencies", "Compétences")))
			for _, cp := range lv.Competencies {
				mark := c.dim(say("not earned", "non obtenue"))
				if cp.Earned {
					mark = c.green(say("earned", "obtenue"))
				}
				line(1, cp.Name, " — ", mark)
				for _, r := range cp.Requirements {
					line(2, r.Explanation)
				}
			}
		}
		for _, n := range lv.NotModelled {
			line(1, say("Not modelled: ", "Non modélisé : "), n.Name, " (", n.Reason, ")")
		}
	}
	if calc := pr.Calculator; calc != nil {
		for _, t := range calc.Tables {
			line(0, "")
			line(0, c.bold(t.Name))
			for _, cells := range tableText(&t, lang) {
				line(1, cells)
			}
		}
		for _, f := range calc.Figures {
			line(1, f.Name, say(": ", " : "), c.bold(num(f.Value, lang)), " ", unit(f.Unit, f.Value, lang))
		}
	}
	for _, p := range pr.Parameters {
		if p.Origin == score.OriginAssumption {
			line(1, say("Assumption: ", "Hypothèse : "), p.Name, " = ", num(p.Value, lang), " ", unit(p.Unit, p.Value, lang))
		}
	}
}

// tableText lays a calculator's table out in text: a header of the columns' names, a line
// per period ("year 1", "mois 1"), then the totals of the columns that have one; every
// column as wide as its widest cell, the numbers aligned on the right.
func tableText(t *score.TableResult, lang string) []string {
	head, period := "Period", t.Period
	if fr, ok := map[string]string{"year": "année", "month": "mois"}[t.Period]; ok && lang == "fr" {
		head, period = "Période", fr
	}
	grid := [][]string{{head}}
	for _, col := range t.Columns {
		grid[0] = append(grid[0], col.Name)
	}
	for i, row := range t.Rows {
		cells := []string{period + " " + strconv.Itoa(i+1)}
		for _, v := range row {
			cells = append(cells, num(v, lang))
		}
		grid = append(grid, cells)
	}
	totals := []string{"Total"}
	for k, col := range t.Columns {
		if col.Total && k < len(t.Totals) {
			totals = append(totals, num(t.Totals[k], lang))
			continue
		}
		totals = append(totals, "")
	}
	if strings.Join(totals[1:], "") != "" {
		grid = append(grid, totals)
	}
	widths := make([]int, len(grid[0]))
	for _, cells := range grid {
		for k, s := range cells {
			widths[k] = max(widths[k], utf8.RuneCountInString(s))
		}
	}
	out := make([]string, len(grid))
	for i, cells := range grid {
		var b strings.Builder
		for k, s := range cells {
			gap := strings.Repeat(" ", widths[k]-utf8.RuneCountInString(s))
			if k == 0 {
				b.WriteString(s + gap)
			} else {
				b.WriteString("  " + gap + s)
			}
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}
