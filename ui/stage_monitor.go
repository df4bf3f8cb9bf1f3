package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// monitorPage is the 运行监控 page: per task 年初预算, 1–N月执行数, 执行率 and
// 全年预计执行数 (with the 提示 of a task behind time progress), per
// indicator 1–N月实际完成值, 全年预计完成值, 完成可能性, 偏差原因 and 措施.
type monitorPage struct {
	e      *Editor
	list   *fyne.Container
	scroll *container.Scroll
	tasks  []*monTaskRow
	inds   []*monIndRow
	built  int // month the headers were built for
}

type monTaskRow struct {
	stageAt
	budget, rate, hint *widget.Label
	exec, forecast     *widget.Entry
}

type monIndRow struct {
	stageAt
	value                  *widget.Label
	toDate, forecast, text *widget.Entry
	measures               *widget.Entry
	likely, cause          *widget.Select
}

var (
	monTaskCols = []float32{0, 100, 120, 80, 120, 230}
	monIndCols  = []float32{0, 80, 110, 110, 110, 110, 0, 0}
)

func newMonitorPage(e *Editor) *monitorPage {
	p := &monitorPage{e: e, list: container.NewVBox()}
	p.scroll = container.NewVScroll(p.list)
	return p
}

func (p *monitorPage) object() fyne.CanvasObject { return p.scroll }

func (p *monitorPage) summary() string {
	f := p.e.form
	m := model.ComputeMonitorTotals(f)
	rate := "—"
	if m.RateOK {
		rate = m.Rate.StringFixed(2) + "%"
	}
	return fmt.Sprintf("执行率 %s　时间进度 %s%%", rate, model.TimeProgress(f.Month).StringFixed(2))
}

func (p *monitorPage) refresh(structural bool) {
	f := p.e.form
	if structural || p.built != f.Month || len(p.tasks) != f.TaskCount() {
		p.build()
	}
	for _, t := range p.tasks {
		p.updateTask(t)
	}
	for _, r := range p.inds {
		p.updateInd(r)
	}
}

func (p *monitorPage) build() {
	f, e := p.e.form, p.e
	n := f.Month
	p.built = n
	p.tasks, p.inds = nil, nil
	objs := []fyne.CanvasObject{
		wrapped(heading(fmt.Sprintf("预算执行情况（万元，截至%d月，时间进度 %s%%）", n, model.TimeProgress(n).StringFixed(2)))),
		tableRow(monTaskCols, heading("任务"), heading("年初预算数"), heading(model.MonitorHeader(n, "执行数")),
			heading("执行率"), heading("全年预计执行数"), heading("提示")),
	}
	for u := range f.Units {
		// each unit under its name, its rows by their 主要内容
		objs = append(objs, unitHeading(f.Units[u].Name, u))
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			row := &monTaskRow{stageAt: stageAt{part: model.PartTasks, u: u, r: r}, budget: cell(""), rate: cell(""), hint: cell(""), exec: widget.NewEntry(), forecast: widget.NewEntry()}
			row.exec.SetPlaceHolder("万元")
			row.forecast.SetPlaceHolder("万元")
			u, r := u, r
			row.exec.OnChanged = func(s string) {
				e.ApplyKeyed(fmt.Sprintf("mon/task/%d/%d/exec", u, r), func(f *model.Form) {
					if u < len(f.Units) && r < len(f.Units[u].Tasks) {
						f.Units[u].Tasks[r].Monitor.Executed = model.ParseAmount(s)
					}
				})
			}
			row.forecast.OnChanged = func(s string) {
				e.ApplyKeyed(fmt.Sprintf("mon/task/%d/%d/forecast", u, r), func(f *model.Form) {
					if u < len(f.Units) && r < len(f.Units[u].Tasks) {
						f.Units[u].Tasks[r].Monitor.Forecast = model.ParseAmount(s)
					}
				})
			}
			row.box = tableRow(monTaskCols, cell("　"+t.Content), row.budget, row.exec, row.rate, row.forecast, row.hint)
			p.tasks = append(p.tasks, row)
			objs = append(objs, row.box)
		}
	}
	objs = append(objs, widget.NewSeparator(),
		wrapped(heading("绩效指标（完成可能性不是“确定能”的，须选偏差原因并填写拟采取的措施）")),
		tableRow(monIndCols, heading("指标"), heading("指标值"), heading(model.MonitorHeader(n, "完成值")), heading("全年预计"),
			heading("完成可能性"), heading("偏差原因"), heading("原因说明"), heading("拟采取的措施")))
	likely := make([]string, len(model.Likelihoods))
	for i, l := range model.Likelihoods {
		likely[i] = string(l)
	}
	for r := range f.Indicators {
		in := &f.Indicators[r]
		if !in.Scorable() {
			continue
		}
		row := &monIndRow{stageAt: stageAt{part: model.PartIndicators, r: r}, value: cell(in.Value), toDate: widget.NewEntry(), forecast: widget.NewEntry(), text: widget.NewEntry(),
			measures: widget.NewEntry(), likely: widget.NewSelect(likely, nil), cause: widget.NewSelect(model.DeviationCauses, nil)}
		row.likely.PlaceHolder, row.cause.PlaceHolder = "请选择", "请选择"
		set := func(key string, fn func(m *model.IndicatorMonitor)) {
			e.ApplyKeyed(fmt.Sprintf("mon/ind/%d/%s", r, key), func(f *model.Form) {
				if r < len(f.Indicators) {
					fn(&f.Indicators[r].Monitor)
				}
			})
		}
		row.toDate.OnChanged = func(s string) { set("todate", func(m *model.IndicatorMonitor) { m.ToDate = s }) }
		row.forecast.OnChanged = func(s string) { set("forecast", func(m *model.IndicatorMonitor) { m.Forecast = s }) }
		row.text.OnChanged = func(s string) { set("causetext", func(m *model.IndicatorMonitor) { m.CauseText = s }) }
		row.measures.OnChanged = func(s string) { set("measures", func(m *model.IndicatorMonitor) { m.Measures = s }) }
		row.likely.OnChanged = func(s string) {
			set("likely", func(m *model.IndicatorMonitor) { m.Likelihood = model.Likelihood(s) })
		}
		row.cause.OnChanged = func(s string) { set("cause", func(m *model.IndicatorMonitor) { m.Cause = s }) }
		row.box = tableRow(monIndCols, cell(in.Name()), row.value, row.toDate, row.forecast, row.likely, row.cause, row.text, row.measures)
		p.inds = append(p.inds, row)
		objs = append(objs, row.box)
	}
	p.list.Objects = objs
	p.list.Refresh()
}

func (p *monitorPage) updateTask(row *monTaskRow) {
	f := p.e.form
	if row.u >= len(f.Units) || row.r >= len(f.Units[row.u].Tasks) {
		return
	}
	t := &f.Units[row.u].Tasks[row.r]
	setLabel(row.budget, t.Total.String(), widget.MediumImportance)
	setText(row.exec, t.Monitor.Executed.Raw())
	setText(row.forecast, t.Monitor.Forecast.Raw())
	rate, imp := "", widget.MediumImportance
	if d, ok := t.MonitorRate(); ok {
		rate = d.StringFixed(2) + "%"
	}
	hint := ""
	switch {
	case t.Monitor.Executed.State() == model.AmountInvalid:
		hint, imp = t.Monitor.Executed.Reason(), widget.DangerImportance
	case t.BehindSchedule(f.Month):
		hint, imp = "比时间进度低10个百分点以上", widget.WarningImportance
	}
	setLabel(row.rate, rate, imp)
	setLabel(row.hint, hint, imp)
}

func (p *monitorPage) updateInd(row *monIndRow) {
	f := p.e.form
	if row.r >= len(f.Indicators) {
		return
	}
	m := f.Indicators[row.r].Monitor
	setText(row.toDate, m.ToDate)
	setText(row.forecast, m.Forecast)
	setText(row.text, m.CauseText)
	setText(row.measures, m.Measures)
	setSelect(row.likely, string(m.Likelihood))
	setSelect(row.cause, m.Cause)
}

// setSelect shows s in sel without calling its OnChanged.
func setSelect(sel *widget.Select, s string) {
	if sel.Selected == s {
		return
	}
	cb := sel.OnChanged
	sel.OnChanged = nil
	if s == "" {
		sel.ClearSelected()
	} else {
		sel.SetSelected(s)
	}
	sel.OnChanged = cb
}

func (p *monitorPage) focus(loc model.Location) bool {
	return focusStageRow(p.e, p.scroll, loc, p.tasks) || focusStageRow(p.e, p.scroll, loc, p.inds)
}

func (t *monTaskRow) entry(f model.Field) fyne.CanvasObject {
	if f == model.FieldForecast {
		return t.forecast
	}
	return t.exec
}

func (r *monIndRow) entry(f model.Field) fyne.CanvasObject {
	switch f {
	case model.FieldMeasures:
		return r.measures
	case model.FieldCause:
		return r.text
	}
	return r.toDate
}
