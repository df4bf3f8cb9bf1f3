package model

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// bureauV1 is a bureau's template (version 1) with every kind of part, so
// that the cases below can take parts away in a version 2.
func bureauV1() *Template {
	return &Template{
		ID: "xx-bureau", Version: 1, Name: "某市 部门整体绩效目标表", Title: "部门整体绩效目标表",
		DeptLabel:   "部门(单位)名称",
		Basic:       []BasicField{{Label: "填报人"}, {Label: "联系电话"}},
		Sections:    []string{SectionFunds, SectionDuties, SectionGoals, SectionTasks, SectionIndicators},
		Funds:       &FundsLayout{Income: []string{"财政拨款", "其他资金"}, Expense: []string{"基本支出", "项目支出"}},
		TaskColumns: []string{TaskColTotal, TaskColFiscal, TaskColOther},
		IndicatorColumns: []Column{
			{IndColL1, "一级指标"}, {IndColL2, "二级指标"}, {IndColL3, "三级指标"}, {IndColValue, "指标值"},
			{IndColWeight, "分值"}, {IndColUnit, "计量单位"}, {IndColExplain, "指标解释"}, {IndColNote, "指标说明"},
		},
		Framework: []Level1{{Name: "产出指标", Level2: []string{"数量指标", "质量指标"}}, {Name: "效益指标"}},
		Rules:     Rules{WeightSum: 100, FundsBalance: true},
		Print:     Print{Paper: "A4", Orientation: "landscape"},
	}
}

// bureauForm is a filled form of bureauV1: three task rows with 其他资金,
// weights and units on every indicator.
func bureauForm() *Form {
	f := New("2022", "某市示例局", time.Time{})
	ApplyTemplate(f, bureauV1())
	f.Basic = map[string]string{"填报人": "李四", "联系电话": "0371-1234567"}
	f.Funds.Income[0].Amount = MustAmount("100")
	f.Funds.Income[1].Amount = MustAmount("20")
	f.Funds.Expense[0].Amount = MustAmount("70")
	f.Funds.Expense[1].Amount = MustAmount("50")
	f.Duties = "负责全市有关工作。"
	f.Goals = []Goal{{Text: "完成年度工作。"}}
	f.Units = []Unit{{Name: "局机关", Tasks: []Task{
		{Content: "日常运转", Total: MustAmount("60"), Fiscal: MustAmount("50"), Other: MustAmount("10"), Note: "含租金"},
		{Content: "专项检查", Total: MustAmount("40"), Fiscal: MustAmount("35"), Other: MustAmount("5")},
		{Content: "宣传", Total: MustAmount("20"), Fiscal: MustAmount("15"), Other: MustAmount("5")},
		{Content: "培训", Total: MustAmount("10"), Fiscal: MustAmount("10")},
	}}}
	f.Indicators = []Indicator{
		{Level1: "产出指标", Level2: "数量指标", Level3: "检查次数", Value: "≥12", Weight: "40", Unit: "次", Explain: "全年检查次数", Note: "按月"},
		{Level1: "产出指标", Level2: "质量指标", Level3: "验收合格率", Value: "100%", Weight: "30", Unit: "%"},
		{Level1: "效益指标", Level2: "社会效益指标", Level3: "群众知晓率", Value: "≥90%", Weight: "30", Unit: "%"},
	}
	return f
}

func TestMigrate(t *testing.T) {
	cases := []struct {
		name   string
		change func(v2 *Template)
		form   func(f *Form)
		layout []string // parts of lines of Migration.Layout
		data   []string // parts of lines of Migration.Data
		noData []string // no line of Data contains these
		moved  int
		kept   int
		check  func(t *testing.T, g *Form)
	}{
		{
			name:   "其他资金 column removed: the amounts go into 备注",
			change: func(v2 *Template) { v2.TaskColumns = []string{TaskColTotal, TaskColFiscal} },
			layout: []string{"年度主要任务：删去栏目「其他资金」"},
			form:   func(f *Form) { f.Units[0].Tasks[3].Other = MustAmount("0") },
			data:   []string{"年度主要任务的「其他资金」栏目新表样没有：3 行已填的其他资金移入该行的「备注」（写作“其他资金 10 万元”）；1 行填的是 0，不再写出"},
			moved:  3,
			check: func(t *testing.T, g *Form) {
				if g.Options.OtherFunds {
					t.Error("其他资金 still switched on")
				}
				want := []string{"含租金；其他资金 10 万元", "其他资金 5 万元", "其他资金 5 万元", ""}
				for i, tk := range g.Units[0].Tasks {
					if tk.Note != want[i] || !tk.Other.IsEmpty() {
						t.Errorf("row %d: note %q other %q, want note %q and no other", i+1, tk.Note, tk.Other.Raw(), want[i])
					}
				}
			},
		},
		{
			name:   "其他资金 removed but never typed: just switched off",
			change: func(v2 *Template) { v2.TaskColumns = []string{TaskColTotal, TaskColFiscal} },
			form: func(f *Form) {
				for i := range f.Units[0].Tasks {
					f.Units[0].Tasks[i].Other = Amount{}
				}
			},
			data:   []string{"「其他资金」栏目新表样没有；草稿中没有填写金额，直接去掉"},
			noData: []string{"移入"},
			check: func(t *testing.T, g *Form) {
				if g.Options.OtherFunds || g.Units[0].Tasks[0].Note != "含租金" {
					t.Errorf("options %+v note %q", g.Options, g.Units[0].Tasks[0].Note)
				}
			},
		},
		{
			name: "分值 and 计量单位 removed: into 指标说明",
			change: func(v2 *Template) {
				v2.IndicatorColumns = slices.DeleteFunc(v2.IndicatorColumns, func(c Column) bool { return c.Key == IndColWeight || c.Key == IndColUnit })
				v2.Rules.WeightSum = 0
			},
			layout: []string{"绩效指标：删去栏目「分值」", "绩效指标：删去栏目「计量单位」", "审核：取消规则“分值合计为 100”"},
			data:   []string{"「分值」栏目新表样没有：3 行已填的分值移入该行的「指标说明」（写作“分值：……”）", "「计量单位」栏目新表样没有：3 行"},
			moved:  6,
			check: func(t *testing.T, g *Form) {
				if got := g.Indicators[0].Note; got != "按月；分值：40；计量单位：次" {
					t.Errorf("note = %q", got)
				}
				if got := g.Indicators[1].Note; got != "分值：30；计量单位：%" {
					t.Errorf("note = %q", got)
				}
				if g.Options.Weight || g.Options.Unit || g.Indicators[0].Weight != "" {
					t.Errorf("columns still on: %+v %q", g.Options, g.Indicators[0].Weight)
				}
			},
		},
		{
			name: "指标说明 renamed 备注: the data stays, nothing moves",
			change: func(v2 *Template) {
				v2.IndicatorColumns[7].Label = "备注"
			},
			layout: []string{"绩效指标：栏目「指标说明」改名为「备注」"},
			noData: []string{"指标说明", "备注"},
			check: func(t *testing.T, g *Form) {
				if g.Indicators[0].Note != "按月" {
					t.Errorf("note = %q", g.Indicators[0].Note)
				}
			},
		},
		{
			name: "指标说明 removed: into 指标解释",
			change: func(v2 *Template) {
				v2.IndicatorColumns = v2.IndicatorColumns[:7]
			},
			layout: []string{"删去栏目「指标说明」"},
			data:   []string{"「指标说明」栏目新表样没有：1 行已填的内容移入该行的「指标解释」"},
			moved:  1,
			check: func(t *testing.T, g *Form) {
				if got := g.Indicators[0].Explain; got != "全年检查次数；指标说明：按月" {
					t.Errorf("explain = %q", got)
				}
			},
		},
		{
			name: "a 基本信息 field removed, another added as required",
			change: func(v2 *Template) {
				v2.Basic = []BasicField{{Label: "填报人"}, {Label: "单位负责人", Required: true}}
			},
			layout: []string{"基本信息：新增「单位负责人」（必填）", "基本信息：删去「联系电话」"},
			data:   []string{"基本信息「联系电话」新表样没有：已填的“0371-1234567”保留在草稿中", "基本信息「单位负责人」（新表样有）尚未填写"},
			kept:   1,
			check: func(t *testing.T, g *Form) {
				if g.Basic["联系电话"] != "0371-1234567" {
					t.Error("联系电话 lost")
				}
			},
		},
		{
			name: "an empty 基本信息 field removed is dropped",
			change: func(v2 *Template) {
				v2.Basic = []BasicField{{Label: "填报人"}}
			},
			form:   func(f *Form) { f.Basic["联系电话"] = " " },
			noData: []string{"联系电话"},
			check: func(t *testing.T, g *Form) {
				if _, ok := g.Basic["联系电话"]; ok {
					t.Error("empty field kept")
				}
			},
		},
		{
			name: "a funds row removed: kept when typed, dropped when empty",
			change: func(v2 *Template) {
				v2.Funds = &FundsLayout{Income: []string{"财政拨款", "上年结转"}, Expense: []string{"基本支出", "项目支出", "其他支出"}}
			},
			form:   func(f *Form) { f.Funds.Income[1].Amount = MustAmount("20") },
			layout: []string{"收入构成删去一行「其他资金」", "支出构成新增一行「其他支出」"},
			data:   []string{"收入构成的「其他资金」新表样没有：已填的当年金额 20 万元保留为该表的一行"},
			kept:   1,
			check: func(t *testing.T, g *Form) {
				var names []string
				for _, r := range g.Funds.Expense {
					names = append(names, r.Name)
				}
				in := []string{}
				for _, r := range g.Funds.Income {
					in = append(in, r.Name)
				}
				// the new rows in the template's order, the kept one after them
				if strings.Join(in, ",") != "财政拨款,上年结转,其他资金" || g.Funds.Income[2].Amount.Raw() != "20" || strings.Join(names, ",") != "基本支出,项目支出,其他支出" {
					t.Errorf("funds %+v", g.Funds)
				}
			},
		},
		{
			name: "whole parts removed are kept with their content",
			change: func(v2 *Template) {
				v2.Sections = []string{SectionGoals, SectionIndicators}
				v2.Funds = nil
			},
			layout: []string{"删去部分「部门总体资金情况（万元）」", "删去部分「部门职能概述」", "删去部分「年度主要任务」"},
			data:   []string{"「年度主要任务」新表样没有：已填的 1 个单位、4 行任务（合计 130 万元）保留在草稿中", "「部门总体资金情况」新表样没有：已填的 4 项金额或占比", "「部门职能概述」新表样没有：已填的 9 字"},
			kept:   3,
			check: func(t *testing.T, g *Form) {
				if g.TaskCount() != 4 || g.Funds == nil || g.Duties == "" {
					t.Error("a part was dropped")
				}
				if !g.Options.OtherFunds {
					t.Error("the kept task table lost its 其他资金 column")
				}
			},
		},
		{
			name: "framework and rules changed; sections reordered and renamed",
			change: func(v2 *Template) {
				v2.Framework = []Level1{{Name: "产出指标", Level2: []string{"数量指标"}}, {Name: "满意度指标"}}
				v2.Rules.RequiredLevel1 = []string{"满意度指标"}
				v2.Sections = []string{SectionDuties, SectionFunds, SectionGoals, SectionTasks, SectionIndicators}
				v2.Labels = map[string]string{SectionGoals: "年度绩效目标"}
				v2.Print.Orientation = "portrait"
			},
			layout: []string{"指标体系：新增一级指标「满意度指标」", "指标体系：删去一级指标「效益指标」",
				"一级指标「产出指标」下删去二级指标 质量指标", "审核：新增规则“必须有一级指标“满意度指标””",
				"各部分的顺序改为：部门职能概述 → 部门总体资金情况（万元） → 年度绩效目标", "「年度总体目标」改名为「年度绩效目标」",
				"打印：改为 A4 纵向（原为 A4 横向）"},
			data: []string{"1 条指标的一级指标不在新表样的指标体系中（“效益指标”1 条）", "1 条指标的二级指标不在新表样该一级指标之下（“质量指标”1 条）"},
			check: func(t *testing.T, g *Form) {
				if g.Indicators[2].Level1 != "效益指标" {
					t.Error("indicator text changed")
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v1, v2 := bureauV1(), bureauV1()
			v2.Version = 2
			tc.change(v2)
			f := bureauForm()
			if tc.form != nil {
				tc.form(f)
			}
			orig := f.Clone()
			g, m, err := Migrate(f, v1, v2)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f, orig) {
				t.Fatal("Migrate changed its input")
			}
			if g.Template != v2.Ref() {
				t.Errorf("template %+v", g.Template)
			}
			for _, want := range tc.layout {
				if !slices.ContainsFunc(m.Layout, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("layout has no %q:\n%s", want, strings.Join(m.Layout, "\n"))
				}
			}
			for _, want := range tc.data {
				if !slices.ContainsFunc(m.Data, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("data has no %q:\n%s", want, strings.Join(m.Data, "\n"))
				}
			}
			for _, not := range tc.noData {
				if slices.ContainsFunc(m.Data, func(s string) bool { return strings.Contains(s, not) }) {
					t.Errorf("data mentions %q:\n%s", not, strings.Join(m.Data, "\n"))
				}
			}
			if m.Moved != tc.moved || m.Kept != tc.kept {
				t.Errorf("moved %d kept %d, want %d %d:\n%s", m.Moved, m.Kept, tc.moved, tc.kept, strings.Join(m.Data, "\n"))
			}
			nothingLost(t, f, g)
			if tc.check != nil {
				tc.check(t, g)
			}
		})
	}
}

// nothingLost asserts that every text of from (typed values, amounts as
// typed) occurs in to.
func nothingLost(t *testing.T, from, to *Form) {
	t.Helper()
	b, err := json.Marshal(to)
	if err != nil {
		t.Fatal(err)
	}
	all := string(b)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if k == "template" || k == "meta" || k == "options" {
					continue
				}
				if s, _ := e.(string); path == ".basic" && strings.TrimSpace(s) != "" && !strings.Contains(all, k) {
					t.Errorf("基本信息 %s lost", k)
				}
				walk(path+"."+k, e)
			}
		case []any:
			for _, e := range x {
				walk(path+"[]", e)
			}
		case string:
			if strings.TrimSpace(x) != "" && !strings.Contains(all, x) {
				t.Errorf("%s: %q lost", path, x)
			}
		}
	}
	var v any
	b, _ = json.Marshal(from)
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	walk("", v)
}

func TestMigrateRefuses(t *testing.T) {
	v1, v2 := bureauV1(), bureauV1()
	v2.Version = 2
	f := bureauForm()
	if _, _, err := Migrate(f, v1, v1); err == nil || !strings.Contains(err.Error(), "不需要迁移") {
		t.Errorf("same version: %v", err)
	}
	locked := f.Clone()
	if err := locked.SetStage(StageMonitor, 6, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Migrate(locked, v1, v2); err == nil || !strings.Contains(err.Error(), "申报内容已锁定") {
		t.Errorf("locked: %v", err)
	}
	if _, _, err := Migrate(nil, v1, v2); err == nil {
		t.Error("nil form")
	}
}

func TestMigrateWithoutOldVersion(t *testing.T) {
	v2 := bureauV1()
	v2.Version = 2
	v2.TaskColumns = []string{TaskColTotal, TaskColFiscal}
	g, m, err := Migrate(bureauForm(), nil, v2)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Join(m.Lines(), "\n")
	for _, want := range []string{"本机没有草稿所用的第1版表样", "3 行已填的其他资金移入该行的「备注」", "表样：“xx-bureau”第1版 → “某市 部门整体绩效目标表”第2版"} {
		if !strings.Contains(lines, want) {
			t.Errorf("no %q in\n%s", want, lines)
		}
	}
	if g.Units[0].Tasks[1].Note != "其他资金 5 万元" {
		t.Errorf("note %q", g.Units[0].Tasks[1].Note)
	}
}

func TestMigrateNoChange(t *testing.T) {
	v1, v2 := bureauV1(), bureauV1()
	v2.Version = 2
	_, m, err := Migrate(bureauForm(), v1, v2)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Layout) != 0 || len(m.Data) != 0 {
		t.Errorf("changes listed for an equal version:\n%s", strings.Join(m.Lines(), "\n"))
	}
	lines := strings.Join(m.Lines(), "\n")
	if !strings.Contains(lines, "栏目和审核规则没有变化") || !strings.Contains(lines, "不需要移动") {
		t.Error(lines)
	}
}

// The sample (郑州 2020) carried into the 湖北 template: what lands where.
func TestCarryIntoHubei(t *testing.T) {
	prev := Sample()
	zz, hb := BuiltinTemplate(DefaultTemplateID), BuiltinTemplate(HubeiTemplateID)
	nf, reps, m, err := CarryInto(prev, "2021", nil, zz, hb)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || nf.Template != hb.Ref() || nf.Year != "2021" || len(reps) == 0 {
		t.Fatalf("template %+v year %s, %d replacements, migration %v", nf.Template, nf.Year, len(reps), m)
	}
	for _, want := range []string{"「部门名称」改名为「部门(单位)名称」", "新增部分「部门总体资金情况（万元）」", "新增部分「部门职能概述」",
		"「年度总体目标」改名为「年度绩效目标」", "删去部分「年度主要任务」", "栏目「指标说明」改名为「备注」", "基本信息：新增「填报人」",
		"指标体系：新增一级指标「产出指标」", "指标体系：删去一级指标「履职效能」", "审核：新增规则“收入合计 = 支出合计”"} {
		if !slices.ContainsFunc(m.Layout, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("layout has no %q:\n%s", want, strings.Join(m.Layout, "\n"))
		}
	}
	// Tasks have no place in 湖北: all kept and said so.
	if nf.TaskCount() != prev.TaskCount() || len(nf.Units) != len(prev.Units) {
		t.Errorf("tasks %d, want %d", nf.TaskCount(), prev.TaskCount())
	}
	n1 := 0
	for _, in := range prev.Indicators {
		if in.Level1 != "" && !IsFiller(in.Level1) && !slices.ContainsFunc(hb.Framework, func(l Level1) bool { return l.Name == in.Level1 }) {
			n1++
		}
	}
	data := strings.Join(m.Data, "\n")
	for _, want := range []string{
		"「年度主要任务」新表样没有：已填的 " + itoa(len(prev.Units)) + " 个单位、" + itoa(prev.TaskCount()) + " 行任务",
		itoa(n1) + " 条指标的一级指标不在新表样的指标体系中（“履职效能”",
		"「部门总体资金情况（万元）」（新表样有）尚未填写", "「部门职能概述」（新表样有）尚未填写", "基本信息「填报人」（新表样有）尚未填写",
	} {
		if !strings.Contains(data, want) {
			t.Errorf("data has no %q:\n%s", want, data)
		}
	}
	// Goals and indicators land in their 湖北 places unchanged (but for
	// the year); the funds table gets its rows.
	if len(nf.Goals) != len(prev.Goals) || len(nf.Indicators) != len(prev.Indicators) || nf.Indicators[0].Note != prev.Indicators[0].Note {
		t.Error("goals or indicators changed")
	}
	if nf.Funds == nil || len(nf.Funds.Income) != 2 || nf.Funds.Expense[1].Name != "项目支出" {
		t.Errorf("funds %+v", nf.Funds)
	}
	if !strings.Contains(nf.Meta.Origin, "表样改为“湖北 部门整体支出绩效目标申报表”第1版") {
		t.Errorf("origin %q", nf.Meta.Origin)
	}
	if m.ErrorsAfter == 0 {
		t.Error("the 湖北 rules (required 一级 产出/效益/满意度) found nothing")
	}
	same, _, none, err := CarryInto(prev, "2021", nil, zz, zz)
	if err != nil || none != nil || same.Template.ID != "" && same.Template != zz.Ref() {
		t.Errorf("same template: %v %v", err, none)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestTemplateVersions(t *testing.T) {
	v1, v2, v3 := bureauV1(), bureauV1(), bureauV1()
	v2.Version, v3.Version = 2, 3
	f := bureauForm()
	if got := NewestTemplate(f, []*Template{v1}); got != nil {
		t.Errorf("no newer version, got %d", got.Version)
	}
	if got := NewestTemplate(f, []*Template{v3, v1, v2}); got == nil || got.Version != 3 {
		t.Errorf("newest = %v", got)
	}
	if got := TemplateVersion(f.Template, []*Template{v3, v2}); got != nil {
		t.Errorf("version 1 is not here, got %d", got.Version)
	}
	if got := TemplateVersion(f.Template, []*Template{v3, v1, v2}); got != v1 {
		t.Errorf("version 1 = %v", got)
	}
	if got := TemplateVersion(TemplateRef{}, nil); got == nil || got.ID != DefaultTemplateID {
		t.Errorf("empty ref = %v", got)
	}
	if NewestTemplate(Sample(), nil) != nil {
		t.Error("the sample's built-in template has no newer version")
	}
}

// A 近两年 column dropped by the new version: what is typed in it stays
// (the editor and the exports still show a filled column).
func TestMigrateFundsYears(t *testing.T) {
	v1, v2 := bureauV1(), bureauV1()
	v1.Funds.Years = []FundsYear{{Back: 1}, {Back: 2}}
	v2.Version = 2
	v2.Funds.Years = []FundsYear{{Back: 1}}
	f := bureauForm()
	ApplyTemplate(f, v1)
	f.Funds.Income[0].Years = [2]Amount{MustAmount("90"), MustAmount("80")}
	// a row the new version drops, filled only in a 近两年 column
	v2.Funds.Expense = []string{"基本支出"}
	f.Funds.Expense[1].Amount = Amount{}
	f.Funds.Expense[1].Years[1] = MustAmount("7")
	g, m, err := Migrate(f, v1, v2)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Join(m.Lines(), "\n")
	for _, want := range []string{"部门总体资金情况（万元）：删去栏目「前年金额」", "部门总体资金情况（万元）的「前年金额」栏目新表样没有：已填的金额保留在原栏目",
		"支出构成的「项目支出」新表样没有：已填的前年金额 7 万元保留为该表的一行"} {
		if !strings.Contains(lines, want) {
			t.Errorf("no %q in\n%s", want, lines)
		}
	}
	if g.Funds.Income[0].Years[1].Raw() != "80" || len(g.Funds.Expense) != 2 || g.Funds.Expense[1].Years[1].Raw() != "7" {
		t.Errorf("funds %+v", g.Funds)
	}
	if cols := YearColumns(v2, g); len(cols) != 2 {
		t.Errorf("the filled 前年金额 column is not shown: %+v", cols)
	}
	nothingLost(t, f, g)
}

// A header that stays while its column changes (指标性质 meant 定量/定性 in
// version 1 and is the ≥/≤/= column in version 2) is one line that says
// its meaning changed, and what was typed keeps its meaning.
func TestMigrationNamesAChangedMeaning(t *testing.T) {
	v1 := BuiltinTemplate(HunanTemplateID)
	v1.ID, v1.Version = "bureau", 1
	for i, c := range v1.IndicatorColumns {
		if c.Key == IndColValueType {
			v1.IndicatorColumns[i].Label = "指标性质"
		}
	}
	v2 := v1.Clone()
	v2.Version = 2
	for i, c := range v2.IndicatorColumns {
		if c.Key == IndColValueType {
			v2.IndicatorColumns[i] = Column{Key: IndColNature, Label: "指标性质"}
		}
	}
	f := TemplateExample(v1)
	g, m, err := Migrate(f, v1, v2)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(m.Lines(), "\n")
	if !strings.Contains(text, "栏目「指标性质」的含义改变：原为指标值类型（定量、定性），现为指标性质（≥、≤、=、定性）") ||
		strings.Contains(text, "新增栏目「指标性质」") || strings.Contains(text, "删去栏目「指标性质」") {
		t.Errorf("migration list:\n%s", text)
	}
	for i, in := range g.Indicators {
		if in.Nature != "" || !strings.Contains(in.Note+in.Explain, "定") {
			t.Errorf("row %d: 指标性质 %q, the 定量/定性 typed is not kept in 备注/指标解释: %q %q", i+1, in.Nature, in.Note, in.Explain)
		}
	}
}
