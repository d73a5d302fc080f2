package score

import (
	"math"
	"strconv"
)

// kstr, knum, kbool and kint append key (the JSON text before a value, such as `,"id":`)
// then the value: one call where the encoders had two appends, which the wasm backend makes
// expensive in bytes (see build.sh).

func kstr(b []byte, key, s string) []byte { return appendStr(append(b, key...), s) }

func knum(b []byte, key string, v float64) []byte { return appendNum(append(b, key...), v) }

func kbool(b []byte, key string, v bool) []byte { return strconv.AppendBool(append(b, key...), v) }

func kint(b []byte, key string, v int64) []byte { return appendInt(append(b, key...), v) }

// appendInt appends n in decimal, as strconv.AppendInt(b, n, 10) does, in one call rather
// than strconv's several (each call is costly in WebAssembly; most numbers of a result are
// small).
func appendInt(b []byte, n int64) []byte {
	if n < 0 {
		if n == math.MinInt64 {
			return strconv.AppendInt(b, n, 10)
		}
		b = append(b, '-')
		n = -n
	}
	if n < 10 {
		return append(b, byte('0'+n))
	}
	var buf [19]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}
