package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// TaskEval is a task row's 年度自评 figures (万元).
type TaskEval struct {
	// Budget is the 全年预算数 (调整后); empty means the budget was not
	// adjusted and the 年初预算数 (the declared 合计) counts.
	Budget   Amount `json:"budget,omitzero"`
	Executed Amount `json:"executed,omitzero"` // 全年执行数
}

// IndicatorEval is an indicator's 年度自评 values, all as typed.
type IndicatorEval struct {
	Weight string `json:"weight,omitempty"` // 分值 (the indicators' 分值 add up to 90)
	// Actual is the 实际完成值: a number (98.5%, 47个) or, for a
	// qualitative target, 达成, 部分达成 or 未达成. For a rate indicator
	// whose formula inputs are filled it is computed, and a typed value
	// replaces the computed one only with a Reason.
	Actual   string `json:"actual,omitempty"`
	Reason   string `json:"reason,omitempty"`   // why a typed value replaces the formula's
	Analysis string `json:"analysis,omitempty"` // 偏差原因分析及改进措施
}

// LastResult is last year's 自评 of an indicator, kept when a 自评 draft is
// carried forward (上年完成值, 上年得分).
type LastResult struct {
	Value  string `json:"value,omitempty"`  // last year's 指标值
	Actual string `json:"actual,omitempty"` // last year's 实际完成值 as shown
	Weight string `json:"weight,omitempty"` // 分值
	Score  string `json:"score,omitempty"`  // 得分
	NotMet bool   `json:"notMet,omitempty"` // the target was not reached
}

// The 自评's columns, as findings name them.
const (
	FieldBudgetAdj  Field = "全年预算数"
	FieldExecYear   Field = "全年执行数"
	FieldEvalWeight Field = "分值（自评）"
	FieldActual     Field = "实际完成值"
	FieldReason     Field = "手填原因"
	FieldAnalysis   Field = "偏差原因分析及改进措施"
)

// Points of the default scoring (财预〔2020〕10号 as restated; see docs/selfeval.md).
var (
	BudgetPoints    = decimal.NewFromInt(10) // the 预算执行率 row
	IndicatorPoints = decimal.NewFromInt(90) // all indicators together
)

// Qualitative 完成情况 of a 自评.
const (
	Achieved    = "达成"
	PartAchieve = "部分达成"
	NotAchieved = "未达成"
)

// RoundScore rounds a score to 2 decimals, half up (scores are never negative).
func RoundScore(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// Grade is the 等级 of a 总分, after rounding it to 2 decimals:
// ≥ 90 优, 80–89.99 良, 60–79.99 中, < 60 差.
func Grade(total decimal.Decimal) string {
	t := RoundScore(total)
	switch {
	case t.GreaterThanOrEqual(decimal.NewFromInt(90)):
		return "优"
	case t.GreaterThanOrEqual(decimal.NewFromInt(80)):
		return "良"
	case t.GreaterThanOrEqual(decimal.NewFromInt(60)):
		return "中"
	}
	return "差"
}

// ruleKind is which scoring rule a target takes.
type ruleKind uint8

const (
	ruleAtLeast ruleKind = iota // ≥X, a bare X
	ruleAbove                   // >X: met only when the actual value is above X
	ruleAtMost                  // ≤X
	ruleBelow                   // <X: met only when the actual value is below X
	ruleEqual                   // =X written with the sign
)

// upward reports whether the rule asks for a value at or above its figure.
func (k ruleKind) upward() bool { return k == ruleAtLeast || k == ruleAbove }

// strict reports whether equality misses the target (>X, <X).
func (k ruleKind) strict() bool { return k == ruleAbove || k == ruleBelow }

// explicitEqual reports whether the 指标值 was written with = (or 等于):
// only then is it scored as “equal to”; a bare 100% means “at least”.
func explicitEqual(t Target) bool {
	s := strings.ReplaceAll(NormalizeNumber(t.Raw), " ", "")
	return strings.HasPrefix(s, "=") || strings.HasPrefix(s, "等于")
}

func ruleOf(t Target) ruleKind {
	switch t.Cmp {
	case CmpGT:
		return ruleAbove
	case CmpLE:
		return ruleAtMost
	case CmpLT:
		return ruleBelow
	case CmpEQ:
		if explicitEqual(t) {
			return ruleEqual
		}
	}
	return ruleAtLeast
}

// ScoreQuantitative scores actual against the numeric target t with weight
// points, by the default rules (docs/selfeval.md):
//
//	≥X (or bare X):  weight × min(actual ÷ X, 1)
//	>X:              as ≥X, but met only when actual > X
//	≤X:              weight when actual ≤ X, else weight × X ÷ actual
//	<X:              as ≤X, but met only when actual < X
//	=X:              weight when equal, else weight × max(0, 1 − |actual − X| ÷ X)
//
// Where a ratio has no meaning (X ≤ 0 for ≥, >, ≤ and <; X = 0 for =) the
// row gets the whole weight when the target is met and 0 when not. No score
// is below 0 or above weight, and a target not met never gets the whole
// weight: its score is at most the weight (rounded) less 0.01 — so >95%
// with 95% scores 0.01 below full marks (the program's own rule, see
// docs/selfeval.md). It returns the score rounded to 2 decimals (half up)
// and whether the target was met (full marks).
func ScoreQuantitative(t Target, actual, weight decimal.Decimal) (decimal.Decimal, bool) {
	x := t.Number
	var s decimal.Decimal
	met := false
	rule := ruleOf(t)
	switch {
	case rule == ruleEqual:
		met = actual.Equal(x)
		switch {
		case met:
			s = weight
		case x.IsZero():
			s = decimal.Zero
		default:
			off := actual.Sub(x).Abs().DivRound(x.Abs(), 16)
			s = weight.Mul(decimal.Max(decimal.Zero, decimal.NewFromInt(1).Sub(off)))
		}
	case rule.upward():
		met = actual.GreaterThan(x) || !rule.strict() && actual.Equal(x)
		switch {
		case met:
			s = weight
		case x.Sign() <= 0:
			s = decimal.Zero
		default:
			s = weight.Mul(actual).DivRound(x, 16)
		}
	default: // ≤, <
		met = actual.LessThan(x) || !rule.strict() && actual.Equal(x)
		switch {
		case met:
			s = weight
		case x.Sign() <= 0:
			s = decimal.Zero
		default: // actual ≥ x > 0
			s = weight.Mul(x).DivRound(actual, 16)
		}
	}
	s = RoundScore(decimal.Max(decimal.Zero, decimal.Min(s, weight)))
	if full := RoundScore(weight); !met && s.GreaterThanOrEqual(full) {
		s = decimal.Max(decimal.Zero, full.Sub(scoreStep))
	}
	return s, met
}

// scoreStep is the smallest difference of two scores (2 decimals).
var scoreStep = decimal.New(1, -2)

// ScoreQualitative scores a qualitative 完成情况: 达成 the whole weight,
// 部分达成 half, 未达成 0. It reports false when state is none of them.
func ScoreQualitative(state string, weight decimal.Decimal) (decimal.Decimal, bool) {
	switch strings.TrimSpace(state) {
	case Achieved:
		return RoundScore(weight), true
	case PartAchieve:
		return RoundScore(weight.Div(decimal.NewFromInt(2))), true
	case NotAchieved:
		return decimal.Zero, true
	}
	return decimal.Zero, false
}

// ScoreState tells whether an indicator row could be scored.
type ScoreState uint8

const (
	ScoreNone      ScoreState = iota // no target: the row takes no part
	ScoreOK                          // Score is computed
	ScoreNoWeight                    // 分值 not filled in or not a number
	ScoreMissing                     // 实际完成值 not filled in
	ScoreBadActual                   // 实际完成值 cannot be read
)

// IndicatorScore is one indicator row's 自评 result.
type IndicatorScore struct {
	State  ScoreState
	Target Target
	Weight decimal.Decimal // 分值 (0 unless readable)
	// Shown is the 实际完成值 as the form prints it: the formula's value
	// (98.50%), the typed text, or "".
	Shown       string
	FromFormula bool            // Shown comes from the rate formula
	Formula     Rate            // the formula's result when the row has one
	Actual      decimal.Decimal // the quantitative value scored
	Score       decimal.Decimal // 得分, rounded (0 unless ScoreOK)
	Met         bool            // full marks
	Message     string          // plain Chinese, for every state but ScoreOK and ScoreNone
}

// BudgetScore is the 预算执行率 row of the 自评 (Money sums in 万元 units).
type BudgetScore struct {
	Initial  Money           // Σ年初预算数 (declared 合计)
	Budget   Money           // Σ全年预算数 (调整后; a row not adjusted counts its 年初预算数)
	Executed Money           // Σ全年执行数
	Rate     decimal.Decimal // 执行率 in percent, 2 decimals
	RateOK   bool            // false when Σ全年预算数 is 0
	Score    decimal.Decimal // 10 × min(Σ执行 ÷ Σ预算, 1), rounded
	Missing  int             // rows whose 全年执行数 is empty or invalid
}

// Evaluation is the whole 自评: the 预算执行率 row, one score per indicator
// row (in form order), the sum of the 分值, 总分 and 等级.
type Evaluation struct {
	Budget    BudgetScore
	Rows      []IndicatorScore
	WeightSum decimal.Decimal
	Total     decimal.Decimal // 总分 = budget row + Σ得分
	Grade     string
}

// TaskBudget is the row's 全年预算数 as the 自评 counts it: the adjusted
// budget when typed, else the 年初预算数.
func (t *Task) TaskBudget() Amount {
	if t.Eval.Budget.IsEmpty() {
		return t.Total
	}
	return t.Eval.Budget
}

// EvalRate is the row's 自评 执行率 (全年执行数 ÷ 全年预算数 × 100, 2 decimals).
func (t *Task) EvalRate() (decimal.Decimal, bool) {
	return execRate(t.Eval.Executed, t.TaskBudget())
}

// Evaluate scores f by the default rules. It never panics and never
// changes f; rows that cannot be scored count 0 and say why.
func Evaluate(f *Form) Evaluation {
	var ev Evaluation
	b := &ev.Budget
	for _, u := range f.Units {
		for i := range u.Tasks {
			t := &u.Tasks[i]
			b.Initial += t.Total.Money()
			b.Budget += t.TaskBudget().Money()
			if t.Eval.Executed.Valid() {
				b.Executed += t.Eval.Executed.Money()
			} else {
				b.Missing++
			}
		}
	}
	b.Score = decimal.Zero
	if b.Budget > 0 {
		e, bd := decimal.NewFromInt(int64(b.Executed)), decimal.NewFromInt(int64(b.Budget))
		b.Rate, b.RateOK = e.Mul(hundred).DivRound(bd, 2), true
		b.Score = RoundScore(decimal.Min(BudgetPoints, BudgetPoints.Mul(e).DivRound(bd, 16)))
	}
	ev.Total = b.Score
	ev.Rows = make([]IndicatorScore, len(f.Indicators))
	for r := range f.Indicators {
		s := ScoreIndicator(f.Indicators[r])
		ev.Rows[r] = s
		if s.State != ScoreNone {
			ev.WeightSum = ev.WeightSum.Add(s.Weight)
		}
		ev.Total = ev.Total.Add(s.Score)
	}
	ev.Grade = Grade(ev.Total)
	return ev
}

// ScoreIndicator scores one indicator row.
func ScoreIndicator(in Indicator) IndicatorScore {
	s := IndicatorScore{Target: ParseTarget(in.Value)}
	if s.Target.Kind != TargetNumber && s.Target.Kind != TargetQualitative {
		return s
	}
	w, werr := parseWeight(in.Eval.Weight)
	s.Weight = w
	typed := strings.TrimSpace(in.Eval.Actual)
	s.Shown = typed
	if in.Formula != "" && s.Target.Kind == TargetNumber {
		s.Formula = EvalRate(in)
		if s.Formula.State == RateOK && (typed == "" || blank(in.Eval.Reason)) {
			s.Shown, s.FromFormula = s.Formula.Display(), true
			s.Actual = s.Formula.Value
		}
	}
	if werr != "" {
		s.State, s.Message = ScoreNoWeight, werr
		return s
	}
	if s.Target.Kind == TargetQualitative {
		if typed == "" {
			s.State, s.Message = ScoreMissing, "请填写完成情况：达成、部分达成或未达成"
			return s
		}
		sc, ok := ScoreQualitative(typed, w)
		if !ok {
			s.State, s.Message = ScoreBadActual, fmt.Sprintf("定性指标的完成情况“%s”无法识别，请填写 达成、部分达成 或 未达成", shown(typed))
			return s
		}
		s.State, s.Score, s.Met = ScoreOK, sc, typed == Achieved
		return s
	}
	if !s.FromFormula {
		if typed == "" {
			s.State, s.Message = ScoreMissing, "请填写实际完成值"
			if in.Formula != "" && s.Formula.State != RateOK && s.Formula.Message != "" {
				s.Message = "请填写实际完成值，或填写计算数据（" + s.Formula.Message + "）"
			}
			return s
		}
		a, err := ParseActual(typed, s.Target)
		if err != "" {
			s.State, s.Message = ScoreBadActual, err
			return s
		}
		s.Actual = a
	}
	s.Score, s.Met = ScoreQuantitative(s.Target, s.Actual, w)
	s.State = ScoreOK
	return s
}

func parseWeight(raw string) (decimal.Decimal, string) {
	w := strings.TrimSpace(raw)
	if w == "" {
		return decimal.Zero, "请填写分值（各指标分值合计90）"
	}
	d, err := ParseNumber(strings.TrimSuffix(w, "分"))
	if err != nil {
		return decimal.Zero, fmt.Sprintf("分值“%s”不是数字，请填写数字", shown(w))
	}
	return d, ""
}

// ParseActual reads a quantitative 实际完成值 for target t: a number,
// possibly negative (a change rate), with t's unit or none. The error is
// plain Chinese ("" when read).
func ParseActual(raw string, t Target) (decimal.Decimal, string) {
	s := strings.ReplaceAll(NormalizeNumber(raw), " ", "")
	if t.Unit != "" {
		s = strings.TrimSuffix(s, t.Unit)
	}
	num := strings.ReplaceAll(s, ",", "")
	neg := strings.HasPrefix(num, "-")
	body := strings.TrimPrefix(num, "-")
	if body == "" || strings.Trim(body, "0123456789.") != "" || strings.Count(body, ".") > 1 || body == "." {
		unit := t.Unit
		if unit == "" {
			unit = "无单位"
		}
		return decimal.Zero, fmt.Sprintf("实际完成值“%s”不是数字；请只填写数字（单位与指标值相同：%s）", shown(raw), unit)
	}
	d, err := decimal.NewFromString(body)
	if err != nil {
		return decimal.Zero, fmt.Sprintf("实际完成值“%s”不是数字", shown(raw))
	}
	if neg {
		d = d.Neg()
	}
	return d, ""
}

// ScoresEqual reports whether the numeric target t is scored as “equal
// to” (written with = or 等于); a bare 100% means “at least”.
func ScoresEqual(t Target) bool { return t.Kind == TargetNumber && ruleOf(t) == ruleEqual }
