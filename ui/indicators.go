package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// indicatorsView is the 绩效指标 tab: rows grouped under their 一级 and
// 二级指标; a rate's inputs sit under its row with the computed rate and
// 达标 / 未达标. The form has tens of rows, so they are plain widgets in a
// scroll, rebuilt when rows are added, removed or moved.
type indicatorsView struct {
	e      *Editor
	rows   []*indRow
	vbox   *fyne.Container
	scroll *container.Scroll
	header *fyne.Container
	box    fyne.CanvasObject
	opts   model.Options
	// cols are the indicator columns shown, in the template's order
	// (model.IndicatorOrder without 一级/二级, which head the groups);
	// heads their headers, the template's names (indicator_cols.go)
	cols   []string
	heads  string
	widths []float32      // the columns' widths, then the buttons' (indColWidths)
	picker *libraryPicker // the 指标库 dialog last opened (ui/library.go)
	// after 申报 (lock.go): the line saying so, the add buttons hidden
	lockLine *widget.Label
	adders   *fyne.Container
	topBox   *fyne.Container
	locked   bool
	// growing is true while grown lays the rows out
	growing bool
}

// indRow is the widgets of indicator i.
type indRow struct {
	i       int
	obj     fyne.CanvasObject
	parent  *widget.Label // the 三级指标 a Sub sits under
	name    *widget.Entry
	value   *widget.Entry
	fixed   *readOnlyValue // 指标值 after 申报 (lock.go)
	explain *area
	note    *area
	weight  *widget.Entry
	unit    *widget.Entry
	vtype   *widget.Select
	scoring *area
	nature  *widget.Select // 指标性质 and 指标方向 (一体化 表样)
	dir     *widget.Select
	inputs  map[string]*widget.Entry
	result  *widget.Label
	valErr  *widget.Label
}

func newIndicatorsView(e *Editor) *indicatorsView {
	v := &indicatorsView{e: e, vbox: container.NewVBox()}
	v.scroll = container.NewVScroll(v.vbox)
	v.header = container.New(newCols(indButtonsWidth))
	lib := widget.NewButtonWithIcon("从指标库添加…", theme.ContentAddIcon(), v.showLibrary)
	blank := widget.NewButtonWithIcon("添加空白指标", theme.ContentAddIcon(), func() {
		n := len(e.form.Indicators)
		l1, l2 := "", ""
		if n > 0 {
			l1, l2 = e.form.Indicators[n-1].Level1, e.form.Indicators[n-1].Level2
		}
		e.Apply(func(f *model.Form) { f.Indicators = append(f.Indicators, model.Indicator{Level1: l1, Level2: l2}) })
		v.focusAt(model.Location{Part: model.PartIndicators, Row: n, Field: model.FieldLevel3})
	})
	v.lockLine = newLockLine()
	v.adders = container.NewHBox(lib, blank)
	v.topBox = container.NewVBox(v.lockLine,
		container.NewBorder(nil, nil, nil, v.adders,
			small("计算类指标（如预算执行率）在行下方填写计算数据，比率与“达标 / 未达标”随输入即时更新。")),
		v.header)
	v.box = container.NewBorder(v.topBox, nil, nil, nil, v.scroll)
	return v
}

func (v *indicatorsView) object() fyne.CanvasObject { return v.box }

func (v *indicatorsView) refresh(structural bool) {
	f := v.e.form
	lineChanged := updateLockLine(v.lockLine, f)
	if showIf(v.adders, !f.Locked()) || lineChanged {
		v.topBox.Refresh()
	}
	if f.Locked() != v.locked {
		v.locked = f.Locked()
		structural = true
	}
	if structural || len(v.rows) != len(f.Indicators) || v.opts != f.Options || v.heads != v.headsOf() {
		v.rebuild()
	}
	for _, r := range v.rows {
		v.update(r)
	}
}

func (v *indicatorsView) rebuild() {
	f := v.e.form
	v.opts = f.Options
	v.columns()
	v.rows = v.rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(f.Indicators)*2)
	var l1, l2 string
	for i, in := range f.Indicators {
		if i == 0 || in.Level1 != l1 {
			l1, l2 = in.Level1, ""
			h := widget.NewLabelWithStyle("一级指标："+orDash(in.Level1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			h.SizeName = theme.SizeNameSubHeadingText
			objs = append(objs, h)
		}
		if in.Level2 != l2 || i == 0 {
			l2 = in.Level2
			objs = append(objs, container.NewHBox(widget.NewLabel("　"), heading("二级指标："+orDash(in.Level2))))
		}
		r := v.newRow(i)
		v.rows = append(v.rows, r)
		objs = append(objs, r.obj)
	}
	if len(f.Indicators) == 0 {
		objs = append(objs, widget.NewLabel("还没有绩效指标。请点“从指标库添加…”选择常用指标，或“添加空白指标”。"))
	}
	v.vbox.Objects = objs
	v.vbox.Refresh()
}

// grown lays the rows out again after a text box changed its height.
func (v *indicatorsView) grown() {
	if v.growing {
		return
	}
	v.growing = true
	defer func() { v.growing = false }()
	w := v.vbox.Size().Width
	if w <= 0 {
		return
	}
	v.vbox.Resize(fyne.NewSize(w, v.vbox.MinSize().Height))
	v.vbox.Layout.Layout(v.vbox.Objects, v.vbox.Size())
	v.scroll.Refresh()
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（未填写）"
	}
	return s
}

func (v *indicatorsView) newRow(i int) *indRow {
	e := v.e
	in := e.form.Indicators[i]
	r := &indRow{i: i, inputs: map[string]*widget.Entry{}}
	key := func(field string) string { return fmt.Sprintf("ind/%d/%s", i, field) }
	text := func(field string, set func(in *model.Indicator, s string)) func(string) {
		return func(s string) {
			e.ApplyKeyed(key(field), func(f *model.Form) {
				if i < len(f.Indicators) {
					set(&f.Indicators[i], s)
				}
			})
		}
	}
	r.parent = small("")
	r.name = widget.NewEntry()
	r.name.SetPlaceHolder("指标名称")
	r.name.OnChanged = text("name", func(in *model.Indicator, s string) {
		if in.Sub != "" {
			in.Sub = s
		} else {
			in.Level3 = s
		}
	})
	r.value = widget.NewEntry()
	r.value.SetPlaceHolder("如 ≥98%")
	r.value.OnChanged = text("value", func(in *model.Indicator, s string) { in.Value = s })
	r.fixed = newReadOnlyValue(fyne.TextAlignLeading)
	if e.form.Locked() {
		r.value.Hide()
	} else {
		r.fixed.Hide()
	}
	r.explain = newArea(2)
	r.explain.OnChanged = text("explain", func(in *model.Indicator, s string) { in.Explain = s })
	r.note = newArea(2)
	r.note.OnChanged = text("note", func(in *model.Indicator, s string) { in.Note = s })
	r.weight = widget.NewEntry()
	r.weight.OnChanged = text("weight", func(in *model.Indicator, s string) { in.Weight = s })
	r.unit = widget.NewEntry()
	r.unit.OnChanged = text("unit", func(in *model.Indicator, s string) { in.Unit = s })
	r.vtype = widget.NewSelect([]string{"定量", "定性"}, nil)
	r.vtype.PlaceHolder = "选择"
	r.vtype.OnChanged = func(s string) {
		if i < len(e.form.Indicators) && e.form.Indicators[i].ValueType != s {
			e.ApplyKeyed(key("valueType"), func(f *model.Form) { f.Indicators[i].ValueType = s })
		}
	}
	r.scoring = newArea(2)
	r.scoring.OnChanged = text("scoring", func(in *model.Indicator, s string) { in.Scoring = s })
	// The row is as tall as its longest text.
	for _, a := range []*area{r.explain, r.note, r.scoring} {
		a.OnHeight = func(float32) { v.grown() }
	}
	up := iconButton("上移", theme.MoveUpIcon(), func() {
		if i > 0 {
			e.Apply(func(f *model.Form) { f.MoveIndicator(i, i-1) })
		}
	})
	dn := iconButton("下移", theme.MoveDownIcon(), func() {
		if i+1 < len(e.form.Indicators) {
			e.Apply(func(f *model.Form) { f.MoveIndicator(i, i+1) })
		}
	})
	del := iconButton("删除", theme.DeleteIcon(), func() { v.deleteRow(i) })
	if i == 0 {
		up.Disable()
	}
	if i+1 == len(e.form.Indicators) {
		dn.Disable()
	}
	nameCell := container.NewVBox(r.parent, r.name)
	if in.Sub == "" {
		r.parent.Hide()
	}
	r.valErr = small("")
	r.valErr.Importance = widget.DangerImportance
	r.valErr.Hide()
	r.nature, r.dir = e.indicatorSelects(i)
	btns := container.NewGridWithColumns(3, up, dn, del)
	if e.form.Locked() {
		btns.Hide() // rows are neither added, deleted nor moved after 申报
	}
	line := v.rowLine(r, nameCell, container.NewVBox(btns))
	parts := []fyne.CanvasObject{line, r.valErr}
	if last := lastYearLine(in); last != nil {
		parts = append(parts, last) // 复制自自评草稿: 上年完成值 and 得分 (stage.go)
	}
	if fm, ok := model.FormulaFor(in.Formula); ok {
		grid := container.NewGridWithColumns(2)
		for _, name := range fm.Inputs {
			en := widget.NewEntry()
			en.SetPlaceHolder("填写数字")
			en.OnChanged = func(s string) {
				e.ApplyKeyed(key("input/"+name), func(f *model.Form) {
					if i >= len(f.Indicators) {
						return
					}
					in := &f.Indicators[i]
					if in.Inputs == nil {
						in.Inputs = map[string]string{}
					}
					in.Inputs[name] = s
				})
			}
			r.inputs[name] = en
			l := small(name)
			l.Alignment = fyne.TextAlignTrailing
			grid.Add(container.New(newCols(0, 130), l, en))
		}
		r.result = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		r.result.Wrapping = fyne.TextWrapWord
		formula := small("公式：" + fm.Text)
		calc := container.NewBorder(formula, nil, nil, nil, container.New(newCols(0, 330), container.NewVBox(grid), container.NewVBox(r.result)))
		parts = append(parts, container.NewBorder(nil, nil, widget.NewLabel("　　计算"), nil, calc))
	}
	parts = append(parts, widget.NewSeparator())
	r.obj = container.NewVBox(parts...)
	return r
}

func (v *indicatorsView) update(r *indRow) {
	f := v.e.form
	if r.i >= len(f.Indicators) {
		return
	}
	in := f.Indicators[r.i]
	if in.Sub != "" {
		setLabel(r.parent, in.Level3+" ›", widget.LowImportance)
		setText(r.name, in.Sub)
	} else {
		setText(r.name, in.Level3)
	}
	setText(r.value, in.Value)
	t := model.ParseTarget(in.Value)
	r.fixed.set(in.Value, t.Kind == model.TargetInvalid)
	setText(&r.explain.Entry, in.Explain)
	setText(&r.note.Entry, in.Note)
	setText(r.weight, in.Weight)
	setText(r.unit, in.Unit)
	setText(&r.scoring.Entry, in.Scoring)
	if r.vtype.Selected != in.ValueType {
		r.vtype.SetSelected(in.ValueType)
	}
	if t.Kind == model.TargetInvalid {
		setLabel(r.valErr, "指标值："+t.Reason, widget.DangerImportance)
		r.valErr.Show()
	} else {
		r.valErr.Hide()
	}
	for name, en := range r.inputs {
		setText(en, in.Inputs[name])
	}
	if r.result != nil {
		rate := model.EvalRate(in)
		txt, imp := rateText(rate)
		setLabel(r.result, txt, imp)
	}
}

// rateText is the computed rate as shown beside its inputs.
func rateText(r model.Rate) (string, widget.Importance) {
	switch r.State {
	case model.RateOK:
		s := "计算结果 " + r.Display()
		switch r.Met {
		case model.Met:
			return s + "　达标", widget.SuccessImportance
		case model.NotMet:
			return s + "　未达标（指标值 " + r.Target.String() + "）", widget.DangerImportance
		}
		return s, widget.MediumImportance
	case model.RateMissing:
		return r.Message, widget.LowImportance
	case model.RateNone:
		return "", widget.LowImportance
	}
	return r.Message, widget.WarningImportance
}

func (v *indicatorsView) deleteRow(i int) {
	e := v.e
	if i >= len(e.form.Indicators) {
		return
	}
	do := func() {
		e.Apply(func(f *model.Form) { f.Indicators = append(f.Indicators[:i:i], f.Indicators[i+1:]...) })
	}
	in := e.form.Indicators[i]
	dialog.ShowConfirm("删除指标", fmt.Sprintf("删除第%d行“%s”？", i+1, in.Name()), func(ok bool) {
		if ok {
			do()
		}
	}, e.win)
}

// insertPos is where in goes: after the last row with the same 一级 and
// 二级指标, else after the last row with the same 一级指标, else at the end.
func insertPos(rows []model.Indicator, in model.Indicator) int {
	last1, last2 := -1, -1
	for i, r := range rows {
		if r.Level1 == in.Level1 {
			last1 = i
			if r.Level2 == in.Level2 {
				last2 = i
			}
		}
	}
	switch {
	case last2 >= 0:
		return last2 + 1
	case last1 >= 0:
		return last1 + 1
	}
	return len(rows)
}

// focusAt scrolls to indicator loc.Row and focuses its field.
func (v *indicatorsView) focusAt(loc model.Location) bool {
	if loc.Row < 0 || loc.Row >= len(v.rows) {
		return false
	}
	r := v.rows[loc.Row]
	var o fyne.CanvasObject = r.value
	switch loc.Field {
	case model.FieldLevel3, model.FieldSub, model.FieldLevel1, model.FieldLevel2:
		o = r.name
	case model.FieldExplain:
		o = r.explain
	case model.FieldNote:
		o = r.note
	case model.FieldWeight:
		o = r.weight
	case model.FieldUnit:
		o = r.unit
	case model.FieldValueType:
		o = r.vtype
	case model.FieldScoring:
		o = r.scoring
	case model.FieldNature:
		o = r.nature
	case model.FieldDirection:
		o = r.dir
	case model.FieldInput:
		if en, ok := r.inputs[loc.Input]; ok {
			o = en
		} else {
			for _, name := range inputOrder(v.e.form.Indicators[loc.Row]) {
				if en := r.inputs[name]; en != nil && en.Text == "" {
					o = en
					break
				}
			}
		}
	}
	// Scroll so the row is in view.
	y := r.obj.Position().Y
	if y < v.scroll.Offset.Y || y+r.obj.Size().Height > v.scroll.Offset.Y+v.scroll.Size().Height {
		v.scroll.Offset.Y = max(0, min(y-20, v.vbox.MinSize().Height-v.scroll.Size().Height))
		v.scroll.Refresh()
	}
	if !o.Visible() || !v.showsField(loc.Field) {
		o = r.name // also the read-only 指标值 after 申报
	}
	return v.e.focusObject(o)
}

func inputOrder(in model.Indicator) []string {
	if fm, ok := model.FormulaFor(in.Formula); ok {
		return fm.Inputs
	}
	return nil
}

func (v *indicatorsView) focus(loc model.Location) bool { return v.focusAt(loc) }
