package model

import (
	"strings"

	"github.com/shopspring/decimal"
)

func (c *checker) indicators() {
	ins := c.f.Indicators
	if len(ins) == 0 {
		c.add(SevError, Location{Part: PartIndicators, Unit: -1, Row: -1}, "还没有%s，请添加（可从指标库中选择）", c.t.Label(SectionIndicators))
		return
	}
	names := make(dupIndex, len(ins))
	name := func(i int) string { return ins[i].Name() }
	weights, weighted := decimal.Zero, true
	for r := range ins {
		in := &ins[r]
		if !c.indicator(r, in) {
			continue
		}
		if c.o.Weight {
			w, ok := c.weight(r, in)
			weights, weighted = weights.Add(w), weighted && ok
		}
		c.templateRow(r, in)
		if !blank(in.Name()) {
			if j, dup := names.seen(in.Name(), r, name); dup {
				c.add(SevHint, indLoc(r, nameField(in)), "第%d行和第%d行的指标名称都是“%s”，可能重复；请删除一行或改正名称", j+1, r+1, in.Name())
			}
		}
	}
	if sum := c.weightSum(); c.o.Weight && sum > 0 && weighted && !weights.Equal(decimal.NewFromInt(int64(sum))) {
		c.add(SevError, Location{Part: PartIndicators, Unit: -1, Row: -1, Field: FieldWeight},
			"各指标%s加起来是 %s，应为 %d；请调整%s", c.t.ColumnLabel(IndColWeight), weights.String(), sum, c.t.ColumnLabel(IndColWeight))
	}
}

func nameField(in *Indicator) Field {
	if in.Sub != "" {
		return FieldSub
	}
	return FieldLevel3
}

// indicator checks row r; it reports false for rows that are blank or
// placeholders, which take no part in the other checks.
func (c *checker) indicator(r int, in *Indicator) bool {
	levels := [...]struct {
		f Field
		s string
	}{{FieldLevel1, in.Level1}, {FieldLevel2, in.Level2}, {FieldLevel3, in.Level3}, {FieldSub, in.Sub}}
	for _, l := range levels {
		if !IsFiller(l.s) {
			continue
		}
		s := strings.TrimSpace(l.s)
		if strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }) {
			c.add(SevError, indLoc(r, l.f), "“%s”是模板里的示例名称，请改为本部门实际的事项并填写指标值，或删除这一行", s)
		} else {
			c.add(SevError, indLoc(r, l.f), "这是模板里的占位行（“%s”），请填写实际的指标，或删除这一行", s)
		}
		return false
	}
	if blank(in.Level1) && blank(in.Level2) && blank(in.Level3) && blank(in.Sub) && blank(in.Value) && blank(in.Explain) && blank(in.Note) {
		c.add(SevError, indLoc(r, ""), "这是一个空行，请填写指标或删除这一行")
		return false
	}
	for i, l := range levels[:3] {
		if blank(l.s) {
			c.add(SevError, indLoc(r, l.f), "请填写%s", c.col([]string{IndColL1, IndColL2, IndColL3}[i]))
		}
	}
	c.value(r, in)
	if in.Formula != "" {
		c.rate(r, in)
	}
	return true
}

// isRate reports whether in is a percentage: it has a formula or its name
// says 率, 比重 or 满意度.
func isRate(in *Indicator) bool {
	n := in.Name()
	return in.Formula != "" || strings.HasSuffix(n, "率") || strings.HasSuffix(n, "比重") || strings.HasSuffix(n, "满意度")
}

func (c *checker) value(r int, in *Indicator) {
	loc := indLoc(r, FieldValue)
	t := ParseTarget(in.Value)
	switch t.Kind {
	case TargetEmpty:
		if isRate(in) {
			c.add(SevError, loc, "请填写%s，如 ≥98%%、≤5%%（这是一项比率）", c.col(IndColValue))
		} else {
			c.add(SevError, loc, "请填写%s，如 100%%、3次 或 充分", c.col(IndColValue))
		}
		return
	case TargetInvalid:
		if in.Formula != "" {
			c.add(SevError, loc, "%s；这一项按公式计算比率，指标值读不出来就无法判断是否达标", t.Reason)
		} else {
			c.add(SevError, loc, "%s；请写成如 ≥98%%、3次 或 充分", t.Reason)
		}
		return
	}
	unitCol := ""
	if c.o.Unit {
		unitCol = normUnit(in.Unit)
	}
	if t.Kind == TargetNumber && t.Unit == "" && isRate(in) && (unitCol == "" || unitCol == "%") {
		one := decimal.NewFromInt(1)
		if t.Number.IsPositive() && t.Number.LessThanOrEqual(one) && (unitCol == "" || t.Number.LessThan(one)) {
			want := t
			want.Number, want.Unit = t.Number.Mul(hundred), "%"
			c.add(SevError, loc, "指标值“%s”像是丢了百分号（Excel 里的 %s 被当成了 %s），请改为 %s",
				strings.TrimSpace(in.Value), want.Number.String()+"%", t.Number.String(), want.String())
			return
		}
		if unitCol == "" {
			want := t
			want.Unit = "%"
			c.add(SevHint, loc, "比率类指标的指标值应带百分号，请把“%s”改为“%s”", strings.TrimSpace(in.Value), want.String())
		}
	}
	if unitCol != "" && t.Kind == TargetNumber && t.Unit != "" && normUnit(t.Unit) != unitCol {
		c.add(SevError, loc, "%s“%s”的单位是“%s”，但%s填的是“%s”，两者不一致；请改正其中一个",
			c.col(IndColValue), strings.TrimSpace(in.Value), t.Unit, c.col(IndColUnit), strings.TrimSpace(in.Unit))
	}
	if c.o.ValueType {
		switch vt := strings.TrimSpace(in.ValueType); vt {
		case "定量":
			if t.Kind == TargetQualitative {
				c.add(SevError, loc, "%s是“定量”，但%s“%s”是文字；定量指标请填写数字（如 ≥98%%、3次），或把%s改为“定性”", c.col(IndColValueType), c.col(IndColValue), t.Text, c.col(IndColValueType))
			}
		case "定性":
			if t.Kind == TargetNumber {
				c.add(SevHint, indLoc(r, FieldValueType), "指标值“%s”是数字，类型却是“定性”；如是数量指标，请把类型改为“定量”", strings.TrimSpace(in.Value))
			}
		case "":
			c.add(SevError, indLoc(r, FieldValueType), "请填写%s（定量 或 定性）", c.col(IndColValueType))
		default:
			c.add(SevError, indLoc(r, FieldValueType), "%s“%s”无法识别，只能填“定量”或“定性”", c.col(IndColValueType), vt)
		}
	}
}

// normUnit folds the spellings of a unit: ％ and % are the same.
func normUnit(u string) string {
	u = strings.TrimSpace(NormalizeNumber(u))
	switch u {
	case "百分比", "百分率":
		return "%"
	}
	return u
}

func (c *checker) rate(r int, in *Indicator) {
	if _, ok := FormulaFor(in.Formula); !ok {
		c.add(SevHint, indLoc(r, FieldNote), "公式“%s”不在公式库中，无法自动计算；请从指标库重新选择这一指标", in.Formula)
		return
	}
	rt := EvalRate(*in)
	switch rt.State {
	case RateBadInput:
		for _, name := range rt.Bad {
			_, err := ParseNumber(in.Inputs[name])
			c.add(SevError, Location{Part: PartIndicators, Unit: -1, Row: r, Field: FieldInput, Input: name}, "%s，请填写数字（不能为负数）", err.Error())
		}
	case RateDivZero:
		c.add(SevHint, Location{Part: PartIndicators, Unit: -1, Row: r, Field: FieldInput, Input: rt.Zero}, "%s；请核对计算数据", rt.Message)
	}
}

// weight checks row r's 分值 and returns it; false when it is missing or
// unreadable (then the total is not checked).
func (c *checker) weight(r int, in *Indicator) (decimal.Decimal, bool) {
	w := strings.TrimSpace(in.Weight)
	if w == "" {
		c.add(SevError, indLoc(r, FieldWeight), "请填写%s", c.col(IndColWeight))
		return decimal.Zero, false
	}
	d, err := ParseNumber(strings.TrimSuffix(w, "分"))
	if err != nil {
		c.add(SevError, indLoc(r, FieldWeight), "%s“%s”不是数字，请填写数字", c.col(IndColWeight), w)
		return decimal.Zero, false
	}
	return d, true
}
