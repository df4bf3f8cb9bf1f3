package model

import (
	"strings"

	"github.com/shopspring/decimal"
)

// evalChecks are the 自评's checks: every task's 全年执行数, the 分值 adding
// up to 90, each indicator's 实际完成值, a typed value replacing a formula's
// only with a reason, and the 偏差原因分析 wherever 得分 < 分值.
func (c *checker) eval() {
	f := c.f
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			if t.Eval.Budget.State() == AmountInvalid {
				c.note(SevError, taskLoc(u, r, FieldBudgetAdj), AmountReason(t.Eval.Budget, "全年预算数"))
			}
			switch t.Eval.Executed.State() {
			case AmountEmpty:
				c.add(SevError, taskLoc(u, r, FieldExecYear), "请填写全年执行数（万元，没有支出填0）")
			case AmountInvalid:
				c.note(SevError, taskLoc(u, r, FieldExecYear), AmountReason(t.Eval.Executed, "全年执行数"))
			}
		}
	}
	ev := Evaluate(f)
	if ev.Budget.Missing == 0 && !ev.Budget.RateOK && f.TaskCount() > 0 {
		c.add(SevError, unitLoc(-1, FieldBudgetAdj), "全年预算数合计为0，无法计算预算执行率（不能除以0）；请核对全年预算数")
	}
	weighted := true
	for r, s := range ev.Rows {
		in := &f.Indicators[r]
		switch s.State {
		case ScoreNone:
			continue
		case ScoreNoWeight:
			weighted = false
			c.note(SevError, indLoc(r, FieldEvalWeight), s.Message)
			continue
		case ScoreMissing, ScoreBadActual:
			c.note(SevError, indLoc(r, FieldActual), s.Message)
			continue
		}
		typed := strings.TrimSpace(in.Eval.Actual)
		if s.FromFormula && typed != "" {
			if a, err := ParseActual(typed, s.Target); err != "" || !a.Equal(s.Formula.Value.Round(2)) {
				c.add(SevError, indLoc(r, FieldReason), "手填的实际完成值“%s”与计算结果 %s 不同：请写明改用手填值的原因，或清空手填值", shown(typed), s.Formula.Display())
			}
		}
		if s.Score.LessThan(s.Weight) && blank(in.Eval.Analysis) {
			c.add(SevError, indLoc(r, FieldAnalysis), "得分 %s 低于分值 %s，请填写偏差原因分析及改进措施", s.Score.StringFixed(2), s.Weight.String())
		}
	}
	if weighted && !ev.WeightSum.Equal(IndicatorPoints) {
		c.add(SevError, Location{Part: PartIndicators, Unit: -1, Row: -1, Field: FieldEvalWeight},
			"自评各指标分值加起来是 %s，应为 90（预算执行率另占10分）；可参考“建议分值”后调整", ev.WeightSum.String())
	}
}

// level1Group names the default group of a 一级指标: 产出, 效益, 满意度 or "".
func level1Group(s string) string {
	switch {
	case strings.Contains(s, "产出"):
		return "产出"
	case strings.Contains(s, "效益"):
		return "效益"
	case strings.Contains(s, "满意"):
		return "满意度"
	}
	return ""
}

// SuggestWeights proposes a 分值 for every scorable indicator row (""
// for the others), adding up to exactly 90: 产出 50, 效益 30, 满意度 10
// shared evenly inside each group when every scorable row's 一级指标 is one
// of those three and all three are present; else 90 shared evenly. Shares
// are in 0.01 points; the first rows of a group take the odd cents. It is
// only a suggestion: nothing is applied until the clerk accepts it.
func SuggestWeights(f *Form) []string {
	out := make([]string, len(f.Indicators))
	var rows []int
	groups := map[string][]int{}
	grouped := true
	for r, in := range f.Indicators {
		if !in.Scorable() {
			continue
		}
		rows = append(rows, r)
		g := level1Group(in.Level1)
		if g == "" {
			grouped = false
		}
		groups[g] = append(groups[g], r)
	}
	if len(rows) == 0 {
		return out
	}
	share := func(cents int64, rs []int) {
		n := int64(len(rs))
		base, extra := cents/n, cents%n
		for i, r := range rs {
			c := base
			if int64(i) < extra {
				c++
			}
			out[r] = decimal.New(c, -2).String()
		}
	}
	if grouped && len(groups["产出"]) > 0 && len(groups["效益"]) > 0 && len(groups["满意度"]) > 0 {
		share(5000, groups["产出"])
		share(3000, groups["效益"])
		share(1000, groups["满意度"])
		return out
	}
	share(9000, rows)
	return out
}

// lastYear checks, after a 复制上年 from a 自评 draft, the indicators whose
// target was not met last year and whose target this year is not higher.
func (c *checker) lastYear() {
	for r := range c.f.Indicators {
		in := &c.f.Indicators[r]
		if !in.Last.NotMet || !notRaised(ParseTarget(in.Last.Value), ParseTarget(in.Value)) {
			continue
		}
		c.add(SevHint, indLoc(r, FieldValue), "上年指标值 %s 未完成（上年完成值 %s，得分 %s/%s），今年的指标值没有提高；请确认",
			shown(in.Last.Value), orDash(in.Last.Actual), orDash(in.Last.Score), orDash(in.Last.Weight))
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// notRaised reports whether this year's target now asks no more than last
// year's old: the same text, or the same comparison and unit with a figure
// not higher (for ≥) or not lower (for ≤). Targets that cannot be compared
// give false.
func notRaised(old, now Target) bool {
	if old.Kind == TargetQualitative && now.Kind == TargetQualitative {
		return old.Text == now.Text
	}
	if old.Kind != TargetNumber || now.Kind != TargetNumber || old.Unit != now.Unit {
		return false
	}
	ro, rn := ruleOf(old), ruleOf(now)
	switch {
	case ro == ruleEqual || rn == ruleEqual:
		return ro == rn && now.Number.Equal(old.Number)
	case ro.upward() != rn.upward():
		return false
	case now.Number.Equal(old.Number):
		// >X after ≥X asks a little more; the other pairs ask no more.
		return !rn.strict() || ro.strict()
	case ro.upward():
		return now.Number.LessThan(old.Number)
	}
	return now.Number.GreaterThan(old.Number)
}

// carryStages is 复制上年's part for the stages: the new form starts at 申报
// with no 监控 or 自评 figures; when prev reached its 自评, each indicator
// keeps last year's result (上年完成值, 得分) and its 分值.
func carryStages(prev, f *Form) {
	var ev Evaluation
	evaluated := prev.Stage == StageEval
	if evaluated {
		ev = Evaluate(prev)
	}
	f.Stage, f.Month, f.StageLog, f.Adjustments = StageDeclare, 0, nil, nil
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			t.Monitor, t.Eval = TaskMonitor{}, TaskEval{}
		}
	}
	for r := range f.Indicators {
		in := &f.Indicators[r]
		in.Last = LastResult{}
		if evaluated && r < len(ev.Rows) && ev.Rows[r].State == ScoreOK {
			s := ev.Rows[r]
			in.Last = LastResult{Value: prev.Indicators[r].Value, Actual: s.Shown, Weight: s.Weight.String(),
				Score: s.Score.StringFixed(2), NotMet: !s.Met}
		}
		in.Monitor = IndicatorMonitor{}
		in.Eval = IndicatorEval{Weight: in.Eval.Weight}
	}
}
