package schemas

// entry is one schema of the index: its name and its text.
type entry struct {
	name string
	text *string
}

// Lookup returns the schema called name: a file name without ".schema.json"
// ("profile", "result", "summary", "program", "profile.<program>.<version>"), as the
// file's JSON without its indentation.
func Lookup(name string) (string, bool) {
	lo, hi := 0, len(index)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case index[m].name == name:
			return *index[m].text, true
		case index[m].name < name:
			lo = m + 1
		default:
			hi = m
		}
	}
	return "", false
}

// Names lists the schemas' names (as Lookup takes them), sorted.
func Names() []string {
	out := make([]string, len(index))
	for i, e := range index {
		out[i] = e.name
	}
	return out
}
