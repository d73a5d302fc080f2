package api_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/partnerscore/partnerscore/api"
)

// A profile the rules reject gets a 422 problem naming the bad field's JSON Pointer.
func Example() {
	h, err := api.New(api.Config{AllowedOrigins: []string{"https://app.example"}})
	if err != nil {
		panic(err)
	}
	r := httptest.NewRequest("POST", "/v1/evaluate", strings.NewReader(`{"asOf":"2026-02-01","facts":{"nope":1}}`))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Origin", "https://app.example")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Access-Control-Allow-Origin"))
	fmt.Println(w.Body.String())
	// Output:
	// 422 application/problem+json https://app.example
	// {"type":"https://partnerscore.dev/problems/invalid-profile","title":"The profile is not valid","status":422,"detail":"/facts/nope: unknown fact (expected a fact id declared by the program data, got \"nope\")","instance":"/v1/evaluate","errors":[{"path":"/facts/nope","code":"unknown","message":"unknown fact","expected":"a fact id declared by the program data","got":"\"nope\""}]}
}

// A batch as NDJSON: one line per profile in, one entry per profile out.
func Example_batch() {
	h, err := api.New(api.Config{})
	if err != nil {
		panic(err)
	}
	body := "{\"asOf\":\"2026-02-01\",\"lang\":\"de\"}\n\n{\"asOf\":\"2026-02-30\"}\n"
	r := httptest.NewRequest("POST", "/v1/evaluate/batch", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-ndjson")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Print(w.Body.String())
	// Output:
	// 200 application/x-ndjson
	// {"index":0,"line":1,"ok":false,"status":422,"errors":[{"path":"/lang","code":"unknown","message":"unknown language","expected":"\"en\" or \"fr\"","got":"\"de\""}]}
	// {"index":1,"line":3,"ok":false,"status":422,"errors":[{"path":"/asOf","code":"date","message":"not a valid date","expected":"YYYY-MM-DD","got":"\"2026-02-30\""}]}
}
