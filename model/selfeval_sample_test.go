package model

import (
	"strings"
	"testing"
)

// TestSampleEvalByHand carries the built-in sample to 年度自评 with the
// worked example's values (SampleEvalValues) and checks every 得分, the
// 总分 and the 等级 against a computation by hand:
//
// 预算执行率 row: Σ全年预算数 = Σ合计 = 7898.5676 万元; every task executes
// its 合计 except 办公大楼改造 (630 → 567), so Σ全年执行数 = 7898.5676 − 63 =
// 7835.5676; 10 × 7835.5676 ÷ 7898.5676 = 9.92023… → 9.92.
//
// Indicators (分值 90 = 3×2 + 28×3), the rows below full marks:
//
//	工作目标合理性   部分达成            2 ÷ 2            = 1.00  (−1.00)
//	总体工作完成率   48 ÷ 50 = 96%      3 × 96/100       = 2.88  (−0.12)
//	年度工作目标实现率 90%               3 × 90/100       = 2.70  (−0.30)
//	预算调整率 ≤20%   25%                3 × 20/25        = 2.40  (−0.60)
//	支出管理规范性   未达成              0                = 0.00  (−3.00)
//	政府采购执行率 ≥95% 93%              3 × 93/95 = 2.9368… → 2.94 (−0.06)
//	资产管理规范性   部分达成            3 ÷ 2            = 1.50  (−1.50)
//	对口部门满意度 ≥90% 88%              3 × 88/90 = 2.9333… → 2.93 (−0.07)
//	培训计划执行率 100% 11 ÷ 12 = 91.666667% 3 × 0.91666667 = 2.75000001 → 2.75 (−0.25)
//
// and full marks elsewhere: 预算执行率 ≥98% from its formula 99.20%, 结转结余
// 变动率 ≤5% at −3%, 企业满意度 ≥80% at exactly 80%, 外部监督部门满意度 ≥90% at
// 90%. Deductions 1 + 0.12 + 0.3 + 0.6 + 3 + 0.06 + 1.5 + 0.07 + 0.25 = 6.90,
// so the indicators score 90 − 6.90 = 83.10 and
//
//	总分 = 9.92 + 83.10 = 93.02, 等级 优.
func TestSampleEvalByHand(t *testing.T) {
	f := SampleEval(testNow)
	ev := Evaluate(f)
	if ev.Budget.Score.StringFixed(2) != "9.92" || ev.Budget.Rate.StringFixed(2) != "99.20" ||
		ev.Budget.Budget.String() != "7898.5676" || ev.Budget.Executed.String() != "7835.5676" {
		t.Errorf("budget row %+v", ev.Budget)
	}
	want := map[string]string{
		"工作目标合理性": "1.00", "总体工作完成率": "2.88", "年度工作目标实现率": "2.70", "预算调整率": "2.40",
		"支出管理规范性": "0.00", "政府采购执行率": "2.94", "资产管理规范性": "1.50", "对口部门满意度": "2.93",
		"培训计划执行率": "2.75", "目标依据充分性": "2.00", "预算执行率": "3.00", "结转结余变动率": "3.00",
		"企业满意度": "3.00", "外部监督部门满意度": "3.00",
	}
	scored := 0
	for r, s := range ev.Rows {
		in := f.Indicators[r]
		if s.State == ScoreNone {
			continue
		}
		scored++
		if s.State != ScoreOK {
			t.Errorf("%s: state %d %s", in.Name(), s.State, s.Message)
			continue
		}
		w, ok := want[in.Name()]
		if !ok {
			w = s.Weight.StringFixed(2) // full marks
		}
		if s.Score.StringFixed(2) != w {
			t.Errorf("%s: 得分 %s, want %s", in.Name(), s.Score.StringFixed(2), w)
		}
	}
	if scored != 31 || ev.WeightSum.String() != "90" {
		t.Errorf("scored %d rows, 分值 sum %s", scored, ev.WeightSum)
	}
	if ev.Total.StringFixed(2) != "93.02" || ev.Grade != "优" {
		t.Errorf("总分 %s 等级 %s, want 93.02 优", ev.Total.StringFixed(2), ev.Grade)
	}
	if r := ev.Rows[indexOf(f, "预算执行率")]; !r.FromFormula || r.Shown != "99.20%" {
		t.Errorf("预算执行率 shown %q from formula %v", r.Shown, r.FromFormula)
	}
	// The example is complete: no 自评 check fails.
	if fs := stageOnly(Check(f)); len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
}

func TestCarryFromEval(t *testing.T) {
	prev := SampleEval(testNow)
	prev.Units[0].Tasks[0].Monitor.Executed = MustAmount("50")
	g, _, err := CarryForward(prev, "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	if g.Stage != StageDeclare || g.Month != 0 || len(g.StageLog) != 0 || len(g.Adjustments) != 0 {
		t.Errorf("new year starts at %v with log %v", g.Stage, g.StageLog)
	}
	if g.Units[0].Tasks[0].Monitor != (TaskMonitor{}) || g.Units[0].Tasks[0].Eval != (TaskEval{}) {
		t.Error("task figures carried")
	}
	get := func(name string) Indicator { return g.Indicators[indexOf(g, name)] }
	in := get("政府采购执行率")
	if in.Last != (LastResult{Value: "≥95%", Actual: "93%", Weight: "3", Score: "2.94", NotMet: true}) {
		t.Errorf("last %+v", in.Last)
	}
	if in.Eval != (IndicatorEval{Weight: "3"}) {
		t.Errorf("eval carried %+v (only 分值 stays)", in.Eval)
	}
	if l := get("预算执行率").Last; l.Actual != "99.20%" || l.NotMet {
		t.Errorf("预算执行率 last %+v", l)
	}
	if l := get("支出管理规范性").Last; l.Actual != "未达成" || !l.NotMet || l.Score != "0.00" {
		t.Errorf("qualitative last %+v", l)
	}
	// Not met last year and the same target: a hint. Raised: none.
	fs := Check(g)
	hint := func(name string) bool {
		for _, x := range fs {
			if x.Severity == SevHint && x.Loc.Row == indexOf(g, name) && strings.Contains(x.Message, "今年的指标值没有提高") {
				return true
			}
		}
		return false
	}
	for _, name := range []string{"政府采购执行率", "预算调整率", "对口部门满意度", "支出管理规范性", "培训计划执行率"} {
		if !hint(name) {
			t.Errorf("no hint on %s", name)
		}
	}
	for _, name := range []string{"预算执行率", "群众满意度", "目标依据充分性"} {
		if hint(name) {
			t.Errorf("hint on met %s", name)
		}
	}
	g.Indicators[indexOf(g, "政府采购执行率")].Value = "≥96%"
	g.Indicators[indexOf(g, "预算调整率")].Value = "≤25%" // looser
	fs = Check(g)
	if hint("政府采购执行率") || !hint("预算调整率") {
		t.Error("raised/looser targets judged wrong")
	}
	// A draft that never reached 自评 carries no last results.
	h, _, _ := CarryForward(Sample(), "2021", nil)
	for _, in := range h.Indicators {
		if in.Last != (LastResult{}) {
			t.Fatalf("%s has last %+v", in.Name(), in.Last)
		}
	}
}

func TestNotRaised(t *testing.T) {
	tests := []struct {
		old, now string
		want     bool
	}{
		{"≥95%", "≥95%", true}, {"≥95%", "≥90%", true}, {"≥95%", "≥96%", false},
		{"≤20%", "≤20%", true}, {"≤20%", "≤25%", true}, {"≤20%", "≤15%", false},
		{"=10次", "=10次", true}, {"=10次", "=12次", false},
		{"100%", "100%", true}, {"充分", "充分", true}, {"充分", "有效", false},
		{"≥95%", "≤95%", false}, {"≥95%", "≥95个", false}, {"≥95%", "", false},
		// strict signs: >95% after ≥95% asks a little more; ≥95% after >95% does not
		{"≥95%", ">95%", false}, {">95%", "≥95%", true}, {">95%", ">95%", true}, {">95%", ">94%", true},
		{"≤5%", "<5%", false}, {"<5%", "≤5%", true}, {"<5%", "<6%", true}, {"<5%", "<4%", false},
	}
	for _, tt := range tests {
		if got := notRaised(ParseTarget(tt.old), ParseTarget(tt.now)); got != tt.want {
			t.Errorf("notRaised(%s, %s) = %v", tt.old, tt.now, got)
		}
	}
}
