package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/partnerscore/partnerscore/score"
)

// programList is the body of GET /v1/programs.
type programList struct {
	// Date is the day InForce refers to (today, UTC).
	Date     string         `json:"date"`
	Programs []programEntry `json:"programs"`
}

type programEntry struct {
	ID   string     `json:"id"`
	Name score.Text `json:"name"`
	// Current is the version in force on the date, if any.
	Current  string         `json:"current,omitempty"`
	Versions []versionEntry `json:"versions"`
}

type versionEntry struct {
	Version         string  `json:"version"`
	EffectiveFrom   string  `json:"effectiveFrom"`
	EffectiveTo     string  `json:"effectiveTo,omitempty"`
	VerifiedOn      string  `json:"verifiedOn"`
	QualifyingScore float64 `json:"qualifyingScore"`
	InForce         bool    `json:"inForce"`
	Href            string  `json:"href"`
}

// programDetail is the body of GET /v1/programs/{id}: every version as rule data.
type programDetail struct {
	ID       string           `json:"id"`
	Versions []*score.Program `json:"versions"`
}

// programs answers GET /v1/programs: every program with its versions, the one in force
// today marked. The list is built once per day, and replaces the previous day's in the
// cache.
func (h *Handler) programs(w http.ResponseWriter, r *http.Request) {
	date := h.now().UTC().Format(time.DateOnly)
	h.mu.Lock()
	res := h.cache[keyPrograms]
	if h.listDate != date {
		res = nil
	}
	h.mu.Unlock()
	if res == nil {
		res = h.buildProgramList(date)
		h.mu.Lock()
		h.cache[keyPrograms], h.listDate = res, date
		h.mu.Unlock()
	}
	serveResource(w, r, res)
}

// keyPrograms is the cache key of the program list.
const keyPrograms = "programs"

// buildProgramList builds the body of GET /v1/programs for date.
func (h *Handler) buildProgramList(date string) *resource {
	inForce, err := h.eng.InForce(date)
	if err != nil {
		panic(err) // a date made by Format is valid
	}
	list := programList{Date: date, Programs: []programEntry{}}
	for _, p := range h.eng.Programs() {
		if n := len(list.Programs); n == 0 || list.Programs[n-1].ID != p.ID {
			list.Programs = append(list.Programs, programEntry{ID: p.ID, Versions: []versionEntry{}})
		}
		e := &list.Programs[len(list.Programs)-1]
		e.Name = p.Name // the latest version's name
		v := versionEntry{Version: p.Version, EffectiveFrom: p.EffectiveFrom, EffectiveTo: p.EffectiveTo,
			VerifiedOn: p.VerifiedOn, QualifyingScore: p.QualifyingScore,
			Href: "/v1/programs/" + p.ID + "/" + p.Version}
		for _, q := range inForce {
			if q == p {
				v.InForce, e.Current = true, p.Version
			}
		}
		e.Versions = append(e.Versions, v)
	}
	return jsonResource(list, cacheRules)
}

// program answers GET /v1/programs/{id} (every version of the program, oldest first) and
// GET /v1/programs/{id}/{version} (one version), as the rule data of
// schemas/program.schema.json.
func (h *Handler) program(w http.ResponseWriter, r *http.Request, rest string) {
	res := h.cached("program/"+rest, func() *resource {
		id, version, one := strings.Cut(rest, "/")
		d := programDetail{ID: id}
		for _, p := range h.eng.Programs() {
			if p.ID == id && (!one || p.Version == version) {
				d.Versions = append(d.Versions, p)
			}
		}
		switch {
		case len(d.Versions) == 0 || strings.Contains(version, "/"):
			return nil
		case one:
			return jsonResource(d.Versions[0], cacheRules)
		}
		return jsonResource(d, cacheRules)
	})
	if res == nil {
		writeProblem(w, r, notFound(r.URL.EscapedPath()))
		return
	}
	serveResource(w, r, res)
}

// jsonResource encodes v; a failure is a bug, reported as a 500 by ServeHTTP.
func jsonResource(v any, cache string) *resource {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return newResource(b, "application/json", cache)
}
