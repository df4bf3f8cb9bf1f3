package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The window's layout is checked on real screens (scripts/screens-test.sh:
// Xvfb + openbox at 800×600, 1024×768 and 1366×768): the program, built
// with -tags screenshots and run with JIXIAO_GEOMETRY, tours its screens
// and writes where every control of the toolbar, the tab bar and each
// screen's top row is; the script checks that each lies inside the screen.

// Placed is a control and its place on the window's canvas (Fyne units,
// from the canvas's top-left corner).
type Placed struct {
	Where string // 工具栏, 页签, a tab's title or 草稿
	What  string // the control's text (or its kind when it has none)
	X, Y  float32
	W, H  float32
}

// topRower is a view with a row of controls above its content.
type topRower interface{ topRow() fyne.CanvasObject }

func (v *basicView) topRow() fyne.CanvasObject      { return v.form }
func (v *goalsView) topRow() fyne.CanvasObject      { return v.top }
func (v *tasksView) topRow() fyne.CanvasObject      { return v.top }
func (v *indicatorsView) topRow() fyne.CanvasObject { return v.topBox }
func (v *checksView) topRow() fyne.CanvasObject     { return v.top }
func (v *yearView) topRow() fyne.CanvasObject       { return v.top }

// Geometry lists the visible controls of the screen shown: the toolbar
// and the top row of the tab shown, or the 草稿 screen's buttons and
// column headings. (The tab bar is Fyne's: it folds tabs that do not fit
// into a menu of its own.)
func (ws *Workspace) Geometry() []Placed {
	e := ws.e
	var out []Placed
	if ws.onDrafts {
		return placedUnder("草稿", ws.drafts.top, nil)
	}
	out = append(out, placedUnder("工具栏", e.toolbarBox, nil)...)
	t := e.tabIndex()
	if t >= 0 {
		if tr, ok := e.views[t].(topRower); ok {
			out = append(out, placedUnder(e.tabList[t].Text, tr.topRow(), nil)...)
		}
	}
	return out
}

// placedUnder lists the visible controls under root (not under skip),
// through its containers: what can be tapped or focused, and labels with
// text (column headings).
func placedUnder(where string, root fyne.CanvasObject, skip map[fyne.CanvasObject]bool) []Placed {
	var out []Placed
	d := fyne.CurrentApp().Driver()
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || skip[o] {
			return
		}
		_, tap := o.(fyne.Tappable)
		_, foc := o.(fyne.Focusable)
		lab, isLabel := o.(*widget.Label)
		if tap || foc || isLabel && strings.TrimSpace(lab.Text) != "" {
			p := d.AbsolutePositionForObject(o)
			s := o.Size()
			if s.Width > 0 && s.Height > 0 {
				out = append(out, Placed{Where: where, What: controlText(o), X: p.X, Y: p.Y, W: s.Width, H: s.Height})
			}
			if tap || foc {
				return // its parts are not controls of their own
			}
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		}
	}
	walk(root)
	return out
}

// controlText names a control by its text.
func controlText(o fyne.CanvasObject) string {
	switch c := o.(type) {
	case *widget.Button:
		if c.Text != "" {
			return c.Text
		}
		return "（图标按钮）"
	case *widget.Label:
		return c.Text
	case *widget.Select:
		if c.Selected != "" {
			return c.Selected
		}
		return c.PlaceHolder
	case *widget.Check:
		return c.Text
	case *widget.Entry:
		return "输入框 " + c.PlaceHolder
	}
	if p, ok := o.(interface{ PlaceHolder() string }); ok {
		return "输入框 " + p.PlaceHolder()
	}
	return fmt.Sprintf("%T", o)
}

// WriteGeometry writes ps as lines of tab-separated fields: where, what,
// x, y, width, height (whole Fyne units, rounded outwards).
func WriteGeometry(w io.Writer, screen string, ps []Placed) {
	for _, p := range ps {
		what := strings.NewReplacer("\t", " ", "\n", " ").Replace(p.What)
		fmt.Fprintf(w, "%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\n", screen, p.Where, what, p.X, p.Y, p.W+0.49, p.H+0.49)
	}
}

// GeometryTour shows the 草稿 screen and then each tab of the editor in
// turn, giving the window delay to lay each out, and calls dump(screen,
// next) on each: dump calls next (at once or later, on the UI goroutine)
// to go on. done is called after the last. Steps run on the UI goroutine
// through the editor's clock.
func (ws *Workspace) GeometryTour(delay time.Duration, dump func(screen string, next func()), done func()) {
	steps := []func() string{func() string {
		ws.ShowDrafts()
		return "草稿"
	}}
	for i := range ws.e.tabList {
		steps = append(steps, func() string {
			if ws.onDrafts {
				ws.ShowEditor()
			}
			ws.e.SelectTab(Tab(i))
			if ws.e.tabIndex() != i {
				return "" // a tab the 表样 does not show
			}
			return ws.e.tabList[i].Text
		})
	}
	var run func(k int)
	run = func(k int) {
		if k == len(steps) {
			done()
			return
		}
		screen := steps[k]()
		ws.e.clock.AfterFunc(delay, func() {
			if screen == "" {
				run(k + 1)
				return
			}
			dump(screen, func() { run(k + 1) })
		})
	}
	run(0)
}
