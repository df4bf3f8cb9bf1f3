package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// split cuts f into one form per group of units (indexes into f.Units):
// each form has the targets its rows link to, renumbered in order, and the
// indicators when withIndicators(part) says so.
func splitForMerge(f *Form, groups [][]int, withIndicators func(part int) bool) []MergePart {
	var parts []MergePart
	for pi, g := range groups {
		p := New(f.Year, f.Dept, time.Time{})
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
			u := f.Units[ui].clone()
			for ti := range u.Tasks {
				for k, n := range u.Tasks[ti].Goals {
					u.Tasks[ti].Goals[k] = num[n]
				}
			}
			p.Units = append(p.Units, u)
		}
		if withIndicators(pi) {
			for _, in := range f.Indicators {
				p.Indicators = append(p.Indicators, in.clone())
			}
		}
		parts = append(parts, MergePart{Label: fmt.Sprintf("%02d_%s.json", pi+1, f.Units[g[0]].Name), Form: p})
	}
	return parts
}

// eachUnit is one group per unit.
func mergeEachUnit(f *Form) [][]int {
	var g [][]int
	for i := range f.Units {
		g = append(g, []int{i})
	}
	return g
}

// linkedTexts returns, per task in form order, the texts of the targets it
// links to: what a merge must preserve however it renumbers.
func mergeLinkedTexts(f *Form) [][]string {
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
			s := Sample()
			parts := splitForMerge(s, mergeEachUnit(s), tc.indicators)
			if len(parts) != 8 {
				t.Fatalf("parts = %d, want 8", len(parts))
			}
			var sum Money
			for _, p := range parts {
				sum += ComputeTotals(p.Form).Total
			}
			into := New(SampleYear, SampleDept, time.Time{})
			intoBefore := into.Clone()
			partsBefore := make([]*Form, len(parts))
			for i, p := range parts {
				partsBefore[i] = p.Form.Clone()
			}

			got, rep, err := Merge(into, parts, MergeChoices{KeepSameGoals: tc.keepSame})
			if err != nil {
				t.Fatal(err)
			}
			tot := ComputeTotals(got)
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
			if got.Year != SampleYear || got.Dept != SampleDept || got.Options != s.Options {
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
	s := Sample()
	g := Generate(600)
	tests := []struct {
		name   string
		f      *Form
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
			var sum Sums
			for _, p := range parts {
				sum.addSums(ComputeTotals(p.Form).Sums)
			}
			got, _, err := Merge(New(tc.f.Year, tc.f.Dept, time.Time{}), parts, MergeChoices{KeepSameGoals: true})
			if err != nil {
				t.Fatal(err)
			}
			if tot := ComputeTotals(got); tot.Sums != sum || tot.Sums != ComputeTotals(tc.f).Sums {
				t.Errorf("totals = %+v, sum of parts %+v, original %+v", tot.Sums, sum, ComputeTotals(tc.f).Sums)
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

func conflictKinds(cs []MergeConflict) []ConflictKind {
	var k []ConflictKind
	for _, c := range cs {
		k = append(k, c.Kind)
	}
	return k
}

func TestPlanMergeConflicts(t *testing.T) {
	s := Sample()
	newUnit := func(name string, tasks ...Task) *Form {
		f := New(SampleYear, SampleDept, time.Time{})
		f.Goals = []Goal{{Text: "新单位自己的目标"}}
		for i := range tasks {
			tasks[i].Goals = []int{1}
		}
		f.Units = []Unit{{Name: name, Tasks: tasks}}
		return f
	}
	row := func(content, total string) Task {
		return Task{Content: content, Total: MustAmount(total), Fiscal: MustAmount(total)}
	}
	tests := []struct {
		name  string
		part  func() *Form
		want  []ConflictKind
		unit  string
		words []string // the message names these
	}{
		{"没有冲突", func() *Form { return newUnit("郑州市新设单位", row("新项目", "10")) }, nil, "", nil},
		{"单位已有", func() *Form { return splitForMerge(s, [][]int{{3}}, func(int) bool { return false })[0].Form },
			[]ConflictKind{ConflictUnitExists}, "郑州市环境监察支队", []string{"郑州市环境监察支队", "草稿中已有", "2行", "193.6", "替换"}},
		{"单位名前后有空格也算已有", func() *Form { return newUnit("  郑州市环境监察支队 ", row("新项目", "10")) },
			[]ConflictKind{ConflictUnitExists}, "郑州市环境监察支队", []string{"10 万元"}},
		{"任务相同", func() *Form { return newUnit("郑州市新设单位", row("仪器运行费专项", "200")) },
			[]ConflictKind{ConflictSameTask}, "郑州市新设单位", []string{"仪器运行费专项", "郑州市环境保护监测中心站", "第1行", "重复"}},
		{"内容相同金额不同不算相同任务", func() *Form { return newUnit("郑州市新设单位", row("仪器运行费专项", "201")) }, nil, "", nil},
		{"目标相同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Goals[0].Text = " " + s.Goals[13].Text
			return f
		}, []ConflictKind{ConflictSameGoal}, "", []string{"目标1", "目标14", "文字相同"}},
		{"指标完全相同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Indicators = []Indicator{s.Indicators[3], s.Indicators[13]}
			return f
		}, []ConflictKind{ConflictIndicator}, "", []string{"2行", "总体工作完成率", "预算执行率"}},
		{"指标重复但指标值不同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			in := s.Indicators[13]
			in.Value = "≥95%"
			f.Indicators = []Indicator{in}
			return f
		}, []ConflictKind{ConflictIndicator}, "", []string{"预算执行率", "指标值", "≥98%", "≥95%", "不会合并"}},
		{"年度不同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Year = "2021"
			return f
		}, []ConflictKind{ConflictYear}, "", []string{"2021年度", "2020年度"}},
		{"年度写法不同但相同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Year = "２０２０年度"
			return f
		}, nil, "", nil},
		{"部门不同", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Dept = "郑州市环境保护监测中心站"
			return f
		}, []ConflictKind{ConflictDept}, "", []string{"郑州市环境保护监测中心站", "郑州市生态环境局"}},
		{"同一文件内的重复不算冲突", func() *Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"), row("新项目", "10"))
			f.Goals = append(f.Goals, f.Goals[0])
			f.Indicators = []Indicator{{Level1: "产出", Level3: "新指标"}, {Level1: "产出", Level3: "新指标"}}
			return f
		}, nil, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			into := Sample()
			part := tc.part()
			cs := PlanMerge(into, []MergePart{{Label: "下级.json", Form: part}})
			if !reflect.DeepEqual(conflictKinds(cs), tc.want) {
				t.Fatalf("conflicts = %v, want %v\n%v", conflictKinds(cs), tc.want, cs)
			}
			if !reflect.DeepEqual(into, Sample()) {
				t.Errorf("PlanMerge modified into")
			}
			for i, c := range cs {
				if c.Label != "下级.json" || c.Part != 0 {
					t.Errorf("conflict %+v: label, part", c)
				}
				if i > 0 {
					continue
				}
				if c.Unit != tc.unit {
					t.Errorf("conflict %+v: unit; want %q", c, tc.unit)
				}
				if !strings.HasPrefix(c.String(), "下级.json：") {
					t.Errorf("String() = %q", c.String())
				}
				for _, w := range tc.words {
					if !strings.Contains(c.Message, w) {
						t.Errorf("message %q does not say %q", c.Message, w)
					}
				}
				if c.NeedsConfirm() != (c.Kind != ConflictIndicator) {
					t.Errorf("%v NeedsConfirm = %v", c.Kind, c.NeedsConfirm())
				}
			}
		})
	}
}

// TestPlanMergeAcrossParts: conflicts between parts, not only with the draft.
func TestPlanMergeAcrossParts(t *testing.T) {
	s := Sample()
	parts := splitForMerge(s, [][]int{{0}, {1}, {2}, {1}}, func(int) bool { return true })
	into := New(SampleYear, SampleDept, time.Time{})
	cs := PlanMerge(into, parts)
	var unitConf, goalConf []MergeConflict
	for _, c := range cs {
		switch c.Kind {
		case ConflictUnitExists:
			unitConf = append(unitConf, c)
		case ConflictSameGoal:
			goalConf = append(goalConf, c)
		}
	}
	if len(unitConf) != 1 || unitConf[0].Part != 3 || unitConf[0].Unit != s.Units[1].Name ||
		!strings.Contains(unitConf[0].Message, "已由文件“"+parts[1].Label+"”合并进来") {
		t.Errorf("unit conflicts = %v", unitConf)
	}
	// Part 3 (机动车污染监察支队) repeats 目标15 of part 2; the targets of
	// part 4 (part 2 again) are covered by its unit conflict.
	if len(goalConf) != 1 || goalConf[0].Part != 2 || !strings.Contains(goalConf[0].Message, "目标15") {
		t.Errorf("goal conflicts = %v", goalConf)
	}
}

func TestMergeUnitActions(t *testing.T) {
	s := Sample()
	const name = "郑州市环境监察支队" // the 4th unit: rows 22 and 23, 193.6 万元
	// The unit's new version: its first row keeps 目标23's text, the second
	// a new target.
	part := New(SampleYear, SampleDept, time.Time{})
	part.Goals = []Goal{{Text: s.Goals[22].Text}, {Text: "新增的执法目标"}}
	part.Units = []Unit{{Name: name, Tasks: []Task{
		{Content: "执法工作委托第三方检测项目", Total: MustAmount("50"), Fiscal: MustAmount("40"), Other: MustAmount("10"), Goals: []int{1}},
		{Content: "执法装备购置", Total: MustAmount("30.5"), Fiscal: MustAmount("30.5"), Goals: []int{2}},
	}}}
	parts := []MergePart{{Label: "监察支队.xlsx", Form: part}}
	sampleTotal := ComputeTotals(s).Total

	tests := []struct {
		name    string
		choices MergeChoices
		units   int
		total   string
		goals   []string // texts expected at the end of the result's goals, in order
		ngoals  int
		rep     PartReport
		check   func(t *testing.T, got *Form)
	}{
		{"默认跳过", MergeChoices{}, 8, "7898.5676", nil, 34,
			PartReport{UnitsSkipped: 1, GoalsSkipped: 2},
			func(t *testing.T, got *Form) {
				if !reflect.DeepEqual(got, s) {
					t.Errorf("skipping changed the form")
				}
			}},
		{"替换", MergeChoices{Default: UnitReplace}, 8, (sampleTotal - MustAmount("193.6").Money() + MustAmount("80.5").Money()).String(),
			[]string{"新增的执法目标"}, 34,
			PartReport{UnitsReplaced: 1, TasksAdded: 2, GoalsAdded: 1, GoalsSkipped: 1, GoalsRemoved: 1, Total: MustAmount("80.5").Money()},
			func(t *testing.T, got *Form) {
				u := got.Units[3]
				if u.Name != name || len(u.Tasks) != 2 || u.Tasks[1].Content != "执法装备购置" {
					t.Fatalf("unit 4 = %+v", u)
				}
				// 目标22 was used only by the old first row: removed; the new
				// first row serves 目标23's text, now 目标22.
				if got.Goals[21].Text != s.Goals[22].Text || !reflect.DeepEqual(u.Tasks[0].Goals, []int{22}) {
					t.Errorf("row 1 links %v (目标22 = %q)", u.Tasks[0].Goals, mergeShort(got.Goals[21].Text))
				}
				if !reflect.DeepEqual(u.Tasks[1].Goals, []int{34}) {
					t.Errorf("row 2 links %v, want [34]", u.Tasks[1].Goals)
				}
				if slices.Contains(got.Goals, s.Goals[21]) {
					t.Errorf("目标22 of the old unit is still there")
				}
				for i, ut := range got.Units {
					if i != 3 && !reflect.DeepEqual(ut, s.Units[i]) {
						// Rows after the removed target link one lower.
						for ti, tk := range ut.Tasks {
							if got.Goals[tk.Goals[0]-1] != s.Goals[s.Units[i].Tasks[ti].Goals[0]-1] {
								t.Errorf("unit %d row %d lost its target", i+1, ti+1)
							}
						}
					}
				}
			}},
		{"两者都保留", MergeChoices{Default: UnitKeepBoth}, 9, (sampleTotal + MustAmount("80.5").Money()).String(),
			[]string{"新增的执法目标"}, 35,
			PartReport{UnitsAdded: 1, TasksAdded: 2, GoalsAdded: 1, GoalsSkipped: 1, Total: MustAmount("80.5").Money()},
			func(t *testing.T, got *Form) {
				if !reflect.DeepEqual(got.Units[:8], s.Units) || got.Units[8].Name != name {
					t.Errorf("the kept unit must come last, the others unchanged")
				}
				if !reflect.DeepEqual(got.Units[8].Tasks[0].Goals, []int{23}) || !reflect.DeepEqual(got.Units[8].Tasks[1].Goals, []int{35}) {
					t.Errorf("links = %v, %v", got.Units[8].Tasks[0].Goals, got.Units[8].Tasks[1].Goals)
				}
			}},
		{"两者都保留且相同目标分别保留", MergeChoices{Default: UnitKeepBoth, KeepSameGoals: true}, 9, (sampleTotal + MustAmount("80.5").Money()).String(),
			[]string{s.Goals[22].Text, "新增的执法目标"}, 36,
			PartReport{UnitsAdded: 1, TasksAdded: 2, GoalsAdded: 2, Total: MustAmount("80.5").Money()},
			func(t *testing.T, got *Form) {
				if !reflect.DeepEqual(got.Units[8].Tasks[0].Goals, []int{35}) {
					t.Errorf("links = %v", got.Units[8].Tasks[0].Goals)
				}
			}},
		{"按单位选择优先于默认", MergeChoices{Default: UnitReplace, Units: map[string]UnitAction{name: UnitSkip}}, 8, "7898.5676", nil, 34,
			PartReport{UnitsSkipped: 1, GoalsSkipped: 2}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			into := Sample()
			got, rep, err := Merge(into, parts, tc.choices)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(into, s) {
				t.Errorf("into was modified")
			}
			tot := ComputeTotals(got)
			if len(got.Units) != tc.units || tot.Total.String() != tc.total {
				t.Errorf("units, total = %d, %s; want %d, %s", len(got.Units), tot.Total, tc.units, tc.total)
			}
			if len(got.Goals) != tc.ngoals {
				t.Errorf("goals = %d, want %d", len(got.Goals), tc.ngoals)
			}
			for i, w := range tc.goals {
				if g := got.Goals[len(got.Goals)-len(tc.goals)+i].Text; g != w {
					t.Errorf("goal %d from the end = %q, want %q", len(tc.goals)-i, mergeShort(g), mergeShort(w))
				}
			}
			pr := rep.Parts[0]
			pr.Label, pr.Notes = "", nil
			if !reflect.DeepEqual(pr, tc.rep) {
				t.Errorf("report = %+v\nwant     %+v", pr, tc.rep)
			}
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

func TestMergeYear(t *testing.T) {
	part := New("2021", SampleDept, time.Time{})
	part.Units = []Unit{{Name: "郑州市新设单位", Tasks: []Task{{Content: "新项目", Total: MustAmount("10")}}}}
	parts := []MergePart{
		{Label: "a.json", Form: splitForMerge(Sample(), [][]int{{0}}, func(int) bool { return false })[0].Form},
		{Label: "b.json", Form: part},
	}
	into := New(SampleYear, SampleDept, time.Time{})
	got, rep, err := Merge(into, parts, MergeChoices{})
	if err == nil || got != nil || len(rep.Parts) != 0 {
		t.Fatalf("different year merged: %v, %v", got, err)
	}
	for _, w := range []string{"b.json", "2021年度", "2020年度", "允许合并不同年度"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
	got, rep, err = Merge(into, parts, MergeChoices{AllowYear: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != SampleYear || len(got.Units) != 2 || len(rep.Parts) != 2 {
		t.Errorf("year %q, units %d, report parts %d", got.Year, len(got.Units), len(rep.Parts))
	}
	if len(into.Units) != 0 {
		t.Errorf("into was modified")
	}
}

func TestMergeIntoEmptyTakesYearAndDept(t *testing.T) {
	s := Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(p int) bool { return p == 0 })
	parts[0].Form.Year, parts[0].Form.Dept = "", "" // the first file left them blank
	got, _, err := Merge(New("", "", time.Time{}), parts, MergeChoices{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != SampleYear || got.Dept != SampleDept {
		t.Errorf("year, dept = %q, %q", got.Year, got.Dept)
	}
	if got, _, err := Merge(nil, parts, MergeChoices{}); err != nil || ComputeTotals(got).Total.String() != "7898.5676" {
		t.Errorf("nil into: %v", err)
	}
}

func TestMergeOptionsAndLinks(t *testing.T) {
	into := New(SampleYear, SampleDept, time.Time{})
	into.Options.Weight = true
	p := New(SampleYear, SampleDept, time.Time{})
	p.Options = Options{OtherFunds: true, Scoring: true}
	p.Goals = []Goal{{Text: "只给被跳过的单位"}, {Text: "不对应任何任务"}, {Text: "新单位的目标"}}
	p.Units = []Unit{
		{Name: "甲", Tasks: []Task{{Content: "a", Total: MustAmount("1"), Goals: []int{3, 7, 3}}}},
	}
	got, rep, err := Merge(into, []MergePart{{Label: "p.json", Form: p}}, MergeChoices{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Options{OtherFunds: true, Weight: true, Scoring: true}); got.Options != want {
		t.Errorf("options = %+v, want %+v", got.Options, want)
	}
	// Goal 7 does not exist: the link is dropped and said; the double link
	// to 3 is kept once.
	if l := got.Units[0].Tasks[0].Goals; !reflect.DeepEqual(l, []int{3}) {
		t.Errorf("links = %v", l)
	}
	if n := rep.Parts[0].Notes; len(n) != 1 || !strings.Contains(n[0], "目标7") {
		t.Errorf("notes = %q", n)
	}

	// Now 甲 exists and is skipped: its own target is not added again, the
	// free-standing one is (once: its text is there already, shared).
	p2 := p.Clone()
	p2.Goals[0].Text = "只给被跳过的单位2"
	p2.Units[0].Tasks[0].Goals = []int{1}
	got2, rep2, err := Merge(got, []MergePart{{Label: "p2.json", Form: p2}}, MergeChoices{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got2.Goals) != 3 || rep2.Parts[0].GoalsAdded != 0 || rep2.Parts[0].GoalsSkipped != 3 || rep2.Parts[0].UnitsSkipped != 1 {
		t.Errorf("goals %d, report %+v", len(got2.Goals), rep2.Parts[0])
	}
	if !reflect.DeepEqual(got2, got) {
		t.Errorf("merging a skipped unit changed the form")
	}
}

func TestMergeNilPart(t *testing.T) {
	_, _, err := Merge(Sample(), []MergePart{{Label: "坏文件.xlsx"}}, MergeChoices{})
	if err == nil || !strings.Contains(err.Error(), "坏文件.xlsx") {
		t.Errorf("err = %v", err)
	}
	if cs := PlanMerge(Sample(), []MergePart{{Label: "坏文件.xlsx"}}); len(cs) != 0 {
		t.Errorf("conflicts = %v", cs)
	}
}

func TestMergeReportString(t *testing.T) {
	s := Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(int) bool { return true })
	parts = append(parts, parts[1]) // the 监测中心站 file twice
	_, rep, err := Merge(New(SampleYear, SampleDept, time.Time{}), parts, MergeChoices{})
	if err != nil {
		t.Fatal(err)
	}
	out := rep.String()
	for _, w := range []string{
		"文件“01_郑州市生态环境局机关.json”：\n  单位：新增1个\n  任务：13行，合计 1,753.23 万元\n  年度总体目标：新增13条\n  绩效指标：新增49行\n",
		"文件“02_郑州市环境保护监测中心站.json”：\n  单位：新增1个\n  任务：5行，合计 1,913.3 万元\n",
		"绩效指标：新增0行，已有而跳过49行",
		"单位：跳过1个\n  任务：0行，合计 0 万元\n  年度总体目标：新增0条，未添加5条（已有相同文字的，或只属于跳过的单位）\n",
		"单位“郑州市环境保护监测中心站”已有，按选择跳过，未合并它的5行",
		"共合并9个文件：任务34行，合计 7,898.5676 万元。",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("report does not say %q:\n%s", w, out)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	for a, w := range map[UnitAction]string{UnitSkip: "跳过", UnitReplace: "替换", UnitKeepBoth: "两者都保留", 9: "UnitAction(9)"} {
		if a.String() != w {
			t.Errorf("%d = %q", a, a.String())
		}
	}
	var zero MergeChoices
	if zero.action("任何单位") != UnitSkip {
		t.Errorf("the zero choices must skip existing units")
	}
	seen := map[string]bool{}
	for k := ConflictUnitExists; k <= ConflictDept; k++ {
		if s := k.String(); strings.HasPrefix(s, "Conflict") || seen[s] {
			t.Errorf("kind %d = %q", k, s)
		} else {
			seen[s] = true
		}
	}
}

// BenchmarkMerge merges a 5,000-row form cut into 10 files of 20 units,
// each file with all 49 indicators, into an empty draft.
func BenchmarkMerge(b *testing.B) {
	g := Generate(5000)
	var groups [][]int
	for i := 0; i < len(g.Units); i += 20 {
		groups = append(groups, mergeSeq(i, min(i+20, len(g.Units))))
	}
	parts := splitForMerge(g, groups, func(int) bool { return true })
	into := New(SampleYear, SampleDept, time.Time{})
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := Merge(into, parts, MergeChoices{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanMerge plans the same merge into the full form (every unit
// exists: the most conflicts).
func BenchmarkPlanMerge(b *testing.B) {
	g := Generate(5000)
	var groups [][]int
	for i := 0; i < len(g.Units); i += 20 {
		groups = append(groups, mergeSeq(i, min(i+20, len(g.Units))))
	}
	parts := splitForMerge(g, groups, func(int) bool { return true })
	b.ResetTimer()
	for b.Loop() {
		PlanMerge(g, parts)
	}
}

// BenchmarkMergeSample8 merges the sample's 8 unit files (all with the
// indicators) into an empty draft: the everyday case.
func BenchmarkMergeSample8(b *testing.B) {
	s := Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(int) bool { return true })
	into := New(SampleYear, SampleDept, time.Time{})
	for b.Loop() {
		PlanMerge(into, parts)
		if _, _, err := Merge(into, parts, MergeChoices{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMergeRandomInvariants merges random pieces of a generated form, with
// random (also broken) target links, and checks what must always hold:
// into is untouched, links point at existing targets once each, and the
// totals follow the choice.
func TestMergeRandomInvariants(t *testing.T) {
	g := Generate(400) // 16 units
	for i := range g.Units {
		for ti := range g.Units[i].Tasks {
			g.Units[i].Tasks[ti].Goals = []int{(i*7+ti)%len(g.Goals) + 1}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() []int {
		var s []int
		for i := range g.Units {
			if r.IntN(4) == 0 {
				s = append(s, i)
			}
		}
		if len(s) == 0 {
			s = []int{r.IntN(len(g.Units))}
		}
		return s
	}
	for round := range 40 {
		into := splitForMerge(g, [][]int{pick()}, func(int) bool { return r.IntN(2) == 0 })[0].Form
		var groups [][]int
		for range 1 + r.IntN(5) {
			groups = append(groups, pick())
		}
		parts := splitForMerge(g, groups, func(int) bool { return r.IntN(2) == 0 })
		for _, p := range parts {
			// Break some links: 0, negative, past the end.
			for ui := range p.Form.Units {
				if r.IntN(3) == 0 && len(p.Form.Units[ui].Tasks) > 0 {
					p.Form.Units[ui].Tasks[0].Goals = append(p.Form.Units[ui].Tasks[0].Goals, []int{0, -3, len(p.Form.Goals) + 1}[r.IntN(3)])
				}
			}
		}
		before := into.Clone()
		for _, ch := range []MergeChoices{{}, {Default: UnitKeepBoth}, {Default: UnitReplace}, {Default: UnitKeepBoth, KeepSameGoals: true}} {
			got, rep, err := Merge(into, parts, ch)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if !reflect.DeepEqual(into, before) {
				t.Fatalf("round %d: into modified", round)
			}
			for ui, u := range got.Units {
				for ti, tk := range u.Tasks {
					seen := map[int]bool{}
					for _, n := range tk.Goals {
						if n < 1 || n > len(got.Goals) || seen[n] {
							t.Fatalf("round %d %+v: unit %d row %d links %v (%d goals)", round, ch, ui, ti, tk.Goals, len(got.Goals))
						}
						seen[n] = true
					}
				}
			}
			// The expected total, unit by unit.
			have := map[string]Money{}
			var want Money
			for _, u := range into.Units {
				have[u.Name] = mergeUnitTotal(u)
				want += mergeUnitTotal(u)
			}
			var reported Money
			for pi, p := range parts {
				reported += rep.Parts[pi].Total
				added := map[string]Money{}
				for _, u := range p.Form.Units {
					old, exists := have[u.Name]
					switch {
					case !exists || ch.Default == UnitKeepBoth:
						want += mergeUnitTotal(u)
						added[u.Name] = mergeUnitTotal(u)
					case ch.Default == UnitReplace:
						want += mergeUnitTotal(u) - old
						added[u.Name] = mergeUnitTotal(u)
					}
				}
				for n, m := range added {
					if _, ok := have[n]; !ok || ch.Default == UnitReplace {
						have[n] = m
					}
				}
			}
			if tot := ComputeTotals(got).Total; tot != want {
				t.Fatalf("round %d %+v: total %s, want %s", round, ch, tot, want)
			}
			if ch.Default == UnitKeepBoth && reported != ComputeTotals(got).Total-ComputeTotals(into).Total {
				t.Fatalf("round %d: reported %s", round, reported)
			}
			if cs := PlanMerge(into, parts); !reflect.DeepEqual(into, before) {
				t.Fatalf("round %d: PlanMerge modified into (%d conflicts)", round, len(cs))
			}
		}
	}
}
