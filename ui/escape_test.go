package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// focusedEntry is the escEntry with the focus in w, or nil.
func focusedEntry(w fyne.Window) *escEntry {
	en, _ := w.Canvas().Focused().(*escEntry)
	return en
}

// firstEscEntry is the first escEntry under o (a dialog's overlay).
func firstEscEntry(o fyne.CanvasObject) *escEntry {
	switch x := o.(type) {
	case *escEntry:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if en := firstEscEntry(c); en != nil {
				return en
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if en := firstEscEntry(c); en != nil {
				return en
			}
		}
	}
	return nil
}

// Esc typed in a dialog's field closes the dialog as its 取消 does: the
// typed text is not applied, and the dialog's "cancelled" path runs.
func TestEscInAFieldCancelsTheDialog(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	w := ws.win
	before, _ := st.List()
	dept := ws.e.Form().Dept
	open := map[string]func(){
		"新建": ws.NewDraftDialog,
		"重命名": func() {
			ws.ShowDrafts()
			ws.drafts.selectID(id)
			ws.drafts.rename()
		},
		"复制到下一年度": func() { ws.CarryDialog(id) },
		"指标库":     func() { ws.e.SelectTab(TabIndicators); ws.e.inds.showLibrary() },
		"调整申报值":   func() { ws.e.year.showAdjust() },
	}
	for name, show := range open {
		show()
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog shown", name)
		}
		en := focusedEntry(w)
		if en == nil {
			en = firstEscEntry(top)
			if en == nil {
				t.Fatalf("%s: the dialog has no escEntry", name)
			}
			w.Canvas().Focus(en)
		}
		test.Type(en, "改了")
		pressEsc(w)
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: Esc in a field left a dialog open: %q", name, overlayText(top))
			for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
				o.Hide()
				w.Canvas().Overlays().Remove(o)
			}
		}
		ws.e.SelectTab(TabBasic)
	}
	after, _ := st.List()
	if len(after) != len(before) {
		t.Errorf("Esc created drafts: %d before, %d after", len(before), len(after))
	}
	if got := ws.e.Form().Dept; got != dept {
		t.Errorf("Esc in 重命名 renamed the draft to %q", got)
	}
	if len(ws.e.Form().Adjustments) != 0 {
		t.Errorf("Esc in 调整申报值 adjusted: %+v", ws.e.Form().Adjustments)
	}
}

// Esc with a confirm over a dialog closes the confirm only, as its 否.
func TestEscClosesOnlyTheTopDialog(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	w := ws.win
	ws.e.SelectTab(TabIndicators)
	ws.e.inds.showLibrary()
	picker := w.Canvas().Overlays().Top()
	asked, answer := 0, true
	dialog.ShowConfirm("删除指标", "删除？", func(ok bool) { asked++; answer = ok }, w)
	if w.Canvas().Overlays().Top() == picker {
		t.Fatal("no confirm over the picker")
	}
	w.Canvas().Focus(ws.e.inds.picker.search) // focus below the confirm: Esc still closes the top one
	pressEsc(w)
	if asked != 1 || answer {
		t.Errorf("Esc on a confirm: callback ran %d times with %v, want once with false (否)", asked, answer)
	}
	if w.Canvas().Overlays().Top() != picker {
		t.Fatalf("Esc closed more than the confirm: top is %q", overlayText(w.Canvas().Overlays().Top()))
	}
	pressEsc(w)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("second Esc left %q open", overlayText(top))
	}
}

// Other keys typed in a dialog's field are the field's.
func TestEscEntryTypesOtherKeys(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	ws.NewDraftDialog()
	en := firstEscEntry(ws.win.Canvas().Overlays().Top())
	if en == nil {
		t.Fatal("no field")
	}
	en.SetText("")
	ws.win.Canvas().Focus(en)
	test.Type(en, "2021")
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if en.Text != "202" {
		t.Errorf("BackSpace in the field: %q, want 202", en.Text)
	}
	if ws.win.Canvas().Overlays().Top() == nil {
		t.Error("BackSpace closed the dialog")
	}
}
