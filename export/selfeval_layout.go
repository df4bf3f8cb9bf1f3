package export

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// buildEval lays out the 部门整体绩效自评表 after the published 天长/池州
// layout (docs/selfeval.md): 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
// 执行率 | 得分 with the 预算执行率 row's 分值 10 and 得分 in their own
// columns, then per indicator 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
// 分析及改进措施, then 总分 and 等级.
func buildEval(f *model.Form) *stageDoc {
	d := &stageDoc{stage: model.StageEval, f: f, name: EvalSheetName, title: "部门整体绩效自评表",
		sub: fmt.Sprintf("（%s年度）", strings.TrimSpace(f.Year)), adjust: adjustLines(f)}
	ev := model.Evaluate(f)

	tasks := &stageTable{kind: tableTasks, sheet: TaskSheetName, caption: "一、预算执行情况（单位：万元）", cols: []stageCol{
		{key: ckID, head: "编号", width: 6, role: roleID},
		{key: ckUnit, head: "任务名称", width: 18, role: roleKey},
		{key: ckContent, head: "主要内容", width: 24, role: roleKey},
		{key: ckBudget, head: "年初预算数", width: 12, role: roleFixed, amount: true},
		{key: ckBudgetAdj, head: "全年预算数（调整后）", width: 13, role: roleInput, field: model.FieldBudgetAdj, amount: true},
		{key: ckExecYear, head: "全年执行数", width: 12, role: roleInput, field: model.FieldExecYear, amount: true},
		{key: ckWeight, head: "分值", width: 7, role: roleFixed},
		{key: ckRate, head: "执行率", width: 10, role: roleCalc},
		{key: ckScore, head: "得分", width: 8, role: roleCalc},
		{key: ckNote, head: "备注", width: 16, role: roleInfo},
	}}
	taskRows(f, func(i, u, r int, t *model.Task) {
		row := newTaskRow(f, i, u, r)
		budget := t.TaskBudget()
		row.text[ckBudgetAdj], row.amt[ckBudgetAdj] = budget.Raw(), budget
		row.text[ckExecYear], row.amt[ckExecYear] = t.Eval.Executed.Raw(), t.Eval.Executed
		if d, ok := t.EvalRate(); ok {
			row.text[ckRate] = d.StringFixed(2) + "%"
		}
		tasks.rows = append(tasks.rows, row)
	})
	bs := ev.Budget
	rate := ""
	if bs.RateOK {
		rate = bs.Rate.StringFixed(2) + "%"
	}
	tasks.foot = []footRow{{label: "合计（预算执行率）", cells: map[colKey]footCell{
		ckBudget:    {text: bs.Initial.String(), calc: calcSum},
		ckBudgetAdj: {text: bs.Budget.String(), calc: calcAdjSum},
		ckExecYear:  {text: bs.Executed.String(), calc: calcSum},
		ckWeight:    {text: model.BudgetPoints.String(), num: true},
		ckRate:      {text: rate, calc: calcRateTotal},
		ckScore:     {text: bs.Score.StringFixed(2), calc: calcBudgetScore},
		ckNote:      {},
	}}}
	tasks.notes = []string{"注：全年预算数（调整后）未调整的，填年初预算数（留空按年初预算数计）；执行率 = 全年执行数 ÷ 全年预算数；预算执行率得分 = 10 × 执行率，最高10分。"}

	inds := &stageTable{kind: tableIndicators, sheet: IndicatorSheetName, caption: "二、绩效指标完成情况", cols: []stageCol{
		{key: ckID, head: "编号", width: 6, role: roleID},
		{key: ckL1, head: "一级指标", width: 10, role: roleKey},
		{key: ckL2, head: "二级指标", width: 12, role: roleKey},
		{key: ckL3, head: "三级指标", width: 24, role: roleKey},
		{key: ckValue, head: "年度指标值", width: 12, role: roleFixed},
		{key: ckActual, head: "实际完成值", width: 12, role: roleInput, field: model.FieldActual},
		{key: ckWeight, head: "分值", width: 7, role: roleInput, field: model.FieldEvalWeight},
		{key: ckScore, head: "得分", width: 8, role: roleCalc},
		{key: ckAnalysis, head: "偏差原因分析及改进措施", width: 32, role: roleInput, field: model.FieldAnalysis},
	}}
	for i, r := range scoredRows(f) {
		row := newIndRow(f, i+1, r)
		in := &f.Indicators[r]
		s := ev.Rows[r]
		row.text[ckActual] = strings.TrimSpace(s.Shown)
		row.text[ckWeight] = strings.TrimSpace(in.Eval.Weight)
		if s.State == model.ScoreOK {
			row.text[ckScore] = s.Score.StringFixed(2)
		}
		row.text[ckAnalysis] = strings.TrimSpace(in.Eval.Analysis)
		inds.rows = append(inds.rows, row)
	}
	inds.foot = []footRow{{label: "总分（预算执行率10分 + 绩效指标90分）", cells: map[colKey]footCell{
		ckWeight:   {text: model.BudgetPoints.Add(ev.WeightSum).String(), calc: calcWeightTotal},
		ckScore:    {text: ev.Total.StringFixed(2), calc: calcTotal},
		ckAnalysis: {text: "等级：" + ev.Grade, calc: calcGrade},
	}}}
	inds.notes = []string{"注：定性指标的实际完成值选 达成、部分达成 或 未达成；百分比指标请填百分数（如 95%）；计算类指标的实际完成值由计算数据得出，改填时须在程序中写明原因；得分低于分值的须填写偏差原因分析及改进措施。" +
		"得分：达到指标值的得满分，未达到的按比例计分且不得满分（“>”“<”的指标，等于指标值即未达到）；等级：90分及以上为优，80（含）～90分为良，60（含）～80分为中，60分以下为差。"}
	d.tables = []*stageTable{tasks, inds}
	return d
}
