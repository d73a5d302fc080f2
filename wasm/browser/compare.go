//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/partnerscore/partnerscore/score"
)

// compare scores a JSON profile on two dates (score.Engine.CompareJSON):
// {"ok":true,"comparison":…} or {"ok":false,"errors":[…]}.
func (a *api) compare(profile, from, to string) []byte {
	return a.guard("compare", func() []byte {
		c, err := a.eng.CompareJSON([]byte(profile), from, to)
		if err != nil {
			return failJSON(nil, err)
		}
		b := append([]byte(`{"ok":true,"comparison":`), c...)
		return append(b, '}')
	})
}

// compareArgs runs compare on three string arguments: the profile, from and to.
func (a *api) compareArgs(args []safejs.Value) any {
	var s [3]string
	for i := range s {
		if i >= len(args) || args[i].Type() != safejs.TypeString {
			return string(failJSON(nil, score.Errors{{Code: score.CodeType,
				Message: "compare takes the profile as a JSON string, then the two dates", Expected: "three strings"}}))
		}
		v, err := args[i].String()
		if err != nil {
			return string(failJSON(nil, err))
		}
		s[i] = v
	}
	return string(a.compare(s[0], s[1], s[2]))
}
