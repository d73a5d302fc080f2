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
// The package imports only the standard library and does no I/O: adapters (the command
// line, the browser, the Worker) pass bytes in and take bytes out.
package score

//go:generate go test -run ^TestBuiltinRules$ -update .
