package ui

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// goalsView is the 年度总体目标 tab: the numbered targets as wrapped
// multi-line entries in a virtualised list.
type goalsView struct {
	top   *fyne.Container // the count and 添加目标
	e     *Editor
	list  *widget.List
	count *widget.Label
	shown map[int]*goalRow // goal index → the list item showing it
	// heights are the item heights set (by goal index); rowH the least.
	heights map[int]float32
	rowH    float32
	box     fyne.CanvasObject
}

// goalRow is one list item; i is the goal it shows now (items are reused).
type goalRow struct {
	widget.BaseWidget
	i                  int
	num, chars         *widget.Label
	text               *area
	ins, up, down, del *widget.Button
	content            fyne.CanvasObject
}

func (r *goalRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// goalMaxChars is a length past which the count turns orange: the printed
// form's cell holds about this much.
const goalMaxChars = 300

func newGoalsView(e *Editor) *goalsView {
	v := &goalsView{e: e, count: widget.NewLabel(""), shown: map[int]*goalRow{}, heights: map[int]float32{}}
	v.list = widget.NewList(
		func() int { return len(v.e.form.Goals) },
		v.newRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { v.update(o.(*goalRow), id) },
	)
	v.list.HideSeparators = false
	add := widget.NewButtonWithIcon("添加目标", theme.ContentAddIcon(), func() {
		n := len(e.form.Goals)
		e.Apply(func(f *model.Form) { f.InsertGoal(n, "") })
		v.focusRow(n)
	})
	v.top = container.NewBorder(nil, nil, nil, add, v.count)
	v.box = container.NewBorder(v.top, nil, nil, nil, v.list)
	return v
}

func (v *goalsView) object() fyne.CanvasObject { return v.box }

func (v *goalsView) newRow() fyne.CanvasObject {
	r := &goalRow{num: heading(""), chars: small(""), text: newArea(3)}
	r.num.Alignment = fyne.TextAlignTrailing
	r.text.SetPlaceHolder("填写本目标的内容")
	e := v.e
	// The item is as tall as the goal's whole text.
	r.text.OnHeight = func(float32) { v.fitRow(r) }
	r.text.OnChanged = func(s string) {
		i := r.i
		e.ApplyKeyed(fmt.Sprintf("goal/%d", i), func(f *model.Form) {
			if i < len(f.Goals) {
				f.Goals[i].Text = s
			}
		})
	}
	r.ins = iconButton("在此前插入", theme.ContentAddIcon(), func() {
		i := r.i
		e.Apply(func(f *model.Form) { f.InsertGoal(i, "") })
		v.focusRow(i)
	})
	r.up = iconButton("上移", theme.MoveUpIcon(), func() {
		i := r.i
		if i > 0 {
			e.Apply(func(f *model.Form) { f.MoveGoal(i, i-1) })
			v.focusRow(i - 1)
		}
	})
	r.down = iconButton("下移", theme.MoveDownIcon(), func() {
		i := r.i
		if i+1 < len(e.form.Goals) {
			e.Apply(func(f *model.Form) { f.MoveGoal(i, i+1) })
			v.focusRow(i + 1)
		}
	})
	r.del = iconButton("删除", theme.DeleteIcon(), func() {
		i := r.i
		e.Apply(func(f *model.Form) { f.DeleteGoal(i) })
	})
	left := container.NewVBox(r.num, r.chars)
	btns := container.NewGridWithColumns(2, r.ins, r.del, r.up, r.down)
	r.content = container.New(newCols(64, 0, 80), left, r.text, container.NewVBox(btns))
	r.ExtendBaseWidget(r)
	if v.rowH == 0 {
		v.rowH = r.content.MinSize().Height
	}
	return r
}

func (v *goalsView) update(r *goalRow, i int) {
	if v.shown[r.i] == r {
		delete(v.shown, r.i)
	}
	r.i = i
	v.shown[i] = r
	g := v.e.form.Goals[i]
	setLabel(r.num, fmt.Sprintf("目标%d", i+1), widget.MediumImportance)
	n := utf8.RuneCountInString(g.Text)
	imp := widget.LowImportance
	if n > goalMaxChars {
		imp = widget.WarningImportance
	}
	setLabel(r.chars, fmt.Sprintf("%d 字", n), imp)
	setText(&r.text.Entry, g.Text)
	v.fitRow(r)
	if i == 0 {
		r.up.Disable()
	} else {
		r.up.Enable()
	}
	if i+1 >= len(v.e.form.Goals) {
		r.down.Disable()
	} else {
		r.down.Enable()
	}
}

// fitRow gives r's list item the height of its whole text (items are
// reused, so the height is set for the goal it shows now).
func (v *goalsView) fitRow(r *goalRow) {
	if r.i < 0 || r.i >= len(v.e.form.Goals) {
		return
	}
	h := max(r.content.MinSize().Height, v.rowH)
	if v.heights[r.i] != h {
		v.heights[r.i] = h
		v.list.SetItemHeight(r.i, h)
	}
}

func (v *goalsView) refresh(structural bool) {
	setLabel(v.count, fmt.Sprintf("共 %d 个目标。目标的序号按顺序自动编排；任务表中对应的目标序号随之更新。", len(v.e.form.Goals)), widget.MediumImportance)
	if structural {
		clear(v.heights) // rows may have moved: each is fitted again when shown
		v.list.Refresh()
		return
	}
	// A keystroke changes one goal: update the items shown in place.
	shown := make([]*goalRow, 0, len(v.shown))
	for _, r := range v.shown {
		shown = append(shown, r)
	}
	for _, r := range shown {
		if r.i < len(v.e.form.Goals) {
			v.update(r, r.i)
		}
	}
}

func (v *goalsView) focusRow(i int) bool {
	if i < 0 || i >= len(v.e.form.Goals) {
		return false
	}
	v.list.ScrollTo(i)
	if r := v.shown[i]; r != nil && r.i == i {
		return v.e.focusObject(r.text)
	}
	return false
}

func (v *goalsView) focus(loc model.Location) bool { return v.focusRow(loc.Row) }
