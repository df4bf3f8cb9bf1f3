package export

import (
	"slices"

	"jixiao/model"
)

// honest gives a built 运行监控表 or 自评表 what an export of the 申报表
// has (docs/format.md): the verdict of the table's own findings
// (model.JudgeTable), which the PDF prints on every page and the xlsx in
// its page header, and under the tasks' 合计 row the note of the amounts
// the 合计 leaves out (model.TableInvalid). It works on the built rows, so
// the layouts (monitor_layout.go, selfeval_layout.go) need not know.
func (s *stageSheet) honest(f *model.Form) {
	s.l.verdict = model.JudgeTable(model.Check(f), s.stage)
	note := model.Sums{Invalid: model.TableInvalid(f, s.stage)}.IncompleteNote()
	if note == "" {
		return
	}
	at := -1
	for i, r := range s.l.rows {
		if r.sec == secTasks && !r.header && len(r.cells) > 0 && r.cells[0].kind == kTotalLabel && r.cells[0].text == "合计" {
			at = i + 1
		}
	}
	if at < 0 {
		at = len(s.l.rows)
	}
	n := len(s.l.widths)
	row := lrow{sec: secTasks, cells: []lcell{{col: 0, colSpan: n, rowSpan: 1, text: "注：" + note + "（见标红的单元格），请改正后重新导出", kind: kText}}}
	s.l.rows = slices.Insert(s.l.rows, at, row)
	// The input cells below move down one row with it.
	for i := range s.inputs {
		if s.inputs[i].row >= at {
			s.inputs[i].row++
		}
	}
}
