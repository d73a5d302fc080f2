package schemagen

import (
	"sort"

	"github.com/invopop/jsonschema"

	"github.com/partnerscore/partnerscore/score"
)

// modelRequirements adds to the program schema what each model needs: a scorecard (model
// absent or "scorecard") its qualifying score and areas, a levels program its levels, a
// calculator its calculator, a timeline program its timeline.
func modelRequirements(s *jsonschema.Schema) {
	is := func(model string) *jsonschema.Schema {
		props := jsonschema.NewProperties()
		props.Set("model", &jsonschema.Schema{Const: model})
		return &jsonschema.Schema{Properties: props, Required: []string{"model"}}
	}
	// Each required property is named in the subschema's properties too (ajv's strictRequired).
	needs := func(names ...string) *jsonschema.Schema {
		props := jsonschema.NewProperties()
		for _, n := range names {
			props.Set(n, jsonschema.TrueSchema)
		}
		return &jsonschema.Schema{Properties: props, Required: names}
	}
	notScorecard := &jsonschema.Schema{AnyOf: []*jsonschema.Schema{is(score.ModelLevels), is(score.ModelCalculator), is(score.ModelTimeline)}}
	s.AllOf = append(s.AllOf,
		&jsonschema.Schema{If: notScorecard, Else: needs("qualifyingScore", "areas")},
		&jsonschema.Schema{If: is(score.ModelLevels), Then: needs("levels")},
		&jsonschema.Schema{If: is(score.ModelCalculator), Then: needs("calculator")},
		&jsonschema.Schema{If: is(score.ModelTimeline), Then: needs("timeline")},
	)
}

// strictParameters limits a strict profile's parameters to those the version declares,
// with their types and bounds.
func strictParameters(pp *jsonschema.Schema, p *score.Program) {
	params := append([]score.Parameter(nil), p.Parameters...)
	sort.Slice(params, func(i, j int) bool { return params[i].ID < params[j].ID })
	pp.AdditionalProperties = jsonschema.FalseSchema
	pp.Properties = jsonschema.NewProperties()
	for _, pa := range params {
		typ := "number"
		if pa.Integer {
			typ = "integer"
		}
		desc := sentence(pa.Label.En)
		if h := pa.Help.En; h != "" {
			desc += " " + sentence(h)
		}
		desc += " Unit: " + pa.Unit + ". Default: " + string(num(pa.Default)) + "."
		if pa.Assumption {
			desc += " The default is an assumption (no source gives it)."
		}
		pp.Properties.Set(pa.ID, &jsonschema.Schema{
			Type:        typ,
			Description: desc,
			Minimum:     num(pa.Min),
			Maximum:     num(pa.Max),
			Default:     num(pa.Default),
		})
	}
}
