package score

import "sort"

// stableSort sorts s by less, keeping the order of equal elements. It is sort.SliceStable
// without reflection and slices.SortStableFunc without a copy of the sorting code for each
// element type: the browser engine ships every byte of code it links (see build.sh).
func stableSort[T any](s []T, less func(a, b *T) bool) {
	sort.Stable(lessSlice[T]{s, less})
}

// sortSlice is stableSort without the guarantee for equal elements: it is stableSort, so that
// the engine links one sorting algorithm (sort.Stable's), not also sort.Sort's (~10 KB of
// wasm); the slices it sorts are short.
func sortSlice[T any](s []T, less func(a, b *T) bool) { stableSort(s, less) }

// sortStrings sorts s in increasing order: stableSort, for the same reason (sort.Strings is
// slices.Sort, a copy of the sorting code for strings, ~19 KB of wasm).
func sortStrings(s []string) { stableSort(s, func(a, b *string) bool { return *a < *b }) }

type lessSlice[T any] struct {
	s    []T
	less func(a, b *T) bool
}

func (x lessSlice[T]) Len() int           { return len(x.s) }
func (x lessSlice[T]) Less(i, j int) bool { return x.less(&x.s[i], &x.s[j]) }
func (x lessSlice[T]) Swap(i, j int)      { x.s[i], x.s[j] = x.s[j], x.s[i] }
