package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The validator of templates: every problem of a template at once, each
// with its place (a path in the template file, e.g. indicatorColumns[4].key),
// so that a bureau fixes its file in one go (`jixiao template check`).
// Duplicates, contradictions between parts and rules that can never apply
// are problems as much as a value out of range.

// TemplateProblem is one problem of a template, at Path in the template
// file ("" the file as a whole; fields as in the file, indexes from 0),
// Line its line in the file when known (0 otherwise).
type TemplateProblem struct {
	Path    string
	Line    int
	Message string
}

// Place names the problem's place in plain words: “第 12 行 indicatorColumns 第5项 › key”.
func (p TemplateProblem) Place() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "第 %d 行", p.Line)
	}
	if p.Path != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(PathWords(p.Path))
	}
	return b.String()
}

func (p TemplateProblem) String() string {
	if pl := p.Place(); pl != "" {
		return pl + "：" + p.Message
	}
	return p.Message
}

// PathWords writes a template path with its indexes counted from 1:
// indicatorColumns[4].key → indicatorColumns 第5项 › key.
func PathWords(path string) string {
	var parts []string
	for _, seg := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(seg, "[")
		if name != "" {
			parts = append(parts, name)
		}
		for rest != "" {
			idx, after, _ := strings.Cut(rest, "]")
			if n, err := strconv.Atoi(idx); err == nil {
				parts = append(parts, fmt.Sprintf("第%d项", n+1))
			}
			rest = strings.TrimPrefix(after, "[")
		}
	}
	if len(parts) == 0 {
		return path
	}
	// “indicatorColumns 第5项 › key”: an index follows its list directly.
	var b strings.Builder
	for i, s := range parts {
		switch {
		case i == 0:
		case strings.HasPrefix(s, "第"):
			b.WriteByte(' ')
		default:
			b.WriteString(" › ")
		}
		b.WriteString(s)
	}
	return b.String()
}

const maxLabel = 100

var knownSections = []string{SectionGoals, SectionTasks, SectionFunds, SectionDuties, SectionIndicators}
var knownTaskCols = []string{TaskColTotal, TaskColFiscal, TaskColOther}
var knownIndCols = []string{IndColL1, IndColL2, IndColL3, IndColValue, IndColExplain, IndColNote, IndColWeight, IndColUnit, IndColValueType, IndColScoring, IndColNature, IndColDirection}

// tcheck collects the problems of one template.
type tcheck struct {
	t   *Template
	out []TemplateProblem
}

func (c *tcheck) add(path, format string, args ...any) {
	c.out = append(c.out, TemplateProblem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// label checks a label: present when required, at most 100 characters,
// no control characters.
func (c *tcheck) label(path, what, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		c.add(path, "缺少%s", what)
	case utf8.RuneCountInString(s) > maxLabel:
		c.add(path, "%s超过 %d 个字", what, maxLabel)
	case strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }):
		c.add(path, "%s含有控制字符", what)
	}
}

// dups reports each item of list (at path[i]) equal to an earlier one.
func (c *tcheck) dups(path string, list []string, what string) {
	first := map[string]int{}
	for i, s := range list {
		k := strings.TrimSpace(s)
		if k == "" {
			continue
		}
		if j, ok := first[k]; ok {
			c.add(fmt.Sprintf("%s[%d]", path, i), "%s“%s”列出了两次（第%d项已有），请删去一个", what, k, j+1)
			continue
		}
		first[k] = i
	}
}

func oneOf(list []string) string { return strings.Join(list, "、") }

// Problems returns every problem of t, in the order of the file's fields
// (nil when t is a valid template).
func (t *Template) Problems() []TemplateProblem {
	c := &tcheck{t: t}
	c.head()
	c.basic()
	c.sections()
	c.tasks()
	c.funds()
	c.columns()
	c.framework()
	c.rules()
	c.print()
	return c.out
}

func (c *tcheck) head() {
	t := c.t
	if t.ID == "" || len(t.ID) > 64 || strings.ContainsFunc(t.ID, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) {
		c.add("id", "编号“%s”无效，只能用小写字母、数字和 - _ .，最长 64 个字符", short(t.ID))
	}
	if t.Version < 1 || t.Version > 1_000_000 {
		c.add("version", "表样的版本应为 1 到 1000000 的整数（现为 %d）", t.Version)
	}
	c.label("name", "名称", t.Name, true)
	c.label("title", "标题", t.Title, true)
	c.label("deptLabel", "部门名称的标签", t.DeptLabel, false)
	if utf8.RuneCountInString(t.Source) > 1000 {
		c.add("source", "来源说明超过 1000 个字")
	}
}

func (c *tcheck) basic() {
	t := c.t
	if len(t.Basic) > 20 {
		c.add("basic", "基本信息栏目超过 20 个（现有 %d 个）", len(t.Basic))
	}
	labels := make([]string, len(t.Basic))
	var fields []string
	for i, b := range t.Basic {
		p := fmt.Sprintf("basic[%d]", i)
		labels[i] = b.Label
		switch b.Field {
		case "":
			c.label(p+".label", "基本信息栏目的名称", b.Label, true)
			if n := strings.TrimSpace(b.Label); n == "年度" || n == "部门名称" || n == t.Dept() && n != "" {
				c.add(p+".label", "“%s”是固定栏目；要把它放在基本信息中，请写 {\"field\": \"%s\", \"label\": \"%s\"}", n, map[bool]string{true: BasicYear, false: BasicDept}[n == "年度"], n)
			}
		case BasicYear, BasicDept:
			c.label(p+".label", "基本信息栏目的名称", b.Label, false)
			if slices.Contains(fields, b.Field) {
				c.add(p+".field", "固定栏目“%s”放了两次", b.Field)
			}
			fields = append(fields, b.Field)
			if b.Field == BasicDept && t.DeptLabel != "" && strings.TrimSpace(b.Label) != "" && strings.TrimSpace(b.Label) != strings.TrimSpace(t.DeptLabel) {
				c.add(p+".label", "部门名称的标签写了两种：deptLabel 是“%s”，这里是“%s”；请只写一处", t.DeptLabel, b.Label)
			}
			if b.Field == BasicYear && (b.Format != "" || b.MinLength > 0 || b.MaxLength > 0) {
				c.add(p+".format", "年度总是 4 位数字的年份，不能另设格式或长度")
			}
			if b.Required {
				c.add(p+".required", "年度和部门名称总是必填的，不用写 required")
			}
		default:
			c.add(p+".field", "不认识的固定栏目“%s”（可用：%s 年度、%s 部门名称）", short(b.Field), BasicYear, BasicDept)
		}
		switch b.Format {
		case "", FormatDigits, FormatPhone:
		default:
			c.add(p+".format", "不认识的格式“%s”（可用：%s 只能是数字，%s 电话号码）", short(b.Format), FormatDigits, FormatPhone)
		}
		switch {
		case b.MinLength < 0 || b.MaxLength < 0 || b.MinLength > 1000 || b.MaxLength > 1000:
			c.add(p, "长度（minLength、maxLength）应在 0 到 1000 之间")
		case b.MaxLength > 0 && b.MinLength > b.MaxLength:
			c.add(p, "最短长度 minLength %d 大于最长长度 maxLength %d，任何内容都通不过", b.MinLength, b.MaxLength)
		}
	}
	// the same label twice (fixed fields by their printed label)
	printed := slices.Clone(labels)
	for i, b := range t.Basic {
		if b.Field != "" && strings.TrimSpace(b.Label) == "" {
			printed[i] = map[string]string{BasicYear: "年度", BasicDept: t.Dept()}[b.Field]
		}
	}
	c.dupsWith("basic", printed, "基本信息栏目", ".label")
}

// dupsWith is dups for items whose text is at path[i]+suffix.
func (c *tcheck) dupsWith(path string, list []string, what, suffix string) {
	first := map[string]int{}
	for i, s := range list {
		k := strings.TrimSpace(s)
		if k == "" {
			continue
		}
		if j, ok := first[k]; ok {
			c.add(fmt.Sprintf("%s[%d]%s", path, i, suffix), "%s“%s”列出了两次（第%d项已有），请删去一个或改名", what, k, j+1)
			continue
		}
		first[k] = i
	}
}

func (c *tcheck) sections() {
	t := c.t
	if len(t.Sections) == 0 {
		c.add("sections", "没有列出任何部分；至少要有 indicators（可用：%s）", oneOf(knownSections))
	}
	for i, s := range t.Sections {
		if !slices.Contains(knownSections, s) {
			c.add(fmt.Sprintf("sections[%d]", i), "不认识的部分“%s”（可用：%s）", short(s), oneOf(knownSections))
		}
	}
	c.dups("sections", t.Sections, "部分")
	if len(t.Sections) > 0 && !t.Has(SectionIndicators) {
		c.add("sections", "缺少绩效指标部分 indicators")
	}
	for _, k := range slices.Sorted(mapKeys(t.Labels)) {
		p := "labels." + k
		switch {
		case !slices.Contains(knownSections, k):
			c.add(p, "标签对应的部分“%s”不存在（可用：%s）", short(k), oneOf(knownSections))
		case !t.Has(k):
			c.add(p, "sections 中没有 %s，这个标签用不上；请在 sections 中加上它或删去这个标签", k)
		}
		c.label(p, "部分的标签", t.Labels[k], false)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (c *tcheck) tasks() {
	t := c.t
	for i, k := range t.TaskColumns {
		if !slices.Contains(knownTaskCols, k) {
			c.add(fmt.Sprintf("taskColumns[%d]", i), "不认识的任务栏目“%s”（可用：%s）", short(k), oneOf(knownTaskCols))
		}
	}
	c.dups("taskColumns", t.TaskColumns, "任务栏目")
	if len(t.TaskColumns) > 0 && !t.Has(SectionTasks) {
		c.add("taskColumns", "sections 中没有 tasks（年度主要任务），任务栏目用不上")
	}
}

func (c *tcheck) funds() {
	t, l := c.t, c.t.Funds
	switch {
	case l == nil && t.Has(SectionFunds):
		c.add("funds", "sections 中有 funds（部门总体资金情况），但没有写 funds：请列出收入构成的行 income（如 [\"财政拨款\", \"其他资金\"]），有支出构成时再列 expense")
		return
	case l == nil:
		return
	case !t.Has(SectionFunds):
		c.add("funds", "sections 中没有 funds，资金情况的行用不上；请在 sections 中加上 funds 或删去 funds")
	}
	if len(l.Income) == 0 {
		c.add("funds.income", "没有列出收入构成（或资金来源）的行；表只有一边时也写在 income 中，expense 留空")
	}
	if len(l.Income)+len(l.Expense) > 40 {
		c.add("funds", "部门总体资金情况的行超过 40 行")
	}
	for _, side := range []struct {
		path string
		rows []string
	}{{"funds.income", l.Income}, {"funds.expense", l.Expense}} {
		for i, n := range side.rows {
			c.label(fmt.Sprintf("%s[%d]", side.path, i), "资金情况的行名", n, true)
			if strings.TrimSpace(n) == l.Total() {
				c.add(fmt.Sprintf("%s[%d]", side.path, i), "“%s”是合计行的名称，程序自动加上，不要列为一行", l.Total())
			}
		}
		c.dups(side.path, side.rows, "资金情况的行")
	}
	c.label("funds.incomeLabel", "收入构成的名称", l.IncomeLabel, false)
	c.label("funds.expenseLabel", "支出构成的名称", l.ExpenseLabel, false)
	c.label("funds.totalLabel", "合计行的名称", l.TotalLabel, false)
	if l.ExpenseLabel != "" && len(l.Expense) == 0 {
		c.add("funds.expenseLabel", "没有支出构成的行（expense），它的名称用不上")
	}
	if l.IncomeLabel != "" && l.IncomeLabel == l.ExpenseLabel {
		c.add("funds.expenseLabel", "收入和支出两边的名称都是“%s”，请区分", l.IncomeLabel)
	}
	if err := l.validateYears(); err != nil {
		c.add("funds.years", "%s", err.Error())
	}
	for i, y := range l.Years {
		c.label(fmt.Sprintf("funds.years[%d].label", i), "近两年收支金额的列标题", y.Label, false)
	}
	c.label("funds.yearsLabel", "近两年收支金额的标题", l.YearsLabel, false)
	if l.YearsLabel != "" && len(l.Years) == 0 {
		c.add("funds.yearsLabel", "没有近两年收支金额的列（years），它的标题用不上")
	}
}

func (c *tcheck) columns() {
	t := c.t
	if len(t.IndicatorColumns) > len(knownIndCols) {
		c.add("indicatorColumns", "指标栏目有 %d 个，最多 %d 个（每种栏目一次）", len(t.IndicatorColumns), len(knownIndCols))
	}
	keys := make([]string, len(t.IndicatorColumns))
	labels := make([]string, len(t.IndicatorColumns))
	for i, col := range t.IndicatorColumns {
		p := fmt.Sprintf("indicatorColumns[%d]", i)
		keys[i], labels[i] = col.Key, col.Label
		if !slices.Contains(knownIndCols, col.Key) {
			c.add(p+".key", "不认识的指标栏目“%s”（可用：%s）", short(col.Key), oneOf(knownIndCols))
		}
		c.label(p+".label", "栏目的标题（label，即表头）", col.Label, true)
	}
	c.dupsWith("indicatorColumns", keys, "栏目", ".key")
	c.dupsWith("indicatorColumns", labels, "表头", ".label")
	for _, k := range []string{IndColL1, IndColL2, IndColL3, IndColValue} {
		if !t.HasColumn(k) {
			c.add("indicatorColumns", "缺少栏目 %s（%s）：一级指标、二级指标、三级指标和指标值是必有的", k, indicatorDefault[k])
		}
	}
}

func (c *tcheck) framework() {
	t := c.t
	if len(t.Framework) > 50 {
		c.add("framework", "指标体系的一级指标超过 50 个")
	}
	names := make([]string, len(t.Framework))
	for i, l := range t.Framework {
		p := fmt.Sprintf("framework[%d]", i)
		names[i] = l.Name
		c.label(p+".name", "一级指标的名称", l.Name, true)
		if len(l.Level2) > 50 {
			c.add(p+".level2", "一级指标“%s”下的二级指标超过 50 个", l.Name)
		}
		for j, n := range l.Level2 {
			c.label(fmt.Sprintf("%s.level2[%d]", p, j), "二级指标的名称", n, true)
		}
		c.dups(p+".level2", l.Level2, "二级指标")
	}
	c.dupsWith("framework", names, "一级指标", ".name")
}

func (c *tcheck) rules() {
	t, r := c.t, c.t.Rules
	if r.WeightSum < 0 || r.WeightSum > 10000 {
		c.add("rules.weightSum", "权重合计应在 0 到 10000 之间（现为 %d）", r.WeightSum)
	}
	if r.WeightSum > 0 && !t.HasColumn(IndColWeight) {
		c.add("rules.weightSum", "要求权重合计为 %d，但 indicatorColumns 中没有 weight 栏目，表中没有权重可加；请加上 {\"key\": \"weight\", \"label\": \"权重(%%)\"}，或删去 weightSum", r.WeightSum)
	}
	for i, n := range r.RequiredLevel1 {
		p := fmt.Sprintf("rules.requiredLevel1[%d]", i)
		c.label(p, "必须有的一级指标", n, true)
		if len(t.Framework) > 0 && strings.TrimSpace(n) != "" && !slices.ContainsFunc(t.Framework, func(l Level1) bool { return l.Name == strings.TrimSpace(n) }) {
			c.add(p, "要求有一级指标“%s”，但指标体系 framework 中没有它（有：%s）；请改成其中之一，或在 framework 中加上", n, frameworkNames(t.Framework))
		}
	}
	c.dups("rules.requiredLevel1", r.RequiredLevel1, "一级指标")
	for i, k := range r.RequiredColumns {
		p := fmt.Sprintf("rules.requiredColumns[%d]", i)
		switch {
		case !slices.Contains(knownIndCols, k):
			c.add(p, "不认识的栏目“%s”（可用：%s）", short(k), oneOf(knownIndCols))
		case !t.HasColumn(k):
			c.add(p, "必填栏目 %s 不在 indicatorColumns 中，表中没有这一栏", k)
		}
	}
	c.dups("rules.requiredColumns", r.RequiredColumns, "必填栏目")
	if r.UnitForQuantity && !t.HasColumn(IndColUnit) {
		c.add("rules.unitForQuantity", "要求定量指标填写计量单位，但 indicatorColumns 中没有 unit 栏目；请加上 {\"key\": \"unit\", \"label\": \"度量单位\"}，或删去这条规则")
	}
	if r.FundsShares && !t.Has(SectionFunds) {
		c.add("rules.fundsShares", "要求核对占比，但没有部门总体资金情况（sections 中没有 funds）")
	}
	if r.FundsBalance && !t.Has(SectionFunds) {
		c.add("rules.fundsBalance", "要求收支平衡，但没有部门总体资金情况（sections 中没有 funds）")
	}
	if r.FundsBalance && t.Funds != nil && len(t.Funds.Expense) == 0 {
		c.add("rules.fundsBalance", "要求收入合计等于支出合计，但资金情况只有一边（funds 中没有 expense）；请删去 fundsBalance 或列出支出构成")
	}
	if r.DutiesRequired && !t.Has(SectionDuties) {
		c.add("rules.dutiesRequired", "要求填写部门职能概述，但 sections 中没有 duties")
	}
}

func (c *tcheck) print() {
	t := c.t
	switch t.Print.Paper {
	case "", "A4", "A3":
	default:
		c.add("print.paper", "纸张“%s”不支持（可用 A4、A3）", short(t.Print.Paper))
	}
	switch t.Print.Orientation {
	case "", "landscape", "portrait":
	default:
		c.add("print.orientation", "方向“%s”不支持（可用 landscape 横向、portrait 纵向）", short(t.Print.Orientation))
	}
	for _, k := range slices.Sorted(mapKeys(t.Print.Widths)) {
		p, w := "print.widths."+k, t.Print.Widths[k]
		switch {
		case !slices.Contains(knownIndCols, k):
			c.add(p, "列宽对应的栏目“%s”不存在（可用：%s）", short(k), oneOf(knownIndCols))
		case k == IndColNote:
			c.add(p, "指标说明（note）占用年度主要任务的金额和备注列，宽度随它们，不能单独设")
		case !t.HasColumn(k):
			c.add(p, "indicatorColumns 中没有 %s，这个列宽用不上", k)
		}
		if w < 0 || w > 100 {
			c.add(p, "列宽 %d 不在 0 到 100 之间（单位：字符）", w)
		}
	}
}
