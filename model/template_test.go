package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestBuiltinTemplatesValidAndRoundTrip(t *testing.T) {
	ids := map[string]bool{}
	for _, tp := range BuiltinTemplates() {
		if err := tp.Validate(); err != nil {
			t.Fatalf("%s: %v", tp.ID, err)
		}
		if ids[tp.ID] {
			t.Fatalf("id %s twice", tp.ID)
		}
		ids[tp.ID] = true
		b, err := MarshalTemplate(tp)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseTemplate(b)
		if err != nil {
			t.Fatalf("%s: %v", tp.ID, err)
		}
		if !reflect.DeepEqual(back, tp) {
			t.Fatalf("%s: template file round trip differs:\n%+v\n%+v", tp.ID, back, tp)
		}
		if c := tp.Clone(); !reflect.DeepEqual(c, tp) {
			t.Fatalf("%s: clone differs", tp.ID)
		}
	}
	for _, want := range []string{DefaultTemplateID, HubeiTemplateID, HunanTemplateID, NationalTemplateID} {
		if !ids[want] {
			t.Errorf("built-in %s missing", want)
		}
	}
	if BuiltinTemplates()[0].ID != DefaultTemplateID {
		t.Error("the default template is not listed first")
	}
}

func TestTemplateExamplesPassTheirChecks(t *testing.T) {
	for _, tp := range BuiltinTemplates() {
		f := TemplateExample(tp)
		for _, fd := range CheckWith(f, tp) {
			if fd.Severity == SevError {
				t.Errorf("%s: %s：%s", tp.ID, fd.Loc.Describe(f), fd.Message)
			}
		}
		if f.Template != tp.Ref() {
			t.Errorf("%s: form names template %+v", tp.ID, f.Template)
		}
		if got := TemplateOf(f, nil); got.ID != tp.ID {
			t.Errorf("TemplateOf = %s, want %s", got.ID, tp.ID)
		}
		// Clone is deep for the new parts too.
		c := f.Clone()
		if !reflect.DeepEqual(c, f) {
			t.Fatalf("%s: clone differs", tp.ID)
		}
		if c.Funds != nil {
			c.Funds.Expense[0].Name = "x"
			if f.Funds.Expense[0].Name == "x" {
				t.Fatal("Clone shares the funds rows")
			}
		}
	}
}

// errorsAt lists the error findings as "place：message".
func errorsAt(f *Form, t *Template) []string {
	var out []string
	for _, fd := range CheckWith(f, t) {
		if fd.Severity == SevError {
			out = append(out, fd.Loc.Describe(f)+"："+fd.Message)
		}
	}
	return out
}

func TestHubeiFundsChecks(t *testing.T) {
	hubei := BuiltinTemplate(HubeiTemplateID)
	cases := []struct {
		name string
		edit func(f *Form)
		want []string // substrings, one per expected error, in order
	}{
		{"as published", func(*Form) {}, nil},
		{"项目支出 mistyped", func(f *Form) { f.Funds.Expense[1].Amount = MustAmount("234.96") }, []string{
			"部门总体资金情况 › 支出构成 › 合计 › 当年金额：支出构成各项加起来是 959.1918 万元，合计填的是 968.1918 万元",
			"部门总体资金情况 › 支出构成 › 项目支出 › 占比：占比填的是 25.2%，按当年金额 234.96 ÷ 合计 968.1918 应为 24.3%",
		}},
		{"shares typed as fractions", func(f *Form) { f.Funds.Expense[0].Share, f.Funds.Expense[1].Share = "0.748", "0.252" }, nil},
		{"share not a number", func(f *Form) { f.Funds.Expense[0].Share = "约七成" }, []string{"基本支出 › 占比：占比“约七成”不是数字"}},
		{"income and expense differ", func(f *Form) {
			f.Funds.Income[0].Amount, f.Funds.IncomeTotal, f.Funds.Income[0].Share = MustAmount("900"), MustAmount("900"), "100%"
		}, []string{"支出构成 › 合计 › 当年金额：收入合计 900 万元与支出合计 968.1918 万元不相等"}},
		{"invalid amount", func(f *Form) { f.Funds.Expense[1].Amount = ParseAmount("24３.9x") }, []string{"项目支出 › 当年金额：当年金额“24３.9x”不是有效的金额"}},
		{"no totals typed", func(f *Form) { f.Funds.IncomeTotal, f.Funds.ExpenseTotal = Amount{}, Amount{} }, nil},
		{"empty funds", func(f *Form) { f.Funds = nil }, []string{"部门总体资金情况：还没有填写部门总体资金情况"}},
		{"missing 一级", func(f *Form) { f.Indicators = f.Indicators[:3] }, []string{"绩效指标 › 一级指标：表样“湖北 部门整体支出绩效目标申报表”要求有一级指标“效益指标”", "要求有一级指标“满意度指标”"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := TemplateExample(hubei)
			tc.edit(f)
			got := errorsAt(f, hubei)
			if len(got) != len(tc.want) {
				t.Fatalf("errors:\n%s\nwant %d", strings.Join(got, "\n"), len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("error %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestTemplateIndicatorRules(t *testing.T) {
	cases := []struct {
		tpl  string
		name string
		edit func(f *Form)
		want []string
	}{
		{NationalTemplateID, "weights add up to 100", func(*Form) {}, nil},
		{NationalTemplateID, "weights off", func(f *Form) { f.Indicators[0].Weight = "20" }, []string{"年度绩效指标 › 权重：各指标权重加起来是 90，应为 100"}},
		{NationalTemplateID, "unit missing for 定量", func(f *Form) { f.Indicators[0].Unit = "" }, []string{"年度绩效指标 › 第1行（重点工作完成数） › 度量单位：这是定量指标，请填写度量单位"}},
		{NationalTemplateID, "no unit needed for 定性", func(f *Form) { f.Indicators[3].Unit = "" }, nil},
		{NationalTemplateID, "nature unknown", func(f *Form) { f.Indicators[1].Nature = "约等于" }, []string{"指标性质：指标性质“约等于”无法识别"}},
		{NationalTemplateID, "nature blank", func(f *Form) { f.Indicators[1].Nature = "" }, []string{"指标性质：请填写指标性质"}},
		{NationalTemplateID, "direction unknown", func(f *Form) { f.Indicators[1].Direction = "向上" }, []string{"› 指标方向性：指标方向性“向上”无法识别"}},
		{HunanTemplateID, "required 评(扣)分标准", func(f *Form) { f.Indicators[2].Scoring = " " }, []string{"第3行（资金支付及时率） › 评(扣)分标准：请填写评(扣)分标准（此项必填）"}},
		{HunanTemplateID, "required 职责", func(f *Form) { f.Duties = "" }, []string{"部门(单位)职责：请填写部门(单位)职责（此项必填）"}},
		{HunanTemplateID, "required 一级 产出指标", func(f *Form) {
			for i := range f.Indicators {
				if f.Indicators[i].Level1 == "产出指标" {
					f.Indicators[i].Level1 = "效益指标"
				}
			}
		}, []string{"要求有一级指标“产出指标”"}},
		{DefaultTemplateID, "郑州 weights switched on", func(f *Form) {
			f.Options.Weight = true
			for i := range f.Indicators {
				f.Indicators[i].Weight = "10"
			}
		}, []string{"各指标分值加起来是 40，应为 100"}},
	}
	for _, tc := range cases {
		t.Run(tc.tpl+" "+tc.name, func(t *testing.T) {
			tp := BuiltinTemplate(tc.tpl)
			f := TemplateExample(tp)
			tc.edit(f)
			got := errorsAt(f, tp)
			if len(got) != len(tc.want) {
				t.Fatalf("errors:\n%s\nwant %d", strings.Join(got, "\n"), len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("error %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestFrameworkHint(t *testing.T) {
	tp := BuiltinTemplate(HubeiTemplateID)
	f := TemplateExample(tp)
	f.Indicators[0].Level1 = "履职效能"
	f.Indicators[1].Level2 = "数量质量"
	var hints []string
	for _, fd := range CheckWith(f, tp) {
		if fd.Severity == SevHint && fd.Loc.Part == PartIndicators {
			hints = append(hints, fd.Message)
		}
	}
	if len(hints) != 2 || !strings.Contains(hints[0], "一级指标“履职效能”不在表样") || !strings.Contains(hints[1], "二级指标“数量质量”不在") {
		t.Fatalf("hints = %q", hints)
	}
}

func TestShares(t *testing.T) {
	cases := []struct {
		typed         string
		amount, total string
		ok, parsed    bool
	}{
		{"74.8%", "724.2318", "968.1918", true, true},
		{"74.8 ％", "724.2318", "968.1918", true, true},
		{"75%", "724.2318", "968.1918", true, true},
		{"74.80", "724.2318", "968.1918", true, true},
		{"0.748", "724.2318", "968.1918", true, true},
		{"74.9%", "724.2318", "968.1918", false, true},
		{"25.2%", "243.96", "968.1918", true, true},
		{"百分之七十", "243.96", "968.1918", false, false},
		{"0%", "0", "0", true, true},
	}
	for _, tc := range cases {
		ok, parsed := ShareMatches(tc.typed, MustAmount(tc.amount).Money(), MustAmount(tc.total).Money())
		if ok != tc.ok || parsed != tc.parsed {
			t.Errorf("ShareMatches(%q, %s, %s) = %v %v, want %v %v", tc.typed, tc.amount, tc.total, ok, parsed, tc.ok, tc.parsed)
		}
	}
	if s := FormatShare(MustAmount("243.96").Money(), MustAmount("968.1918").Money()); s != "25.2%" {
		t.Errorf("FormatShare = %s", s)
	}
	if s := FormatShare(1, 0); s != "" {
		t.Errorf("FormatShare with 0 total = %q", s)
	}
}

func TestParseTemplateRefusesBadFiles(t *testing.T) {
	good, err := MarshalTemplate(BuiltinTemplate(HubeiTemplateID))
	if err != nil {
		t.Fatal(err)
	}
	swap := func(old, new string) []byte { return []byte(strings.Replace(string(good), old, new, 1)) }
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"not json", []byte("PK\x03\x04\xff\xfe zip"), "不是 UTF-8 文本"},
		{"truncated", good[:strings.LastIndex(string(good[:len(good)/2]), ",")], "JSON 格式有误"},
		{"a form, not a template", []byte(`{"format":"jixiao-form","version":1,"form":{}}`), "不是 jixiao 表样文件"},
		{"no format", []byte(`{"template":{}}`), "缺少 \"format\""},
		{"newer", swap(`"version": 1,`, `"version": 9,`), "请升级 jixiao"},
		{"bad id", swap(`"id": "hubei"`, `"id": "../../etc/passwd"`), "id：编号“../../etc/passwd”无效"},
		{"unknown section", swap(`"duties",`, `"script",`), "不认识的部分“script”"},
		{"unknown field", swap(`"title":`, `"exec": "rm -rf /", "title":`), "第 8 行 exec：有本程序不认识的项“exec”"},
		{"control char", swap(`"title": "部门整体支出绩效目标申报表"`, `"title": "部门\u0007整体"`), "title：标题含有控制字符"},
		{"huge", append([]byte(`{"format":"jixiao-template","version":1,"template":{"name":"`), make([]byte, MaxTemplateFile)...), "超过 1024 KB"},
		{"no indicators", swap(`"indicators"`, `"goals2"`), "不认识的部分“goals2”"},
		{"negative weight sum", swap(`"fundsShares": true`, `"fundsShares": true, "weightSum": -5`), "rules › weightSum：权重合计应在 0 到 10000 之间"},
		{"bad paper", swap(`"paper": "A4"`, `"paper": "Letter"`), "纸张“Letter”不支持"},
		{"wrong type", swap(`"version": 1,`, `"version": "一",`), "值类型不对"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tp, err := ParseTemplate(tc.data)
			if err == nil {
				t.Fatalf("accepted: %+v", tp)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "未导入") && !strings.Contains(err.Error(), "升级") {
				t.Fatalf("error %q, want it to contain %q", err, tc.want)
			}
			if c := ErrorCode(err); c != EINVALID && c != EUNSUPPORTED {
				t.Errorf("code %q, want %q or %q", c, EINVALID, EUNSUPPORTED)
			}
		})
	}
}

func TestFindTemplateVersions(t *testing.T) {
	v2 := BuiltinTemplate(HubeiTemplateID)
	v2.Version, v2.Name = 2, "湖北 2022 修订"
	other := BuiltinTemplate(HubeiTemplateID)
	other.ID = "bureau"
	extra := []*Template{v2, other}
	cases := []struct {
		ref  TemplateRef
		want string
		ver  int
	}{
		{TemplateRef{ID: HubeiTemplateID, Version: 1}, HubeiTemplateID, 1},
		{TemplateRef{ID: HubeiTemplateID, Version: 2}, HubeiTemplateID, 2},
		{TemplateRef{ID: HubeiTemplateID, Version: 7}, HubeiTemplateID, 2},
		{TemplateRef{ID: "bureau", Version: 1}, "bureau", 1},
		{TemplateRef{}, DefaultTemplateID, 1},
	}
	for _, tc := range cases {
		got := FindTemplate(tc.ref, extra)
		if got == nil || got.ID != tc.want || got.Version != tc.ver {
			t.Errorf("FindTemplate(%+v) = %+v", tc.ref, got)
		}
	}
	if FindTemplate(TemplateRef{ID: "nope"}, extra) != nil {
		t.Error("unknown id found")
	}
	if TemplateOf(&Form{Template: TemplateRef{ID: "nope"}}, nil).ID != DefaultTemplateID {
		t.Error("unknown template does not fall back to the default")
	}
}
