package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// bureauTemplate is a bureau's own template without a task table that
// orders and names its indicator columns its own way.
func bureauTemplate() *model.Template {
	t := model.BuiltinTemplate(model.NationalTemplateID)
	t.ID, t.Name = "bureau-order", "某市 部门整体绩效目标表（局定栏目）"
	t.Sections = []string{model.SectionGoals, model.SectionIndicators}
	t.TaskColumns = nil
	t.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColWeight, Label: "权重(%)"}, {Key: model.IndColValue, Label: "指标值"}, {Key: model.IndColUnit, Label: "度量单位"},
		{Key: model.IndColDirection, Label: "指标方向"}, {Key: model.IndColNature, Label: "计算符号"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	return t
}

func headerTexts(v *indicatorsView) []string {
	var out []string
	for _, o := range v.header.Objects {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

// TestIndicatorHeadersFollowTemplate: the 绩效指标 tab's columns come in
// the template's order under its names, for a built-in and a bureau's
// template; a finding on 度量单位 focuses that column's entry.
func TestIndicatorHeadersFollowTemplate(t *testing.T) {
	cases := []struct {
		tpl  *model.Template
		want string
	}{
		{model.BuiltinTemplate(model.DefaultTemplateID), "[三级指标 指标值 指标解释 指标说明]"},
		{model.BuiltinTemplate(model.HunanTemplateID), "[三级指标 指标值类型 指标值 计量单位 指标解释 评(扣)分标准 备注]"},
		{model.BuiltinTemplate(model.NationalTemplateID), "[三级指标 指标性质 指标值 度量单位 权重 指标方向性 指标解释 指标说明]"},
		{bureauTemplate(), "[三级指标 权重(%) 指标值 度量单位 指标方向 计算符号 指标解释 备注]"},
	}
	for _, c := range cases {
		t.Run(c.tpl.ID, func(t *testing.T) {
			f := model.TemplateExample(c.tpl)
			ws, st, _ := newTestWorkspace(t, f)
			if model.BuiltinTemplate(c.tpl.ID) == nil {
				if err := st.PutTemplate(c.tpl); err != nil {
					t.Fatal(err)
				}
				stored, _, _ := st.Templates()
				ws.e.SetTemplates(stored)
			}
			e := ws.e
			e.SelectTab(TabIndicators)
			if got := fmt.Sprint(headerTexts(e.inds)); got != c.want {
				t.Fatalf("headers %s, want %s", got, c.want)
			}
			if !e.Form().Options.Unit {
				return
			}
			// the row's cells are in the same order: 度量单位/计量单位's
			// entry holds the unit, and a finding on it focuses it
			e.Apply(func(f *model.Form) { f.Indicators[0].Unit = "" })
			e.inds.rows[0].unit.SetText("项")
			if e.Form().Indicators[0].Unit != "项" {
				t.Fatalf("unit %q", e.Form().Indicators[0].Unit)
			}
			e.SelectTab(TabChecks)
			loc := model.Location{Part: model.PartIndicators, Unit: -1, Row: 0, Field: model.FieldUnit}
			if !e.Focus(loc) || ws.win.Canvas().Focused() != e.inds.rows[0].unit {
				t.Error("focus did not reach the unit entry")
			}
		})
	}
}

// TestTabsFollowTemplate: a template without 年度主要任务 has no task tab
// (unless the form holds tasks), its tabs carry its names, and a template
// without 年度总体目标 has no goals tab and no goals finding.
func TestTabsFollowTemplate(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	ws, st, _ := newTestWorkspace(t, f)
	e := ws.e
	if e.TabShown(TabTasks) {
		t.Error("湖北 form shows the 年度主要任务 tab")
	}
	if !e.TabShown(TabGoals) || e.tabList[TabGoals].Text != "年度绩效目标" || e.tabList[TabIndicators].Text != "年度绩效指标" {
		t.Errorf("tab titles %q %q", e.tabList[TabGoals].Text, e.tabList[TabIndicators].Text)
	}
	e.SelectTab(TabIndicators)
	if e.CurrentTab() != TabIndicators {
		t.Fatalf("current tab %d with the task tab hidden", e.CurrentTab())
	}
	e.SelectTab(TabTasks) // the 页面 menu: nothing happens
	if e.CurrentTab() != TabIndicators {
		t.Errorf("current tab %d after selecting the hidden one", e.CurrentTab())
	}
	// a task row typed in a form of this template (moved from another): shown
	e.Apply(func(f *model.Form) {
		f.Units = []model.Unit{{Name: "机关", Tasks: []model.Task{{Content: "运转"}}}}
	})
	if !e.TabShown(TabTasks) || e.CurrentTab() != TabIndicators {
		t.Errorf("tasks tab %v, current %d", e.TabShown(TabTasks), e.CurrentTab())
	}
	e.Apply(func(f *model.Form) { f.Units = nil })
	if e.TabShown(TabTasks) {
		t.Error("tasks tab stays after the rows went")
	}

	// a bureau's template without goals
	bt := bureauTemplate()
	bt.Sections = []string{model.SectionIndicators}
	bt.Labels = map[string]string{model.SectionIndicators: bt.Label(model.SectionIndicators)}
	if err := st.PutTemplate(bt); err != nil {
		t.Fatal(err)
	}
	stored, _, _ := st.Templates()
	e.SetTemplates(stored)
	g := model.TemplateExample(bt)
	g.Goals, g.Units = nil, nil
	if err := e.Open("", g); err != nil {
		t.Fatal(err)
	}
	if e.TabShown(TabGoals) || e.TabShown(TabTasks) {
		t.Errorf("goals %v tasks %v shown for a template without them", e.TabShown(TabGoals), e.TabShown(TabTasks))
	}
	for _, fd := range e.Findings() {
		if fd.Loc.Part == model.PartGoals {
			t.Errorf("goals finding %s", fd.Message)
		}
	}
	if e.tabList[TabIndicators].Text != "年度绩效指标" || !e.TabShown(TabBasic) || !e.TabShown(TabChecks) {
		t.Errorf("tabs %v", e.tabs.Items)
	}
}
