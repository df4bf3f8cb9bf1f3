package layout

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// BuildEval lays out the 部门整体绩效自评表 after the published 天长/池州
// layout (docs/selfeval.md): 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
// 执行率 | 得分 with the 预算执行率 row's 分值 10 and 得分 in their own
// columns, then per indicator 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
// 分析及改进措施, then 总分 and 等级.
func BuildEval(f *model.Form) *StageDoc {
	d := &StageDoc{Stage: model.StageEval, F: f, Name: EvalSheetName, Title: "部门整体绩效自评表",
		Sub: fmt.Sprintf("（%s年度）", strings.TrimSpace(f.Year)), Adjust: adjustLines(f)}
	ev := model.Evaluate(f)

	tasks := &StageTable{Kind: TableTasks, Sheet: TaskSheetName, Caption: "一、预算执行情况（单位：万元）", Cols: []StageCol{
		{Key: CkID, Head: "编号", Width: 6, Role: RoleID},
		{Key: CkUnit, Head: "任务名称", Width: 18, Role: RoleKey},
		{Key: CkContent, Head: "主要内容", Width: 24, Role: RoleKey},
		{Key: CkBudget, Head: "年初预算数", Width: 12, Role: RoleFixed, Amount: true},
		{Key: CkBudgetAdj, Head: "全年预算数（调整后）", Width: 13, Role: RoleInput, field: model.FieldBudgetAdj, Amount: true},
		{Key: CkExecYear, Head: "全年执行数", Width: 12, Role: RoleInput, field: model.FieldExecYear, Amount: true},
		{Key: CkWeight, Head: "分值", Width: 7, Role: RoleFixed},
		{Key: CkRate, Head: "执行率", Width: 10, Role: RoleCalc},
		{Key: CkScore, Head: "得分", Width: 8, Role: RoleCalc},
		{Key: CkNote, Head: "备注", Width: 16, Role: RoleInfo},
	}}
	taskRows(f, func(i, u, r int, t *model.Task) {
		row := newTaskRow(f, i, u, r)
		budget := t.TaskBudget()
		row.Text[CkBudgetAdj], row.Amt[CkBudgetAdj] = budget.Raw(), budget
		row.Text[CkExecYear], row.Amt[CkExecYear] = t.Eval.Executed.Raw(), t.Eval.Executed
		if d, ok := t.EvalRate(); ok {
			row.Text[CkRate] = d.StringFixed(2) + "%"
		}
		tasks.Rows = append(tasks.Rows, row)
	})
	bs := ev.Budget
	rate := ""
	if bs.RateOK {
		rate = bs.Rate.StringFixed(2) + "%"
	}
	tasks.Foot = []footRow{{Label: "合计（预算执行率）", Cells: map[ColKey]footCell{
		CkBudget:    {Text: bs.Initial.String(), Calc: CalcSum},
		CkBudgetAdj: {Text: bs.Budget.String(), Calc: CalcAdjSum},
		CkExecYear:  {Text: bs.Executed.String(), Calc: CalcSum},
		CkWeight:    {Text: model.BudgetPoints.String(), Num: true},
		CkRate:      {Text: rate, Calc: CalcRateTotal},
		CkScore:     {Text: bs.Score.StringFixed(2), Calc: CalcBudgetScore},
		CkNote:      {},
	}}}
	tasks.Notes = []string{"注：全年预算数（调整后）未调整的，填年初预算数（留空按年初预算数计）；执行率 = 全年执行数 ÷ 全年预算数；预算执行率得分 = 10 × 执行率，最高10分。"}

	inds := &StageTable{Kind: TableIndicators, Sheet: IndicatorSheetName, Caption: "二、绩效指标完成情况", Cols: []StageCol{
		{Key: CkID, Head: "编号", Width: 6, Role: RoleID},
		{Key: CkL1, Head: "一级指标", Width: 10, Role: RoleKey},
		{Key: CkL2, Head: "二级指标", Width: 12, Role: RoleKey},
		{Key: CkL3, Head: "三级指标", Width: 24, Role: RoleKey},
		{Key: CkValue, Head: "年度指标值", Width: 12, Role: RoleFixed},
		{Key: CkActual, Head: "实际完成值", Width: 12, Role: RoleInput, field: model.FieldActual},
		{Key: CkWeight, Head: "分值", Width: 7, Role: RoleInput, field: model.FieldEvalWeight},
		{Key: CkScore, Head: "得分", Width: 8, Role: RoleCalc},
		{Key: CkAnalysis, Head: "偏差原因分析及改进措施", Width: 32, Role: RoleInput, field: model.FieldAnalysis},
	}}
	for i, r := range ScoredRows(f) {
		row := newIndRow(f, i+1, r)
		in := &f.Indicators[r]
		s := ev.Rows[r]
		row.Text[CkActual] = strings.TrimSpace(s.Shown)
		row.Text[CkWeight] = strings.TrimSpace(in.Eval.Weight)
		if s.State == model.ScoreOK {
			row.Text[CkScore] = s.Score.StringFixed(2)
		}
		row.Text[CkAnalysis] = strings.TrimSpace(in.Eval.Analysis)
		inds.Rows = append(inds.Rows, row)
	}
	inds.Foot = []footRow{{Label: "总分（预算执行率10分 + 绩效指标90分）", Cells: map[ColKey]footCell{
		CkWeight:   {Text: model.BudgetPoints.Add(ev.WeightSum).String(), Calc: CalcWeightTotal},
		CkScore:    {Text: ev.Total.StringFixed(2), Calc: CalcTotal},
		CkAnalysis: {Text: "等级：" + ev.Grade, Calc: CalcGrade},
	}}}
	inds.Notes = []string{"注：定性指标的实际完成值选 达成、部分达成 或 未达成；百分比指标请填百分数（如 95%）；计算类指标的实际完成值由计算数据得出，改填时须在程序中写明原因；得分低于分值的须填写偏差原因分析及改进措施。" +
		"得分：达到指标值的得满分，未达到的按比例计分且不得满分（“>”“<”的指标，等于指标值即未达到）；等级：90分及以上为优，80（含）～90分为良，60（含）～80分为中，60分以下为差。"}
	d.Tables = []*StageTable{tasks, inds}
	return d
}
