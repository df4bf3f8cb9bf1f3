package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// visibleControls are the controls drawn in the window's content: every
// object whose parents are all visible.
func visibleControls(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var rec func(o fyne.CanvasObject)
	rec = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o.(type) {
		case *widget.Button, *widget.Entry, *area, *widget.Select, *widget.Check:
			out = append(out, o)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				rec(k)
			}
		case fyne.Widget:
			switch o.(type) {
			case *widget.Entry, *area, *widget.Select, *widget.Button, *widget.Check:
				return // their insides are not controls
			}
			walkRenderer(c, rec)
		}
	}
	rec(root)
	return out
}

func walkRenderer(w fyne.Widget, fn func(fyne.CanvasObject)) {
	if r := test.WidgetRenderer(w); r != nil {
		for _, k := range r.Objects() {
			fn(k)
		}
	}
}

func describe(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Button:
		return fmt.Sprintf("button %q", x.Text)
	case *widget.Entry:
		return fmt.Sprintf("entry %q", x.PlaceHolder)
	case *area:
		return fmt.Sprintf("text box %q", x.PlaceHolder)
	}
	return fmt.Sprintf("%T", o)
}

// At 1000×700 every control of every tab lies inside the window and the
// status bar is on screen; the window can be narrower than 960 px.
func TestEveryControlReachableAt1000x700(t *testing.T) {
	prev := model.Sample()
	prev.Options.OtherFunds = true
	f, _, err := model.CarryForward(prev, "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws, _, _ := newTestWorkspace(t, f)
	e, w := ws.e, ws.win
	w.Resize(fyne.NewSize(1000, 700))
	if min := w.Content().MinSize().Width; min > 960 {
		t.Errorf("the window cannot be narrower than %v px", min)
	}
	d := fyne.CurrentApp().Driver()
	for tab := TabBasic; tab <= TabChecks; tab++ {
		e.SelectTab(tab)
		n := 0
		for _, o := range visibleControls(w.Content()) {
			p := d.AbsolutePositionForObject(o)
			if o.Size().Width < 1 {
				t.Errorf("tab %s: %s has no width", tabNames[tab], describe(o))
				continue
			}
			n++
			if p.X < 0 || p.X+o.Size().Width > 1000.5 {
				t.Errorf("tab %s: %s at x %v..%v, outside the 1000 px window", tabNames[tab], describe(o), p.X, p.X+o.Size().Width)
			}
		}
		if n < 5 {
			t.Errorf("tab %s: only %d controls found", tabNames[tab], n)
		}
		sb := e.status.box
		if p := d.AbsolutePositionForObject(sb); p.Y+sb.Size().Height > 700.5 || p.X+sb.Size().Width > 1000.5 {
			t.Errorf("tab %s: status bar at %v size %v, outside 1000×700", tabNames[tab], p, sb.Size())
		}
		for _, l := range []*widget.Label{e.status.totals, e.status.errs} {
			if p := d.AbsolutePositionForObject(l); p.X+l.MinSize().Width > 1000.5 {
				t.Errorf("tab %s: status text %q ends at %v", tabNames[tab], l.Text, p.X+l.MinSize().Width)
			}
		}
	}
}

func TestCtrlQSavesAndQuits(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	e.ApplyKeyed("basic/year", func(f *model.Form) { f.Year = "2021" })
	want := quitShortcut.ShortcutName()
	var quit *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == want {
				quit = it
			}
		}
	}
	if quit == nil || quit.Label != "退出" || !quit.IsQuit {
		t.Fatalf("no 退出 menu item with Ctrl+Q: %+v", quit)
	}
	quit.Action()
	if s.count() != 1 || s.saves[0].Year != "2021" {
		t.Fatalf("%d saves on Ctrl+Q", s.count())
	}
	for _, o := range fyne.CurrentApp().Driver().AllWindows() {
		if o == w {
			t.Fatal("the window is still open after Ctrl+Q")
		}
	}
}

// pressEsc types Esc as the window's driver does: to the focused field,
// else to the canvas.
func pressEsc(w fyne.Window) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	w.Canvas().OnTypedKey()(ev)
}

func TestEscClosesDialogs(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	w := ws.win
	open := map[string]func(){
		"新建":   ws.NewDraftDialog,
		"导出提示": func() { ws.e.Export(ExportKinds[0]) },
		"合并导入": func() { ws.MergeDialog(nil) },
		"历史版本": func() { ws.HistoryDialog(ws.e.ID()) },
		"信息":   func() { ws.e.ShowError("标题", "内容") },
	}
	for name, show := range open {
		show()
		if w.Canvas().Overlays().Top() == nil {
			t.Fatalf("%s: no dialog shown", name)
		}
		w.Canvas().Unfocus()
		pressEsc(w)
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s: Esc left a dialog open: %q", name, overlayText(top))
			for i := 0; i < 10 && w.Canvas().Overlays().Top() != nil; i++ {
				top := w.Canvas().Overlays().Top()
				top.Hide()
				w.Canvas().Overlays().Remove(top) // if Hide left it there
			}
		}
	}
	if ws.merge == nil || ws.merge.shown() {
		t.Error("the merge dialog still counts as open after Esc")
	}
}
