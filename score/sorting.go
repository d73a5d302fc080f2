package score

import "sort"

// stableSort sorts s by less, keeping the order of equal elements. It is sort.SliceStable
// without reflection and slices.SortStableFunc without a copy of the sorting code for each
// element type: the browser engine ships every byte of code it links (see build.sh).
func stableSort[T any](s []T, less func(a, b *T) bool) {
	sort.Stable(lessSlice[T]{s, less})
}

// sortSlice is stableSort without the guarantee for equal elements.
func sortSlice[T any](s []T, less func(a, b *T) bool) {
	sort.Sort(lessSlice[T]{s, less})
}

// sortStrings sorts s in increasing order. It is sort.Strings, which is slices.Sort: a copy
// of the sorting code for strings (~19 KB of wasm) beside sort.Sort's, which the engine has
// anyway.
func sortStrings(s []string) { sort.Sort(sort.StringSlice(s)) }

type lessSlice[T any] struct {
	s    []T
	less func(a, b *T) bool
}

func (x lessSlice[T]) Len() int           { return len(x.s) }
func (x lessSlice[T]) Less(i, j int) bool { return x.less(&x.s[i], &x.s[j]) }
func (x lessSlice[T]) Swap(i, j int)      { x.s[i], x.s[j] = x.s[j], x.s[i] }
