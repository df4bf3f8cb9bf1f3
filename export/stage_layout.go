package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// The 运行监控表 and 自评表 (docs/selfeval.md) share the declaration's
// layout machinery: a grid of lcells that the PDF writer draws and
// stage_xlsx.go writes. Each sheet also records its input cells (the
// values a clerk fills in Excel/WPS), so a filled sheet imports back into
// the same draft by cell address.

// Sheet names and titles of the two tables.
const (
	MonitorSheetName = "绩效运行监控表"
	EvalSheetName    = "绩效自评表"
)

// inputCell is one cell of a stage sheet whose value imports back.
type inputCell struct {
	Addr  string `json:"addr"`           // A1 address on the visible sheet
	Kind  string `json:"kind"`           // "task" or "ind"
	Unit  int    `json:"unit,omitempty"` // task: unit index
	Index int    `json:"index"`          // task row in its unit, or indicator row
	Field string `json:"field"`          // a model.Field naming the value
	Name  string `json:"name"`           // the task's 主要内容 or indicator's name when exported
	Text  string `json:"text"`           // the value as exported
	row   int    // layout row (0-based)
	col   int    // layout column (0-based)
}

// stageSheet is a built 监控表 or 自评表.
type stageSheet struct {
	l      *layout
	stage  model.Stage
	sheet  string // the visible sheet's name
	title  string // the table's title (running header too)
	inputs []inputCell
}

// sheetBuilder appends rows to a stage layout.
type sheetBuilder struct {
	s *stageSheet
	n int // columns
}

func newSheet(f *model.Form, stage model.Stage, sheet, title, sub string, widths []float64) *sheetBuilder {
	l := &layout{form: f, widths: widths, totals: model.ComputeTotals(f)}
	for i := range l.idx {
		l.idx[i] = -1
	}
	b := &sheetBuilder{s: &stageSheet{l: l, stage: stage, sheet: sheet, title: title}, n: len(widths)}
	l.rows = append(l.rows,
		lrow{sec: secHead, cells: []lcell{b.whole(title, kTitle)}},
		lrow{sec: secHead, cells: []lcell{b.whole(sub, kSubtitle)}},
		lrow{sec: secHead, cells: []lcell{
			{col: 0, colSpan: 2, rowSpan: 1, text: "部门名称", kind: kLabel},
			{col: 2, colSpan: b.n - 2, rowSpan: 1, text: f.Dept, kind: kText},
		}},
	)
	return b
}

func (b *sheetBuilder) whole(text string, k cellKind) lcell {
	return lcell{col: 0, colSpan: b.n, rowSpan: 1, text: text, kind: k}
}

func (b *sheetBuilder) row(sec section, header bool, cells ...lcell) {
	b.s.l.rows = append(b.s.l.rows, lrow{sec: sec, header: header, cells: cells})
}

// cell is a one-row cell at col spanning span columns.
func cell(col, span int, text string, k cellKind) lcell {
	return lcell{col: col, colSpan: span, rowSpan: 1, text: text, kind: k}
}

func amtCell(col int, a model.Amount) lcell {
	return lcell{col: col, colSpan: 1, rowSpan: 1, amount: a, kind: kAmount, text: a.String()}
}

func totalCell(col int, m model.Money) lcell {
	return lcell{col: col, colSpan: 1, rowSpan: 1, total: m, kind: kTotal, text: model.FormatMoney(m, false)}
}

// input records that the cell at col of the row about to be added takes a
// value back on import.
func (b *sheetBuilder) input(col int, kind string, unit, index int, field model.Field, name, text string) {
	b.s.inputs = append(b.s.inputs, inputCell{Kind: kind, Unit: unit, Index: index, Field: string(field), Name: name,
		Text: text, row: len(b.s.l.rows), col: col})
}

// adjustments adds the 调整 record block (none when there were none).
func (b *sheetBuilder) adjustments(f *model.Form) {
	if len(f.Adjustments) == 0 {
		return
	}
	b.row(secIndicators, false, cell(0, b.n, "申报后的调整（原值 → 调整后，原因）", kLabel))
	for i, a := range f.Adjustments {
		b.row(secIndicators, false,
			cell(0, 1, fmt.Sprint(i+1), kCenter),
			cell(1, b.n-1, fmt.Sprintf("%s：%s → %s（%s阶段，%s）。原因：%s", a.Place, orSlash(a.Old), a.New, a.Stage,
				a.Time.Format("2006-01-02"), a.Reason), kText))
	}
}

func orSlash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

// unitRuns calls fn for every task row, with the row span of the unit's
// name cell on its first row (0 on the others).
func unitRuns(f *model.Form, fn func(u, r int, t *model.Task, span int)) {
	for u := range f.Units {
		ts := f.Units[u].Tasks
		for r := range ts {
			span := 0
			if r == 0 {
				span = len(ts)
			}
			fn(u, r, &ts[r], span)
		}
	}
}

// scoredRows are the indicator rows that take part (model.Indicator.Scorable),
// with the 一级/二级 run lengths among them.
func scoredRows(f *model.Form) (rows []int, l1, l2 []int) {
	for r, in := range f.Indicators {
		if in.Scorable() {
			rows = append(rows, r)
		}
	}
	ins := f.Indicators
	l1 = runs(len(rows), func(i int) string { return ins[rows[i]].Level1 }, nil)
	l2 = runs(len(rows), func(i int) string { return ins[rows[i]].Level2 }, l1)
	return rows, l1, l2
}

func spanCell(col, span int, text string, k cellKind) lcell {
	return lcell{col: col, colSpan: 1, rowSpan: span, text: text, kind: k}
}
