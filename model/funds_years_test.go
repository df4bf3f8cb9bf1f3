package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// hubeiWithYears is the 湖北 example: its template has 上年金额 and 前年金额.
func hubeiWithYears(t *testing.T) (*Template, *Form) {
	t.Helper()
	tp := BuiltinTemplate(HubeiTemplateID)
	if tp.Funds == nil || len(tp.Funds.Years) != 2 {
		t.Fatalf("湖北 template has no 近两年 columns: %+v", tp.Funds)
	}
	return tp, TemplateExample(tp)
}

func yearErrors(f *Form, tp *Template) []string {
	var out []string
	for _, fd := range CheckWith(f, tp) {
		if fd.Severity == SevError {
			out = append(out, fd.Loc.Describe(f)+"："+fd.Message)
		}
	}
	return out
}

func TestFundsYearsChecks(t *testing.T) {
	cases := []struct {
		name string
		edit func(fd *Funds)
		want []string // substrings of the errors, in any order; none: no error
	}{
		{"example", func(*Funds) {}, nil},
		{"empty columns are allowed", func(fd *Funds) {
			for _, s := range []FundsSide{FundsIncome, FundsExpense} {
				for i := range fd.Rows(s) {
					fd.Rows(s)[i].Years = [2]Amount{}
				}
				fd.SetTypedYear(s, 1, Amount{})
				fd.SetTypedYear(s, 2, Amount{})
			}
		}, nil},
		{"bad amount names the cell", func(fd *Funds) { fd.Expense[1].Years[0] = ParseAmount("2OO.4") },
			[]string{"部门总体资金情况 › 支出构成 › 项目支出 › 上年金额：上年金额“2OO.4”不是有效的金额"}},
		{"sum differs from the typed 合计", func(fd *Funds) { fd.Expense[1].Years[1] = MustAmount("210") },
			[]string{"部门总体资金情况 › 支出构成 › 合计 › 前年金额：支出构成前年金额各项加起来是 860 万元，合计填的是 850 万元"}},
		{"bad 合计", func(fd *Funds) { fd.IncomeYearTotals[0] = ParseAmount("九百") },
			[]string{"部门总体资金情况 › 收入构成 › 合计 › 上年金额：上年金额的合计“九百”不是有效的金额"}},
		{"exact decimals: 0.0001 off is found", func(fd *Funds) { fd.Income[0].Years[0] = MustAmount("900.5001") },
			[]string{"收入构成上年金额各项加起来是 900.5001 万元，合计填的是 900.5 万元"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tp, f := hubeiWithYears(t)
			c.edit(f.Funds)
			got := yearErrors(f, tp)
			if len(got) != len(c.want) {
				t.Fatalf("want %d errors, got:\n%s", len(c.want), strings.Join(got, "\n"))
			}
			for _, w := range c.want {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("lacks %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func TestFundsYearsJSONKeepsRawText(t *testing.T) {
	_, f := hubeiWithYears(t)
	f.Funds.Income[0].Years[1] = ParseAmount("８５０.00 ")
	f.Funds.Expense[0].Years[0] = ParseAmount("七百")
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var back Form
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Funds, f.Funds) {
		t.Fatalf("round trip differs:\n%+v\n%+v", back.Funds, f.Funds)
	}
	if got := back.Funds.Income[0].Years[1]; got.Raw() != "８５０.00 " || got.Money() != MustAmount("850").Money() {
		t.Errorf("raw %q money %v", got.Raw(), got.Money())
	}
	// a form without the columns writes nothing for them
	plain := TemplateExample(BuiltinTemplate(HunanTemplateID))
	b, _ = json.Marshal(plain)
	if strings.Contains(string(b), "years") || strings.Contains(string(b), "YearTotals") {
		t.Errorf("empty 近两年 written: %s", b)
	}
}

func TestYearLabel(t *testing.T) {
	cases := []struct {
		y    FundsYear
		year string
		want string
	}{
		{FundsYear{Back: 1}, "2022", "上年金额"},
		{FundsYear{Back: 2}, "2022", "前年金额"},
		{FundsYear{Back: 2, Label: "{year}年决算数"}, "2022", "2020年决算数"},
		{FundsYear{Back: 1, Label: "{year}年预算数"}, "2022年", "2021年预算数"},
		{FundsYear{Back: 1, Label: "{year}年预算数"}, "", "{year}年预算数"},
	}
	for _, c := range cases {
		if got := c.y.YearLabel(c.year); got != c.want {
			t.Errorf("%+v %q: %q, want %q", c.y, c.year, got, c.want)
		}
	}
}

func TestCarryFillsYears(t *testing.T) {
	_, prev := hubeiWithYears(t)
	prev.Year = "2021"
	prev.Funds.Expense = append(prev.Funds.Expense, FundRow{Name: "上年才有的行", Amount: MustAmount("5")})
	next, _, err := CarryForward(prev, "2022", nil)
	if err != nil {
		t.Fatal(err)
	}
	fd := next.Funds
	checks := []struct {
		name     string
		got      Amount
		wantRaw  string
		wantNone bool
	}{
		{"财政拨款 上年 = last year's 当年金额", fd.Income[0].Years[0], "968.1918", false},
		{"财政拨款 前年 = last year's 上年", fd.Income[0].Years[1], "900.5", false},
		{"基本支出 上年", fd.Expense[0].Years[0], "724.2318", false},
		{"项目支出 前年", fd.Expense[1].Years[1], "200.4", false},
		{"支出 合计 上年", fd.ExpenseYearTotals[0], "968.1918", false},
		{"支出 合计 前年", fd.ExpenseYearTotals[1], "900.5", false},
	}
	for _, c := range checks {
		if c.got.Raw() != c.wantRaw {
			t.Errorf("%s: %q, want %q", c.name, c.got.Raw(), c.wantRaw)
		}
	}
	if prev.Funds.Income[0].Years[0].Raw() != "900.5" {
		t.Error("carry changed last year's draft")
	}

	// two years on: 前年 is the old 当年金额, 上年 unknown
	later, _, err := CarryForward(prev, "2023", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := later.Funds.Income[0].Years; !got[0].IsEmpty() || got[1].Raw() != "968.1918" {
		t.Errorf("two years on: %q %q", got[0].Raw(), got[1].Raw())
	}

	// a row this year's draft has and last year's lacks gets no figures
	cur := next.Clone()
	cur.Funds.Income = append(cur.Funds.Income, FundRow{Name: "新增收入"})
	if locs := carryFundsYears(prev, cur, 1); len(locs) == 0 {
		t.Error("nothing filled")
	}
	if last := cur.Funds.Income[len(cur.Funds.Income)-1]; !last.Years[0].IsEmpty() || !last.Years[1].IsEmpty() {
		t.Errorf("unmatched row filled: %+v", last.Years)
	}
}

func TestCarryLeavesTemplatesWithoutYears(t *testing.T) {
	// a known template whose 部门总体资金情况 has no 近两年 columns: carry
	// must not make columns appear that the template does not print
	tp := BuiltinTemplate(HubeiTemplateID)
	tp.Funds.Years = nil
	tp.ID = "no-years"
	prev := TemplateExample(tp)
	prev.Template = TemplateRef{ID: HunanTemplateID, Version: 1} // known, no funds
	next, _, err := CarryForward(prev, "2022", nil)
	if err != nil {
		t.Fatal(err)
	}
	if next.Funds.yearFilled(1) || next.Funds.yearFilled(2) {
		t.Errorf("filled: %+v", next.Funds)
	}
	if cols := YearColumns(BuiltinTemplate(HunanTemplateID), next); len(cols) != 0 {
		t.Errorf("columns shown: %+v", cols)
	}
}

func TestYearColumnsKeepTypedOnes(t *testing.T) {
	tp := BuiltinTemplate(HubeiTemplateID)
	f := TemplateExample(tp)
	tp.Funds.Years = []FundsYear{{Back: 1, Label: "上年预算数"}}
	got := YearColumns(tp, f)
	want := []FundsYear{{Back: 1, Label: "上年预算数"}, {Back: 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v (前年 is filled, so it stays)", got, want)
	}
}

func TestTemplateYearsValidate(t *testing.T) {
	cases := []struct {
		years []FundsYear
		label string
		want  string
	}{
		{[]FundsYear{{Back: 3}}, "", "back 应为 1"},
		{[]FundsYear{{Back: 1}, {Back: 1}}, "", "列出了两次"},
		{[]FundsYear{{Back: 1}, {Back: 2}, {Back: 1}}, "", "最多两列"},
		{[]FundsYear{{Back: 1, Label: "上年\x01"}}, "", "控制字符"},
		{[]FundsYear{{Back: 2}, {Back: 1}}, "近两年", ""},
	}
	for _, c := range cases {
		tp := BuiltinTemplate(HubeiTemplateID)
		tp.Funds.Years, tp.Funds.YearsLabel = c.years, c.label
		err := tp.Validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%+v: %v", c.years, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%+v: %v, want %q", c.years, err, c.want)
		}
	}
}
