package score

// Results of the program models beyond the scorecard (see model.go). A ProgramResult of a
// levels, calculator or timeline program has no areas; its model's section says the rest.

// Where a parameter's value comes from.
const (
	OriginProfile    = "profile"    // the profile set it
	OriginSource     = "source"     // the default, given by a source
	OriginAssumption = "assumption" // the default, which no source gives
)

// ParameterResult is the value a parameter took and where it comes from.
type ParameterResult struct {
	// ID is the parameter id (the key in Profile.Parameters).
	ID string `json:"id"`
	// Name is the parameter's label.
	Name string `json:"name"`
	// Value is the value used.
	Value float64 `json:"value"`
	// Unit is the unit of Value.
	Unit string `json:"unit"`
	// Default is the value used when the profile sets none.
	Default float64 `json:"default"`
	// Origin is profile, source or assumption.
	Origin string `json:"origin" jsonschema:"enum=profile,enum=source,enum=assumption"`
	// Source is the id of the source of the default, if any.
	Source string `json:"source,omitempty"`
	// Note says how the default was chosen.
	Note string `json:"note,omitempty"`
}

// TimelineResult is the status of a timeline item on the date.
type TimelineResult struct {
	// ID is the item id.
	ID string `json:"id"`
	// Name is the item's name.
	Name string `json:"name"`
	// Status is the id of the period in force on the date; empty before the first period.
	Status string `json:"status"`
	// StatusName is its name.
	StatusName string `json:"statusName"`
	// From is the first day of that period.
	From string `json:"from,omitempty" jsonschema:"format=date"`
	// To is its last day, empty when open-ended.
	To string `json:"to,omitempty" jsonschema:"format=date"`
	// Next is the first day of the next period, empty when none follows.
	Next string `json:"next,omitempty" jsonschema:"format=date"`
	// NextStatus is the id of the next period.
	NextStatus string `json:"nextStatus,omitempty"`
	// Assumption is true when a date of the current period is not given by a source.
	Assumption bool `json:"assumption,omitempty"`
	// Periods are every period of the item, the current one marked.
	Periods []PeriodResult `json:"periods"`
	// Source is the id of the source of the dates.
	Source string `json:"source"`
	// Note says how the sources were read.
	Note string `json:"note,omitempty"`
	// Explanation says the status in one sentence.
	Explanation string `json:"explanation"`
}

// PeriodResult is one period of a timeline item.
type PeriodResult struct {
	// ID is the status id.
	ID string `json:"id"`
	// Name is the status's name.
	Name string `json:"name"`
	// From is the first day.
	From string `json:"from" jsonschema:"format=date"`
	// To is the last day, empty when open-ended.
	To string `json:"to,omitempty" jsonschema:"format=date"`
	// Current is true for the period in force on the date.
	Current bool `json:"current"`
	// Assumption is true when a date of the period is not given by a source.
	Assumption bool `json:"assumption,omitempty"`
}

// LevelsResult is the outcome of a levels program.
type LevelsResult struct {
	// Ordered is true when the levels are steps (Reached and Next apply).
	Ordered bool `json:"ordered"`
	// Reached is the highest level reached, for ordered levels; empty when none.
	Reached string `json:"reached,omitempty"`
	// Next is the first level not reached, for ordered levels; its missing requirements say
	// what it takes.
	Next string `json:"next,omitempty"`
	// Levels are every level, in the program's order.
	Levels []LevelResult `json:"levels"`
	// Competencies are every competency, earned or not.
	Competencies []CompetencyResult `json:"competencies"`
	// NotModelled names what the program has that the data does not encode.
	NotModelled []NotModelledResult `json:"notModelled,omitempty"`
}

// NotModelledResult names a part of the program the data does not encode.
type NotModelledResult struct {
	// Name is the part's name.
	Name string `json:"name"`
	// Reason says why.
	Reason string `json:"reason"`
}

// LevelResult is one level and its requirements.
type LevelResult struct {
	// ID is the level id.
	ID string `json:"id"`
	// Name is the level's name.
	Name string `json:"name"`
	// Met is true when every requirement holds.
	Met bool `json:"met"`
	// Missing lists the ids of the requirements that do not hold.
	Missing []string `json:"missing"`
	// Requirements are every requirement of the level.
	Requirements []RequirementResult `json:"requirements"`
	// Source is the id of the source of the level.
	Source string `json:"source"`
	// Note says how the source was read.
	Note string `json:"note,omitempty"`
}

// CompetencyResult is one competency and its requirements.
type CompetencyResult struct {
	// ID is the competency id.
	ID string `json:"id"`
	// Name is the competency's name.
	Name string `json:"name"`
	// Class is the competency's class.
	Class string `json:"class"`
	// Earned is true when every requirement holds.
	Earned bool `json:"earned"`
	// Missing lists the ids of the requirements that do not hold.
	Missing []string `json:"missing"`
	// Requirements are every requirement of the competency.
	Requirements []RequirementResult `json:"requirements"`
	// Source is the id of the source of the competency.
	Source string `json:"source"`
	// Note says how the source was read.
	Note string `json:"note,omitempty"`
}

// RequirementResult is one requirement: the value measured against its threshold.
type RequirementResult struct {
	// ID is the requirement id.
	ID string `json:"id"`
	// Name says what is required.
	Name string `json:"name"`
	// Kind is fact, people, competencies, level, any or program.
	Kind string `json:"kind" jsonschema:"enum=fact,enum=people,enum=competencies,enum=level,enum=any,enum=program"`
	// Met is true when the requirement holds.
	Met bool `json:"met"`
	// Value is what was measured: the fact, the people placed in the slots, the competencies
	// earned, 1 for a level reached, the alternatives met, the other program's results.
	Value float64 `json:"value"`
	// Threshold is what is required.
	Threshold float64 `json:"threshold"`
	// Unit is the unit of Value and Threshold.
	Unit string `json:"unit"`
	// Fact is the fact compared, for kind fact.
	Fact string `json:"fact,omitempty"`
	// Given is false when the profile did not give the fact (it counts as 0).
	Given bool `json:"given,omitempty"`
	// Parameter is the parameter that gave Threshold, if any.
	Parameter string `json:"parameter,omitempty"`
	// Slots are the people slots, for kind people.
	Slots []SlotResult `json:"slots,omitempty"`
	// Counted lists what counted: the competencies earned, the other program's qualified
	// areas or levels reached.
	Counted []string `json:"counted,omitempty"`
	// Level is the level required, for kind level.
	Level string `json:"level,omitempty"`
	// Program is the other program's result, for kind program.
	Program *DependencyResult `json:"program,omitempty"`
	// Any are the alternatives, for kind any.
	Any []RequirementResult `json:"any,omitempty"`
	// Source is the id of the source of the requirement.
	Source string `json:"source"`
	// Assumption is true when the requirement or its threshold is not confirmed by a source.
	Assumption bool `json:"assumption,omitempty"`
	// Note says how the source was read.
	Note string `json:"note,omitempty"`
	// Explanation says in one sentence why the requirement holds or not.
	Explanation string `json:"explanation"`
}

// SlotResult is one people slot: how many distinct people fill it.
type SlotResult struct {
	// ID is the slot id.
	ID string `json:"id"`
	// Name names the role.
	Name string `json:"name"`
	// Certifications are the certification ids that count.
	Certifications []string `json:"certifications"`
	// People is how many distinct people are placed in the slot (a person fills one slot of
	// the requirement).
	People int `json:"people"`
	// Eligible is how many people hold one of the certifications, before placing.
	Eligible int `json:"eligible"`
	// Required is how many the slot needs.
	Required int `json:"required"`
	// Met is People ≥ Required.
	Met bool `json:"met"`
}

// DependencyResult is another program's result a requirement reads.
type DependencyResult struct {
	// ID is the program id.
	ID string `json:"id"`
	// Version is the version in force on the date; empty when none is.
	Version string `json:"version,omitempty"`
	// Qualified lists the program's qualified areas or levels reached.
	Qualified []string `json:"qualified"`
}

// CalculatorResult is the outcome of a calculator program.
type CalculatorResult struct {
	// Tables are the computed tables.
	Tables []TableResult `json:"tables"`
	// Figures are the computed single numbers.
	Figures []FigureResult `json:"figures"`
}

// TableResult is one computed table: a row per period.
type TableResult struct {
	// ID is the table id.
	ID string `json:"id"`
	// Name is the table's name.
	Name string `json:"name"`
	// Period is year or month.
	Period string `json:"period" jsonschema:"enum=year,enum=month"`
	// Columns describe the cells of each row, with their formulas.
	Columns []ColumnResult `json:"columns"`
	// Rows are the periods, first first: Rows[i][j] is column j of period i+1.
	Rows [][]float64 `json:"rows"`
	// Totals are each column's sum over the rows (0 for a column without a total).
	Totals []float64 `json:"totals"`
	// Source is the id of the source of the computation.
	Source string `json:"source"`
	// Note says how the source was read.
	Note string `json:"note,omitempty"`
}

// ColumnResult describes one column of a table.
type ColumnResult struct {
	// ID is the column id.
	ID string `json:"id"`
	// Name is the column's name.
	Name string `json:"name"`
	// Unit is the unit of its values.
	Unit string `json:"unit"`
	// Formula computes each cell (see CalculatorRules).
	Formula string `json:"formula"`
	// Total is true when Totals holds the column's sum.
	Total bool `json:"total"`
	// Chart is true for the columns a chart draws.
	Chart bool `json:"chart"`
}

// FigureResult is one computed number.
type FigureResult struct {
	// ID is the figure id.
	ID string `json:"id"`
	// Name is the figure's name.
	Name string `json:"name"`
	// Value is the figure.
	Value float64 `json:"value"`
	// Unit is its unit.
	Unit string `json:"unit"`
	// Formula computes it.
	Formula string `json:"formula"`
	// Source is the id of the source of the computation.
	Source string `json:"source"`
}
