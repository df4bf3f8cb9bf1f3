package model

import (
	"reflect"
	"testing"
)

func TestIndicatorOrder(t *testing.T) {
	all := Options{Weight: true, Unit: true, ValueType: true, Scoring: true, Nature: true, Direction: true}
	reordered := &Template{IndicatorColumns: []Column{
		{IndColL1, ""}, {IndColL2, ""}, {IndColL3, ""}, {IndColScoring, "评(扣)分标准"}, {IndColValue, ""},
		{IndColWeight, "权重"}, {IndColNote, "备注"}, {IndColUnit, "度量单位"},
	}}
	cases := []struct {
		name string
		t    *Template
		o    Options
		want []string
	}{
		{"郑州, no options: the program's order", BuiltinTemplate(DefaultTemplateID), Options{},
			[]string{"level1", "level2", "level3", "value", "explain", "note"}},
		{"郑州 with 分值 switched on: after the template's", BuiltinTemplate(DefaultTemplateID), Options{Weight: true},
			[]string{"level1", "level2", "level3", "value", "explain", "note", "weight"}},
		{"湖南: 指标值类型 before 指标值", BuiltinTemplate(HunanTemplateID), BuiltinTemplate(HunanTemplateID).Options(),
			[]string{"level1", "level2", "level3", "valueType", "value", "unit", "explain", "scoring", "note"}},
		{"一体化", BuiltinTemplate(NationalTemplateID), BuiltinTemplate(NationalTemplateID).Options(),
			[]string{"level1", "level2", "level3", "nature", "value", "unit", "weight", "direction", "explain", "note"}},
		{"a template's own order; 指标解释 it lacks comes last", reordered, Options{Weight: true, Unit: true, Scoring: true},
			[]string{"level1", "level2", "level3", "scoring", "value", "weight", "note", "unit", "explain"}},
		{"the template's columns are on whatever the form's options (a JSON form without them)", reordered, Options{},
			[]string{"level1", "level2", "level3", "scoring", "value", "weight", "note", "unit", "explain"}},
		{"everything on, no template", nil, all,
			[]string{"level1", "level2", "level3", "value", "explain", "note", "weight", "unit", "valueType", "scoring", "nature", "direction"}},
	}
	for _, c := range cases {
		if got := IndicatorOrder(c.t, c.o); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %v\nwant %v", c.name, got, c.want)
		}
	}
}

func TestNoGoalsSectionNoGoalsCheck(t *testing.T) {
	tp := BuiltinTemplate(HunanTemplateID)
	tp.ID, tp.Sections = "no-goals", []string{SectionDuties, SectionIndicators}
	f := TemplateExample(tp)
	goalFindings := func() int {
		n := 0
		for _, fd := range CheckWith(f, tp) {
			if fd.Loc.Part == PartGoals {
				n++
			}
		}
		return n
	}
	f.Goals = nil
	if n := goalFindings(); n != 0 {
		t.Errorf("%d goals findings for a template without goals", n)
	}
	f.Goals = []Goal{{Text: ""}} // typed elsewhere: still checked
	if n := goalFindings(); n == 0 {
		t.Error("an empty goal the form holds is not checked")
	}
	f.Goals = nil
	if n := func() int { // the 郑州 template asks for goals
		n := 0
		for _, fd := range CheckWith(f, BuiltinTemplate(DefaultTemplateID)) {
			if fd.Loc.Part == PartGoals {
				n++
			}
		}
		return n
	}(); n == 0 {
		t.Error("郑州: no goals finding")
	}
}
