package merge

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

func conflictKinds(cs []Conflict) []ConflictKind {
	var k []ConflictKind
	for _, c := range cs {
		k = append(k, c.Kind)
	}
	return k
}

func TestPlanMergeConflicts(t *testing.T) {
	s := model.Sample()
	newUnit := func(name string, tasks ...model.Task) *model.Form {
		f := model.New(model.SampleYear, model.SampleDept, time.Time{})
		f.Goals = []model.Goal{{Text: "新单位自己的目标"}}
		for i := range tasks {
			tasks[i].Goals = []int{1}
		}
		f.Units = []model.Unit{{Name: name, Tasks: tasks}}
		return f
	}
	row := func(content, total string) model.Task {
		return model.Task{Content: content, Total: model.MustAmount(total), Fiscal: model.MustAmount(total)}
	}
	tests := []struct {
		name  string
		part  func() *model.Form
		want  []ConflictKind
		unit  string
		words []string // the message names these
	}{
		{"没有冲突", func() *model.Form { return newUnit("郑州市新设单位", row("新项目", "10")) }, nil, "", nil},
		{"单位已有", func() *model.Form { return splitForMerge(s, [][]int{{3}}, func(int) bool { return false })[0].Form },
			[]ConflictKind{ConflictUnitExists}, "郑州市环境监察支队", []string{"郑州市环境监察支队", "草稿中已有", "2行", "193.6", "替换"}},
		{"单位名前后有空格也算已有", func() *model.Form { return newUnit("  郑州市环境监察支队 ", row("新项目", "10")) },
			[]ConflictKind{ConflictUnitExists}, "郑州市环境监察支队", []string{"10 万元"}},
		{"任务相同", func() *model.Form { return newUnit("郑州市新设单位", row("仪器运行费专项", "200")) },
			[]ConflictKind{ConflictSameTask}, "郑州市新设单位", []string{"仪器运行费专项", "郑州市环境保护监测中心站", "第1行", "重复"}},
		{"内容相同金额不同不算相同任务", func() *model.Form { return newUnit("郑州市新设单位", row("仪器运行费专项", "201")) }, nil, "", nil},
		{"目标相同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Goals[0].Text = " " + s.Goals[13].Text
			return f
		}, []ConflictKind{ConflictSameGoal}, "", []string{"目标1", "目标14", "文字相同"}},
		{"指标完全相同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Indicators = []model.Indicator{s.Indicators[3], s.Indicators[13]}
			return f
		}, []ConflictKind{ConflictIndicator}, "", []string{"2行", "总体工作完成率", "预算执行率"}},
		{"指标重复但指标值不同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			in := s.Indicators[13]
			in.Value = "≥95%"
			f.Indicators = []model.Indicator{in}
			return f
		}, []ConflictKind{ConflictIndicator}, "", []string{"预算执行率", "指标值", "≥98%", "≥95%", "不会合并"}},
		{"年度不同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Year = "2021"
			return f
		}, []ConflictKind{ConflictYear}, "", []string{"2021年度", "2020年度"}},
		{"年度写法不同但相同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Year = "２０２０年度"
			return f
		}, nil, "", nil},
		{"部门不同", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"))
			f.Dept = "郑州市环境保护监测中心站"
			return f
		}, []ConflictKind{ConflictDept}, "", []string{"郑州市环境保护监测中心站", "郑州市生态环境局"}},
		{"同一文件内的重复不算冲突", func() *model.Form {
			f := newUnit("郑州市新设单位", row("新项目", "10"), row("新项目", "10"))
			f.Goals = append(f.Goals, f.Goals[0])
			f.Indicators = []model.Indicator{{Level1: "产出", Level3: "新指标"}, {Level1: "产出", Level3: "新指标"}}
			return f
		}, nil, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			into := model.Sample()
			part := tc.part()
			cs := Plan(into, []Part{{Label: "下级.json", Form: part}})
			if !reflect.DeepEqual(conflictKinds(cs), tc.want) {
				t.Fatalf("conflicts = %v, want %v\n%v", conflictKinds(cs), tc.want, cs)
			}
			if !reflect.DeepEqual(into, model.Sample()) {
				t.Errorf("Plan modified into")
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
	s := model.Sample()
	parts := splitForMerge(s, [][]int{{0}, {1}, {2}, {1}}, func(int) bool { return true })
	into := model.New(model.SampleYear, model.SampleDept, time.Time{})
	cs := Plan(into, parts)
	var unitConf, goalConf []Conflict
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
	s := model.Sample()
	const name = "郑州市环境监察支队" // the 4th unit: rows 22 and 23, 193.6 万元
	// The unit's new version: its first row keeps 目标23's text, the second
	// a new target.
	part := model.New(model.SampleYear, model.SampleDept, time.Time{})
	part.Goals = []model.Goal{{Text: s.Goals[22].Text}, {Text: "新增的执法目标"}}
	part.Units = []model.Unit{{Name: name, Tasks: []model.Task{
		{Content: "执法工作委托第三方检测项目", Total: model.MustAmount("50"), Fiscal: model.MustAmount("40"), Other: model.MustAmount("10"), Goals: []int{1}},
		{Content: "执法装备购置", Total: model.MustAmount("30.5"), Fiscal: model.MustAmount("30.5"), Goals: []int{2}},
	}}}
	parts := []Part{{Label: "监察支队.xlsx", Form: part}}
	sampleTotal := model.ComputeTotals(s).Total

	tests := []struct {
		name    string
		choices Choices
		units   int
		total   string
		goals   []string // texts expected at the end of the result's goals, in order
		ngoals  int
		rep     PartReport
		check   func(t *testing.T, got *model.Form)
	}{
		{"默认跳过", Choices{}, 8, "7898.5676", nil, 34,
			PartReport{UnitsSkipped: 1, GoalsSkipped: 2},
			func(t *testing.T, got *model.Form) {
				if !reflect.DeepEqual(got, s) {
					t.Errorf("skipping changed the form")
				}
			}},
		{"替换", Choices{Default: UnitReplace}, 8, (sampleTotal - model.MustAmount("193.6").Money() + model.MustAmount("80.5").Money()).String(),
			[]string{"新增的执法目标"}, 34,
			PartReport{UnitsReplaced: 1, TasksAdded: 2, GoalsAdded: 1, GoalsSkipped: 1, GoalsRemoved: 1, Total: model.MustAmount("80.5").Money()},
			func(t *testing.T, got *model.Form) {
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
		{"两者都保留", Choices{Default: UnitKeepBoth}, 9, (sampleTotal + model.MustAmount("80.5").Money()).String(),
			[]string{"新增的执法目标"}, 35,
			PartReport{UnitsAdded: 1, TasksAdded: 2, GoalsAdded: 1, GoalsSkipped: 1, Total: model.MustAmount("80.5").Money()},
			func(t *testing.T, got *model.Form) {
				if !reflect.DeepEqual(got.Units[:8], s.Units) || got.Units[8].Name != name {
					t.Errorf("the kept unit must come last, the others unchanged")
				}
				if !reflect.DeepEqual(got.Units[8].Tasks[0].Goals, []int{23}) || !reflect.DeepEqual(got.Units[8].Tasks[1].Goals, []int{35}) {
					t.Errorf("links = %v, %v", got.Units[8].Tasks[0].Goals, got.Units[8].Tasks[1].Goals)
				}
			}},
		{"两者都保留且相同目标分别保留", Choices{Default: UnitKeepBoth, KeepSameGoals: true}, 9, (sampleTotal + model.MustAmount("80.5").Money()).String(),
			[]string{s.Goals[22].Text, "新增的执法目标"}, 36,
			PartReport{UnitsAdded: 1, TasksAdded: 2, GoalsAdded: 2, Total: model.MustAmount("80.5").Money()},
			func(t *testing.T, got *model.Form) {
				if !reflect.DeepEqual(got.Units[8].Tasks[0].Goals, []int{35}) {
					t.Errorf("links = %v", got.Units[8].Tasks[0].Goals)
				}
			}},
		{"按单位选择优先于默认", Choices{Default: UnitReplace, Units: map[string]UnitAction{name: UnitSkip}}, 8, "7898.5676", nil, 34,
			PartReport{UnitsSkipped: 1, GoalsSkipped: 2}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			into := model.Sample()
			got, rep, err := Merge(into, parts, tc.choices)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(into, s) {
				t.Errorf("into was modified")
			}
			tot := model.ComputeTotals(got)
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
