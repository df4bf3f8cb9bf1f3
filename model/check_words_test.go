package model

import (
	"strings"
	"testing"
	"time"
)

// The checks speak the template's words: its part labels, its 部门名称
// and column headers, in the messages and in the places (Finding.Place).
func TestChecksSpeakTheTemplatesWords(t *testing.T) {
	hubei := BuiltinTemplate(HubeiTemplateID)
	blank := New("2022", "", time.Time{})
	ApplyTemplate(blank, hubei)
	nat := BuiltinTemplate(NationalTemplateID)
	noWeight := TemplateExample(nat)
	noWeight.Indicators[0].Weight = ""
	bureau := BuiltinTemplate(NationalTemplateID)
	bureau.ID, bureau.DeptLabel = "bureau", "预算单位"
	bureau.IndicatorColumns[6].Label = "权重(%)"
	bureau.Labels[SectionGoals] = "年度绩效目标"
	bf := New("2022", "", time.Time{})
	ApplyTemplate(bf, bureau)
	bf.Indicators = []Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "培训人次", Nature: "≥", Value: "50", Unit: "人次", Direction: "正向"}}
	for _, c := range []struct {
		name   string
		f      *Form
		t      *Template
		places []string // "place：message" of some finding
		never  []string
	}{
		{"湖北 blank", blank, hubei, []string{"年度绩效目标：还没有年度绩效目标，请至少填写一条", "年度绩效指标：还没有年度绩效指标", "基本信息 › 部门(单位)名称：请填写部门(单位)名称"},
			[]string{"年度总体目标", "› 部门名称"}},
		{"一体化 without 权重", noWeight, nat, []string{"年度绩效指标 › 第1行（重点工作完成数） › 权重：请填写权重"}, []string{"分值"}},
		{"a bureau's labels", bf, bureau, []string{"年度绩效目标：还没有年度绩效目标", "年度绩效指标 › 第1行（培训人次） › 权重(%)：请填写权重(%)", "基本信息 › 预算单位：请填写预算单位"},
			[]string{"分值", "年度总体目标", "计量单位", "部门名称"}},
	} {
		var all []string
		for _, x := range CheckWith(c.f, c.t) {
			all = append(all, x.Place+"："+x.Message)
		}
		text := strings.Join(all, "\n")
		for _, want := range c.places {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", c.name, want, text)
			}
		}
		for _, not := range c.never {
			if strings.Contains(text, not) {
				t.Errorf("%s: the program's word %q in\n%s", c.name, not, text)
			}
		}
	}
}

// One empty cell gets one error, not one per rule that asks for it: a
// required 指标值, 指标性质 or 权重 left empty is reported once.
func TestOneErrorPerEmptyCell(t *testing.T) {
	tp := BuiltinTemplate(NationalTemplateID)
	tp.Rules.RequiredColumns = []string{IndColValue, IndColNature, IndColWeight, IndColUnit}
	f := TemplateExample(tp)
	in := &f.Indicators[0]
	in.Value, in.Nature, in.Weight, in.Unit = "", "", "", ""
	count := map[Location]int{}
	for _, x := range CheckWith(f, tp) {
		if x.Severity == SevError {
			count[x.Loc]++
		}
	}
	for _, fl := range []Field{FieldValue, FieldNature, FieldWeight, FieldUnit} {
		if n := count[indLoc(0, fl)]; n != 1 {
			t.Errorf("%s: %d errors, want 1", fl, n)
		}
	}
}

// Format rules of 基本信息 fields: digits, an exact length, a telephone
// number.
func TestBasicFieldFormats(t *testing.T) {
	tp := BuiltinTemplate(HubeiTemplateID)
	tp.ID = "fmt"
	tp.Basic = []BasicField{
		{Label: "预算编码", Required: true, Format: FormatDigits, MinLength: 6, MaxLength: 6},
		{Label: "联系电话", Format: FormatPhone},
		{Label: "备注", MaxLength: 4},
	}
	if err := tp.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code, phone, note string
		want              []string
	}{
		{"123456", "028-86123456", "", nil},
		{"123456", "13812345678", "短", nil},
		{"123456", "(028)86123456转12", "", nil},
		{"", "", "", []string{"请填写预算编码"}},
		{"12345a", "", "", []string{"预算编码“12345a”只能填数字"}},
		{"12345", "", "", []string{"预算编码应为 6 位，现在是 5 位"}},
		{"123456", "8612", "", []string{"联系电话“8612”不像电话号码"}},
		{"123456", "", "五个字太长", []string{"备注最多 4 位，现在是 5 位"}},
	} {
		f := TemplateExample(tp)
		f.Basic = map[string]string{"预算编码": c.code, "联系电话": c.phone, "备注": c.note}
		var got []string
		for _, x := range CheckWith(f, tp) {
			if x.Loc.Part == PartBasic {
				got = append(got, x.Message)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q %q %q: %q, want %q", c.code, c.phone, c.note, got, c.want)
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], c.want[i]) {
				t.Errorf("%q %q %q: %q, want %q", c.code, c.phone, c.note, got[i], c.want[i])
			}
		}
	}
}
