package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"jixiao/model"
)

func TestCtrlSSavesAtOnce(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s) // autosave delay: an hour
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldYear})
	retype(focused(t, w), "2021")
	// The window's driver runs the main menu item whose shortcut is typed
	// before anything else (even with an entry focused): find that item.
	want := (&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName()
	var save *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == want {
				save = it
			}
		}
	}
	if save == nil || save.Label != "保存" {
		t.Fatal("no 保存 menu item with Ctrl+S")
	}
	clk, wk := fakes(t, e)
	save.Action()
	// The save runs off the UI goroutine: until it ends the status bar
	// says so and the draft is still unsaved.
	if len(wk.jobs) != 1 || e.status.save.Text != "正在保存…" || !e.Dirty() {
		t.Fatalf("after Ctrl+S: %d jobs, status %q, dirty %v", len(wk.jobs), e.status.save.Text, e.Dirty())
	}
	if e.timer != nil {
		t.Errorf("the autosave timer still runs after Ctrl+S")
	}
	clk.Advance(time.Hour)
	if len(wk.jobs) != 1 {
		t.Errorf("%d saves queued after Ctrl+S and an hour", len(wk.jobs))
	}
	wk.Run()
	if s.count() != 1 || s.saves[0].Year != "2021" {
		t.Fatalf("%d saves after Ctrl+S", s.count())
	}
	if want := "已保存 " + clk.Now().Format("15:04:05"); e.status.save.Text != want || e.Dirty() {
		t.Errorf("after the save: status %q, want %q; dirty %v", e.status.save.Text, want, e.Dirty())
	}
}

func TestCloseSavesAndRemembersSize(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	w.Resize(fyne.NewSize(1100, 700))
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	retype(focused(t, w), model.SampleDept+"（新）")
	e.close()
	if s.count() != 1 || s.saves[0].Dept != model.SampleDept+"（新）" {
		t.Fatalf("close saved %d times", s.count())
	}
	if e.prefs.Float(PrefWindowWidth) != float64(w.Canvas().Size().Width) || e.prefs.String(PrefLastDraft) != "d1" {
		t.Errorf("prefs: width %v, last draft %q", e.prefs.Float(PrefWindowWidth), e.prefs.String(PrefLastDraft))
	}
}

func TestCtrlNumberGoesToTab(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	var items []*fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		if m.Label == "页面" {
			items = m.Items
		}
	}
	if len(items) != 6 {
		t.Fatalf("页面 menu has %d items", len(items))
	}
	wants := []fyne.Focusable{e.basic.year, nil, nil, nil, e.checks.list, e.year.stage}
	for i, it := range items {
		it.Action()
		if e.CurrentTab() != Tab(i) || it.Shortcut == nil {
			t.Fatalf("%s: tab %d shown", it.Label, e.CurrentTab())
		}
		if wants[i] != nil && w.Canvas().Focused() != wants[i] || w.Canvas().Focused() == nil {
			t.Errorf("%s: focus on %T", it.Label, w.Canvas().Focused())
		}
	}
	items[2].Action()
	if en := focused(t, w); en.Text != model.Sample().Units[0].Tasks[0].Content {
		t.Errorf("年度主要任务 focuses %q", en.Text)
	}
}
