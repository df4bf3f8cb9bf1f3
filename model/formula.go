package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// FormulaKind is the shape of a rate formula; the letters are the inputs
// in the order of Formula.Inputs.
type FormulaKind uint8

const (
	Ratio           FormulaKind = iota // A / B × 100%
	Change                             // (A − B) / B × 100%: A 本年, B 上年
	Remain                             // (A − B) / A × 100%
	PerCapitaChange                    // (A/B − C/D) / (C/D) × 100%
)

// Formula is a rate indicator's formula with named inputs.
type Formula struct {
	Key    string      // the indicator's name, e.g. 预算执行率
	Kind   FormulaKind // how the inputs combine
	Inputs []string    // input names, in the order of the kind's letters
	Text   string      // as the clerk reads it
}

func ratio(key, a, b string) Formula {
	return Formula{Key: key, Kind: Ratio, Inputs: []string{a, b},
		Text: fmt.Sprintf("%s =（%s ÷ %s）× 100%%", key, a, b)}
}

func change(key, what string) Formula {
	a, b := "本年度"+what, "上年度"+what
	return Formula{Key: key, Kind: Change, Inputs: []string{a, b},
		Text: fmt.Sprintf("%s =［（%s − %s）÷ %s］× 100%%", key, a, b, b)}
}

func remain(key, a, b string) Formula {
	return Formula{Key: key, Kind: Remain, Inputs: []string{a, b},
		Text: fmt.Sprintf("%s =（%s − %s）÷ %s × 100%%", key, a, b, a)}
}

// Formulas are the rate formulas of the seed form's indicators, plus the
// usual ones of other templates. Keys are unique.
var Formulas = []Formula{
	ratio("总体工作完成率", "部门年度工作要点已完成的数量", "部门年度工作要点工作总数量"),
	ratio("牵头单位工作完成率", "工作要点已完成的数量", "工作要点工作总数量"),
	ratio("重点工作计划完成率", "重点工作已完成的数量", "重点工作计划总数量"),
	ratio("年度工作目标实现率", "已实现的年度工作目标数量", "年度工作目标总数量"),
	ratio("专项资金细化率", "部门已细化分配的专项资金", "部门专项资金合计"),
	ratio("预算执行率", "预算执行数", "预算数"),
	ratio("预算调整率", "预算调整数", "预算数"),
	change("结转结余变动率", "累计结转结余资金总额"),
	remain("项目库管理完整性", "年度预算安排项目资金总额", "未纳入项目库预算项目资金额"),
	remain("国库集中支付合规性", "年度部门预算资金国库集中支付总额", "国库集中支付监控系统拦截资金额"),
	ratio("政府采购执行率", "实际政府采购金额", "政府采购预算数"),
	ratio("部门固定资产利用率", "部门实际在用固定资产总额", "部门所有固定资产总额"),
	change("在职人员经费变动率", "在职人员经费"),
	change("离退休人员经费变动率", "离退休人员经费"),
	{Key: "人均公用经费变动率", Kind: PerCapitaChange,
		Inputs: []string{"本年度在职人员公用经费实际支出数", "本年度实际在职人数", "上年度在职人员公用经费实际支出数", "上年度实际在职人数"},
		Text:   "人均公用经费变动率 =［（本年度人均公用经费 − 上年度人均公用经费）÷ 上年度人均公用经费］× 100%；人均公用经费 = 在职人员公用经费实际支出数 ÷ 实际在职人数"},
	change("“三公经费”变动率", "“三公经费”总额"),
	change("厉行节约支出变动率", "厉行节约支出总额"),
	remain("总体成本节约率", "总预算支出额", "实际支出额"),
	ratio("群众满意度", "满意的有效问卷数", "有效问卷总数"),
	ratio("对口部门满意度", "满意的对口部门数", "调查的对口部门总数"),
	ratio("企业满意度", "满意的有效问卷数", "有效问卷总数"),
	ratio("社会组织满意度", "满意的有效问卷数", "有效问卷总数"),
	ratio("外部监督部门满意度", "满意的监督部门数", "调查的监督部门总数"),
	ratio("培训计划执行率", "实际完成的培训数", "计划培训数"),
	ratio("高级职称人才比重", "高级职称人才数量", "单位实有人数"),
	ratio("资产闲置率", "闲置资产总额", "部门所有固定资产总额"),
	ratio("在职人员控制率", "在职人员数", "编制数"),
	ratio("公用经费控制率", "实际支出公用经费总额", "预算安排公用经费总额"),
	// 指标库 (model/library/national.json): 财预〔2013〕53号 rates.
	ratio("重点支出安排率", "重点项目支出", "项目总支出"),
	ratio("资金到位率", "实际到位资金", "计划投入资金"),
	ratio("到位及时率", "及时到位资金", "应到位资金"),
}

var formulaIndex = func() map[string]int {
	m := make(map[string]int, len(Formulas))
	for i, f := range Formulas {
		if _, dup := m[f.Key]; dup {
			panic("model: duplicate formula " + f.Key)
		}
		m[f.Key] = i
	}
	return m
}()

// FormulaFor returns the formula with key.
func FormulaFor(key string) (Formula, bool) {
	i, ok := formulaIndex[key]
	if !ok {
		return Formula{}, false
	}
	return Formulas[i], true
}

// RateState is the state of a computed rate.
type RateState uint8

const (
	RateNone     RateState = iota // the indicator has no formula
	RateMissing                   // some input is not filled in
	RateBadInput                  // some input is not a number
	RateDivZero                   // the divisor is zero
	RateOK                        // Value is computed
)

// Rate is the result of a rate indicator's formula.
type Rate struct {
	State   RateState       // computed, or why not
	Value   decimal.Decimal // percent, e.g. 98.5 for 98.5%; exact to 6 decimals
	Missing []string        // inputs not filled in (RateMissing)
	Bad     []string        // inputs that are not numbers (RateBadInput)
	Message string          // plain Chinese, for every state but RateOK and RateNone
	// Zero names the divisor that is zero (RateDivZero): an input's name,
	// or 上年度人均公用经费 for the per-capita formula.
	Zero   string
	Target Target   // the indicator's parsed 指标值
	Met    MetState // Value against Target
}

// Display is the rate as shown: 98.50%, or "" when not computed.
func (r Rate) Display() string {
	if r.State != RateOK {
		return ""
	}
	return r.Value.StringFixed(2) + "%"
}

var hundred = decimal.NewFromInt(100)

// EvalRate computes in's rate from its inputs and compares it with its 指标值.
// It never panics: a missing input, a text that is not a number or a zero
// divisor give a state with a message.
func EvalRate(in Indicator) Rate {
	r := Rate{Target: ParseTarget(in.Value)}
	f, ok := FormulaFor(in.Formula)
	if !ok {
		return r
	}
	vals := make([]decimal.Decimal, len(f.Inputs))
	for i, name := range f.Inputs {
		raw := in.Inputs[name]
		d, err := ParseNumber(raw)
		switch {
		case err == errEmpty:
			r.Missing = append(r.Missing, name)
		case err != nil:
			r.Bad = append(r.Bad, name)
		default:
			vals[i] = d
		}
	}
	switch {
	case len(r.Bad) > 0:
		r.State = RateBadInput
		r.Message = fmt.Sprintf("“%s”不是数字，请填写数字", strings.Join(r.Bad, "”“"))
		return r
	case len(r.Missing) > 0:
		r.State = RateMissing
		r.Message = fmt.Sprintf("请填写“%s”", strings.Join(r.Missing, "”“"))
		return r
	}
	var num, den decimal.Decimal
	var denName string
	switch f.Kind {
	case Ratio:
		num, den, denName = vals[0], vals[1], f.Inputs[1]
	case Change:
		num, den, denName = vals[0].Sub(vals[1]), vals[1], f.Inputs[1]
	case Remain:
		num, den, denName = vals[0].Sub(vals[1]), vals[0], f.Inputs[0]
	case PerCapitaChange:
		if vals[1].IsZero() {
			r.State, r.Zero, r.Message = RateDivZero, f.Inputs[1], fmt.Sprintf("“%s”为0，无法计算人均数", f.Inputs[1])
			return r
		}
		if vals[3].IsZero() {
			r.State, r.Zero, r.Message = RateDivZero, f.Inputs[3], fmt.Sprintf("“%s”为0，无法计算人均数", f.Inputs[3])
			return r
		}
		cur, prev := vals[0].DivRound(vals[1], 12), vals[2].DivRound(vals[3], 12)
		num, den, denName = cur.Sub(prev), prev, "上年度人均公用经费"
	}
	if den.IsZero() {
		r.State, r.Zero = RateDivZero, denName
		r.Message = fmt.Sprintf("“%s”为0，无法计算比率（不能除以0）", denName)
		return r
	}
	r.State = RateOK
	r.Value = num.Mul(hundred).DivRound(den, 6)
	r.Met = r.Target.Reaches(r.Value.Round(2))
	return r
}

// ParseNumber reads a formula input: a non-negative number, with the same
// leniency as ParseAmount (full-width digits, thousands separators, blanks)
// and any number of decimals; a trailing unit such as 万元, 人, 个 or 次 is
// allowed. The error is plain Chinese.
func ParseNumber(raw string) (decimal.Decimal, error) {
	s := strings.TrimSpace(NormalizeNumber(raw))
	if s == "" {
		return decimal.Zero, errEmpty
	}
	for _, u := range []string{"万元", "元", "人", "个", "次", "项", "件", "名", "家", "份", "%"} {
		if strings.HasSuffix(s, u) {
			s = strings.TrimSpace(strings.TrimSuffix(s, u))
			break
		}
	}
	if strings.HasPrefix(s, "-") {
		return decimal.Zero, amountErr("“%s”不能为负数", shown(raw))
	}
	if s == "" || strings.Trim(s, "0123456789.,") != "" || strings.Count(s, ".") > 1 || s == "." {
		return decimal.Zero, amountErr("“%s”不是数字", shown(raw))
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return decimal.Zero, amountErr("“%s”不是数字", shown(raw))
	}
	return d, nil
}
