package layout

import (
	"math"
	"sort"
	"strconv"

	"jixiao/model"
)

// Sheet names of the tables as a whole (the workbook has one sheet per
// table: TaskSheetName and IndicatorSheetName).
const (
	MonitorSheetName = "绩效运行监控表"
	EvalSheetName    = "绩效自评表"
)

// PdfLayout draws the doc's tables, one under the other, on one grid of
// the declaration's layout (the PDF writer's input). The two tables have
// different columns: the grid has a column boundary wherever either table
// has one (the tables scaled to the same width), and each table cell spans
// the grid columns between its own boundaries. The unit name and the
// 一级/二级指标 are merged over their runs of equal rows, as printed forms do
// (the workbook repeats them so that rows can be sorted).
func (d *StageDoc) PdfLayout() *Layout {
	f := d.F
	spans, widths := d.pdfGrid()
	l := &Layout{Form: f, Widths: widths, totals: model.ComputeTotals(f), Title: d.Title, Verdict: d.Verdict}
	for i := range l.idx {
		l.idx[i] = -1
	}
	n := len(widths)
	whole := func(text string, k CellKind) Lcell { return Lcell{Col: 0, ColSpan: n, RowSpan: 1, Text: text, Kind: k} }
	l.Rows = append(l.Rows,
		Lrow{Sec: secHead, Cells: []Lcell{whole(d.Title, KTitle)}},
		Lrow{Sec: secHead, Cells: []Lcell{whole(d.Sub, KSubtitle)}},
		Lrow{Sec: secHead, Cells: []Lcell{
			{Col: 0, ColSpan: spans[0][1][0] + spans[0][1][1], RowSpan: 1, Text: "部门名称", Kind: KLabel},
			{Col: spans[0][1][0] + spans[0][1][1], ColSpan: n - spans[0][1][0] - spans[0][1][1], RowSpan: 1, Text: f.Dept, Kind: KText},
		}},
	)
	for ti, t := range d.Tables {
		sec := SecTasks
		if t.Kind == TableIndicators {
			sec = secIndicators
		}
		sp := spans[ti]
		cell := func(ci int, text string, k CellKind) Lcell {
			return Lcell{Col: sp[ci][0], ColSpan: sp[ci][1], RowSpan: 1, Text: text, Kind: k}
		}
		l.Rows = append(l.Rows, Lrow{Sec: sec, Cells: []Lcell{whole(t.Caption, KLabel)}})
		var head []Lcell
		for ci, c := range t.Cols {
			if c.Role != RoleID {
				head = append(head, cell(ci, c.Head, KHeader))
			}
		}
		l.Rows = append(l.Rows, Lrow{Sec: sec, Header: true, Cells: head})
		merged := d.pdfRuns(t)
		for ri, row := range t.Rows {
			var cells []Lcell
			for ci, c := range t.Cols {
				if c.Role == RoleID {
					continue
				}
				if m, ok := merged[c.Key]; ok {
					if m[ri] > 0 {
						x := cell(ci, row.Text[c.Key], KCenter)
						x.RowSpan = m[ri]
						cells = append(cells, x)
					}
					continue
				}
				switch {
				case c.Amount:
					a := row.Amt[c.Key]
					cells = append(cells, Lcell{Col: sp[ci][0], ColSpan: sp[ci][1], RowSpan: 1, Amount: a, Kind: KAmount, Text: a.String()})
				case c.Key == CkContent || c.Key == CkL3 || c.Key == CkHint || c.Key == CkCauseText || c.Key == CkMeasures || c.Key == CkAnalysis:
					cells = append(cells, cell(ci, row.Text[c.Key], KText))
				default:
					cells = append(cells, cell(ci, row.Text[c.Key], KCenter))
				}
			}
			l.Rows = append(l.Rows, Lrow{Sec: sec, Cells: cells})
		}
		for _, fr := range t.Foot {
			l.Rows = append(l.Rows, Lrow{Sec: sec, Cells: footCells(t, sp, fr)})
		}
		for _, note := range t.Notes {
			l.Rows = append(l.Rows, Lrow{Sec: sec, Cells: []Lcell{whole(note, KText)}})
		}
	}
	if len(d.Adjust) > 0 {
		l.Rows = append(l.Rows, Lrow{Sec: secIndicators, Cells: []Lcell{whole("申报后的调整（原值 → 调整后，原因）", KLabel)}})
		for _, a := range d.Adjust {
			l.Rows = append(l.Rows, Lrow{Sec: secIndicators, Cells: []Lcell{whole(a, KText)}})
		}
	}
	return l
}

// footCells lays out a footer row: the label over the columns before the
// first cell, then each cell (columns without one stay empty).
func footCells(t *StageTable, sp [][2]int, fr footRow) []Lcell {
	first := -1
	for ci, c := range t.Cols {
		if _, ok := fr.Cells[c.Key]; ok {
			first = ci
			break
		}
	}
	start := 1 // after the id column
	if t.Cols[0].Role != RoleID {
		start = 0
	}
	end := sp[len(sp)-1][0] + sp[len(sp)-1][1]
	if first >= 0 {
		end = sp[first][0]
	}
	out := []Lcell{{Col: sp[start][0], ColSpan: end - sp[start][0], RowSpan: 1, Text: fr.Label, Kind: KTotalLabel}}
	if first < 0 {
		return out
	}
	for ci := first; ci < len(t.Cols); ci++ {
		c := t.Cols[ci]
		x := Lcell{Col: sp[ci][0], ColSpan: sp[ci][1], RowSpan: 1, Text: fr.Cells[c.Key].Text, Kind: KTotalLabel}
		if c.Amount {
			x.Kind = KTotal
			if a := model.ParseAmount(x.Text); a.Valid() {
				x.Total = a.Money()
			}
		}
		out = append(out, x)
	}
	return out
}

// pdfRuns are the merged runs of the table's rows: the unit name of the
// task table, the 一级 and 二级指标 of the indicator table.
func (d *StageDoc) pdfRuns(t *StageTable) map[ColKey][]int {
	text := func(k ColKey) func(int) string { return func(i int) string { return t.Rows[i].Text[k] } }
	if t.Kind == TableTasks {
		// a unit's rows are consecutive; equal names of different units stay apart
		units := runs(len(t.Rows), func(i int) string { return strconv.Itoa(t.Rows[i].Unit) }, nil)
		return map[ColKey][]int{CkUnit: runs(len(t.Rows), text(CkUnit), units)}
	}
	l1 := runs(len(t.Rows), text(CkL1), nil)
	return map[ColKey][]int{CkL1: l1, CkL2: runs(len(t.Rows), text(CkL2), l1)}
}

// pdfGrid returns, for each table, each column's first grid column and
// span (the id column gets span 0), and the grid's widths.
func (d *StageDoc) pdfGrid() ([][][2]int, []float64) {
	var total float64
	for _, c := range d.Tables[len(d.Tables)-1].Cols {
		if c.Role != RoleID {
			total += c.Width
		}
	}
	bounds := map[float64]bool{0: true, total: true}
	cum := make([][]float64, len(d.Tables))
	for ti, t := range d.Tables {
		var w float64
		for _, c := range t.Cols {
			if c.Role != RoleID {
				w += c.Width
			}
		}
		x := 0.0
		cum[ti] = []float64{0}
		for _, c := range t.Cols {
			if c.Role != RoleID {
				x += c.Width * total / w
			}
			b := math.Round(x*2) / 2
			cum[ti] = append(cum[ti], b)
			bounds[b] = true
		}
	}
	var xs []float64
	for b := range bounds {
		xs = append(xs, b)
	}
	sort.Float64s(xs)
	// boundaries closer than 2 units are one
	var grid []float64
	for _, x := range xs {
		if len(grid) > 0 && x-grid[len(grid)-1] < 2 && x != total {
			continue
		}
		if len(grid) > 0 && x == total && x-grid[len(grid)-1] < 2 && len(grid) > 1 {
			grid[len(grid)-1] = x
			continue
		}
		grid = append(grid, x)
	}
	index := func(b float64) int {
		best := 0
		for i, g := range grid {
			if math.Abs(g-b) < math.Abs(grid[best]-b) {
				best = i
			}
		}
		return best
	}
	widths := make([]float64, len(grid)-1)
	for i := range widths {
		widths[i] = grid[i+1] - grid[i]
	}
	spans := make([][][2]int, len(d.Tables))
	for ti, t := range d.Tables {
		spans[ti] = make([][2]int, len(t.Cols))
		for ci := range t.Cols {
			a, b := index(cum[ti][ci]), index(cum[ti][ci+1])
			spans[ti][ci] = [2]int{a, b - a}
		}
	}
	return spans, widths
}

// HeadTitle is the running header's title of the layout's table.
func (l *Layout) HeadTitle() string {
	if l.Title != "" {
		return l.Title
	}
	if l.Tpl != nil {
		return l.Tpl.Title
	}
	return "市级部门整体绩效目标申报表"
}
