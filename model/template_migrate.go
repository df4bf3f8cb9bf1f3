package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Migration is what Migrate does to a draft, in plain Chinese: the
// template's changes and where each part of what the clerk typed goes.
// The same text is shown before (a dry run: Migrate on the draft, result
// not kept) and after.
type Migration struct {
	From, To         TemplateRef
	FromName, ToName string
	// FromMissing: the draft's own version is not known here, so the
	// template's changes cannot be listed (the data's still are).
	FromMissing bool
	// Layout are the template's changes (TemplateDiff).
	Layout []string
	// Data says what happens to what the clerk typed: moved into another
	// field, kept although the new template has no place for it, or a new
	// part still to fill. Nothing is dropped: a value is either in its
	// place, moved into a text field (named here), or kept.
	Data []string
	// Moved counts the values moved into another field, Kept the parts
	// kept outside the new template's places.
	Moved, Kept int
	// The 审核 of the draft before (with its old template) and after.
	ErrorsBefore, ErrorsAfter, HintsAfter int
}

// Summary is the one-line result of the 审核 before and after.
func (m *Migration) Summary() string {
	return fmt.Sprintf("审核：迁移前 %d 个错误；迁移后按新表样 %d 个错误、%d 个提示", m.ErrorsBefore, m.ErrorsAfter, m.HintsAfter)
}

// Lines is the whole change list as the command line and the dialog show
// it: a title line, where the draft's data goes (first: it matters
// most), the template's changes and the 审核 summary.
func (m *Migration) Lines() []string {
	out := []string{fmt.Sprintf("表样：%s → %s", refName(m.FromName, m.From), refName(m.ToName, m.To))}
	out = append(out, "草稿内容的去向：")
	if len(m.Data) == 0 {
		out = append(out, "  · 已填的内容都在新表样中有对应的位置，不需要移动")
	}
	for _, s := range m.Data {
		out = append(out, "  · "+s)
	}
	out = append(out, "表样的变化：")
	switch {
	case m.FromMissing:
		out = append(out, fmt.Sprintf("  · 本机没有草稿所用的第%d版表样，无法逐项列出表样的变化；上面列出了草稿内容的去向", m.From.Version))
	case len(m.Layout) == 0:
		out = append(out, "  · 栏目和审核规则没有变化")
	}
	for _, s := range m.Layout {
		out = append(out, "  · "+s)
	}
	return append(out, m.Summary())
}

func refName(name string, r TemplateRef) string {
	if name == "" {
		name = r.ID
	}
	return fmt.Sprintf("“%s”第%d版", name, r.Version)
}

// Migrate returns a copy of f moved to template to, with the list of what
// changes; f is not changed (the editor undoes a migration by putting f
// back). from is f's template as known here (nil when the draft's version
// is not on this machine).
//
// Where to has a place for a value it stays (a renamed column keeps its
// data). Where it has not:
//   - an amount column of 年度主要任务 (其他资金) is written into the row's
//     备注 (“其他资金 50 万元”), an optional indicator column (分值, 计量单位,
//     指标值类型, 评(扣)分标准, 指标性质, 指标方向) into the row's 指标说明
//     (or 指标解释) as “计量单位：个”;
//   - a whole part (年度主要任务, 部门总体资金情况, 部门职能概述, 年度总体目标),
//     a 基本信息 field or a 部门总体资金情况 row that has content is kept in
//     the draft: the editor and the exports still show it, after the new
//     template's parts, and the list says so; an empty one is removed.
//
// Indicators whose 一级/二级指标 are not in to's framework keep their text
// (the 审核 then gives a 提示) and are counted. A draft past 申报 (its
// declaration locked) is refused with the reason.
func Migrate(f *Form, from, to *Template) (*Form, *Migration, error) {
	if f == nil {
		return nil, nil, Errorf(EINVALID, "没有可以迁移的草稿")
	}
	if to == nil {
		return nil, nil, Errorf(EINVALID, "没有要迁移到的表样")
	}
	if f.Locked() {
		return nil, nil, Errorf(ECONFLICT, "草稿处于“%s”阶段，申报内容已锁定，不能更换表样；如需按新表样申报，请用“复制到下一年度”另建草稿", f.Stage)
	}
	m := &Migration{From: f.Template, To: to.Ref(), ToName: to.Name}
	if m.From.ID == "" {
		m.From = TemplateRef{ID: DefaultTemplateID, Version: 1}
	}
	if from != nil {
		m.From, m.FromName = from.Ref(), from.Name
		m.Layout = TemplateDiff(from, to)
	} else {
		m.FromMissing = true
	}
	if m.From.SameVersion(m.To) {
		return nil, nil, Errorf(ECONFLICT, "草稿已经是表样“%s”第%d版，不需要迁移", to.Name, to.Version)
	}
	before := from
	if before == nil {
		before = TemplateOf(f, nil)
	}
	m.ErrorsBefore, _ = CountFindings(CheckWith(f, before))

	g := f.Clone()
	mg := &migrator{f: g, from: from, to: to, m: m}
	mg.basic()
	mg.funds()
	mg.duties()
	mg.goals()
	mg.tasks()
	mg.indicators()
	ApplyTemplate(g, to)
	m.ErrorsAfter, m.HintsAfter = CountFindings(CheckWith(g, to))
	return g, m, nil
}

// CarryInto is CarryForward into template to (复制上年 with another
// 表样, or a newer version of the same): the new year's form is made as
// CarryForward makes it, then moved to to by Migrate. The Migration is
// nil when to is prev's own template (from). Meta.Origin names the new
// template.
func CarryInto(prev *Form, newYear string, keep func(Replacement) bool, from, to *Template) (*Form, []Replacement, *Migration, error) {
	nf, reps, err := CarryForward(prev, newYear, keep)
	if err != nil {
		return nil, nil, nil, err
	}
	if to == nil || from != nil && from.Ref() == to.Ref() || nf.Template.SameVersion(to.Ref()) {
		return nf, reps, nil, nil
	}
	mf, m, err := Migrate(nf, from, to)
	if err != nil {
		return nil, nil, nil, err
	}
	mf.Meta.Origin += fmt.Sprintf("，表样改为“%s”第%d版", to.Name, to.Version)
	return mf, reps, m, nil
}

type migrator struct {
	f        *Form
	from, to *Template
	m        *Migration
}

func (mg *migrator) data(format string, a ...any) {
	mg.m.Data = append(mg.m.Data, fmt.Sprintf(format, a...))
}

// keptNote is what the list says of a part kept outside the template.
const keptNote = "保留在草稿中，编辑器和导出的表格仍显示（排在新表样各部分之后）；不需要的请删除"

func (mg *migrator) basic() {
	g, to := mg.f, mg.to
	for _, l := range slices.Sorted(maps.Keys(g.Basic)) {
		if slices.ContainsFunc(to.OwnBasic(), func(b BasicField) bool { return b.Label == l }) {
			continue
		}
		if blank(g.Basic[l]) {
			delete(g.Basic, l)
			continue
		}
		mg.m.Kept++
		mg.data("基本信息「%s」新表样没有：已填的“%s”保留在草稿中，编辑器和导出的表格仍显示；不需要的请清空", l, clip(g.Basic[l], 30))
	}
	for _, b := range to.OwnBasic() {
		if blank(g.Basic[b.Label]) {
			mg.data("基本信息「%s」（新表样有）尚未填写", b.Label)
		}
	}
}

func fundsEmpty(r FundRow) bool {
	return r.Amount.IsEmpty() && blank(r.Share) && r.Years[0].IsEmpty() && r.Years[1].IsEmpty()
}

func (mg *migrator) funds() {
	g, to := mg.f, mg.to
	fd := g.Funds
	if !to.Has(SectionFunds) || to.Funds == nil {
		if fd == nil {
			return
		}
		n := 0
		for _, side := range []FundsSide{FundsIncome, FundsExpense} {
			for _, r := range fd.Rows(side) {
				if !fundsEmpty(r) {
					n++
				}
			}
			if !fd.Typed(side).IsEmpty() {
				n++
			}
			for back := 1; back <= 2; back++ {
				if !fd.TypedYear(side, back).IsEmpty() {
					n++
				}
			}
		}
		if n == 0 {
			g.Funds = nil
			return
		}
		mg.m.Kept++
		mg.data("「部门总体资金情况」新表样没有：已填的 %d 项金额或占比%s", n, keptNote)
		return
	}
	if fd == nil {
		mg.data("「%s」（新表样有）尚未填写", to.Label(SectionFunds))
		return
	}
	empty := true
	for _, side := range []FundsSide{FundsIncome, FundsExpense} {
		names := to.Funds.Income
		if side == FundsExpense {
			names = to.Funds.Expense
		}
		var in, out []FundRow
		for _, n := range names {
			if i := slices.IndexFunc(fd.Rows(side), func(r FundRow) bool { return r.Name == n }); i >= 0 {
				in = append(in, fd.Rows(side)[i])
			} else {
				in = append(in, FundRow{Name: n})
			}
		}
		for _, r := range fd.Rows(side) {
			if slices.Contains(names, r.Name) {
				continue
			}
			if fundsEmpty(r) {
				continue
			}
			out = append(out, r)
			mg.m.Kept++
			mg.data("%s：%s的「%s」新表样没有：已填的%s保留为该表的一行（合计照旧包含它），请核对后并入新表样的行或删除", to.Label(SectionFunds), side, r.Name, fundRowText(r, g.Year))
		}
		rows := append(in, out...)
		for _, r := range rows {
			if !fundsEmpty(r) {
				empty = false
			}
		}
		if side == FundsExpense {
			fd.Expense = rows
		} else {
			fd.Income = rows
		}
	}
	if empty && fd.IncomeTotal.IsEmpty() && fd.ExpenseTotal.IsEmpty() {
		mg.data("「%s」尚未填写", to.Label(SectionFunds))
	}
	// 近两年 columns the new template lacks stay shown while filled
	// (YearColumns); the list says so.
	for back := 1; back <= 2; back++ {
		if hasBack(to.Funds.Years, back) || !fd.yearFilled(back) {
			continue
		}
		label := FundsYear{Back: back}.YearLabel(g.Year)
		if mg.from != nil && mg.from.Funds != nil {
			for _, y := range mg.from.Funds.Years {
				if y.Back == back {
					label = y.YearLabel(g.Year)
				}
			}
		}
		mg.m.Kept++
		mg.data("%s的「%s」栏目新表样没有：已填的金额保留在原栏目（仍会显示和打印）；不需要的请清空", to.Label(SectionFunds), label)
	}
}

func (mg *migrator) duties() {
	g, to := mg.f, mg.to
	switch {
	case !to.Has(SectionDuties) && !blank(g.Duties):
		mg.m.Kept++
		label := sectionDefault[SectionDuties]
		if mg.from != nil {
			label = mg.from.Label(SectionDuties)
		}
		mg.data("「%s」新表样没有：已填的 %d 字%s", label, len([]rune(strings.TrimSpace(g.Duties))), keptNote)
	case to.Has(SectionDuties) && blank(g.Duties):
		mg.data("「%s」（新表样有）尚未填写", to.Label(SectionDuties))
	}
}

func (mg *migrator) goals() {
	g, to := mg.f, mg.to
	if to.Has(SectionGoals) {
		return
	}
	if slices.ContainsFunc(g.Goals, func(x Goal) bool { return !blank(x.Text) }) {
		mg.m.Kept++
		mg.data("「年度总体目标」新表样没有：已填的 %d 条目标%s", len(g.Goals), keptNote)
		return
	}
	g.Goals = nil
}

// taskHasContent reports whether u has anything typed.
func unitHasContent(u Unit) bool {
	if !blank(u.Name) {
		return true
	}
	return slices.ContainsFunc(u.Tasks, func(t Task) bool {
		return !blank(t.Content) || !blank(t.Note) || !t.Total.IsEmpty() || !t.Fiscal.IsEmpty() || !t.Other.IsEmpty()
	})
}

func (mg *migrator) tasks() {
	g, to := mg.f, mg.to
	if !to.Has(SectionTasks) {
		if !slices.ContainsFunc(g.Units, unitHasContent) {
			g.Units = nil
			return
		}
		var sum Money
		for _, u := range g.Units {
			for _, t := range u.Tasks {
				if t.Total.Valid() {
					sum += t.Total.Money()
				}
			}
		}
		mg.m.Kept++
		mg.data("「年度主要任务」新表样没有：已填的 %d 个单位、%d 行任务（合计 %s 万元）%s", len(g.Units), g.TaskCount(), FormatMoney(sum, false), keptNote)
		return
	}
	if !g.Options.OtherFunds || slices.Contains(to.TaskColumns, TaskColOther) {
		return
	}
	n, zeros, example := 0, 0, ""
	for u := range g.Units {
		for r := range g.Units[u].Tasks {
			t := &g.Units[u].Tasks[r]
			if t.Other.IsEmpty() {
				continue
			}
			if t.Other.Valid() && t.Other.Money() == 0 {
				t.Other = Amount{} // a typed 0 says nothing the row does not
				zeros++
				continue
			}
			if example == "" {
				example = "其他资金 " + amountText(t.Other) + " 万元"
			}
			t.Note = appendText(t.Note, "其他资金 "+amountText(t.Other)+" 万元")
			t.Other = Amount{}
			n++
		}
	}
	g.Options.OtherFunds = false
	zero := ""
	if zeros > 0 {
		zero = fmt.Sprintf("；%d 行填的是 0，不再写出", zeros)
	}
	if n == 0 {
		mg.data("%s的「其他资金」栏目新表样没有；草稿中没有填写金额%s，直接去掉", to.Label(SectionTasks), zero)
		return
	}
	mg.m.Moved += n
	mg.data("%s的「其他资金」栏目新表样没有：%d 行已填的其他资金移入该行的「备注」（写作“%s”）%s", to.Label(SectionTasks), n, example, zero)
}

// optColumn is an optional indicator column: its key, its Options switch
// and its field.
type optColumn struct {
	key   string
	on    func(*Options) *bool
	field func(*Indicator) *string
}

var optColumns = []optColumn{
	{IndColWeight, func(o *Options) *bool { return &o.Weight }, func(in *Indicator) *string { return &in.Weight }},
	{IndColUnit, func(o *Options) *bool { return &o.Unit }, func(in *Indicator) *string { return &in.Unit }},
	{IndColValueType, func(o *Options) *bool { return &o.ValueType }, func(in *Indicator) *string { return &in.ValueType }},
	{IndColScoring, func(o *Options) *bool { return &o.Scoring }, func(in *Indicator) *string { return &in.Scoring }},
	{IndColNature, func(o *Options) *bool { return &o.Nature }, func(in *Indicator) *string { return &in.Nature }},
	{IndColDirection, func(o *Options) *bool { return &o.Direction }, func(in *Indicator) *string { return &in.Direction }},
}

// oldLabel is the header column key had in the draft's template.
func (mg *migrator) oldLabel(key string) string {
	if mg.from != nil && mg.from.HasColumn(key) {
		l := mg.from.ColumnLabel(key)
		// a header the new template gives another column (指标性质 that
		// meant 指标值类型): the column's own name, so that a moved
		// “指标值类型：定量” is not read as the new column's
		if !slices.ContainsFunc(mg.to.IndicatorColumns, func(c Column) bool { return c.Key != key && mg.to.ColumnLabel(c.Key) == l }) {
			return l
		}
	}
	return indicatorDefault[key]
}

// moveColumn writes the non-empty values of field into the column to
// (text “label：value”), empties them and returns how many moved.
func (mg *migrator) moveColumn(label string, field, to func(*Indicator) *string) int {
	n := 0
	for i := range mg.f.Indicators {
		in := &mg.f.Indicators[i]
		v := field(in)
		if blank(*v) {
			continue
		}
		d := to(in)
		*d = appendText(*d, label+"："+*v)
		*v = ""
		n++
	}
	return n
}

func (mg *migrator) countColumn(field func(*Indicator) *string) int {
	n := 0
	for i := range mg.f.Indicators {
		if !blank(*field(&mg.f.Indicators[i])) {
			n++
		}
	}
	return n
}

func (mg *migrator) indicators() {
	g, to := mg.f, mg.to
	part := to.Label(SectionIndicators)
	note := func(in *Indicator) *string { return &in.Note }
	explain := func(in *Indicator) *string { return &in.Explain }
	// 指标解释 and 指标说明 are always kept (and printed); one the new
	// template lacks moves into the other when it has that one.
	for _, p := range []struct {
		key, other string
		field, to  func(*Indicator) *string
	}{{IndColNote, IndColExplain, note, explain}, {IndColExplain, IndColNote, explain, note}} {
		if to.HasColumn(p.key) {
			continue
		}
		label := mg.oldLabel(p.key)
		if !to.HasColumn(p.other) {
			if n := mg.countColumn(p.field); n > 0 {
				mg.m.Kept++
				mg.data("%s的「%s」栏目新表样没有：%d 行已填的内容保留在原栏目（仍会打印）", part, label, n)
			}
			continue
		}
		if n := mg.moveColumn(label, p.field, p.to); n > 0 {
			mg.m.Moved += n
			mg.data("%s的「%s」栏目新表样没有：%d 行已填的内容移入该行的「%s」（写作“%s：……”）", part, label, n, to.ColumnLabel(p.other), label)
		}
	}
	var target func(*Indicator) *string
	targetKey := IndColNote
	switch {
	case to.HasColumn(IndColNote):
		target = note
	case to.HasColumn(IndColExplain):
		target, targetKey = explain, IndColExplain
	}
	for _, c := range optColumns {
		on := c.on(&g.Options)
		if !*on || to.HasColumn(c.key) {
			continue
		}
		label := mg.oldLabel(c.key)
		n := mg.countColumn(c.field)
		switch {
		case n == 0:
			*on = false
			mg.data("%s的「%s」栏目新表样没有；草稿中没有填写，直接去掉", part, label)
		case target == nil:
			mg.m.Kept++
			mg.data("%s的「%s」栏目新表样没有：%d 行已填的内容保留在原栏目（仍会显示和打印）", part, label, n)
		default:
			mg.moveColumn(label, c.field, target)
			*on = false
			mg.m.Moved += n
			mg.data("%s的「%s」栏目新表样没有：%d 行已填的%s移入该行的「%s」（写作“%s：……”）", part, label, n, label, to.ColumnLabel(targetKey), label)
		}
	}
	mg.framework()
}

// framework counts the indicators whose 一级 or 二级指标 are not in the
// new template's framework (their text stays; the 审核 gives a 提示).
func (mg *migrator) framework() {
	g, to := mg.f, mg.to
	if len(to.Framework) == 0 || len(g.Indicators) == 0 {
		return
	}
	var l1Names []string
	l2 := map[string][]string{}
	for _, l := range to.Framework {
		l1Names = append(l1Names, l.Name)
		l2[l.Name] = l.Level2
	}
	var bad1, bad2 []string
	count1, count2 := map[string]int{}, map[string]int{}
	n1, n2 := 0, 0
	for _, in := range g.Indicators {
		a, b := strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2)
		switch {
		case a == "" || IsFiller(a):
		case !slices.Contains(l1Names, a):
			if count1[a] == 0 {
				bad1 = append(bad1, a)
			}
			count1[a]++
			n1++
		case b != "" && !IsFiller(b) && len(l2[a]) > 0 && !slices.Contains(l2[a], b):
			if count2[b] == 0 {
				bad2 = append(bad2, b)
			}
			count2[b]++
			n2++
		}
	}
	part := to.Label(SectionIndicators)
	if n1 > 0 {
		var parts []string
		for _, a := range bad1 {
			parts = append(parts, fmt.Sprintf("“%s”%d 条", a, count1[a]))
		}
		mg.data("%s：%d 条指标的一级指标不在新表样的指标体系中（%s），内容照旧保留；审核会提示，请改为新表样的一级指标：%s", part, n1, strings.Join(parts, "、"), strings.Join(l1Names, "、"))
	}
	if n2 > 0 {
		var parts []string
		for _, b := range bad2 {
			parts = append(parts, fmt.Sprintf("“%s”%d 条", b, count2[b]))
		}
		mg.data("%s：%d 条指标的二级指标不在新表样该一级指标之下（%s），内容照旧保留；审核会提示", part, n2, strings.Join(parts, "、"))
	}
}

// amountText is an amount as it would print: the number when valid, else
// the text as typed.
func amountText(a Amount) string {
	if a.Valid() {
		return FormatMoney(a.Money(), false)
	}
	return strings.TrimSpace(a.Raw())
}

// appendText adds s to the text t, after a “；” when t is not empty.
func appendText(t, s string) string {
	if blank(t) {
		return s
	}
	return strings.TrimRight(t, " \n") + "；" + s
}

// clip is s cut to n characters with “…”.
func clip(s string, n int) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// fundRowText is what a 部门总体资金情况 row holds, e.g. “当年金额 20 万元、
// 上年金额 18 万元”.
func fundRowText(r FundRow, year string) string {
	var parts []string
	if !r.Amount.IsEmpty() {
		parts = append(parts, "当年金额 "+amountText(r.Amount)+" 万元")
	}
	if !blank(r.Share) {
		parts = append(parts, "占比 "+strings.TrimSpace(r.Share))
	}
	for i, a := range r.Years {
		if !a.IsEmpty() {
			parts = append(parts, FundsYear{Back: i + 1}.YearLabel(year)+" "+amountText(a)+" 万元")
		}
	}
	return strings.Join(parts, "、")
}
