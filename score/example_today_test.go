package score_test

import (
	"fmt"

	"github.com/partnerscore/partnerscore/score"
)

// An adapter with a clock of its own (the browser engine reads JavaScript's Date) sets
// today's date as a calendar date: a profile without asOf is scored on it.
func ExampleWithToday() {
	e, err := score.New(score.WithToday(func() (year, month, day int) { return 2026, 6, 1 }))
	if err != nil {
		fmt.Println(err)
		return
	}
	in, err := e.Parse([]byte(`{"facts": {"mw.ent.netCustomerAdds": 5}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := e.Evaluate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.AsOf)
	// Output: 2026-06-01
}
