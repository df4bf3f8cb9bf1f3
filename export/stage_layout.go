package export

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

// pdfLayout draws the doc's tables, one under the other, on one grid of
// the declaration's layout (the PDF writer's input). The two tables have
// different columns: the grid has a column boundary wherever either table
// has one (the tables scaled to the same width), and each table cell spans
// the grid columns between its own boundaries. The unit name and the
// 一级/二级指标 are merged over their runs of equal rows, as printed forms do
// (the workbook repeats them so that rows can be sorted).
func (d *stageDoc) pdfLayout() *layout {
	f := d.f
	spans, widths := d.pdfGrid()
	l := &layout{form: f, widths: widths, totals: model.ComputeTotals(f), title: d.title, verdict: d.verdict}
	for i := range l.idx {
		l.idx[i] = -1
	}
	n := len(widths)
	whole := func(text string, k cellKind) lcell { return lcell{col: 0, colSpan: n, rowSpan: 1, text: text, kind: k} }
	l.rows = append(l.rows,
		lrow{sec: secHead, cells: []lcell{whole(d.title, kTitle)}},
		lrow{sec: secHead, cells: []lcell{whole(d.sub, kSubtitle)}},
		lrow{sec: secHead, cells: []lcell{
			{col: 0, colSpan: spans[0][1][0] + spans[0][1][1], rowSpan: 1, text: "部门名称", kind: kLabel},
			{col: spans[0][1][0] + spans[0][1][1], colSpan: n - spans[0][1][0] - spans[0][1][1], rowSpan: 1, text: f.Dept, kind: kText},
		}},
	)
	for ti, t := range d.tables {
		sec := secTasks
		if t.kind == tableIndicators {
			sec = secIndicators
		}
		sp := spans[ti]
		cell := func(ci int, text string, k cellKind) lcell {
			return lcell{col: sp[ci][0], colSpan: sp[ci][1], rowSpan: 1, text: text, kind: k}
		}
		l.rows = append(l.rows, lrow{sec: sec, cells: []lcell{whole(t.caption, kLabel)}})
		var head []lcell
		for ci, c := range t.cols {
			if c.role != roleID {
				head = append(head, cell(ci, c.head, kHeader))
			}
		}
		l.rows = append(l.rows, lrow{sec: sec, header: true, cells: head})
		merged := d.pdfRuns(t)
		for ri, row := range t.rows {
			var cells []lcell
			for ci, c := range t.cols {
				if c.role == roleID {
					continue
				}
				if m, ok := merged[c.key]; ok {
					if m[ri] > 0 {
						x := cell(ci, row.text[c.key], kCenter)
						x.rowSpan = m[ri]
						cells = append(cells, x)
					}
					continue
				}
				switch {
				case c.amount:
					a := row.amt[c.key]
					cells = append(cells, lcell{col: sp[ci][0], colSpan: sp[ci][1], rowSpan: 1, amount: a, kind: kAmount, text: a.String()})
				case c.key == ckContent || c.key == ckL3 || c.key == ckHint || c.key == ckCauseText || c.key == ckMeasures || c.key == ckAnalysis:
					cells = append(cells, cell(ci, row.text[c.key], kText))
				default:
					cells = append(cells, cell(ci, row.text[c.key], kCenter))
				}
			}
			l.rows = append(l.rows, lrow{sec: sec, cells: cells})
		}
		for _, fr := range t.foot {
			l.rows = append(l.rows, lrow{sec: sec, cells: footCells(t, sp, fr)})
		}
		for _, note := range t.notes {
			l.rows = append(l.rows, lrow{sec: sec, cells: []lcell{whole(note, kText)}})
		}
	}
	if len(d.adjust) > 0 {
		l.rows = append(l.rows, lrow{sec: secIndicators, cells: []lcell{whole("申报后的调整（原值 → 调整后，原因）", kLabel)}})
		for _, a := range d.adjust {
			l.rows = append(l.rows, lrow{sec: secIndicators, cells: []lcell{whole(a, kText)}})
		}
	}
	return l
}

// footCells lays out a footer row: the label over the columns before the
// first cell, then each cell (columns without one stay empty).
func footCells(t *stageTable, sp [][2]int, fr footRow) []lcell {
	first := -1
	for ci, c := range t.cols {
		if _, ok := fr.cells[c.key]; ok {
			first = ci
			break
		}
	}
	start := 1 // after the id column
	if t.cols[0].role != roleID {
		start = 0
	}
	end := sp[len(sp)-1][0] + sp[len(sp)-1][1]
	if first >= 0 {
		end = sp[first][0]
	}
	out := []lcell{{col: sp[start][0], colSpan: end - sp[start][0], rowSpan: 1, text: fr.label, kind: kTotalLabel}}
	if first < 0 {
		return out
	}
	for ci := first; ci < len(t.cols); ci++ {
		c := t.cols[ci]
		x := lcell{col: sp[ci][0], colSpan: sp[ci][1], rowSpan: 1, text: fr.cells[c.key].text, kind: kTotalLabel}
		if c.amount {
			x.kind = kTotal
			if a := model.ParseAmount(x.text); a.Valid() {
				x.total = a.Money()
			}
		}
		out = append(out, x)
	}
	return out
}

// pdfRuns are the merged runs of the table's rows: the unit name of the
// task table, the 一级 and 二级指标 of the indicator table.
func (d *stageDoc) pdfRuns(t *stageTable) map[colKey][]int {
	text := func(k colKey) func(int) string { return func(i int) string { return t.rows[i].text[k] } }
	if t.kind == tableTasks {
		// a unit's rows are consecutive; equal names of different units stay apart
		units := runs(len(t.rows), func(i int) string { return strconv.Itoa(t.rows[i].unit) }, nil)
		return map[colKey][]int{ckUnit: runs(len(t.rows), text(ckUnit), units)}
	}
	l1 := runs(len(t.rows), text(ckL1), nil)
	return map[colKey][]int{ckL1: l1, ckL2: runs(len(t.rows), text(ckL2), l1)}
}

// pdfGrid returns, for each table, each column's first grid column and
// span (the id column gets span 0), and the grid's widths.
func (d *stageDoc) pdfGrid() ([][][2]int, []float64) {
	var total float64
	for _, c := range d.tables[len(d.tables)-1].cols {
		if c.role != roleID {
			total += c.width
		}
	}
	bounds := map[float64]bool{0: true, total: true}
	cum := make([][]float64, len(d.tables))
	for ti, t := range d.tables {
		var w float64
		for _, c := range t.cols {
			if c.role != roleID {
				w += c.width
			}
		}
		x := 0.0
		cum[ti] = []float64{0}
		for _, c := range t.cols {
			if c.role != roleID {
				x += c.width * total / w
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
	spans := make([][][2]int, len(d.tables))
	for ti, t := range d.tables {
		spans[ti] = make([][2]int, len(t.cols))
		for ci := range t.cols {
			a, b := index(cum[ti][ci]), index(cum[ti][ci+1])
			spans[ti][ci] = [2]int{a, b - a}
		}
	}
	return spans, widths
}
