package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// Every change of stage asks first in plain words — what becomes
// read-only, which columns appear, how to go back — and moves only on
// 进入; 取消 leaves the draft and the switch as they were.
func TestEachStageChangeConfirms(t *testing.T) {
	e, w := newTestEditor(t, cleanForm(), &memSaver{})
	e.SelectTab(TabYear)
	v := e.year

	// 申报 → 运行监控, cancelled.
	v.stage.SetSelected("运行监控")
	txt := overlayTexts(w)
	for _, want := range []string{"进入“运行监控（截至6月）”后", "只读", "不能再添加、删除或移动", "1–6月执行数", "完成可能性",
		"调整申报值", "撤销", "历史版本", "[进入运行监控]", "[取消]"} {
		if !strings.Contains(txt, cjkText(want)) {
			t.Errorf("申报→运行监控 lacks %q:\n%s", want, txt)
		}
	}
	if e.form.Stage != model.StageDeclare {
		t.Fatal("moved before 进入")
	}
	tapButton(t, w, "取消")
	if e.form.Stage != model.StageDeclare || v.stage.Selected != "申报" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("取消: stage %v, switch %q", e.form.Stage, v.stage.Selected)
	}
	// … and confirmed.
	v.stage.SetSelected("运行监控")
	tapButton(t, w, "进入运行监控")
	if e.form.Stage != model.StageMonitor || e.form.Month != 6 {
		t.Fatalf("进入: %v %d", e.form.Stage, e.form.Month)
	}

	// The month: 6月 → 8月.
	v.month.SetSelected("8月")
	txt = overlayTexts(w)
	if !strings.Contains(txt, "从截至6月改为截至8月") || !strings.Contains(txt, cjkText("1–8月执行数")) || e.form.Month != 6 {
		t.Fatalf("month change:\n%s", txt)
	}
	tapButton(t, w, "改为截至8月")
	if e.form.Month != 8 {
		t.Fatalf("month %d", e.form.Month)
	}

	// 运行监控 → 年度自评: says the 运行监控表 can no longer be exported.
	v.stage.SetSelected("年度自评")
	txt = overlayTexts(w)
	for _, want := range []string{"进入“年度自评”后", "全年执行数", "实际完成值", "得分", "不能再回到运行监控", "先取消，导出运行监控表", "撤销"} {
		if !strings.Contains(txt, cjkText(want)) {
			t.Errorf("运行监控→年度自评 lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "申报的金额和指标值只读") {
		t.Errorf("the declaration is already read-only; the text says it again:\n%s", txt)
	}
	tapButton(t, w, "进入年度自评")
	if e.form.Stage != model.StageEval {
		t.Fatalf("stage %v", e.form.Stage)
	}
}

// Entering the 运行监控 while the 申报表 has errors says so first and
// names them; 查看审核 goes there without moving.
func TestEnteringMonitorWithErrorsNamesThem(t *testing.T) {
	f := cleanForm()
	f.Units[0].Tasks[0].Total = model.ParseAmount("5OO")
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	e.year.stage.SetSelected("运行监控")
	txt := overlayTexts(w)
	for _, want := range []string{"申报表还有 1 个错误", "年度主要任务 › 郑州市生态环境局机关 第1行 › 合计", "调整申报值", "[查看审核]", "[仍然进入运行监控]", "[取消]"} {
		if !strings.Contains(txt, cjkText(want)) {
			t.Errorf("lacks %q:\n%s", want, txt)
		}
	}
	tapButton(t, w, "查看审核")
	if e.form.Stage != model.StageDeclare || e.CurrentTab() != TabChecks || e.year.stage.Selected != "申报" {
		t.Fatalf("查看审核: stage %v tab %v", e.form.Stage, e.CurrentTab())
	}
	e.SelectTab(TabYear)
	e.year.stage.SetSelected("运行监控")
	tapButton(t, w, "仍然进入运行监控")
	if e.form.Stage != model.StageMonitor {
		t.Fatal("仍然进入 did not move")
	}
}
