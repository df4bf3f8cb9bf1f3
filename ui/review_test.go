package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// reviewFinding is the 审核 hint about rows to confirm, or "".
func reviewFinding(e *Editor) string {
	for _, f := range e.Findings() {
		if strings.Contains(f.Message, "从上年复制") {
			return f.Message
		}
	}
	return ""
}

func TestCopiedRowsAreMarkedAndConfirmed(t *testing.T) {
	f, _, err := model.CarryForward(model.Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws, _, _ := newTestWorkspace(t, f)
	e := ws.e
	e.SelectTab(TabTasks)
	v := e.tasks
	total := e.Form().ReviewCount()
	if !strings.Contains(reviewFinding(e), "共有"+itoa(total)+"行") {
		t.Fatalf("审核 hint %q, want %d rows", reviewFinding(e), total)
	}
	if !v.confirmAll.Visible() || !strings.Contains(v.confirmAll.Text, itoa(total)+" 行") {
		t.Fatalf("全部确认 %v %q", v.confirmAll.Visible(), v.confirmAll.Text)
	}
	it := v.shown[0*1_000_000+0] // unit 1, row 1
	if it == nil || !it.confirm.Visible() || !strings.Contains(it.errLine.Text, "待核实") || !it.errBox.Visible() {
		t.Fatalf("row 1 shows no 待核实 mark: %+v", it)
	}

	// 确认 on one row
	test.Tap(it.confirm)
	if e.Form().Units[0].Tasks[0].Review || e.Form().ReviewCount() != total-1 {
		t.Fatal("确认 did not confirm the row")
	}
	if !strings.Contains(reviewFinding(e), "共有"+itoa(total-1)+"行") {
		t.Errorf("审核 hint did not count down: %q", reviewFinding(e))
	}
	it = v.shown[0]
	if it.confirm.Visible() || strings.Contains(it.errLine.Text, "待核实") {
		t.Error("the confirmed row still shows the mark")
	}
	// undoable
	ws.Undo()
	if !e.Form().Units[0].Tasks[0].Review || e.Form().ReviewCount() != total {
		t.Fatal("撤销 did not bring the mark back")
	}

	// 确认本单位
	head := v.shown[0*1_000_000-1]
	if head == nil || !head.unitConfirm.Visible() {
		t.Fatal("unit 1 header has no 确认本单位")
	}
	n0 := len(e.Form().Units[0].Tasks)
	test.Tap(head.unitConfirm)
	if e.Form().UnitReviewCount(0) != 0 || e.Form().ReviewCount() != total-n0 || head.unitConfirm.Visible() {
		t.Fatalf("确认本单位: %d left in unit 1, %d in all", e.Form().UnitReviewCount(0), e.Form().ReviewCount())
	}

	// 全部确认
	test.Tap(v.confirmAll)
	if e.Form().ReviewCount() != 0 || reviewFinding(e) != "" || v.confirmAll.Visible() {
		t.Fatalf("全部确认: %d left, hint %q", e.Form().ReviewCount(), reviewFinding(e))
	}
	ws.Undo()
	if e.Form().ReviewCount() != total-n0 {
		t.Fatalf("撤销 全部确认: %d rows wait, want %d", e.Form().ReviewCount(), total-n0)
	}
}
