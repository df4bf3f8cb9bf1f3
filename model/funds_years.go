package model

import (
	"fmt"
	"strconv"
	"strings"
)

// The 近两年收支金额 columns of 部门总体资金情况: beside 当年金额 and 占比,
// some templates ask for the amounts of the two years before (the national
// system's 部门总体资金情况 tab has 上年金额 and 前年金额 under the header
// 近两年收支金额; docs/templates.md). A FundRow keeps them in Years, as
// typed (Amount: exact, raw text kept); 复制上年 fills them from last
// year's draft.

// FundsYear is one 近两年 column of a template's 部门总体资金情况.
type FundsYear struct {
	// Back is how many years before the form's 年度 the column is: 1 (上年)
	// or 2 (前年).
	Back int `json:"back"`
	// Label is its printed header (上年金额, 前年决算数 …); "" uses the
	// default (上年金额, 前年金额). "{year}" in it is replaced by the year
	// (2020年决算数 for a 2022 form with Back 2).
	Label string `json:"label,omitempty"`
}

// DefaultYearsLabel is the header over the 近两年 columns.
const DefaultYearsLabel = "近两年收支金额"

// yearField is the Field of the 近两年 column back years before.
func yearField(back int) Field {
	if back == 2 {
		return FieldFundYear2
	}
	return FieldFundYear1
}

// YearLabel is the printed header of column y for a form of year (the
// form's 年度 as typed; "{year}" is left as is when it is not a year).
func (y FundsYear) YearLabel(year string) string {
	l := strings.TrimSpace(y.Label)
	if l == "" {
		l = string(yearField(y.Back))
	}
	if strings.Contains(l, "{year}") {
		if n, ok := ParseYear(year); ok {
			l = strings.ReplaceAll(l, "{year}", strconv.Itoa(n-y.Back))
		}
	}
	return l
}

// YearsHeader is the header over the Years columns.
func (l *FundsLayout) YearsHeader() string {
	if l == nil || strings.TrimSpace(l.YearsLabel) == "" {
		return DefaultYearsLabel
	}
	return l.YearsLabel
}

// YearColumns are the 近两年 columns to show for f under t: the template's,
// and, so that nothing typed is lost, a column the form fills but the
// template lacks (after the template's).
func YearColumns(t *Template, f *Form) []FundsYear {
	var out []FundsYear
	if t != nil && t.Funds != nil {
		out = append(out, t.Funds.Years...)
	}
	if f == nil || f.Funds == nil {
		return out
	}
	for back := 1; back <= 2; back++ {
		if !hasBack(out, back) && f.Funds.yearFilled(back) {
			out = append(out, FundsYear{Back: back})
		}
	}
	return out
}

func hasBack(ys []FundsYear, back int) bool {
	for _, y := range ys {
		if y.Back == back {
			return true
		}
	}
	return false
}

// yearFilled reports whether any amount of column back is not empty.
func (f *Funds) yearFilled(back int) bool {
	if f == nil || back < 1 || back > 2 {
		return false
	}
	for _, s := range []FundsSide{FundsIncome, FundsExpense} {
		for _, r := range f.Rows(s) {
			if !r.Years[back-1].IsEmpty() {
				return true
			}
		}
		if !f.TypedYear(s, back).IsEmpty() {
			return true
		}
	}
	return false
}

// TypedYear is the 合计 typed in column back (1 or 2) of side s.
func (f *Funds) TypedYear(s FundsSide, back int) Amount {
	if f == nil || back < 1 || back > 2 {
		return Amount{}
	}
	if s == FundsExpense {
		return f.ExpenseYearTotals[back-1]
	}
	return f.IncomeYearTotals[back-1]
}

// SetTypedYear sets the 合计 typed in column back of side s.
func (f *Funds) SetTypedYear(s FundsSide, back int, a Amount) {
	if f == nil || back < 1 || back > 2 {
		return
	}
	if s == FundsExpense {
		f.ExpenseYearTotals[back-1] = a
	} else {
		f.IncomeYearTotals[back-1] = a
	}
}

// SumYear is the sum of the valid amounts of column back of side s, and
// whether every non-empty amount was valid.
func (f *Funds) SumYear(s FundsSide, back int) (Money, bool) {
	var m Money
	ok := true
	if back < 1 || back > 2 {
		return 0, true
	}
	for _, r := range f.Rows(s) {
		switch a := r.Years[back-1]; a.State() {
		case AmountValid:
			m += a.Money()
		case AmountInvalid:
			ok = false
		}
	}
	return m, ok
}

// TotalYear is the 合计 of column back: the typed one when valid, else the sum.
func (f *Funds) TotalYear(s FundsSide, back int) Money {
	if t := f.TypedYear(s, back); t.Valid() {
		return t.Money()
	}
	m, _ := f.SumYear(s, back)
	return m
}

// fundsYears checks the 近两年 columns shown: each amount readable, each
// typed 合计 equal to the sum of its rows.
func (c *checker) fundsYears() {
	fd := c.f.Funds
	for _, y := range YearColumns(c.t, c.f) {
		if y.Back < 1 || y.Back > 2 {
			continue
		}
		label := y.YearLabel(c.f.Year)
		field := yearField(y.Back)
		for _, side := range []FundsSide{FundsIncome, FundsExpense} {
			for i, r := range fd.Rows(side) {
				if a := r.Years[y.Back-1]; a.State() == AmountInvalid {
					c.add(SevError, fundLoc(side, i, field), "%s“%s”不是有效的金额：%s", label, strings.TrimSpace(a.Raw()), a.Reason())
				}
			}
			sum, ok := fd.SumYear(side, y.Back)
			switch typed := fd.TypedYear(side, y.Back); typed.State() {
			case AmountInvalid:
				c.add(SevError, fundLoc(side, -1, field), "%s的合计“%s”不是有效的金额：%s", label, strings.TrimSpace(typed.Raw()), typed.Reason())
			case AmountValid:
				if ok && typed.Money() != sum {
					c.add(SevError, fundLoc(side, -1, field), "%s%s各项加起来是 %s 万元，合计填的是 %s 万元，两者不一致；请核对",
						side, label, FormatMoney(sum, false), FormatMoney(typed.Money(), false))
				}
			}
		}
	}
}

// carryFundsYears fills the 近两年 columns of f, carried forward from
// prev by years years (1 for the next year): the column 上年 gets prev's
// 当年金额 (typed 合计 included) and 前年 prev's 上年; a row is matched by
// its name on the same side. It returns the places filled, for the
// review list, in form order.
func carryFundsYears(prev, f *Form, years int) []Location {
	if prev == nil || prev.Funds == nil || f.Funds == nil || years < 1 || years > 2 {
		return nil
	}
	var filled []Location
	for _, side := range []FundsSide{FundsIncome, FundsExpense} {
		old := prev.Funds.Rows(side)
		rows := f.Funds.Rows(side)
		find := func(name string) *FundRow {
			for i := range old {
				if strings.TrimSpace(old[i].Name) == strings.TrimSpace(name) {
					return &old[i]
				}
			}
			return nil
		}
		for i := range rows {
			p := find(rows[i].Name)
			// what the year before (the new 上年) and the one before that had
			var was [2]Amount
			if p != nil {
				switch years {
				case 1:
					was = [2]Amount{p.Amount, p.Years[0]}
				case 2:
					was = [2]Amount{{}, p.Amount}
				}
			}
			rows[i].Years = was
			for b := range was {
				if !was[b].IsEmpty() {
					filled = append(filled, fundLoc(side, i, yearField(b+1)))
				}
			}
		}
		var tot [2]Amount
		switch years {
		case 1:
			tot = [2]Amount{prev.Funds.Typed(side), prev.Funds.TypedYear(side, 1)}
		case 2:
			tot = [2]Amount{{}, prev.Funds.Typed(side)}
		}
		for b := range tot {
			f.Funds.SetTypedYear(side, b+1, tot[b])
		}
	}
	return filled
}

// validateYears says what is wrong with a template's 近两年 columns.
func (l *FundsLayout) validateYears() error {
	if len(l.Years) > 2 {
		return fmt.Errorf("近两年收支金额最多两列（上年、前年）")
	}
	for i, y := range l.Years {
		if y.Back != 1 && y.Back != 2 {
			return fmt.Errorf("近两年收支金额的列“%s”的 back 应为 1（上年）或 2（前年）", short(y.Label))
		}
		if i > 0 && l.Years[0].Back == y.Back {
			return fmt.Errorf("近两年收支金额的 back %d 列出了两次", y.Back)
		}
	}
	return nil
}

// carryYears is CarryForward's part of the 近两年 columns: filled unless
// prev's template is known and has none (a 部门总体资金情况 without them
// would otherwise print columns its template does not have).
func carryYears(prev, f *Form, newYear int) {
	if prev.Funds == nil {
		return
	}
	t := FindTemplate(prev.Template, nil)
	if t != nil && (t.Funds == nil || len(t.Funds.Years) == 0) && !prev.Funds.yearFilled(1) && !prev.Funds.yearFilled(2) {
		return
	}
	py, ok := ParseYear(prev.Year)
	if !ok {
		return
	}
	carryFundsYears(prev, f, newYear-py)
}

// fillExampleYears gives TemplateExample's 近两年 columns figures that add
// up (上年 900.5 = 700.1 + 200.4; 前年 850 = 650 + 200).
func fillExampleYears(t *Template, fd *Funds) {
	if t.Funds == nil {
		return
	}
	figures := map[int][3]string{1: {"900.5", "700.1", "200.4"}, 2: {"850", "650", "200"}}
	for _, y := range t.Funds.Years {
		v, ok := figures[y.Back]
		if !ok {
			continue
		}
		for i := range fd.Income {
			if i == 0 {
				fd.Income[i].Years[y.Back-1] = MustAmount(v[0])
			} else {
				fd.Income[i].Years[y.Back-1] = MustAmount("0")
			}
		}
		for i := range fd.Expense {
			switch i {
			case 0, 1:
				fd.Expense[i].Years[y.Back-1] = MustAmount(v[1+i])
			default:
				fd.Expense[i].Years[y.Back-1] = MustAmount("0")
			}
		}
		fd.SetTypedYear(FundsIncome, y.Back, MustAmount(v[0]))
		fd.SetTypedYear(FundsExpense, y.Back, MustAmount(v[0]))
	}
}
