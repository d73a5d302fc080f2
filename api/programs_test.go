package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// ruleVersions reads score/rules/<program>/<version>.json: every program version in the
// rule data, as "id version", sorted.
func ruleVersions(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "score", "rules", "*", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule data under score/rules: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ ID, Version string }
		if err := json.Unmarshal(b, &p); err != nil || p.ID == "" || p.Version == "" {
			t.Fatalf("%s: id %q version %q: %v", f, p.ID, p.Version, err)
		}
		out = append(out, p.ID+" "+p.Version)
	}
	slices.Sort(out)
	return out
}

// TestProgramsListEveryVersion: GET /v1/programs lists every program and version of the
// rule data and of the engine, with no program-specific code: each version's rule data
// is served at its href, and the one in force on the date is marked.
func TestProgramsListEveryVersion(t *testing.T) {
	want := ruleVersions(t)
	h, err := New(Config{Now: func() time.Time { return time.Date(2022, 10, 3, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	var engine []string
	for _, p := range h.eng.Programs() {
		engine = append(engine, p.ID+" "+p.Version)
	}
	slices.Sort(engine)
	if !slices.Equal(engine, want) {
		t.Errorf("the engine's programs %v, the rule data's %v", engine, want)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/v1/programs", nil))
	var list struct {
		Date     string
		Programs []struct {
			ID, Current string
			Versions    []struct {
				Version, Href, EffectiveFrom, EffectiveTo string
				InForce                                   bool
			}
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil || w.Code != http.StatusOK {
		t.Fatalf("GET /v1/programs: %d %v", w.Code, err)
	}
	var got []string
	ids := map[string]bool{}
	for _, p := range list.Programs {
		ids[p.ID] = true
		inForce := ""
		for _, v := range p.Versions {
			got = append(got, p.ID+" "+v.Version)
			on := v.EffectiveFrom <= list.Date && (v.EffectiveTo == "" || list.Date <= v.EffectiveTo)
			if v.InForce != on {
				t.Errorf("%s %s (%s to %s): inForce %v on %s", p.ID, v.Version, v.EffectiveFrom, v.EffectiveTo, v.InForce, list.Date)
			}
			if on {
				inForce = v.Version
			}
			r := httptest.NewRecorder()
			h.ServeHTTP(r, httptest.NewRequest(http.MethodGet, v.Href, nil))
			var one struct{ ID, Version string }
			if err := json.Unmarshal(r.Body.Bytes(), &one); err != nil || r.Code != http.StatusOK || one.ID != p.ID || one.Version != v.Version {
				t.Errorf("GET %s: %d %+v %v", v.Href, r.Code, one, err)
			}
		}
		if p.Current != inForce {
			t.Errorf("%s: current %q, want %q", p.ID, p.Current, inForce)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("GET /v1/programs lists %v, the rule data holds %v", got, want)
	}
	// Every model kind is among them (scorecard, levels, calculator, timeline).
	for _, id := range []string{"microsoft-ai-cloud-partner-program", "vmware-partner-connect", "microsoft-cloud-solution-provider",
		"microsoft-bpos-partner-fees", "microsoft-nce-term-comparison", "microsoft-csp-advisor-cash-flow",
		"microsoft-partner-program-transition-2022", "microsoft-partner-network-competencies"} {
		if !ids[id] {
			t.Errorf("GET /v1/programs lacks %s", id)
		}
	}
}

// TestProgramsCacheOneDay: the program list is built for the day and replaces the
// previous day's in the cache: over many days, the cache holds one list.
func TestProgramsCacheOneDay(t *testing.T) {
	now := time.Date(2025, 6, 30, 23, 59, 0, 0, time.UTC)
	h, err := New(Config{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []time.Duration{0, 30 * time.Second, 2 * time.Minute, 24 * time.Hour, 24 * time.Hour, 400 * 24 * time.Hour} {
		now = now.Add(step)
		a := serve(h, "GET", "/v1/programs", nil, nil)
		var list struct{ Date string }
		if err := json.Unmarshal(a.body, &list); err != nil || a.status != http.StatusOK || list.Date != now.Format(time.DateOnly) {
			t.Fatalf("GET /v1/programs on %s: %d, date %q, %v", now, a.status, list.Date, err)
		}
		h.mu.Lock()
		n := 0
		for k := range h.cache {
			if strings.HasPrefix(k, "programs") {
				n++
			}
		}
		h.mu.Unlock()
		if n != 1 {
			t.Errorf("on %s the cache holds %d program lists, want 1", now.Format(time.DateOnly), n)
		}
	}
}
