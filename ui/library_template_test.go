package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// In a 湖北 draft the picker offers entries under 湖北's own 一级/二级
// (产出/效益/满意度), adds them there, and the 审核 has no 表样 finding for
// them; placeholders are never offered, and a name is listed once.
func TestLibraryPickerFollowsHubeiTemplate(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	f.Indicators = nil
	e, _ := newTestEditor(t, f, &memSaver{})
	p := openPicker(t, e)
	for _, i := range p.hits {
		in := p.lib[i].Indicator
		switch in.Level1 {
		case "产出指标", "效益指标", "满意度指标":
		default:
			t.Fatalf("%s offered under %s", in.Name(), in.Level1)
		}
	}
	// 满意度: no placeholder rows.
	p.search.SetText("满意度")
	for _, n := range hitNames(p) {
		if strings.HasSuffix(n, "指标1") {
			t.Errorf("placeholder %s offered", n)
		}
	}
	// 执行率: each name once.
	p.search.SetText("执行率")
	seen := map[string]bool{}
	for _, i := range p.hits {
		n := p.lib[i].Indicator.Name()
		if seen[n] {
			t.Errorf("%s listed twice", n)
		}
		seen[n] = true
	}
	pick := func(name string) {
		t.Helper()
		p.search.SetText(name)
		for _, i := range p.hits {
			if p.lib[i].Indicator.Name() == name {
				p.pick(i, true)
				return
			}
		}
		t.Fatalf("%s not found: %v", name, hitNames(p))
	}
	pick("预算执行率")
	if text := previewText(p); !strings.Contains(text, "位置：产出指标 › 质量指标 › 预算执行率") || !strings.Contains(text, "归入：原在“管理效率 › 预算管理”下") {
		t.Errorf("preview:\n%s", text)
	}
	pick("培训计划执行率")
	pick("群众满意度")
	p.addPicked()
	got := map[string]string{}
	for _, in := range e.Form().Indicators {
		got[in.Name()] = in.Level1 + " › " + in.Level2
	}
	for name, want := range map[string]string{"预算执行率": "产出指标 › 质量指标", "培训计划执行率": "效益指标 › 可持续影响指标", "群众满意度": "满意度指标 › 服务对象满意度指标"} {
		if got[name] != want {
			t.Errorf("%s added under %q, want %q", name, got[name], want)
		}
	}
	for _, x := range e.Findings() {
		if x.Loc.Part == model.PartIndicators && (x.Loc.Field == model.FieldLevel1 || x.Loc.Field == model.FieldLevel2) {
			t.Errorf("表样 finding after adding: %s %s", x.Loc.Describe(e.Form()), x.Message)
		}
		if strings.Contains(x.Message, "不在表样") {
			t.Errorf("表样 finding: %s", x.Message)
		}
	}
	// The others can still be listed on request.
	p = openPicker(t, e)
	n := len(p.hits)
	if !p.showAll.Visible() || !strings.Contains(p.showAll.Text, "不属于表样") {
		t.Fatalf("no way to list the others: %q", p.showAll.Text)
	}
	p.showAll.SetChecked(true)
	if len(p.hits) <= n {
		t.Errorf("listing the others: %d hits, was %d", len(p.hits), n)
	}
}
