package merge

import (
	"testing"
	"time"

	"jixiao/model"
)

// BenchmarkMerge merges a 5,000-row form cut into 10 files of 20 units,
// each file with all 49 indicators, into an empty draft.
func BenchmarkMerge(b *testing.B) {
	g := model.Generate(5000)
	var groups [][]int
	for i := 0; i < len(g.Units); i += 20 {
		groups = append(groups, mergeSeq(i, min(i+20, len(g.Units))))
	}
	parts := splitForMerge(g, groups, func(int) bool { return true })
	into := model.New(model.SampleYear, model.SampleDept, time.Time{})
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := Merge(into, parts, Choices{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanMerge plans the same merge into the full form (every unit
// exists: the most conflicts).
func BenchmarkPlanMerge(b *testing.B) {
	g := model.Generate(5000)
	var groups [][]int
	for i := 0; i < len(g.Units); i += 20 {
		groups = append(groups, mergeSeq(i, min(i+20, len(g.Units))))
	}
	parts := splitForMerge(g, groups, func(int) bool { return true })
	b.ResetTimer()
	for b.Loop() {
		Plan(g, parts)
	}
}

// BenchmarkMergeSample8 merges the sample's 8 unit files (all with the
// indicators) into an empty draft: the everyday case.
func BenchmarkMergeSample8(b *testing.B) {
	s := model.Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(int) bool { return true })
	into := model.New(model.SampleYear, model.SampleDept, time.Time{})
	for b.Loop() {
		Plan(into, parts)
		if _, _, err := Merge(into, parts, Choices{}); err != nil {
			b.Fatal(err)
		}
	}
}
