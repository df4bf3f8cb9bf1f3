package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// yearView is the 监控与自评 tab: the stage switch (申报 → 运行监控 as of a
// month → 年度自评), the 调整 of declared values, and the page of the
// stage: 运行监控 (monitorPage), 年度自评 with live 得分/总分 (evalPage), or
// in 申报 last year's 自评 results when the draft was carried from one.
type yearView struct {
	e       *Editor
	stage   *widget.Select
	month   *widget.Select
	adjust  *widget.Button
	summary *widget.Label
	declare *fyne.Container // 申报: explanation and last year's results
	last    *fyne.Container
	mon     *monitorPage
	ev      *evalPage
	body    *fyne.Container
	top     *fyne.Container // the switch, 调整申报值 and the summary
	box     fyne.CanvasObject
	setting bool // the selects are being set from the model

	adjustDlg *adjustDialog // the 调整申报值 dialog last opened

	// importBtn is 导入填好的监控表/自评表… (stage_import.go); imp the report
	// it showed last; owners, set by the Workspace, lists the drafts (and
	// those in the 回收站) a sheet of another draft belongs to.
	importBtn *widget.Button
	imp       *stageImportReview
	owners    func(info *export.StageInfo) (open, trashed []store.Info)
}

var stageChoices = []string{"申报", "运行监控", "年度自评"}

func monthChoices() []string {
	out := make([]string, 12)
	for i := range out {
		out[i] = fmt.Sprintf("%d月", i+1)
	}
	return out
}

func newYearView(e *Editor) *yearView {
	v := &yearView{e: e, summary: heading("")}
	v.stage = widget.NewSelect(stageChoices, nil)
	v.month = widget.NewSelect(monthChoices(), nil)
	v.month.PlaceHolder = "截至月份"
	v.stage.OnChanged = func(s string) {
		if v.setting {
			return
		}
		to, _ := model.ParseStage(s)
		month := e.form.Month
		if to == model.StageMonitor && month == 0 {
			month = 6
		}
		v.confirmStage(to, month)
	}
	v.month.OnChanged = func(s string) {
		if v.setting {
			return
		}
		var m int
		fmt.Sscanf(s, "%d月", &m)
		v.confirmStage(model.StageMonitor, m)
	}
	v.adjust = widget.NewButton("调整申报值…", v.showAdjust)
	v.importBtn = widget.NewButton(stageImportLabel(model.StageEval), v.chooseStageFile)
	v.last = container.NewVBox()
	v.declare = container.NewVBox(
		wrapped(widget.NewLabel("现在是申报阶段：申报表填好后，在上面选择“运行监控”（年中，截至某月）或“年度自评”（年度结束后）。\n进入后申报的金额和指标值只读；需要改动时用“调整申报值”并写明原因，原因会保留并打印。切换前会先说明变化，并可撤销。")),
		v.last)
	v.mon = newMonitorPage(e)
	v.ev = newEvalPage(e)
	v.body = container.NewStack(container.NewVScroll(v.declare), v.mon.object(), v.ev.object())
	// The summary (执行率, 总分) takes what is left and is cut short on a
	// narrow window, so the switch and 调整 always fit (800 px).
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.top = container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("阶段："), v.stage, v.month, v.adjust, v.importBtn), nil, v.summary)
	top := v.top
	v.box = container.NewBorder(top, nil, nil, nil, v.body)
	return v
}

func (v *yearView) object() fyne.CanvasObject { return v.box }

// confirmStage says in plain words what a change of stage does — what
// becomes read-only, which columns appear, how to go back — and moves
// only on the clerk's 进入; entering the 运行监控 or 自评 while the 申报表
// still has errors says so first and names them (stage_confirm.go).
func (v *yearView) confirmStage(to model.Stage, month int) {
	f := v.e.form
	if to == f.Stage && (to != model.StageMonitor || month == f.Month) {
		return
	}
	if to < f.Stage {
		v.SetStage(to, month) // refused by the model, with its reason
		return
	}
	v.showStageConfirm(to, month)
}

// SetStage moves the draft to stage to (as of month for 运行监控); a refused
// move is explained in a dialog and the switch shows the stage again.
func (v *yearView) SetStage(to model.Stage, month int) {
	var err error
	v.e.Apply(func(f *model.Form) { err = f.SetStage(to, month, v.e.clock.Now()) })
	if err != nil {
		msg := errMessage(err)
		if to < v.e.form.Stage {
			msg += "\n要回到切换阶段之前的版本：编辑 › 撤销（Ctrl+Z），或 文件 › 历史版本… 恢复那时保存的版本。"
		}
		v.e.ShowError(errTitle("无法切换阶段", err), msg)
		v.refresh(true)
	}
}

func (v *yearView) refresh(structural bool) {
	f := v.e.form
	v.setting = true
	v.stage.SetSelected(stageChoices[min(int(f.Stage), 2)])
	if f.Stage == model.StageMonitor && f.Month > 0 {
		v.month.SetSelected(fmt.Sprintf("%d月", f.Month))
		v.month.Show()
	} else {
		v.month.Hide()
	}
	v.setting = false
	if f.Locked() {
		v.adjust.Show()
		v.importBtn.SetText(stageImportLabel(f.Stage))
		v.importBtn.Show()
	} else {
		v.adjust.Hide()
		v.importBtn.Hide()
	}
	pages := v.body.Objects
	for i, p := range pages {
		if i == min(int(f.Stage), 2) {
			p.Show()
		} else {
			p.Hide()
		}
	}
	switch f.Stage {
	case model.StageMonitor:
		v.mon.refresh(structural)
		setLabel(v.summary, v.mon.summary(), widget.MediumImportance)
	case model.StageEval:
		v.ev.refresh(structural)
		ev := v.ev.evaluation
		imp := widget.SuccessImportance
		if ev.Grade == "差" || ev.Grade == "中" {
			imp = widget.WarningImportance
		}
		setLabel(v.summary, fmt.Sprintf("总分 %s　等级 %s", ev.Total.StringFixed(2), ev.Grade), imp)
	default:
		setLabel(v.summary, "", widget.MediumImportance)
		if structural {
			v.refreshLast()
		}
	}
}

// refreshLast lists last year's 自评 results of a carried draft, with the
// warnings of indicators not met last year whose target was not raised.
func (v *yearView) refreshLast() {
	f := v.e.form
	warn := map[int]string{}
	for _, x := range v.e.findings {
		if x.Loc.Part == model.PartIndicators && x.Loc.Field == model.FieldValue && strings.Contains(x.Message, "今年的指标值没有提高") {
			warn[x.Loc.Row] = x.Message
		}
	}
	var rows []fyne.CanvasObject
	for r, in := range f.Indicators {
		l := in.Last
		if l == (model.LastResult{}) {
			continue
		}
		if len(rows) == 0 {
			rows = append(rows, heading(fmt.Sprintf("上年（%s年度）自评结果", f.Meta.PrevYear)),
				tableRow(lastCols, heading("指标"), heading("上年指标值"), heading("上年完成值"), heading("得分/分值"), heading("今年指标值"), heading("")))
		}
		w := widget.NewLabel("")
		if msg, ok := warn[r]; ok {
			w.SetText("⚠ 上年未完成，今年指标值没有提高")
			w.Importance = widget.WarningImportance
			_ = msg
		}
		rows = append(rows, tableRow(lastCols, cell(in.Name()), cell(l.Value), cell(l.Actual), cell(l.Score+"/"+l.Weight), cell(in.Value), w))
	}
	v.last.Objects = rows
	v.last.Refresh()
}

var lastCols = []float32{0, 100, 100, 90, 100, 260}

// tableRow lays objs out in columns of widths (0 = flexible).
func tableRow(widths []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(newCols(widths...), objs...)
}

// focus shows a 监控/自评 field's row.
func (v *yearView) focus(loc model.Location) bool {
	switch v.e.form.Stage {
	case model.StageMonitor:
		return v.mon.focus(loc)
	case model.StageEval:
		return v.ev.focus(loc)
	}
	return false
}

// isStageField reports whether a finding's field is on the 监控与自评 tab.
func isStageField(f model.Field) bool { return model.StageOfField(f) != model.StageDeclare }

// showAdjust opens the 调整申报值 dialog (adjust.go).
func (v *yearView) showAdjust() {
	v.adjustDlg = newAdjustDialog(v)
	v.adjustDlg.dlg.Show()
	v.e.win.Canvas().Focus(v.adjustDlg.search)
}

// lastYearLine is the small line under an indicator carried from a 自评
// draft (上年完成值 and 得分 beside the carried indicator), nil when the
// indicator has no last year's result.
func lastYearLine(in model.Indicator) fyne.CanvasObject {
	l := in.Last
	if l == (model.LastResult{}) {
		return nil
	}
	lab := small(fmt.Sprintf("上年：指标值 %s，完成值 %s，得分 %s/%s", l.Value, l.Actual, l.Score, l.Weight))
	if l.NotMet {
		lab.Text += "（未完成）"
		lab.Importance = widget.WarningImportance
	}
	return container.NewBorder(nil, nil, widget.NewLabel("　　"), nil, lab)
}

// unitHeading is a unit's name above its rows on the 监控与自评 pages.
func unitHeading(name string, u int) fyne.CanvasObject {
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("第%d个单位", u+1)
	}
	l := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.LowImportance
	return l
}

// stageAt is where a row of the 运行监控 or 年度自评 page is: the task
// (unit u, row r) or indicator (row r) it shows, and its box on the page.
type stageAt struct {
	part model.Part
	u, r int
	box  *fyne.Container
}

func (a *stageAt) place() (model.Location, fyne.CanvasObject) {
	return model.Location{Part: a.part, Unit: a.u, Row: a.r}, a.box
}

// stageRow is a row of the 运行监控 or 年度自评 page: where it is and its
// entry for a field.
type stageRow interface {
	place() (model.Location, fyne.CanvasObject)
	entry(model.Field) fyne.CanvasObject
}

// focusStageRow puts the focus on loc's field in rows (a stage page's task
// or indicator rows): the row that shows loc's task or indicator is
// scrolled into view in sc, and its entry for loc.Field is focused. It
// reports false when no row shows loc.
func focusStageRow[R stageRow](e *Editor, sc *container.Scroll, loc model.Location, rows []R) bool {
	for _, r := range rows {
		at, box := r.place()
		// an indicator is named by its row alone (a finding may carry any unit)
		if at.Part == loc.Part && at.Row == loc.Row && (at.Part != model.PartTasks || at.Unit == loc.Unit) {
			sc.ScrollToOffset(fyne.NewPos(0, box.Position().Y))
			return e.focusObject(r.entry(loc.Field))
		}
	}
	return false
}
