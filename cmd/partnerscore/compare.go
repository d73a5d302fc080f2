package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"strconv"
	"strings"

	"github.com/partnerscore/partnerscore/score"
)

var compareCmd = &command{
	name: "compare",
	usage: `Usage: partnerscore compare -from YYYY-MM-DD -to YYYY-MM-DD [-json [-pretty]] [-all] [-lang fr|en] [FILE|-]

Scores one JSON profile read from FILE (or standard input) on two dates, each under the
rule version in force then (the profile's asOf, history, projection, departures and plan
are ignored), and prints what changed: the versions, per area the track, score and
qualification, and per metric the points with the rule changes (max, threshold,
certifications, gates, prerequisite, assumption) and outcome changes (points, applied,
value).

Flags:
  -from DATE    the first date (required)
  -to DATE      the second date (required)
  -json         print the comparison as one line of JSON (schemas/comparison.schema.json),
                as POST /v1/compare answers it
  -pretty       with -json, indent the JSON
  -all          list every metric, not only those that changed
  -lang fr|en   the language of names (default: the profile's "lang", else en)

Exit status: 0 success; 2 bad input (each problem on stderr, named by its JSON Pointer;
the dates are /from and /to); 1 a read or write failure.
`,
}

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	from := fs.String("from", "", "the first date")
	to := fs.String("to", "", "the second date")
	asJSON := fs.Bool("json", false, "print JSON")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	all := fs.Bool("all", false, "list every metric")
	lang := fs.String("lang", "", "fr or en")
	pos, code, ok := parseFlags(fs, compareCmd, args, stdout, stderr)
	if !ok {
		return code
	}
	file, code, ok := oneFile(compareCmd, pos, stderr)
	if !ok {
		return code
	}
	var errs score.Errors
	for _, f := range []struct{ name, v string }{{"/from", *from}, {"/to", *to}} {
		if f.v == "" {
			errs = append(errs, &score.Error{Path: f.name, Code: score.CodeRequired, Message: "a date is required (-" + f.name[1:] + ")", Expected: "YYYY-MM-DD"})
		}
	}
	switch *lang {
	case "", "en", "fr":
	default:
		errs = append(errs, &score.Error{Path: "-lang", Code: score.CodeUnknown, Message: "unknown language", Expected: `"en" or "fr"`, Got: strconv.Quote(*lang)})
	}
	if errs != nil {
		return report(stderr, errs)
	}
	eng, ok := loadEngine(stderr)
	if !ok {
		return exitFail
	}
	data, err := readProfile(file, stdin)
	if err != nil {
		return report(stderr, err)
	}
	c, err := eng.ParseCompare(data, *from, *to, *lang)
	if err != nil {
		return report(stderr, err)
	}
	var out []byte
	if *asJSON {
		out = c.AppendJSON(nil)
		if *pretty {
			var ind bytes.Buffer
			if err := json.Indent(&ind, out, "", "  "); err != nil {
				return report(stderr, err)
			}
			out = ind.Bytes()
		}
		out = append(out, '\n')
	} else {
		out = []byte(writeComparison(c, *all, colorsFor(stdout)))
	}
	if _, err := stdout.Write(out); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// changeWordsFR are the French words of the comparison's changes (score.Change*), as the
// simulator's "over time" panel says them (site/js/history.js).
var changeWordsFR = map[string]string{
	score.ChangeAdded: "nouveau", score.ChangeRemoved: "retiré", score.ChangeTrack: "parcours", score.ChangeScore: "score",
	score.ChangeQualified: "qualification", score.ChangePoints: "points", score.ChangeApplied: "limite", score.ChangeValue: "valeur",
	score.ChangeMax: "maximum", score.ChangeThreshold: "seuil", score.ChangeCertifications: "certifications", score.ChangeGates: "prérequis",
	score.ChangePrerequisite: "condition", score.ChangeAssumption: "hypothèse", score.ChangeMet: "atteint", score.ChangeMissing: "exigences",
}

// writeComparison is the readable form of a comparison.
func writeComparison(c *score.Comparison, all bool, col colors) string {
	lang := c.Lang
	fr := lang == "fr"
	word := func(en, f string) string {
		if fr {
			return f
		}
		return en
	}
	var b strings.Builder
	side := func(s *score.AreaSide) string {
		if s == nil {
			return "—"
		}
		q := word("not qualified", "non qualifié")
		if s.Qualified {
			q = col.green(word("QUALIFIED", "QUALIFIÉ"))
		}
		return s.TrackName + " " + numUnder(s.Score, s.QualifyingScore, lang) + "/" + num(s.Max, lang) + " " + q
	}
	colon := word(": ", " : ")
	starred := false // a metric's points marked as an assumption
	changes := func(cs []string) string {
		ws := make([]string, len(cs))
		for i, k := range cs {
			ws[i] = k
			if fr {
				if w, ok := changeWordsFR[k]; ok {
					ws[i] = w
				}
			}
		}
		return "[" + strings.Join(ws, ", ") + "]"
	}
	version := func(v *score.VersionRef) string {
		if v == nil {
			return word("no rules", "aucune règle")
		}
		return v.Version + " (" + word("from ", "depuis le ") + v.EffectiveFrom + ")"
	}
	outcome := func(s *score.OutcomeSide, yes, no string) string {
		switch {
		case s == nil:
			return "—"
		case s.Met:
			return col.green(yes)
		}
		return no
	}
	names := func(s *score.OutcomeSide) string {
		if s == nil || len(s.Missing) == 0 {
			return "—"
		}
		var ns []string
		for _, r := range s.Missing {
			ns = append(ns, r.Name)
		}
		return strings.Join(ns, "; ")
	}
	models := func(p *score.ProgramComparison) {
		for k, os := range [2][]score.OutcomeComparison{p.Levels, p.Competencies} {
			yes, no := word("MET", "ATTEINT"), word("not met", "non atteint")
			if k == 1 {
				yes, no = word("EARNED", "OBTENUE"), word("not earned", "non obtenue")
			}
			for _, o := range os {
				if len(o.Changes) == 0 && !all {
					continue
				}
				b.WriteString("\n  " + col.bold(o.Name) + colon + outcome(o.Before, yes, no) + " → " + outcome(o.After, yes, no))
				if len(o.Changes) > 0 {
					b.WriteString("  " + col.red(changes(o.Changes)))
				}
				b.WriteString("\n    " + word("missing", "manque au") + " " + c.From + colon + names(o.Before) + "\n    " + word("missing", "manque au") + " " + c.To + colon + names(o.After) + "\n")
			}
		}
	}
	b.WriteString(col.bold(word("Comparison", "Comparaison")) + " " + c.From + " → " + c.To + "\n")
	if !c.Changed {
		b.WriteString(word("Nothing changes.\n", "Rien ne change.\n"))
	}
	for i := range c.Programs {
		p := &c.Programs[i]
		b.WriteString("\n" + col.bold(p.Name) + "\n  " + word("rules", "règles") + colon + version(p.Before) + " → " + version(p.After) + "\n")
		for _, a := range p.Areas {
			changed := len(a.Changes) > 0
			for _, m := range a.Metrics {
				changed = changed || len(m.Changes) > 0
			}
			if !changed && !all {
				continue
			}
			b.WriteString("\n  " + col.bold(a.Name) + colon + side(a.Before) + " → " + side(a.After))
			if len(a.Changes) > 0 {
				b.WriteString("  " + col.red(changes(a.Changes)))
			}
			b.WriteByte('\n')
			for _, m := range a.Metrics {
				if len(m.Changes) == 0 && !all {
					continue
				}
				pts := func(s *score.MetricSide) string {
					if s == nil {
						return "—"
					}
					t := num(s.Points, lang) + "/" + num(s.Max, lang)
					if s.Assumption {
						t += "*"
						starred = true
					}
					return t
				}
				b.WriteString("    " + m.Name + colon + pts(m.Before) + " → " + pts(m.After))
				if len(m.Changes) > 0 {
					b.WriteString("  " + changes(m.Changes))
				}
				b.WriteByte('\n')
			}
		}
		models(p)
	}
	if !starred {
		return b.String()
	}
	b.WriteString("\n" + col.dim(word("* an assumption: no source of that version gives the rule (see the result's \"assumption\").", "* une hypothèse : aucune source de cette version ne donne la règle (voir « assumption » dans le résultat).")) + "\n")
	return b.String()
}
