package wasmpack

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// module assembles a module of a type section (kept as it is) and a data section of segs,
// in the order given.
func module(segs []Segment) []byte {
	b := append([]byte(nil), magic...)
	b = appendSection(b, 1, []byte{0x01, 0x60, 0x00, 0x00}) // one type: func() -> ()
	return appendSection(b, sectionData, AppendData(nil, segs))
}

func dataOf(t *testing.T, mod []byte) []Segment {
	t.Helper()
	r := reader{b: mod, i: len(magic)}
	for r.i < len(r.b) {
		id := r.b[r.i]
		r.i++
		n, err := r.u32()
		if err != nil {
			t.Fatal(err)
		}
		body := r.b[r.i : r.i+int(n)]
		r.i += int(n)
		if id == sectionData {
			segs, err := ParseData(body)
			if err != nil {
				t.Fatal(err)
			}
			return segs
		}
	}
	t.Fatal("no data section")
	return nil
}

func TestMerge(t *testing.T) {
	// Out of address order, as Go's linker writes them, with gaps of 8, 3 and 273 zeros,
	// an offset whose signed LEB128 needs a byte more than its unsigned one and data holding zeros of its own.
	segs := []Segment{
		{Offset: 300, Data: []byte{7, 0, 0, 0, 0, 0, 0, 0, 0, 8}},
		{Offset: 1<<20 + 0x45, Data: []byte{9}},
		{Offset: 10, Data: []byte{1, 2, 3}},
		{Offset: 21, Data: []byte{4}},
		{Offset: 25, Data: []byte{5, 6}},
	}
	in := module(segs)
	sorted := append([]Segment(nil), segs...)
	if err := Sort(sorted); err != nil {
		t.Fatal(err)
	}
	want := Image(sorted)
	tests := []struct {
		gap, segments int
	}{
		{-1, 1},
		{0, 5},
		{3, 4},
		{8, 3},
		{272, 3},
		{273, 2},
	}
	for _, tt := range tests {
		out, before, after, err := Merge(in, tt.gap)
		if err != nil {
			t.Fatalf("gap %d: %v", tt.gap, err)
		}
		if before != len(segs) || after != tt.segments {
			t.Errorf("gap %d: %d -> %d segments, want %d -> %d", tt.gap, before, after, len(segs), tt.segments)
		}
		got := dataOf(t, out)
		if len(got) != tt.segments {
			t.Errorf("gap %d: the module has %d segments, want %d", tt.gap, len(got), tt.segments)
		}
		if !bytes.Equal(Image(got), want) {
			t.Errorf("gap %d: memory differs after merging", tt.gap)
		}
		// Sections other than data are kept byte for byte.
		if !bytes.HasPrefix(out, in[:len(magic)+6]) {
			t.Errorf("gap %d: the type section changed", tt.gap)
		}
	}
}

func TestMergeErrors(t *testing.T) {
	overlap := module([]Segment{{Offset: 10, Data: []byte{1, 2, 3}}, {Offset: 12, Data: []byte{4}}})
	passive := append(append([]byte(nil), magic...), appendSection(nil, sectionData, []byte{0x01, 0x01, 0x00})...)
	noData := append(append([]byte(nil), magic...), appendSection(nil, 1, []byte{0x00})...)
	truncated := module([]Segment{{Offset: 1, Data: []byte{1, 2, 3}}})
	truncated = truncated[:len(truncated)-1]
	tests := []struct {
		name string
		mod  []byte
		want string
	}{
		{"not wasm", []byte("\x00asm\x02\x00\x00\x00"), "not a WebAssembly"},
		{"overlap", overlap, "overlap"},
		{"passive", passive, "not an active segment"},
		{"no data", noData, "no data section"},
		{"truncated", truncated, "past the end"},
	}
	for _, tt := range tests {
		_, _, _, err := Merge(tt.mod, -1)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestLEB128(t *testing.T) {
	for _, v := range []int32{0, 1, 63, 64, 127, 128, 8191, 8192, 1 << 20, 1<<31 - 1, -1, -64, -65, -1 << 31} {
		r := reader{b: appendS32(nil, v)}
		got, err := r.s32()
		if err != nil || got != v || r.i != len(r.b) {
			t.Errorf("s32 %d: got %d, %v", v, got, err)
		}
	}
	for _, v := range []uint32{0, 1, 127, 128, 1 << 21, 1<<32 - 1} {
		r := reader{b: appendU32(nil, v)}
		got, err := r.u32()
		if err != nil || got != v || r.i != len(r.b) {
			t.Errorf("u32 %d: got %d, %v", v, got, err)
		}
	}
}

// TestGoModule packs a real Go wasm program and checks that its memory image is unchanged
// and that it has far fewer segments.
func TestGoModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm program")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	prog := "package main\n\nimport \"strconv\"\n\nvar table = map[string]int{\"a\": 1, \"b\": 2}\n\nfunc main() { println(strconv.Itoa(table[\"a\"])) }\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	wasm := filepath.Join(dir, "main.wasm")
	cmd := exec.Command(gobin, "build", "-o", wasm, src)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GO111MODULE=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build a wasm program here: %v\n%s", err, out)
	}
	in, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	out, before, after, err := Merge(in, 1024)
	if err != nil {
		t.Fatal(err)
	}
	if after >= before/10 {
		t.Errorf("%d segments -> %d: expected far fewer", before, after)
	}
	orig := dataOf(t, in)
	if err := Sort(orig); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Image(orig), Image(dataOf(t, out))) {
		t.Error("memory image differs after merging")
	}
}
