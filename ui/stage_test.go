package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

var testTime = time.Date(2021, 1, 20, 9, 0, 0, 0, time.UTC)

// evalRowOf is the 自评 page's row of the indicator named name.
func evalRowOf(t *testing.T, e *Editor, name string) *evalIndRow {
	t.Helper()
	for _, r := range e.year.ev.inds {
		if e.form.Indicators[r.r].Name() == name {
			return r
		}
	}
	t.Fatalf("no 自评 row %q", name)
	return nil
}

func TestYearViewEvalLiveScores(t *testing.T) {
	f := model.SampleEval(testTime)
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	v := e.year
	if v.stage.Selected != "年度自评" || !v.ev.object().Visible() || v.mon.object().Visible() {
		t.Fatalf("stage switch %q", v.stage.Selected)
	}
	if v.summary.Text != "总分 93.02　等级 优" {
		t.Errorf("summary %q", v.summary.Text)
	}
	row := evalRowOf(t, e, "政府采购执行率")
	if row.score.Text != "2.94" || row.actual.Text != "93%" {
		t.Errorf("row shows %q %q", row.score.Text, row.actual.Text)
	}
	// Typing changes 得分 and 总分 at once: 95% meets ≥95% → 3.00, +0.06.
	row.actual.SetText("")
	test.Type(row.actual, "95%")
	if row.score.Text != "3.00" || v.summary.Text != "总分 93.08　等级 优" {
		t.Errorf("after typing: %q %q", row.score.Text, v.summary.Text)
	}
	if e.form.Indicators[row.r].Eval.Actual != "95%" {
		t.Error("model not changed")
	}
	// The 预算执行率 row follows the 全年执行数: 办公大楼改造 567 → 0 lowers it.
	for _, tr := range v.ev.tasks {
		if e.form.Units[tr.u].Tasks[tr.r].Content == "办公大楼改造" {
			tr.execute.SetText("0")
		}
	}
	// 10 × 7268.5676 / 7898.5676 = 9.2023… → 9.20
	if !strings.Contains(v.ev.budgetLine.Text, "得分 9.20") || v.summary.Text != "总分 92.36　等级 优" {
		t.Errorf("budget %q summary %q", v.ev.budgetLine.Text, v.summary.Text)
	}
	// A rate indicator shows its computed value and keeps it without a reason.
	rr := evalRowOf(t, e, "预算执行率")
	if rr.actual.PlaceHolder != "计算值 99.20%" || rr.score.Text != "3.00" {
		t.Errorf("rate row %q %q", rr.actual.PlaceHolder, rr.score.Text)
	}
	// The suggested split is not applied until asked.
	if w := evalRowOf(t, e, "目标依据充分性").weight.Text; w != "2" {
		t.Errorf("weight %q", w)
	}
	v.ev.ApplySuggested()
	if w := evalRowOf(t, e, "目标依据充分性").weight.Text; w != "2.91" { // 90 ÷ 31 = 2.903…, the first 10 rows take 2.91
		t.Errorf("suggested weight %q", w)
	}
	if !strings.Contains(v.ev.weightLine.Text, "合计 90") {
		t.Errorf("weights %q", v.ev.weightLine.Text)
	}
}

func TestYearViewLocksDeclaration(t *testing.T) {
	f := model.Sample()
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	v := e.year
	if v.stage.Selected != "申报" || v.adjust.Visible() || v.month.Visible() {
		t.Fatal("申报 stage shown wrong")
	}
	v.SetStage(model.StageMonitor, 6)
	if e.form.Stage != model.StageMonitor || v.month.Selected != "6月" || !v.adjust.Visible() || !v.mon.object().Visible() {
		t.Fatalf("after SetStage: %v %q", e.form.Stage, v.month.Selected)
	}
	// Editing a declared amount from any view is undone with a message,
	// and leaves no empty step on the undo stack.
	u := NewUndo(e)
	e.ApplyKeyed("task/0/0/total", func(f *model.Form) { f.Units[0].Tasks[0].Total = model.MustAmount("999") })
	if e.form.Units[0].Tasks[0].Total.String() != "115" {
		t.Error("declared amount changed in 运行监控")
	}
	if d := w.Canvas().Overlays().Top(); d == nil {
		t.Error("no message about the read-only declaration")
	}
	if u.CanUndo() {
		t.Error("a refused edit left an undo step")
	}
	// 调整 with a reason goes through and is kept.
	var err error
	e.Apply(func(f *model.Form) { err = f.AdjustTask(0, 0, model.FieldTotal, "130", "年中追加", testTime) })
	if err != nil || e.form.Units[0].Tasks[0].Total.String() != "130" || len(e.form.Adjustments) != 1 {
		t.Errorf("adjust: %v %s", err, e.form.Units[0].Tasks[0].Total)
	}
	if !u.Undo() || e.form.Units[0].Tasks[0].Total.String() != "115" || len(e.form.Adjustments) != 0 {
		t.Errorf("undo of 调整: %s, %d adjustments", e.form.Units[0].Tasks[0].Total, len(e.form.Adjustments))
	}
	if !u.Redo() || e.form.Units[0].Tasks[0].Total.String() != "130" {
		t.Errorf("redo of 调整: %s", e.form.Units[0].Tasks[0].Total)
	}
	// Going back to 申报 is refused.
	v.SetStage(model.StageDeclare, 0)
	if e.form.Stage != model.StageMonitor || v.stage.Selected != "运行监控" {
		t.Error("went back to 申报")
	}
}

func TestYearViewMonitor(t *testing.T) {
	f := model.Sample()
	_ = f.SetStage(model.StageMonitor, 6, testTime)
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	p := e.year.mon
	if len(p.tasks) != 34 || len(p.inds) != 31 {
		t.Fatalf("%d task rows, %d indicator rows", len(p.tasks), len(p.inds))
	}
	tr := p.tasks[0]
	test.Type(tr.exec, "20")
	if tr.rate.Text != "17.39%" || !strings.Contains(tr.hint.Text, "比时间进度低10个百分点以上") || tr.hint.Importance != widget.WarningImportance {
		t.Errorf("rate %q hint %q", tr.rate.Text, tr.hint.Text)
	}
	test.Type(tr.exec, "0") // 200 of 115: over, no hint
	if tr.hint.Text != "" {
		t.Errorf("hint %q", tr.hint.Text)
	}
	ir := p.inds[0]
	ir.likely.SetSelected("有可能")
	if e.form.Indicators[ir.r].Monitor.Likelihood != model.LikelyMaybe {
		t.Error("likelihood not in the model")
	}
	var found bool
	for _, x := range e.Findings() {
		if x.Loc.Row == ir.r && x.Loc.Field == model.FieldMeasures {
			found = true
			if !e.Focus(x.Loc) || e.CurrentTab() != TabYear {
				t.Error("a 监控 finding does not lead to the 监控与自评 tab")
			}
		}
	}
	if !found {
		t.Error("no finding asks for the 措施")
	}
	// The month can move on; the headers follow.
	e.year.SetStage(model.StageMonitor, 8)
	if e.form.Month != 8 || len(e.form.StageLog) != 2 || !strings.Contains(e.year.summary.Text, "时间进度 66.67%") {
		t.Errorf("month %d log %d summary %q", e.form.Month, len(e.form.StageLog), e.year.summary.Text)
	}
}

func TestYearViewLastYear(t *testing.T) {
	prev := model.SampleEval(testTime)
	f, _, err := model.CarryForward(prev, "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	rows := e.year.last.Objects
	if len(rows) != 2+31 {
		t.Fatalf("%d rows of last year's results", len(rows))
	}
	var warned []string
	for _, o := range rows[2:] {
		c := o.(*fyne.Container)
		name := c.Objects[0].(*widget.Label).Text
		if c.Objects[5].(*widget.Label).Text != "" {
			warned = append(warned, name)
		}
		if name == "政府采购执行率" {
			if got := c.Objects[2].(*widget.Label).Text + " " + c.Objects[3].(*widget.Label).Text; got != "93% 2.94/3" {
				t.Errorf("上年完成值 %q", got)
			}
		}
	}
	want := "工作目标合理性 总体工作完成率 年度工作目标实现率 预算调整率 支出管理规范性 政府采购执行率 资产管理规范性 对口部门满意度 培训计划执行率"
	if strings.Join(warned, " ") != want {
		t.Errorf("warned %v", warned)
	}
}

func TestIndicatorsShowLastYear(t *testing.T) {
	f, _, err := model.CarryForward(model.SampleEval(testTime), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabIndicators)
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if strings.HasPrefix(x.Text, "上年：") {
				texts = append(texts, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		}
	}
	walk(e.inds.object())
	_ = w
	if len(texts) != 31 {
		t.Fatalf("%d 上年 lines", len(texts))
	}
	want := "上年：指标值 ≥95%，完成值 93%，得分 2.94/3（未完成）"
	found := false
	for _, s := range texts {
		found = found || s == want
	}
	if !found {
		t.Errorf("no %q in %v", want, texts[:3])
	}
}
