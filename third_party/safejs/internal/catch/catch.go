//go:build js && wasm

// Package catch runs functions and returns panic values as errors instead.
package catch

import (
	"errors"
	"strconv"
	"syscall/js"

	"github.com/hack-pad/safejs/internal/stackerr"
)

// Try runs fn and returns the result. If fn panicked, the panic value is returned as an error instead.
func Try[Result any](fn func() Result) (result Result, err error) {
	defer recoverErr(&err)
	result = fn()
	return
}

// TrySideEffect is like Try, but does not have a return value.
func TrySideEffect(fn func()) (err error) {
	defer recoverErr(&err)
	fn()
	return
}

func recoverErr(err *error) {
	value := recover()
	valueErr := recoverValueToError(value)
	if valueErr != nil {
		*err = stackerr.WithStack(valueErr)
	}
}

func recoverValueToError(value any) error {
	if value == nil {
		return nil
	}
	switch value := value.(type) {
	case error:
		return value
	case js.Value:
		return js.Error{Value: value}
	case string:
		return errors.New(value)
	case interface{ String() string }:
		return errors.New(value.String())
	case bool:
		return errors.New(strconv.FormatBool(value))
	case int:
		return errors.New(strconv.Itoa(value))
	case int64:
		return errors.New(strconv.FormatInt(value, 10))
	case uint64:
		return errors.New(strconv.FormatUint(value, 10))
	case float64:
		return errors.New(strconv.FormatFloat(value, 'g', -1, 64))
	default:
		// PartnerScore patch: upstream formats any other value with fmt.Errorf("%+v"),
		// which links fmt and reflect into every build that uses safejs.
		return errors.New("panic with a non-error value")
	}
}
