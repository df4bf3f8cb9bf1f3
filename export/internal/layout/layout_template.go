package layout

import (
	"slices"
	"strings"

	"jixiao/model"
	"jixiao/model/recognize"
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
func (l *Layout) header(k int) string {
	if key, ok := colTemplateKey[k]; ok && l.Tpl.HasColumn(key) {
		return l.Tpl.ColumnLabel(key)
	}
	return optHeader[k]
}

// FundsHeaders are the headers of the 部门总体资金情况 table (defined in
// recognize, which reads them back).
const (
	FundsSideHeader   = recognize.FundsSideHeader
	FundsNameHeader   = recognize.FundsNameHeader
	FundsAmountHeader = recognize.FundsAmountHeader
	FundsShareHeader  = recognize.FundsShareHeader
)

// templateRows appends, after the 部门名称 row, the template's further
// 基本信息 fields, then its 部门总体资金情况 and 部门职能概述 (order puts
// them in the template's order).
func (l *Layout) templateRows() {
	f, t := l.Form, l.Tpl
	n := len(l.Widths)
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
		l.Rows = append(l.Rows, Lrow{Sec: secDuties, Cells: []Lcell{
			{Col: 0, ColSpan: 1, RowSpan: 1, Text: t.Label(model.SectionDuties), Kind: KLabel},
			{Col: 1, ColSpan: n - 1, RowSpan: 1, Text: f.Duties, Kind: KText},
		}})
	}
}

// basicRow appends a row of 基本信息: label, then its value over the
// other columns.
func (l *Layout) basicRow(label, value string) {
	n := len(l.Widths)
	l.Rows = append(l.Rows, Lrow{Sec: secHead, Cells: []Lcell{
		{Col: 0, ColSpan: 1, RowSpan: 1, Text: label, Kind: KLabel},
		{Col: 1, ColSpan: n - 1, RowSpan: 1, Text: value, Kind: KText},
	}})
}

// fundsTotalCell is the 合计 cell of a side: the amount typed (kept as
// typed, even when it is wrong, so nothing is lost), else the sum — in the
// xlsx a SUM of the side's rows (fundSum), so that a unit filling the rows
// of a blank in Excel gets its total.
func fundsTotalCell(fd *model.Funds, side model.FundsSide, col int) Lcell {
	if typed := fd.Typed(side); !typed.IsEmpty() {
		c := Lcell{Col: col, ColSpan: 1, RowSpan: 1, Amount: typed, Kind: KAmount, Text: typed.String()}
		return c
	}
	m, _ := fd.Sum(side)
	return Lcell{Col: col, ColSpan: 1, RowSpan: 1, Total: m, Kind: KTotal, Text: model.FormatMoney(m, false), FundSum: fundKey(side)}
}

// fundKey marks the cells of a side's 当年金额 (fundRows) and its total
// (fundSum): 1 收入构成, 2 支出构成.
func fundKey(s model.FundsSide) int8 { return int8(s) + 1 }

// subPrefix starts the first part of a total printed first: 其中：财政拨款.
const subPrefix = "其中："

func (l *Layout) fundsRows() {
	f, t := l.Form, l.Tpl
	n := len(l.Widths)
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
	hdr := Lrow{Sec: secFunds, Cells: []Lcell{ // not a repeated header: its label spans the block
		{Col: 0, ColSpan: 1, RowSpan: count, Text: t.Label(model.SectionFunds), Kind: KLabel},
		{Col: 1, ColSpan: 1, RowSpan: hs, Text: FundsSideHeader, Kind: KHeader},
		{Col: 2, ColSpan: 1, RowSpan: hs, Text: FundsNameHeader, Kind: KHeader},
		{Col: 3, ColSpan: 1, RowSpan: hs, Text: FundsAmountHeader, Kind: KHeader},
		{Col: shareC, ColSpan: shareS, RowSpan: hs, Text: FundsShareHeader, Kind: KHeader},
	}}
	if len(years) > 0 {
		hdr.Cells = append(hdr.Cells, Lcell{Col: 5, ColSpan: n - 5, RowSpan: 1, Text: t.Funds.YearsHeader(), Kind: KHeader})
		l.Rows = append(l.Rows, hdr)
		hdr = Lrow{Sec: secFunds}
		for i, y := range years {
			c, w := yearCol(i)
			hdr.Cells = append(hdr.Cells, Lcell{Col: c, ColSpan: w, RowSpan: 1, Text: y.YearLabel(f.Year), Kind: KHeader})
		}
	}
	l.Rows = append(l.Rows, hdr)
	first := fl != nil && fl.TotalFirst
	for _, s := range sides {
		rows := fd.Rows(s)
		total := fd.Total(s)
		totalRow := func() Lrow {
			r := Lrow{Sec: secFunds, Cells: []Lcell{
				{Col: 2, ColSpan: 1, RowSpan: 1, Text: fl.Total(), Kind: KTotalLabel},
				fundsTotalCell(fd, s, 3),
				{Col: shareC, ColSpan: shareS, RowSpan: 1, Text: "100.0%", Kind: KCenter},
			}}
			if total == 0 {
				r.Cells[len(r.Cells)-1].Text = ""
			}
			for j, y := range years {
				c, w := yearCol(j)
				r.Cells = append(r.Cells, fundsYearTotalCell(fd, s, y.Back, c, w))
			}
			return r
		}
		partRow := func(i int) Lrow {
			fr := rows[i]
			name := fr.Name
			if first && i == 0 && name != "" {
				name = subPrefix + name
			}
			r := Lrow{Sec: secFunds, Cells: []Lcell{
				{Col: 2, ColSpan: 1, RowSpan: 1, Text: name, Kind: KCenter},
				{Col: 3, ColSpan: 1, RowSpan: 1, Amount: fr.Amount, Kind: KAmount, Text: fr.Amount.String(), FundRow: fundKey(s)},
				{Col: shareC, ColSpan: shareS, RowSpan: 1, Text: recognize.FundsShareText(fr, total), Kind: KCenter},
			}}
			for j, y := range years {
				c, w := yearCol(j)
				a := fr.Years[y.Back-1]
				r.Cells = append(r.Cells, Lcell{Col: c, ColSpan: w, RowSpan: 1, Amount: a, Kind: KAmount, Text: a.String(), FundRow: fundKey(s)})
			}
			return r
		}
		var block []Lrow
		if first {
			block = append(block, totalRow())
		}
		for i := range rows {
			block = append(block, partRow(i))
		}
		if !first {
			block = append(block, totalRow())
		}
		block[0].Cells = append([]Lcell{{Col: 1, ColSpan: 1, RowSpan: len(rows) + 1, Text: fl.SideLabel(s), Kind: KCenter}}, block[0].Cells...)
		l.Rows = append(l.Rows, block...)
	}
}

// fundsYearTotalCell is the 合计 cell of a 近两年 column: as typed, else
// the sum (empty when the column is empty).
func fundsYearTotalCell(fd *model.Funds, side model.FundsSide, back, col, span int) Lcell {
	if typed := fd.TypedYear(side, back); !typed.IsEmpty() {
		return Lcell{Col: col, ColSpan: span, RowSpan: 1, Amount: typed, Kind: KAmount, Text: typed.String()}
	}
	empty := true
	for _, r := range fd.Rows(side) {
		if !r.Years[back-1].IsEmpty() {
			empty = false
		}
	}
	// a SUM of the column's rows in the xlsx (fundSum), as the 当年金额's
	m, _ := fd.SumYear(side, back)
	c := Lcell{Col: col, ColSpan: span, RowSpan: 1, Total: m, Kind: KTotal, Text: model.FormatMoney(m, false), FundSum: fundKey(side)}
	if empty {
		c.Text = "" // nothing printed under an empty column
	}
	return c
}

// order puts the sections in the template's order (the title block
// first) and leaves out the empty sections the template does not have;
// a section the template lacks but the form fills is kept, after the
// template's, so nothing is lost.
func (l *Layout) order() {
	t, f := l.Tpl, l.Form
	// cells left to right: the indicator columns follow the template's order
	for i := range l.Rows {
		if l.Rows[i].Sec == secIndicators {
			slices.SortStableFunc(l.Rows[i].Cells, func(a, b Lcell) int { return a.Col - b.Col })
		}
	}
	key := map[Section]string{secGoals: model.SectionGoals, SecTasks: model.SectionTasks, secIndicators: model.SectionIndicators,
		secFunds: model.SectionFunds, secDuties: model.SectionDuties}
	keep := func(s Section) bool {
		switch {
		case s == secHead || t.Has(key[s]):
			return true
		case s == SecTasks:
			return len(f.Units) > 0
		case s == secGoals:
			return len(f.Goals) > 0
		}
		return true
	}
	rank := func(s Section) int {
		if s == secHead {
			return -1
		}
		if i := slices.Index(t.Sections, key[s]); i >= 0 {
			return i
		}
		return len(t.Sections) + int(s)
	}
	firstTask := -1
	for i, r := range l.Rows {
		if r.Sec == SecTasks {
			firstTask = i
			break
		}
	}
	type idxRow struct {
		i int
		r Lrow
	}
	var rows []idxRow
	for i, r := range l.Rows {
		if keep(r.Sec) {
			rows = append(rows, idxRow{i, r})
		}
	}
	slices.SortStableFunc(rows, func(a, b idxRow) int { return rank(a.r.Sec) - rank(b.r.Sec) })
	l.Rows = l.Rows[:0]
	newFirst := -1
	for _, r := range rows {
		if r.i == firstTask {
			newFirst = len(l.Rows)
		}
		l.Rows = append(l.Rows, r.r)
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

// The default page, in points: A4 landscape (the tables have eight or
// more columns; portrait would make the long 指标说明 texts very tall).
const (
	PdfPageW = 841.89 // A4 long side
	PdfPageH = 595.28 // A4 short side
)

// PageSize is the PDF page in points for the template's paper and
// orientation (A4 landscape when not given).
func PageSize(p model.Print) (w, h float64) {
	w, h = PdfPageW, PdfPageH
	if p.Paper == "A3" {
		w, h = 1190.55, 841.89
	}
	if p.Orientation == "portrait" {
		w, h = h, w
	}
	return w, h
}
