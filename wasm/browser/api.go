//go:build js && wasm

package main

import (
	"strings"
	"unsafe"

	"github.com/partnerscore/partnerscore/schemas"
	"github.com/partnerscore/partnerscore/score"
)

// codeInternal is the error code of a failure inside the engine (a recovered panic, rule
// data that did not load): never the caller's fault.
const codeInternal = "internal"

// schemaSuffix ends every file of package schemas; schema names are given without it.
const schemaSuffix = ".schema.json"

// moduleVersion is the version of the module the program was built from, set by the
// build (go build -ldflags "-X main.moduleVersion=…"; see build.sh). runtime/debug's
// ReadBuildInfo would give it too, but it brings fmt and os into the build.
var moduleVersion string

// testHook, when set (by tests only), runs at the start of every exported call with the
// call's name, inside its recovery: a hook that panics stands for a bug in the engine.
var testHook func(name string)

// api is the engine behind the global, one per Go program: strings in, JSON out, never a
// panic. Wasm runs one goroutine at a time and JavaScript calls in one at a time, so the
// result and the output buffer are reused by every evaluation without locking.
type api struct {
	eng    *score.Engine
	engErr error // why the engine could not be built; every call reports it

	input score.Input  // reused by ParseInto
	res   score.Result // reused by EvaluateInto
	out   []byte       // reused output buffer of evaluate and summary
	tape  score.Tape   // reused output of evaluateTape
	in    []byte       // reused input buffer of the exported functions (export.go)

	version string
	// JSON built on first use and kept: the rules never change in a running program.
	programs, certs, schemaNames []byte
	table                        []byte // reused by tapeTableJSON
}

func newAPI() *api {
	a := new(api)
	a.eng, a.engErr = score.New(score.WithToday(jsToday))
	a.version = versionString(a.eng)
	return a
}

// versionString is "partnerscore <module version> (rules: <program>/<version>, …)".
func versionString(eng *score.Engine) string {
	mod := moduleVersion
	if mod == "" {
		mod = "(devel)"
	}
	rules := " unavailable"
	if eng != nil {
		rules = ""
		for i, p := range eng.Programs() {
			sep := ", "
			if i == 0 {
				sep = " "
			}
			rules += sep + p.ID + "/" + p.Version
		}
	}
	return "partnerscore " + mod + " (rules:" + rules + ")"
}

// guard runs one exported call: the test hook, then f, turning a panic into
// {"ok":false,"errors":[{"code":"internal",…}]} so that the Go program never exits.
func (a *api) guard(name string, f func() []byte) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			// The reused storage may be half written: start afresh.
			a.input, a.res, a.out = score.Input{}, score.Result{}, nil
			out = failJSON(nil, internalError(name, r))
		}
	}()
	if testHook != nil {
		testHook(name)
	}
	if a.engErr != nil {
		return failJSON(nil, a.engErr)
	}
	return f()
}

// internalError describes a panic recovered in the call name.
func internalError(name string, r any) error {
	msg := "unexpected panic"
	switch v := r.(type) {
	case error:
		msg = v.Error()
	case string:
		msg = v
	}
	return score.Errors{{Code: codeInternal, Message: name + ": " + msg}}
}

// evaluate parses, resolves and evaluates a JSON profile: {"ok":true,"result":…} with the
// full result (or its summary), or {"ok":false,"errors":[…]}. The returned bytes are the
// reused buffer: valid until the next call.
func (a *api) evaluate(profile string, summary bool) []byte {
	return a.evaluateBytes(unsafe.Slice(unsafe.StringData(profile), len(profile)), summary)
}

// evaluateBytes is evaluate on the profile's bytes, which it only reads (the engine's
// parser copies what it keeps).
func (a *api) evaluateBytes(profile []byte, summary bool) []byte {
	name := "evaluate"
	if summary {
		name = "summary"
	}
	return a.guard(name, func() []byte {
		if err := a.eng.ParseInto(&a.input, profile); err != nil {
			return failJSON(nil, err)
		}
		if err := a.eng.EvaluateInto(&a.res, &a.input); err != nil {
			return failJSON(nil, err)
		}
		b := append(a.out[:0], `{"ok":true,"result":`...)
		if summary {
			b = a.res.AppendSummaryJSON(b)
		} else {
			b = a.res.AppendJSON(b)
		}
		b = append(b, '}')
		a.out = b
		return b
	})
}

// evaluateTape is evaluate with the answer as a tape (score.Tape), which site/js/tape.js
// decodes into what JSON.parse makes of evaluate's JSON, faster. A failure's answer is its
// JSON in the tape.
func (a *api) evaluateTape(profile []byte) *score.Tape {
	failed := a.guard("evaluate", func() []byte {
		if err := a.eng.ParseInto(&a.input, profile); err != nil {
			return failJSON(nil, err)
		}
		if err := a.eng.EvaluateInto(&a.res, &a.input); err != nil {
			return failJSON(nil, err)
		}
		a.tape.SetOutcome(&a.res)
		return nil
	})
	if failed != nil {
		a.tape = score.Tape{} // it may be half written
		a.tape.SetJSON(failed)
	}
	return &a.tape
}

// tapeTableJSON is the table the engine's tapes refer to (score.Engine.TapeTableJSON), as
// it is now: it grows when a rule version is first evaluated.
func (a *api) tapeTableJSON() []byte {
	return a.guard("tapeTable", func() []byte {
		a.table = a.eng.TapeTableJSON(a.table[:0])
		return a.table
	})
}

// tableLen is the number of strings in the tapes' table, 0 without an engine.
func (a *api) tableLen() int {
	if a.eng == nil {
		return 0
	}
	return a.eng.TapeTableLen()
}

// programsJSON is every program version (score.Program as JSON), oldest first within each
// program: what a form needs (facts with labels, help, units, bounds; areas, tracks,
// metrics; sources; effective dates).
func (a *api) programsJSON() []byte {
	return a.guard("programs", func() []byte {
		if a.programs == nil {
			a.programs = a.eng.AppendProgramsJSON(nil)
		}
		return a.programs
	})
}

// certificationsJSON is the certification catalog (score.Certification as JSON).
func (a *api) certificationsJSON() []byte {
	return a.guard("certifications", func() []byte {
		if a.certs == nil {
			a.certs = a.eng.AppendCertificationsJSON(nil)
		}
		return a.certs
	})
}

// schema returns the JSON Schema called name ("profile", "result", "program", "summary",
// "profile.<program>.<version>"; the ".schema.json" suffix is optional), or null when there
// is none.
func (a *api) schema(name string) []byte {
	return a.guard("schema", func() []byte {
		name = strings.TrimSuffix(name, schemaSuffix)
		text, ok := schemas.Lookup(name)
		if !ok {
			return []byte("null")
		}
		return []byte(text)
	})
}

// schemaNamesJSON lists the names schema accepts, sorted.
func (a *api) schemaNamesJSON() []byte {
	return a.guard("schemas", func() []byte {
		if a.schemaNames == nil {
			b := []byte{'['}
			for i, name := range schemas.Names() { // sorted
				if i > 0 {
					b = append(b, ',')
				}
				b = score.AppendJSONString(b, name)
			}
			a.schemaNames = append(b, ']')
		}
		return a.schemaNames
	})
}

// failJSON appends {"ok":false,"errors":[…]} for err: its score.Errors as they are,
// anything else as one internal error.
func failJSON(b []byte, err error) []byte {
	errs := scoreErrors(err)
	if len(errs) == 0 {
		errs = score.Errors{{Code: codeInternal, Message: err.Error()}}
	}
	b = append(b, `{"ok":false,"errors":[`...)
	for i, e := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		if e == nil {
			e = &score.Error{Code: codeInternal, Message: "no error"}
		}
		b = e.AppendJSON(b)
	}
	return append(b, "]}"...)
}

// scoreErrors finds the first score.Errors or *score.Error in err's tree, depth first as
// errors.As looks (errors.As itself would link reflection, about 7 KB of brotli).
func scoreErrors(err error) score.Errors {
	switch e := err.(type) {
	case nil:
		return nil
	case score.Errors:
		return e
	case *score.Error:
		return score.Errors{e}
	case interface{ Unwrap() error }:
		return scoreErrors(e.Unwrap())
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			if errs := scoreErrors(inner); errs != nil {
				return errs
			}
		}
	}
	return nil
}
