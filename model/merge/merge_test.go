package merge

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"jixiao/model"
)

// split cuts f into one form per group of units (indexes into f.Units):
// each form has the targets its rows link to, renumbered in order, and the
// indicators when withIndicators(part) says so.
func splitForMerge(f *model.Form, groups [][]int, withIndicators func(part int) bool) []Part {
	var parts []Part
	for pi, g := range groups {
		p := model.New(f.Year, f.Dept, time.Time{})
		p.Options = f.Options
		var used []int
		for _, ui := range g {
			for _, t := range f.Units[ui].Tasks {
				used = append(used, t.Goals...)
			}
		}
		slices.Sort(used)
		used = slices.Compact(used)
		num := map[int]int{}
		for i, n := range used {
			num[n] = i + 1
			p.Goals = append(p.Goals, f.Goals[n-1])
		}
		for _, ui := range g {
			u := f.Units[ui].Clone()
			for ti := range u.Tasks {
				for k, n := range u.Tasks[ti].Goals {
					u.Tasks[ti].Goals[k] = num[n]
				}
			}
			p.Units = append(p.Units, u)
		}
		if withIndicators(pi) {
			for _, in := range f.Indicators {
				p.Indicators = append(p.Indicators, in.Clone())
			}
		}
		parts = append(parts, Part{Label: fmt.Sprintf("%02d_%s.json", pi+1, f.Units[g[0]].Name), Form: p})
	}
	return parts
}

// eachUnit is one group per unit.
func mergeEachUnit(f *model.Form) [][]int {
	var g [][]int
	for i := range f.Units {
		g = append(g, []int{i})
	}
	return g
}

// linkedTexts returns, per task in form order, the texts of the targets it
// links to: what a merge must preserve however it renumbers.
func mergeLinkedTexts(f *model.Form) [][]string {
	var out [][]string
	for _, u := range f.Units {
		for _, t := range u.Tasks {
			var ts []string
			for _, n := range t.Goals {
				ts = append(ts, f.Goals[n-1].Text)
			}
			out = append(out, ts)
		}
	}
	return out
}

func TestMergeSplitSampleGivesSampleBack(t *testing.T) {
	first := func(p int) bool { return p == 0 }
	all := func(int) bool { return true }
	tests := []struct {
		name       string
		indicators func(int) bool
		keepSame   bool
		goals      int // targets in the result
		indSkipped int // indicator rows skipped in each part after the first
	}{
		{"指标只在第一个文件，相同目标分别保留", first, true, 34, 0},
		{"每个文件都有全部指标，相同目标分别保留", all, true, 34, 49},
		{"指标只在第一个文件，相同目标共用", first, false, 33, 0},
		{"每个文件都有全部指标，相同目标共用", all, false, 33, 49},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := model.Sample()
			parts := splitForMerge(s, mergeEachUnit(s), tc.indicators)
			if len(parts) != 8 {
				t.Fatalf("parts = %d, want 8", len(parts))
			}
			var sum model.Money
			for _, p := range parts {
				sum += model.ComputeTotals(p.Form).Total
			}
			into := model.New(model.SampleYear, model.SampleDept, time.Time{})
			intoBefore := into.Clone()
			partsBefore := make([]*model.Form, len(parts))
			for i, p := range parts {
				partsBefore[i] = p.Form.Clone()
			}

			got, rep, err := Merge(into, parts, Choices{KeepSameGoals: tc.keepSame})
			if err != nil {
				t.Fatal(err)
			}
			tot := model.ComputeTotals(got)
			if tot.Total != sum || tot.Total.String() != "7898.5676" || tot.Fiscal.String() != "7898.5676" {
				t.Errorf("合计 = %s (财政 %s), sum of parts %s, want 7898.5676", tot.Total, tot.Fiscal, sum)
			}
			if tot.Tasks != 34 || tot.UnitCount() != 8 {
				t.Errorf("tasks, units = %d, %d; want 34, 8", tot.Tasks, tot.UnitCount())
			}
			if len(got.Goals) != tc.goals {
				t.Errorf("goals = %d, want %d", len(got.Goals), tc.goals)
			}
			// However targets are numbered, every row serves the same texts.
			if w, g := mergeLinkedTexts(s), mergeLinkedTexts(got); !reflect.DeepEqual(w, g) {
				t.Errorf("rows link to other target texts than in the sample")
			}
			if !reflect.DeepEqual(got.Indicators, s.Indicators) {
				t.Errorf("indicators differ from the sample (%d rows, want %d)", len(got.Indicators), len(s.Indicators))
			}
			if tc.keepSame {
				if !reflect.DeepEqual(got.Goals, s.Goals) {
					t.Errorf("goals differ from the sample")
				}
				if !reflect.DeepEqual(got.Units, s.Units) {
					t.Errorf("units differ from the sample")
				}
			} else {
				// 目标20 (机动车污染监察支队's 2nd row) has the text of 目标15:
				// shared, and the later targets move up by one.
				if g := got.Units[2].Tasks[1].Goals; !reflect.DeepEqual(g, []int{15}) {
					t.Errorf("机动车污染防治与监察管理 links %v, want [15]", g)
				}
				if got.Goals[19].Text != s.Goals[20].Text {
					t.Errorf("目标20 = %q, want the sample's 目标21", mergeShort(got.Goals[19].Text))
				}
			}
			if got.Year != model.SampleYear || got.Dept != model.SampleDept || got.Options != s.Options {
				t.Errorf("year, dept, options = %q, %q, %+v", got.Year, got.Dept, got.Options)
			}

			// The report, per file.
			if len(rep.Parts) != 8 {
				t.Fatalf("report parts = %d", len(rep.Parts))
			}
			var goals int
			for i, pr := range rep.Parts {
				u := s.Units[i]
				if pr.Label != parts[i].Label || pr.UnitsAdded != 1 || pr.UnitsReplaced+pr.UnitsSkipped != 0 ||
					pr.TasksAdded != len(u.Tasks) || pr.Total != mergeUnitTotal(u) {
					t.Errorf("part %d report = %+v", i+1, pr)
				}
				wantInd, wantSkip := 0, 0
				switch {
				case i == 0:
					wantInd = 49
				case tc.indSkipped > 0:
					wantSkip = tc.indSkipped
				}
				if pr.IndicatorsAdded != wantInd || pr.IndicatorsSkipped != wantSkip {
					t.Errorf("part %d indicators added, skipped = %d, %d; want %d, %d", i+1, pr.IndicatorsAdded, pr.IndicatorsSkipped, wantInd, wantSkip)
				}
				goals += pr.GoalsAdded
			}
			if goals != tc.goals {
				t.Errorf("goals added in the report = %d, want %d", goals, tc.goals)
			}

			if !reflect.DeepEqual(into, intoBefore) {
				t.Errorf("into was modified")
			}
			for i, p := range parts {
				if !reflect.DeepEqual(p.Form, partsBefore[i]) {
					t.Errorf("part %d was modified", i+1)
				}
			}
		})
	}
}

// TestMergeTotalsAreSumOfParts merges the sample cut in other ways, and a
// generated form, and checks the totals and row order.
func TestMergeTotalsAreSumOfParts(t *testing.T) {
	s := model.Sample()
	g := model.Generate(600)
	tests := []struct {
		name   string
		f      *model.Form
		groups [][]int
	}{
		{"示例分两份", s, [][]int{{0, 1, 2, 3}, {4, 5, 6, 7}}},
		{"示例一份", s, [][]int{{0, 1, 2, 3, 4, 5, 6, 7}}},
		{"示例三份不均", s, [][]int{{0}, {1, 2, 3, 4, 5, 6}, {7}}},
		{"生成的600行分四份", g, [][]int{mergeSeq(0, 6), mergeSeq(6, 12), mergeSeq(12, 18), mergeSeq(18, 24)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parts := splitForMerge(tc.f, tc.groups, func(p int) bool { return p == 0 })
			var sum model.Sums
			for _, p := range parts {
				ps := model.ComputeTotals(p.Form).Sums
				sum.Total, sum.Fiscal, sum.Other, sum.Invalid = sum.Total+ps.Total, sum.Fiscal+ps.Fiscal, sum.Other+ps.Other, sum.Invalid+ps.Invalid
			}
			got, _, err := Merge(model.New(tc.f.Year, tc.f.Dept, time.Time{}), parts, Choices{KeepSameGoals: true})
			if err != nil {
				t.Fatal(err)
			}
			if tot := model.ComputeTotals(got); tot.Sums != sum || tot.Sums != model.ComputeTotals(tc.f).Sums {
				t.Errorf("totals = %+v, sum of parts %+v, original %+v", tot.Sums, sum, model.ComputeTotals(tc.f).Sums)
			}
			if !reflect.DeepEqual(got.Units, tc.f.Units) {
				t.Errorf("units or rows not in the original order")
			}
			if !reflect.DeepEqual(mergeLinkedTexts(got), mergeLinkedTexts(tc.f)) {
				t.Errorf("links changed")
			}
		})
	}
}

func mergeSeq(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}
