//go:build js && wasm

package main

import (
	"unsafe"

	"github.com/hack-pad/safejs"
	"github.com/partnerscore/partnerscore/score"
)

// globalName is the one global the program sets.
const globalName = "partnerscore"

// register builds the global object and sets it as globalThis.partnerscore, ready to use:
//
//	version                   string: module version and rule versions
//	ready                     true once every function below is set
//	evaluate(profile) string  {"ok":true,"result":Result} or {"ok":false,"errors":[Error]}
//	summary(profile) string   the same with the result's summary
//	compare(profile, from, to) string  {"ok":true,"comparison":Comparison} or {"ok":false,"errors":[Error]}
//	programs() string         JSON array of score.Program (every version)
//	tapeTable() string        the table of evaluate's tapes (score.Engine.TapeTableJSON)
//	certifications() string   JSON array of score.Certification
//	schema(name) string       the JSON Schema called name (compact JSON), or "null"
//	schemas() string          JSON array of the schema names
//
// Every function returns a string and never throws. A loader waiting for the program may
// set globalThis.partnerscore to an object with an onready function before running it:
// register calls it with the new global once it is set.
func register(a *api) error {
	global := safejs.Global()
	objectCtor, err := global.Get("Object")
	if err != nil {
		return err
	}
	obj, err := objectCtor.New()
	if err != nil {
		return err
	}
	if err := obj.Set("version", a.version); err != nil {
		return err
	}
	if err := obj.Set("ready", false); err != nil {
		return err
	}
	funcs := []struct {
		name string
		fn   func(args []safejs.Value) any
	}{
		{"evaluate", func(args []safejs.Value) any { return a.evaluateArg("evaluate", args, false) }},
		{"summary", func(args []safejs.Value) any { return a.evaluateArg("summary", args, true) }},
		{"programs", func([]safejs.Value) any { return string(a.programsJSON()) }},
		{"tapeTable", func([]safejs.Value) any { return string(a.tapeTableJSON()) }},
		{"certifications", func([]safejs.Value) any { return string(a.certificationsJSON()) }},
		{"schemas", func([]safejs.Value) any { return string(a.schemaNamesJSON()) }},
		{"compare", func(args []safejs.Value) any { return a.compareArgs(args) }},
		{"schema", func(args []safejs.Value) any {
			name, ok := stringArg(args)
			if !ok {
				return "null"
			}
			return string(a.schema(name))
		}},
	}
	for _, f := range funcs {
		name, fn := f.name, f.fn
		jsFn, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) (res any) {
			// api.guard recovers inside each call; this catches what happens around it
			// (reading the arguments), so that no panic ever ends the Go program.
			defer func() {
				if r := recover(); r != nil {
					res = string(failJSON(nil, internalError(name, r)))
				}
			}()
			return fn(args)
		})
		if err != nil {
			return err
		}
		if err := obj.Set(f.name, jsFn); err != nil {
			return err
		}
	}
	if err := obj.Set("ready", true); err != nil {
		return err
	}
	prev, _ := global.Get(globalName)
	if err := global.Set(globalName, obj); err != nil {
		return err
	}
	if prev.Type() == safejs.TypeObject {
		if onready, err := prev.Get("onready"); err == nil && onready.Type() == safejs.TypeFunction {
			// A throwing callback is the loader's problem, not a reason to stop.
			_, _ = onready.Invoke(obj)
		}
	}
	return nil
}

// evaluateArg runs evaluate or summary on the first argument, which must be a string.
// The result aliases the reused buffer: syscall/js copies it into a JavaScript string
// before the next call can overwrite it, and nothing on the Go side keeps it.
func (a *api) evaluateArg(name string, args []safejs.Value, summary bool) any {
	profile, ok := stringArg(args)
	if !ok {
		return string(failJSON(nil, score.Errors{{Code: score.CodeType,
			Message: name + " takes the profile as a JSON string", Expected: "a string"}}))
	}
	b := a.evaluate(profile, summary)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func stringArg(args []safejs.Value) (string, bool) {
	if len(args) == 0 || args[0].Type() != safejs.TypeString {
		return "", false
	}
	s, err := args[0].String()
	return s, err == nil
}

// jsToday is today's date in UTC by JavaScript's Date: the engine's clock (the build leaves
// package time out; see build.sh). It panics if Date fails, which the exported functions
// recover from.
func jsToday() (year, month, day int) {
	ctor, err := safejs.Global().Get("Date")
	if err != nil {
		panic(err)
	}
	now, err := ctor.New()
	if err != nil {
		panic(err)
	}
	get := func(method string) int {
		v, err := now.Call(method)
		if err != nil {
			panic(err)
		}
		n, err := v.Int()
		if err != nil {
			panic(err)
		}
		return n
	}
	return get("getUTCFullYear"), get("getUTCMonth") + 1, get("getUTCDate")
}
