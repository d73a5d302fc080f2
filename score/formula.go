package score

import (
	"errors"
	"math"
	"strconv"
)

// A formula is compiled once, at load time, into a tree of nodes (see CalculatorRules for
// the language). Evaluation never fails: a division by zero gives 0, and a result that is
// not finite is reported by the calculator as 0 with the cell flagged.

type fnode struct {
	op   byte // see the cases of eval
	v    float64
	a, b int // indexes: parameter, column, table and column of a total
	args []*fnode
}

// fenv is what a formula reads.
type fenv struct {
	params    []float64   // by parameter index in the program
	row, prev []float64   // the current and previous rows of the table
	period    float64     // 1 for the first row
	periods   float64     // the number of rows
	totals    [][]float64 // per table, per column: the column's sum
}

func (n *fnode) eval(env *fenv) float64 {
	switch n.op {
	case 'n':
		return n.v
	case 'p':
		return env.params[n.a]
	case 'c':
		return env.row[n.a]
	case 'P':
		if env.prev == nil {
			return 0
		}
		return env.prev[n.a]
	case 't':
		return env.totals[n.a][n.b]
	case 'i':
		return env.period
	case 'I':
		return env.periods
	case 'u':
		return -n.args[0].eval(env)
	case '?':
		if n.args[0].eval(env) != 0 {
			return n.args[1].eval(env)
		}
		return n.args[2].eval(env)
	case 'm':
		return math.Min(n.args[0].eval(env), n.args[1].eval(env))
	case 'M':
		return math.Max(n.args[0].eval(env), n.args[1].eval(env))
	case 'f':
		return math.Floor(n.args[0].eval(env) + eps)
	case 'C':
		return math.Ceil(n.args[0].eval(env) - eps)
	}
	x, y := n.args[0].eval(env), n.args[1].eval(env)
	switch n.op {
	case '+':
		return x + y
	case '-':
		return x - y
	case '*':
		return x * y
	case '/':
		if y == 0 {
			return 0
		}
		return x / y
	case '<':
		return b2f(x < y-eps)
	case 'l':
		return b2f(x <= y+eps)
	case '>':
		return b2f(x > y+eps)
	case 'g':
		return b2f(x >= y-eps)
	case '=':
		return b2f(math.Abs(x-y) <= eps)
	case '!':
		return b2f(math.Abs(x-y) > eps)
	case '&':
		return b2f(x != 0 && y != 0)
	case '|':
		return b2f(x != 0 || y != 0)
	}
	return 0
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// fscope resolves the names a formula may read.
type fscope struct {
	param  func(name string) (int, bool)
	column func(name string) (int, bool) // a column to the left, in the same row
	prev   func(name string) (int, bool) // any column of the same table, for prev()
	total  func(name string) (int, int, bool)
	rows   bool // period and periods may be read
}

type fparser struct {
	s     string
	pos   int
	scope *fscope
}

// compileFormula parses s in scope.
func compileFormula(s string, scope *fscope) (*fnode, error) {
	p := &fparser{s: s, scope: scope}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(p.s) {
		return nil, p.err("unexpected " + strconv.Quote(p.s[p.pos:p.pos+1]))
	}
	return n, nil
}

func (p *fparser) err(msg string) error {
	return errors.New("formula " + strconv.Quote(p.s) + ": " + msg + " at offset " + strconv.Itoa(p.pos))
}

func (p *fparser) ws() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n') {
		p.pos++
	}
}

// eat consumes tok if it comes next.
func (p *fparser) eat(tok string) bool {
	p.ws()
	if len(p.s)-p.pos >= len(tok) && p.s[p.pos:p.pos+len(tok)] == tok {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *fparser) bin(op byte, a, b *fnode) *fnode { return &fnode{op: op, args: []*fnode{a, b}} }

func (p *fparser) or() (*fnode, error) {
	n, err := p.and()
	for err == nil && p.eat("||") {
		var m *fnode
		if m, err = p.and(); err == nil {
			n = p.bin('|', n, m)
		}
	}
	return n, err
}

func (p *fparser) and() (*fnode, error) {
	n, err := p.cmp()
	for err == nil && p.eat("&&") {
		var m *fnode
		if m, err = p.cmp(); err == nil {
			n = p.bin('&', n, m)
		}
	}
	return n, err
}

func (p *fparser) cmp() (*fnode, error) {
	n, err := p.sum()
	if err != nil {
		return nil, err
	}
	for _, c := range [...]struct {
		tok string
		op  byte
	}{{"<=", 'l'}, {">=", 'g'}, {"==", '='}, {"!=", '!'}, {"<", '<'}, {">", '>'}} {
		if p.eat(c.tok) {
			m, err := p.sum()
			if err != nil {
				return nil, err
			}
			return p.bin(c.op, n, m), nil
		}
	}
	return n, nil
}

func (p *fparser) sum() (*fnode, error) {
	n, err := p.product()
	for err == nil {
		var op byte
		switch {
		case p.eat("+"):
			op = '+'
		case p.eat("-"):
			op = '-'
		default:
			return n, nil
		}
		var m *fnode
		if m, err = p.product(); err == nil {
			n = p.bin(op, n, m)
		}
	}
	return nil, err
}

func (p *fparser) product() (*fnode, error) {
	n, err := p.unary()
	for err == nil {
		var op byte
		switch {
		case p.eat("*"):
			op = '*'
		case p.eat("/"):
			op = '/'
		default:
			return n, nil
		}
		var m *fnode
		if m, err = p.unary(); err == nil {
			n = p.bin(op, n, m)
		}
	}
	return nil, err
}

func (p *fparser) unary() (*fnode, error) {
	if p.eat("-") {
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &fnode{op: 'u', args: []*fnode{n}}, nil
	}
	return p.primary()
}

func isNameByte(c byte, first bool) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && (c >= '0' && c <= '9' || c == '.' || c == '_')
}

func (p *fparser) primary() (*fnode, error) {
	p.ws()
	if p.pos >= len(p.s) {
		return nil, p.err("unexpected end")
	}
	c := p.s[p.pos]
	switch {
	case c == '(':
		p.pos++
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, p.err("missing )")
		}
		return n, nil
	case c >= '0' && c <= '9' || c == '.':
		start := p.pos
		for p.pos < len(p.s) && (p.s[p.pos] >= '0' && p.s[p.pos] <= '9' || p.s[p.pos] == '.') {
			p.pos++
		}
		v, err := strconv.ParseFloat(p.s[start:p.pos], 64)
		if err != nil {
			return nil, p.err("bad number")
		}
		return &fnode{op: 'n', v: v}, nil
	case isNameByte(c, true):
		start := p.pos
		for p.pos < len(p.s) && isNameByte(p.s[p.pos], false) {
			p.pos++
		}
		name := p.s[start:p.pos]
		if p.eat("(") {
			return p.call(name)
		}
		return p.name(name)
	}
	return nil, p.err("unexpected " + strconv.Quote(string(c)))
}

func (p *fparser) name(name string) (*fnode, error) {
	sc := p.scope
	switch {
	case (name == "period" || name == "periods") && sc.rows:
		if name == "period" {
			return &fnode{op: 'i'}, nil
		}
		return &fnode{op: 'I'}, nil
	}
	if sc.column != nil {
		if i, ok := sc.column(name); ok {
			return &fnode{op: 'c', a: i}, nil
		}
	}
	if i, ok := sc.param(name); ok {
		return &fnode{op: 'p', a: i}, nil
	}
	if sc.total != nil {
		if t, c, ok := sc.total(name); ok {
			return &fnode{op: 't', a: t, b: c}, nil
		}
	}
	return nil, p.err("unknown name " + strconv.Quote(name))
}

func (p *fparser) call(fn string) (*fnode, error) {
	if fn == "prev" {
		p.ws()
		start := p.pos
		for p.pos < len(p.s) && isNameByte(p.s[p.pos], p.pos == start) {
			p.pos++
		}
		name := p.s[start:p.pos]
		i, ok := 0, false
		if p.scope.prev != nil {
			i, ok = p.scope.prev(name)
		}
		if !ok {
			return nil, p.err("prev() takes a column of the table, got " + strconv.Quote(name))
		}
		if !p.eat(")") {
			return nil, p.err("missing )")
		}
		return &fnode{op: 'P', a: i}, nil
	}
	var op byte
	arity := 0
	switch fn {
	case "if":
		op, arity = '?', 3
	case "min":
		op, arity = 'm', 2
	case "max":
		op, arity = 'M', 2
	case "floor":
		op, arity = 'f', 1
	case "ceil":
		op, arity = 'C', 1
	default:
		return nil, p.err("unknown function " + strconv.Quote(fn))
	}
	n := &fnode{op: op}
	for i := 0; i < arity; i++ {
		if i > 0 && !p.eat(",") {
			return nil, p.err(fn + "() takes " + strconv.Itoa(arity) + " arguments")
		}
		a, err := p.or()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
	}
	if !p.eat(")") {
		return nil, p.err("missing ) after the arguments of " + fn + "()")
	}
	return n, nil
}
