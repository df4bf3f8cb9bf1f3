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

// evalPage is the 年度自评 page: per task 全年预算数 and 全年执行数 with the
// 预算执行率 row, per indicator 分值, 实际完成值 (computed for rate
// indicators, replaceable with a reason), 得分 and 偏差原因分析; 得分 and 总分
// follow every keystroke (model.Evaluate).
type evalPage struct {
	e          *Editor
	list       *fyne.Container
	scroll     *container.Scroll
	budgetLine *widget.Label
	weightLine *widget.Label
	tasks      []*evalTaskRow
	inds       []*evalIndRow
	evaluation model.Evaluation
}

type evalTaskRow struct {
	stageAt
	initial, rate   *widget.Label
	budget, execute *widget.Entry
}

type evalIndRow struct {
	stageAt
	score                    *widget.Label
	weight, actual, analysis *widget.Entry
	// pick is the 完成情况 of a qualitative (定性) indicator: 达成, 部分达成
	// or 未达成 chosen from its list or typed; actual is its entry.
	pick   *widget.SelectEntry
	hint   *widget.Label // what is wrong with a 实际完成值 that cannot be read
	reason *widget.Entry // only for rate indicators
}

// qualitativeResults are the 完成情况 of a 定性 indicator (model.ScoreQualitative).
var qualitativeResults = []string{model.Achieved, model.PartAchieve, model.NotAchieved}

var (
	evalTaskCols = []float32{0, 100, 130, 130, 90}
	evalIndCols  = []float32{0, 80, 60, 120, 130, 70, 0}
)

func newEvalPage(e *Editor) *evalPage {
	p := &evalPage{e: e, list: container.NewVBox(), budgetLine: heading(""), weightLine: widget.NewLabel("")}
	p.budgetLine.Wrapping = fyne.TextWrapWord // a narrow window wraps it, not widens
	p.scroll = container.NewVScroll(p.list)
	return p
}

func (p *evalPage) object() fyne.CanvasObject { return p.scroll }

func (p *evalPage) refresh(structural bool) {
	f := p.e.form
	p.evaluation = model.Evaluate(f)
	if structural || len(p.tasks) != f.TaskCount() || p.list.Objects == nil {
		p.build()
	}
	b := p.evaluation.Budget
	rate := "—（全年预算数合计为0）"
	if b.RateOK {
		rate = b.Rate.StringFixed(2) + "%"
	}
	setLabel(p.budgetLine, fmt.Sprintf("预算执行率 %s　分值 10　得分 %s　（全年预算数 %s 万元，全年执行数 %s 万元）",
		rate, b.Score.StringFixed(2), b.Budget, b.Executed), widget.MediumImportance)
	imp := widget.MediumImportance
	if !p.evaluation.WeightSum.Equal(model.IndicatorPoints) {
		imp = widget.DangerImportance
	}
	setLabel(p.weightLine, fmt.Sprintf("指标分值合计 %s（应为 90）", p.evaluation.WeightSum), imp)
	for _, t := range p.tasks {
		p.updateTask(t)
	}
	for _, r := range p.inds {
		p.updateInd(r)
	}
}

func (p *evalPage) build() {
	f, e := p.e.form, p.e
	p.tasks, p.inds = nil, nil
	suggest := widget.NewButton("建议分值…", p.showSuggest)
	objs := []fyne.CanvasObject{
		heading("预算执行情况（万元）：全年预算数不填即未调整，按年初预算数计"),
		tableRow(evalTaskCols, heading("任务"), heading("年初预算数"), heading("全年预算数"), heading("全年执行数"), heading("执行率")),
	}
	for u := range f.Units {
		// each unit under its name, its rows by their 主要内容
		objs = append(objs, unitHeading(f.Units[u].Name, u))
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			row := &evalTaskRow{stageAt: stageAt{part: model.PartTasks, u: u, r: r}, initial: cell(""), rate: cell(""), budget: widget.NewEntry(), execute: widget.NewEntry()}
			row.execute.SetPlaceHolder("万元")
			set := func(key string, fn func(t *model.Task, s string)) func(string) {
				return func(s string) {
					e.ApplyKeyed(fmt.Sprintf("eval/task/%d/%d/%s", u, r, key), func(f *model.Form) {
						if u < len(f.Units) && r < len(f.Units[u].Tasks) {
							fn(&f.Units[u].Tasks[r], s)
						}
					})
				}
			}
			row.budget.OnChanged = set("budget", func(t *model.Task, s string) { t.Eval.Budget = model.ParseAmount(s) })
			row.execute.OnChanged = set("exec", func(t *model.Task, s string) { t.Eval.Executed = model.ParseAmount(s) })
			row.box = tableRow(evalTaskCols, cell("　"+t.Content), row.initial, row.budget, row.execute, row.rate)
			p.tasks = append(p.tasks, row)
			objs = append(objs, row.box)
		}
	}
	objs = append(objs, p.budgetLine, widget.NewSeparator(),
		container.NewHBox(heading("绩效指标（90分）"), p.weightLine, suggest),
		tableRow(evalIndCols, heading("指标"), heading("指标值"), heading("分值"), heading("实际完成值"), heading("手填原因"),
			heading("得分"), heading("偏差原因分析及改进措施")))
	for r := range f.Indicators {
		in := &f.Indicators[r]
		if !in.Scorable() {
			continue
		}
		row := &evalIndRow{stageAt: stageAt{part: model.PartIndicators, r: r}, score: cell(""), weight: widget.NewEntry(), actual: widget.NewEntry(), analysis: widget.NewEntry(), reason: widget.NewEntry(),
			hint: small("")}
		row.hint.Importance = widget.DangerImportance
		row.hint.Hide()
		var actual fyne.CanvasObject = row.actual
		if model.ParseTarget(in.Value).Kind == model.TargetQualitative {
			// 定性: chosen from the three results; what is typed is still read.
			row.pick = widget.NewSelectEntry(qualitativeResults)
			row.pick.SetPlaceHolder("请选择")
			row.actual, actual = &row.pick.Entry, row.pick
		}
		row.reason.SetPlaceHolder("改填计算值时写原因")
		set := func(key string, fn func(v *model.IndicatorEval, s string)) func(string) {
			return func(s string) {
				e.ApplyKeyed(fmt.Sprintf("eval/ind/%d/%s", r, key), func(f *model.Form) {
					if r < len(f.Indicators) {
						fn(&f.Indicators[r].Eval, s)
					}
				})
			}
		}
		row.weight.OnChanged = set("weight", func(v *model.IndicatorEval, s string) { v.Weight = s })
		row.actual.OnChanged = set("actual", func(v *model.IndicatorEval, s string) { v.Actual = s })
		row.reason.OnChanged = set("reason", func(v *model.IndicatorEval, s string) { v.Reason = s })
		row.analysis.OnChanged = set("analysis", func(v *model.IndicatorEval, s string) { v.Analysis = s })
		var reason fyne.CanvasObject = row.reason
		if in.Formula == "" {
			reason = widget.NewLabel("")
		}
		line := tableRow(evalIndCols, cell(in.Name()), cell(in.Value), row.weight, actual, reason, row.score, row.analysis)
		row.box = container.NewVBox(line, row.hint)
		p.inds = append(p.inds, row)
		objs = append(objs, row.box)
	}
	rules := widget.NewLabel("定量指标：≥X 按 实际÷X 计分（最多满分），≤X 超出时按 X÷实际 计分，=X 按偏离程度计分；定性指标：达成满分、部分达成一半、未达成0分。\n得分四舍五入到0.01分；总分90分及以上为优，80～89.99良，60～79.99中，60以下差。得分低于分值的须填写偏差原因分析及改进措施。")
	rules.Wrapping = fyne.TextWrapWord
	objs = append(objs, rules)
	p.list.Objects = objs
	p.list.Refresh()
}

func (p *evalPage) updateTask(row *evalTaskRow) {
	f := p.e.form
	if row.u >= len(f.Units) || row.r >= len(f.Units[row.u].Tasks) {
		return
	}
	t := &f.Units[row.u].Tasks[row.r]
	setLabel(row.initial, t.Total.String(), widget.MediumImportance)
	row.budget.SetPlaceHolder(t.Total.String())
	setText(row.budget, t.Eval.Budget.Raw())
	setText(row.execute, t.Eval.Executed.Raw())
	rate, imp := "", widget.MediumImportance
	if d, ok := t.EvalRate(); ok {
		rate = d.StringFixed(2) + "%"
	}
	if t.Eval.Executed.State() == model.AmountInvalid || t.Eval.Budget.State() == model.AmountInvalid {
		rate, imp = "金额有误", widget.DangerImportance
	}
	setLabel(row.rate, rate, imp)
}

func (p *evalPage) updateInd(row *evalIndRow) {
	f := p.e.form
	if row.r >= len(f.Indicators) || row.r >= len(p.evaluation.Rows) {
		return
	}
	in := &f.Indicators[row.r]
	s := p.evaluation.Rows[row.r]
	setText(row.weight, in.Eval.Weight)
	setText(row.actual, in.Eval.Actual)
	setText(row.reason, in.Eval.Reason)
	setText(row.analysis, in.Eval.Analysis)
	if s.Formula.State == model.RateOK {
		row.actual.SetPlaceHolder("计算值 " + s.Formula.Display())
	}
	switch s.State {
	case model.ScoreOK:
		imp := widget.SuccessImportance
		if s.Score.LessThan(s.Weight) {
			imp = widget.WarningImportance
		}
		setLabel(row.score, s.Score.StringFixed(2), imp)
	default:
		setLabel(row.score, "—", widget.MediumImportance)
	}
	// A typed result that cannot be read says why under its row (定性:
	// 达成, 部分达成 or 未达成; 定量: a number in the target's unit).
	if s.State == model.ScoreBadActual {
		setLabel(row.hint, "实际完成值："+s.Message, widget.DangerImportance)
	}
	if showIf(row.hint, s.State == model.ScoreBadActual) {
		row.box.Refresh()
		p.list.Refresh()
	}
	if s.State == model.ScoreOK && s.Score.LessThan(s.Weight) && strings.TrimSpace(in.Eval.Analysis) == "" {
		row.analysis.SetPlaceHolder("得分低于分值，请填写")
	} else {
		row.analysis.SetPlaceHolder("")
	}
}

// showSuggest offers the suggested 分值 (产出50/效益30/满意度10 or even);
// nothing changes unless the clerk chooses 采用.
func (p *evalPage) showSuggest() {
	f := p.e.form
	sug := model.SuggestWeights(f)
	var lines []string
	for r, w := range sug {
		if w != "" {
			lines = append(lines, fmt.Sprintf("%s：%s", f.Indicators[r].Name(), w))
		}
	}
	if len(lines) == 0 {
		p.e.ShowError("建议分值", "没有可评分的指标（指标值为空的行不参与自评）")
		return
	}
	txt := widget.NewLabel(strings.Join(lines, "\n"))
	body := container.NewBorder(widget.NewLabel("建议分值（合计90；产出50、效益30、满意度10，或平均分配）。采用后会替换各指标已填的分值："), nil, nil, nil,
		container.NewVScroll(txt))
	d := dialog.NewCustomConfirm("建议分值", "采用", "不采用", body, func(ok bool) {
		if ok {
			p.ApplySuggested()
		}
	}, p.e.win)
	d.Resize(dialogSize(p.e.win, 520, 480))
	d.Show()
}

// ApplySuggested puts the suggested 分值 into every scored indicator.
func (p *evalPage) ApplySuggested() {
	p.e.Apply(func(f *model.Form) {
		for r, w := range model.SuggestWeights(f) {
			if w != "" {
				f.Indicators[r].Eval.Weight = w
			}
		}
	})
}

func (p *evalPage) focus(loc model.Location) bool {
	return focusStageRow(p.e, p.scroll, loc, p.tasks) || focusStageRow(p.e, p.scroll, loc, p.inds)
}

func (t *evalTaskRow) entry(f model.Field) fyne.CanvasObject {
	if f == model.FieldBudgetAdj {
		return t.budget
	}
	return t.execute
}

func (r *evalIndRow) entry(f model.Field) fyne.CanvasObject {
	switch f {
	case model.FieldEvalWeight:
		return r.weight
	case model.FieldAnalysis:
		return r.analysis
	case model.FieldReason:
		return r.reason
	}
	if r.pick != nil {
		return r.pick
	}
	return r.actual
}
