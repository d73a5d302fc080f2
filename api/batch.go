package api

import (
	"net/http"
	"strconv"

	"github.com/partnerscore/partnerscore/score"
)

// Media types of a batch.
const (
	typeJSON   = "application/json"
	typeNDJSON = "application/x-ndjson"
)

// batch answers POST /v1/evaluate/batch. The body is a JSON array of profiles
// (application/json) or one profile per line (application/x-ndjson or application/jsonl;
// blank lines skipped), at most MaxBatchItems of them. Every item gets an entry, in order:
//
//	{"index":0,"ok":true,"result":{…}}                         (or "summary" with ?summary=true)
//	{"index":1,"ok":false,"status":422,"errors":[{"path":"/1/facts/x",…}]}
//
// For an array the answer is {"items":[…],"count":N,"failed":M} and error paths start at
// the item's index (they point into the body); for NDJSON it is one entry per line
// (application/x-ndjson) with "line" (counting from 1) and paths within the line. A bad
// item does not fail the batch: the status is 200 whenever the body itself is well formed.
func (h *Handler) batch(w http.ResponseWriter, r *http.Request) {
	summary, ok := summaryParam(w, r)
	if !ok {
		return
	}
	st := getState()
	defer putState(st)
	data, mt, ok := readBody(w, r, st, typeJSON, typeNDJSON, "application/jsonl", "application/x-jsonlines")
	if !ok {
		return
	}
	ndjson := mt != typeJSON
	var items []item
	if ndjson {
		items = splitLines(data)
	} else {
		var err *score.Error
		if items, err = splitArray(data); err != nil {
			writeProblem(w, r, problem{status: http.StatusBadRequest, slug: slugMalformed,
				detail: "the body is not a JSON array of profiles: " + err.Error(), errors: score.Errors{err}})
			return
		}
	}
	if len(items) > MaxBatchItems {
		got := "more than " + strconv.Itoa(MaxBatchItems) + " items"
		path := ""
		if !ndjson {
			path = "/" + strconv.Itoa(MaxBatchItems)
		}
		writeProblem(w, r, problem{status: http.StatusRequestEntityTooLarge, slug: slugTooMany,
			detail: "a batch holds at most " + strconv.Itoa(MaxBatchItems) + " profiles; got " + got,
			errors: score.Errors{{Path: path, Code: score.CodeTooLarge, Message: "too many items",
				Expected: "at most " + strconv.Itoa(MaxBatchItems) + " items", Got: got}}})
		return
	}

	b := st.out[:0]
	if !ndjson {
		b = append(b, `{"items":[`...)
	}
	failed := 0
	for i, it := range items {
		if i > 0 && !ndjson {
			b = append(b, ',')
		}
		b = append(b, `{"index":`...)
		b = strconv.AppendInt(b, int64(i), 10)
		if ndjson {
			b = append(b, `,"line":`...)
			b = strconv.AppendInt(b, int64(it.line), 10)
		}
		err := h.eng.ParseInto(&st.input, it.data)
		if err == nil {
			err = h.eng.EvaluateInto(&st.res, &st.input)
		}
		if err != nil {
			failed++
			p := inputProblem(err)
			if !ndjson {
				p.errors = locate(p.errors, i, it.off)
			}
			b = append(b, `,"ok":false,"status":`...)
			b = strconv.AppendInt(b, int64(p.status), 10)
			b = append(b, `,"errors":`...)
			b = appendErrors(b, p.errors)
		} else if summary {
			b = append(b, `,"ok":true,"summary":`...)
			b = st.res.AppendSummaryJSON(b)
		} else {
			b = append(b, `,"ok":true,"result":`...)
			b = st.res.AppendJSON(b)
		}
		b = append(b, '}')
		if ndjson {
			b = append(b, '\n')
		}
	}
	ctype := typeNDJSON
	if !ndjson {
		b = append(b, `],"count":`...)
		b = strconv.AppendInt(b, int64(len(items)), 10)
		b = append(b, `,"failed":`...)
		b = strconv.AppendInt(b, int64(failed), 10)
		b = append(b, '}')
		ctype = typeJSON
	}
	st.out = b
	setNoStore(w.Header())
	writeBody(w, r, http.StatusOK, ctype, b)
}

// locate returns copies of errs as seen from the whole array: paths under /index, offsets
// from the start of the body.
func locate(errs score.Errors, index, off int) score.Errors {
	out := make(score.Errors, len(errs))
	prefix := "/" + strconv.Itoa(index)
	for i, e := range errs {
		c := *e
		c.Path = prefix + c.Path
		if c.Offset > 0 || c.Code == score.CodeSyntax {
			c.Offset += off
		}
		out[i] = &c
	}
	return out
}
