package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// visibleSet is every object under root that shows: it and every
// container above it are visible.
func visibleSet(root fyne.CanvasObject) map[fyne.CanvasObject]bool {
	out := map[fyne.CanvasObject]bool{}
	var walkVis func(x fyne.CanvasObject)
	walkVis = func(x fyne.CanvasObject) {
		if x == nil || !x.Visible() {
			return
		}
		out[x] = true
		switch c := x.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walkVis(k)
			}
		case fyne.Widget:
			for _, k := range widgetObjects(c) {
				walkVis(k)
			}
		}
	}
	walkVis(root)
	return out
}

// visibleIn reports whether o shows under root.
func visibleIn(root, o fyne.CanvasObject) bool { return visibleSet(root)[o] }

func widgetObjects(w fyne.Widget) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	walkRenderer(w, func(o fyne.CanvasObject) { out = append(out, o) })
	return out
}

// After 申报 the declared amounts and 指标值 are read-only values, not
// entries: Tab never reaches them, no add/delete/move control shows, and
// a line names the stage and the two ways to change a declared value.
func TestLockedFieldsTakeNoInput(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	w.Resize(fyne.NewSize(1366, 768))
	e.SelectTab(TabTasks)
	it := e.tasks.shown[0]
	if it == nil || !it.amounts[colTotal].Visible() || it.fixed[colTotal].Visible() || !e.tasks.addUnit.Visible() || e.tasks.lockLine.Visible() {
		t.Fatal("申报: the amounts are not entries, or the lock line shows")
	}
	e.year.SetStage(model.StageMonitor, 6)

	for _, tab := range []Tab{TabTasks, TabIndicators} {
		e.SelectTab(tab)
		line := e.tasks.lockLine
		if tab == TabIndicators {
			line = e.inds.lockLine
		}
		if !line.Visible() {
			t.Fatalf("tab %d: no lock line", tab)
		}
		for _, want := range []string{"运行监控（截至6月）", "只读", "调整申报值", "写明原因", "撤销", "历史版本"} {
			if !strings.Contains(line.Text, want) {
				t.Errorf("tab %d: lock line lacks %q: %s", tab, want, line.Text)
			}
		}
	}

	e.SelectTab(TabTasks)
	root := e.tasks.object()
	it = e.tasks.shown[0]
	tshown := visibleSet(root)
	if it == nil {
		t.Fatal("first task row not shown")
	}
	if got := it.fixed[colTotal].Text(); got != "115" || !visibleIn(root, it.fixed[colTotal]) {
		t.Errorf("合计 shown read-only as %q (visible %v)", got, visibleIn(root, it.fixed[colTotal]))
	}
	var amountEntries []fyne.Focusable
	for _, x := range e.tasks.shown {
		if x.ref.row < 0 {
			for _, b := range x.unitBtns {
				if tshown[b] {
					t.Error("a unit's add/move/delete button shows")
				}
			}
			continue
		}
		for c := range x.amounts {
			amountEntries = append(amountEntries, x.amounts[c])
			if tshown[x.amounts[c]] {
				t.Errorf("an amount entry shows (row %v)", x.ref)
			}
		}
		for _, b := range x.btns.Objects {
			if tshown[b] {
				t.Errorf("move/delete buttons show (row %v)", x.ref)
			}
		}
	}
	if visibleIn(root, e.tasks.addUnit) {
		t.Error("添加单位 shows")
	}
	// Tab through the whole window: no amount entry takes the focus.
	c := w.Canvas()
	c.Focus(it.content)
	for i := 0; i < 60; i++ {
		c.FocusNext()
		for _, a := range amountEntries {
			if c.Focused() == a {
				t.Fatalf("Tab reached a read-only amount after %d steps", i)
			}
		}
	}

	e.SelectTab(TabIndicators)
	iroot := e.inds.object()
	if visibleIn(iroot, e.inds.adders) {
		t.Error("从指标库添加 / 添加空白指标 show")
	}
	shown := visibleSet(iroot)
	for _, r := range e.inds.rows {
		if shown[r.value] {
			t.Fatalf("row %d: 指标值 entry shows", r.i)
		}
		if in := e.form.Indicators[r.i]; r.fixed.Text() != in.Value {
			t.Errorf("row %d: read-only 指标值 %q, want %q", r.i, r.fixed.Text(), in.Value)
		}
	}
	var buttons int
	walk(iroot, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && shown[b] {
			buttons++ // icon buttons: 上移, 下移, 删除
		}
	})
	if buttons != 0 {
		t.Errorf("%d move/delete buttons show on the 绩效指标 tab", buttons)
	}
	// 调整申报值 still changes the value, and the read-only value shows it.
	r := e.inds.rows[0]
	var err error
	e.Apply(func(f *model.Form) { err = f.AdjustIndicator(r.i, "≥90%", "年中调整", testTime) })
	if err != nil {
		t.Fatal(err)
	}
	if r = e.inds.rows[0]; r.fixed.Text() != "≥90%" {
		t.Errorf("after 调整: %q", r.fixed.Text())
	}
}
