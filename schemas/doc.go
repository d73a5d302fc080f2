// Package schemas holds PartnerScore's JSON Schemas (draft 2020-12), generated from the Go
// types of package score and the embedded rule data by cmd/schemagen:
//
//   - profile.schema.json: the input of an evaluation (score.Profile);
//   - result.schema.json: its output, as Result.MarshalJSON writes it (score.Result);
//   - program.schema.json: one program version's rule data (score.Program), the files
//     under score/rules/<program>/;
//   - profile.<program>.<version>.schema.json: a strict profile for one program version,
//     with exactly the facts that version declares (types and bounds), certification
//     names from the catalog, and that version's areas and tracks.
//
// Every schema has an $id under https://partnerscore.dev/schemas/. The files are
// committed; regenerate them after changing score's types, their doc comments or the
// rules with
//
//	go generate ./schemas
//
// The package's test fails when a committed file differs from what the generator writes.
// The package's only Go API is FS, the files embedded for the browser build.
package schemas

//go:generate go run ../cmd/schemagen -out .
