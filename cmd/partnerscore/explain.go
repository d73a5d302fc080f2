package main

import (
	"flag"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerscore/partnerscore/score"
)

var explainCmd = &command{
	name: "explain",
	usage: `Usage: partnerscore explain [-lang fr|en] [-plan] [-leaving] [FILE|-]

Evaluates one JSON profile read from FILE, or from standard input when FILE is "-" or
absent, and prints a report: per program and area the track that counts and why, the
score against the qualifying score and whether the area is QUALIFIED; per metric its
points, how they were reached and the number of its rule's source in the program's list
of sources ("[2]"; starred, with a line saying what is assumed, where no source of that
rule version gives the rule); the warnings; and, when the profile asks for a plan
(or with -plan), the gaps and the cheapest plan to qualify; when the profile gives a
history, the qualification window (the months each area qualified in, and whether its
designation holds); when it asks for a projection, each area's score to its last month and
the certifications that stop counting; when it asks for departures (or with -leaving),
what each named person's leaving would change.

Flags:
  -lang fr|en   the report's language (default: the profile's "lang", else en)
  -plan         add the gaps and the plan even when the profile has no "plan"
  -leaving      add what each named person's leaving would change, even when the profile
                has no "departures"

Exit status: 0 success; 2 bad input (each problem on stderr, named by its JSON Pointer);
1 a read or write failure.
`,
}

func runExplain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	lang := fs.String("lang", "", "fr or en (default: the profile's lang, else en)")
	plan := fs.Bool("plan", false, "add the gaps and the plan")
	leaving := fs.Bool("leaving", false, "add what each named person's leaving would change")
	pos, code, ok := parseFlags(fs, explainCmd, args, stdout, stderr)
	if !ok {
		return code
	}
	file, code, ok := oneFile(explainCmd, pos, stderr)
	if !ok {
		return code
	}
	switch *lang {
	case "", "en", "fr":
	default:
		return report(stderr, &score.Error{Path: "-lang", Code: score.CodeUnknown, Message: "unknown language",
			Expected: `"en" or "fr"`, Got: strconv.Quote(*lang)})
	}
	eng, ok := loadEngine(stderr)
	if !ok {
		return exitFail
	}
	res, code, ok := evaluateFile(eng, file, stdin, stderr, func(prof *score.Profile) {
		if *lang != "" {
			prof.Lang = *lang // names, explanations and warnings all follow the report's language
		}
		if *plan && prof.Plan == nil {
			prof.Plan = &score.PlanRequest{}
		}
		if *leaving && prof.Departures == nil {
			prof.Departures = &score.DeparturesRequest{}
		}
	})
	if !ok {
		return code
	}
	text := writeReport(res, res.Lang, colorsFor(stdout), namesFor(eng, res.Lang))
	if _, err := io.WriteString(stdout, text); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// labels are the report's words in one language.
type labels struct {
	report, asOf, rules, since, until, qualifiedAreas, of, areas, none, perArea         string
	qualified, notQualified, short, atZero, metricsAtZero, reachedBut                   string
	track, best, profile, pickedBy, atLeast, below, notGiven, score, qualifyingScore    string
	metrics, warnings, gaps, now, pts, pt, plan, planTrack, cost, notReachable, already string
	add, of2, certified, certified1, metricAt, colon, qualifyingScoreCap, scoreLower    string
	sep, short1, certifiedPeople                                                        string
	catPerformance, catSkilling, catCustomerSuccess                                     string
	sources, read, assumption, valueFrom                                                string
	ifGatesMet                                                                          string
}

var labelsEN = labels{
	report: "PartnerScore report", asOf: "as of", rules: "rules", since: "in force since", until: "until",
	qualifiedAreas: "Qualified", of: "of", areas: "areas", none: "none", perArea: "points per area, with every metric above zero",
	qualified: "QUALIFIED", notQualified: "NOT QUALIFIED", short: "points short", atZero: "metric at zero", metricsAtZero: "metrics at zero",
	reachedBut: "score reached but",
	track:      "Track", best: "the best track", profile: "set by the profile", pickedBy: "picked by", atLeast: "at least", below: "below",
	notGiven: "not given", score: "Score", qualifyingScore: "qualifying score",
	metrics: "Metrics", warnings: "Warnings", gaps: "Gaps (what more of one measure would give)", now: "now", pts: "pts", pt: "pt",
	plan: "Cheapest plan", planTrack: "track", cost: "cost", notReachable: "not reachable", already: "already qualified",
	add: "add", of2: "of", certified: "certified", certified1: "certified", sep: "; ", short1: "point short", certifiedPeople: "certified people", metricAt: "metric at", qualifyingScoreCap: "Qualifying score", scoreLower: "score",
	catPerformance: "performance", catSkilling: "skilling", catCustomerSuccess: "customer success", colon: ":",
	sources: "Sources", read: "read on", assumption: "Assumption", valueFrom: "Value taken from the rules",
	ifGatesMet: "once every prerequisite of the metric is met",
}

var labelsFR = labels{
	report: "Rapport PartnerScore", asOf: "au", rules: "règles", since: "en vigueur depuis le", until: "jusqu'au",
	qualifiedAreas: "Qualifié", of: "sur", areas: "domaines", none: "aucun", perArea: "points par domaine, chaque métrique au-dessus de zéro",
	qualified: "QUALIFIÉ", notQualified: "NON QUALIFIÉ", short: "points manquants", atZero: "métrique à zéro", metricsAtZero: "métriques à zéro",
	reachedBut: "score atteint mais",
	track:      "Parcours", best: "le meilleur parcours", profile: "imposé par le profil", pickedBy: "choisi par", atLeast: "au moins", below: "moins de",
	notGiven: "non renseigné", score: "Score", qualifyingScore: "score de qualification",
	metrics: "Métriques", warnings: "Avertissements", gaps: "Écarts (ce que donnerait davantage d'une mesure)", now: "actuellement", pts: "pts", pt: "pt",
	plan: "Plan le moins coûteux", planTrack: "parcours", cost: "coût", notReachable: "inatteignable", already: "déjà qualifié",
	add: "ajouter", of2: "de", certified: "certifiées", certified1: "certifiée", sep: " ; ", short1: "point manquant", certifiedPeople: "personnes certifiées", metricAt: "métrique à", qualifyingScoreCap: "Score de qualification", scoreLower: "score",
	catPerformance: "performance", catSkilling: "compétences", catCustomerSuccess: "réussite client", colon: " :",
	sources: "Sources", read: "lu le", assumption: "Hypothèse", valueFrom: "Valeur reprise des règles",
	ifGatesMet: "une fois chaque prérequis de la métrique rempli",
}

func labelsFor(lang string) *labels {
	if lang == "fr" {
		return &labelsFR
	}
	return &labelsEN
}

// unit names n units of u in lang, as the engine's explanations do.
func unit(u string, n float64, lang string) string { return score.UnitName(u, n, lang) }

// num formats a number for display: at most one decimal, a decimal comma in French. A
// number that is not zero never reads as zero (a metric at 0.03 points is above zero, which
// qualification asks of every metric): it gets the decimals it needs, up to six.
func num(v float64, lang string) string { return numUnder(v, math.Inf(1), lang) }

// pts is l.pts after n, or its singular ("1 pt", "0,03 pt").
func pts(n float64, lang string, l *labels) string {
	if score.Singular(n, lang) {
		return l.pt
	}
	return l.pts
}

// numUnder is num for a figure compared with a limit (an area's score with its qualifying
// score): one under the limit never reads as reaching it either, 69.96 of 70 reads 69.96,
// not 70. Beyond six decimals the number is cut toward the side it is on.
func numUnder(v, limit float64, lang string) string {
	wrong := func(r float64) bool { return (r == 0 && v != 0) || (v < limit && r >= limit) }
	r := math.Round(v*10) / 10
	for d := 100.0; wrong(r) && d <= 1e6; d *= 10 {
		r = math.Round(v*d) / d
	}
	if wrong(r) {
		if r == 0 && v > 0 {
			r = math.Ceil(v*1e6) / 1e6
		} else {
			r = math.Floor(v*1e6) / 1e6
		}
	}
	if r == 0 {
		r = 0 // no "-0"
	}
	s := strconv.FormatFloat(r, 'f', -1, 64)
	if lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return score.GroupThousands(s, lang)
}

// colors styles the report; the zero value prints plain text.
type colors struct{ on bool }

func colorsFor(w io.Writer) colors {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return colors{}
	}
	st, err := f.Stat()
	return colors{on: err == nil && st.Mode()&os.ModeCharDevice != 0}
}

func (c colors) wrap(code, s string) string {
	if !c.on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}
func (c colors) bold(s string) string  { return c.wrap("1", s) }
func (c colors) green(s string) string { return c.wrap("1;32", s) }
func (c colors) red(s string) string   { return c.wrap("1;31", s) }
func (c colors) dim(s string) string   { return c.wrap("2", s) }

// writeReport renders a result as a terminal report in lang.
func writeReport(res *score.Result, lang string, c colors, n *names) string {
	l := labelsFor(lang)
	var b strings.Builder
	line := func(indent int, parts ...string) {
		b.WriteString(strings.Repeat("  ", indent))
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	line(0, c.bold(l.report), ", ", l.asOf, " ", res.AsOf)
	for pi := range res.Programs {
		pr := &res.Programs[pi]
		b.WriteByte('\n')
		when := l.since + " " + pr.EffectiveFrom
		if pr.EffectiveTo != "" {
			when += " " + l.until + " " + pr.EffectiveTo
		}
		line(0, c.bold(pr.Name), " — ", l.rules, " ", pr.Version, " (", when, ")")
		if pr.Model != "" {
			writeModel(&b, pr, lang, c)
			writeSources(&b, pr, l, c)
			continue
		}
		names := []string{}
		for _, a := range pr.Areas {
			if a.Qualified {
				names = append(names, a.Name)
			}
		}
		list := l.none
		if len(names) > 0 {
			list = strings.Join(names, ", ")
		}
		line(0, l.qualifiedAreas, l.colon, " ", strconv.Itoa(len(names)), " ", l.of, " ", strconv.Itoa(len(pr.Areas)), " ", l.areas, " (", list, ")")
		if len(pr.Areas) > 0 {
			line(0, l.qualifyingScoreCap, l.colon, " ", num(pr.Areas[0].QualifyingScore, lang), " ", l.perArea)
		}
		refs := sourceRefs(pr)
		for ai := range pr.Areas {
			b.WriteByte('\n')
			writeArea(&b, &pr.Areas[ai], lang, l, c, n, refs)
		}
		writeSources(&b, pr, l, c)
	}
	if len(res.Warnings) > 0 {
		b.WriteByte('\n')
		line(0, c.bold(l.warnings), l.colon)
		for i := range res.Warnings {
			line(1, "- ", res.Warnings[i].Text(lang))
		}
	}
	if res.Window != nil {
		writeWindow(&b, res.Window, lang, l, c)
	}
	if res.Projection != nil {
		writeProjection(&b, res.Projection, lang, l, c)
	}
	if res.Departures != nil {
		writeDepartures(&b, res, lang, l, c)
	}
	return b.String()
}

// sourceRefs numbers a program's sources as writeSources lists them: "[1]", "[2]"…
func sourceRefs(pr *score.ProgramResult) map[string]string {
	refs := make(map[string]string, len(pr.Sources))
	for i, s := range pr.Sources {
		refs[s.ID] = "[" + strconv.Itoa(i+1) + "]"
	}
	return refs
}

// ref is a source's number in the report, or its id when the program does not list it.
func ref(refs map[string]string, id string) string {
	if r, ok := refs[id]; ok {
		return r
	}
	return "[" + id + "]"
}

// writeSources lists a program's sources, numbered as the metrics cite them.
func writeSources(b *strings.Builder, pr *score.ProgramResult, l *labels, c colors) {
	if len(pr.Sources) == 0 {
		return
	}
	b.WriteString("\n" + c.bold(l.sources) + l.colon + "\n")
	for i, s := range pr.Sources {
		b.WriteString("  [" + strconv.Itoa(i+1) + "] " + s.Title)
		if strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://") {
			b.WriteString(" — " + s.URL)
		}
		b.WriteString(" (" + l.read + " " + s.Retrieved + ")\n")
	}
}

func writeArea(b *strings.Builder, a *score.AreaResult, lang string, l *labels, c colors, n *names, refs map[string]string) {
	line := func(indent int, parts ...string) {
		b.WriteString(strings.Repeat("  ", indent))
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	// Heading: name and verdict.
	if a.Qualified {
		line(0, c.bold(a.Name), " — ", c.green(l.qualified))
	} else {
		var why []string
		if a.Shortfall > 0 {
			short := num(a.Shortfall, lang)
			if score.Singular(a.Shortfall, lang) {
				short += " " + l.short1
			} else {
				short += " " + l.short
			}
			why = append(why, short)
		}
		if a.ZeroMetrics > 0 {
			z := l.atZero
			if a.ZeroMetrics > 1 {
				z = l.metricsAtZero
			}
			z = strconv.Itoa(a.ZeroMetrics) + " " + z
			if a.Shortfall == 0 {
				z = l.reachedBut + " " + z
			}
			why = append(why, z)
		}
		line(0, c.bold(a.Name), " — ", c.red(l.notQualified), l.colon, " ", strings.Join(why, l.sep))
	}
	// Track and why it counts.
	trackName := a.Track
	for _, t := range a.Tracks {
		if t.Counts {
			trackName = t.Name
		}
	}
	var why string
	switch s := a.Selection; s.Kind {
	case score.SelectedBest:
		var ts []string
		for _, t := range a.Tracks {
			ts = append(ts, t.Name+" "+numUnder(t.Score, a.QualifyingScore, lang))
		}
		why = l.best + " (" + strings.Join(ts, ", ") + ")"
	case score.SelectedFact:
		switch {
		case !s.Given:
			why = l.pickedBy + " " + n.fact(s.Fact) + " (" + l.notGiven + l.sep + l.below + " " + num(s.AtLeast, lang) + ")"
		case s.Value >= s.AtLeast:
			why = l.pickedBy + " " + n.fact(s.Fact) + " = " + num(s.Value, lang) + " (" + l.atLeast + " " + num(s.AtLeast, lang) + ")"
		default:
			why = l.pickedBy + " " + n.fact(s.Fact) + " = " + numUnder(s.Value, s.AtLeast, lang) + " (" + l.below + " " + num(s.AtLeast, lang) + ")"
		}
	case score.SelectedProfile:
		why = l.profile
	}
	line(1, l.track, l.colon, " ", trackName, " — ", why)
	line(1, l.score, l.colon, " ", numUnder(a.Score, a.QualifyingScore, lang), "/", num(a.Max, lang), " (", l.qualifyingScore, " ", num(a.QualifyingScore, lang), ")")

	// Metrics, points aligned.
	line(1, l.metrics, l.colon)
	w := 0
	for i := range a.Metrics {
		w = max(w, utf8.RuneCountInString(metricLabel(&a.Metrics[i], l)))
	}
	for i := range a.Metrics {
		m := &a.Metrics[i]
		pts := num(m.Points, lang) + "/" + num(m.Max, lang)
		if m.Points <= 0 {
			pts = c.red(pts)
		}
		// The source of the rule, as writeSources numbers it; a star where no source of the
		// version gives the rule, said under the explanation.
		cite := ref(refs, m.Source)
		if m.Assumption != nil {
			cite += "*"
		}
		line(2, pad(metricLabel(m, l), w+2), pad(pts, 8), c.dim(cite))
		line(3, c.dim(m.Explain(lang)))
		if x := m.Assumption; x != nil {
			line(3, c.dim("* "+l.assumption+l.colon+" "+x.Reason+" "+l.valueFrom+" "+x.From+l.colon+" "+ref(refs, x.Source)+"."))
		}
	}
	if a.Plan != nil {
		writePlan(b, a, lang, l, n)
	}
}

func metricLabel(m *score.MetricResult, l *labels) string {
	cat := m.Category
	switch cat {
	case score.CategoryPerformance:
		cat = l.catPerformance
	case score.CategorySkilling:
		cat = l.catSkilling
	case score.CategoryCustomerSuccess:
		cat = l.catCustomerSuccess
	}
	return m.Name + " [" + cat + "]"
}

func writePlan(b *strings.Builder, a *score.AreaResult, lang string, l *labels, n *names) {
	line := func(indent int, parts ...string) {
		b.WriteString(strings.Repeat("  ", indent))
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	pl := a.Plan
	// The metrics by id, as the area's result names them (a plan may use a track whose
	// metrics the result does not list: those keep their ids).
	metrics := map[string]*score.MetricResult{}
	for i := range a.Metrics {
		metrics[a.Metrics[i].ID] = &a.Metrics[i]
	}
	// cert says the lever counts certified people: the data names no such part ("people"),
	// and the report calls it what it counts.
	metric := func(id, lever string, cert bool) string {
		m, ok := metrics[id]
		switch {
		case !ok:
			return id + "/" + lever
		case cert && !n.named(lever) && (len(m.Parts) > 1 || len(m.Gates) > 0):
			return m.Name + " [" + l.certifiedPeople + "]"
		case n.named(lever) || len(m.Parts) > 1 || len(m.Gates) > 0:
			return m.Name + " [" + n.lever(lever) + "]"
		default:
			// A metric of one part and no gate names its only lever.
			return m.Name
		}
	}
	var gaps []string
	for _, g := range pl.Gaps {
		if g.Add <= 0 || g.Points <= 0 {
			continue
		}
		s := metric(g.Metric, g.Lever, g.Fact == "") + l.colon + " +" + num(g.Add, lang) + " " + unit(g.Unit, g.Add, lang)
		if g.Fact != "" {
			s += " " + l.of2 + " " + n.fact(g.Fact)
		}
		s += " (" + l.now + " " + num(g.Value, lang) + ") → +" + num(g.Points, lang) + " " + pts(g.Points, lang, l)
		// A gated metric's gaps are counted with its unmet prerequisites met (score.Gap):
		// one measure alone may give nothing.
		if m, ok := metrics[g.Metric]; ok && slices.ContainsFunc(m.Gates, func(x score.GateResult) bool { return !x.Met }) {
			s += ", " + l.ifGatesMet
		}
		gaps = append(gaps, s)
	}
	if len(gaps) > 0 {
		line(1, l.gaps, l.colon)
		for _, s := range gaps {
			line(2, s)
		}
	}
	switch {
	case !pl.Reachable:
		reason := ""
		if pl.Reason != "" {
			reason = " — " + pl.Reason
		}
		line(1, l.plan, l.colon, " ", l.notReachable, reason)
	case a.Qualified && len(pl.Steps) == 0:
		line(1, l.plan, l.colon, " ", l.already)
	default:
		track := pl.Track
		for _, t := range a.Tracks {
			if t.ID == pl.Track {
				track = t.Name
			}
		}
		line(1, l.plan, " (", l.planTrack, " ", track, ", ", l.cost, " ", num(pl.Cost, lang), ", ", l.scoreLower, " ", num(pl.Score, lang), ")", l.colon)
		for _, s := range pl.Steps {
			what := l.add + " " + num(s.Add, lang) + " " + unit(s.Unit, s.Add, lang)
			switch {
			case s.Fact != "":
				what += " " + l.of2 + " " + n.fact(s.Fact)
			case s.Certification != "":
				cert := l.certified
				if s.Add == 1 {
					cert = l.certified1
				}
				what += " " + cert + " " + n.cert(s.Certification)
			}
			line(2, what, " (", metric(s.Metric, s.Lever, s.Fact == ""), ") → ", l.metricAt, " ", num(s.Points, lang), " ", pts(s.Points, lang, l), ", ", l.cost, " ", num(s.Cost, lang))
		}
	}
}

// names gives the report's words for the ids a result holds: a fact's label, quoted, and a
// certification's name with its exam codes, in the report's language (ids that the rule
// data does not name stay ids).
type names struct {
	facts  map[string]string
	certs  map[string]string
	levers map[string]string // a metric part's or gate's name by id (one name per id in the rules)
}

// namesFor reads the names of every rule version's facts and metric parts and gates (a
// newer version's wins) and of the certification catalog, in lang.
func namesFor(eng *score.Engine, lang string) *names {
	n := &names{facts: map[string]string{}, certs: map[string]string{}, levers: map[string]string{}}
	open, close := "“", "”"
	if lang == "fr" {
		open, close = "« ", " »"
	}
	for _, p := range eng.Programs() {
		for i := range p.Facts {
			f := &p.Facts[i]
			if label := f.Label.In(lang); label != "" {
				n.facts[f.ID] = open + label + close
			}
		}
		for _, a := range p.Areas {
			for _, t := range a.Tracks {
				for _, m := range t.Metrics {
					for _, pt := range m.Rule.Parts {
						if pt.Name != nil {
							n.levers[pt.ID] = pt.Name.In(lang)
						}
					}
					for _, g := range m.Rule.Gates {
						if g.Name != nil {
							n.levers[g.ID] = g.Name.In(lang)
						}
					}
				}
			}
		}
	}
	for _, c := range eng.Certifications() {
		name := c.Name.In(lang)
		if name == "" {
			continue
		}
		if len(c.Exams) > 0 {
			name += " (" + strings.Join(c.Exams, ", ") + ")"
		}
		n.certs[c.ID] = name
	}
	return n
}

func (n *names) fact(id string) string {
	if s, ok := n.facts[id]; ok {
		return s
	}
	return id
}

// named reports whether the rules name a lever (a metric's part or gate).
func (n *names) named(id string) bool {
	_, ok := n.levers[id]
	return ok
}

func (n *names) lever(id string) string {
	if s, ok := n.levers[id]; ok {
		return s
	}
	return id
}

func (n *names) cert(id string) string {
	if s, ok := n.certs[id]; ok {
		return s
	}
	return id
}
