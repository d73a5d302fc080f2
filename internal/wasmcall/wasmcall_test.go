package wasmcall

import (
	"testing"
	"unsafe"
)

func TestBuffer(t *testing.T) {
	var buf []byte
	tests := []struct {
		n       int32
		wantCap int  // the buffer's capacity after the call
		same    bool // the same storage as before the call
	}{
		{-1, 0, true},
		{0, minBuffer, false},
		{10, minBuffer, true},
		{minBuffer, minBuffer, true},
		{minBuffer + 1, minBuffer + 1, false},
		{100, minBuffer + 1, true},
		{-5, minBuffer + 1, true},
	}
	for _, tt := range tests {
		before := unsafe.SliceData(buf)
		at := Buffer(&buf, tt.n)
		if cap(buf) != tt.wantCap {
			t.Errorf("Buffer(%d): capacity %d, want %d", tt.n, cap(buf), tt.wantCap)
		}
		if (unsafe.SliceData(buf) == before) != tt.same {
			t.Errorf("Buffer(%d): same storage %v, want %v", tt.n, !tt.same, tt.same)
		}
		want := int32(0)
		if tt.n >= 0 {
			want = int32(uintptr(unsafe.Pointer(&buf[:1][0])))
		}
		if at != want {
			t.Errorf("Buffer(%d) = %#x, want %#x", tt.n, at, want)
		}
	}
}

func TestAddr(t *testing.T) {
	b := make([]byte, 8)
	for _, tt := range []struct {
		b    []byte
		want uint32
	}{
		{nil, 0},
		{b[:0], 0},
		{b, uint32(uintptr(unsafe.Pointer(&b[0])))},
		{b[3:5], uint32(uintptr(unsafe.Pointer(&b[3])))},
	} {
		if got := Addr(tt.b); got != tt.want {
			t.Errorf("Addr(len %d) = %#x, want %#x", len(tt.b), got, tt.want)
		}
	}
	var answer [5]uint32
	if got, want := Of(&answer), int32(uintptr(unsafe.Pointer(&answer[0]))); got != want {
		t.Errorf("Of = %#x, want %#x", got, want)
	}
}

func TestYielder(t *testing.T) {
	var y Yielder
	for i := 1; i <= 3*yieldEvery; i++ {
		y.Done()
		if y.calls != i {
			t.Fatalf("after %d calls: counted %d", i, y.calls)
		}
	}
}
