package library

import (
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

// sampleUsed is the sample's indicators as 我的指标 sees them.
func sampleUsed() []UsedIndicator {
	f := model.Sample()
	var out []UsedIndicator
	for _, in := range f.Indicators {
		out = append(out, UsedIndicator{Draft: "d", Dept: f.Dept, Year: f.Year, Indicator: in})
	}
	return out
}

func offerNames(es []Entry) map[string]Entry {
	out := map[string]Entry{}
	for _, e := range es {
		out[e.Indicator.Name()] = e
	}
	return out
}

// In a 湖北 draft the library offers its own 产出/效益/满意度 entries first,
// the sample's re-filed under them, no placeholder, each name once.
func TestLibraryForHubei(t *testing.T) {
	hubei := model.BuiltinTemplate(model.HubeiTemplateID)
	mine := MyIndicators(sampleUsed()) // the sample as 我的指标: every 执行率 twice
	lib := WithMine(Builtin(), mine)
	off := ForTemplate(lib, hubei)
	if len(off.Entries) == 0 || off.Placeholders == 0 {
		t.Fatalf("offer %d entries, %d placeholders", len(off.Entries), off.Placeholders)
	}
	own := true
	seen := map[string]bool{}
	for _, e := range off.Entries {
		in := e.Indicator
		if !fitsFramework(hubei, in.Level1, in.Level2) {
			t.Errorf("%s offered under %s › %s, not in 湖北's 指标体系", in.Name(), in.Level1, in.Level2)
		}
		if model.IsFiller(in.Level3) || strings.HasSuffix(in.Name(), "指标1") {
			t.Errorf("placeholder %q offered", in.Name())
		}
		k := in.Level1 + in.Level2 + in.Name()
		if seen[k] {
			t.Errorf("%s offered twice", in.Name())
		}
		seen[k] = true
		if e.Placed == "" && !own {
			t.Errorf("own entry %q after a re-filed one", in.Name())
		}
		own = own && e.Placed == ""
	}
	if own {
		t.Fatal("nothing re-filed")
	}
	by := offerNames(off.Entries)
	for name, want := range map[string]string{
		"预算执行率":     "产出指标 › 质量指标",
		"年度工作目标实现率": "产出指标 › 数量指标",
		"“三公经费”变动率": "产出指标 › 成本指标",
		"群众满意度":     "满意度指标 › 服务对象满意度指标",
		"培训计划执行率":   "效益指标 › 可持续影响指标",
		"培训（参会）人次":  "产出指标 › 数量指标",
		"场地租赁费":     "产出指标 › 成本指标",
		"服务对象满意度":   "满意度指标 › 服务对象满意度指标",
		"在职人员控制率":   "产出指标 › 成本指标",
	} {
		e, ok := by[name]
		if !ok {
			t.Errorf("%s not offered", name)
			continue
		}
		if got := e.Indicator.Level1 + " › " + e.Indicator.Level2; got != want {
			t.Errorf("%s under %s, want %s", name, got, want)
		}
	}
	if p := by["预算执行率"].Placed; !strings.Contains(p, "管理效率 › 预算管理") || !strings.Contains(p, "填报说明") {
		t.Errorf("预算执行率 placement note %q", p)
	}
	if len(by["预算执行率"].Used) == 0 {
		t.Error("the years of use of 预算执行率 (我的指标) were lost in the dedupe")
	}
	// The 目标设定 kind of entry has no place in 产出/效益/满意度.
	others := offerNames(off.Others)
	for _, name := range []string{"目标依据充分性", "绩效目标合理性", "项目立项规范性"} {
		if _, ok := others[name]; !ok {
			t.Errorf("%s not among the others", name)
		}
		if _, ok := by[name]; ok {
			t.Errorf("%s offered", name)
		}
	}
	// 审核 has no 表样 finding for what the picker offers.
	f := model.New("2021", "某局", time.Date(2020, 7, 3, 9, 0, 0, 0, time.UTC))
	f.Template = model.TemplateRef{ID: model.HubeiTemplateID, Version: 1}
	for _, e := range off.Entries {
		f.Indicators = append(f.Indicators, e.Indicator)
	}
	for _, x := range model.CheckWith(f, hubei) {
		if x.Loc.Part == model.PartIndicators && (x.Loc.Field == model.FieldLevel1 || x.Loc.Field == model.FieldLevel2) {
			t.Errorf("表样 finding: %s %s", x.Loc.Describe(f), x.Message)
		}
	}
}

// The sample's own template offers the sample's entries first, each once
// (the 我的指标 copy and the seed's), and re-files only 满意度.
func TestLibraryForZhengzhou(t *testing.T) {
	zz := model.BuiltinTemplate(model.DefaultTemplateID)
	mine := MyIndicators(sampleUsed())
	off := ForTemplate(WithMine(Builtin(), mine), zz)
	n := 0
	for _, e := range off.Entries {
		if e.Indicator.Name() == "预算执行率" {
			n++
		}
		if e.Placed != "" && e.Indicator.Level1 != "服务满意" {
			t.Errorf("%s re-filed under %s", e.Indicator.Name(), e.Indicator.Level1)
		}
	}
	if n != 1 {
		t.Errorf("预算执行率 offered %d times", n)
	}
	if off.Entries[0].Indicator.Level1 != "履职效能" {
		t.Errorf("first offered %+v", off.Entries[0].Indicator)
	}
	// Without a 指标体系 everything is offered (placeholders still not).
	all := ForTemplate(Builtin(), &model.Template{})
	if len(all.Others) != 0 || len(all.Entries) == 0 || all.Placeholders == 0 {
		t.Errorf("no framework: %d offered, %d others, %d placeholders", len(all.Entries), len(all.Others), all.Placeholders)
	}
}
