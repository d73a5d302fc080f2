// Package schemagen generates the JSON Schemas of PartnerScore's input, output and rule
// data from the Go types of package score, documented from their Go doc comments, and a
// strict profile schema for every program version of the engine's rules.
//
// It is used by cmd/schemagen (go generate ./schemas) and by the schemas package's test,
// which checks that the committed files are up to date. It reflects on types at run time:
// keep it out of every wasm build.
package schemagen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/partnerscore/partnerscore/score"
)

// BaseID is the URI every schema's $id starts with; the file name follows.
const BaseID = "https://partnerscore.dev/schemas/"

// modulePath is the module the documented types live in.
const modulePath = "github.com/partnerscore/partnerscore"

// Generic schema file names.
const (
	ProfileFile = "profile.schema.json"
	ResultFile  = "result.schema.json"
	ProgramFile = "program.schema.json"
	SummaryFile = "summary.schema.json"
	// ComparisonFile describes score.Comparison (one profile on two dates).
	ComparisonFile = "comparison.schema.json"
)

// StrictProfileFile is the file name of the strict profile schema of a program version.
func StrictProfileFile(programID, version string) string {
	return "profile." + programID + "." + version + ".schema.json"
}

// Generate returns every schema, by file name: the generic profile, result, summary and program
// schemas, and one strict profile schema per program version of e. root is the module's
// root directory, where the Go sources of package score are read for descriptions.
// Each file is indented with two spaces and ends with a newline; the output depends only
// on the sources and the rules, never on map order or the working directory.
func Generate(root string, e *score.Engine) (map[string][]byte, error) {
	pkgPath := reflect.TypeOf(score.Profile{}).PkgPath()
	comments, err := goComments(filepath.Join(root, "score"), pkgPath)
	if err != nil {
		return nil, err
	}
	if comments[pkgPath+".Profile"] == "" {
		return nil, errors.New("no doc comment found for score.Profile in " + filepath.Join(root, "score"))
	}
	out := map[string][]byte{}
	add := func(name string, s *jsonschema.Schema) error {
		b, err := encode(s)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out[name] = b
		return nil
	}
	prof := profileSchema(comments)
	if err := add(ProfileFile, prof); err != nil {
		return nil, err
	}
	res := reflectRoot(comments, &score.Result{}, ResultFile, "PartnerScore result")
	if err := add(ResultFile, res); err != nil {
		return nil, err
	}
	sum := reflectRoot(comments, &score.Summary{}, SummaryFile, "PartnerScore result summary")
	if err := add(SummaryFile, sum); err != nil {
		return nil, err
	}
	if err := add(ComparisonFile, reflectRoot(comments, &score.Comparison{}, ComparisonFile, "PartnerScore comparison of two dates")); err != nil {
		return nil, err
	}
	prog := reflectRoot(comments, &score.Program{}, ProgramFile, "PartnerScore program rules")
	if err := add(ProgramFile, prog); err != nil {
		return nil, err
	}
	for _, p := range e.Programs() {
		name := StrictProfileFile(p.ID, p.Version)
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("%s: two program versions give this file name", name)
		}
		if err := add(name, strictProfileSchema(comments, p, e.Certifications())); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FindRoot returns the directory of the go.mod of this module, searching dir and its parents.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module "+modulePath+"\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of module " + modulePath + " above the working directory")
		}
		dir = parent
	}
}

// reflector is configured the same for every schema: definitions under $defs, no
// additional properties, fields without omitempty required, descriptions from comments.
func reflector(comments map[string]string) *jsonschema.Reflector {
	return &jsonschema.Reflector{
		ExpandedStruct: true,
		CommentMap:     comments,
	}
}

func reflectRoot(comments map[string]string, v any, file, title string) *jsonschema.Schema {
	s := reflector(comments).Reflect(v)
	s.ID = jsonschema.ID(BaseID + file)
	s.Title = title
	return s
}

// maxPeople is the most people a certification count may give (checked by Engine.Resolve).
const maxPeople = 1_000_000

// profileSchema is the profile schema, with what the parser checks that struct tags cannot
// say: certification counts are whole numbers from 0 to 1,000,000, costs are above 0.
func profileSchema(comments map[string]string) *jsonschema.Schema {
	s := reflectRoot(comments, &score.Profile{}, ProfileFile, "PartnerScore profile")
	certs := prop(s, "certifications")
	certs.AdditionalProperties.Minimum = "0"
	certs.AdditionalProperties.Maximum = json.Number(strconv.Itoa(maxPeople))
	costs := prop(s.Definitions["PlanRequest"], "costs")
	costs.AdditionalProperties.ExclusiveMinimum = "0"
	return s
}

// strictProfileSchema is the profile schema for one program version: facts limited to the
// facts it declares, with their types and bounds; certifications limited to the catalog;
// programs to this program; tracks to its areas and their tracks.
func strictProfileSchema(comments map[string]string, p *score.Program, catalog []score.Certification) *jsonschema.Schema {
	file := StrictProfileFile(p.ID, p.Version)
	s := profileSchema(comments)
	s.ID = jsonschema.ID(BaseID + file)
	s.Title = "PartnerScore profile for " + p.Name.En + " " + p.Version
	in := "from " + p.EffectiveFrom
	if p.EffectiveTo != "" {
		in += " to " + p.EffectiveTo
	}
	s.Description = "A profile for " + p.Name.En + " " + p.Version + ", the rules in force " + in +
		": only the facts this version declares, within their bounds, and certifications of the catalog. " +
		"Certification names are listed as the catalog writes them; the engine also ignores letter case and surrounding spaces."

	// Shared enumerations.
	var names []string
	seen := map[string]bool{}
	for _, c := range catalog {
		for _, n := range append(append([]string{c.ID}, c.Exams...), append(c.Aliases, c.Name.En)...) {
			if n != "" && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	s.Definitions["CertificationName"] = &jsonschema.Schema{
		Type:        "string",
		Description: "A certification of the catalog: its id, an exam code, an alias or its English name.",
		Enum:        strs(names),
	}
	facts := append([]score.Fact(nil), p.Facts...)
	sort.Slice(facts, func(i, j int) bool { return facts[i].ID < facts[j].ID })
	factIDs := make([]string, len(facts))
	for i, f := range facts {
		factIDs[i] = f.ID
	}
	s.Definitions["FactID"] = &jsonschema.Schema{
		Type:        "string",
		Description: "A fact id declared by " + p.ID + " " + p.Version + ".",
		Enum:        strs(factIDs),
	}
	nameRef := func() *jsonschema.Schema { return &jsonschema.Schema{Ref: "#/$defs/CertificationName"} }

	// programs: this program only.
	prop(s, "programs").Items = &jsonschema.Schema{Type: "string", Enum: []any{p.ID}}

	// facts: exactly the declared ones.
	fp := prop(s, "facts")
	fp.AdditionalProperties = jsonschema.FalseSchema
	fp.Properties = jsonschema.NewProperties()
	for _, f := range facts {
		typ := "number"
		if f.Integer {
			typ = "integer"
		}
		desc := strings.TrimSpace(f.Label.En)
		if h := strings.TrimSpace(f.Help.En); h != "" {
			desc = sentence(desc) + " " + h
		}
		desc = sentence(desc) + " Unit: " + f.Unit + "."
		fp.Properties.Set(f.ID, &jsonschema.Schema{
			Type:        typ,
			Description: desc,
			Minimum:     num(f.Min),
			Maximum:     num(f.Max),
		})
	}

	// certifications: names from the catalog.
	cp := prop(s, "certifications")
	cp.PropertyNames = nameRef()
	prop(s.Definitions["Person"], "certifications").Items = nameRef()

	// tracks: this version's areas and their tracks.
	tp := prop(s, "tracks")
	tp.AdditionalProperties = jsonschema.FalseSchema
	tp.Properties = jsonschema.NewProperties()
	areas := append([]score.Area(nil), p.Areas...)
	sort.Slice(areas, func(i, j int) bool { return areas[i].ID < areas[j].ID })
	for _, a := range areas {
		ids := make([]string, len(a.Tracks))
		for i, t := range a.Tracks {
			ids[i] = t.ID
		}
		sort.Strings(ids)
		tp.Properties.Set(a.ID, &jsonschema.Schema{
			Type:        "string",
			Description: "The track of " + a.Name.En + ".",
			Enum:        strs(ids),
		})
	}

	// plan costs: a declared fact or a certification.
	costs := prop(s.Definitions["PlanRequest"], "costs")
	costs.PropertyNames = &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Ref: "#/$defs/FactID"}, nameRef()}}
	return s
}

// prop returns the schema of property name of s, which must exist.
func prop(s *jsonschema.Schema, name string) *jsonschema.Schema {
	p, ok := s.Properties.Get(name)
	if !ok {
		panic("schemagen: no property " + name + " in " + s.Title + string(s.ID))
	}
	return p
}

func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func num(v float64) json.Number {
	return json.Number(strconv.FormatFloat(v, 'f', -1, 64))
}

// sentence ends s with a full stop unless it already ends with punctuation.
func sentence(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// goComments reads the doc comments of the exported types and struct fields of the Go
// package in dir (test files excluded), keyed as jsonschema.Reflector.CommentMap expects:
// "importPath.Type" → the first sentence of the type's doc, "importPath.Type.Field" → the
// field's doc on one line.
//
// It does what Reflector.AddGoComments does, with two differences: keys do not depend on
// the working directory (AddGoComments joins the import path with the directory as given,
// so it must run from the module root), and test files, which AddGoComments parses too,
// cannot change the schemas.
func goComments(dir, importPath string) (map[string]string, error) {
	fset := token.NewFileSet()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, ent := range ents {
		n := ent.Name()
		if ent.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, importPath)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, t := range pkg.Types {
		key := importPath + "." + t.Name
		if d := oneLine(pkg.Synopsis(t.Doc)); d != "" {
			m[key] = d
		}
		for _, spec := range t.Decl.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok || ts.Name.Name != t.Name {
				continue
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, f := range st.Fields.List {
				txt := f.Doc.Text()
				if txt == "" {
					txt = f.Comment.Text()
				}
				for _, n := range f.Names {
					if n.IsExported() && txt != "" {
						m[key+"."+n.Name] = oneLine(txt)
					}
				}
			}
		}
	}
	return m, nil
}

// oneLine joins the lines of a comment with single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// encode writes s as JSON indented with two spaces, with <, > and & left as they are,
// and a final newline.
func encode(s *jsonschema.Schema) ([]byte, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, unescapeHTML(b), "", "  "); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// unescapeHTML undoes encoding/json's escaping of <, > and & (\u003c, \u003e, \u0026)
// in JSON text, leaving every other escape alone.
func unescapeHTML(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		if b[i+1] == 'u' && i+6 <= len(b) {
			switch string(b[i+2 : i+6]) {
			case "003c":
				out = append(out, '<')
				i += 5
				continue
			case "003e":
				out = append(out, '>')
				i += 5
				continue
			case "0026":
				out = append(out, '&')
				i += 5
				continue
			}
		}
		// Any other escape is copied whole, so an escaped backslash is never read as
		// the start of an escape.
		out = append(out, b[i], b[i+1])
		i++
	}
	return out
}
