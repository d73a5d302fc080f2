package main

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

var programsCmd = &command{
	name: "programs",
	usage: `Usage: partnerscore programs [-date YYYY-MM-DD] [-all] [-json]

Lists the partner programs PartnerScore knows and, for each, the version of the rules in
force on the date: id, version, effective dates, the date the rules were last checked
against their sources (verifiedOn), the qualifying score and the areas (designations)
with their tracks.

Flags:
  -date YYYY-MM-DD   the date (default: today, UTC)
  -all               list every version, marking the one in force on the date
  -json              print JSON: {"date":"…","programs":[{"id","name","version",
                     "effectiveFrom","effectiveTo","verifiedOn","qualifyingScore",
                     "inForce","areas":[{"id","name","tracks":[{"id","name"}]}]}]}

Exit status: 0 success (also when no version is in force on the date); 2 a bad flag.
`,
}

// programJSON is one program version as -json prints it.
type programJSON struct {
	ID              string     `json:"id"`
	Name            score.Text `json:"name"`
	Version         string     `json:"version"`
	EffectiveFrom   string     `json:"effectiveFrom"`
	EffectiveTo     string     `json:"effectiveTo,omitempty"`
	VerifiedOn      string     `json:"verifiedOn"`
	QualifyingScore float64    `json:"qualifyingScore"`
	InForce         bool       `json:"inForce"`
	Areas           []areaJSON `json:"areas"`
	// Model is the program's model when it is not a scorecard (levels, calculator, timeline).
	Model string `json:"model,omitempty"`
}

type areaJSON struct {
	ID     string      `json:"id"`
	Name   score.Text  `json:"name"`
	Tracks []trackJSON `json:"tracks"`
}

type trackJSON struct {
	ID   string     `json:"id"`
	Name score.Text `json:"name"`
}

func runPrograms(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("programs", flag.ContinueOnError)
	date := fs.String("date", "", "the date, YYYY-MM-DD (default today)")
	all := fs.Bool("all", false, "list every version")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, code, ok := parseFlags(fs, programsCmd, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		io.WriteString(stderr, "partnerscore programs: takes no argument, got "+strconv.Quote(pos[0])+"\n\n"+programsCmd.usage)
		return exitInput
	}
	eng, ok := loadEngine(stderr)
	if !ok {
		return exitFail
	}
	if *date == "" {
		*date = today().UTC().Format(time.DateOnly)
	}
	inForce, err := eng.InForce(*date)
	if err != nil {
		// The engine names the field /asOf; here it is the -date flag.
		var es score.Errors
		if errors.As(err, &es) {
			for i, e := range es {
				c := *e
				c.Path = "-date"
				es[i] = &c
			}
			err = es
		}
		return report(stderr, err)
	}
	list := inForce
	if *all {
		list = eng.Programs()
	}
	current := func(p *score.Program) bool {
		for _, q := range inForce {
			if q == p {
				return true
			}
		}
		return false
	}

	if *asJSON {
		out := struct {
			Date     string        `json:"date"`
			Programs []programJSON `json:"programs"`
		}{Date: *date, Programs: []programJSON{}}
		for _, p := range list {
			pj := programJSON{ID: p.ID, Name: p.Name, Version: p.Version, EffectiveFrom: p.EffectiveFrom,
				EffectiveTo: p.EffectiveTo, VerifiedOn: p.VerifiedOn, QualifyingScore: p.QualifyingScore,
				InForce: current(p), Areas: []areaJSON{}, Model: p.Model}
			for _, a := range p.Areas {
				aj := areaJSON{ID: a.ID, Name: a.Name, Tracks: []trackJSON{}}
				for _, t := range a.Tracks {
					aj.Tracks = append(aj.Tracks, trackJSON{ID: t.ID, Name: t.Name})
				}
				pj.Areas = append(pj.Areas, aj)
			}
			out.Programs = append(out.Programs, pj)
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return report(stderr, err)
		}
		if _, err := stdout.Write(append(b, '\n')); err != nil {
			return report(stderr, err)
		}
		return exitOK
	}

	var b strings.Builder
	if len(list) == 0 {
		b.WriteString("No program version is in force on " + *date + " (partnerscore programs -all lists every version).\n")
	}
	for i, p := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.ID + "  " + p.Version)
		if current(p) {
			b.WriteString("  (in force on " + *date + ")")
		}
		b.WriteByte('\n')
		field := func(k, v string) { b.WriteString("  " + pad(k, 12) + v + "\n") }
		field("name", p.Name.En)
		to := p.EffectiveTo
		if to == "" {
			to = "open-ended"
		}
		field("effective", p.EffectiveFrom+" to "+to)
		field("verified on", p.VerifiedOn)
		if modelLines(&b, p, field) {
			continue
		}
		field("qualifying", num(p.QualifyingScore, "en")+" points per area")
		b.WriteString("  areas:\n")
		w := 0
		for _, a := range p.Areas {
			w = max(w, len(a.ID))
		}
		for _, a := range p.Areas {
			var tracks []string
			for _, t := range a.Tracks {
				tracks = append(tracks, t.ID)
			}
			b.WriteString("    " + pad(a.ID, w+2) + a.Name.En + "  [tracks: " + strings.Join(tracks, ", ") + "]\n")
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// pad left-aligns s in a field of n characters (runes).
func pad(s string, n int) string {
	if k := n - len([]rune(s)); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s + " "
}
