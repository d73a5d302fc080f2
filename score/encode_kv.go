package score

import "strconv"

// kstr, knum, kbool and kint append key (the JSON text before a value, such as `,"id":`)
// then the value: one call where the encoders had two appends, which the wasm backend makes
// expensive in bytes (see build.sh).

func kstr(b []byte, key, s string) []byte { return appendStr(append(b, key...), s) }

func knum(b []byte, key string, v float64) []byte { return appendNum(append(b, key...), v) }

func kbool(b []byte, key string, v bool) []byte { return strconv.AppendBool(append(b, key...), v) }

func kint(b []byte, key string, v int64) []byte { return strconv.AppendInt(append(b, key...), v, 10) }
