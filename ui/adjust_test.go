package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// 调整申报值 picks its row by typing, as the 指标库 does (words or pinyin
// initials), all in Chinese; the value and reason go into the draft.
func TestAdjustPicksItsRowBySearch(t *testing.T) {
	f := model.Sample()
	_ = f.SetStage(model.StageMonitor, 6, testTime)
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	if !e.year.adjust.Visible() {
		t.Fatal("no 调整申报值 button")
	}
	test.Tap(e.year.adjust)
	d := e.year.adjustDlg
	if d == nil || w.Canvas().Focused() != d.search {
		t.Fatal("the dialog does not open with the search focused")
	}
	all := len(d.hits)
	if all < 90 {
		t.Fatalf("only %d declared values listed", all)
	}
	txt := overlayTexts(w)
	if strings.Contains(txt, "Select") || !strings.Contains(txt, "[调整]") || !strings.Contains(txt, "[取消]") {
		t.Errorf("dialog texts:\n%s", txt)
	}
	test.Type(d.search, "yszxl")
	if len(d.hits) == 0 || len(d.hits) >= all {
		t.Fatalf("yszxl: %d hits", len(d.hits))
	}
	first := d.targets[d.hits[0]]
	if first.task || e.form.Indicators[first.r].Name() != "预算执行率" {
		t.Fatalf("yszxl finds %q first", first.title)
	}
	if !d.ok.Disabled() {
		t.Error("调整 enabled before a row is chosen")
	}
	d.list.Select(0)
	if d.value.Text != "≥98%" || w.Canvas().Focused() != d.value || d.ok.Disabled() {
		t.Fatalf("chosen: value %q", d.value.Text)
	}
	// Without a reason the 调整 is refused and the dialog stays.
	d.value.SetText("≥95%")
	test.Tap(d.ok)
	if !strings.Contains(overlayTexts(w), "请写明调整的原因") {
		t.Fatalf("no refusal:\n%s", overlayTexts(w))
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	test.Type(d.reason, "上级下达指标调整")
	test.Tap(d.ok)
	in := e.form.Indicators[first.r]
	if in.Value != "≥95%" || len(e.form.Adjustments) != 1 || e.form.Adjustments[0].Reason != "上级下达指标调整" {
		t.Fatalf("after 调整: %q %+v", in.Value, e.form.Adjustments)
	}
	// A task's amount, by a word of its 主要内容.
	test.Tap(e.year.adjust)
	d = e.year.adjustDlg
	test.Type(d.search, "办公大楼 财政资金")
	if len(d.hits) != 1 {
		t.Fatalf("办公大楼 财政资金: %d hits", len(d.hits))
	}
	d.list.Select(0)
	d.value.SetText("600")
	test.Type(d.reason, "追减")
	test.Tap(d.ok)
	tgt := d.targets[d.hits[0]]
	if got := e.form.Units[tgt.u].Tasks[tgt.r].Fiscal.Raw(); got != "600" {
		t.Errorf("财政资金 %q", got)
	}
}
