package model

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestScoreQuantitative(t *testing.T) {
	tests := []struct {
		name      string
		target    string
		actual, w string
		want      string
		met       bool
	}{
		// ≥X and bare X%: W × min(A/X, 1)
		{"≥ met", "≥98%", "99", "10", "10.00", true},
		{"≥ exactly", "≥98%", "98", "10", "10.00", true},
		{"≥ short", "≥98%", "49", "10", "5.00", false},
		{"bare 100% short", "100%", "96", "3", "2.88", false},
		{"bare 100% over", "100%", "120", "3", "3.00", true},
		{"不低于 words", "不低于90%", "45", "8", "4.00", false},
		// >X: met only above X; equal misses (never full marks when not met)
		{"> above", ">95%", "95.5", "10", "10.00", true},
		{"> equal is not met", ">95%", "95", "10", "9.99", false},
		{"> below", ">95%", "76", "10", "8.00", false},
		{"> X=0 equal", ">0", "0", "5", "0.00", false},
		{"≥ short but rounds to full", "≥100%", "99.999", "3", "2.99", false},
		{"bare count", "47个", "40", "4.7", "4.00", false},
		{"≥ zero actual", "≥90%", "0", "10", "0.00", false},
		{"≥ negative actual clamps at 0", "≥10%", "-5", "10", "0.00", false},
		// X ≤ 0 for ≥: no ratio (divide by zero), met or not
		{"≥0 met (X=0, no division)", "≥0", "0", "5", "5.00", true},
		{"≥0 not met", "≥0%", "-1", "5", "0.00", false},
		// ≤X: W when A ≤ X, else W × X/A
		{"≤ met", "≤20%", "15", "3", "3.00", true},
		{"≤ equal", "≤20%", "20", "3", "3.00", true},
		{"≤ over", "≤20%", "25", "3", "2.40", false},
		{"≤ actual zero (no division)", "≤5%", "0", "3", "3.00", true},
		{"≤ X=0 over", "≤0", "2", "3", "0.00", false},
		{"≤ X negative met", "≤-5%", "-6", "3", "3.00", true},
		{"≤ X negative not met", "≤-5%", "-3", "3", "0.00", false},
		{"< over", "<5%", "10", "4", "2.00", false},
		{"< below", "<5%", "4.99", "4", "4.00", true},
		{"< equal is not met", "<5%", "5", "4", "3.99", false},
		{"< X=0 equal", "<0", "0", "4", "0.00", false},
		{"≤ over but rounds to full", "≤20%", "20.001", "3", "2.99", false},
		{"tiny weight not met", "≥98%", "97", "0.005", "0.00", false},
		// =X: W when equal, else W × max(0, 1 − |A−X|/X)
		{"= equal", "=100%", "100", "10", "10.00", true},
		{"= over", "=100%", "110", "10", "9.00", false},
		{"= under", "=100%", "90", "10", "9.00", false},
		{"= near rounds to full", "=100%", "99.9999", "10", "9.99", false},
		{"= far off", "=10次", "25", "10", "0.00", false},
		{"等于 words", "等于12次", "9", "6", "4.50", false},
		{"= X zero not equal (no division)", "=0", "1", "5", "0.00", false},
		{"= X zero equal", "=0", "0", "5", "5.00", true},
		// half-up rounding to 2 decimals
		{"round half up 2.935", "≥100%", "97.8333333", "3", "2.93", false},
		{"round .005 up", "≥200", "1.001", "1000", "5.01", false}, // 5.005 → 5.01
		{"round 2.9368 up", "≥95%", "93", "3", "2.94", false},
		{"zero weight", "≥98%", "50", "0", "0.00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := ParseTarget(tt.target)
			if tg.Kind != TargetNumber {
				t.Fatalf("target %q: %v", tt.target, tg.Reason)
			}
			got, met := ScoreQuantitative(tg, dec(tt.actual), dec(tt.w))
			if got.StringFixed(2) != tt.want || met != tt.met {
				t.Errorf("ScoreQuantitative(%s, %s, %s) = %s, %v; want %s, %v", tt.target, tt.actual, tt.w, got.StringFixed(2), met, tt.want, tt.met)
			}
		})
	}
}

func TestScoreQualitative(t *testing.T) {
	tests := []struct {
		state, w, want string
		ok             bool
	}{
		{"达成", "3", "3.00", true},
		{" 达成 ", "3", "3.00", true},
		{"部分达成", "3", "1.50", true},
		{"部分达成", "2.45", "1.23", true}, // 1.225 → 1.23 half up
		{"未达成", "3", "0.00", true},
		{"", "3", "0.00", false},
		{"完成", "3", "0.00", false},
		{"充分", "3", "0.00", false},
	}
	for _, tt := range tests {
		got, ok := ScoreQualitative(tt.state, dec(tt.w))
		if got.StringFixed(2) != tt.want || ok != tt.ok {
			t.Errorf("ScoreQualitative(%q, %s) = %s, %v; want %s, %v", tt.state, tt.w, got.StringFixed(2), ok, tt.want, tt.ok)
		}
	}
}

func TestGradeBands(t *testing.T) {
	tests := []struct{ total, want string }{
		{"100", "优"}, {"90", "优"}, {"89.995", "优"}, {"89.994", "良"}, {"89.99", "良"},
		{"80", "良"}, {"79.995", "良"}, {"79.99", "中"},
		{"60", "中"}, {"59.995", "中"}, {"59.994", "差"}, {"59.99", "差"}, {"0", "差"},
	}
	for _, tt := range tests {
		if got := Grade(dec(tt.total)); got != tt.want {
			t.Errorf("Grade(%s) = %s, want %s", tt.total, got, tt.want)
		}
	}
}

// evalForm is a one-task, one-indicator form at 年度自评.
func evalForm(value, weight, actual string) *Form {
	f := New("2020", "测试局", testNow)
	f.Units = []Unit{{Name: "机关", Tasks: []Task{{Content: "经费", Total: MustAmount("100"), Fiscal: MustAmount("100")}}}}
	f.Indicators = []Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "完成率", Value: value,
		Eval: IndicatorEval{Weight: weight, Actual: actual}}}
	if err := f.SetStage(StageEval, 0, testNow); err != nil {
		panic(err)
	}
	return f
}

// The band edges reached through the whole evaluation: the budget row
// scores 0 (nothing executed) and one indicator of 分值 100 with target ≥100
// and actual A scores 100 × A/100 = A before rounding (the target is not
// met, so the cap of an unmet row at 99.99 does not come into play).
func TestEvaluateBandEdges(t *testing.T) {
	tests := []struct{ actual, total, grade string }{
		{"59.995", "60.00", "中"}, // 59.995 rounds half up to 60.00
		{"59.994", "59.99", "差"},
		{"60", "60.00", "中"},
		{"89.995", "90.00", "优"},
		{"89.994", "89.99", "良"},
		{"90", "90.00", "优"},
	}
	for _, tt := range tests {
		f := evalForm("≥100", "100", tt.actual)
		f.Units[0].Tasks[0].Eval.Executed = MustAmount("0")
		ev := Evaluate(f)
		if ev.Total.StringFixed(2) != tt.total || ev.Grade != tt.grade {
			t.Errorf("actual %s: 总分 %s 等级 %s, want %s %s", tt.actual, ev.Total.StringFixed(2), ev.Grade, tt.total, tt.grade)
		}
	}
}

func TestEvaluateBudgetRow(t *testing.T) {
	tests := []struct {
		name             string
		total, adj, exec string
		score, rate      string
		rateOK           bool
		missing          int
	}{
		{"full", "100", "", "100", "10.00", "100.00", true, 0},
		{"over executed caps at 10", "100", "", "120", "10.00", "120.00", true, 0},
		{"adjusted budget counts", "100", "80", "60", "7.50", "75.00", true, 0},
		{"half", "100", "", "50", "5.00", "50.00", true, 0},
		{"third rounds", "3", "", "1", "3.33", "33.33", true, 0},
		{"missing executed counts 0", "100", "", "", "0.00", "0.00", true, 1},
		{"zero budget: no division", "0", "", "0", "0.00", "0", false, 0},
		{"adjusted to zero", "100", "0", "5", "0.00", "0", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := evalForm("≥1", "90", "1")
			tk := &f.Units[0].Tasks[0]
			tk.Total = MustAmount(tt.total)
			tk.Eval = TaskEval{Budget: ParseAmount(tt.adj), Executed: ParseAmount(tt.exec)}
			b := Evaluate(f).Budget
			if b.Score.StringFixed(2) != tt.score || b.RateOK != tt.rateOK || b.Missing != tt.missing {
				t.Errorf("score %s rateOK %v missing %d; want %s %v %d", b.Score.StringFixed(2), b.RateOK, b.Missing, tt.score, tt.rateOK, tt.missing)
			}
			if tt.rateOK && b.Rate.StringFixed(2) != tt.rate {
				t.Errorf("rate %s want %s", b.Rate.StringFixed(2), tt.rate)
			}
		})
	}
	f := evalForm("≥1", "90", "1")
	f.Units[0].Tasks[0].Total = MustAmount("0")
	f.Units[0].Tasks[0].Eval.Executed = MustAmount("0")
	if !hasFinding(Check(f), SevError, "无法计算预算执行率") {
		t.Error("zero budget gives no error")
	}
}

func TestScoreIndicatorStates(t *testing.T) {
	tests := []struct {
		name                  string
		in                    Indicator
		state                 ScoreState
		score, shown, message string
	}{
		{"no target", Indicator{Value: "", Eval: IndicatorEval{Weight: "3", Actual: "1"}}, ScoreNone, "0.00", "", ""},
		{"placeholder", Indicator{Level3: ".....", Value: "", Eval: IndicatorEval{Weight: "3"}}, ScoreNone, "0.00", "", ""},
		{"no weight", Indicator{Value: "≥98%", Eval: IndicatorEval{Actual: "99"}}, ScoreNoWeight, "0.00", "99", "请填写分值"},
		{"bad weight", Indicator{Value: "≥98%", Eval: IndicatorEval{Weight: "三", Actual: "99"}}, ScoreNoWeight, "0.00", "99", "不是数字"},
		{"missing actual", Indicator{Value: "≥98%", Eval: IndicatorEval{Weight: "3"}}, ScoreMissing, "0.00", "", "请填写实际完成值"},
		{"bad actual", Indicator{Value: "≥98%", Eval: IndicatorEval{Weight: "3", Actual: "九十八"}}, ScoreBadActual, "0.00", "九十八", "不是数字"},
		{"actual with other unit", Indicator{Value: "≥98%", Eval: IndicatorEval{Weight: "3", Actual: "98个"}}, ScoreBadActual, "0.00", "98个", "不是数字"},
		{"actual with unit", Indicator{Value: "≥47个", Eval: IndicatorEval{Weight: "4.7", Actual: "47个"}}, ScoreOK, "4.70", "47个", ""},
		{"full-width actual", Indicator{Value: "≤20%", Eval: IndicatorEval{Weight: "3", Actual: "２５％"}}, ScoreOK, "2.40", "２５％", ""},
		{"qualitative missing", Indicator{Value: "充分", Eval: IndicatorEval{Weight: "3"}}, ScoreMissing, "0.00", "", "达成、部分达成或未达成"},
		{"qualitative wrong word", Indicator{Value: "充分", Eval: IndicatorEval{Weight: "3", Actual: "充分"}}, ScoreBadActual, "0.00", "充分", "无法识别"},
		{"qualitative partly", Indicator{Value: "充分", Eval: IndicatorEval{Weight: "3", Actual: "部分达成"}}, ScoreOK, "1.50", "部分达成", ""},
		// rate indicators: the formula gives the actual value
		{"formula", Indicator{Value: "≥98%", Formula: "预算执行率", Inputs: map[string]string{"预算执行数": "96", "预算数": "100"},
			Eval: IndicatorEval{Weight: "10"}}, ScoreOK, "9.80", "96.00%", ""},
		{"formula wins over typed without reason", Indicator{Value: "≥98%", Formula: "预算执行率", Inputs: map[string]string{"预算执行数": "96", "预算数": "100"},
			Eval: IndicatorEval{Weight: "10", Actual: "99%"}}, ScoreOK, "9.80", "96.00%", ""},
		{"typed with reason overrides", Indicator{Value: "≥98%", Formula: "预算执行率", Inputs: map[string]string{"预算执行数": "96", "预算数": "100"},
			Eval: IndicatorEval{Weight: "10", Actual: "99%", Reason: "决算批复后的执行数"}}, ScoreOK, "10.00", "99%", ""},
		{"formula divide by zero, typed used", Indicator{Value: "≥98%", Formula: "预算执行率", Inputs: map[string]string{"预算执行数": "96", "预算数": "0"},
			Eval: IndicatorEval{Weight: "10", Actual: "49"}}, ScoreOK, "5.00", "49", ""},
		{"formula divide by zero, nothing typed", Indicator{Value: "≥98%", Formula: "预算执行率", Inputs: map[string]string{"预算执行数": "96", "预算数": "0"},
			Eval: IndicatorEval{Weight: "10"}}, ScoreMissing, "0.00", "", "不能除以0"},
		{"formula inputs missing", Indicator{Value: "≥98%", Formula: "预算执行率", Eval: IndicatorEval{Weight: "10"}}, ScoreMissing, "0.00", "", "请填写“预算执行数”"},
		{"negative change rate", Indicator{Value: "≤5%", Eval: IndicatorEval{Weight: "3", Actual: "-3%"}}, ScoreOK, "3.00", "-3%", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreIndicator(tt.in)
			if s.State != tt.state || s.Score.StringFixed(2) != tt.score || s.Shown != tt.shown || !strings.Contains(s.Message, tt.message) {
				t.Errorf("got state %d score %s shown %q msg %q; want %d %s %q %q", s.State, s.Score.StringFixed(2), s.Shown, s.Message, tt.state, tt.score, tt.shown, tt.message)
			}
			if tt.message == "" && s.Message != "" {
				t.Errorf("unexpected message %q", s.Message)
			}
		})
	}
}

func TestEvalChecks(t *testing.T) {
	f := evalForm("≥98%", "80", "49")
	f.Units[0].Tasks[0].Eval.Executed = MustAmount("100")
	fs := Check(f)
	for _, want := range []string{"分值加起来是 80，应为 90", "低于分值 80，请填写偏差原因分析"} {
		if !hasFinding(fs, SevError, want) {
			t.Errorf("no error %q in %v", want, fs)
		}
	}
	f.Indicators[0].Eval.Weight = "90"
	f.Indicators[0].Eval.Analysis = "采购延期，明年提前招标"
	if e, _ := CountFindings(stageOnly(Check(f))); e != 0 {
		t.Errorf("errors left: %v", Check(f))
	}
	// A typed value beside a formula without a reason.
	f.Indicators[0].Formula = "预算执行率"
	f.Indicators[0].Inputs = map[string]string{"预算执行数": "98", "预算数": "100"}
	f.Indicators[0].Eval.Actual = "99%"
	if !hasFinding(Check(f), SevError, "请写明改用手填值的原因") {
		t.Error("typed value without reason not reported")
	}
	f.Indicators[0].Eval.Actual = "98.00%" // the same as the formula
	if hasFinding(Check(f), SevError, "请写明改用手填值的原因") {
		t.Error("typed value equal to the formula reported")
	}
	// Missing 全年执行数 names the task.
	f.Units[0].Tasks[0].Eval.Executed = Amount{}
	if !hasFinding(Check(f), SevError, "请填写全年执行数") {
		t.Error("missing 全年执行数 not reported")
	}
}

// stageOnly keeps the findings of the 监控/自评 checks (their fields).
func stageOnly(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		switch f.Loc.Field {
		case FieldExecuted, FieldForecast, FieldLikelihood, FieldCause, FieldMeasures,
			FieldBudgetAdj, FieldExecYear, FieldEvalWeight, FieldActual, FieldReason, FieldAnalysis:
			out = append(out, f)
		}
	}
	return out
}

func hasFinding(fs []Finding, sev Severity, substr string) bool {
	for _, f := range fs {
		if f.Severity == sev && strings.Contains(f.Message, substr) {
			return true
		}
	}
	return false
}

func TestSuggestWeights(t *testing.T) {
	mk := func(l1s ...string) *Form {
		f := New("2020", "局", testNow)
		for _, l := range l1s {
			f.Indicators = append(f.Indicators, Indicator{Level1: l, Level3: "x", Value: "≥1"})
		}
		return f
	}
	tests := []struct {
		name string
		f    *Form
		want []string
	}{
		{"groups", mk("产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"), []string{"16.67", "16.67", "16.66", "30", "10"}},
		{"even when a group is missing", mk("产出指标", "效益指标"), []string{"45", "45"}},
		{"even for other 一级", mk("履职效能", "管理效率", "服务满意"), []string{"30", "30", "30"}},
		{"seven rows", mk("a", "a", "a", "a", "a", "a", "a"), []string{"12.86", "12.86", "12.86", "12.86", "12.86", "12.85", "12.85"}},
	}
	for _, tt := range tests {
		got := SuggestWeights(tt.f)
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: %v want %v", tt.name, got, tt.want)
		}
		sum := decimal.Zero
		for _, w := range got {
			sum = sum.Add(dec(w))
		}
		if !sum.Equal(IndicatorPoints) {
			t.Errorf("%s: sum %s", tt.name, sum)
		}
	}
	// Rows without a target get no share, and nothing is applied.
	f := Sample()
	got := SuggestWeights(f)
	n := 0
	for r, w := range got {
		if (w != "") != f.Indicators[r].Scorable() {
			t.Errorf("row %d %q: suggestion %q", r, f.Indicators[r].Name(), w)
		}
		if w != "" {
			n++
		}
		if f.Indicators[r].Eval.Weight != "" {
			t.Errorf("row %d: weight applied", r)
		}
	}
	if n != 31 {
		t.Errorf("sample has %d scorable rows, want 31", n)
	}
}
