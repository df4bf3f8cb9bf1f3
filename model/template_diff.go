package model

import (
	"fmt"
	"slices"
	"strings"
)

// TemplateDiff lists, in plain Chinese and in the order of the form, what
// changes from template from to template to: name and title, 基本信息
// fields, sections (added, removed, renamed, reordered), the columns of
// 年度主要任务 and of 绩效指标 (added, removed, renamed, reordered), the
// rows of 部门总体资金情况, the indicator framework, the check rules and
// the print layout. It says nothing about a form's data (Migrate does).
// Both templates are only read; nil for either gives nil.
func TemplateDiff(from, to *Template) []string {
	if from == nil || to == nil {
		return nil
	}
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	if from.Name != to.Name {
		add("名称改为“%s”（原为“%s”）", to.Name, from.Name)
	}
	if from.Title != to.Title {
		add("标题改为“%s”（原为“%s”）", to.Title, from.Title)
	}
	if from.Dept() != to.Dept() {
		add("基本信息：「%s」改名为「%s」", from.Dept(), to.Dept())
	}
	out = append(out, basicDiff(from, to)...)
	out = append(out, sectionDiff(from, to)...)
	if from.Has(SectionTasks) && to.Has(SectionTasks) {
		for _, k := range minus(to.TaskColumns, from.TaskColumns) {
			add("%s：新增栏目「%s」", to.Label(SectionTasks), taskColumnName[k])
		}
		for _, k := range minus(from.TaskColumns, to.TaskColumns) {
			add("%s：删去栏目「%s」", to.Label(SectionTasks), taskColumnName[k])
		}
	}
	if from.Has(SectionFunds) && to.Has(SectionFunds) {
		fl, tl := from.Funds, to.Funds
		if fl == nil {
			fl = &FundsLayout{}
		}
		if tl == nil {
			tl = &FundsLayout{}
		}
		for _, side := range []struct {
			name     string
			old, new []string
		}{{FundsIncome.String(), fl.Income, tl.Income}, {FundsExpense.String(), fl.Expense, tl.Expense}} {
			for _, n := range minus(side.new, side.old) {
				add("%s：%s新增一行「%s」", to.Label(SectionFunds), side.name, n)
			}
			for _, n := range minus(side.old, side.new) {
				add("%s：%s删去一行「%s」", to.Label(SectionFunds), side.name, n)
			}
		}
		for back := 1; back <= 2; back++ {
			switch o, n := hasBack(fl.Years, back), hasBack(tl.Years, back); {
			case n && !o:
				add("%s：新增栏目「%s」", to.Label(SectionFunds), yearLabelOf(tl, back))
			case o && !n:
				add("%s：删去栏目「%s」", to.Label(SectionFunds), yearLabelOf(fl, back))
			case o && n && yearLabelOf(fl, back) != yearLabelOf(tl, back):
				add("%s：栏目「%s」改名为「%s」", to.Label(SectionFunds), yearLabelOf(fl, back), yearLabelOf(tl, back))
			}
		}
	}
	out = append(out, columnDiff(from, to)...)
	out = append(out, frameworkDiff(from, to)...)
	ro, rn := from.RuleTexts(), to.RuleTexts()
	for _, r := range minus(rn, ro) {
		add("审核：新增规则“%s”", r)
	}
	for _, r := range minus(ro, rn) {
		add("审核：取消规则“%s”", r)
	}
	if from.Library != to.Library {
		add("指标库：改为“%s”", libraryName(to.Library))
	}
	if po, pn := from.printText(), to.printText(); po != pn {
		add("打印：改为 %s（原为 %s）", pn, po)
	}
	return out
}

var taskColumnName = map[string]string{TaskColTotal: "合计", TaskColFiscal: "其中：财政资金", TaskColOther: "其他资金"}

func libraryName(s string) string {
	if s == "" {
		return "全部"
	}
	return s
}

func basicDiff(from, to *Template) []string {
	var out []string
	old := map[string]BasicField{}
	for _, b := range from.OwnBasic() {
		old[b.Label] = b
	}
	now := map[string]bool{}
	for _, b := range to.OwnBasic() {
		now[b.Label] = true
		o, ok := old[b.Label]
		switch {
		case !ok && b.Required:
			out = append(out, fmt.Sprintf("基本信息：新增「%s」（必填）", b.Label))
		case !ok:
			out = append(out, fmt.Sprintf("基本信息：新增「%s」", b.Label))
		case b.Required && !o.Required:
			out = append(out, fmt.Sprintf("基本信息：「%s」改为必填", b.Label))
		case !b.Required && o.Required:
			out = append(out, fmt.Sprintf("基本信息：「%s」不再必填", b.Label))
		}
	}
	for _, b := range from.OwnBasic() {
		if !now[b.Label] {
			out = append(out, fmt.Sprintf("基本信息：删去「%s」", b.Label))
		}
	}
	return out
}

func sectionDiff(from, to *Template) []string {
	var out []string
	for _, s := range to.Sections {
		if !from.Has(s) {
			out = append(out, fmt.Sprintf("新增部分「%s」", to.Label(s)))
		} else if from.Label(s) != to.Label(s) {
			out = append(out, fmt.Sprintf("「%s」改名为「%s」", from.Label(s), to.Label(s)))
		}
	}
	for _, s := range from.Sections {
		if !to.Has(s) {
			out = append(out, fmt.Sprintf("删去部分「%s」", from.Label(s)))
		}
	}
	if a, b := common(from.Sections, to.Sections), common(to.Sections, from.Sections); !slices.Equal(a, b) {
		names := make([]string, len(to.Sections))
		for i, s := range to.Sections {
			names[i] = to.Label(s)
		}
		out = append(out, "各部分的顺序改为："+strings.Join(names, " → "))
	}
	return out
}

func columnKeys(cs []Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key
	}
	return out
}

// columnMeaning says what an indicator column holds, for a header that
// changes its meaning between versions.
var columnMeaning = map[string]string{
	IndColL1: "一级指标", IndColL2: "二级指标", IndColL3: "三级指标", IndColValue: "指标值",
	IndColExplain: "指标解释", IndColNote: "指标说明", IndColWeight: "分值/权重", IndColUnit: "计量单位",
	IndColValueType: "指标值类型（定量、定性）", IndColScoring: "评(扣)分标准",
	IndColNature: "指标性质（≥、≤、=、定性）", IndColDirection: "指标方向（正向、反向）",
}

func columnDiff(from, to *Template) []string {
	var out []string
	part := to.Label(SectionIndicators)
	fk, tk := columnKeys(from.IndicatorColumns), columnKeys(to.IndicatorColumns)
	// A header that stays but now stands for another column: one line that
	// says its meaning changed, not “新增「指标性质」… 删去「指标性质」”.
	moved := map[string]bool{} // keys whose header moved to another key
	for _, a := range fk {
		for _, b := range tk {
			if a != b && from.ColumnLabel(a) == to.ColumnLabel(b) && !slices.Contains(tk, a) && !slices.Contains(fk, b) {
				moved[a], moved[b] = true, true
				out = append(out, fmt.Sprintf("%s：栏目「%s」的含义改变：原为%s，现为%s（已填的内容按原来的含义处理，见下）",
					part, to.ColumnLabel(b), columnMeaning[a], columnMeaning[b]))
			}
		}
	}
	for _, k := range tk {
		switch {
		case moved[k]:
		case !slices.Contains(fk, k):
			out = append(out, fmt.Sprintf("%s：新增栏目「%s」", part, to.ColumnLabel(k)))
		case from.ColumnLabel(k) != to.ColumnLabel(k):
			out = append(out, fmt.Sprintf("%s：栏目「%s」改名为「%s」", part, from.ColumnLabel(k), to.ColumnLabel(k)))
		}
	}
	for _, k := range minus(fk, tk) {
		if !moved[k] {
			out = append(out, fmt.Sprintf("%s：删去栏目「%s」", part, from.ColumnLabel(k)))
		}
	}
	if !slices.Equal(common(fk, tk), common(tk, fk)) {
		names := make([]string, len(tk))
		for i, k := range tk {
			names[i] = to.ColumnLabel(k)
		}
		out = append(out, fmt.Sprintf("%s：栏目顺序改为 %s", part, strings.Join(names, " | ")))
	}
	return out
}

func frameworkDiff(from, to *Template) []string {
	var out []string
	old := map[string][]string{}
	for _, l := range from.Framework {
		old[l.Name] = l.Level2
	}
	now := map[string]bool{}
	for _, l := range to.Framework {
		now[l.Name] = true
		o, ok := old[l.Name]
		if !ok {
			s := fmt.Sprintf("指标体系：新增一级指标「%s」", l.Name)
			if len(l.Level2) > 0 {
				s += "（二级指标 " + strings.Join(l.Level2, "、") + "）"
			}
			out = append(out, s)
			continue
		}
		if a := minus(l.Level2, o); len(a) > 0 {
			out = append(out, fmt.Sprintf("指标体系：一级指标「%s」下新增二级指标 %s", l.Name, strings.Join(a, "、")))
		}
		if r := minus(o, l.Level2); len(r) > 0 {
			out = append(out, fmt.Sprintf("指标体系：一级指标「%s」下删去二级指标 %s", l.Name, strings.Join(r, "、")))
		}
	}
	for _, l := range from.Framework {
		if !now[l.Name] {
			out = append(out, fmt.Sprintf("指标体系：删去一级指标「%s」", l.Name))
		}
	}
	return out
}

// RuleTexts are t's check rules in plain Chinese, one per rule (the
// general checks every form gets are not listed).
func (t *Template) RuleTexts() []string {
	r := t.Rules
	var out []string
	if r.WeightSum > 0 {
		out = append(out, fmt.Sprintf("%s合计为 %d", t.ColumnLabel(IndColWeight), r.WeightSum))
	}
	for _, l := range r.RequiredLevel1 {
		out = append(out, "必须有一级指标“"+l+"”")
	}
	for _, k := range r.RequiredColumns {
		out = append(out, "每行必填“"+t.ColumnLabel(k)+"”")
	}
	if r.UnitForQuantity {
		out = append(out, "定量指标必须填“"+t.ColumnLabel(IndColUnit)+"”")
	}
	if r.FundsShares {
		out = append(out, "占比 = 当年金额 ÷ 合计")
	}
	if r.FundsBalance {
		out = append(out, "收入合计 = 支出合计")
	}
	if r.DutiesRequired {
		out = append(out, "“"+t.Label(SectionDuties)+"”必填")
	}
	return out
}

func (t *Template) printText() string {
	paper, orient := t.Print.Paper, "横向"
	if paper == "" {
		paper = "A4"
	}
	if t.Print.Orientation == "portrait" {
		orient = "纵向"
	}
	return paper + " " + orient
}

// minus is the elements of a not in b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// common is the elements of a that are also in b, in a's order.
func common(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// yearLabelOf is the header of l's 近两年 column back (as the template
// writes it, "{year}" left in).
func yearLabelOf(l *FundsLayout, back int) string {
	for _, y := range l.Years {
		if y.Back == back {
			return y.YearLabel("")
		}
	}
	return FundsYear{Back: back}.YearLabel("")
}
