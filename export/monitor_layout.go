package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// buildMonitor lays out the 部门整体绩效运行监控表 after the published
// 黄石 layout (docs/selfeval.md): 年初预算数 | 1–N月执行数 | 全年预计执行数
// per task, and per indicator 指标值 | 1–N月实际完成值 | 全年预计完成值 |
// 完成可能性 | 偏差原因 | 拟采取的措施.
func buildMonitor(f *model.Form) *stageSheet {
	n := f.Month
	sub := fmt.Sprintf("（%s年度，截至%d月）", strings.TrimSpace(f.Year), n)
	if n < 1 {
		sub = fmt.Sprintf("（%s年度）", strings.TrimSpace(f.Year))
	}
	b := newSheet(f, model.StageMonitor, MonitorSheetName, "部门整体绩效运行监控表", sub,
		[]float64{10, 12, 22, 11, 12, 12, 10, 20, 22})

	// 预算执行情况 (万元).
	b.row(secTasks, true,
		cell(0, 2, "任务名称", kHeader), cell(2, 1, "主要内容", kHeader),
		cell(3, 1, "年初预算数", kHeader), cell(4, 1, "其中：财政资金", kHeader),
		cell(5, 1, model.MonitorHeader(n, "执行数"), kHeader), cell(6, 1, "执行率", kHeader),
		cell(7, 1, "全年预计执行数", kHeader), cell(8, 1, "提示", kHeader))
	unitRuns(f, func(u, r int, t *model.Task, span int) {
		var cells []lcell
		if span > 0 {
			cells = append(cells, lcell{col: 0, colSpan: 2, rowSpan: span, text: f.Units[u].Name, kind: kCenter})
		}
		rate := ""
		if d, ok := t.MonitorRate(); ok {
			rate = d.StringFixed(2) + "%"
		}
		hint := ""
		if t.BehindSchedule(n) {
			hint = "执行率比时间进度低10个百分点以上"
		}
		b.input(5, "task", u, r, model.FieldExecuted, t.Content, t.Monitor.Executed.Raw())
		b.input(7, "task", u, r, model.FieldForecast, t.Content, t.Monitor.Forecast.Raw())
		cells = append(cells, cell(2, 1, t.Content, kText), amtCell(3, t.Total), amtCell(4, t.Fiscal),
			amtCell(5, t.Monitor.Executed), cell(6, 1, rate, kCenter), amtCell(7, t.Monitor.Forecast), cell(8, 1, hint, kText))
		b.row(secTasks, false, cells...)
	})
	m := model.ComputeMonitorTotals(f)
	rate := ""
	if m.RateOK {
		rate = m.Rate.StringFixed(2) + "%"
	}
	b.row(secTasks, false, cell(0, 3, "合计", kTotalLabel), totalCell(3, m.Budget), totalCell(4, m.Fiscal),
		totalCell(5, m.Executed), cell(6, 1, rate, kCenter), totalCell(7, m.Forecast),
		cell(8, 1, "时间进度 "+model.TimeProgress(n).StringFixed(2)+"%", kCenter))

	// 绩效指标.
	b.row(secIndicators, true,
		cell(0, 1, "一级指标", kHeader), cell(1, 1, "二级指标", kHeader), cell(2, 1, "三级指标", kHeader),
		cell(3, 1, "年度指标值", kHeader), cell(4, 1, model.MonitorHeader(n, "实际完成值"), kHeader),
		cell(5, 1, "全年预计完成值", kHeader), cell(6, 1, "完成可能性", kHeader),
		cell(7, 1, "偏差原因", kHeader), cell(8, 1, "拟采取的措施", kHeader))
	rows, l1, l2 := scoredRows(f)
	for i, r := range rows {
		in := &f.Indicators[r]
		var cells []lcell
		if l1[i] > 0 {
			cells = append(cells, spanCell(0, l1[i], in.Level1, kCenter))
		}
		if l2[i] > 0 {
			cells = append(cells, spanCell(1, l2[i], in.Level2, kCenter))
		}
		mo := in.Monitor
		cause := causeText(mo)
		name := in.Name()
		b.input(4, "ind", 0, r, model.FieldToDate, name, mo.ToDate)
		b.input(5, "ind", 0, r, model.FieldForecastVal, name, mo.Forecast)
		b.input(6, "ind", 0, r, model.FieldLikelihood, name, string(mo.Likelihood))
		b.input(7, "ind", 0, r, model.FieldCause, name, cause)
		b.input(8, "ind", 0, r, model.FieldMeasures, name, mo.Measures)
		cells = append(cells, cell(2, 1, level3Text(*in), kText), cell(3, 1, in.Value, kCenter),
			cell(4, 1, mo.ToDate, kCenter), cell(5, 1, mo.Forecast, kCenter), cell(6, 1, string(mo.Likelihood), kCenter),
			cell(7, 1, cause, kText), cell(8, 1, mo.Measures, kText))
		b.row(secIndicators, false, cells...)
	}
	b.row(secIndicators, false, cell(0, b.n,
		"注：完成可能性填 确定能、有可能 或 完全不可能；不是“确定能”的，须填偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他，可写“类别：说明”）和拟采取的措施。", kText))
	b.adjustments(f)
	return b.s
}

// causeText is the 偏差原因 cell: 类别：说明, or either alone.
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

// splitCause reads a 偏差原因 cell back: a known category at the start
// (经费保障：…) is the category and the rest its text; otherwise the whole
// text is the explanation and no category is chosen (the check asks for one).
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
