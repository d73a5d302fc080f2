package score

import "unicode/utf8"

// lower is strings.ToLower for the letters of English and French: ASCII, the accented
// capitals of Latin-1 (À to Þ), Œ and Ÿ; every other character is kept as it is. It folds
// the certifications' names and what people type to find them (the rules hold no other
// capitals: TestLower checks them against strings.ToLower). strings.ToLower brings the
// Unicode case tables into the browser engine: ~3.7 KB of its brotli.
func lower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for _, r := range s[i:] {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'À' && r <= 'Þ' && r != '×':
			r += 'a' - 'A'
		case r == 'Œ':
			r = 'œ'
		case r == 'Ÿ':
			r = 'ÿ'
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
