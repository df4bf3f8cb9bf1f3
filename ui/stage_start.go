package ui

import (
	"strings"
	"time"

	"jixiao/model"
)

// startYearScreen opens, for the screenshots of the year's screens
// (docs/screenshots, the -tags screenshots build's JIXIAO_SCREEN), a
// dialog of the 监控与自评 work on the editor: "export" the 导出 Excel
// question (which table), "stage" the confirmation of the next stage,
// "adjust=WORDS" 调整申报值 searching WORDS, "stageimport=FILE" the report
// of 导入填好的监控表/自评表 reading FILE into the open draft. It reports whether screen was
// one of them. Each opens once the window has its size, which sizes the
// dialog.
func (ws *Workspace) startYearScreen(screen string) bool {
	e := ws.e
	var open func()
	q, adjust := strings.CutPrefix(screen, "adjust=")
	sheet, stageImport := strings.CutPrefix(screen, "stageimport=")
	switch {
	case stageImport:
		open = func() {
			e.SelectTab(TabYear)
			e.year.ImportStagePath(sheet, "")
		}
	case screen == "export":
		open = func() { e.Export(ExportKinds[0]) }
	case screen == "stage":
		open = func() {
			e.SelectTab(TabYear)
			switch e.form.Stage {
			case model.StageDeclare:
				e.year.confirmStage(model.StageMonitor, 6)
			case model.StageMonitor:
				e.year.confirmStage(model.StageEval, 0)
			}
		}
	case adjust:
		open = func() {
			e.SelectTab(TabYear)
			e.year.showAdjust()
			e.year.adjustDlg.search.SetText(q)
			if len(e.year.adjustDlg.hits) > 0 {
				e.year.adjustDlg.list.Select(0)
			}
		}
	default:
		return false
	}
	ws.ShowEditor()
	e.clock.AfterFunc(time.Second, open)
	return true
}
