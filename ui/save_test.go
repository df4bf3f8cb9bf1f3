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
	save.Action()
	deadline := time.Now().Add(5 * time.Second)
	for s.count() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.count() != 1 || s.saves[0].Year != "2021" {
		t.Fatalf("%d saves after Ctrl+S", s.count())
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
