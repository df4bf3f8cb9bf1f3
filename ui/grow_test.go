package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// wheelAt sends ten wheel clicks down over o.
func wheelAt(w fyne.Window, o fyne.CanvasObject) {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	p = p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	for range 10 {
		test.Scroll(w.Canvas(), p, 0, -30)
	}
}

// shows reports whether a text box shows its whole text: it is as tall
// as its text needs at its width.
func shows(a *area) bool {
	return a.Need() > 0 && a.Size().Height+0.5 >= a.Need()
}

func TestGoalsGrowToTheirWholeTextAndTheWheelScrolls(t *testing.T) {
	for _, width := range []float32{1000, 1366} {
		f := model.Sample()
		long := 0
		for i, g := range f.Goals {
			if utf8.RuneCountInString(g.Text) > utf8.RuneCountInString(f.Goals[long].Text) {
				long = i
			}
		}
		e, w := newTestEditor(t, f, &memSaver{})
		w.Resize(fyne.NewSize(width, 700))
		e.SelectTab(TabGoals)
		v := e.goals
		v.list.ScrollTo(long)
		r := v.shown[long]
		if r == nil {
			t.Fatalf("goal %d not shown", long+1)
		}
		three := newArea(3).MinSize().Height
		if !shows(r.text) || (width < 1100 && r.text.Need() <= three) {
			t.Errorf("width %v: 目标%d (%d 字) is %v high, needs %v (3 rows are %v)", width, long+1,
				utf8.RuneCountInString(f.Goals[long].Text), r.text.Size().Height, r.text.Need(), three)
		}
		for i, r := range v.shown {
			if r.i == i && !shows(r.text) {
				t.Errorf("width %v: 目标%d cut: %v high, needs %v", width, i+1, r.text.Size().Height, r.text.Need())
			}
		}

		v.list.ScrollToTop()
		r = v.shown[0]
		wheelAt(w, r.text)
		if off := v.list.GetScrollOffset(); off < 100 {
			t.Errorf("width %v: ten wheel clicks over a goal moved the page %v px", width, off)
		}
	}
}

func TestIndicatorTextsGrowAndTheWheelScrolls(t *testing.T) {
	for _, width := range []float32{1000, 1366} {
		f := model.Sample()
		f.Indicators[0].Note = strings.Repeat("指标说明的文字很长，需要完整显示。", 12)
		e, w := newTestEditor(t, f, &memSaver{})
		w.Resize(fyne.NewSize(width, 700))
		e.SelectTab(TabIndicators)
		v := e.inds
		r := v.rows[0]
		two := newArea(2).MinSize().Height
		if !shows(r.note) || r.note.Need() <= 2*two {
			t.Errorf("width %v: long 指标说明 is %v high, needs %v", width, r.note.Size().Height, r.note.Need())
		}
		for i, r := range v.rows {
			for _, a := range []*area{r.explain, r.note} {
				if a.Visible() && a.Text != "" && !shows(a) {
					t.Errorf("width %v: row %d cut: %v high, needs %v: %q", width, i+1, a.Size().Height, a.Need(), a.Text)
				}
			}
		}
		// typing more makes the row taller at once
		before := r.note.Size().Height
		r.note.SetText(r.note.Text + strings.Repeat("再加一行文字。", 20))
		if r.note.Size().Height <= before || !shows(r.note) {
			t.Errorf("width %v: after typing the box is %v high (was %v), needs %v", width, r.note.Size().Height, before, r.note.Need())
		}

		wheelAt(w, r.explain)
		if off := v.scroll.Offset.Y; off < 100 {
			t.Errorf("width %v: ten wheel clicks over 指标解释 moved the page %v px", width, off)
		}
	}
}
