package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// buildEval lays out the 部门整体绩效自评表 after the published 天长/池州
// layout (docs/selfeval.md): 年初预算数 | 全年预算数 | 全年执行数 | 执行率 with
// the 预算执行率 row's 分值 10 and 得分, then per indicator 年度指标值 |
// 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, then 总分 and 等级.
func buildEval(f *model.Form) *stageSheet {
	b := newSheet(f, model.StageEval, EvalSheetName, "部门整体绩效自评表",
		fmt.Sprintf("（%s年度）", strings.TrimSpace(f.Year)), []float64{10, 12, 24, 12, 12, 12, 10, 30})
	ev := model.Evaluate(f)

	b.row(secTasks, true,
		cell(0, 2, "任务名称", kHeader), cell(2, 1, "主要内容", kHeader),
		cell(3, 1, "年初预算数", kHeader), cell(4, 1, "全年预算数（调整后）", kHeader),
		cell(5, 1, "全年执行数", kHeader), cell(6, 1, "执行率", kHeader), cell(7, 1, "备注", kHeader))
	unitRuns(f, func(u, r int, t *model.Task, span int) {
		var cells []lcell
		if span > 0 {
			cells = append(cells, lcell{col: 0, colSpan: 2, rowSpan: span, text: f.Units[u].Name, kind: kCenter})
		}
		rate := ""
		if d, ok := t.EvalRate(); ok {
			rate = d.StringFixed(2) + "%"
		}
		budget := t.TaskBudget()
		b.input(4, "task", u, r, model.FieldBudgetAdj, t.Content, budget.Raw())
		b.input(5, "task", u, r, model.FieldExecYear, t.Content, t.Eval.Executed.Raw())
		cells = append(cells, cell(2, 1, t.Content, kText), amtCell(3, t.Total), amtCell(4, budget),
			amtCell(5, t.Eval.Executed), cell(6, 1, rate, kCenter), cell(7, 1, "", kText))
		b.row(secTasks, false, cells...)
	})
	bs := ev.Budget
	rate := "—"
	if bs.RateOK {
		rate = bs.Rate.StringFixed(2) + "%"
	}
	b.row(secTasks, false, cell(0, 3, "合计", kTotalLabel), totalCell(3, bs.Initial), totalCell(4, bs.Budget),
		totalCell(5, bs.Executed), cell(6, 1, rate, kCenter),
		cell(7, 1, "预算执行率 分值 10　得分 "+bs.Score.StringFixed(2), kTotalLabel))

	b.row(secIndicators, true,
		cell(0, 1, "一级指标", kHeader), cell(1, 1, "二级指标", kHeader), cell(2, 1, "三级指标", kHeader),
		cell(3, 1, "年度指标值", kHeader), cell(4, 1, "实际完成值", kHeader), cell(5, 1, "分值", kHeader),
		cell(6, 1, "得分", kHeader), cell(7, 1, "偏差原因分析及改进措施", kHeader))
	rows, l1, l2 := scoredRows(f)
	for i, r := range rows {
		in := &f.Indicators[r]
		s := ev.Rows[r]
		var cells []lcell
		if l1[i] > 0 {
			cells = append(cells, spanCell(0, l1[i], in.Level1, kCenter))
		}
		if l2[i] > 0 {
			cells = append(cells, spanCell(1, l2[i], in.Level2, kCenter))
		}
		score := ""
		if s.State == model.ScoreOK {
			score = s.Score.StringFixed(2)
		}
		name := in.Name()
		b.input(4, "ind", 0, r, model.FieldActual, name, s.Shown)
		b.input(5, "ind", 0, r, model.FieldEvalWeight, name, in.Eval.Weight)
		b.input(7, "ind", 0, r, model.FieldAnalysis, name, in.Eval.Analysis)
		analysis := in.Eval.Analysis
		cells = append(cells, cell(2, 1, level3Text(*in), kText), cell(3, 1, in.Value, kCenter),
			cell(4, 1, s.Shown, kCenter), cell(5, 1, in.Eval.Weight, kCenter), cell(6, 1, score, kCenter),
			cell(7, 1, analysis, kText))
		b.row(secIndicators, false, cells...)
	}
	b.row(secIndicators, false, cell(0, 6, "总分（预算执行率10分 + 绩效指标90分）", kTotalLabel),
		cell(6, 1, ev.Total.StringFixed(2), kTotalLabel), cell(7, 1, "等级："+ev.Grade, kTotalLabel))
	b.row(secIndicators, false, cell(0, b.n,
		"注：定性指标的实际完成值填 达成、部分达成 或 未达成；计算类指标的实际完成值由计算数据得出，改填时须在程序中写明原因；得分低于分值的须填写偏差原因分析及改进措施。等级：90分及以上为优，80（含）～90分为良，60（含）～80分为中，60分以下为差。", kText))
	b.adjustments(f)
	return b.s
}
