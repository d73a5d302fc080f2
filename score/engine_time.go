//go:build !partnerscore_notime

package score

// What needs package time or a file system: left out of builds with the tag
// partnerscore_notime (the browser engine's, see build.sh), which link neither time nor
// io/fs (nor their dependencies) and set their clock with WithToday.

import (
	"io/fs"
	"path"
	"reflect"
	"time"
)

// WithClock sets the clock that gives today's date when a profile has no asOf
// (default: time.Now). Tests and adapters pass a fixed clock.
func WithClock(now func() time.Time) Option {
	return func(e *Engine) { e.today = func() day { return dayOf(now()) } }
}

// defaultToday is today's date in UTC by the system clock.
func defaultToday() day { return dayOf(time.Now()) }

// dayOf returns t's date in UTC.
func dayOf(t time.Time) day {
	return day(floorDiv(t.Unix(), 86400))
}

// NewFromFS builds an engine from rule data laid out as in the "rules" folder:
// dir/certifications.json and dir/<program>/<version>.json.
func NewFromFS(fsys fs.FS, dir string, opts ...Option) (*Engine, error) {
	certs, progs, files, err := readRules(fsys, dir)
	if err != nil {
		return nil, err
	}
	e, err := build(certs, progs, files, false, opts)
	if err != nil {
		return nil, err
	}
	e.programsJSON = appendData(nil, reflect.ValueOf(e.Programs()))
	e.certsJSON = appendData(nil, reflect.ValueOf(e.certs))
	return e, nil
}

// readRules decodes the rule files under dir: the certification catalog and every
// program version, with the files' names.
func readRules(fsys fs.FS, dir string) ([]Certification, []*Program, []string, error) {
	var cat struct {
		Certifications []Certification `json:"certifications"`
	}
	if err := readJSON(fsys, path.Join(dir, "certifications.json"), &cat); err != nil {
		return nil, nil, nil, err
	}
	// The catalog's notes (the source's words for a date, where an entry is listed) are the
	// maintainers': kept in the file beside each entry, not loaded. No result or form shows
	// them, and the browser's engine is 2 KB of brotli lighter without them (Certification.Note).
	for i := range cat.Certifications {
		cat.Certifications[i].Note = ""
	}
	files, err := fs.Glob(fsys, path.Join(dir, "*", "*.json"))
	if err != nil {
		return nil, nil, nil, err
	}
	var progs []*Program
	for _, f := range files {
		p := new(Program)
		if err := readJSON(fsys, f, p); err != nil {
			return nil, nil, nil, err
		}
		progs = append(progs, p)
	}
	if len(progs) == 0 {
		return nil, nil, nil, dataErr(dir, "no program data")
	}
	return cat.Certifications, progs, files, nil
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := decodeData(b, v); err != nil {
		return &fileError{name: name, err: err}
	}
	return nil
}
