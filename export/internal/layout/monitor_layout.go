package layout

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// BuildMonitor lays out the 部门整体绩效运行监控表 after the published
// 黄石 layout (docs/selfeval.md): 年初预算数 | 1–N月执行数 | 全年预计执行数
// per task, and per indicator 指标值 | 1–N月实际完成值 | 全年预计完成值 |
// 完成可能性 | 偏差原因 | 拟采取的措施; the 偏差原因 in two columns, its
// category (a list in the workbook) and its explanation.
func BuildMonitor(f *model.Form) *StageDoc {
	n := f.Month
	sub := fmt.Sprintf("（%s年度，截至%d月）", strings.TrimSpace(f.Year), n)
	d := &StageDoc{Stage: model.StageMonitor, F: f, Name: MonitorSheetName, Title: "部门整体绩效运行监控表", Sub: sub,
		Adjust: adjustLines(f)}

	tasks := &StageTable{Kind: TableTasks, Sheet: TaskSheetName, Caption: "一、预算执行情况（单位：万元）", Cols: []StageCol{
		{Key: CkID, Head: "编号", Width: 6, Role: RoleID},
		{Key: CkUnit, Head: "任务名称", Width: 18, Role: RoleKey},
		{Key: CkContent, Head: "主要内容", Width: 24, Role: RoleKey},
		{Key: CkBudget, Head: "年初预算数", Width: 12, Role: RoleFixed, Amount: true},
		{Key: CkFiscal, Head: "其中：财政资金", Width: 12, Role: RoleFixed, Amount: true},
		{Key: CkExec, Head: model.MonitorHeader(n, "执行数"), Width: 12, Role: RoleInput, field: model.FieldExecuted, Amount: true},
		{Key: CkRate, Head: "执行率", Width: 10, Role: RoleCalc},
		{Key: CkForecast, Head: "全年预计执行数", Width: 13, Role: RoleInput, field: model.FieldForecast, Amount: true},
		{Key: CkHint, Head: "提示", Width: 30, Role: RoleCalc},
	}}
	taskRows(f, func(i, u, r int, t *model.Task) {
		row := newTaskRow(f, i, u, r)
		row.Text[CkExec], row.Amt[CkExec] = t.Monitor.Executed.Raw(), t.Monitor.Executed
		row.Text[CkForecast], row.Amt[CkForecast] = t.Monitor.Forecast.Raw(), t.Monitor.Forecast
		if d, ok := t.MonitorRate(); ok {
			row.Text[CkRate] = d.StringFixed(2) + "%"
		}
		row.Text[CkHint] = strings.Join(t.MonitorHints(n), "；")
		tasks.Rows = append(tasks.Rows, row)
	})
	m := model.ComputeMonitorTotals(f)
	rate := ""
	if m.RateOK {
		rate = m.Rate.StringFixed(2) + "%"
	}
	tasks.Foot = []footRow{{Label: "合计", Cells: map[ColKey]footCell{
		CkBudget:   {Text: m.Budget.String(), Calc: CalcSum},
		CkFiscal:   {Text: m.Fiscal.String(), Calc: CalcSum},
		CkExec:     {Text: m.Executed.String(), Calc: CalcSum},
		CkRate:     {Text: rate, Calc: CalcRateTotal},
		CkForecast: {Text: m.Forecast.String(), Calc: CalcSum},
		CkHint:     {Text: "时间进度 " + model.TimeProgress(n).StringFixed(2) + "%"},
	}}}
	tasks.Notes = []string{"注：执行率 = " + model.MonitorHeader(n, "执行数") + " ÷ 年初预算数；执行率比时间进度低10个百分点以上、执行数或全年预计执行数超过年初预算数、全年预计执行数小于已执行数的，提示栏会注明。"}

	inds := &StageTable{Kind: TableIndicators, Sheet: IndicatorSheetName, Caption: "二、绩效指标完成情况", Cols: []StageCol{
		{Key: CkID, Head: "编号", Width: 6, Role: RoleID},
		{Key: CkL1, Head: "一级指标", Width: 10, Role: RoleKey},
		{Key: CkL2, Head: "二级指标", Width: 12, Role: RoleKey},
		{Key: CkL3, Head: "三级指标", Width: 22, Role: RoleKey},
		{Key: CkValue, Head: "年度指标值", Width: 11, Role: RoleFixed},
		{Key: CkToDate, Head: model.MonitorHeader(n, "实际完成值"), Width: 12, Role: RoleInput, field: model.FieldToDate},
		{Key: CkForecastVal, Head: "全年预计完成值", Width: 12, Role: RoleInput, field: model.FieldForecastVal},
		{Key: CkLikely, Head: "完成可能性", Width: 11, Role: RoleInput, field: model.FieldLikelihood},
		{Key: CkCause, Head: "偏差原因类别", Width: 13, Role: RoleInput, field: model.FieldCause},
		{Key: CkCauseText, Head: "偏差原因说明", Width: 22, Role: RoleInput, field: model.FieldCause},
		{Key: CkMeasures, Head: "拟采取的措施", Width: 24, Role: RoleInput, field: model.FieldMeasures},
	}}
	for i, r := range ScoredRows(f) {
		row := newIndRow(f, i+1, r)
		mo := f.Indicators[r].Monitor
		row.Text[CkToDate], row.Text[CkForecastVal] = strings.TrimSpace(mo.ToDate), strings.TrimSpace(mo.Forecast)
		row.Text[CkLikely] = strings.TrimSpace(string(mo.Likelihood))
		row.Text[CkCause], row.Text[CkCauseText] = strings.TrimSpace(mo.Cause), strings.TrimSpace(mo.CauseText)
		row.Text[CkMeasures] = strings.TrimSpace(mo.Measures)
		inds.Rows = append(inds.Rows, row)
	}
	inds.Notes = []string{"注：完成可能性选 确定能、有可能 或 完全不可能；不是“确定能”的，须选偏差原因类别（经费保障、制度保障、人员保障、硬件条件保障、其他；选“其他”的须写明说明）并填写拟采取的措施。"}
	d.Tables = []*StageTable{tasks, inds}
	return d
}

// CauseText is a 偏差原因 in one cell: 类别：说明, or either alone.
func CauseText(m model.IndicatorMonitor) string {
	c, t := strings.TrimSpace(m.Cause), strings.TrimSpace(m.CauseText)
	switch {
	case c != "" && t != "":
		return c + "：" + t
	case c != "":
		return c
	}
	return t
}

// SplitCause reads a 偏差原因 in one cell (sheets of format 1): a known
// category at the start (经费保障：…) is the category and the rest its
// text; otherwise the whole text is the explanation and no category is
// chosen (the check asks for one).
func SplitCause(s string) (cause, text string) {
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
