package score

// Program models. A program version's Model says how its rules are evaluated:
//
//	scorecard   areas of metrics scored against a qualifying score (Program.Areas; the default)
//	levels      levels reached when all their requirements hold, competencies earned from
//	            certified people (Program.Levels)
//	calculator  tables per year or month computed from parameters (Program.Calculator)
//	timeline    dated statuses only (Program.Timeline)
//
// Every model may carry parameters (figures a profile may set, with a stated default) and a
// timeline (dated periods reported as of the profile's date).
const (
	ModelScorecard  = "scorecard"
	ModelLevels     = "levels"
	ModelCalculator = "calculator"
	ModelTimeline   = "timeline"
)

// Parameter is a figure the rules use that a profile may set (Profile.Parameters): a
// threshold no source gives, or an input of a calculator. Without a value in the profile,
// Default is used and the result says so; Assumption flags a default no source gives.
type Parameter struct {
	// ID is the key in Profile.Parameters, e.g. "vmware.advanced.revenueUSD".
	ID string `json:"id" jsonschema:"pattern=^[a-zA-Z][a-zA-Z0-9.]*$"`
	// Label names the parameter in a form.
	Label Text `json:"label"`
	// Help explains the parameter and where its default comes from.
	Help Text `json:"help"`
	// Unit is what one unit of the parameter is: usd, percent, seats, years, months, competencies...
	Unit string `json:"unit"`
	// Integer is true when the parameter counts whole things.
	Integer bool `json:"integer,omitempty"`
	// Min is the smallest accepted value.
	Min float64 `json:"min"`
	// Max is the largest accepted value.
	Max float64 `json:"max"`
	// Default is the value used when the profile gives none.
	Default float64 `json:"default"`
	// Assumption is true when no source gives Default: the result flags it.
	Assumption bool `json:"assumption,omitempty"`
	// Source is the id of the source of the default, when one gives it.
	Source string `json:"source,omitempty"`
	// Note records how the default was chosen.
	Note string `json:"note,omitempty"`
}

// TimelineItem is something whose status changes on given dates (a badge usable until a
// date, a designation available from a date), as consecutive periods.
type TimelineItem struct {
	// ID names the item within its program.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the item's display name.
	Name Text `json:"name"`
	// Source is the id of the source of the dates.
	Source string `json:"source"`
	// Periods follow one another without gap, oldest first; the last may be open-ended.
	Periods []Period `json:"periods" jsonschema:"minItems=1"`
	// Note records how the sources were read.
	Note string `json:"note,omitempty"`
}

// Period is one status of a timeline item, from a first day to a last day.
type Period struct {
	// ID names the status, e.g. "renewable", "use-only", "ended".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the status's display name.
	Name Text `json:"name"`
	// From is the first day of the period.
	From string `json:"from" jsonschema:"format=date"`
	// To is the last day of the period; empty for an open-ended last period.
	To string `json:"to,omitempty" jsonschema:"format=date"`
	// Assumption is true when a date of the period is not given by a source.
	Assumption bool `json:"assumption,omitempty"`
}

// LevelsRules are the rules of a "levels" program: competencies earned from certified
// people, and levels reached when all their requirements hold.
type LevelsRules struct {
	// Ordered levels are steps (the highest reached counts and the next one is shown with
	// what it misses); unordered levels are independent standings (each reported).
	Ordered bool `json:"ordered,omitempty"`
	// Competencies are earned when all their requirements hold; levels may count them by class.
	Competencies []Competency `json:"competencies,omitempty"`
	// Levels are evaluated in order; a requirement of kind "level" names an earlier level.
	Levels []Level `json:"levels" jsonschema:"minItems=1"`
	// NotModelled names what the program has that the data does not encode, and why.
	NotModelled []NotModelled `json:"notModelled,omitempty"`
}

// NotModelled names a part of a program the data does not encode.
type NotModelled struct {
	// Name is the part's name.
	Name Text `json:"name"`
	// Reason says why it is not encoded, to the simulator's users.
	Reason Text `json:"reason"`
	// Note is for the data's maintainers: where the reason comes from.
	Note string `json:"note,omitempty"`
}

// Competency is earned when all its requirements hold.
type Competency struct {
	// ID names the competency within its program.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the competency's display name.
	Name Text `json:"name"`
	// Class groups competencies that levels count together, e.g. "solution".
	Class string `json:"class" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Source is the id of the source of the competency.
	Source string `json:"source"`
	// Requirements must all hold.
	Requirements []Requirement `json:"requirements" jsonschema:"minItems=1"`
	// Note records how the source was read.
	Note string `json:"note,omitempty"`
}

// Level is a level (tier, standing, eligibility) reached when all its requirements hold.
type Level struct {
	// ID names the level within its program.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the level's display name.
	Name Text `json:"name"`
	// Source is the id of the source of the level.
	Source string `json:"source"`
	// Requirements must all hold.
	Requirements []Requirement `json:"requirements" jsonschema:"minItems=1"`
	// Note records how the source was read.
	Note string `json:"note,omitempty"`
}

// Requirement kinds.
const (
	// ReqFact holds when a fact reaches a bound.
	ReqFact = "fact"
	// ReqPeople holds when distinct people fill every slot (a person fills one slot).
	ReqPeople = "people"
	// ReqCompetencies holds when enough competencies of a class are earned.
	ReqCompetencies = "competencies"
	// ReqLevel holds when an earlier level of the same program is reached.
	ReqLevel = "level"
	// ReqAny holds when one of its alternatives holds.
	ReqAny = "any"
	// ReqProgram holds when another program's result, in the same profile, qualifies
	// enough areas (a scorecard) or reaches enough levels (a levels program).
	ReqProgram = "program"
)

// Requirement is one condition of a level or a competency. The bound is AtLeast, or the
// value of Parameter when set.
type Requirement struct {
	// ID names the requirement within its level or competency.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name says what is required.
	Name Text `json:"name"`
	// Kind is fact, people, competencies, level, any or program.
	Kind string `json:"kind" jsonschema:"enum=fact,enum=people,enum=competencies,enum=level,enum=any,enum=program"`
	// Fact is the fact compared, for kind fact.
	Fact string `json:"fact,omitempty"`
	// AtLeast is the bound (fact, competencies, program).
	AtLeast float64 `json:"atLeast,omitempty"`
	// Parameter names the parameter giving the bound instead of AtLeast.
	Parameter string `json:"parameter,omitempty"`
	// Slots are the people required, for kind people.
	Slots []Slot `json:"slots,omitempty"`
	// Class is the class of competencies counted, for kind competencies.
	Class string `json:"class,omitempty"`
	// Level is the earlier level required, for kind level.
	Level string `json:"level,omitempty"`
	// Any are the alternatives, for kind any.
	Any []Requirement `json:"any,omitempty"`
	// Program is the program whose result counts, for kind program.
	Program string `json:"program,omitempty"`
	// Source is the id of the source of the requirement.
	Source string `json:"source"`
	// Assumption is true when the requirement (or its date) is not confirmed by a source.
	Assumption bool `json:"assumption,omitempty"`
	// Note records how the source was read.
	Note string `json:"note,omitempty"`
}

// Slot is a number of distinct people holding one of a list of certifications.
type Slot struct {
	// ID names the slot within its requirement, e.g. "vcp".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name names the role.
	Name Text `json:"name"`
	// Certifications are the certification ids a person must hold one of.
	Certifications []string `json:"certifications" jsonschema:"minItems=1"`
	// People is how many people the slot needs.
	People int `json:"people,omitempty" jsonschema:"minimum=0"`
	// Parameter names the parameter giving People instead.
	Parameter string `json:"parameter,omitempty"`
}

// CalculatorRules are the rules of a "calculator" program: tables whose rows are periods
// (years or months) and whose cells are formulas over parameters, and summary figures.
//
// Formulas use numbers, parameter ids, the columns to their left in the same row, period
// (1 for the first row) and periods (the number of rows); the operators + - * / ( ), the
// comparisons < <= > >= == != (1 when true, else 0), && and ||; and the functions
// if(c, a, b), min(a, b), max(a, b), floor(x), ceil(x) and prev(column) (the column's value in
// the row above, 0 in the first row). A summary formula also reads table.column, the sum of
// a column over its rows.
type CalculatorRules struct {
	// Tables are computed in order.
	Tables []Table `json:"tables" jsonschema:"minItems=1"`
	// Figures are single numbers computed after the tables.
	Figures []Figure `json:"figures,omitempty"`
}

// Table is a table of periods.
type Table struct {
	// ID names the table within its program.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// Name is the table's display name.
	Name Text `json:"name"`
	// Period is what a row is: "year" or "month".
	Period string `json:"period" jsonschema:"enum=year,enum=month"`
	// Rows is a formula giving the number of rows (at most 600).
	Rows string `json:"rows"`
	// Columns are computed left to right in each row.
	Columns []Column `json:"columns" jsonschema:"minItems=1"`
	// Source is the id of the source of the computation.
	Source string `json:"source"`
	// Note records how the source was read.
	Note string `json:"note,omitempty"`
}

// Column is one column of a table.
type Column struct {
	// ID names the column within its table (a formula reads it by this id).
	ID string `json:"id" jsonschema:"pattern=^[a-zA-Z][a-zA-Z0-9]*$"`
	// Name is the column's display name.
	Name Text `json:"name"`
	// Unit is the unit of the column's values.
	Unit string `json:"unit"`
	// Formula computes the cell.
	Formula string `json:"formula"`
	// Total is true when the column's sum over the rows reads as a total (payments, not a
	// running balance) and the table's total row shows it. A figure reads any column's sum.
	Total bool `json:"total,omitempty"`
	// Chart is true for the columns a chart draws.
	Chart bool `json:"chart,omitempty"`
}

// Figure is a single number computed from the parameters and the tables' totals.
type Figure struct {
	// ID names the figure within its program.
	ID string `json:"id" jsonschema:"pattern=^[a-zA-Z][a-zA-Z0-9]*$"`
	// Name is the figure's display name.
	Name Text `json:"name"`
	// Unit is the figure's unit.
	Unit string `json:"unit"`
	// Formula computes the figure.
	Formula string `json:"formula"`
	// Source is the id of the source of the computation.
	Source string `json:"source"`
}

// model returns the program's model, ModelScorecard when absent.
func (p *Program) model() string {
	if p.Model == "" {
		return ModelScorecard
	}
	return p.Model
}
