package score

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// TestUTF16Len compares utf16Len with the UTF-16 encoding's length, for characters of
// every UTF-8 length at every offset of the eight-byte words.
func TestUTF16Len(t *testing.T) {
	for _, c := range []string{"a", "é", "×", "→", "\u202f", "😀", "\U0010FFFF"} {
		for pre := 0; pre < 17; pre++ {
			for post := 0; post < 9; post++ {
				s := strings.Repeat("x", pre) + c + strings.Repeat("y", post) + c + c
				want := len(utf16.Encode([]rune(s)))
				if got := utf16Len([]byte(s)); got != want {
					t.Fatalf("utf16Len(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
	if got := utf16Len(nil); got != 0 {
		t.Fatalf("utf16Len(nil) = %d", got)
	}
}
