package model

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// rateCase evaluates the formula key with positional inputs against target.
type rateCase struct {
	key     string
	inputs  []string
	target  string
	display string
	met     MetState
}

func rateIndicator(key, target string, inputs []string) Indicator {
	f, ok := FormulaFor(key)
	in := Indicator{Level3: key, Value: target, Formula: key, Inputs: map[string]string{}}
	if ok {
		for i, v := range inputs {
			in.Inputs[f.Inputs[i]] = v
		}
	}
	return in
}

var rateCases = []rateCase{
	{"总体工作完成率", []string{"20", "20"}, "100%", "100.00%", Met},
	{"牵头单位工作完成率", []string{"19", "20"}, "100%", "95.00%", NotMet},
	{"重点工作计划完成率", []string{"7", "8"}, "100%", "87.50%", NotMet},
	{"年度工作目标实现率", []string{"34项", "34项"}, "100%", "100.00%", Met},
	{"专项资金细化率", []string{"5,000", "5000"}, "100%", "100.00%", Met},
	{"预算执行率", []string{"980", "1000"}, "≥98%", "98.00%", Met},
	{"预算执行率", []string{"7740.6万元", "7898.5676万元"}, "≥98%", "98.00%", Met},
	{"预算执行率", []string{"970", "1000"}, "≥98%", "97.00%", NotMet},
	{"预算调整率", []string{"150", "1000"}, "≤20%", "15.00%", Met},
	{"结转结余变动率", []string{"105", "100"}, "≤5%", "5.00%", Met},
	{"结转结余变动率", []string{"106", "100"}, "≤5%", "6.00%", NotMet},
	{"项目库管理完整性", []string{"1000", "0"}, "完整", "100.00%", MetUnknown},
	{"国库集中支付合规性", []string{"1000", "10"}, "合规", "99.00%", MetUnknown},
	{"政府采购执行率", []string{"94", "100"}, "≥95%", "94.00%", NotMet},
	{"部门固定资产利用率", []string{"990", "1000"}, "≥98%", "99.00%", Met},
	{"在职人员经费变动率", []string{"2100", "2000"}, "", "5.00%", MetUnknown},
	{"离退休人员经费变动率", []string{"950", "1000"}, "≤0%", "-5.00%", Met},
	{"人均公用经费变动率", []string{"300", "100人", "280", "100人"}, "≤5%", "7.14%", NotMet},
	{"“三公经费”变动率", []string{"90", "100"}, "≤-5%", "-10.00%", Met},
	{"厉行节约支出变动率", []string{"100", "100"}, "≤0%", "0.00%", Met},
	{"总体成本节约率", []string{"1000", "950"}, "≥5%", "5.00%", Met},
	{"群众满意度", []string{"850", "1000"}, "≥80%", "85.00%", Met},
	{"对口部门满意度", []string{"17", "20"}, "≥90%", "85.00%", NotMet},
	{"企业满意度", []string{"1", "3"}, "≥80%", "33.33%", NotMet},
	{"社会组织满意度", []string{"2", "3"}, "≥60%", "66.67%", Met},
	{"外部监督部门满意度", []string{"9", "10"}, "≥90%", "90.00%", Met},
	{"培训计划执行率", []string{"１２", "１２"}, "100%", "100.00%", Met},
	{"高级职称人才比重", []string{"15", "120"}, "≥10%", "12.50%", Met},
	{"资产闲置率", []string{"10", "1000"}, "≤5%", "1.00%", Met},
	{"在职人员控制率", []string{"98", "100"}, "≤100%", "98.00%", Met},
	{"公用经费控制率", []string{"105", "100"}, "≤100%", "105.00%", NotMet},
	{"重点支出安排率", []string{"850", "1000"}, "≥90%", "85.00%", NotMet},
	{"资金到位率", []string{"1000", "1000"}, "100%", "100.00%", Met},
	{"到位及时率", []string{"900", "1000"}, "100%", "90.00%", NotMet},
	// The comparison uses the value as shown: 97.999% shows as 98.00%.
	{"预算执行率", []string{"979.99", "1000"}, "≥98%", "98.00%", Met},
}

func TestEvalRateEveryFormula(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range rateCases {
		covered[tc.key] = true
		r := EvalRate(rateIndicator(tc.key, tc.target, tc.inputs))
		if r.State != RateOK {
			t.Errorf("%s %v: state %d (%s)", tc.key, tc.inputs, r.State, r.Message)
			continue
		}
		if got := r.Display(); got != tc.display {
			t.Errorf("%s %v = %s, want %s", tc.key, tc.inputs, got, tc.display)
		}
		if r.Met != tc.met {
			t.Errorf("%s %v = %s against %q: %q, want %q", tc.key, tc.inputs, r.Display(), tc.target, r.Met, tc.met)
		}
		if r.Message != "" {
			t.Errorf("%s: message %q on success", tc.key, r.Message)
		}
	}
	for _, f := range Formulas {
		if !covered[f.Key] {
			t.Errorf("formula %s has no test case", f.Key)
		}
		if len(f.Inputs) == 0 || !strings.Contains(f.Text, f.Key) {
			t.Errorf("formula %s: inputs %v, text %q", f.Key, f.Inputs, f.Text)
		}
	}
}

// Every indicator of the seed that has a formula computes from its inputs
// and is compared with its own 指标值.
func TestEvalRateSampleIndicators(t *testing.T) {
	n := 0
	for _, in := range Sample().Indicators {
		if in.Formula == "" {
			continue
		}
		n++
		f, _ := FormulaFor(in.Formula)
		r := EvalRate(in)
		if r.State != RateMissing || len(r.Missing) != len(f.Inputs) || !strings.Contains(r.Message, f.Inputs[0]) {
			t.Errorf("%s without inputs: state %d, missing %v, %q", in.Name(), r.State, r.Missing, r.Message)
		}
		in.Inputs = map[string]string{}
		for _, name := range f.Inputs {
			in.Inputs[name] = "50"
		}
		in.Inputs[f.Inputs[0]] = "49"
		r = EvalRate(in)
		if r.State != RateOK || r.Display() == "" {
			t.Errorf("%s: state %d %q", in.Name(), r.State, r.Message)
			continue
		}
		tg := ParseTarget(in.Value)
		if want := tg.Reaches(r.Value.Round(2)); r.Met != want || r.Target.Raw != in.Value {
			t.Errorf("%s = %s against %q: %q, want %q", in.Name(), r.Display(), in.Value, r.Met, want)
		}
		if tg.Kind == TargetNumber && r.Met == MetUnknown {
			t.Errorf("%s: numeric target %q but met unknown", in.Name(), in.Value)
		}
	}
	if n != 25 {
		t.Errorf("%d seed indicators with a formula, want 25", n)
	}
}

func TestEvalRateStates(t *testing.T) {
	tests := []struct {
		name    string
		in      Indicator
		state   RateState
		message string
	}{
		{"no formula", Indicator{Level3: "目标依据充分性", Value: "充分"}, RateNone, ""},
		{"unknown formula", Indicator{Level3: "x", Formula: "不存在的公式"}, RateNone, ""},
		{"nothing filled in", rateIndicator("预算执行率", "≥98%", nil), RateMissing, "请填写“预算执行数”“预算数”"},
		{"one input missing", rateIndicator("预算执行率", "≥98%", []string{"980", " "}), RateMissing, "请填写“预算数”"},
		{"input not a number", rateIndicator("预算执行率", "≥98%", []string{"九百八", "1000"}), RateBadInput, "“预算执行数”不是数字"},
		{"negative input", rateIndicator("预算执行率", "≥98%", []string{"-5", "1000"}), RateBadInput, "“预算执行数”不是数字"},
		{"bad beats missing", rateIndicator("预算执行率", "≥98%", []string{"1.2.3", ""}), RateBadInput, "不是数字"},
		{"ratio divisor zero", rateIndicator("预算执行率", "≥98%", []string{"980", "0"}), RateDivZero, "“预算数”为0"},
		{"change divisor zero", rateIndicator("结转结余变动率", "≤5%", []string{"10", "0.00"}), RateDivZero, "“上年度累计结转结余资金总额”为0"},
		{"remain divisor zero", rateIndicator("总体成本节约率", "", []string{"0", "0"}), RateDivZero, "“总预算支出额”为0"},
		{"per capita: no staff this year", rateIndicator("人均公用经费变动率", "", []string{"300", "0", "280", "100"}), RateDivZero, "“本年度实际在职人数”为0"},
		{"per capita: no staff last year", rateIndicator("人均公用经费变动率", "", []string{"300", "100", "280", "0"}), RateDivZero, "“上年度实际在职人数”为0"},
		{"per capita: last year's spending zero", rateIndicator("人均公用经费变动率", "", []string{"300", "100", "0", "100"}), RateDivZero, "“上年度人均公用经费”为0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := EvalRate(tc.in)
			if r.State != tc.state {
				t.Fatalf("state %d (%q), want %d", r.State, r.Message, tc.state)
			}
			if !strings.Contains(r.Message, tc.message) {
				t.Errorf("message %q, want it to contain %q", r.Message, tc.message)
			}
			if r.Display() != "" || r.Met != MetUnknown {
				t.Errorf("not computed, yet Display %q Met %q", r.Display(), r.Met)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	good := map[string]string{"1273.3": "1273.3", "１，２７３": "1273", " 98 人": "98", "0.123456": "0.123456", "12个": "12", "3.5万元": "3.5", "5%": "5"}
	for in, want := range good {
		d, err := ParseNumber(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseNumber(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"abc", "-1", "1.2.3", ".", "1e5", "九"} {
		if _, err := ParseNumber(in); err == nil || err == errEmpty {
			t.Errorf("ParseNumber(%q) accepted", in)
		}
	}
	if _, err := ParseNumber("  "); err != errEmpty {
		t.Errorf("blank: %v", err)
	}
}

func TestFormulaKeysUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Formulas {
		if seen[f.Key] {
			t.Errorf("duplicate %s", f.Key)
		}
		seen[f.Key] = true
		if g, ok := FormulaFor(f.Key); !ok || g.Key != f.Key {
			t.Errorf("FormulaFor(%s)", f.Key)
		}
	}
	if _, ok := FormulaFor("nope"); ok {
		t.Error("FormulaFor(nope)")
	}
}

// sampleInputs fills every input of f with a plausible figure.
func sampleInputs(f Formula) map[string]string {
	in := map[string]string{}
	for i, name := range f.Inputs {
		in[name] = []string{"95", "100", "80", "90"}[i%4]
	}
	return in
}

// Every formula a form (or the 指标库, model/library) can name parses and
// evaluates.
func TestEveryFormulaEvaluates(t *testing.T) {
	for _, f := range Formulas {
		if len(f.Inputs) < 2 || !strings.HasPrefix(f.Text, f.Key) {
			t.Errorf("%s: inputs %v, text %q", f.Key, f.Inputs, f.Text)
		}
		r := EvalRate(Indicator{Formula: f.Key, Value: "≥90%", Inputs: sampleInputs(f)})
		if r.State != RateOK {
			t.Errorf("%s: %v %s", f.Key, r.State, r.Message)
		}
	}
	// The 53号 rates compute what their formulas say.
	for key, want := range map[string]string{"重点支出安排率": "95", "资金到位率": "95", "到位及时率": "95", "在职人员控制率": "95", "“三公经费”变动率": "-5"} {
		f, _ := FormulaFor(key)
		r := EvalRate(Indicator{Formula: key, Inputs: sampleInputs(f)})
		if r.State != RateOK || !r.Value.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s = %v (%s), want %s%%", key, r.Value, r.Message, want)
		}
	}
}
