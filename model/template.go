package model

import (
	"slices"
	"strings"
)

// A Template (表样) is one published layout of the 部门整体绩效目标申报表:
// its title, 基本信息 fields, which sections it has and in what order, the
// columns of its tables, the indicator framework it expects, its check
// rules with their parameters and its print layout. Templates are data:
// the built-in ones are below, a finance bureau can write its own in a
// template file (docs/templates.md). A Form names its template by
// TemplateRef; Options are the columns a template switches on.
type Template struct {
	ID      string `json:"id"`      // short name, e.g. "hubei"; [a-z0-9_.-]
	Version int    `json:"version"` // raised by whoever publishes a new revision
	Name    string `json:"name"`    // shown to the clerk, e.g. 湖北 部门整体支出绩效目标申报表
	Title   string `json:"title"`   // printed title of the form
	// Source says where the layout comes from (a published form), in plain words.
	Source string `json:"source,omitempty"`
	// DeptLabel is the label of the 部门名称 field, e.g. 部门(单位)名称.
	DeptLabel string `json:"deptLabel,omitempty"`
	// Basic are the further 基本信息 fields (单位负责人, 填报人, 联系电话 …),
	// kept in Form.Basic by label.
	Basic []BasicField `json:"basic,omitempty"`
	// Sections are the parts of the form in print order (Section* keys).
	Sections []string `json:"sections"`
	// Labels are the printed labels of sections, by section key; a missing
	// one uses the default (DefaultLabel).
	Labels map[string]string `json:"labels,omitempty"`
	// TaskColumns are the amount columns of 年度主要任务 (TaskCol* keys).
	TaskColumns []string `json:"taskColumns,omitempty"`
	// Funds is the 部门总体资金情况 layout, when the template has that section.
	Funds *FundsLayout `json:"funds,omitempty"`
	// IndicatorColumns are the columns of 绩效指标 in order, each with its
	// printed header (IndCol* keys).
	IndicatorColumns []Column `json:"indicatorColumns"`
	// Framework is the expected 一级指标 with their 二级指标.
	Framework []Level1 `json:"framework,omitempty"`
	// Library names the 指标库 subset this template draws from ("" = all).
	Library string `json:"library,omitempty"`
	Rules   Rules  `json:"rules"`
	Print   Print  `json:"print"`
}

// BasicField is one 基本信息 field: a field of the template's own (单位负责人,
// 填报人, 联系电话 …, kept in Form.Basic by label), or, with Field, the
// place of a fixed field (年度, 部门名称) among them.
type BasicField struct {
	Label    string `json:"label"`              // e.g. 填报人
	Required bool   `json:"required,omitempty"` // check asks for it
	// Field names a fixed field printed in this place under Label:
	// BasicYear (年度: a row of 基本信息 instead of the （2022年度） line
	// under the title) or BasicDept (部门名称); "" for a field of its own.
	Field string `json:"field,omitempty"`
	// Format is a rule for what is typed (check): FormatDigits (digits
	// only, e.g. a 预算编码), FormatPhone (a telephone number); "" any text.
	Format string `json:"format,omitempty"`
	// MinLength and MaxLength bound the number of characters typed (0: no
	// bound); equal for an exact length.
	MinLength int `json:"minLength,omitempty"`
	MaxLength int `json:"maxLength,omitempty"`
}

// The fixed fields a BasicField can place, and its formats.
const (
	BasicYear    = "year" // 年度
	BasicDept    = "dept" // 部门名称
	FormatDigits = "digits"
	FormatPhone  = "phone"
)

// Column is one column of a table: its key and its printed header.
type Column struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// Level1 is one 一级指标 of a framework with its expected 二级指标.
type Level1 struct {
	Name   string   `json:"name"`
	Level2 []string `json:"level2,omitempty"`
}

// FundsLayout is the 部门总体资金情况 table: the rows of 收入构成 and of
// 支出构成; each has 当年金额 and 占比, and a 合计 row. A table of one side
// (资金总额 with 其中：财政拨款, 其他资金) lists Income only.
type FundsLayout struct {
	Income  []string `json:"income"`            // e.g. 财政拨款, 其他资金
	Expense []string `json:"expense,omitempty"` // e.g. 基本支出, 项目支出; none: one side only
	// IncomeLabel and ExpenseLabel are the printed names of the sides
	// (收入构成, 支出构成 when empty).
	IncomeLabel  string `json:"incomeLabel,omitempty"`
	ExpenseLabel string `json:"expenseLabel,omitempty"`
	// TotalLabel is the label of each side's total row (合计 when empty),
	// e.g. 资金总额.
	TotalLabel string `json:"totalLabel,omitempty"`
	// TotalFirst prints the total row first and the rows under it as its
	// parts: 资金总额, 其中：财政拨款, 其他资金.
	TotalFirst bool `json:"totalFirst,omitempty"`
	// Years are the 近两年收支金额 columns printed after 占比, in order
	// (none: the table has 当年金额 and 占比 only).
	Years []FundsYear `json:"years,omitempty"`
	// YearsLabel is the header over the Years columns (近两年收支金额 when empty).
	YearsLabel string `json:"yearsLabel,omitempty"`
}

// Rules are the template's checks with their parameters.
type Rules struct {
	// WeightSum: the 分值/权重 of all indicators must add up to it (0: no rule).
	WeightSum int `json:"weightSum,omitempty"`
	// RequiredLevel1: each of these 一级指标 must have at least one row.
	RequiredLevel1 []string `json:"requiredLevel1,omitempty"`
	// RequiredColumns: indicator columns every row must fill (the `*`
	// columns of a form), by IndCol* key.
	RequiredColumns []string `json:"requiredColumns,omitempty"`
	// UnitForQuantity: 计量单位 is required for a 定量 indicator.
	UnitForQuantity bool `json:"unitForQuantity,omitempty"`
	// FundsShares: each 占比 typed must be 当年金额 / 合计 (one decimal).
	FundsShares bool `json:"fundsShares,omitempty"`
	// FundsBalance: 收入合计 must equal 支出合计.
	FundsBalance bool `json:"fundsBalance,omitempty"`
	// DutiesRequired: 部门职能概述 must be filled.
	DutiesRequired bool `json:"dutiesRequired,omitempty"`
}

// Print is the print layout: paper, orientation and column widths (in
// characters, by column key; 0 or missing = the default width).
type Print struct {
	Paper       string         `json:"paper,omitempty"`       // "A4" (the only one supported) or "A3"
	Orientation string         `json:"orientation,omitempty"` // "landscape" or "portrait"
	Widths      map[string]int `json:"widths,omitempty"`
}

// Section keys.
const (
	SectionGoals      = "goals"      // 年度总体目标
	SectionTasks      = "tasks"      // 年度主要任务
	SectionFunds      = "funds"      // 部门总体资金情况
	SectionDuties     = "duties"     // 部门职能概述
	SectionIndicators = "indicators" // 绩效指标
)

// Task amount column keys.
const (
	TaskColTotal  = "total"  // 合计
	TaskColFiscal = "fiscal" // 其中：财政资金
	TaskColOther  = "other"  // 其他资金
)

// Indicator column keys.
const (
	IndColL1        = "level1"
	IndColL2        = "level2"
	IndColL3        = "level3"
	IndColValue     = "value"
	IndColExplain   = "explain"
	IndColNote      = "note"
	IndColWeight    = "weight"
	IndColUnit      = "unit"
	IndColValueType = "valueType"
	IndColScoring   = "scoring"
	IndColNature    = "nature"
	IndColDirection = "direction"
)

var sectionDefault = map[string]string{
	SectionGoals:      "年度总体目标",
	SectionTasks:      "年度主要任务",
	SectionFunds:      "部门总体资金情况（万元）",
	SectionDuties:     "部门职能概述",
	SectionIndicators: "绩效指标",
}

var indicatorDefault = map[string]string{
	IndColL1: "一级指标", IndColL2: "二级指标", IndColL3: "三级指标", IndColValue: "指标值",
	IndColExplain: "指标解释", IndColNote: "指标说明", IndColWeight: "分值", IndColUnit: "计量单位",
	IndColValueType: "指标值类型", IndColScoring: "评分标准", IndColNature: "指标性质", IndColDirection: "指标方向",
}

// Has reports whether t has section key.
func (t *Template) Has(section string) bool { return slices.Contains(t.Sections, section) }

// Label is the printed label of section key.
func (t *Template) Label(section string) string {
	if s := strings.TrimSpace(t.Labels[section]); s != "" {
		return s
	}
	return sectionDefault[section]
}

// Dept is the label of the 部门名称 field.
func (t *Template) Dept() string {
	if t.DeptLabel != "" {
		return t.DeptLabel
	}
	if b := t.fixed(BasicDept); b != nil && strings.TrimSpace(b.Label) != "" {
		return b.Label
	}
	return "部门名称"
}

// YearLabel is the label of the 年度 field.
func (t *Template) YearLabel() string {
	if b := t.fixed(BasicYear); b != nil && strings.TrimSpace(b.Label) != "" {
		return b.Label
	}
	return "年度"
}

// YearInBasic reports whether 年度 is a row of 基本信息 (not the
// （2022年度） line under the title).
func (t *Template) YearInBasic() bool { return t.fixed(BasicYear) != nil }

// fixed is the BasicField that places fixed field key, or nil.
func (t *Template) fixed(key string) *BasicField {
	for i := range t.Basic {
		if t.Basic[i].Field == key {
			return &t.Basic[i]
		}
	}
	return nil
}

// OwnBasic are the 基本信息 fields kept in Form.Basic (not the fixed ones).
func (t *Template) OwnBasic() []BasicField {
	var out []BasicField
	for _, b := range t.Basic {
		if b.Field == "" {
			out = append(out, b)
		}
	}
	return out
}

// HasColumn reports whether the indicator table has column key.
func (t *Template) HasColumn(key string) bool {
	return slices.ContainsFunc(t.IndicatorColumns, func(c Column) bool { return c.Key == key })
}

// ColumnLabel is the printed header of indicator column key.
func (t *Template) ColumnLabel(key string) string {
	for _, c := range t.IndicatorColumns {
		if c.Key == key && strings.TrimSpace(c.Label) != "" {
			return c.Label
		}
	}
	return indicatorDefault[key]
}

// Options are the optional columns t switches on: the current Options are
// the special case of a template's column set.
func (t *Template) Options() Options {
	return Options{
		OtherFunds: slices.Contains(t.TaskColumns, TaskColOther),
		Weight:     t.HasColumn(IndColWeight),
		Unit:       t.HasColumn(IndColUnit),
		ValueType:  t.HasColumn(IndColValueType),
		Scoring:    t.HasColumn(IndColScoring),
		Nature:     t.HasColumn(IndColNature),
		Direction:  t.HasColumn(IndColDirection),
	}
}

// SameVersion reports whether r and o name the same version of the same
// template.
func (r TemplateRef) SameVersion(o TemplateRef) bool { return r.ID == o.ID && r.Version == o.Version }

// Ref is the reference a form keeps to t: its id and version.
func (t *Template) Ref() TemplateRef { return TemplateRef{ID: t.ID, Version: t.Version} }

// Clone returns a deep copy of t.
func (t *Template) Clone() *Template {
	c := *t
	c.Basic = slices.Clone(t.Basic)
	c.Sections = slices.Clone(t.Sections)
	c.TaskColumns = slices.Clone(t.TaskColumns)
	c.IndicatorColumns = slices.Clone(t.IndicatorColumns)
	c.Rules.RequiredLevel1 = slices.Clone(t.Rules.RequiredLevel1)
	c.Rules.RequiredColumns = slices.Clone(t.Rules.RequiredColumns)
	if t.Labels != nil {
		c.Labels = make(map[string]string, len(t.Labels))
		for k, v := range t.Labels {
			c.Labels[k] = v
		}
	}
	if t.Funds != nil {
		f := FundsLayout{Income: slices.Clone(t.Funds.Income), Expense: slices.Clone(t.Funds.Expense),
			Years: slices.Clone(t.Funds.Years), YearsLabel: t.Funds.YearsLabel}
		c.Funds = &f
	}
	c.Framework = make([]Level1, len(t.Framework))
	for i, l := range t.Framework {
		c.Framework[i] = Level1{Name: l.Name, Level2: slices.Clone(l.Level2)}
	}
	if t.Framework == nil {
		c.Framework = nil
	}
	if t.Print.Widths != nil {
		c.Print.Widths = make(map[string]int, len(t.Print.Widths))
		for k, v := range t.Print.Widths {
			c.Print.Widths[k] = v
		}
	}
	return &c
}

// TemplateRef names a form's template and the version it was made with.
// In a drafts file an id and version name one content (store.PutTemplate
// refuses another); the files a draft is exported to carry the template
// itself and its content hash (TemplateHash) besides.
type TemplateRef struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// ApplyTemplate makes f a form of t: it records the template, switches on
// t's columns (Options; columns already on stay on, nothing typed is
// dropped), gives a 部门总体资金情况 its rows when t has one, and keeps
// every value already in f.
func ApplyTemplate(f *Form, t *Template) {
	f.Template = t.Ref()
	o, to := &f.Options, t.Options()
	o.OtherFunds = o.OtherFunds || to.OtherFunds
	o.Weight = o.Weight || to.Weight
	o.Unit = o.Unit || to.Unit
	o.ValueType = o.ValueType || to.ValueType
	o.Scoring = o.Scoring || to.Scoring
	o.Nature = o.Nature || to.Nature
	o.Direction = o.Direction || to.Direction
	if t.Funds != nil && t.Has(SectionFunds) {
		if f.Funds == nil {
			f.Funds = &Funds{}
		}
		f.Funds.Income = withRows(f.Funds.Income, t.Funds.Income)
		f.Funds.Expense = withRows(f.Funds.Expense, t.Funds.Expense)
	}
}

// withRows returns rows with a row for each name that has none yet.
func withRows(rows []FundRow, names []string) []FundRow {
	for _, n := range names {
		if !slices.ContainsFunc(rows, func(r FundRow) bool { return r.Name == n }) {
			rows = append(rows, FundRow{Name: n})
		}
	}
	return rows
}
