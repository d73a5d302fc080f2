package score

import (
	"math"
	"strconv"
	"strings"
)

// Input is a profile checked against the engine's rules and ready to evaluate: ids
// resolved, people grouped by the certifications they hold. Make one with Engine.Parse or
// Engine.Resolve; it is read-only and may be evaluated many times, concurrently.
type Input struct {
	// Profile is the profile the input was made from.
	Profile  *Profile
	asOf     day
	programs []string
	lang     string
	groups   []group   // people with the same certifications, and how many
	facts    []float64 // by engine fact index
	given    []bool    // whether the profile gave the fact
	tracks   map[string]string
	progs    []*compiled // the program versions in force on asOf
	plan     *planInput

	params     []float64 // by engine parameter index (see Profile.Parameters)
	paramGiven []bool
	time       *timeInput // the window's snapshots and the projection, when asked

	spare  *profileSpare // the storage ParseInto uses again, or nil
	people []group       // scratch of resolveInto: the people's groups
	member []int         // by person (Profile.People): the index of its group in people, -1 for none
}

// group is a number of people holding the same set of certifications.
type group struct {
	mask certMask
	n    int
}

type planInput struct {
	factCost []float64 // by engine fact index
	certCost []float64 // by catalog index
}

// Parse decodes and resolves a JSON profile: ParseProfile, then Resolve. Its errors are
// all the profile's at once: the reading's (in the order of the text), then the checks
// against the rules (by path) of the values that were read, unless the text is not JSON.
// A value the reading passed over is reported once, by the reading, not also by the checks.
func (e *Engine) Parse(data []byte) (*Input, error) {
	return e.ParseWith(data, nil)
}

// ParseWith is Parse with edit, when not nil, applied to the profile as read before it is
// checked against the rules: a caller's overrides (a report's language, a plan). The
// profile edit sees lacks the values the reading passed over.
func (e *Engine) ParseWith(data []byte, edit func(*Profile)) (*Input, error) {
	prof, read, err := e.readNew(data, edit)
	if err != nil {
		return nil, err
	}
	in := new(Input)
	if err := e.resolveInto(in, prof, read); err != nil {
		return nil, err
	}
	return in, nil
}

// readNew reads data into a new profile (see readProfile) and applies edit to it, when
// not nil.
func (e *Engine) readNew(data []byte, edit func(*Profile)) (*Profile, Errors, error) {
	prof := new(Profile)
	read, err := readProfile(prof, new(profileSpare), data, e.known)
	if err != nil {
		return nil, nil, err
	}
	if edit != nil {
		edit(prof)
	}
	return prof, read, nil
}

// readProfile reads data into prof (see parseProfileInto): read are the errors of values it
// passed over, the rest read; err is set instead when the reading could not go on (text
// that is not JSON, an input too large).
func readProfile(prof *Profile, spare *profileSpare, data []byte, known map[string]string) (read Errors, err error) {
	err = parseProfileInto(prof, spare, data, known)
	if err == nil {
		return nil, nil
	}
	read, ok := err.(Errors)
	if !ok {
		return nil, err
	}
	for _, pe := range read {
		if pe.Code == CodeSyntax || pe.Code == CodeTooLarge {
			return nil, err
		}
	}
	return read, nil
}

// ParseInto is Parse into in, using again the storage of the profile and input it held
// (maps, slices, fact vectors): a page or a server scoring one profile after another
// allocates little. in and its Profile are overwritten, so in must not be in use (being
// evaluated, or read through a result that refers to it); after an error in holds no
// usable input until the next ParseInto succeeds. The zero Input is ready to use.
func (e *Engine) ParseInto(in *Input, data []byte) error {
	if in.spare == nil {
		in.spare = new(profileSpare)
	}
	prof := in.Profile
	if prof == nil {
		prof = new(Profile)
	}
	read, err := readProfile(prof, in.spare, data, e.known)
	if err == nil {
		err = e.resolveInto(in, prof, read)
	}
	if err != nil {
		in.Profile = prof
		return err
	}
	return nil
}

// Resolve checks a profile against the rules (dates, program, fact and certification ids,
// integer facts, tracks, and the facts' bounds in the versions in force on its date) and
// prepares it for evaluation. Every problem is reported, by path (JSON Pointer).
func (e *Engine) Resolve(p *Profile) (*Input, error) {
	in := new(Input)
	if err := e.resolveInto(in, p, nil); err != nil {
		return nil, err
	}
	return in, nil
}

// reset empties in for p, keeping its slices' storage.
func (in *Input) reset(p *Profile, facts, params int) {
	*in = Input{Profile: p, lang: "en",
		facts: zeroed(in.facts, facts), given: zeroed(in.given, facts),
		groups: in.groups[:0], progs: in.progs[:0],
		params: zeroed(in.params, params), paramGiven: zeroed(in.paramGiven, params),
		spare: in.spare, people: in.people[:0], member: in.member[:0]}
}

// zeroed is s with length n, every element zero, in s's storage when it is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// resolveInto is Resolve into in (see reset). read are the errors of p's reading, whose
// values the reading passed over (see Parse): they come first in the error returned, the
// checks' errors at or under their paths are left out, and the checks that depend on the
// date and the programs are left out when those were in error.
func (e *Engine) resolveInto(in *Input, p *Profile, read Errors) error {
	in.reset(p, len(e.facts), len(e.params))
	var errs Errors
	add := func(err *Error) {
		if len(read)+len(errs) < maxErrors && !under(read, err.Path) {
			errs = append(errs, err)
		}
	}
	if p.AsOf != "" {
		d, ok := parseDay(p.AsOf)
		if !ok {
			add(&Error{Path: "/asOf", Code: CodeDate, Message: "not a valid date", Expected: "YYYY-MM-DD", Got: shorten(p.AsOf)})
		}
		in.asOf = d
	} else {
		in.asOf = e.today()
	}
	switch p.Lang {
	case "", "en":
	case "fr":
		in.lang = "fr"
	default:
		add(&Error{Path: "/lang", Code: CodeUnknown, Message: "unknown language", Expected: `"en" or "fr"`, Got: shorten(p.Lang)})
	}
	for i, id := range p.Programs {
		if !contains(e.programIDs, id) {
			add(&Error{Path: pointerIndex("/programs", i), Code: CodeUnknown, Message: "unknown program",
				Expected: "one of " + joinQuoted(e.programIDs), Got: shorten(id), Suggestion: closest(id, e.programIDs)})
			continue
		}
		if contains(p.Programs[:i], id) {
			add(&Error{Path: pointerIndex("/programs", i), Code: CodeDuplicate, Message: "program listed twice", Got: shorten(id)})
		}
	}
	in.programs = p.Programs

	// A person's id names them in the departures: two people are not named alike.
	for _, i := range idsTwice(p.People) {
		add(&Error{Path: pointerIndex("/people", i) + "/id", Code: CodeDuplicate, Message: "person listed twice",
			Expected: "a different id for each person (or none)", Got: shorten(p.People[i].ID)})
	}
	// People: group by the set of certifications held (few distinct sets: a linear search).
	people := in.people
	for i, per := range p.People {
		var m certMask
		for j, name := range per.Certifications {
			ci, ok := e.lookupCert(name)
			if !ok {
				add(e.unknownCert(pointerIndex(pointerIndex("/people", i)+"/certifications", j), name))
				continue
			}
			m.set(ci)
		}
		k := -1
		if m != (certMask{}) {
			for k = len(people) - 1; k >= 0 && people[k].mask != m; k-- {
			}
			if k < 0 {
				k = len(people)
				people = append(people, group{mask: m})
			}
			people[k].n++
		}
		in.member = append(in.member, k)
	}
	for name, n := range p.Certifications {
		ci, ok := e.lookupCert(name)
		path := ""
		if !ok || n < 0 || n > 1_000_000 {
			path = pointer("/certifications", name)
		}
		if !ok {
			add(e.unknownCert(path, name))
			continue
		}
		if n < 0 {
			add(&Error{Path: path, Code: CodeRange, Message: "a count cannot be negative", Expected: "0 or more", Got: strconv.Itoa(n)})
			continue
		}
		if n > 1_000_000 {
			add(&Error{Path: path, Code: CodeRange, Message: "too many people", Expected: "at most 1000000", Got: strconv.Itoa(n)})
			continue
		}
		var m certMask
		m.set(ci)
		if n > 0 {
			in.groups = append(in.groups, group{mask: m, n: n})
		}
	}
	in.groups = append(in.groups, people...)
	in.people = people

	for id, v := range p.Facts {
		fi, ok := e.factIndex[id]
		path := ""
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxMagnitude || (e.facts[fi].integer && v != math.Trunc(v)) {
			path = pointer("/facts", id)
		}
		if !ok {
			add(&Error{Path: path, Code: CodeUnknown, Message: "unknown fact", Expected: "a fact id declared by the program data",
				Got: shorten(id), Suggestion: closest(id, e.factIDs())})
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxMagnitude {
			add(&Error{Path: path, Code: CodeRange, Message: "not a finite number", Expected: "a magnitude of at most 1e15", Got: formatNum(v)})
			continue
		}
		if e.facts[fi].integer && v != math.Trunc(v) {
			add(&Error{Path: path, Code: CodeInteger, Message: "this fact counts whole things", Expected: "a whole number", Got: formatNum(v)})
			continue
		}
		in.facts[fi] = v
		in.given[fi] = true
	}

	if len(p.Tracks) > 0 {
		in.tracks = p.Tracks
		areas := make([]string, 0, len(e.areaTracks))
		for a := range e.areaTracks {
			areas = append(areas, a)
		}
		sortStrings(areas)
		for _, a := range sortedKeys(p.Tracks) {
			t := p.Tracks[a]
			path := pointer("/tracks", a)
			ts, ok := e.areaTracks[a]
			if !ok {
				add(&Error{Path: path, Code: CodeUnknown, Message: "unknown area", Expected: "an area id", Got: shorten(a), Suggestion: closest(a, areas)})
				continue
			}
			if !contains(ts, t) {
				add(&Error{Path: path, Code: CodeUnknown, Message: "unknown track for this area", Expected: "one of " + joinQuoted(ts), Got: shorten(t), Suggestion: closest(t, ts)})
			}
		}
	}

	if p.Plan != nil {
		pi := &planInput{factCost: make([]float64, len(e.facts)), certCost: make([]float64, len(e.certs))}
		for i := range pi.factCost {
			pi.factCost[i] = 1
		}
		for i := range pi.certCost {
			pi.certCost[i] = 1
		}
		for _, k := range sortedKeys(p.Plan.Costs) {
			v := p.Plan.Costs[k]
			path := pointer("/plan/costs", k)
			if !(v > 0) || math.IsInf(v, 0) || v > maxMagnitude {
				add(&Error{Path: path, Code: CodeRange, Message: "a cost must be a positive number", Expected: "a number above 0", Got: formatNum(v)})
				continue
			}
			if fi, ok := e.factIndex[k]; ok {
				pi.factCost[fi] = v
			} else if ci, ok := e.lookupCert(k); ok {
				pi.certCost[ci] = v
			} else {
				add(&Error{Path: path, Code: CodeUnknown, Message: "unknown fact or certification", Expected: "a fact id or a certification",
					Got: shorten(k), Suggestion: closest(k, append(e.factIDs(), e.certKeys...))})
			}
		}
		in.plan = pi
	}
	e.resolveParams(p, in, add)
	// A date passed over by the reading leaves asOf empty, which would mean today.
	dateOK := !hasErr(errs, "/asOf") && !(hasErr(read, "/asOf") && p.AsOf == "")
	if dateOK && !hasErr(errs, "/programs") && !hasErr(read, "/programs") {
		var perrs Errors
		in.progs, perrs = e.selectPrograms(in, in.progs)
		if perrs == nil {
			perrs = e.checkBounds(in, in.progs)
		}
		if perrs == nil {
			perrs = e.checkParams(in, in.progs)
		}
		for _, pe := range perrs {
			add(pe)
		}
	}
	if len(errs) == 0 {
		for _, te := range e.resolveTime(p, in) {
			add(te)
		}
	}
	if len(errs) > 0 {
		stableSort(errs, func(a, b **Error) bool { return lessPointer((*a).Path, (*b).Path) })
	}
	if len(read) > 0 {
		return append(read[:len(read):len(read)], errs...)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// under reports whether path is one of errs' paths or under one.
func under(errs Errors, path string) bool {
	for _, e := range errs {
		if path == e.Path || (len(path) > len(e.Path) && path[len(e.Path)] == '/' && path[:len(e.Path)] == e.Path) {
			return true
		}
	}
	return false
}

func (e *Engine) unknownCert(path, name string) *Error {
	return &Error{Path: path, Code: CodeUnknown, Message: "unknown certification",
		Expected: "a certification id, exam code (e.g. AZ-104) or name", Got: shorten(name), Suggestion: closest(name, e.certKeys)}
}

func (e *Engine) factIDs() []string {
	ids := make([]string, len(e.facts))
	for i, f := range e.facts {
		ids[i] = f.id
	}
	return ids
}

func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

func hasErr(errs Errors, prefix string) bool {
	for _, e := range errs {
		if strings.HasPrefix(e.Path, prefix) {
			return true
		}
	}
	return false
}

// lessPointer orders JSON Pointers as the document does: segment by segment, array
// indexes by number. (Segments are cut in place: strings.Split would bring ~4 KB of code
// into the browser's engine for this alone.)
func lessPointer(a, b string) bool {
	for {
		as, arest, amore := cutSegment(a)
		bs, brest, bmore := cutSegment(b)
		if as != bs {
			ai, aerr := strconv.Atoi(as)
			bi, berr := strconv.Atoi(bs)
			if aerr == nil && berr == nil && ai != bi {
				return ai < bi
			}
			// Keys that are not indexes, or the same number written apart ("0" and "00", keys
			// of an object): by their text, so that the order never depends on a map's.
			return as < bs
		}
		if !amore || !bmore {
			return !amore && bmore // the shorter pointer, a parent, first
		}
		a, b = arest, brest
	}
}

// cutSegment returns p's first segment, what follows its slash, and whether there is one.
func cutSegment(p string) (seg, rest string, more bool) {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i+1:], true
	}
	return p, "", false
}

// idsTwice returns the indexes of the people whose id, not empty, an earlier person has,
// exactly as given. It allocates only for many people.
func idsTwice(people []Person) []int {
	var twice []int
	if len(people) <= 32 {
		for i := 1; i < len(people); i++ {
			id := people[i].ID
			if id == "" {
				continue
			}
			for j := 0; j < i; j++ {
				if people[j].ID == id {
					twice = append(twice, i)
					break
				}
			}
		}
		return twice
	}
	seen := make(map[string]struct{}, len(people))
	for i := range people {
		id := people[i].ID
		if id == "" {
			continue
		}
		if _, ok := seen[id]; ok {
			twice = append(twice, i)
			continue
		}
		seen[id] = struct{}{}
	}
	return twice
}
