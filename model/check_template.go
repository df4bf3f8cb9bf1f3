package model

import (
	"slices"
	"strings"
)

// CheckWith runs the checks of Check with template t's rules (t nil: the
// form's own template among the built-ins, see TemplateOf).
func CheckWith(f *Form, t *Template) []Finding {
	if f == nil {
		return nil
	}
	if t == nil {
		t = TemplateOf(f, nil)
	}
	return check(f, t)
}

func fundLoc(side FundsSide, row int, field Field) Location {
	return Location{Part: PartFunds, Unit: int(side), Row: row, Field: field}
}

// templateChecks are the checks of the template's own parts and rules:
// 基本信息 fields, 部门总体资金情况, 部门职能概述 and the 一级指标 it requires.
func (c *checker) templateChecks() {
	t := c.t
	for _, b := range t.Basic {
		if b.Required && blank(c.f.Basic[b.Label]) {
			c.add(SevError, basicLoc(Field(b.Label)), "请填写%s", b.Label)
		}
	}
	if t.Has(SectionDuties) && blank(c.f.Duties) {
		sev, what := SevHint, "还没有填写%s，请简要写明部门的主要职能"
		if t.Rules.DutiesRequired {
			sev, what = SevError, "请填写%s（此项必填），简要写明部门的主要职能"
		}
		c.add(sev, Location{Part: PartDuties, Unit: -1, Row: -1, Field: FieldDuties}, what, t.Label(SectionDuties))
	}
	if t.Has(SectionFunds) {
		c.funds()
		c.fundsYears()
	}
	if t.Has(SectionIndicators) && len(c.f.Indicators) > 0 {
		for _, want := range t.Rules.RequiredLevel1 {
			if !slices.ContainsFunc(c.f.Indicators, func(in Indicator) bool { return strings.TrimSpace(in.Level1) == want }) {
				c.add(SevError, Location{Part: PartIndicators, Unit: -1, Row: -1, Field: FieldLevel1},
					"表样“%s”要求有一级指标“%s”，现在没有；请添加至少一行", t.Name, want)
			}
		}
	}
}

func (c *checker) funds() {
	fd := c.f.Funds
	empty := true
	for _, side := range []FundsSide{FundsIncome, FundsExpense} {
		for _, r := range fd.Rows(side) {
			if !r.Amount.IsEmpty() {
				empty = false
			}
		}
		if !fd.Typed(side).IsEmpty() {
			empty = false
		}
	}
	if empty {
		c.add(SevError, Location{Part: PartFunds, Unit: -1, Row: -1}, "还没有填写部门总体资金情况，请填写收入构成和支出构成的当年金额（万元）")
		return
	}
	totals := [2]Money{}
	valid := [2]bool{}
	for _, side := range []FundsSide{FundsIncome, FundsExpense} {
		rows := fd.Rows(side)
		for i, r := range rows {
			if r.Amount.State() == AmountInvalid {
				c.add(SevError, fundLoc(side, i, FieldFundAmt), "当年金额“%s”不是有效的金额：%s", strings.TrimSpace(r.Amount.Raw()), r.Amount.Reason())
			}
			if blank(r.Name) && !r.Amount.IsEmpty() {
				c.add(SevError, fundLoc(side, i, FieldFundName), "这一行有金额但没有名称，请填写（如 %s）", map[FundsSide]string{FundsIncome: "财政拨款", FundsExpense: "基本支出"}[side])
			}
		}
		sum, ok := fd.Sum(side)
		typed := fd.Typed(side)
		switch typed.State() {
		case AmountInvalid:
			c.add(SevError, fundLoc(side, -1, FieldFundAmt), "合计“%s”不是有效的金额：%s", strings.TrimSpace(typed.Raw()), typed.Reason())
			ok = false
		case AmountValid:
			if ok && typed.Money() != sum {
				c.add(SevError, fundLoc(side, -1, FieldFundAmt), "%s各项加起来是 %s 万元，合计填的是 %s 万元，两者不一致；请核对各项的当年金额或合计",
					side, FormatMoney(sum, false), FormatMoney(typed.Money(), false))
			}
		}
		totals[side], valid[side] = fd.Total(side), ok
		if !ok || !c.t.Rules.FundsShares {
			continue
		}
		total := fd.Total(side)
		for i, r := range rows {
			if strings.TrimSpace(r.Share) == "" || !r.Amount.Valid() {
				continue
			}
			match, parsed := ShareMatches(r.Share, r.Amount.Money(), total)
			switch {
			case !parsed:
				c.add(SevError, fundLoc(side, i, FieldFundShare), "占比“%s”不是数字，请填写百分数（如 74.8%%）或留空由程序计算", strings.TrimSpace(r.Share))
			case !match:
				want := FormatShare(r.Amount.Money(), total)
				if want == "" {
					want = "无法计算（合计为 0）"
				}
				c.add(SevError, fundLoc(side, i, FieldFundShare), "占比填的是 %s，按当年金额 %s ÷ 合计 %s 应为 %s；请改正占比或金额",
					strings.TrimSpace(r.Share), r.Amount.Money(), FormatMoney(total, false), want)
			}
		}
	}
	if c.t.Rules.FundsBalance && valid[FundsIncome] && valid[FundsExpense] && totals[FundsIncome] != totals[FundsExpense] {
		c.add(SevError, fundLoc(FundsExpense, -1, FieldFundAmt), "收入合计 %s 万元与支出合计 %s 万元不相等；收入与支出应当平衡，请核对",
			FormatMoney(totals[FundsIncome], false), FormatMoney(totals[FundsExpense], false))
	}
}

var columnField = map[string]Field{
	IndColL1: FieldLevel1, IndColL2: FieldLevel2, IndColL3: FieldLevel3, IndColValue: FieldValue,
	IndColExplain: FieldExplain, IndColNote: FieldNote, IndColWeight: FieldWeight, IndColUnit: FieldUnit,
	IndColValueType: FieldValueType, IndColScoring: FieldScoring, IndColNature: FieldNature, IndColDirection: FieldDirection,
}

func columnValue(in *Indicator, key string) string {
	switch key {
	case IndColL1:
		return in.Level1
	case IndColL2:
		return in.Level2
	case IndColL3:
		return in.Level3
	case IndColValue:
		return in.Value
	case IndColExplain:
		return in.Explain
	case IndColNote:
		return in.Note
	case IndColWeight:
		return in.Weight
	case IndColUnit:
		return in.Unit
	case IndColValueType:
		return in.ValueType
	case IndColScoring:
		return in.Scoring
	case IndColNature:
		return in.Nature
	case IndColDirection:
		return in.Direction
	}
	return ""
}

// Natures are the 指标性质 the national system offers (计算符号).
var Natures = []string{"≥", "≤", "=", ">", "<", "定性"}

// Directions are the 指标方向性 values.
var Directions = []string{"正向", "反向"}

func normNature(s string) string {
	s = strings.TrimSpace(normalizeNumber(s))
	switch s {
	case ">=", "大于等于":
		return "≥"
	case "<=", "小于等于":
		return "≤"
	case "等于":
		return "="
	}
	return s
}

// quantitative reports whether in is a 定量 indicator: its 指标值类型 says
// so, or its 指标性质 is a comparison, or (neither column used) its 指标值 is
// a number.
func (c *checker) quantitative(in *Indicator) bool {
	o := c.f.Options
	if o.ValueType && strings.TrimSpace(in.ValueType) != "" {
		return strings.TrimSpace(in.ValueType) == "定量"
	}
	if o.Nature && strings.TrimSpace(in.Nature) != "" {
		n := normNature(in.Nature)
		return n != "定性" && slices.Contains(Natures, n)
	}
	return ParseTarget(in.Value).Kind == TargetNumber
}

// templateRow checks indicator row r (not blank, not a placeholder)
// against the template's columns and rules.
func (c *checker) templateRow(r int, in *Indicator) {
	t := c.t
	for _, k := range t.Rules.RequiredColumns {
		if k == IndColL1 || k == IndColL2 || k == IndColL3 {
			continue // asked for by the general checks already
		}
		if blank(columnValue(in, k)) {
			c.add(SevError, indLoc(r, columnField[k]), "请填写%s（此项必填）", t.ColumnLabel(k))
		}
	}
	if t.Rules.UnitForQuantity && c.f.Options.Unit && blank(in.Unit) && c.quantitative(in) {
		c.add(SevError, indLoc(r, FieldUnit), "这是定量指标，请填写%s（如 %%、个、万元）", t.ColumnLabel(IndColUnit))
	}
	if c.f.Options.Nature {
		switch n := normNature(in.Nature); {
		case n == "":
			c.add(SevError, indLoc(r, FieldNature), "请填写%s（≥、≤、= 或 定性）", t.ColumnLabel(IndColNature))
		case !slices.Contains(Natures, n):
			c.add(SevError, indLoc(r, FieldNature), "%s“%s”无法识别，只能填 ≥、≤、=、>、< 或 定性", t.ColumnLabel(IndColNature), strings.TrimSpace(in.Nature))
		}
	}
	if c.f.Options.Direction {
		if d := strings.TrimSpace(in.Direction); d != "" && !slices.Contains(Directions, d) {
			c.add(SevError, indLoc(r, FieldDirection), "%s“%s”无法识别，只能填“正向”或“反向”", t.ColumnLabel(IndColDirection), d)
		}
	}
	if len(t.Framework) > 0 {
		l1 := strings.TrimSpace(in.Level1)
		i := slices.IndexFunc(t.Framework, func(l Level1) bool { return l.Name == l1 })
		switch {
		case l1 == "" || isPlaceholder(l1):
		case i < 0:
			c.add(SevHint, indLoc(r, FieldLevel1), "一级指标“%s”不在表样“%s”的指标体系中（%s），请核对", l1, t.Name, frameworkNames(t.Framework))
		case len(t.Framework[i].Level2) > 0 && !blank(in.Level2) && !isPlaceholder(in.Level2) && !slices.Contains(t.Framework[i].Level2, strings.TrimSpace(in.Level2)):
			c.add(SevHint, indLoc(r, FieldLevel2), "二级指标“%s”不在表样“%s”的“%s”之下（%s），请核对", strings.TrimSpace(in.Level2), t.Name, l1, strings.Join(t.Framework[i].Level2, "、"))
		}
	}
}

func frameworkNames(ls []Level1) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return strings.Join(names, "、")
}
