package export

import (
	"slices"
	"strings"

	"jixiao/model"
)

// The parts of the layout that come from the form's 表样: further 基本信息
// fields, 部门总体资金情况, 部门职能概述, the section order and the headers.

// colTemplateKey maps layout columns to the template's indicator column keys.
var colTemplateKey = map[int]string{
	colL1: model.IndColL1, colL2: model.IndColL2, colL3: model.IndColL3, colValue: model.IndColValue,
	colExplain: model.IndColExplain, colWeight: model.IndColWeight, colUnit: model.IndColUnit,
	colVType: model.IndColValueType, colScore: model.IndColScoring, colNature: model.IndColNature, colDir: model.IndColDirection,
}

type colDef struct {
	key int
	w   float64
	on  bool
}

// indColKey maps the template's indicator column keys to layout columns;
// 指标说明 (note) is printed over the task table's amount and 备注 columns,
// whose first is colTotal.
var indColKey = map[string]int{
	model.IndColL1: colL1, model.IndColL2: colL2, model.IndColL3: colL3, model.IndColValue: colValue,
	model.IndColExplain: colExplain, model.IndColNote: colTotal, model.IndColWeight: colWeight, model.IndColUnit: colUnit,
	model.IndColValueType: colVType, model.IndColScoring: colScore, model.IndColNature: colNature, model.IndColDirection: colDir,
}

// columnDefs are the grid's columns, left to right: the indicator columns
// f prints in the template's order (model.PrintedColumns), where 指标说明
// stands for the task table's 合计, 其中：财政资金, 其他资金 and 备注 columns
// it spans. The task table needs two columns for 任务名称 and one for 主要内容
// before its amounts, so 指标说明 never comes before the fourth column.
// Without a printed 指标说明 the task table's columns come last (when it is
// printed), under the last indicator column; a 部门总体资金情况 needs six
// columns, so a narrow template keeps its 指标说明 then.
func columnDefs(f *model.Form, t *model.Template) (defs []colDef, noteOn bool) {
	width := map[int]float64{colL1: 10, colL2: 14, colL3: 18, colValue: 10, colExplain: 26,
		colTotal: 12, colFiscal: 13, colOther: 12, colTaskNote: 22,
		colWeight: 7, colUnit: 8, colVType: 10, colScore: 26, colNature: 8, colDir: 8}
	o := t.On(f.Options)
	order := model.PrintedColumns(f, t)
	tasks := t.Has(model.SectionTasks) || len(f.Units) > 0
	funds := t.Has(model.SectionFunds) || f.Funds != nil
	if !slices.Contains(order, model.IndColNote) && (funds && len(order) < 6 || !tasks && len(order) < 4) {
		order = model.IndicatorOrder(t, f.Options)
	}
	if i := slices.Index(order, model.IndColNote); i >= 0 && i < 3 {
		order = slices.Insert(slices.Delete(order, i, i+1), 3, model.IndColNote)
	}
	taskCols := func() []colDef {
		return []colDef{{colTotal, width[colTotal], true}, {colFiscal, width[colFiscal], true},
			{colOther, width[colOther], o.OtherFunds}, {colTaskNote, width[colTaskNote], true}}
	}
	for _, k := range order {
		c := indColKey[k]
		if c != colTotal {
			defs = append(defs, colDef{c, width[c], true})
			continue
		}
		defs = append(defs, taskCols()...)
	}
	noteOn = slices.Contains(order, model.IndColNote)
	if !noteOn && tasks {
		defs = append(defs, taskCols()...)
	}
	return defs, noteOn
}

// header is the printed header of optional indicator column k.
func (l *layout) header(k int) string {
	if key, ok := colTemplateKey[k]; ok && l.tpl.HasColumn(key) {
		return l.tpl.ColumnLabel(key)
	}
	return optHeader[k]
}

// FundsHeaders are the headers of the 部门总体资金情况 table.
const (
	fundsSideHeader   = "类别"
	fundsNameHeader   = "项目"
	fundsAmountHeader = "当年金额"
	fundsShareHeader  = "占比"
)

// templateRows appends, after the 部门名称 row, the template's further
// 基本信息 fields, then its 部门总体资金情况 and 部门职能概述 (order puts
// them in the template's order).
func (l *layout) templateRows() {
	f, t := l.form, l.tpl
	n := len(l.widths)
	seen := map[string]bool{}
	basic := func(label string) {
		seen[label] = true
		l.basicRow(label, f.Basic[label])
	}
	for _, b := range t.Basic {
		switch b.Field {
		case model.BasicYear:
			l.basicRow(t.YearLabel(), f.Year)
		case model.BasicDept:
			l.basicRow(t.Dept(), f.Dept)
		default:
			basic(b.Label)
		}
	}
	// Fields of another template the form still holds are printed too.
	keys := make([]string, 0, len(f.Basic))
	for k := range f.Basic {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		basic(k)
	}
	if t.Has(model.SectionFunds) || f.Funds != nil {
		l.fundsRows()
	}
	if t.Has(model.SectionDuties) || strings.TrimSpace(f.Duties) != "" {
		l.rows = append(l.rows, lrow{sec: secDuties, cells: []lcell{
			{col: 0, colSpan: 1, rowSpan: 1, text: t.Label(model.SectionDuties), kind: kLabel},
			{col: 1, colSpan: n - 1, rowSpan: 1, text: f.Duties, kind: kText},
		}})
	}
}

// basicRow appends a row of 基本信息: label, then its value over the
// other columns.
func (l *layout) basicRow(label, value string) {
	n := len(l.widths)
	l.rows = append(l.rows, lrow{sec: secHead, cells: []lcell{
		{col: 0, colSpan: 1, rowSpan: 1, text: label, kind: kLabel},
		{col: 1, colSpan: n - 1, rowSpan: 1, text: value, kind: kText},
	}})
}

// fundsShareText is the 占比 a row shows: as typed, else computed.
func fundsShareText(r model.FundRow, total model.Money) string {
	if s := strings.TrimSpace(r.Share); s != "" {
		return r.Share
	}
	if !r.Amount.Valid() {
		return ""
	}
	return model.FormatShare(r.Amount.Money(), total)
}

// fundsTotalCell is the 合计 cell of a side: the amount typed (kept as
// typed, even when it is wrong, so nothing is lost), else the sum — in the
// xlsx a SUM of the side's rows (fundSum), so that a unit filling the rows
// of a blank in Excel gets its total.
func fundsTotalCell(fd *model.Funds, side model.FundsSide, col int) lcell {
	if typed := fd.Typed(side); !typed.IsEmpty() {
		c := lcell{col: col, colSpan: 1, rowSpan: 1, amount: typed, kind: kAmount, text: typed.String()}
		return c
	}
	m, _ := fd.Sum(side)
	return lcell{col: col, colSpan: 1, rowSpan: 1, total: m, kind: kTotal, text: model.FormatMoney(m, false), fundSum: fundKey(side)}
}

// fundKey marks the cells of a side's 当年金额 (fundRows) and its total
// (fundSum): 1 收入构成, 2 支出构成.
func fundKey(s model.FundsSide) int8 { return int8(s) + 1 }

// subPrefix starts the first part of a total printed first: 其中：财政拨款.
const subPrefix = "其中："

func (l *layout) fundsRows() {
	f, t := l.form, l.tpl
	n := len(l.widths)
	fd := f.Funds
	if fd == nil {
		fd = &model.Funds{}
		if t.Funds != nil {
			for _, name := range t.Funds.Income {
				fd.Income = append(fd.Income, model.FundRow{Name: name})
			}
			for _, name := range t.Funds.Expense {
				fd.Expense = append(fd.Expense, model.FundRow{Name: name})
			}
		}
	}
	fl := t.Funds // nil: the program's names (合计, 收入构成, 支出构成)
	sides := model.FundsSides(t, fd)
	years := model.YearColumns(t, f)
	if len(years) > n-5 {
		years = years[:max(n-5, 0)]
	}
	count := 1 // header
	if len(years) > 0 {
		count = 2
	}
	for _, s := range sides {
		count += len(fd.Rows(s)) + 1
	}
	shareC, shareS := 4, n-4
	if len(years) > 0 {
		shareS = 1
	}
	// yearCol is the first column and the width of 近两年 column i.
	yearCol := func(i int) (int, int) {
		if i == len(years)-1 {
			return 5 + i, n - 5 - i
		}
		return 5 + i, 1
	}
	hs := 1 // header rows
	if len(years) > 0 {
		hs = 2
	}
	hdr := lrow{sec: secFunds, cells: []lcell{ // not a repeated header: its label spans the block
		{col: 0, colSpan: 1, rowSpan: count, text: t.Label(model.SectionFunds), kind: kLabel},
		{col: 1, colSpan: 1, rowSpan: hs, text: fundsSideHeader, kind: kHeader},
		{col: 2, colSpan: 1, rowSpan: hs, text: fundsNameHeader, kind: kHeader},
		{col: 3, colSpan: 1, rowSpan: hs, text: fundsAmountHeader, kind: kHeader},
		{col: shareC, colSpan: shareS, rowSpan: hs, text: fundsShareHeader, kind: kHeader},
	}}
	if len(years) > 0 {
		hdr.cells = append(hdr.cells, lcell{col: 5, colSpan: n - 5, rowSpan: 1, text: t.Funds.YearsHeader(), kind: kHeader})
		l.rows = append(l.rows, hdr)
		hdr = lrow{sec: secFunds}
		for i, y := range years {
			c, w := yearCol(i)
			hdr.cells = append(hdr.cells, lcell{col: c, colSpan: w, rowSpan: 1, text: y.YearLabel(f.Year), kind: kHeader})
		}
	}
	l.rows = append(l.rows, hdr)
	first := fl != nil && fl.TotalFirst
	for _, s := range sides {
		rows := fd.Rows(s)
		total := fd.Total(s)
		totalRow := func() lrow {
			r := lrow{sec: secFunds, cells: []lcell{
				{col: 2, colSpan: 1, rowSpan: 1, text: fl.Total(), kind: kTotalLabel},
				fundsTotalCell(fd, s, 3),
				{col: shareC, colSpan: shareS, rowSpan: 1, text: "100.0%", kind: kCenter},
			}}
			if total == 0 {
				r.cells[len(r.cells)-1].text = ""
			}
			for j, y := range years {
				c, w := yearCol(j)
				r.cells = append(r.cells, fundsYearTotalCell(fd, s, y.Back, c, w))
			}
			return r
		}
		partRow := func(i int) lrow {
			fr := rows[i]
			name := fr.Name
			if first && i == 0 && name != "" {
				name = subPrefix + name
			}
			r := lrow{sec: secFunds, cells: []lcell{
				{col: 2, colSpan: 1, rowSpan: 1, text: name, kind: kCenter},
				{col: 3, colSpan: 1, rowSpan: 1, amount: fr.Amount, kind: kAmount, text: fr.Amount.String(), fundRow: fundKey(s)},
				{col: shareC, colSpan: shareS, rowSpan: 1, text: fundsShareText(fr, total), kind: kCenter},
			}}
			for j, y := range years {
				c, w := yearCol(j)
				a := fr.Years[y.Back-1]
				r.cells = append(r.cells, lcell{col: c, colSpan: w, rowSpan: 1, amount: a, kind: kAmount, text: a.String(), fundRow: fundKey(s)})
			}
			return r
		}
		var block []lrow
		if first {
			block = append(block, totalRow())
		}
		for i := range rows {
			block = append(block, partRow(i))
		}
		if !first {
			block = append(block, totalRow())
		}
		block[0].cells = append([]lcell{{col: 1, colSpan: 1, rowSpan: len(rows) + 1, text: fl.SideLabel(s), kind: kCenter}}, block[0].cells...)
		l.rows = append(l.rows, block...)
	}
}

// fundsYearTotalCell is the 合计 cell of a 近两年 column: as typed, else
// the sum (empty when the column is empty).
func fundsYearTotalCell(fd *model.Funds, side model.FundsSide, back, col, span int) lcell {
	if typed := fd.TypedYear(side, back); !typed.IsEmpty() {
		return lcell{col: col, colSpan: span, rowSpan: 1, amount: typed, kind: kAmount, text: typed.String()}
	}
	empty := true
	for _, r := range fd.Rows(side) {
		if !r.Years[back-1].IsEmpty() {
			empty = false
		}
	}
	// a SUM of the column's rows in the xlsx (fundSum), as the 当年金额's
	m, _ := fd.SumYear(side, back)
	c := lcell{col: col, colSpan: span, rowSpan: 1, total: m, kind: kTotal, text: model.FormatMoney(m, false), fundSum: fundKey(side)}
	if empty {
		c.text = "" // nothing printed under an empty column
	}
	return c
}

// order puts the sections in the template's order (the title block
// first) and leaves out the empty sections the template does not have;
// a section the template lacks but the form fills is kept, after the
// template's, so nothing is lost.
func (l *layout) order() {
	t, f := l.tpl, l.form
	// cells left to right: the indicator columns follow the template's order
	for i := range l.rows {
		if l.rows[i].sec == secIndicators {
			slices.SortStableFunc(l.rows[i].cells, func(a, b lcell) int { return a.col - b.col })
		}
	}
	key := map[section]string{secGoals: model.SectionGoals, secTasks: model.SectionTasks, secIndicators: model.SectionIndicators,
		secFunds: model.SectionFunds, secDuties: model.SectionDuties}
	keep := func(s section) bool {
		switch {
		case s == secHead || t.Has(key[s]):
			return true
		case s == secTasks:
			return len(f.Units) > 0
		case s == secGoals:
			return len(f.Goals) > 0
		}
		return true
	}
	rank := func(s section) int {
		if s == secHead {
			return -1
		}
		if i := slices.Index(t.Sections, key[s]); i >= 0 {
			return i
		}
		return len(t.Sections) + int(s)
	}
	firstTask := -1
	for i, r := range l.rows {
		if r.sec == secTasks {
			firstTask = i
			break
		}
	}
	type idxRow struct {
		i int
		r lrow
	}
	var rows []idxRow
	for i, r := range l.rows {
		if keep(r.sec) {
			rows = append(rows, idxRow{i, r})
		}
	}
	slices.SortStableFunc(rows, func(a, b idxRow) int { return rank(a.r.sec) - rank(b.r.sec) })
	l.rows = l.rows[:0]
	newFirst := -1
	for _, r := range rows {
		if r.i == firstTask {
			newFirst = len(l.rows)
		}
		l.rows = append(l.rows, r.r)
	}
	switch {
	case newFirst < 0:
		l.taskFirst, l.taskEnd = 0, 0
	default:
		shift := newFirst - firstTask
		l.taskFirst += shift
		l.taskEnd += shift
	}
}

// pageSize is the PDF page in points for the template's paper and
// orientation (A4 landscape when not given).
func pageSize(p model.Print) (w, h float64) {
	w, h = pdfPageW, pdfPageH
	if p.Paper == "A3" {
		w, h = 1190.55, 841.89
	}
	if p.Orientation == "portrait" {
		w, h = h, w
	}
	return w, h
}
