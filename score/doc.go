// Package score is the PartnerScore engine: it turns what a partner tells about itself (a
// Profile) into its standing in partner programs (a Result), with every number explained.
//
// The rules are data: a certification catalog and one file per program version, embedded
// (see rules/) and compiled once by New or Default into an immutable Engine. Work goes in
// stages, each with errors located by JSON Pointer:
//
//	ParseProfile / Engine.Parse    strict JSON decoding (shape, types, sizes)
//	Engine.Resolve                 ids, dates, bounds against the versions in force
//	Engine.Evaluate / EvaluateInto scores, tracks, qualification, warnings; gaps and plan on request
//	Result.AppendJSON              the result as JSON, explanations in the profile's language
//
// Time is an input: the profile's asOf picks the version of each program in force (every
// dated version from the October 2022 launch; a rule no source of its version gives carries
// an assumption in the result), Profile.History gives the qualification window
// (Result.Window), Profile.Projection the month-by-month projection (Result.Projection),
// Profile.Departures what each named person's leaving would change (Result.Departures), and
// Engine.Compare scores one profile on two dates and says what changed.
//
// The package imports only the standard library and does no I/O: adapters (the command
// line, the browser, the Worker) pass bytes in and take bytes out.
package score

//go:generate go test -run ^TestBuiltinRules$ -update .
