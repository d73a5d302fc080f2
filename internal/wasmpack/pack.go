// Package wasmpack rewrites the data section of a WebAssembly module built by Go so that it
// compresses better, without changing what the module does.
//
// Go's linker splits the program's static data (read-only data, the pclntab, initialized
// variables) into one active data segment per run of non-zero bytes, leaving out every run
// of 8 zero bytes or more: that minimizes the raw file, but a large program gets tens of
// thousands of segments, each with its own header (a memory offset and a length) that a
// compressor cannot predict. For the browser engine, whose budget is its brotli size, those
// headers cost about 60 KB of brotli. Merge joins segments separated by few enough zero
// bytes into one, writing the zeros out: memory holds exactly the same bytes once the
// module is instantiated (linear memory starts zeroed), and the zeros compress to almost
// nothing.
package wasmpack

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strconv"
)

// magic starts every WebAssembly binary module (the magic number and version 1).
var magic = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

// Section ids (WebAssembly core specification, 5.5).
const (
	sectionData      = 11
	sectionDataCount = 12
)

// Segment is an active data segment of memory 0: Data is copied to Offset at instantiation.
type Segment struct {
	Offset uint32
	Data   []byte
}

// Merge returns module with its data segments merged wherever fewer than maxGap+1 zero bytes
// separate two of them (maxGap < 0 merges them all into one), and the numbers of segments
// before and after. The module must be one Go's linker writes: a data section whose segments
// are all active, for memory 0, at constant offsets, and do not overlap; anything else is
// an error. The segments come out in increasing order of offset.
func Merge(module []byte, maxGap int) (out []byte, before, after int, err error) {
	if !bytes.HasPrefix(module, magic) {
		return nil, 0, 0, errors.New("wasmpack: not a WebAssembly binary module (version 1)")
	}
	out = make([]byte, 0, len(module)+len(module)/4)
	out = append(out, magic...)
	r := reader{b: module, i: len(magic)}
	found := false
	for r.i < len(r.b) {
		id := r.b[r.i]
		r.i++
		size, err := r.u32()
		if err != nil {
			return nil, 0, 0, err
		}
		if uint64(r.i)+uint64(size) > uint64(len(r.b)) {
			return nil, 0, 0, r.fail("section " + strconv.Itoa(int(id)) + " runs past the end")
		}
		body := r.b[r.i : r.i+int(size)]
		r.i += int(size)
		switch id {
		case sectionDataCount:
			// It would need the new count; Go's linker writes none.
			return nil, 0, 0, errors.New("wasmpack: modules with a data count section are not handled")
		case sectionData:
			if found {
				return nil, 0, 0, errors.New("wasmpack: two data sections")
			}
			found = true
			segs, err := ParseData(body)
			if err != nil {
				return nil, 0, 0, err
			}
			if err := Sort(segs); err != nil {
				return nil, 0, 0, err
			}
			merged := MergeSegments(segs, maxGap)
			before, after = len(segs), len(merged)
			out = appendSection(out, sectionData, AppendData(nil, merged))
		default:
			out = appendSection(out, id, body)
		}
	}
	if !found {
		return nil, 0, 0, errors.New("wasmpack: the module has no data section")
	}
	return out, before, after, nil
}

// ParseData reads the segments of a data section's body.
func ParseData(body []byte) ([]Segment, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	segs := make([]Segment, 0, min(int(n), len(body)/4))
	for k := uint32(0); k < n; k++ {
		flag, err := r.u32()
		if err != nil {
			return nil, err
		}
		if flag != 0 {
			return nil, r.fail("segment " + strconv.Itoa(int(k)) + " is not an active segment of memory 0")
		}
		// The offset: i32.const <signed LEB128> end.
		if r.i >= len(r.b) || r.b[r.i] != 0x41 {
			return nil, r.fail("segment " + strconv.Itoa(int(k)) + " has no i32.const offset")
		}
		r.i++
		off, err := r.s32()
		if err != nil {
			return nil, err
		}
		if r.i >= len(r.b) || r.b[r.i] != 0x0b {
			return nil, r.fail("segment " + strconv.Itoa(int(k)) + ": offset expression longer than i32.const")
		}
		r.i++
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		if uint64(r.i)+uint64(size) > uint64(len(r.b)) {
			return nil, r.fail("segment " + strconv.Itoa(int(k)) + " runs past the section")
		}
		if off < 0 {
			return nil, r.fail("segment " + strconv.Itoa(int(k)) + " has a negative offset")
		}
		segs = append(segs, Segment{Offset: uint32(off), Data: r.b[r.i : r.i+int(size)]})
		r.i += int(size)
	}
	if r.i != len(r.b) {
		return nil, r.fail("bytes after the last segment")
	}
	return segs, nil
}

// Sort orders segs by offset (Go's linker writes them in the order of its sections, which
// is not always the order of their addresses), or fails if two of them overlap: segments
// that do not overlap initialize the same memory in any order.
func Sort(segs []Segment) error {
	slices.SortStableFunc(segs, func(a, b Segment) int { return cmp.Compare(a.Offset, b.Offset) })
	for k := 1; k < len(segs); k++ {
		if prev := segs[k-1]; uint64(prev.Offset)+uint64(len(prev.Data)) > uint64(segs[k].Offset) {
			return errors.New("wasmpack: data segments overlap at offset " + strconv.FormatUint(uint64(segs[k].Offset), 10))
		}
	}
	return nil
}

// MergeSegments joins consecutive segments (sorted by Sort) separated by at most maxGap zero bytes (any gap when maxGap < 0).
func MergeSegments(segs []Segment, maxGap int) []Segment {
	var out []Segment
	for _, s := range segs {
		if k := len(out) - 1; k >= 0 {
			last := &out[k]
			gap := int64(s.Offset) - (int64(last.Offset) + int64(len(last.Data)))
			if maxGap < 0 || gap <= int64(maxGap) {
				data := make([]byte, 0, len(last.Data)+int(gap)+len(s.Data))
				data = append(data, last.Data...)
				data = append(data, make([]byte, gap)...)
				last.Data = append(data, s.Data...)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// AppendData appends the body of a data section holding segs to b.
func AppendData(b []byte, segs []Segment) []byte {
	b = appendU32(b, uint32(len(segs)))
	for _, s := range segs {
		b = append(b, 0x00, 0x41) // active, memory 0; i32.const
		b = appendS32(b, int32(s.Offset))
		b = append(b, 0x0b) // end
		b = appendU32(b, uint32(len(s.Data)))
		b = append(b, s.Data...)
	}
	return b
}

// Image is the memory the segments initialize, from offset 0 to the end of the last one.
func Image(segs []Segment) []byte {
	if len(segs) == 0 {
		return nil
	}
	last := segs[len(segs)-1]
	mem := make([]byte, int(last.Offset)+len(last.Data))
	for _, s := range segs {
		copy(mem[s.Offset:], s.Data)
	}
	return mem
}

func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = appendU32(b, uint32(len(body)))
	return append(b, body...)
}

func appendU32(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

type reader struct {
	b []byte
	i int
}

func (r *reader) fail(msg string) error {
	return errors.New("wasmpack: offset " + strconv.Itoa(r.i) + ": " + msg)
}

func (r *reader) u32() (uint32, error) {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		if r.i >= len(r.b) {
			return 0, r.fail("truncated LEB128")
		}
		c := r.b[r.i]
		r.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if v > 0xffffffff {
				return 0, r.fail("LEB128 out of range")
			}
			return uint32(v), nil
		}
	}
	return 0, r.fail("LEB128 too long")
}

func (r *reader) s32() (int32, error) {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		if r.i >= len(r.b) {
			return 0, r.fail("truncated LEB128")
		}
		c := r.b[r.i]
		r.i++
		v |= int64(c&0x7f) << shift
		if c < 0x80 {
			if shift+7 < 64 && c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			if v < -1<<31 || v > 1<<31-1 {
				return 0, r.fail("LEB128 out of range")
			}
			return int32(v), nil
		}
	}
	return 0, r.fail("LEB128 too long")
}
