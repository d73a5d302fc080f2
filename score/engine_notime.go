//go:build partnerscore_notime

package score

// defaultToday stands for the system clock in builds without package time (the tag
// partnerscore_notime, the browser engine's): they have none, so their adapter sets one
// with WithToday. Reaching this is a bug of the adapter, which it reports by recovering.
func defaultToday() day {
	panic("score: built with the tag partnerscore_notime and no clock: use WithToday")
}
