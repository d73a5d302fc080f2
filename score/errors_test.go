package score_test

// Error snapshots: every input problem is reported as score.Errors, located by JSON Pointer,
// with a stable code, a readable message and, for unknown ids, the closest known id.

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerscore/partnerscore/score"
)

// errorCase is one bad input and the first problem it must report.
type errorCase struct {
	name       string
	input      string
	path       string
	code       string
	suggestion string // "" means no suggestion is expected
	stage      string // "parse" (ParseProfile), "engine" (Engine.Resolve or Evaluate: checks against the rules); "" to skip
	contains   string // a substring the Error() text must contain, if set
}

// stageOf runs the pipeline on input and returns the error and the stage that produced it.
func stageOf(t *testing.T, input []byte) (error, string) {
	t.Helper()
	e := testEngine(t)
	p, err := score.ParseProfile(input)
	if err != nil {
		return err, "parse"
	}
	in, err := e.Resolve(p)
	if err != nil {
		return err, "resolve"
	}
	if _, err := e.Evaluate(in); err != nil {
		return err, "evaluate"
	}
	return nil, ""
}

var errorCases = []errorCase{
	// Malformed JSON.
	{name: "empty input", input: ``, path: "", code: score.CodeSyntax, stage: "parse", contains: "empty input"},
	{name: "only spaces", input: "  \n\t ", path: "", code: score.CodeSyntax, stage: "parse"},
	{name: "unterminated object", input: `{"asOf":"2026-06-01"`, path: "", code: score.CodeSyntax, stage: "parse", contains: "unterminated object"},
	{name: "missing value", input: `{"asOf":}`, path: "/asOf", code: score.CodeSyntax, stage: "parse"},
	{name: "trailing comma", input: `{"asOf":"2026-06-01",}`, path: "", code: score.CodeSyntax, stage: "parse", contains: "quoted key"},
	{name: "single quotes", input: `{'asOf':'2026-06-01'}`, path: "", code: score.CodeSyntax, stage: "parse"},
	{name: "unquoted key", input: `{asOf:"2026-06-01"}`, path: "", code: score.CodeSyntax, stage: "parse"},
	{name: "missing colon", input: `{"asOf" "2026-06-01"}`, path: "/asOf", code: score.CodeSyntax, stage: "parse", contains: "':'"},
	{name: "data after the profile", input: `{} {}`, path: "", code: score.CodeSyntax, stage: "parse", contains: "after the profile"},
	{name: "unterminated string", input: `{"asOf":"2026-06-01`, path: "/asOf", code: score.CodeSyntax, stage: "parse", contains: "unterminated string"},
	{name: "bad escape", input: `{"asOf":"2026\x-06-01"}`, path: "/asOf", code: score.CodeSyntax, stage: "parse", contains: "escape"},
	{name: "bad unicode escape", input: `{"asOf":"\u12G4"}`, path: "/asOf", code: score.CodeSyntax, stage: "parse"},
	{name: "control character in string", input: "{\"asOf\":\"2026\n-06-01\"}", path: "/asOf", code: score.CodeSyntax, stage: "parse", contains: "control character"},
	{name: "invalid utf-8", input: "{\"lang\":\"\xff\"}", path: "/lang", code: score.CodeSyntax, stage: "parse", contains: "UTF-8"},
	{name: "invalid utf-8 after valid", input: "{\"people\":[{\"id\":\"chloé\xc3\"}]}", path: "/people/0/id", code: score.CodeSyntax, stage: "parse", contains: "UTF-8"},
	{name: "invalid utf-8 in a key", input: "{\"facts\":{\"a\x80\":1}}", path: "/facts", code: score.CodeSyntax, stage: "parse", contains: "UTF-8"},
	{name: "leading zero", input: `{"facts":{"azure.deployments":05}}`, path: "/facts/azure.deployments", code: score.CodeSyntax, stage: "parse", contains: "leading zero"},
	{name: "dot without digits", input: `{"facts":{"azure.usageGrowth":5.}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "exponent without digits", input: `{"facts":{"azure.usageGrowth":5e}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "plus sign", input: `{"facts":{"azure.usageGrowth":+5}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "bare NaN", input: `{"facts":{"azure.usageGrowth":NaN}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "bare Infinity", input: `{"facts":{"azure.usageGrowth":Infinity}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "unterminated array", input: `{"programs":["a"`, path: "/programs", code: score.CodeSyntax, stage: "parse", contains: "unterminated array"},
	{name: "array missing comma", input: `{"programs":["a" "b"]}`, path: "/programs", code: score.CodeSyntax, stage: "parse"},
	{name: "comment", input: `{/* x */}`, path: "", code: score.CodeSyntax, stage: "parse"},
	// A lone minus sign is not a number: CodeSyntax ("the input is not JSON"), not CodeType
	// (today: "wrong type (expected number, got number)").
	{name: "lone minus", input: `{"facts":{"azure.usageGrowth":-}}`, path: "/facts/azure.usageGrowth", code: score.CodeSyntax, stage: "parse"},
	{name: "minus letter", input: `{"certifications":{"AZ-104":-x}}`, path: "/certifications/AZ-104", code: score.CodeSyntax, stage: "parse"},

	// Wrong types, at each field.
	{name: "top-level array", input: `[]`, path: "", code: score.CodeType, stage: "parse", contains: "expected object, got array"},
	{name: "top-level string", input: `"profile"`, path: "", code: score.CodeType, stage: "parse"},
	{name: "top-level null", input: `null`, path: "", code: score.CodeType, stage: "parse"},
	{name: "asOf number", input: `{"asOf":20260601}`, path: "/asOf", code: score.CodeType, stage: "parse", contains: "expected string, got number"},
	{name: "asOf null", input: `{"asOf":null}`, path: "/asOf", code: score.CodeType, stage: "parse"},
	{name: "programs string", input: `{"programs":"microsoft-ai-cloud-partner-program"}`, path: "/programs", code: score.CodeType, stage: "parse", contains: "expected array, got string"},
	{name: "programs element number", input: `{"programs":[1]}`, path: "/programs/0", code: score.CodeType, stage: "parse"},
	{name: "lang boolean", input: `{"lang":true}`, path: "/lang", code: score.CodeType, stage: "parse"},
	{name: "people object", input: `{"people":{}}`, path: "/people", code: score.CodeType, stage: "parse"},
	{name: "people element string", input: `{"people":["AZ-104"]}`, path: "/people/0", code: score.CodeType, stage: "parse", contains: "expected object"},
	{name: "person id number", input: `{"people":[{"id":7,"certifications":[]}]}`, path: "/people/0/id", code: score.CodeType, stage: "parse"},
	{name: "person certifications string", input: `{"people":[{"certifications":"AZ-104"}]}`, path: "/people/0/certifications", code: score.CodeType, stage: "parse"},
	{name: "person certification number", input: `{"people":[{"certifications":["AZ-104",104]}]}`, path: "/people/0/certifications/1", code: score.CodeType, stage: "parse"},
	{name: "person without certifications", input: `{"people":[{"id":"ana"}]}`, path: "/people/0/certifications", code: score.CodeRequired, stage: "parse"},
	{name: "certifications array", input: `{"certifications":["AZ-104"]}`, path: "/certifications", code: score.CodeType, stage: "parse"},
	{name: "certification count string", input: `{"certifications":{"AZ-104":"2"}}`, path: "/certifications/AZ-104", code: score.CodeType, stage: "parse"},
	{name: "facts array", input: `{"facts":[1,2]}`, path: "/facts", code: score.CodeType, stage: "parse"},
	{name: "fact string", input: `{"facts":{"azure.deployments":"3"}}`, path: "/facts/azure.deployments", code: score.CodeType, stage: "parse", contains: `expected number, got string "3")`},
	{name: "fact NaN string", input: `{"facts":{"azure.usageGrowth":"NaN"}}`, path: "/facts/azure.usageGrowth", code: score.CodeType, stage: "parse"},
	{name: "fact boolean", input: `{"facts":{"azure.deployments":true}}`, path: "/facts/azure.deployments", code: score.CodeType, stage: "parse", contains: "expected number, got boolean true)"},
	// A scalar of the wrong type is shown as given, cut to 40 characters; null, objects and
	// arrays by their type alone.
	{name: "long string of the wrong type", input: `{"facts":{"azure.deployments":"12345678901234567890123456789012345678901234567890"}}`, path: "/facts/azure.deployments", code: score.CodeType, stage: "parse", contains: `got string "123456789012345678901234567890123456789…)`},
	{name: "escaped string of the wrong type", input: `{"facts":{"azure.deployments":"a\"b"}}`, path: "/facts/azure.deployments", code: score.CodeType, stage: "parse", contains: `got string "a\"b")`},
	{name: "programs null", input: `{"programs":null}`, path: "/programs", code: score.CodeType, stage: "parse", contains: "expected array, got null)"},
	{name: "fact null", input: `{"facts":{"azure.deployments":null}}`, path: "/facts/azure.deployments", code: score.CodeType, stage: "parse"},
	{name: "tracks string", input: `{"tracks":"smb"}`, path: "/tracks", code: score.CodeType, stage: "parse"},
	{name: "track number", input: `{"tracks":{"modern-work":1}}`, path: "/tracks/modern-work", code: score.CodeType, stage: "parse"},
	{name: "plan number", input: `{"plan":1}`, path: "/plan", code: score.CodeType, stage: "parse"},
	{name: "plan null", input: `{"plan":null}`, path: "/plan", code: score.CodeType, stage: "parse"},
	{name: "plan costs array", input: `{"plan":{"costs":[]}}`, path: "/plan/costs", code: score.CodeType, stage: "parse"},
	{name: "plan cost string", input: `{"plan":{"costs":{"AZ-104":"1"}}}`, path: "/plan/costs/AZ-104", code: score.CodeType, stage: "parse"},

	// Unknown fields and ids, with suggestions.
	{name: "unknown field asof", input: `{"asof":"2026-06-01"}`, path: "/asof", code: score.CodeUnknown, suggestion: "asOf", stage: "parse", contains: `did you mean "asOf"?`},
	{name: "unknown field fact", input: `{"fact":{}}`, path: "/fact", code: score.CodeUnknown, suggestion: "facts", stage: "parse"},
	{name: "unknown field peple", input: `{"peple":[]}`, path: "/peple", code: score.CodeUnknown, suggestion: "people", stage: "parse"},
	{name: "unknown field far off", input: `{"zzzzzzzz":1}`, path: "/zzzzzzzz", code: score.CodeUnknown, stage: "parse"},
	{name: "unknown person field", input: `{"people":[{"certification":["AZ-104"]}]}`, path: "/people/0/certification", code: score.CodeUnknown, suggestion: "certifications", stage: "parse"},
	{name: "unknown plan field", input: `{"plan":{"cost":{}}}`, path: "/plan/cost", code: score.CodeUnknown, suggestion: "costs", stage: "parse"},
	{name: "unknown fact id", input: `{"facts":{"mw.ent.netCustomerAdd":3}}`, path: "/facts/mw.ent.netCustomerAdd", code: score.CodeUnknown, suggestion: "mw.ent.netCustomerAdds", stage: "engine"},
	{name: "unknown fact id case", input: `{"facts":{"azure.acrttm":3}}`, path: "/facts/azure.acrttm", code: score.CodeUnknown, suggestion: "azure.acrTtm", stage: "engine"},
	{name: "unknown fact id with slash", input: `{"facts":{"azure/deployments":3}}`, path: "/facts/azure~1deployments", code: score.CodeUnknown, suggestion: "azure.deployments", stage: "engine"},
	{name: "unknown fact id with a tilde and slashes", input: `{"facts":{"~a/b~/":3}}`, path: "/facts/~0a~1b~0~1", code: score.CodeUnknown, stage: "engine"},
	{name: "unknown certification for a person", input: `{"people":[{"certifications":["AZ-1O4"]}]}`, path: "/people/0/certifications/0", code: score.CodeUnknown, suggestion: "AZ-104", stage: "engine"},
	{name: "unknown certification name", input: `{"people":[{"certifications":["AZ-104","Azure Solution Architect"]}]}`, path: "/people/0/certifications/1", code: score.CodeUnknown, suggestion: "Azure Solutions Architect", stage: "engine"},
	{name: "unknown certification in shortcut", input: `{"certifications":{"SC-2OO":1}}`, path: "/certifications/SC-2OO", code: score.CodeUnknown, suggestion: "SC-200", stage: "engine"},
	{name: "unknown program", input: `{"programs":["microsoft-ai-cloud-partner-progam"]}`, path: "/programs/0", code: score.CodeUnknown, suggestion: "microsoft-ai-cloud-partner-program", stage: "engine"},
	{name: "program listed twice", input: `{"programs":["microsoft-ai-cloud-partner-program","microsoft-ai-cloud-partner-program"]}`, path: "/programs/1", code: score.CodeDuplicate, stage: "engine"},
	{name: "unknown language", input: `{"lang":"de"}`, path: "/lang", code: score.CodeUnknown, stage: "engine"},
	{name: "unknown track", input: `{"tracks":{"modern-work":"smbb"}}`, path: "/tracks/modern-work", code: score.CodeUnknown, suggestion: "smb", stage: "engine"},
	{name: "unknown track name", input: `{"tracks":{"security":"Enterprise Track"}}`, path: "/tracks/security", code: score.CodeUnknown, suggestion: "enterprise", stage: "engine"},
	{name: "unknown area in tracks", input: `{"tracks":{"modern-wrok":"smb"}}`, path: "/tracks/modern-wrok", code: score.CodeUnknown, suggestion: "modern-work", stage: "engine"},
	{name: "unknown plan cost key", input: `{"plan":{"costs":{"azure.deployment":2}}}`, path: "/plan/costs/azure.deployment", code: score.CodeUnknown, suggestion: "azure.deployments", stage: "engine"},

	// Numbers out of range (bounds of the version in force: checked by the engine, not the parser).
	{name: "negative count", input: `{"certifications":{"AZ-104":-1}}`, path: "/certifications/AZ-104", code: score.CodeRange, stage: "parse", contains: "cannot be negative"},
	{name: "fraction in certifications shortcut", input: `{"certifications":{"AZ-104":1.5}}`, path: "/certifications/AZ-104", code: score.CodeInteger, stage: "parse", contains: "whole number"},
	{name: "whole number with exponent in shortcut", input: `{"certifications":{"AZ-104":2e0,"AZ-305":1.5e0}}`, path: "/certifications/AZ-305", code: score.CodeInteger, stage: "parse"},
	{name: "too many people in shortcut", input: `{"certifications":{"AZ-104":1000001}}`, path: "/certifications/AZ-104", code: score.CodeRange, stage: "engine"},
	{name: "fraction for an integer fact", input: `{"facts":{"mw.ent.netCustomerAdds":2.5}}`, path: "/facts/mw.ent.netCustomerAdds", code: score.CodeInteger, stage: "engine", contains: "whole"},
	{name: "fact above its bound", input: `{"asOf":"2026-06-01","facts":{"azure.smbCustomerShare":101}}`, path: "/facts/azure.smbCustomerShare", code: score.CodeRange, stage: "engine", contains: "between 0 and 100"},
	{name: "fact below its bound", input: `{"asOf":"2026-06-01","facts":{"azure.deployments":-1}}`, path: "/facts/azure.deployments", code: score.CodeRange, stage: "engine"},
	{name: "growth below -100%", input: `{"asOf":"2026-06-01","facts":{"ba.usageGrowth":-100.5}}`, path: "/facts/ba.usageGrowth", code: score.CodeRange, stage: "engine"},
	{name: "1e400", input: `{"facts":{"azure.acrTtm":1e400}}`, path: "/facts/azure.acrTtm", code: score.CodeRange, stage: "parse", contains: "too large"},
	{name: "-1e400", input: `{"facts":{"azure.usageGrowth":-1e400}}`, path: "/facts/azure.usageGrowth", code: score.CodeRange, stage: "parse"},
	{name: "above 1e15", input: `{"facts":{"azure.acrTtm":1000000000000001}}`, path: "/facts/azure.acrTtm", code: score.CodeRange, stage: "parse"},
	{name: "huge count", input: `{"certifications":{"AZ-104":1e300}}`, path: "/certifications/AZ-104", code: score.CodeRange, stage: "parse"},

	// Duplicates.
	{name: "duplicate key", input: `{"asOf":"2026-06-01","asOf":"2026-06-02"}`, path: "/asOf", code: score.CodeDuplicate, stage: "parse", contains: "duplicate key"},
	{name: "duplicate fact", input: `{"facts":{"azure.deployments":1,"azure.deployments":2}}`, path: "/facts/azure.deployments", code: score.CodeDuplicate, stage: "parse"},
	{name: "duplicate person field", input: `{"people":[{"id":"a","id":"b","certifications":[]}]}`, path: "/people/0/id", code: score.CodeDuplicate, stage: "parse"},
	// Two people are not named alike (their departures would read the same); unnamed people
	// are many.
	{name: "duplicate person id", input: `{"people":[{"id":"ana","certifications":["AZ-104"]},{"certifications":[]},{"certifications":[]},{"id":"ana","certifications":["MS-700"]}]}`, path: "/people/3/id", code: score.CodeDuplicate, stage: "engine", contains: `person listed twice (expected a different id for each person (or none), got "ana")`},

	// Dates.
	{name: "bad date February 30", input: `{"asOf":"2026-02-30"}`, path: "/asOf", code: score.CodeDate, stage: "engine", contains: "YYYY-MM-DD"},
	{name: "bad date format", input: `{"asOf":"2026-6-1"}`, path: "/asOf", code: score.CodeDate, stage: "engine"},
	{name: "bad date slashes", input: `{"asOf":"01/06/2026"}`, path: "/asOf", code: score.CodeDate, stage: "engine"},
	{name: "bad date with time", input: `{"asOf":"2026-06-01T00:00:00Z"}`, path: "/asOf", code: score.CodeDate, stage: "engine"},
	{name: "date with no rules", input: `{"asOf":"2022-10-02"}`, path: "/asOf", code: score.CodeNoRules, stage: "engine"},
	{name: "date with no rules for a program", input: `{"asOf":"2020-01-01","programs":["microsoft-ai-cloud-partner-program"]}`, path: "/programs/0", code: score.CodeNoRules, stage: "engine"},

	// Plan costs.
	{name: "plan cost zero", input: `{"plan":{"costs":{"AZ-104":0}}}`, path: "/plan/costs/AZ-104", code: score.CodeRange, stage: "parse", contains: "above 0"},
	{name: "plan cost negative", input: `{"plan":{"costs":{"azure.deployments":-2}}}`, path: "/plan/costs/azure.deployments", code: score.CodeRange, stage: "parse"},
}

func TestErrorSnapshots(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			err, stage := stageOf(t, []byte(c.input))
			if err == nil {
				t.Fatalf("%s: ParseProfile/Resolve/Evaluate(%q) succeeded, want %s error at %q", c.name, c.input, c.code, c.path)
			}
			var es score.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%s: %s(%q) error %T %v is not a non-empty score.Errors", c.name, stage, c.input, err, err)
			}
			got := es[0]
			if got.Path != c.path || got.Code != c.code || got.Suggestion != c.suggestion {
				t.Errorf("%s: %s(%q) first error {path %q code %q suggestion %q}, want {%q %q %q}; error: %v",
					c.name, stage, c.input, got.Path, got.Code, got.Suggestion, c.path, c.code, c.suggestion, err)
			}
			if c.stage == "engine" && (stage == "resolve" || stage == "evaluate") {
				stage = "engine"
			}
			if c.stage != "" && stage != c.stage {
				t.Errorf("%s: error came from %s, want %s: %v", c.name, stage, c.stage, err)
			}
			if got.Offset < 0 || got.Offset > len(c.input) {
				t.Errorf("%s: %s(%q) error offset %d outside the input", c.name, stage, c.input, got.Offset)
			}
			msg := err.Error()
			if got.Message == "" || !strings.HasPrefix(msg, pathOrRoot(c.path)+": ") || !strings.Contains(msg, got.Message) {
				t.Errorf("%s: Error() = %q: want it to start with the path %q and hold the message %q", c.name, msg, pathOrRoot(c.path), got.Message)
			}
			if c.contains != "" && !strings.Contains(msg, c.contains) {
				t.Errorf("%s: Error() = %q, want it to contain %q", c.name, msg, c.contains)
			}
			if c.suggestion != "" && !strings.Contains(msg, `did you mean "`+c.suggestion+`"?`) {
				t.Errorf("%s: Error() = %q, want the suggestion %q", c.name, msg, c.suggestion)
			}
			if strings.ContainsAny(msg, "\n\r\x00") || len(msg) > 600 {
				t.Errorf("%s: Error() is not one readable line: %q", c.name, msg)
			}
			// The same error through Engine.Parse / EvaluateJSON.
			_, err2 := testEngine(t).EvaluateJSON([]byte(c.input))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("%s: EvaluateJSON error %v, want the same as the staged pipeline: %v", c.name, err2, err)
			}
		})
	}
}

func pathOrRoot(p string) string {
	if p == "" {
		return "input"
	}
	return p
}

func TestErrorOffsets(t *testing.T) {
	cases := []struct {
		name   string
		input  string
		offset int
	}{
		{name: "missing value", input: `{"asOf":}`, offset: 8},
		{name: "duplicate key points at the second key", input: `{"asOf":"2026-06-01", "asOf":"x"}`, offset: 22},
		{name: "fraction points at the number", input: `{"certifications":{"AZ-104":1.5}}`, offset: 28},
		{name: "data after", input: `{}  x`, offset: 4},
		// After a byte order mark, offsets are still the input's.
		{name: "after a byte order mark", input: "\ufeff{\"asOf\":}", offset: 11},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := score.ParseProfile([]byte(c.input))
			var es score.Errors
			if !errors.As(err, &es) || es[0].Offset != c.offset {
				t.Errorf("%s: ParseProfile(%q) error %v offset %v, want offset %d", c.name, c.input, err, es, c.offset)
			}
		})
	}
}

// TestByteOrderMark checks that a UTF-8 byte order mark before the JSON, which some editors
// write (RFC 8259 §8.1 lets a parser ignore it), is passed over: the profile reads as
// without it. A mark anywhere else is not JSON.
func TestByteOrderMark(t *testing.T) {
	const text = `{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAdds":4}}`
	e := testEngine(t)
	want, err := e.EvaluateJSON([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.EvaluateJSON([]byte("\ufeff" + text))
	if err != nil || string(got) != string(want) {
		t.Errorf("EvaluateJSON after a byte order mark: %v, the result differs: %v", err, string(got) != string(want))
	}
	for _, bad := range []string{" \ufeff" + text, "\ufeff\ufeff" + text} {
		if _, err := score.ParseProfile([]byte(bad)); err == nil {
			t.Errorf("ParseProfile(%q): no error", bad[:8])
		}
	}
}

func TestErrorTooLarge(t *testing.T) {
	// A valid profile padded with spaces past MaxInputBytes.
	big := append([]byte(`{"asOf":"2026-06-01"}`), bytes.Repeat([]byte(" "), score.MaxInputBytes)...)
	_, err := score.ParseProfile(big)
	var es score.Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Code != score.CodeTooLarge || es[0].Path != "" {
		t.Fatalf("ParseProfile(%d bytes): error %v, want one too-large error at the root", len(big), err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "input: input is too large") || !strings.Contains(msg, "1048576") {
		t.Errorf("ParseProfile(%d bytes): Error() = %q", len(big), msg)
	}
	// Exactly MaxInputBytes is accepted.
	exact := append([]byte(`{"asOf":"2026-06-01"}`), bytes.Repeat([]byte(" "), score.MaxInputBytes-21)...)
	if len(exact) != score.MaxInputBytes {
		t.Fatalf("test setup: %d bytes", len(exact))
	}
	if _, err := score.ParseProfile(exact); err != nil {
		t.Errorf("ParseProfile(exactly MaxInputBytes): %v", err)
	}
}

// TestErrorsCollected: Resolve reports every problem, sorted by path, not just the first.
func TestErrorsCollected(t *testing.T) {
	input := `{"asOf":"2026-13-01","lang":"de","facts":{"azure.deploymentz":1,"mw.ent.netCustomerAdds":0.5},
	  "people":[{"certifications":["AZ-999"]}],"certifications":{"XX-1":1},"tracks":{"security":"mid"},
	  "plan":{"costs":{"nothing":1}}}`
	_, err := testEngine(t).Parse([]byte(input))
	var es score.Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse: error %T %v, want score.Errors", err, err)
	}
	want := []struct{ path, code string }{
		{"/asOf", score.CodeDate},
		{"/certifications/XX-1", score.CodeUnknown},
		{"/facts/azure.deploymentz", score.CodeUnknown},
		{"/facts/mw.ent.netCustomerAdds", score.CodeInteger},
		{"/lang", score.CodeUnknown},
		{"/people/0/certifications/0", score.CodeUnknown},
		{"/plan/costs/nothing", score.CodeUnknown},
		{"/tracks/security", score.CodeUnknown},
	}
	if len(es) != len(want) {
		t.Fatalf("Parse: %d errors, want %d: %v", len(es), len(want), describe(es))
	}
	for i, w := range want {
		if es[i].Path != w.path || es[i].Code != w.code {
			t.Errorf("Parse: error %d = %s %s, want %s %s", i, es[i].Path, es[i].Code, w.path, w.code)
		}
	}
	if msg := es.Error(); !strings.HasSuffix(msg, "(and 7 more)") || !strings.HasPrefix(msg, "/asOf: not a valid date") {
		t.Errorf("Errors.Error() = %q, want the first error and a count of the others", msg)
	}
}

// TestParseErrorsCollected: the reading of a profile reports every value in error (a wrong
// type, an unknown field, a duplicate key, a number out of range, a fraction where a count
// is expected), in the order of the text, passing over each; only text that is not JSON
// stops it, after the errors before it. ParseInto reports the same.
func TestParseErrorsCollected(t *testing.T) {
	type want = errAt
	for _, tc := range []struct {
		name, input string
		want        []want
	}{
		{"every kind", `{"asOf":"2026-01-01","facts":{"mw.ent.netCustomerAdds":"four","azure.acrTtm":true,"x":1e300},
			"certifications":{"AZ-104":1.5,"AZ-305":-1,"MS-102":[1,{"a":[2]}]},"lnag":"fr","plan":{"costs":{"a":0},"budget":1},
			"people":[{"id":"a"},{"id":7,"certifications":["AZ-104"]}],"programs":"mcapp","asOf":"2020-01-01",
			"history":[{"month":"2026-13","facts":{}}],"projection":{"months":30}}`, []want{
			{"/facts/mw.ent.netCustomerAdds", score.CodeType},
			{"/facts/azure.acrTtm", score.CodeType},
			{"/facts/x", score.CodeRange},
			{"/certifications/AZ-104", score.CodeInteger},
			{"/certifications/AZ-305", score.CodeRange},
			{"/certifications/MS-102", score.CodeType},
			{"/lnag", score.CodeUnknown},
			{"/plan/costs/a", score.CodeRange},
			{"/plan/budget", score.CodeUnknown},
			{"/people/0/certifications", score.CodeRequired},
			{"/people/1/id", score.CodeType},
			{"/programs", score.CodeType},
			{"/asOf", score.CodeDuplicate},
			{"/history/0/month", score.CodeDate},
			{"/projection/months", score.CodeRange},
		}},
		// The value in error is passed over whole, whatever it holds; what follows is read.
		{"nested values passed over", `{"facts":{"a":{"b":[1,{"c":"d"}],"e":null}},"lang":5,"asOf":""}`, []want{
			{"/facts/a", score.CodeType},
			{"/lang", score.CodeType},
			{"/asOf", score.CodeDate},
		}},
		// A wrong type where an object is expected, or in a required field, is reported
		// alone (not also as a missing list or month).
		{"wrong types reported alone", `{"people":[5,{"certifications":"AZ-104"}],"history":["x",{"month":5,"facts":{}},{"facts":{}}]}`, []want{
			{"/people/0", score.CodeType},
			{"/people/1/certifications", score.CodeType},
			{"/history/0", score.CodeType},
			{"/history/1/month", score.CodeType},
			{"/history/2/month", score.CodeRequired},
		}},
		// Text that is not JSON stops the reading, after what came before.
		{"syntax stops", `{"lang":5,"facts":{"a":tru},"asOf":7}`, []want{
			{"/lang", score.CodeType},
			{"/facts/a", score.CodeSyntax},
		}},
		{"literals passed over", `{"lang":[true,false,null],"asOf":false,"facts":{"a":truex}}`, []want{
			{"/lang", score.CodeType},
			{"/asOf", score.CodeType},
			{"/facts/a", score.CodeType},
			{"/facts", score.CodeSyntax},
		}},
		{"syntax in a value passed over", `{"lang":[1,2,},"asOf":7}`, []want{
			{"/lang", score.CodeType},
			{"/lang/2", score.CodeSyntax},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := score.ParseProfile([]byte(tc.input))
			wantErrors(t, "ParseProfile", err, tc.want)
			var in score.Input
			if err2 := testEngine(t).ParseInto(&in, []byte(tc.input)); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("ParseInto: %v, want %v", err2, err)
			}
		})
	}
	// Many bad values: the first maxParseErrors (100) are reported, and the reading stops.
	var b strings.Builder
	b.WriteString(`{"facts":{`)
	for i := range 150 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"f` + strings.Repeat("x", i) + `":"x"`)
	}
	b.WriteString(`}}`)
	_, err := score.ParseProfile([]byte(b.String()))
	var es score.Errors
	if !errors.As(err, &es) || len(es) != 100 || es[99].Path != "/facts/f"+strings.Repeat("x", 99) {
		t.Errorf("150 bad values: %d errors, want the first 100", len(es))
	}
}

// TestErrorsAcrossStages: Parse and ParseInto report a profile's errors all at once, the
// reading's (in the order of the text) then the checks against the rules of what was read
// (by path), a value passed over by the reading once only; text that is not JSON gives the
// reading's errors alone.
func TestErrorsAcrossStages(t *testing.T) {
	type want = errAt
	for _, tc := range []struct {
		name, input string
		want        []want
	}{
		{"both stages", `{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAdds":"four","azure.deploymentz":1,
			"azure.smbCustomerShare":150,"nope":"x"},"certifications":{"AZ-104":-1,"XX-1":1},"lnag":"fr",
			"people":[{"id":5,"certifications":["AZ-999",7]}]}`, []want{
			{"/facts/mw.ent.netCustomerAdds", score.CodeType},
			{"/facts/nope", score.CodeType},
			{"/certifications/AZ-104", score.CodeRange},
			{"/lnag", score.CodeUnknown},
			{"/people/0/id", score.CodeType},
			{"/people/0/certifications/1", score.CodeType},
			// The checks of what was read, by path; none at a path the reading reported.
			{"/certifications/XX-1", score.CodeUnknown},
			{"/facts/azure.deploymentz", score.CodeUnknown},
			{"/facts/azure.smbCustomerShare", score.CodeRange},
			{"/people/0/certifications/0", score.CodeUnknown},
		}},
		// A date or a program list passed over: no check that depends on them.
		{"date passed over", `{"asOf":7,"facts":{"azure.smbCustomerShare":150,"azure.deploymentz":1}}`, []want{
			{"/asOf", score.CodeType},
			{"/facts/azure.deploymentz", score.CodeUnknown},
		}},
		{"programs passed over", `{"programs":["vmware-partner-connect",5],"facts":{"azure.smbCustomerShare":150}}`, []want{
			{"/programs/1", score.CodeType},
		}},
		// A person of the wrong type is one error, not also one of its certifications.
		{"person passed over", `{"people":[5],"certifications":{"XX-1":1}}`, []want{
			{"/people/0", score.CodeType},
			{"/certifications/XX-1", score.CodeUnknown},
		}},
		// Not JSON: the reading's errors only.
		{"syntax stops", `{"facts":{"azure.deploymentz":"x"},"certifications":{"XX-1":1},"lang":tru}`, []want{
			{"/facts/azure.deploymentz", score.CodeType},
			{"/lang", score.CodeSyntax},
		}},
		{"no error in the reading", `{"asOf":"2026-06-01","certifications":{"XX-1":1}}`, []want{
			{"/certifications/XX-1", score.CodeUnknown},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := testEngine(t)
			_, err := e.Parse([]byte(tc.input))
			es := wantErrors(t, "Parse", err, tc.want)
			// ParseInto says the same, into an input used before.
			var in score.Input
			if err := e.ParseInto(&in, []byte(`{"asOf":"2026-06-01"}`)); err != nil {
				t.Fatal(err)
			}
			err2 := e.ParseInto(&in, []byte(tc.input))
			var es2 score.Errors
			if !errors.As(err2, &es2) || describe(es2) != describe(es) {
				t.Errorf("ParseInto:%s\nwant:%s", describe(es2), describe(es))
			}
		})
	}
}

// errAt is an error expected: its path and code.
type errAt struct{ path, code string }

// wantErrors checks that err (from what) is score.Errors with want's paths and codes, in
// that order, and returns them.
func wantErrors(t *testing.T, what string, err error, want []errAt) score.Errors {
	t.Helper()
	var es score.Errors
	if !errors.As(err, &es) {
		t.Fatalf("%s: error %T %v, want score.Errors", what, err, err)
	}
	if len(es) != len(want) {
		t.Fatalf("%s: %d errors, want %d:%s", what, len(es), len(want), describe(es))
	}
	for i, e := range es {
		if got := (errAt{e.Path, e.Code}); got != want[i] {
			t.Errorf("%s: error %d: %v, want %v:%s", what, i, got, want[i], describe(es))
		}
	}
	return es
}

func describe(es score.Errors) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
		b.WriteString(" [" + e.Code + "]")
	}
	return b.String()
}

func TestErrorsJSON(t *testing.T) {
	_, err := testEngine(t).Parse([]byte(`{"facts":{"mw.ent.netCustomerAdd":3},"tracks":{"modern-work":"smbb"}}`))
	var es score.Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("Parse: error %v, want 2 errors", err)
	}
	b, jerr := json.Marshal(es)
	if jerr != nil {
		t.Fatalf("json.Marshal(Errors): %v", jerr)
	}
	var generic []map[string]any
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatalf("json.Unmarshal(%s) into []map: %v", b, err)
	}
	if len(generic) != 2 || generic[0]["path"] != "/facts/mw.ent.netCustomerAdd" || generic[0]["code"] != "unknown" ||
		generic[0]["suggestion"] != "mw.ent.netCustomerAdds" || generic[1]["suggestion"] != "smb" {
		t.Errorf("json.Marshal(Errors) = %s", b)
	}
	for _, k := range []string{"path", "code", "message", "expected", "got"} {
		if _, ok := generic[0][k]; !ok {
			t.Errorf("json.Marshal(Errors) first error has no %q: %s", k, b)
		}
	}
	var back score.Errors
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s) into score.Errors: %v", b, err)
	}
	if len(back) != 2 || *back[0] != *es[0] || *back[1] != *es[1] {
		t.Errorf("Errors JSON round trip: got %v, want %v", describe(back), describe(es))
	}
	// A single *Error marshals as an object.
	one, jerr := json.Marshal(es[0])
	if jerr != nil || !json.Valid(one) || !bytes.HasPrefix(one, []byte(`{"path":"/facts/mw.ent.netCustomerAdd"`)) {
		t.Errorf("json.Marshal(*Error) = %s, %v", one, jerr)
	}
	// Parse errors (with an offset) too.
	_, perr := score.ParseProfile([]byte(`{"asOf":}`))
	b, jerr = json.Marshal(perr)
	if jerr != nil || !bytes.Contains(b, []byte(`"offset":8`)) || !bytes.Contains(b, []byte(`"code":"syntax"`)) {
		t.Errorf("json.Marshal(parse error) = %s, %v", b, jerr)
	}
}

// TestErrorReadable checks full Error() strings of a few common mistakes, as a user reads them.
func TestErrorReadable(t *testing.T) {
	cases := []struct{ input, want string }{
		{`{"asof":"2026-06-01"}`, `/asof: unknown field (expected one of "asOf", "programs", "lang", "people", "certifications", "facts", "tracks", "plan", "parameters", "history", "projection", "departures", got "asof"); did you mean "asOf"?`},
		{`{"certifications":{"AZ-104":1.5}}`, `/certifications/AZ-104: a count must be a whole number (expected a whole number, got 1.5)`},
		{`{"asOf":"2026-02-30"}`, `/asOf: not a valid date (expected YYYY-MM-DD, got "2026-02-30")`},
		{`{"tracks":{"modern-work":"smbb"}}`, `/tracks/modern-work: unknown track for this area (expected one of "enterprise", "smb", got "smbb"); did you mean "smb"?`},
	}
	for _, c := range cases {
		_, err := testEngine(t).EvaluateJSON([]byte(c.input))
		if err == nil || err.Error() != c.want {
			t.Errorf("EvaluateJSON(%s) error:\n got  %v\n want %s", c.input, err, c.want)
		}
	}
}

// TestErrorAppendJSON: the hand-written encoder of errors writes what encoding/json reads back
// as the same error, for awkward strings too.
func TestErrorAppendJSON(t *testing.T) {
	awkward := []string{"", "plain", "quote \" backslash \\ slash /", "\x00\x01\x1f\t\r\n", "é ü 漢字 🎉", "\u2028\u2029", "bad \xff\xfe utf-8", "<script>&"}
	for _, s := range awkward {
		e := &score.Error{Path: "/facts/" + s, Offset: len(s), Code: score.CodeUnknown, Message: s, Expected: s, Got: s, Suggestion: s}
		b := e.AppendJSON(nil)
		var got score.Error
		d := json.NewDecoder(bytes.NewReader(b))
		d.DisallowUnknownFields()
		if err := d.Decode(&got); err != nil {
			t.Fatalf("%q: %v in %s", s, err, b)
		}
		var want score.Error // what encoding/json makes of it (one U+FFFD per bad byte)
		ref, _ := json.Marshal(e)
		if err := json.Unmarshal(ref, &want); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q: decodes to %+v", s, got)
		}
		if i := bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 || r > 0x7e }); i >= 0 {
			t.Errorf("%q: not ASCII at byte %d of %s", s, i, b)
		}
	}
	// Empty optional fields are left out, as encoding/json does with omitempty.
	want, _ := json.Marshal(&score.Error{Path: "", Code: "c", Message: "m"})
	if got := (&score.Error{Code: "c", Message: "m"}).AppendJSON(nil); string(got) != string(want) {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestPeopleNamedTwice: every person whose id an earlier one has is an error at its id, with
// few people or many (a map then); people without an id, and ids alike but for case, are not.
func TestPeopleNamedTwice(t *testing.T) {
	for _, n := range []int{3, 40} {
		p := &score.Profile{AsOf: "2026-06-01"}
		for i := 0; i < n; i++ {
			p.People = append(p.People, score.Person{ID: "p" + strconv.Itoa(i), Certifications: []string{"AZ-104"}})
		}
		p.People = append(p.People,
			score.Person{Certifications: []string{"AZ-104"}}, score.Person{Certifications: []string{"AZ-104"}},
			score.Person{ID: "P1", Certifications: []string{"AZ-104"}},
			score.Person{ID: "p1", Certifications: []string{"AZ-104"}},
			score.Person{ID: "p0", Certifications: []string{"AZ-104"}},
			score.Person{ID: "p1", Certifications: []string{"AZ-104"}})
		_, err := testEngine(t).Resolve(p)
		var es score.Errors
		if !errors.As(err, &es) {
			t.Fatalf("%d people: error %v, want score.Errors", n, err)
		}
		var got []string
		for _, e := range es {
			if e.Code != score.CodeDuplicate {
				t.Errorf("%d people: %v", n, e)
			}
			got = append(got, e.Path+" "+e.Got)
		}
		want := []string{
			"/people/" + strconv.Itoa(n+3) + `/id "p1"`,
			"/people/" + strconv.Itoa(n+4) + `/id "p0"`,
			"/people/" + strconv.Itoa(n+5) + `/id "p1"`,
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d people: errors %v, want %v", n, got, want)
		}
	}
}
