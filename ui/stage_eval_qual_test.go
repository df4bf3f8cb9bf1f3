package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// A 定性 indicator's result is chosen from 达成 / 部分达成 / 未达成 and
// scores at once; typed text is still read, and what cannot be read says
// why under the row.
func TestQualitativeChoiceScores(t *testing.T) {
	f := model.SampleEval(testTime)
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	row := evalRowOf(t, e, "目标依据充分性") // 指标值 充分, 分值 2
	if row.pick == nil {
		t.Fatal("a 定性 indicator has no choice of results")
	}
	if got := row.pick.PlaceHolder; got != "请选择" {
		t.Errorf("placeholder %q", got)
	}
	// Open the list beside the entry and choose 部分达成, as a clerk does.
	var drop *widget.Button
	walk(row.pick, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && drop == nil {
			drop = b
		}
	})
	if drop == nil {
		t.Fatal("no drop-down button")
	}
	test.Tap(drop)
	var item fyne.Tappable
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if it, ok := o.(fyne.Tappable); ok && strings.Contains(overlayTextOf(o), "部分达成") { // the deepest: the item itself
			item = it
		}
	})
	if item == nil {
		t.Fatalf("the list does not offer 部分达成:\n%s", overlayTexts(w))
	}
	test.Tap(item)
	in := e.form.Indicators[row.r]
	if in.Eval.Actual != "部分达成" || row.score.Text != "1.00" {
		t.Fatalf("部分达成: actual %q score %q", in.Eval.Actual, row.score.Text)
	}
	// Typed text is read too.
	row.actual.SetText("")
	test.Type(row.actual, "达成")
	if row.score.Text != "2.00" || row.hint.Visible() {
		t.Errorf("typed 达成: score %q hint %v", row.score.Text, row.hint.Visible())
	}
	// Text that is none of the three: 得分 —, and a hint says what to choose.
	row.actual.SetText("已完成")
	if row.score.Text != "—" || !row.hint.Visible() || !strings.Contains(row.hint.Text, "“已完成”无法识别") || !strings.Contains(row.hint.Text, "部分达成") {
		t.Errorf("已完成: score %q hint %q", row.score.Text, row.hint.Text)
	}
}

// overlayTextOf is the text of the labels and menu items under o.
func overlayTextOf(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) {
		switch y := x.(type) {
		case *widget.Label:
			b.WriteString(y.Text)
		case *canvas.Text:
			b.WriteString(y.Text)
		}
	})
	return b.String()
}
