package score

// MaxInputBytes is the largest JSON profile Parse accepts.
const MaxInputBytes = 1 << 20

// Profile is what a partner tells PartnerScore about itself: the input of an evaluation.
type Profile struct {
	// AsOf is the date (YYYY-MM-DD) to evaluate on; it picks the rule versions in force.
	// Empty means today (UTC).
	AsOf string `json:"asOf,omitempty" jsonschema:"format=date"`
	// Programs limits the evaluation to these program ids; empty means every program in force.
	Programs []string `json:"programs,omitempty"`
	// Lang is the language of the explanations: "en" (default) or "fr".
	Lang string `json:"lang,omitempty" jsonschema:"enum=en,enum=fr"`
	// People are the partner's certified people. A person counts once per metric step,
	// however many of its certifications they hold.
	People []Person `json:"people,omitempty" jsonschema:"maxItems=100000"`
	// Certifications is a shortcut for people: certification (id, exam code or name) →
	// number of people holding it. Each entry's people are taken as distinct from every
	// other entry's and from People; list People to count one person holding several.
	Certifications map[string]int `json:"certifications,omitempty"`
	// Facts are the partner's numbers, keyed by the fact ids the program data declares.
	// A fact not given counts as 0 and is flagged in the explanation.
	Facts map[string]float64 `json:"facts,omitempty"`
	// Tracks forces the track of an area (area id → track id), e.g. for a partner whose
	// enrolled track is fixed for the year. A version without that track ignores it.
	Tracks map[string]string `json:"tracks,omitempty"`
	// Plan, when present, asks for the gap analysis and the cheapest plan to qualify.
	Plan *PlanRequest `json:"plan,omitempty"`
	// Parameters set figures the program data declares as parameters (thresholds no source
	// gives, calculator inputs), keyed by parameter id; each one not set takes its default.
	Parameters map[string]float64 `json:"parameters,omitempty"`
	// History holds monthly snapshots of the facts before asOf's month (whose facts are
	// Facts); with it the result reports the qualification window (Result.Window).
	History []Snapshot `json:"history,omitempty" jsonschema:"maxItems=240"`
	// Projection, when present, asks for each area's score month by month from the current
	// facts as certifications stop counting (Result.Projection).
	Projection *ProjectionRequest `json:"projection,omitempty"`
	// Departures, when present, asks what each named person's leaving would change
	// (Result.Departures): the profile evaluated again without them.
	Departures *DeparturesRequest `json:"departures,omitempty"`
}

// Snapshot is the facts of one past month.
type Snapshot struct {
	// Month is the month (YYYY-MM), before asOf's month; each month at most once.
	Month string `json:"month" jsonschema:"pattern=^[0-9]{4}-(0[1-9]|1[0-2])$"`
	// Facts are the partner's numbers that month, keyed as Profile.Facts.
	Facts map[string]float64 `json:"facts"`
}

// ProjectionRequest tunes the projection.
type ProjectionRequest struct {
	// Months is how many months after asOf to project (1 to 24; default 12).
	Months int `json:"months,omitempty" jsonschema:"minimum=1,maximum=24"`
}

// DeparturesRequest asks for Result.Departures; it has no options.
type DeparturesRequest struct{}

// Person is one certified person.
type Person struct {
	// ID identifies the person for the partner (a name, an e-mail, a number); optional, and
	// two people do not share one (compared as given).
	ID string `json:"id,omitempty"`
	// Certifications are the certifications the person holds (id, exam code or name).
	Certifications []string `json:"certifications"`
}

// PlanRequest tunes the plan.
type PlanRequest struct {
	// Costs gives the relative cost of one unit of a fact (by fact id) or of one person
	// certified (by certification id, exam code or name). Anything not listed costs 1.
	Costs map[string]float64 `json:"costs,omitempty"`
}
