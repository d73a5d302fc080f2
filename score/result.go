package score

// Result is the outcome of evaluating one profile: one entry per program in force.
// Explanations and warning messages are rendered in the profile's language when the
// result is marshalled to JSON (see Result.MarshalJSON and MetricResult.Explain).
type Result struct {
	// AsOf is the date evaluated.
	AsOf string `json:"asOf" jsonschema:"format=date"`
	// Lang is the language of names, explanations and messages.
	Lang string `json:"lang" jsonschema:"enum=en,enum=fr"`
	// Programs holds one result per program evaluated.
	Programs []ProgramResult `json:"programs"`
	// Warnings flag what may change the result soon or what was not used.
	Warnings []Warning `json:"warnings"`
	// Window is the qualification window, when the profile gives a history.
	Window *Window `json:"window,omitempty"`
	// Projection is each area's score month by month, when the profile asks for it.
	Projection *Projection `json:"projection,omitempty"`
	// Departures holds, per named person (Profile.People, in order), what their leaving
	// would change, when the profile asks for it.
	Departures []Departure `json:"departures,omitempty"`

	store *store // storage reused by Engine.EvaluateInto
}

// ProgramResult is the outcome for one program version.
type ProgramResult struct {
	// ID is the program id.
	ID string `json:"id"`
	// Name is the program's name.
	Name string `json:"name"`
	// Version is the rule set in force on the date.
	Version string `json:"version"`
	// EffectiveFrom is the first day of that rule set.
	EffectiveFrom string `json:"effectiveFrom" jsonschema:"format=date"`
	// EffectiveTo is its last day, empty while open-ended.
	EffectiveTo string `json:"effectiveTo,omitempty" jsonschema:"format=date"`
	// Qualified lists the ids of the areas qualified, in the program's order.
	Qualified []string `json:"qualified"`
	// Areas holds one result per area (designation).
	Areas []AreaResult `json:"areas"`
	// Sources are the documents the rules come from; metrics refer to them by id.
	Sources []Source `json:"sources"`
	// Model is the program's model when it is not a scorecard: levels, calculator or timeline.
	// Such a program has no areas; Qualified lists the levels reached.
	Model string `json:"model,omitempty" jsonschema:"enum=levels,enum=calculator,enum=timeline"`
	// Parameters are the parameters the rules used, with their values and origins.
	Parameters []ParameterResult `json:"parameters,omitempty"`
	// Timeline is the status of each timeline item on the date.
	Timeline []TimelineResult `json:"timeline,omitempty"`
	// Levels is the outcome of a levels program.
	Levels *LevelsResult `json:"levels,omitempty"`
	// Calculator is the outcome of a calculator program.
	Calculator *CalculatorResult `json:"calculator,omitempty"`

	def *compiled // the compiled version, for the encoder's precomputed sources
}

// AreaResult is the outcome for one area (a solution area or tier).
type AreaResult struct {
	// ID is the area id.
	ID string `json:"id"`
	// Name is the area's name.
	Name string `json:"name"`
	// Track is the id of the track whose score counts.
	Track string `json:"track"`
	// Selection says why that track counts.
	Selection Selection `json:"selection"`
	// Score is the track's score: the sum of its metrics' points.
	Score float64 `json:"score"`
	// Max is the most the track can score.
	Max float64 `json:"max"`
	// QualifyingScore is the score needed (with every metric above zero).
	QualifyingScore float64 `json:"qualifyingScore"`
	// Qualified is true when Score ≥ QualifyingScore and every metric is above zero.
	Qualified bool `json:"qualified"`
	// Shortfall is how many points are missing to the qualifying score (0 when reached).
	Shortfall float64 `json:"shortfall" jsonschema:"minimum=0"`
	// ZeroMetrics is how many metrics earn no points (each must be above zero to qualify).
	ZeroMetrics int `json:"zeroMetrics" jsonschema:"minimum=0"`
	// Tracks is every track's score, the counting one marked.
	Tracks []TrackScore `json:"tracks"`
	// Metrics are the counting track's metrics.
	Metrics []MetricResult `json:"metrics"`
	// Plan is the gap analysis and the cheapest plan to qualify, when the profile asks for it.
	Plan *AreaPlan `json:"plan,omitempty"`
}

// Selection kinds in a result.
const (
	SelectedBest    = "best"    // the best track counts (a qualifying one first, then the higher score)
	SelectedFact    = "fact"    // a fact picked the track
	SelectedProfile = "profile" // the profile set the track
)

// Selection says why a track counts.
type Selection struct {
	// Kind is best, fact or profile.
	Kind string `json:"kind" jsonschema:"enum=best,enum=fact,enum=profile"`
	// Fact is the fact compared, for kind fact.
	Fact string `json:"fact,omitempty"`
	// Value is the fact's value (0 when not given).
	Value float64 `json:"value,omitempty"`
	// Given is whether the profile gave the fact.
	Given bool `json:"given,omitempty"`
	// AtLeast is the bound the fact is compared with.
	AtLeast float64 `json:"atLeast,omitempty"`
}

// TrackScore is one track's score in an area.
type TrackScore struct {
	// ID is the track id.
	ID string `json:"id"`
	// Name is the track's name.
	Name string `json:"name"`
	// Score is the track's score.
	Score float64 `json:"score"`
	// Qualified is whether the track alone qualifies.
	Qualified bool `json:"qualified"`
	// Counts is true for the track whose score counts.
	Counts bool `json:"counts"`
}

// What bound a metric's points.
const (
	AppliedThreshold    = "threshold"    // partial credit: points in proportion to the threshold
	AppliedCap          = "cap"          // the metric's maximum was reached
	AppliedGate         = "gate"         // a gate is not met, so the scoring parts earn nothing
	AppliedPrerequisite = "prerequisite" // a prerequisite is not met, so the metric earns nothing
)

// MetricResult is one metric's points and where they come from.
type MetricResult struct {
	// ID is the metric id.
	ID string `json:"id"`
	// Name is the metric's name.
	Name string `json:"name"`
	// Category is performance, skilling or customer-success.
	Category string `json:"category"`
	// Kind is the rule kind: linear, best-of or sum.
	Kind string `json:"kind"`
	// Points is what the metric earns, in full precision.
	Points float64 `json:"points" jsonschema:"minimum=0"`
	// Max is the most it can earn.
	Max float64 `json:"max"`
	// Applied is what bound the points: threshold, cap, gate or prerequisite.
	Applied string `json:"applied" jsonschema:"enum=threshold,enum=cap,enum=gate,enum=prerequisite"`
	// Value is the measure that counted: the best part's value for best-of, the total for sum.
	Value float64 `json:"value"`
	// Unit is the unit of Value.
	Unit string `json:"unit"`
	// Threshold is the value at which the counting part alone reaches Max (with every gate met).
	Threshold float64 `json:"threshold"`
	// Offset is true for a sum of net parts, where a part below zero offsets the others.
	Offset bool `json:"offset,omitempty"`
	// Best is the id of the part that counted, for best-of.
	Best string `json:"best,omitempty"`
	// Parts are the measures scored.
	Parts []PartResult `json:"parts"`
	// Gates are the certification steps that must be met before the parts score.
	Gates []GateResult `json:"gates,omitempty"`
	// Prerequisite is the fact bound the metric needs, if any.
	Prerequisite PrerequisiteResult `json:"prerequisite,omitempty,omitzero"`
	// Source is the id of the source of the rule (see ProgramResult.Sources); how an
	// ambiguity of the source was resolved is noted beside the rule in the program data.
	Source string `json:"source"`
	// Explanation is one sentence saying how the points were reached.
	Explanation string `json:"explanation"`
	// Assumption is set when no source of the version gives the rule (see Assumption).
	Assumption *AssumptionResult `json:"assumption,omitempty"`

	def *cmetric // the compiled rule, for the encoder's precomputed static fields
}

// PartResult is one measure of a metric.
type PartResult struct {
	// ID is the part id (an association option, a product line).
	ID string `json:"id"`
	// Name is the part's name in the result's language, absent when the rules give none.
	Name string `json:"name,omitempty"`
	// Fact is the fact measured, for a fact part.
	Fact string `json:"fact,omitempty"`
	// Value is the fact's value or the number of distinct people counted (the certifications
	// counted are listed by the program data, under the same metric and part ids).
	Value float64 `json:"value"`
	// Given is false when the profile did not give the fact (it counts as 0).
	Given bool `json:"given"`
	// Unit is the unit of Value.
	Unit string `json:"unit"`
	// PointsPer is the points earned for every Per units.
	PointsPer float64 `json:"pointsPer"`
	// Per is the number of units that earn PointsPer.
	Per float64 `json:"per"`
	// Whole is true when only whole multiples of Per count.
	Whole bool `json:"whole,omitempty"`
	// Threshold is the value at which this part alone reaches the metric's maximum, once
	// every gate is met (gate points included).
	Threshold float64 `json:"threshold"`
	// Points is what the part earns before the metric's cap.
	Points float64 `json:"points"`
}

// GateResult is one certification step of a metric.
type GateResult struct {
	// ID is the gate id.
	ID string `json:"id"`
	// Name is the gate's name in the result's language, absent when the rules give none.
	Name string `json:"name,omitempty"`
	// Certifications are the certification ids that count.
	Certifications []string `json:"certifications"`
	// People is the number of distinct people counted.
	People int `json:"people"`
	// Required is the number of people needed.
	Required int `json:"required"`
	// Met is People ≥ Required.
	Met bool `json:"met"`
	// Points is what the gate earns (when met).
	Points float64 `json:"points"`
}

// PrerequisiteResult is a fact bound a metric needs.
type PrerequisiteResult struct {
	// Fact is the fact compared.
	Fact string `json:"fact"`
	// Name is the fact's label in the result's language (its id when it has none).
	Name string `json:"name"`
	// Value is its value (0 when not given).
	Value float64 `json:"value"`
	// AtLeast is the bound.
	AtLeast float64 `json:"atLeast"`
	// Met is Value ≥ AtLeast.
	Met bool `json:"met"`
}

// Warning codes.
const (
	WarnRetiring    = "certification-retiring" // a held certification retires or stops counting within 12 months
	WarnExpired     = "certification-expired"  // a held certification no longer counts
	WarnUnverified  = "rules-unverified"       // the date is after the rules were last checked
	WarnUnusedFact  = "fact-unused"            // a given fact is not read by any version evaluated
	WarnUnusedParam = "parameter-unused"       // a given parameter is not read by any version evaluated
)

// Warning flags something that may change the result or was not used.
type Warning struct {
	// Code classifies the warning.
	Code string `json:"code" jsonschema:"enum=certification-retiring,enum=certification-expired,enum=rules-unverified,enum=fact-unused,enum=parameter-unused"`
	// Program is the program concerned, if any.
	Program string `json:"program,omitempty"`
	// Certification is the certification id concerned, if any.
	Certification string `json:"certification,omitempty"`
	// Fact is the fact id (or parameter id) concerned, if any.
	Fact string `json:"fact,omitempty"`
	// Date is the date concerned (a certification's last counting day, the rules'
	// verification date), if any.
	Date string `json:"date,omitempty" jsonschema:"format=date"`
	// Retires is the certification's retirement date (no one can earn it after), if any.
	Retires string `json:"retires,omitempty" jsonschema:"format=date"`
	// People is how many people in the profile hold the certification, if relevant.
	People int `json:"people,omitempty"`
	// Message says it in words.
	Message string `json:"message"`

	// name is the display name (a fact's label) of the program, certification or fact
	// concerned, which the message says beside its id (nil: the id alone).
	name *Text
}

// AssumptionResult flags a metric whose rule no source of its version gives.
type AssumptionResult struct {
	// Reason says what is assumed and why, in the result's language.
	Reason string `json:"reason"`
	// From is the version the value is taken from.
	From string `json:"from"`
	// Source is the id of the source of the value taken (see ProgramResult.Sources).
	Source string `json:"source"`
}
