package recognize

import (
	"slices"
	"testing"

	"jixiao/model"
)

// bureau is a finance bureau's own template, revised from the 湖北 one:
// its own title, a further 基本信息 field, 年度工作目标 for the goals and
// two further indicator columns under its own headers.
func bureau(version int) *model.Template {
	t := model.BuiltinTemplate(model.HubeiTemplateID)
	t.ID, t.Version, t.Name = "xx-bureau", version, "某市 部门整体绩效目标表"
	t.Title = "某市部门整体绩效目标表"
	t.Basic = append(t.Basic, model.BasicField{Label: "分管领导"})
	t.Labels = map[string]string{model.SectionGoals: "年度工作目标", model.SectionIndicators: "年度绩效指标"}
	t.IndicatorColumns = append(t.IndicatorColumns[:4:4], model.Column{Key: model.IndColWeight, Label: "考核权重"},
		model.Column{Key: model.IndColUnit, Label: "计量口径"}, model.Column{Key: model.IndColExplain, Label: "指标解释"}, model.Column{Key: model.IndColNote, Label: "备注"})
	return t
}

func TestTemplateRecognition(t *testing.T) {
	hubeiSheet := []string{"2022年度部门整体支出绩效目标申报表", "部门(单位)名称", "某局", "部门总体资金情况（万元）", "收入构成", "财政拨款", "其他资金",
		"支出构成", "基本支出", "项目支出", "合计", "当年金额", "占比", "部门职能概述", "年度绩效目标", "年度绩效指标",
		"一级指标", "二级指标", "三级指标", "指标值", "指标解释", "备注", "填报人：", "联系电话："}
	bureauSheet := []string{"某市部门整体绩效目标表", "（2022年度）", "部门(单位)名称", "某局", "分管领导", "王五", "部门总体资金情况（万元）",
		"财政拨款", "其他资金", "基本支出", "项目支出", "合计", "当年金额", "占比", "部门职能概述", "年度工作目标",
		"一级指标", "二级指标", "三级指标", "指标值", "考核权重(%)", "考核权重", "计量口径", "指标解释", "备注", "填报人", "联系电话"}
	zhengzhouSheet := []string{"市级部门整体绩效目标申报表", "（2020年度）", "部门名称", "郑州市生态环境局", "年度总体目标", "年度主要任务",
		"任务名称", "主要内容", "预算资金", "合计", "其中：财政资金", "备注", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标解释", "指标说明"}

	v1 := bureau(1)
	v2 := bureau(2)
	v2.IndicatorColumns = append(v2.IndicatorColumns, model.Column{Key: model.IndColDirection, Label: "指标方向"})
	v2rules := bureau(2) // version 2 changes a rule only: same labels as version 1
	v2rules.Rules.WeightSum = 100
	twin := model.BuiltinTemplate(model.HubeiTemplateID) // an exact copy under its own id
	twin.ID, twin.Name = "hubei-xx", "某县 湖北表样"
	wider := model.BuiltinTemplate(model.HubeiTemplateID) // 湖北's labels and more
	wider.ID, wider.Basic = "hubei-wide", append(wider.Basic, model.BasicField{Label: "审核人"}, model.BasicField{Label: "填报日期"})

	builtins := model.BuiltinTemplates()
	with := func(ts ...*model.Template) []*model.Template { return append(model.BuiltinTemplates(), ts...) }
	for _, tc := range []struct {
		name        string
		cells       []string
		cands       []*model.Template
		wantID      string
		wantVersion int
	}{
		{"nothing recognised: the default", []string{"某表", "甲", "乙"}, with(v1), model.DefaultTemplateID, 1},
		{"no cells: the default", nil, builtins, model.DefaultTemplateID, 1},
		{"the sample's layout", zhengzhouSheet, with(v1), model.DefaultTemplateID, 1},
		{"湖北 without imported templates", hubeiSheet, builtins, model.HubeiTemplateID, 1},
		{"湖北 beside a bureau's template: its title decides", hubeiSheet, with(v1), model.HubeiTemplateID, 1},
		{"the bureau's sheet, built-ins only: the nearest built-in", bureauSheet, builtins, model.HubeiTemplateID, 1},
		{"the bureau's sheet, its template imported", bureauSheet, with(v1), "xx-bureau", 1},
		{"the bureau's sheet when the imported one is listed first", bureauSheet, append([]*model.Template{v1}, builtins...), "xx-bureau", 1},
		{"a sheet of version 1 beside version 2 with one more column: the closer fit", bureauSheet, with(v1, v2), "xx-bureau", 1},
		{"a sheet with version 2's column", append(slices.Clone(bureauSheet), "指标方向"), with(v1, v2), "xx-bureau", 2},
		{"versions with the same labels: the newer", bureauSheet, with(v1, v2rules), "xx-bureau", 2},
		{"versions listed newest first: still the newer", bureauSheet, with(v2rules, v1), "xx-bureau", 2},
		{"an exact copy of a built-in: the imported one", hubeiSheet, with(twin), "hubei-xx", 1},
		{"a template with more labels than the sheet shows loses to the closer one", hubeiSheet, with(wider), model.HubeiTemplateID, 1},
		{"the wider one when the sheet shows its labels", append(slices.Clone(hubeiSheet), "审核人", "填报日期"), with(wider), "hubei-wide", 1},
		{"nil entries are skipped", hubeiSheet, append([]*model.Template{nil}, builtins...), model.HubeiTemplateID, 1},
	} {
		got := Template(tc.cells, tc.cands)
		if got == nil || got.ID != tc.wantID || got.Version != tc.wantVersion {
			t.Errorf("%s: got %v, want %s version %d", tc.name, ref(got), tc.wantID, tc.wantVersion)
		}
	}
	if got := Template(hubeiSheet, nil); got != nil {
		t.Errorf("no candidates: got %v, want nil", got.ID)
	}
}

func ref(t *model.Template) any {
	if t == nil {
		return nil
	}
	return t.Ref()
}

// TestSignature: the labels a template prints, normalised, once each,
// with the 近两年 headers but not a label that depends on the year.
func TestSignature(t *testing.T) {
	h := model.BuiltinTemplate(model.HubeiTemplateID)
	s := Signature(h)
	for _, want := range []string{"部门整体支出绩效目标申报表", "部门(单位)名称", "填报人", "部门总体资金情况(万元)", "年度绩效目标", "备注", "财政拨款", "近两年收支金额", "上年金额", "前年金额"} {
		if !slices.Contains(s, want) {
			t.Errorf("signature of 湖北 lacks %q: %q", want, s)
		}
	}
	if !slices.IsSorted(s) || len(slices.Compact(slices.Clone(s))) != len(s) || slices.Contains(s, "") {
		t.Errorf("signature not sorted, repeated or with an empty label: %q", s)
	}
	h.Funds.Years = []model.FundsYear{{Back: 2, Label: "{year}年决算数"}}
	for _, x := range Signature(h) {
		if x == "{year}年决算数" || x == "前年金额" {
			t.Errorf("signature has %q", x)
		}
	}
}

// SectionLabel knows the part labels of the given templates (normalised),
// and the usual indicator labels whatever the templates.
func TestSectionLabel(t *testing.T) {
	tpls := []*model.Template{bureau(1)}
	for _, c := range []struct {
		n    string
		tpls []*model.Template
		want bool
	}{
		{"年度工作目标", tpls, true},
		{Norm(bureau(1).Label(model.SectionTasks)), tpls, true},
		{"年度工作目标", model.BuiltinTemplates(), false},
		{"年度总体目标", model.BuiltinTemplates(), true},
		{"绩效指标", nil, true},
		{"年度绩效指标", nil, true},
		{"年度总体目标", nil, false},
		{"任务名称", tpls, false},
	} {
		if got := SectionLabel(c.n, c.tpls); got != c.want {
			t.Errorf("SectionLabel(%q, %d templates) = %v", c.n, len(c.tpls), got)
		}
	}
}
