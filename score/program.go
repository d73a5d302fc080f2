package score

// Text is a label in the languages PartnerScore speaks.
type Text struct {
	// En is the English text.
	En string `json:"en"`
	// Fr is the French text.
	Fr string `json:"fr"`
}

// In returns the text in lang ("fr" or anything else for English).
func (t Text) In(lang string) string {
	if lang == "fr" && t.Fr != "" {
		return t.Fr
	}
	return t.En
}

// opt is t in lang, or "" when t is nil (an optional name).
func (t *Text) opt(lang string) string {
	if t == nil {
		return ""
	}
	return t.In(lang)
}

// Program is one version of a partner program's rules, as data. A program id has one
// version in force on any date, chosen by EffectiveFrom and EffectiveTo.
type Program struct {
	// ID names the program across versions, e.g. "microsoft-ai-cloud-partner-program".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the program's display name.
	Name Text `json:"name"`
	// Version names this rule set, e.g. "fy26".
	Version string `json:"version"`
	// EffectiveFrom is the first day (YYYY-MM-DD) these rules are in force.
	EffectiveFrom string `json:"effectiveFrom" jsonschema:"format=date"`
	// EffectiveTo is the last day these rules are in force; empty while they still are.
	EffectiveTo string `json:"effectiveTo,omitempty" jsonschema:"format=date"`
	// VerifiedOn is the date the sources were last read; results after it carry a warning.
	VerifiedOn string `json:"verifiedOn" jsonschema:"format=date"`
	// QualifyingScore is the score an area needs (with every metric above zero) to qualify
	// (model scorecard).
	QualifyingScore float64 `json:"qualifyingScore,omitempty" jsonschema:"exclusiveMinimum=0"`
	// Notes record how ambiguities in the sources were resolved, program-wide.
	Notes []string `json:"notes,omitempty"`
	// Sources are the documents the rules come from; metrics refer to them by id.
	Sources []Source `json:"sources" jsonschema:"minItems=1"`
	// Facts are the numbers this version reads from a profile.
	Facts []Fact `json:"facts"`
	// Areas are the designations (solution areas, tiers) scored (model scorecard).
	Areas []Area `json:"areas,omitempty" jsonschema:"minItems=1"`
	// Model is how the rules are evaluated: scorecard (the default when absent), levels,
	// calculator or timeline (see the Model constants).
	Model string `json:"model,omitempty" jsonschema:"enum=scorecard,enum=levels,enum=calculator,enum=timeline"`
	// OnRequest programs are evaluated only when a profile lists them in programs or gives
	// a fact or parameter they declare; other programs are evaluated whenever in force.
	OnRequest bool `json:"onRequest,omitempty"`
	// Parameters are figures the rules use that a profile may set, each with a default.
	Parameters []Parameter `json:"parameters,omitempty"`
	// Timeline lists dated statuses reported as of the profile's date.
	Timeline []TimelineItem `json:"timeline,omitempty"`
	// Levels are the rules of model levels.
	Levels *LevelsRules `json:"levels,omitempty"`
	// Calculator is the rules of model calculator.
	Calculator *CalculatorRules `json:"calculator,omitempty"`
	// Assumptions flag metrics whose rule no source of this version gives, many at a time
	// (see Assumption.Metrics); a metric's own Assumption wins.
	Assumptions []Assumption `json:"assumptions,omitempty"`
}

// Source is a document a rule comes from.
type Source struct {
	// ID is how metrics and facts refer to this source.
	ID string `json:"id"`
	// Title names the document: its own title where the text read gives one, else a
	// description. It is in English unless Lang says otherwise.
	Title string `json:"title"`
	// Lang is the language of Title and of the document (an ISO 639-1 code, e.g. "fr") when
	// it is not English: an article of the French trade press is named by its French title.
	Lang string `json:"lang,omitempty" jsonschema:"pattern=^[a-z]{2}$"`
	// URL is the document's public address.
	URL string `json:"url" jsonschema:"format=uri"`
	// Copy is where the text that was read is kept, when the URL is not what was read
	// (e.g. a repository snapshot of the page).
	Copy string `json:"copy,omitempty"`
	// Retrieved is the date (YYYY-MM-DD) the text was read.
	Retrieved string `json:"retrieved" jsonschema:"format=date"`
}

// Fact declares a number a program reads from Profile.Facts.
type Fact struct {
	// ID is the key in Profile.Facts, e.g. "mw.ent.netCustomerAdds".
	ID string `json:"id" jsonschema:"pattern=^[a-zA-Z][a-zA-Z0-9.]*$"`
	// Label names the fact in a form.
	Label Text `json:"label"`
	// Help explains what counts, in the source's terms.
	Help Text `json:"help"`
	// Unit is what one unit of the fact is: customers, users, deployments, workloads, percent, usd, services...
	Unit string `json:"unit"`
	// Integer is true when the fact counts whole things.
	Integer bool `json:"integer,omitempty"`
	// Min is the smallest accepted value (net adds and growth may be negative).
	Min float64 `json:"min"`
	// Max is the largest accepted value.
	Max float64 `json:"max"`
	// Step is the smallest change a plan proposes (default 1).
	Step float64 `json:"step,omitempty" jsonschema:"exclusiveMinimum=0"`
	// Source is the id of the source that defines the fact.
	Source string `json:"source"`
}

// Area is one designation (a solution area, a tier) with its tracks.
type Area struct {
	// ID names the area, e.g. "modern-work".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the area's display name.
	Name Text `json:"name"`
	// Source is the id of the source that defines the area.
	Source string `json:"source"`
	// TrackSelection says which track's score counts.
	TrackSelection TrackSelection `json:"trackSelection"`
	// Tracks are the scoring paths (Enterprise, SMB...); at least one.
	Tracks []Track `json:"tracks" jsonschema:"minItems=1"`
}

// Track selection kinds.
const (
	// SelectBest scores every track and keeps the best at area level.
	SelectBest = "best"
	// SelectFact picks a track by comparing a fact with a bound.
	SelectFact = "fact"
)

// TrackSelection says how an area picks the track that counts.
type TrackSelection struct {
	// Kind is "best" (score every track; a qualifying track wins, then the higher score)
	// or "fact" (If when Fact ≥ AtLeast, Else otherwise; Else when the fact is absent).
	Kind string `json:"kind" jsonschema:"enum=best,enum=fact"`
	// Fact is the fact compared, for kind "fact".
	Fact string `json:"fact,omitempty"`
	// AtLeast is the bound, for kind "fact".
	AtLeast float64 `json:"atLeast,omitempty"`
	// If is the track chosen when Fact ≥ AtLeast.
	If string `json:"if,omitempty"`
	// Else is the track chosen otherwise.
	Else string `json:"else,omitempty"`
	// Note records how the source was read.
	Note string `json:"note,omitempty"`
}

// Track is one scoring path of an area.
type Track struct {
	// ID names the track within its area, e.g. "enterprise" or "smb".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the track's display name.
	Name Text `json:"name"`
	// Metrics are scored and added; their maxima add up to the area maximum.
	Metrics []Metric `json:"metrics" jsonschema:"minItems=1"`
}

// Metric categories.
const (
	CategoryPerformance     = "performance"
	CategorySkilling        = "skilling"
	CategoryCustomerSuccess = "customer-success"
)

// Metric is one scored line of a track.
type Metric struct {
	// ID names the metric within its track, e.g. "net-customer-adds".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the metric's display name.
	Name Text `json:"name"`
	// Category is performance, skilling or customer-success.
	Category string `json:"category" jsonschema:"enum=performance,enum=skilling,enum=customer-success"`
	// Max is the most points the metric gives.
	Max float64 `json:"max" jsonschema:"exclusiveMinimum=0"`
	// Source is the id of the source the metric comes from.
	Source string `json:"source"`
	// Rule computes the metric's points.
	Rule Rule `json:"rule"`
	// Note records how an ambiguity in the source was resolved.
	Note string `json:"note,omitempty"`
	// Assumption, when set, says that no source of this version gives the rule and where
	// the value used was taken from; results carry it.
	Assumption *Assumption `json:"assumption,omitempty"`
}

// Assumption flags a rule that no source of its version gives: the value is taken from the
// nearest later version that has one.
type Assumption struct {
	// Reason says what is assumed and why.
	Reason Text `json:"reason"`
	// From is the version the value is taken from.
	From string `json:"from"`
	// Source is the id, among this version's sources, of the document the value comes from;
	// in Program.Assumptions it may be empty: each metric's own source.
	Source string `json:"source,omitempty"`
	// Metrics, in Program.Assumptions, lists the metrics flagged as "area/track/metric", or
	// "*" for every metric.
	Metrics []string `json:"metrics,omitempty"`
	// Except, in Program.Assumptions, lists metrics ("area/track/metric") that "*" leaves out.
	Except []string `json:"except,omitempty"`
}

// Rule kinds.
const (
	// KindLinear scores one measure: Points per Per units, capped at the metric's Max.
	KindLinear = "linear"
	// KindBestOf scores each part and keeps the best (association options are never added).
	KindBestOf = "best-of"
	// KindSum scores each part and adds them before the cap (see Rule.Offset for parts below zero).
	KindSum = "sum"
)

// Rule computes a metric's points. Every rule is
//
//	min(Max, gate points + (every gate met ? measure points : 0)), or 0 when a prerequisite fails,
//
// where measure points come from the parts: one for "linear", the best for "best-of", the
// sum for "sum".
type Rule struct {
	// Kind is linear, best-of or sum.
	Kind string `json:"kind" jsonschema:"enum=linear,enum=best-of,enum=sum"`
	// Parts are the measures scored; exactly one for linear.
	Parts []Part `json:"parts" jsonschema:"minItems=1"`
	// Gates are certification steps that must all be met before the parts score.
	Gates []Gate `json:"gates,omitempty"`
	// Offset, for a sum, makes its parts net numbers counted together: a part below zero
	// offsets the others and only the total is floored at 0. Without it a part below zero earns 0.
	Offset bool `json:"offset,omitempty"`
	// Prerequisite, when set, makes the metric worth 0 unless a fact reaches a bound.
	Prerequisite *Prerequisite `json:"prerequisite,omitempty"`
}

// Part is one measure of a rule: a fact, or the number of distinct people holding any of
// a list of certifications. It scores Points for every Per units (pro rata, or only for whole
// multiples of Per when Whole is set).
type Part struct {
	// ID names the part within its metric (an association option such as "cpor").
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the part's display name ("CPOR"), which explanations use; without it they
	// use the id. A metric of one part needs none: its explanation does not name the part.
	Name *Text `json:"name,omitempty"`
	// Fact is the fact measured; exactly one of Fact and Certifications is set.
	Fact string `json:"fact,omitempty"`
	// Certifications are the certification ids a person must hold one of to count.
	Certifications []string `json:"certifications,omitempty"`
	// Points given for every Per units.
	Points float64 `json:"points" jsonschema:"exclusiveMinimum=0"`
	// Per is the number of units that earn Points.
	Per float64 `json:"per" jsonschema:"exclusiveMinimum=0"`
	// Whole counts only whole multiples of Per (no partial credit).
	Whole bool `json:"whole,omitempty"`
}

// Gate is a certification step: at least People distinct people holding one of
// Certifications. A met gate earns Points; scoring parts count only when every gate is met.
type Gate struct {
	// ID names the gate within its metric.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the gate's display name ("Azure Administrator"), which explanations use;
	// without it they use the id.
	Name *Text `json:"name,omitempty"`
	// Certifications are the certification ids that count for the gate.
	Certifications []string `json:"certifications" jsonschema:"minItems=1"`
	// People is how many distinct people the gate needs.
	People int `json:"people" jsonschema:"minimum=1"`
	// Points is what a met gate earns (0 for Enterprise gates).
	Points float64 `json:"points" jsonschema:"minimum=0"`
}

// Prerequisite makes a metric worth 0 unless Fact ≥ AtLeast.
type Prerequisite struct {
	// Fact is the fact compared.
	Fact string `json:"fact"`
	// AtLeast is the bound.
	AtLeast float64 `json:"atLeast"`
}

// Certification is one entry of the certification catalog.
type Certification struct {
	// ID is the stable id, e.g. "azure-administrator-associate".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the official name.
	Name Text `json:"name"`
	// Exams are the exam codes the certification needs, e.g. "AZ-104"; each is accepted as an alias.
	Exams []string `json:"exams,omitempty"`
	// Aliases are other accepted names.
	Aliases []string `json:"aliases,omitempty"`
	// Level is fundamentals, associate, expert, specialty or other.
	Level string `json:"level"`
	// Retires is the date the certification retires, if announced.
	Retires string `json:"retires,omitempty" jsonschema:"format=date"`
	// CountsUntil is the last date the certification still counts, if announced or derived.
	CountsUntil string `json:"countsUntil,omitempty" jsonschema:"format=date"`
	// Source is where the certification and its dates come from.
	Source string `json:"source"`
	// Note records how a date or code was derived. The rule files' notes on the built-in
	// catalog are for maintainers and are not loaded (NewFromFS, Default): empty there.
	Note string `json:"note,omitempty"`
	// ReplacedBy lists the certification ids a source names as the successors of this one.
	ReplacedBy []string `json:"replacedBy,omitempty"`
}
