package model

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
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
	for _, b := range t.OwnBasic() {
		v := c.f.Basic[b.Label]
		switch {
		case b.Required && blank(v):
			c.add(SevError, basicLoc(Field(b.Label)), "请填写%s", b.Label)
		case !blank(v):
			c.format(basicLoc(Field(b.Label)), b, b.Label, v)
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
					"表样“%s”要求有%s“%s”，现在没有；请添加至少一行", t.Name, c.col(IndColL1), want)
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
	l := c.t.Funds
	if empty {
		sides := l.SideLabel(FundsIncome)
		if !l.OneSided() {
			sides += "和" + l.SideLabel(FundsExpense)
		}
		c.add(SevError, Location{Part: PartFunds, Unit: -1, Row: -1}, "还没有填写%s，请填写%s的当年金额（万元）", fundsPart(c.t), sides)
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
			c.add(SevError, fundLoc(side, -1, FieldFundAmt), "%s“%s”不是有效的金额：%s", l.Total(), strings.TrimSpace(typed.Raw()), typed.Reason())
			ok = false
		case AmountValid:
			if ok && typed.Money() != sum {
				c.add(SevError, fundLoc(side, -1, FieldFundAmt), "%s各项加起来是 %s 万元，%s填的是 %s 万元，两者不一致；请核对各项的当年金额或%s",
					l.SideLabel(side), FormatMoney(sum, false), l.Total(), FormatMoney(typed.Money(), false), l.Total())
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
					want = "无法计算（" + l.Total() + "为 0）"
				}
				c.add(SevError, fundLoc(side, i, FieldFundShare), "占比填的是 %s，按当年金额 %s ÷ %s %s 应为 %s；请改正占比或金额",
					strings.TrimSpace(r.Share), r.Amount.Money(), l.Total(), FormatMoney(total, false), want)
			}
		}
	}
	if c.t.Rules.FundsBalance && valid[FundsIncome] && valid[FundsExpense] && totals[FundsIncome] != totals[FundsExpense] {
		c.add(SevError, fundLoc(FundsExpense, -1, FieldFundAmt), "%s %s 万元与%s %s 万元不相等；收入与支出应当平衡，请核对",
			l.TotalOf(FundsIncome), FormatMoney(totals[FundsIncome], false), l.TotalOf(FundsExpense), FormatMoney(totals[FundsExpense], false))
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
	s = strings.TrimSpace(NormalizeNumber(s))
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
	o := c.o
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
	if t.Rules.UnitForQuantity && c.o.Unit && blank(in.Unit) && c.quantitative(in) && !c.has(indLoc(r, FieldUnit)) {
		c.add(SevError, indLoc(r, FieldUnit), "这是定量指标，请填写%s（如 %%、个、万元）", t.ColumnLabel(IndColUnit))
	}
	if c.o.Nature {
		switch n := normNature(in.Nature); {
		case n == "":
			c.add(SevError, indLoc(r, FieldNature), "请填写%s（≥、≤、= 或 定性）", t.ColumnLabel(IndColNature))
		case !slices.Contains(Natures, n):
			c.add(SevError, indLoc(r, FieldNature), "%s“%s”无法识别，只能填 ≥、≤、=、>、< 或 定性", t.ColumnLabel(IndColNature), strings.TrimSpace(in.Nature))
		}
	}
	if c.o.Direction {
		if d := strings.TrimSpace(in.Direction); d != "" && !slices.Contains(Directions, d) {
			c.add(SevError, indLoc(r, FieldDirection), "%s“%s”无法识别，只能填“正向”或“反向”", t.ColumnLabel(IndColDirection), d)
		}
	}
	for _, k := range t.Rules.RequiredColumns {
		if k == IndColL1 || k == IndColL2 || k == IndColL3 || c.has(indLoc(r, columnField[k])) {
			continue // an error there already (one per empty cell)
		}
		if blank(columnValue(in, k)) {
			c.add(SevError, indLoc(r, columnField[k]), "请填写%s（此项必填）", t.ColumnLabel(k))
		}
	}
	if len(t.Framework) > 0 {
		l1 := strings.TrimSpace(in.Level1)
		i := slices.IndexFunc(t.Framework, func(l Level1) bool { return l.Name == l1 })
		switch {
		case l1 == "" || IsFiller(l1):
		case i < 0:
			c.add(SevHint, indLoc(r, FieldLevel1), "%s“%s”不在表样“%s”的指标体系中（%s），请核对", c.col(IndColL1), l1, t.Name, frameworkNames(t.Framework))
		case len(t.Framework[i].Level2) > 0 && !blank(in.Level2) && !IsFiller(in.Level2) && !slices.Contains(t.Framework[i].Level2, strings.TrimSpace(in.Level2)):
			c.add(SevHint, indLoc(r, FieldLevel2), "%s“%s”不在表样“%s”的“%s”之下（%s），请核对", c.col(IndColL2), strings.TrimSpace(in.Level2), t.Name, l1, strings.Join(t.Framework[i].Level2, "、"))
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

// fundsPart is the template's name of 部门总体资金情况, without its （万元）.
func fundsPart(t *Template) string {
	return strings.TrimSuffix(strings.TrimSuffix(t.Label(SectionFunds), "（万元）"), "(万元)")
}

// On are the columns in force for a form with options o under t: those
// the form switched on and those t has (a form read without its options,
// e.g. a JSON file that leaves them out, still has its template's columns
// printed and checked).
func (t *Template) On(o Options) Options {
	to := t.Options()
	return Options{
		OtherFunds: o.OtherFunds || to.OtherFunds,
		Weight:     o.Weight || to.Weight,
		Unit:       o.Unit || to.Unit,
		ValueType:  o.ValueType || to.ValueType,
		Scoring:    o.Scoring || to.Scoring,
		Nature:     o.Nature || to.Nature,
		Direction:  o.Direction || to.Direction,
	}
}

// DefaultWeightSum is what the 分值 a clerk switches on add up to under a
// template without a weight column of its own (the program's rule before
// templates; a template with a weight column says its own weightSum).
const DefaultWeightSum = 100

// weightSum is what the weights must add up to (0: no rule).
func (c *checker) weightSum() int {
	if c.t.HasColumn(IndColWeight) {
		return c.t.Rules.WeightSum
	}
	return DefaultWeightSum
}

// format checks value v of 基本信息 field b (labelled label) against its
// format and length rules.
func (c *checker) format(loc Location, b BasicField, label, v string) {
	v = strings.TrimSpace(v)
	n := utf8.RuneCountInString(v)
	switch b.Format {
	case FormatDigits:
		if strings.ContainsFunc(v, func(r rune) bool { return r < '0' || r > '9' }) {
			c.add(SevError, loc, "%s“%s”只能填数字（0–9，不要空格和其他符号）", label, v)
			return
		}
	case FormatPhone:
		if !phoneRe.MatchString(v) {
			c.add(SevError, loc, "%s“%s”不像电话号码；请填写如 028-86123456、(028)86123456 或 13812345678", label, v)
			return
		}
	}
	switch {
	case b.MinLength > 0 && b.MinLength == b.MaxLength && n != b.MinLength:
		c.add(SevError, loc, "%s应为 %d 位，现在是 %d 位（“%s”）", label, b.MinLength, n, v)
	case b.MinLength > 0 && n < b.MinLength:
		c.add(SevError, loc, "%s至少 %d 位，现在是 %d 位（“%s”）", label, b.MinLength, n, v)
	case b.MaxLength > 0 && n > b.MaxLength:
		c.add(SevError, loc, "%s最多 %d 位，现在是 %d 位", label, b.MaxLength, n)
	}
}

// phoneRe is a Chinese telephone number: a mobile number (11 digits from
// 1), or a fixed line of 7–8 digits with an area code of 3–4 digits
// (0xx-, (0xx), 0xx ), and an optional extension (-123 or 转123).
var phoneRe = regexp.MustCompile(`^(1\d{10}|(0\d{2,3}[- ]?|[(（]0\d{2,3}[)）])?\d{7,8}([-－转]\d{1,6})?)$`)
