package api

import (
	"net/http"

	"github.com/partnerscore/partnerscore/score"
)

// compare answers POST /v1/compare?from=YYYY-MM-DD&to=YYYY-MM-DD: one JSON profile in
// (its asOf is ignored), its comparison on the two dates out
// (schemas/comparison.schema.json), exactly as `partnerscore compare -json -from … -to …`
// prints it (without the newline). A missing, malformed or rule-less date is a 422 whose
// error is at "/from" or "/to", reported with the profile's own errors.
func (h *Handler) compare(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, to := q.Get("from"), q.Get("to")
	st := getState()
	defer putState(st)
	data, _, ok := readBody(w, r, st, "application/json")
	if !ok {
		return
	}
	out, err := h.eng.CompareJSON(data, from, to)
	if err != nil {
		p := inputProblem(requiredDates(err, from, to))
		if p.slug == slugInvalid {
			p.detail = "the profile or the dates are not valid: " + p.detail
		}
		writeProblem(w, r, p)
		return
	}
	setNoStore(w.Header())
	writeBody(w, r, http.StatusOK, "application/json", out)
}

// requiredDates rewrites the "not a valid date" error of an absent query parameter (from
// or to) as a "required" one, as the CLI reports a missing -from or -to.
func requiredDates(err error, from, to string) error {
	es := asErrors(err)
	if es == nil || from != "" && to != "" {
		return err
	}
	out := make(score.Errors, len(es))
	for i, e := range es {
		out[i] = e
		if e.Code == score.CodeDate && (e.Path == "/from" && from == "" || e.Path == "/to" && to == "") {
			out[i] = &score.Error{Path: e.Path, Code: score.CodeRequired,
				Message: "a date is required (the query parameter " + e.Path[1:] + ")", Expected: "YYYY-MM-DD"}
		}
	}
	return out
}
