package score

import (
	"os"
	"testing"
)

func BenchmarkSampleStages(b *testing.B) {
	data, _ := os.ReadFile("/tmp/ab/sample.json")
	e := benchEngine(b)
	var in Input
	var r Result
	var t Tape
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if err := e.ParseInto(&in, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("evaluate", func(b *testing.B) {
		for b.Loop() {
			e.EvaluateInto(&r, &in)
		}
	})
	if err := e.ParseInto(&in, data); err != nil {
		b.Fatal(err)
	}
	if err := e.EvaluateInto(&r, &in); err != nil {
		b.Fatal(err)
	}
	b.Run("tape", func(b *testing.B) {
		for b.Loop() {
			t.SetOutcome(&r)
		}
		b.ReportMetric(float64(len(t.Ops)), "ops")
	})
}
