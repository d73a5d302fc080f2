package api

import (
	"net/http"
)

// evaluate answers POST /v1/evaluate: one JSON profile in, its result out (or its summary
// with ?summary=true), exactly as `partnerscore evaluate` prints it (without the newline).
func (h *Handler) evaluate(w http.ResponseWriter, r *http.Request) {
	summary, ok := summaryParam(w, r)
	if !ok {
		return
	}
	st := getState()
	defer putState(st)
	data, _, ok := readBody(w, r, st, "application/json")
	if !ok {
		return
	}
	err := h.eng.ParseInto(&st.input, data)
	if err == nil {
		err = h.eng.EvaluateInto(&st.res, &st.input)
	}
	if err != nil {
		writeProblem(w, r, inputProblem(err))
		return
	}
	if summary {
		st.out = st.res.AppendSummaryJSON(st.out[:0])
	} else {
		st.out = st.res.AppendJSON(st.out[:0])
	}
	setNoStore(w.Header())
	writeBody(w, r, http.StatusOK, "application/json", st.out)
}
