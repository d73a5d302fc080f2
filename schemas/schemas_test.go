package schemas

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/partnerscore/partnerscore/internal/schemagen"
	"github.com/partnerscore/partnerscore/score"
)

func generate(t *testing.T) map[string][]byte {
	t.Helper()
	e, err := score.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, err := schemagen.Generate("..", e)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestUpToDate fails when a committed schema differs from what the generator writes, or
// when a committed *.schema.json is no longer generated.
func TestUpToDate(t *testing.T) {
	files := generate(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		got, err := os.ReadFile(n)
		if err != nil {
			t.Errorf("%s: %v: run go generate ./schemas", n, err)
			continue
		}
		if !bytes.Equal(got, files[n]) {
			t.Errorf("%s differs from the generator's output (first difference at byte %d): run go generate ./schemas", n, firstDiff(got, files[n]))
		}
	}
	committed, err := filepath.Glob("*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range committed {
		if _, ok := files[n]; !ok {
			t.Errorf("%s is not generated any more: run go generate ./schemas", n)
		}
	}
}

// TestDeterministic generates twice and compares.
func TestDeterministic(t *testing.T) {
	a, b := generate(t), generate(t)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for n := range a {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("%s: two runs differ", n)
		}
	}
}

// TestShape checks what the schemas must say, whatever the generator's internals.
func TestShape(t *testing.T) {
	files := generate(t)
	want := []string{schemagen.ProfileFile, schemagen.ResultFile, schemagen.ProgramFile}
	e, _ := score.Default()
	for _, p := range e.Programs() {
		want = append(want, schemagen.StrictProfileFile(p.ID, p.Version))
	}
	for _, n := range want {
		b, ok := files[n]
		if !ok {
			t.Errorf("%s is not generated", n)
			continue
		}
		if !bytes.HasSuffix(b, []byte("}\n")) || !bytes.HasPrefix(b, []byte("{\n  \"")) {
			t.Errorf("%s: not indented with two spaces and ended by a newline", n)
		}
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema = %v", n, s["$schema"])
		}
		if s["$id"] != schemagen.BaseID+n {
			t.Errorf("%s: $id = %v", n, s["$id"])
		}
		if s["type"] != "object" || s["additionalProperties"] != false {
			t.Errorf("%s: the root is not a closed object: type %v, additionalProperties %v", n, s["type"], s["additionalProperties"])
		}
		if d, _ := s["description"].(string); d == "" {
			t.Errorf("%s: no description", n)
		}
	}

	// Result has a MarshalJSON method: its fields must still be described.
	var res struct {
		Required   []string                  `json:"required"`
		Properties map[string]map[string]any `json:"properties"`
		Defs       map[string]struct {
			Required   []string                  `json:"required"`
			Properties map[string]map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(files[schemagen.ResultFile], &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Properties) != 7 || len(res.Required) != 4 { // window, projection and departures are optional
		t.Errorf("result: properties %v, required %v", res.Properties, res.Required)
	}
	if d, _ := res.Properties["asOf"]["description"].(string); d != "AsOf is the date evaluated." {
		t.Errorf("result asOf: description %q, want the Go doc comment", d)
	}
	mr := res.Defs["MetricResult"]
	if _, ok := mr.Properties["prerequisite"]; !ok {
		t.Error("MetricResult: no prerequisite property")
	}
	for _, r := range mr.Required {
		if r == "prerequisite" || r == "gates" || r == "note" || r == "best" {
			t.Errorf("MetricResult: %s is required but omitted when empty", r)
		}
	}
}

// firstDiff is the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// Lookup and Names serve exactly the schema files, by name, without their indentation.
func TestLookup(t *testing.T) {
	files, err := filepath.Glob("*.schema.json")
	if err != nil || len(files) < 5 {
		t.Fatal("schema files:", files, err)
	}
	names := Names()
	if len(names) != len(files) {
		t.Fatalf("Names() = %v, files %v", names, files)
	}
	for _, f := range files {
		name := strings.TrimSuffix(f, ".schema.json")
		file, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Compact(&want, file); err != nil {
			t.Fatal(err)
		}
		got, ok := Lookup(name)
		if !ok || got != want.String() {
			t.Errorf("Lookup(%q) = %d bytes, %v; want the file's %d bytes without indentation", name, len(got), ok, want.Len())
		}
	}
	for _, bad := range []string{"", "profile.schema.json", "Profile", "zzz", "a/b", "../schemas/profile"} {
		if _, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) found a schema", bad)
		}
	}
}
