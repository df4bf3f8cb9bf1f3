package model

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Funds is the 部门总体资金情况 (万元) of templates that have it: the rows
// of 收入构成 and 支出构成, each with its 当年金额 and the 占比 typed, and
// the 合计 as typed (empty: not typed; the computed sum is shown).
type Funds struct {
	Income       []FundRow `json:"income"`
	IncomeTotal  Amount    `json:"incomeTotal"`
	Expense      []FundRow `json:"expense"`
	ExpenseTotal Amount    `json:"expenseTotal"`
	// IncomeYearTotals and ExpenseYearTotals are the 合计 typed in the
	// 近两年 columns (as FundRow.Years; empty: not typed).
	IncomeYearTotals  [2]Amount `json:"incomeYearTotals,omitzero"`
	ExpenseYearTotals [2]Amount `json:"expenseYearTotals,omitzero"`
}

// FundRow is one row of 收入构成 or 支出构成.
type FundRow struct {
	Name   string `json:"name"`            // 财政拨款, 基本支出 …
	Amount Amount `json:"amount"`          // 当年金额 (万元)
	Share  string `json:"share,omitempty"` // 占比 as typed ("74.8%"); "" = not typed
	// Years are the 近两年收支金额 (万元) of templates that have them:
	// Years[0] the year before (上年金额), Years[1] two years before
	// (前年金额); see FundsYear and funds_years.go.
	Years [2]Amount `json:"years,omitzero"`
}

// FundsSide is 收入构成 or 支出构成.
type FundsSide uint8

const (
	FundsIncome  FundsSide = iota // 收入构成
	FundsExpense                  // 支出构成
)

// String is 收入构成 or 支出构成.
func (s FundsSide) String() string {
	if s == FundsExpense {
		return "支出构成"
	}
	return "收入构成"
}

// Rows are the side's rows.
func (f *Funds) Rows(s FundsSide) []FundRow {
	if f == nil {
		return nil
	}
	if s == FundsExpense {
		return f.Expense
	}
	return f.Income
}

// Typed is the 合计 the clerk typed for side s.
func (f *Funds) Typed(s FundsSide) Amount {
	if f == nil {
		return Amount{}
	}
	if s == FundsExpense {
		return f.ExpenseTotal
	}
	return f.IncomeTotal
}

// Sum is the sum of the side's valid amounts and whether every non-empty
// amount was valid.
func (f *Funds) Sum(s FundsSide) (Money, bool) {
	var m Money
	ok := true
	for _, r := range f.Rows(s) {
		switch r.Amount.State() {
		case AmountValid:
			m += r.Amount.Money()
		case AmountInvalid:
			ok = false
		}
	}
	return m, ok
}

// Total is the side's 合计: the typed one when valid, else the sum.
func (f *Funds) Total(s FundsSide) Money {
	if t := f.Typed(s); t.Valid() {
		return t.Money()
	}
	m, _ := f.Sum(s)
	return m
}

// Share is amount / total in per cent, rounded to one decimal as the
// published forms print it (74.8); false when total is 0.
func Share(amount, total Money) (decimal.Decimal, bool) {
	if total == 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(amount)).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(int64(total)), 1), true
}

// FormatShare is Share as the form prints it: "74.8%", "" when there is
// no total.
func FormatShare(amount, total Money) string {
	d, ok := Share(amount, total)
	if !ok {
		return ""
	}
	return d.StringFixed(1) + "%"
}

// ParseShare reads a typed 占比: "74.8%", "74.8 ％", "74.8" (per cent) or
// a fraction written by a spreadsheet ("0.748" when there is no % sign and
// the value is at most 1). It returns the value in per cent and the number
// of decimals typed in per cent; false when it is not a number.
func ParseShare(s string) (decimal.Decimal, int32, bool) {
	t := strings.TrimSpace(NormalizeNumber(s))
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" {
		return decimal.Zero, 0, false
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, 0, false
	}
	if !pct && d.Abs().LessThanOrEqual(decimal.NewFromInt(1)) && !d.IsZero() && strings.Contains(t, ".") {
		d = d.Shift(2)
	}
	dec := -d.Exponent()
	if dec < 0 {
		dec = 0
	}
	return d, dec, true
}

// ShareMatches reports whether the typed share s is amount/total at the
// precision typed (74.8 and 75 both match 74.802 %).
func ShareMatches(s string, amount, total Money) (ok, parsed bool) {
	d, dec, p := ParseShare(s)
	if !p {
		return false, false
	}
	if total == 0 {
		return d.IsZero(), true
	}
	want := decimal.NewFromInt(int64(amount)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(total)))
	return want.Round(dec).Equal(d.Round(dec)), true
}

func (f *Funds) clone() *Funds {
	if f == nil {
		return nil
	}
	c := *f
	c.Income = slices.Clone(f.Income)
	c.Expense = slices.Clone(f.Expense)
	return &c
}

// Total is the label of each side's total row: 合计, or the template's
// own (资金总额).
func (l *FundsLayout) Total() string {
	if l != nil && strings.TrimSpace(l.TotalLabel) != "" {
		return strings.TrimSpace(l.TotalLabel)
	}
	return "合计"
}

// SideLabel is the printed name of side s: 收入构成 and 支出构成, or the
// template's own.
func (l *FundsLayout) SideLabel(s FundsSide) string {
	if l != nil {
		n := l.IncomeLabel
		if s == FundsExpense {
			n = l.ExpenseLabel
		}
		if n = strings.TrimSpace(n); n != "" {
			return n
		}
	}
	return s.String()
}

// OneSided reports whether the table has 收入构成 (or 资金来源) only.
func (l *FundsLayout) OneSided() bool { return l != nil && len(l.Expense) == 0 }

// TotalOf names side s's total in plain words: 收入合计, 支出合计 (a side
// named …构成 drops it), 资金来源合计, or the total's own label for a table
// of one side (资金总额).
func (l *FundsLayout) TotalOf(s FundsSide) string {
	if l.OneSided() {
		return l.Total()
	}
	return strings.TrimSuffix(l.SideLabel(s), "构成") + l.Total()
}

// FundsSides are the sides of fd that template t shows: both, or the
// income side alone for a one-sided template (资金总额) unless fd holds
// rows or a total of the other side (nothing typed is hidden).
func FundsSides(t *Template, fd *Funds) []FundsSide {
	sides := []FundsSide{FundsIncome}
	if t == nil || t.Funds == nil || !t.Funds.OneSided() || len(fd.Rows(FundsExpense)) > 0 || !fd.Typed(FundsExpense).IsEmpty() {
		sides = append(sides, FundsExpense)
	}
	return sides
}
