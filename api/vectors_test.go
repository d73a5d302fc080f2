package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// vectors is api/testdata/vectors.json, shared with the Worker's tests
// (tests/js/worker.test.mjs): the same requests must get the same answers natively and
// under workerd.
type vectors struct {
	AllowedOrigins string   `json:"allowedOrigins"`
	Cases          []vector `json:"cases"`
}

type vector struct {
	Name       string            `json:"name"`
	Method     string            `json:"method"`
	Path       string            `json:"path"`
	Headers    map[string]string `json:"headers"`
	Body       string            `json:"body"`
	BodyFile   string            `json:"bodyFile"`
	BodyRepeat *struct {
		Text  string `json:"text"`
		Times int    `json:"times"`
	} `json:"bodyRepeat"`
	Status     int               `json:"status"`
	Type       string            `json:"type"`
	CLI        string            `json:"cli"`
	CLIArgs    []string          `json:"cliArgs"`
	Schema     string            `json:"schema"`
	Contains   string            `json:"contains"`
	Problem    string            `json:"problem"`
	ErrorPath  *string           `json:"errorPath"`
	Items      []wantItem        `json:"items"`
	Count      int               `json:"count"`
	Header     map[string]string `json:"header"`
	NoHeader   []string          `json:"noHeader"`
	Revalidate bool              `json:"revalidate"`
	EmptyBody  bool              `json:"emptyBody"`
}

type wantItem struct {
	OK        bool    `json:"ok"`
	Status    int     `json:"status"`
	Line      int     `json:"line"`
	ErrorPath *string `json:"errorPath"`
}

// root is the repository root, where bodyFile and cli paths start.
const root = ".."

func loadVectors(t testing.TB) vectors {
	t.Helper()
	b, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) == 0 {
		t.Fatal("no vectors")
	}
	return v
}

func (v *vector) body(t testing.TB) []byte {
	switch {
	case v.BodyFile != "":
		b, err := os.ReadFile(filepath.Join(root, v.BodyFile))
		if err != nil {
			t.Fatal(err)
		}
		return b
	case v.BodyRepeat != nil:
		return bytes.Repeat([]byte(v.BodyRepeat.Text), v.BodyRepeat.Times)
	}
	return []byte(v.Body)
}

// cliPath builds the command-line tool once for the tests that compare with it.
var cliPath = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "partnerscore-cli")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "partnerscore")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/partnerscore")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", &exec.Error{Name: string(out), Err: err}
	}
	return bin, nil
})

// cliResult is what `partnerscore evaluate FILE` prints, without its newline.
func cliResult(t *testing.T, file string) []byte {
	t.Helper()
	bin, err := cliPath()
	if err != nil {
		t.Fatalf("building the CLI: %v", err)
	}
	out, err := exec.Command(bin, "evaluate", filepath.Join(root, file)).Output()
	if err != nil {
		t.Fatalf("partnerscore evaluate %s: %v", file, err)
	}
	return bytes.TrimSuffix(out, []byte("\n"))
}

// cliRun is what `partnerscore ARGS...` prints, run from the repository root with stdin
// on its standard input, without the final newline.
func cliRun(t *testing.T, args []string, stdin []byte) []byte {
	t.Helper()
	bin, err := cliPath()
	if err != nil {
		t.Fatalf("building the CLI: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("partnerscore %s: %v", strings.Join(args, " "), err)
	}
	return bytes.TrimSuffix(out, []byte("\n"))
}

// TestVectors runs every vector against the handler (no network).
func TestVectors(t *testing.T) {
	vs := loadVectors(t)
	h, err := New(Config{AllowedOrigins: ParseOrigins(vs.AllowedOrigins)})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs.Cases {
		t.Run(v.Name, func(t *testing.T) {
			r := httptest.NewRequest(v.Method, v.Path, bytes.NewReader(v.body(t)))
			for k, val := range v.Headers {
				r.Header.Set(k, val)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			res := w.Result()
			body, _ := io.ReadAll(res.Body)
			checkVector(t, &v, res.StatusCode, res.Header, body)
			if v.Revalidate {
				r2 := httptest.NewRequest(v.Method, v.Path, nil)
				r2.Header.Set("If-None-Match", res.Header.Get("ETag"))
				w2 := httptest.NewRecorder()
				h.ServeHTTP(w2, r2)
				if w2.Code != http.StatusNotModified || w2.Body.Len() != 0 || w2.Header().Get("ETag") != res.Header.Get("ETag") {
					t.Errorf("revalidation with If-None-Match %s: %d %q", res.Header.Get("ETag"), w2.Code, w2.Body)
				}
			}
		})
	}
}

// checkVector checks one answer against its vector (the Worker's test checks the same).
func checkVector(t *testing.T, v *vector, status int, hd http.Header, body []byte) {
	t.Helper()
	if status != v.Status {
		t.Fatalf("status %d, want %d; body %.300s", status, v.Status, body)
	}
	if v.Type != "" && mediaType(hd.Get("Content-Type")) != v.Type {
		t.Errorf("Content-Type %q, want %s", hd.Get("Content-Type"), v.Type)
	}
	if v.EmptyBody && len(body) > 0 {
		t.Errorf("body %q, want none", body)
	}
	if v.CLI != "" {
		if want := cliResult(t, v.CLI); !bytes.Equal(body, want) {
			t.Errorf("result differs from partnerscore evaluate %s:\n got %.200s\nwant %.200s", v.CLI, body, want)
		}
	}
	if v.CLIArgs != nil {
		if want := cliRun(t, v.CLIArgs, v.body(t)); !bytes.Equal(body, want) {
			t.Errorf("result differs from partnerscore %s:\n got %.200s\nwant %.200s", strings.Join(v.CLIArgs, " "), body, want)
		}
	}
	if v.Schema != "" {
		checkSchemaShape(t, v.Schema, body)
	}
	if v.Contains != "" && !bytes.Contains(body, []byte(v.Contains)) {
		t.Errorf("body lacks %s: %.300s", v.Contains, body)
	}
	for k, want := range v.Header {
		if got := strings.Join(hd.Values(k), ", "); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	for _, k := range v.NoHeader {
		if got := hd.Get(k); got != "" {
			t.Errorf("%s: %q, want none", k, got)
		}
	}
	if v.Problem != "" {
		var p struct {
			Type, Title, Instance string
			Status                int
			Errors                []struct{ Path string }
		}
		if err := json.Unmarshal(body, &p); err != nil {
			t.Fatalf("problem: %v: %s", err, body)
		}
		checkTitle(t, p.Type, p.Title)
		if p.Type != ProblemBase+v.Problem || p.Status != status || p.Title == "" || p.Instance == "" {
			t.Errorf("problem %+v, want type %s and status %d", p, ProblemBase+v.Problem, status)
		}
		if v.ErrorPath != nil && (len(p.Errors) == 0 || p.Errors[0].Path != *v.ErrorPath) {
			t.Errorf("errors %+v, want the first at %q", p.Errors, *v.ErrorPath)
		}
	}
	if v.Items != nil || v.Count > 0 {
		items := batchItems(t, hd, body)
		if v.Count > 0 && len(items) != v.Count {
			t.Errorf("%d items, want %d", len(items), v.Count)
		}
		if v.Items != nil && len(items) != len(v.Items) {
			t.Fatalf("%d items, want %d: %s", len(items), len(v.Items), body)
		}
		for i, want := range v.Items {
			got := items[i]
			if got.Index != i || got.OK != want.OK || got.Status != want.Status || got.Line != want.Line ||
				got.OK != (got.Result != nil || got.Summary != nil) {
				t.Errorf("item %d: %+v, want %+v", i, got, want)
			}
			if want.ErrorPath != nil && (len(got.Errors) == 0 || got.Errors[0].Path != *want.ErrorPath) {
				t.Errorf("item %d: errors %+v, want the first at %q", i, got.Errors, *want.ErrorPath)
			}
		}
	}
}

type batchItem struct {
	Index, Line, Status int
	OK                  bool
	Result, Summary     json.RawMessage
	Errors              []struct{ Path string }
}

// batchItems decodes a batch answer, JSON or NDJSON.
func batchItems(t *testing.T, hd http.Header, body []byte) []batchItem {
	t.Helper()
	var items []batchItem
	if mediaType(hd.Get("Content-Type")) == typeNDJSON {
		for _, line := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
			var it batchItem
			if err := json.Unmarshal(line, &it); err != nil {
				t.Fatalf("NDJSON line %s: %v", line, err)
			}
			items = append(items, it)
		}
		return items
	}
	var all struct {
		Items         []batchItem
		Count, Failed int
	}
	if err := json.Unmarshal(body, &all); err != nil {
		t.Fatalf("batch: %v", err)
	}
	failed := 0
	for _, it := range all.Items {
		if !it.OK {
			failed++
		}
	}
	if all.Count != len(all.Items) || all.Failed != failed {
		t.Errorf("count %d failed %d, want %d and %d", all.Count, all.Failed, len(all.Items), failed)
	}
	return all.Items
}
