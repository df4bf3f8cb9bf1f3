package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// refusedOnce says whether the last edit showed the read-only message, and
// closes it.
func refusedOnce(w fyne.Window) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	w.Canvas().Overlays().Remove(top)
	return strings.Contains(overlayText(top), "申报的指标值和金额不能直接修改")
}

// TestLockedDeclarationSurvivesTyping types after 申报 as a clerk would,
// many keystrokes in a row, between refused edits of the declaration: the
// editor reuses the memory of its copy of the form from one keystroke to
// the next (Editor.apply), and none of that may show. Each refused edit
// puts back exactly the form as it was before it (also what the edit
// changed besides the declaration), is not saved and leaves no undo step;
// the accepted typing around it is kept, and its undo step holds the form
// as it was, not the reused copy.
func TestLockedDeclarationSurvivesTyping(t *testing.T) {
	f := model.Sample()
	f.Units[0].Tasks[0].Review = true // 复制上年 left it to be looked at
	if err := f.SetStage(model.StageMonitor, 6, testTime); err != nil {
		t.Fatal(err)
	}
	declared := f.Clone()
	e, w := newTestEditor(t, f, &memSaver{})
	u := NewUndo(e)
	last := len(f.Units) - 1
	lastRow := len(f.Units[last].Tasks) - 1

	// refuse makes edit, which must be refused, and checks the form is
	// exactly as before, unsaved and with the same undo steps.
	refuse := func(what string, edit func()) {
		t.Helper()
		want, gen, undo := e.Form().Clone(), e.editGen, len(u.undo)
		edit()
		if !refusedOnce(w) {
			t.Errorf("%s: no message about the read-only declaration", what)
		}
		if !reflect.DeepEqual(e.Form(), want) {
			t.Errorf("%s: the form is not as it was before the edit", what)
		}
		if e.editGen != gen || len(u.undo) != undo {
			t.Errorf("%s: a refused edit was saved or made an undo step", what)
		}
	}

	// Typing in the 运行监控 tab's 执行数 is accepted, keystroke by keystroke.
	e.SelectTab(TabYear)
	exec := e.year.mon.tasks[0].exec
	test.Type(exec, "20.5")
	if got := e.Form().Units[0].Tasks[0].Monitor.Executed.Raw(); got != "20.5" {
		t.Fatalf("执行数 %q", got)
	}
	// The declared 合计 is read-only in the 任务 tab (no entry to type in);
	// an edit of it that reaches the editor anyway (a paste, say) is
	// refused, with the row's 待核实 mark that the same edit cleared.
	e.SelectTab(TabTasks)
	refuse("合计 edited", func() {
		e.ApplyKeyed("task/0/0/合计", func(f *model.Form) {
			f.Units[0].Tasks[0].Total = model.ParseAmount("1159")
			f.Units[0].Tasks[0].Review = false
		})
	})
	if tk := e.Form().Units[0].Tasks[0]; tk.Total.Raw() != "115" || !tk.Review || tk.Monitor.Executed.Raw() != "20.5" {
		t.Errorf("after the refused 合计: 合计 %q, 待核实 %v, 执行数 %q", tk.Total.Raw(), tk.Review, tk.Monitor.Executed.Raw())
	}
	if it := e.tasks.shown[0*1_000_000+0]; it == nil || it.fixed[colTotal].Text() != "115" || it.amounts[colTotal].Visible() {
		t.Errorf("the 合计 is not shown read-only as 115")
	}
	// Right after a refusal, and after more accepted typing: the last row's
	// 财政资金 and the last 指标值, each with an allowed change beside it.
	refuse("last row's 财政资金", func() {
		e.ApplyKeyed("x", func(f *model.Form) {
			f.Units[last].Tasks[lastRow].Fiscal = model.MustAmount("1")
			f.Units[last].Tasks[lastRow].Note = "改了"
		})
	})
	e.SelectTab(TabYear)
	test.Type(exec, "1")
	for i := 0; i < 20; i++ {
		e.ApplyKeyed("mon/ind/0/measures", func(f *model.Form) { f.Indicators[0].Monitor.Measures += "加" })
	}
	refuse("last 指标值", func() {
		e.ApplyKeyed("mon/ind/0/measures", func(f *model.Form) {
			f.Indicators[len(f.Indicators)-1].Value = "≥1%"
			f.Indicators[0].Monitor.Measures = ""
		})
	})
	refuse("a row deleted", func() { e.Apply(func(f *model.Form) { f.Units[0].Tasks = f.Units[0].Tasks[1:] }) })
	if !model.SameDeclaration(declared, e.Form()) {
		t.Fatal("the declaration changed")
	}
	if got := e.Form().Units[0].Tasks[0].Monitor.Executed.Raw(); got != "20.51" || len(e.Form().Indicators[0].Monitor.Measures) != 20*len("加") {
		t.Fatalf("accepted typing lost: 执行数 %q, 措施 %q", got, e.Form().Indicators[0].Monitor.Measures)
	}
	// Undo goes back step by step through the accepted typing to the form
	// as it was opened.
	for u.CanUndo() {
		u.Undo()
	}
	if got := e.Form(); !reflect.DeepEqual(got.Units, declared.Units) || !reflect.DeepEqual(got.Indicators, declared.Indicators) {
		t.Error("undo does not give back the form as opened")
	}
	// 调整 still goes through.
	var err error
	e.Apply(func(f *model.Form) { err = f.AdjustTask(0, 0, model.FieldTotal, "130", "年中追加", testTime) })
	if err != nil || e.Form().Units[0].Tasks[0].Total.Raw() != "130" || refusedOnce(w) {
		t.Errorf("调整 refused: %v", err)
	}
}
