package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// buildMonitor lays out the 部门整体绩效运行监控表 after the published
// 黄石 layout (docs/selfeval.md): 年初预算数 | 1–N月执行数 | 全年预计执行数
// per task, and per indicator 指标值 | 1–N月实际完成值 | 全年预计完成值 |
// 完成可能性 | 偏差原因 | 拟采取的措施; the 偏差原因 in two columns, its
// category (a list in the workbook) and its explanation.
func buildMonitor(f *model.Form) *stageDoc {
	n := f.Month
	sub := fmt.Sprintf("（%s年度，截至%d月）", strings.TrimSpace(f.Year), n)
	d := &stageDoc{stage: model.StageMonitor, f: f, name: MonitorSheetName, title: "部门整体绩效运行监控表", sub: sub,
		adjust: adjustLines(f)}

	tasks := &stageTable{kind: tableTasks, sheet: TaskSheetName, caption: "一、预算执行情况（单位：万元）", cols: []stageCol{
		{key: ckID, head: "编号", width: 6, role: roleID},
		{key: ckUnit, head: "任务名称", width: 18, role: roleKey},
		{key: ckContent, head: "主要内容", width: 24, role: roleKey},
		{key: ckBudget, head: "年初预算数", width: 12, role: roleFixed, amount: true},
		{key: ckFiscal, head: "其中：财政资金", width: 12, role: roleFixed, amount: true},
		{key: ckExec, head: model.MonitorHeader(n, "执行数"), width: 12, role: roleInput, field: model.FieldExecuted, amount: true},
		{key: ckRate, head: "执行率", width: 10, role: roleCalc},
		{key: ckForecast, head: "全年预计执行数", width: 13, role: roleInput, field: model.FieldForecast, amount: true},
		{key: ckHint, head: "提示", width: 30, role: roleCalc},
	}}
	taskRows(f, func(i, u, r int, t *model.Task) {
		row := newTaskRow(f, i, u, r)
		row.text[ckExec], row.amt[ckExec] = t.Monitor.Executed.Raw(), t.Monitor.Executed
		row.text[ckForecast], row.amt[ckForecast] = t.Monitor.Forecast.Raw(), t.Monitor.Forecast
		if d, ok := t.MonitorRate(); ok {
			row.text[ckRate] = d.StringFixed(2) + "%"
		}
		row.text[ckHint] = strings.Join(t.MonitorHints(n), "；")
		tasks.rows = append(tasks.rows, row)
	})
	m := model.ComputeMonitorTotals(f)
	rate := ""
	if m.RateOK {
		rate = m.Rate.StringFixed(2) + "%"
	}
	tasks.foot = []footRow{{label: "合计", cells: map[colKey]footCell{
		ckBudget:   {text: m.Budget.String(), calc: calcSum},
		ckFiscal:   {text: m.Fiscal.String(), calc: calcSum},
		ckExec:     {text: m.Executed.String(), calc: calcSum},
		ckRate:     {text: rate, calc: calcRateTotal},
		ckForecast: {text: m.Forecast.String(), calc: calcSum},
		ckHint:     {text: "时间进度 " + model.TimeProgress(n).StringFixed(2) + "%"},
	}}}
	tasks.notes = []string{"注：执行率 = " + model.MonitorHeader(n, "执行数") + " ÷ 年初预算数；执行率比时间进度低10个百分点以上、执行数或全年预计执行数超过年初预算数、全年预计执行数小于已执行数的，提示栏会注明。"}

	inds := &stageTable{kind: tableIndicators, sheet: IndicatorSheetName, caption: "二、绩效指标完成情况", cols: []stageCol{
		{key: ckID, head: "编号", width: 6, role: roleID},
		{key: ckL1, head: "一级指标", width: 10, role: roleKey},
		{key: ckL2, head: "二级指标", width: 12, role: roleKey},
		{key: ckL3, head: "三级指标", width: 22, role: roleKey},
		{key: ckValue, head: "年度指标值", width: 11, role: roleFixed},
		{key: ckToDate, head: model.MonitorHeader(n, "实际完成值"), width: 12, role: roleInput, field: model.FieldToDate},
		{key: ckForecastVal, head: "全年预计完成值", width: 12, role: roleInput, field: model.FieldForecastVal},
		{key: ckLikely, head: "完成可能性", width: 11, role: roleInput, field: model.FieldLikelihood},
		{key: ckCause, head: "偏差原因类别", width: 13, role: roleInput, field: model.FieldCause},
		{key: ckCauseText, head: "偏差原因说明", width: 22, role: roleInput, field: model.FieldCause},
		{key: ckMeasures, head: "拟采取的措施", width: 24, role: roleInput, field: model.FieldMeasures},
	}}
	for i, r := range scoredRows(f) {
		row := newIndRow(f, i+1, r)
		mo := f.Indicators[r].Monitor
		row.text[ckToDate], row.text[ckForecastVal] = strings.TrimSpace(mo.ToDate), strings.TrimSpace(mo.Forecast)
		row.text[ckLikely] = strings.TrimSpace(string(mo.Likelihood))
		row.text[ckCause], row.text[ckCauseText] = strings.TrimSpace(mo.Cause), strings.TrimSpace(mo.CauseText)
		row.text[ckMeasures] = strings.TrimSpace(mo.Measures)
		inds.rows = append(inds.rows, row)
	}
	inds.notes = []string{"注：完成可能性选 确定能、有可能 或 完全不可能；不是“确定能”的，须选偏差原因类别（经费保障、制度保障、人员保障、硬件条件保障、其他；选“其他”的须写明说明）并填写拟采取的措施。"}
	d.tables = []*stageTable{tasks, inds}
	return d
}

// causeText is a 偏差原因 in one cell: 类别：说明, or either alone.
func causeText(m model.IndicatorMonitor) string {
	c, t := strings.TrimSpace(m.Cause), strings.TrimSpace(m.CauseText)
	switch {
	case c != "" && t != "":
		return c + "：" + t
	case c != "":
		return c
	}
	return t
}

// splitCause reads a 偏差原因 in one cell (sheets of format 1): a known
// category at the start (经费保障：…) is the category and the rest its
// text; otherwise the whole text is the explanation and no category is
// chosen (the check asks for one).
func splitCause(s string) (cause, text string) {
	s = strings.TrimSpace(s)
	for _, c := range model.DeviationCauses {
		if rest, ok := strings.CutPrefix(s, c); ok {
			rest = strings.TrimSpace(rest)
			rest = strings.TrimSpace(strings.TrimLeft(rest, "：:，,、 "))
			return c, rest
		}
	}
	return "", s
}
