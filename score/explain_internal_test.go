package score

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"testing"
)

// TestPhrasesEscaped: allPhrases holds every phrase declared in explain.go, once, and init
// has escaped each of them for JSON.
func TestPhrasesEscaped(t *testing.T) {
	f, err := goparser.ParseFile(token.NewFileSet(), "explain.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	declared := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if c, ok := u.X.(*ast.CompositeLit); ok {
				if id, ok := c.Type.(*ast.Ident); ok && id.Name == "phrase" {
					declared++
				}
			}
		}
		return true
	})
	seen := map[*phrase]bool{}
	for _, p := range allPhrases {
		if seen[p] {
			t.Errorf("%q is in allPhrases twice", p.text[0])
		}
		seen[p] = true
		for li := range p.text {
			if want := string(appendStrBody(nil, p.text[li])); p.json[li] != want || want == "" {
				t.Errorf("%q: JSON form %q, want %q", p.text[li], p.json[li], want)
			}
		}
	}
	if declared == 0 || len(seen) != declared {
		t.Errorf("explain.go declares %d phrases, allPhrases holds %d", declared, len(seen))
	}
}
