package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
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
	box     fyne.CanvasObject
	setting bool // the selects are being set from the model
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
	v.last = container.NewVBox()
	v.declare = container.NewVBox(
		widget.NewLabel("现在是申报阶段：申报表填好后，在上面选择“运行监控”（年中，截至某月）或“年度自评”（年度结束后）。\n进入后申报的指标值和金额只读；需要改动时用“调整申报值”并写明原因，原因会保留并打印。"),
		v.last)
	v.mon = newMonitorPage(e)
	v.ev = newEvalPage(e)
	v.body = container.NewStack(container.NewVScroll(v.declare), v.mon.object(), v.ev.object())
	top := container.NewHBox(widget.NewLabel("阶段："), v.stage, v.month, v.adjust, v.summary)
	v.box = container.NewBorder(top, nil, nil, nil, v.body)
	return v
}

func (v *yearView) object() fyne.CanvasObject { return v.box }

// confirmStage asks before the declaration becomes read-only, then moves.
func (v *yearView) confirmStage(to model.Stage, month int) {
	f := v.e.form
	if to == f.Stage && (to != model.StageMonitor || month == f.Month) {
		return
	}
	if f.Stage == model.StageDeclare && to != model.StageDeclare {
		dialog.ShowConfirm("进入"+to.String(), "进入“"+to.String()+"”后，申报的指标值和金额将只读；需要改动时请用“调整申报值”并写明原因。\n\n继续吗？",
			func(yes bool) {
				if yes {
					v.SetStage(to, month)
				} else {
					v.refresh(true)
				}
			}, v.e.win)
		return
	}
	v.SetStage(to, month)
}

// SetStage moves the draft to stage to (as of month for 运行监控); a refused
// move is explained in a dialog and the switch shows the stage again.
func (v *yearView) SetStage(to model.Stage, month int) {
	var err error
	v.e.Apply(func(f *model.Form) { err = f.SetStage(to, month, v.e.clock.Now()) })
	if err != nil {
		v.e.ShowError(errTitle("无法切换阶段", err), errMessage(err))
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
	} else {
		v.adjust.Hide()
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
func isStageField(f model.Field) bool {
	switch f {
	case model.FieldExecuted, model.FieldForecast, model.FieldToDate, model.FieldForecastVal, model.FieldLikelihood,
		model.FieldCause, model.FieldMeasures, model.FieldBudgetAdj, model.FieldExecYear, model.FieldEvalWeight,
		model.FieldActual, model.FieldReason, model.FieldAnalysis:
		return true
	}
	return false
}

// showAdjust is the 调整 dialog: choose a declared amount or 指标值, type
// the new value and the reason; the model keeps both.
func (v *yearView) showAdjust() {
	f := v.e.form
	type target struct {
		task        bool
		u, r        int
		field       model.Field
		label, curr string
	}
	var targets []target
	var labels []string
	for r, in := range f.Indicators {
		if in.Scorable() {
			targets = append(targets, target{r: r, field: model.FieldValue, label: fmt.Sprintf("指标 第%d行 %s 指标值（%s）", r+1, in.Name(), in.Value), curr: in.Value})
		}
	}
	for u, un := range f.Units {
		for r, t := range un.Tasks {
			for _, fl := range []model.Field{model.FieldTotal, model.FieldFiscal} {
				a := t.Total
				if fl == model.FieldFiscal {
					a = t.Fiscal
				}
				targets = append(targets, target{task: true, u: u, r: r, field: fl,
					label: fmt.Sprintf("任务 %s 第%d行 %s %s（%s）", un.Name, r+1, t.Content, fl, a.String()), curr: a.Raw()})
			}
		}
	}
	for _, t := range targets {
		labels = append(labels, t.label)
	}
	sel := widget.NewSelect(labels, nil)
	val := newEscEntry()
	val.SetPlaceHolder("调整后的值")
	reason := newEscEntry()
	reason.SetPlaceHolder("调整原因（必填，会保留并打印）")
	sel.OnChanged = func(s string) {
		for _, t := range targets {
			if t.label == s {
				val.SetText(t.curr)
			}
		}
	}
	form := widget.NewForm(widget.NewFormItem("调整什么", sel), widget.NewFormItem("调整后", val), widget.NewFormItem("原因", reason))
	d := dialog.NewCustomConfirm("调整申报值", "调整", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		i := sel.SelectedIndex()
		if i < 0 {
			v.e.ShowError("未调整", "请选择要调整的指标值或金额")
			return
		}
		t := targets[i]
		var err error
		v.e.Apply(func(f *model.Form) {
			if t.task {
				err = f.AdjustTask(t.u, t.r, t.field, val.Text, reason.Text, v.e.clock.Now())
			} else {
				err = f.AdjustIndicator(t.r, val.Text, reason.Text, v.e.clock.Now())
			}
		})
		if err != nil {
			v.e.ShowError(errTitle("未调整", err), errMessage(err))
		}
	}, v.e.win)
	d.Resize(fyne.NewSize(760, 260))
	d.Show()
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
