package api

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// schemaCheck validates a JSON document against one of the generated JSON Schemas
// (schemas/*.schema.json) natively, for the keywords those schemas use: $ref to $defs,
// type, properties, required, additionalProperties, items, enum, minimum, pattern and the
// formats date and uri. A keyword it does not know is an error, so that a schema growing a new
// kind of constraint fails here instead of passing unchecked. ajv checks the same
// documents under workerd (tests/js/worker.test.mjs).
type schemaCheck struct {
	root map[string]any
	errs []string
}

// annotations are the keywords that constrain nothing.
var annotations = []string{"$schema", "$id", "$defs", "title", "description"}

// checkSchemaShape fails t when body is not valid against schemas/<name>.schema.json.
func checkSchemaShape(t *testing.T, name string, body []byte) {
	t.Helper()
	if errs := validateSchema(t, name, body); len(errs) > 0 {
		t.Errorf("not valid against schemas/%s.schema.json:\n  %s", name, strings.Join(errs, "\n  "))
	}
}

func validateSchema(t *testing.T, name string, body []byte) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "schemas", name+".schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("schemas/%s.schema.json: %v", name, err)
	}
	d := json.NewDecoder(strings.NewReader(string(body)))
	d.UseNumber()
	var doc any
	if err := d.Decode(&doc); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	c := &schemaCheck{root: s}
	c.check(s, doc, "")
	return c.errs
}

func (c *schemaCheck) fail(path, format string, args ...any) {
	if len(c.errs) < 20 {
		c.errs = append(c.errs, fmt.Sprintf("%s: ", pathOrRoot(path))+fmt.Sprintf(format, args...))
	}
}

func pathOrRoot(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

func (c *schemaCheck) check(s map[string]any, v any, path string) {
	for k, kv := range s {
		switch k {
		case "$ref":
			ref, _ := kv.(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			defs, _ := c.root["$defs"].(map[string]any)
			sub, found := defs[name].(map[string]any)
			if !ok || !found {
				c.fail(path, "unresolvable $ref %q", ref)
				continue
			}
			c.check(sub, v, path)
		case "type":
			if t, _ := kv.(string); !hasType(v, t) {
				c.fail(path, "type %s, got %T", t, v)
			}
		case "properties":
			obj, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props, _ := kv.(map[string]any)
			for name, pv := range obj {
				if ps, ok := props[name].(map[string]any); ok {
					c.check(ps, pv, path+"/"+name)
				}
			}
		case "required":
			obj, ok := v.(map[string]any)
			if !ok {
				continue
			}
			for _, r := range kv.([]any) {
				if _, has := obj[r.(string)]; !has {
					c.fail(path, "required property %q is missing", r)
				}
			}
		case "additionalProperties":
			obj, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props, _ := s["properties"].(map[string]any)
			for name, pv := range obj {
				if _, known := props[name]; known {
					continue
				}
				switch ap := kv.(type) {
				case bool:
					if !ap {
						c.fail(path, "property %q is not allowed", name)
					}
				case map[string]any:
					c.check(ap, pv, path+"/"+name)
				}
			}
		case "items":
			arr, ok := v.([]any)
			if !ok {
				continue
			}
			is, _ := kv.(map[string]any)
			for i, x := range arr {
				c.check(is, x, path+"/"+strconv.Itoa(i))
			}
		case "enum":
			if !slices.ContainsFunc(kv.([]any), func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
				c.fail(path, "%v is not one of %v", v, kv)
			}
		case "minimum":
			n, ok := v.(json.Number)
			if !ok {
				continue
			}
			f, _ := n.Float64()
			if f < kv.(float64) {
				c.fail(path, "%v is below the minimum %v", f, kv)
			}
		case "pattern":
			str, ok := v.(string)
			if !ok {
				continue
			}
			if re, err := regexp.Compile(kv.(string)); err != nil {
				c.fail(path, "pattern %q: %v", kv, err)
			} else if !re.MatchString(str) {
				c.fail(path, "%q does not match the pattern %q", str, kv)
			}
		case "format":
			str, ok := v.(string)
			if !ok {
				continue
			}
			switch kv {
			case "date":
				if _, err := time.Parse(time.DateOnly, str); err != nil {
					c.fail(path, "%q is not a date", str)
				}
			case "uri":
				if u, err := url.Parse(str); err != nil || u.Scheme == "" {
					c.fail(path, "%q is not a URI", str)
				}
			default:
				c.fail(path, "unknown format %v in the schema", kv)
			}
		default:
			if !slices.Contains(annotations, k) {
				c.fail(path, "the schema uses %q, which this checker does not know", k)
			}
		}
	}
}

func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number", "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		f, err := n.Float64()
		return err == nil && (t == "number" || f == math.Trunc(f))
	}
	return false
}

// TestSchemaCheck shows that the native checker rejects what ajv rejects in these schemas.
func TestSchemaCheck(t *testing.T) {
	good := cliResult(t, "examples/programs/vmware-advanced.json")
	if errs := validateSchema(t, "result", good); len(errs) > 0 {
		t.Fatalf("a real result: %v", errs)
	}
	for _, k := range []struct{ what, old, new, want string }{
		{"an unknown property", `"asOf":`, `"nope":1,"asOf":`, `property "nope" is not allowed`},
		{"a missing required property", `"asOf":"2021-06-01",`, ``, `required property "asOf" is missing`},
		{"a wrong type", `"asOf":"2021-06-01"`, `"asOf":20210601`, "type string"},
		{"a bad date", `"asOf":"2021-06-01"`, `"asOf":"2021-13-01"`, "is not a date"},
		{"a value outside its enum", `"model":"levels"`, `"model":"oracle"`, "is not one of"},
		{"a string off its pattern", `"lang":"fr"`, `"lang":"FR"`, "does not match the pattern"},
	} {
		bad := strings.Replace(string(good), k.old, k.new, 1)
		if bad == string(good) {
			t.Fatalf("%s: %q is not in the result", k.what, k.old)
		}
		errs := validateSchema(t, "result", []byte(bad))
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, k.want) }) {
			t.Errorf("%s: errors %v, want one saying %q", k.what, errs, k.want)
		}
	}
}
