package score

import (
	"slices"
	"testing"
)

// TestCompareModels matches levels and competencies of two hand-made results by id:
// the later date's in its order, then those only the earlier has.
func TestCompareModels(t *testing.T) {
	req := func(id string, met bool) RequirementResult {
		return RequirementResult{ID: id, Name: "name of " + id, Met: met}
	}
	before := &ProgramResult{ID: "p", Model: "levels", Levels: &LevelsResult{
		Levels: []LevelResult{
			{ID: "a", Name: "A", Met: true, Missing: []string{}, Requirements: []RequirementResult{req("x", true)}},
			{ID: "b", Name: "B", Met: false, Missing: []string{"y"}, Requirements: []RequirementResult{req("x", true), req("y", false)}},
			{ID: "gone", Name: "Gone", Met: true, Missing: []string{}},
		},
		Competencies: []CompetencyResult{{ID: "c", Name: "C", Earned: false, Missing: []string{"z"}, Requirements: []RequirementResult{req("z", false)}}},
	}}
	after := &ProgramResult{ID: "p", Model: "levels", Levels: &LevelsResult{
		Levels: []LevelResult{
			{ID: "new", Name: "New", Met: false, Missing: []string{"x"}, Requirements: []RequirementResult{req("x", false)}},
			{ID: "b", Name: "B", Met: false, Missing: []string{"x"}, Requirements: []RequirementResult{req("x", false), req("y", true)}},
			{ID: "a", Name: "A", Met: false, Missing: []string{"x"}, Requirements: []RequirementResult{req("x", false)}},
		},
		Competencies: []CompetencyResult{{ID: "c", Name: "C", Earned: false, Missing: []string{"z"}, Requirements: []RequirementResult{req("z", false)}}},
	}}
	type row struct {
		id      string
		changes []string
	}
	cases := []struct {
		name string
		a, b *ProgramResult
		want map[string][]row
		chg  bool
	}{
		{"two dates", before, after, map[string][]row{
			"levels":       {{"new", []string{"added"}}, {"b", []string{"missing"}}, {"a", []string{"met", "missing"}}, {"gone", []string{"removed"}}},
			"competencies": {{"c", []string{}}},
		}, true},
		{"the same result", before, before, map[string][]row{
			"levels":       {{"a", []string{}}, {"b", []string{}}, {"gone", []string{}}},
			"competencies": {{"c", []string{}}},
		}, false},
		{"no program on the first date", nil, after, map[string][]row{
			"levels":       {{"new", []string{"added"}}, {"b", []string{"added"}}, {"a", []string{"added"}}},
			"competencies": {{"c", []string{"added"}}},
		}, true},
		{"a scorecard program", &ProgramResult{ID: "p"}, &ProgramResult{ID: "p"}, map[string][]row{}, false},
		{"a calculator: its version alone", &ProgramResult{ID: "p", Calculator: &CalculatorResult{Figures: []FigureResult{{ID: "f", Value: 1}}}},
			&ProgramResult{ID: "p", Calculator: &CalculatorResult{Figures: []FigureResult{{ID: "f", Value: 2}}}}, map[string][]row{}, false},
	}
	for _, k := range cases {
		pc := ProgramComparison{}
		compareModels(&pc, k.a, k.b)
		got := map[string][]row{}
		for _, o := range pc.Levels {
			got["levels"] = append(got["levels"], row{o.ID, o.Changes})
		}
		for _, o := range pc.Competencies {
			got["competencies"] = append(got["competencies"], row{o.ID, o.Changes})
		}
		for _, key := range []string{"levels", "competencies"} {
			if !slices.EqualFunc(got[key], k.want[key], func(x, y row) bool { return x.id == y.id && slices.Equal(x.changes, y.changes) }) {
				t.Errorf("%s: %s %v, want %v", k.name, key, got[key], k.want[key])
			}
		}
		if pc.Changed != k.chg {
			t.Errorf("%s: changed %v, want %v", k.name, pc.Changed, k.chg)
		}
	}
	// The missing requirements carry their names.
	pc := ProgramComparison{}
	compareModels(&pc, before, after)
	if m := pc.Levels[1].Before.Missing; len(m) != 1 || m[0] != (RequirementRef{"y", "name of y"}) {
		t.Errorf("level b before: missing %v, want y with its name", m)
	}
}
