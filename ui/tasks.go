package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// tasksView is the 年度主要任务 tab: one virtualised list whose items are
// unit headers (任务名称 with the unit's subtotals) and task rows, so that a
// 2,000-row form stays fast; the grand total is always visible below.
type tasksView struct {
	e       *Editor
	items   []taskRef // flattened: header of unit u (row -1), then its rows
	starts  []int     // index in items of each unit's header
	list    *widget.List
	header  *fyne.Container
	hdrCols []*widget.Label
	total   *widget.Label
	bad     *widget.Label
	shown   map[int]*taskItem // item index → list item showing it
	tall    map[int]bool      // items given the height for an error line
	rowH    float32           // height of a one-line item
	rowH2   float32           // height of an item with its error line
	columns [2]bool           // 上年 columns shown, 其他资金 shown
	// confirmAll confirms every row copied from last year (复制上年)
	confirmAll *widget.Button
	topBar     *fyne.Container // help text, 全部确认, 添加单位
	addUnit    *widget.Button
	lockLine   *widget.Label // after 申报: what is read-only and how to change it
	top        *fyne.Container
	locked     bool // the items show the declaration read-only
	box        fyne.CanvasObject
}

// taskRef is one list item: a unit header (row -1) or a task row.
type taskRef struct{ unit, row int }

// amount columns of a task row.
type amountCol int

const (
	colTotal amountCol = iota
	colFiscal
	colOther
)

var amountFields = [...]model.Field{model.FieldTotal, model.FieldFiscal, model.FieldOther}

func taskAmount(t *model.Task, c amountCol) *model.Amount {
	return [...]*model.Amount{&t.Total, &t.Fiscal, &t.Other}[c]
}

func prevAmount(p *model.PrevAmounts, c amountCol) model.Amount {
	return [...]model.Amount{p.Total, p.Fiscal, p.Other}[c]
}

// Column widths of the task table: №, 主要内容 (flex), then per amount the
// entry and its 上年 label, 备注, buttons.
const (
	wNum    = 40
	wAmount = 104
	wPrev   = 118
	wNote   = 150
	wBtns   = 96
	// wSubtotal is the unit's 小计 beside its name: the whole line of a
	// unit of 万元 amounts with the 有误 count at 1366 px.
	wSubtotal = 380
)

func taskCols() *colsLayout {
	l := newCols(wNum, 0, wAmount, wPrev, wAmount, wPrev, wAmount, wPrev, wNote, wBtns)
	// 主要内容 keeps room for its text when the 上年 columns of a carried
	// draft are shown: the amounts, 上年 and 备注 give up width first.
	l.keep = 300
	// With every column shown (其他资金 and 上年) the table still fits an
	// 800-pixel window: the wide columns may give up 40 %.
	l.shrink = 0.4
	return l
}

// taskItem is one list item; it shows either a unit header or a task row.
type taskItem struct {
	widget.BaseWidget
	v   *tasksView
	ref taskRef
	id  int

	// unit header
	head     *fyne.Container
	unitNum  *widget.Label
	unitName *widget.Entry
	subtotal *widget.Label

	// task row
	row     *fyne.Container
	line    *fyne.Container
	num     *widget.Label
	content *widget.Entry
	amounts [3]*widget.Entry
	fixed   [3]*readOnlyValue  // the amounts after 申报 (lock.go)
	cells   [3]*fyne.Container // each amount's entry and read-only value
	prevs   [3]*widget.Label
	note    *widget.Entry
	up, dn  *widget.Button
	btns    *fyne.Container // 上移, 下移, 删除行
	errLine *widget.Label
	errBox  *fyne.Container
	confirm *widget.Button // 确认: this row's copied amounts are right

	unitConfirm *widget.Button      // 确认本单位
	unitBtns    []fyne.CanvasObject // 添加行, 上移/下移/删除单位

	stack *fyne.Container
}

func (it *taskItem) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(it.stack) }

func newTasksView(e *Editor) *tasksView {
	v := &tasksView{e: e, shown: map[int]*taskItem{}, tall: map[int]bool{}}
	v.list = widget.NewList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject { return v.newItem() },
		func(id widget.ListItemID, o fyne.CanvasObject) { v.update(o.(*taskItem), id) },
	)
	names := []string{"序号", "主要内容", "合计", "上年 / 增减", "财政资金", "上年 / 增减", "其他资金", "上年 / 增减", "备注", ""}
	v.header = container.New(taskCols())
	for _, n := range names {
		l := heading(n)
		l.Truncation = fyne.TextTruncateEllipsis
		v.hdrCols = append(v.hdrCols, l)
		v.header.Add(l)
	}
	// The optional columns start hidden, as in the items (newItem): the
	// tab's least width before it is first shown is a plain form's.
	for _, c := range []int{3, 5, 6, 7} {
		v.hdrCols[c].Hide()
	}
	v.total = heading("")
	v.bad = widget.NewLabel("")
	v.bad.Importance = widget.DangerImportance
	v.bad.Wrapping = fyne.TextWrapWord
	v.bad.Hide()
	v.addUnit = widget.NewButtonWithIcon("添加单位", theme.ContentAddIcon(), func() {
		n := len(e.form.Units)
		e.Apply(func(f *model.Form) { f.Units = append(f.Units, model.Unit{Tasks: []model.Task{{}}}) })
		v.focusAt(model.Location{Part: model.PartTasks, Unit: n, Row: -1, Field: model.FieldUnitName})
	})
	v.confirmAll = widget.NewButton("全部确认", func() {
		e.Apply(func(f *model.Form) { f.ConfirmAll() })
		v.sayUnconfirmed(e.form.ReviewCount())
	})
	v.confirmAll.Importance = widget.WarningImportance
	v.confirmAll.Hide()
	v.topBar = container.NewBorder(nil, nil, nil, container.NewHBox(v.confirmAll, v.addUnit), small("金额单位：万元。金额边输边检查，有误的金额保留原文并标红说明；合计随时更新。"))
	v.lockLine = newLockLine()
	v.top = container.NewVBox(v.lockLine, v.topBar, v.header)
	bottom := container.NewVBox(v.bad, widget.NewSeparator(), container.NewHBox(widget.NewLabel("总计"), v.total))
	v.box = container.NewBorder(v.top, bottom, nil, nil, v.list)
	return v
}

func (v *tasksView) object() fyne.CanvasObject { return v.box }

func (v *tasksView) newItem() *taskItem {
	e := v.e
	it := &taskItem{v: v}
	// unit header
	it.unitNum = heading("")
	it.unitName = widget.NewEntry()
	it.unitName.SetPlaceHolder("单位名称")
	it.unitName.OnChanged = func(s string) {
		u := it.ref.unit
		e.ApplyKeyed(fmt.Sprintf("unit/%d/name", u), func(f *model.Form) {
			if u < len(f.Units) {
				f.Units[u].Name = s
			}
		})
	}
	it.subtotal = widget.NewLabel("")
	it.subtotal.TextStyle.Bold = true
	it.subtotal.Alignment = fyne.TextAlignTrailing
	it.subtotal.Truncation = fyne.TextTruncateEllipsis
	addRow := iconButton("添加行", theme.ContentAddIcon(), func() {
		u := it.ref.unit
		n := len(e.form.Units[u].Tasks)
		e.Apply(func(f *model.Form) { f.Units[u].Tasks = append(f.Units[u].Tasks, model.Task{}) })
		v.focusAt(model.Location{Part: model.PartTasks, Unit: u, Row: n, Field: model.FieldContent})
	})
	unitUp := iconButton("上移单位", theme.MoveUpIcon(), func() {
		u := it.ref.unit
		if u > 0 {
			e.Apply(func(f *model.Form) { f.MoveUnit(u, u-1) })
			v.focusAt(model.Location{Part: model.PartTasks, Unit: u - 1, Row: -1, Field: model.FieldUnitName})
		}
	})
	unitDown := iconButton("下移单位", theme.MoveDownIcon(), func() {
		u := it.ref.unit
		if u+1 < len(e.form.Units) {
			e.Apply(func(f *model.Form) { f.MoveUnit(u, u+1) })
			v.focusAt(model.Location{Part: model.PartTasks, Unit: u + 1, Row: -1, Field: model.FieldUnitName})
		}
	})
	unitDel := iconButton("删除单位", theme.DeleteIcon(), func() { v.deleteUnit(it.ref.unit) })
	it.unitConfirm = widget.NewButton("确认本单位", func() {
		u := it.ref.unit
		e.Apply(func(f *model.Form) { f.ConfirmUnit(u) })
		v.sayUnconfirmed(e.form.UnitReviewCount(u))
	})
	it.unitConfirm.Importance = widget.WarningImportance
	it.unitConfirm.Hide()
	it.unitBtns = []fyne.CanvasObject{addRow, unitUp, unitDown, unitDel}
	it.head = container.NewBorder(nil, nil, container.NewHBox(it.unitNum),
		container.NewHBox(it.unitConfirm, container.NewGridWrap(fyne.NewSize(wSubtotal, it.subtotal.MinSize().Height), it.subtotal), addRow, unitUp, unitDown, unitDel), it.unitName)

	// task row
	it.num = widget.NewLabel("")
	it.num.Alignment = fyne.TextAlignTrailing
	it.content = widget.NewEntry()
	it.content.SetPlaceHolder("主要内容")
	it.content.OnChanged = func(s string) {
		r := it.ref
		e.ApplyKeyed(fmt.Sprintf("task/%d/%d/content", r.unit, r.row), func(f *model.Form) {
			if t := taskAt(f, r); t != nil {
				t.Content = s
			}
		})
	}
	for c := range it.amounts {
		en := widget.NewEntry()
		en.SetPlaceHolder("0")
		col := amountCol(c)
		en.OnChanged = func(s string) {
			r := it.ref
			e.ApplyKeyed(fmt.Sprintf("task/%d/%d/%s", r.unit, r.row, amountFields[col]), func(f *model.Form) {
				if t := taskAt(f, r); t != nil {
					*taskAmount(t, col) = model.ParseAmount(s)
					t.Review = false
				}
			})
		}
		it.amounts[c] = en
		it.fixed[c] = newReadOnlyValue(fyne.TextAlignTrailing)
		it.fixed[c].Hide()
		it.prevs[c] = small("")
	}
	it.note = widget.NewEntry()
	it.note.SetPlaceHolder("备注")
	it.note.OnChanged = func(s string) {
		r := it.ref
		e.ApplyKeyed(fmt.Sprintf("task/%d/%d/note", r.unit, r.row), func(f *model.Form) {
			if t := taskAt(f, r); t != nil {
				t.Note = s
			}
		})
	}
	it.up = iconButton("上移", theme.MoveUpIcon(), func() {
		r := it.ref
		if r.row > 0 {
			e.Apply(func(f *model.Form) { f.MoveTask(r.unit, r.row, r.row-1) })
			v.focusAt(model.Location{Part: model.PartTasks, Unit: r.unit, Row: r.row - 1, Field: model.FieldContent})
		}
	})
	it.dn = iconButton("下移", theme.MoveDownIcon(), func() {
		r := it.ref
		if r.row+1 < len(e.form.Units[r.unit].Tasks) {
			e.Apply(func(f *model.Form) { f.MoveTask(r.unit, r.row, r.row+1) })
			v.focusAt(model.Location{Part: model.PartTasks, Unit: r.unit, Row: r.row + 1, Field: model.FieldContent})
		}
	})
	del := iconButton("删除行", theme.DeleteIcon(), func() { v.deleteTask(it.ref) })
	it.btns = container.NewGridWithColumns(3, it.up, it.dn, del)
	amount := func(c int) fyne.CanvasObject {
		it.cells[c] = container.NewStack(it.amounts[c], it.fixed[c])
		return it.cells[c]
	}
	it.line = container.New(taskCols(), it.num, it.content,
		amount(0), it.prevs[0], amount(1), it.prevs[1], amount(2), it.prevs[2],
		it.note, it.btns)
	it.errLine = small("")
	it.errLine.Importance = widget.DangerImportance
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(fyne.NewSize(wNum, 1))
	it.confirm = widget.NewButton("确认", func() {
		r := it.ref
		e.Apply(func(f *model.Form) { f.ConfirmTask(r.unit, r.row) })
		if t := taskAt(e.form, r); t != nil && t.Review {
			v.sayUnconfirmed(1)
		}
	})
	it.confirm.Importance = widget.WarningImportance
	it.confirm.Hide()
	// 确认 before the line, never at the right edge under the scroll bar
	it.errBox = container.NewBorder(nil, nil, container.NewHBox(pad, it.confirm), nil, it.errLine)
	it.errBox.Hide()
	// The optional columns (其他资金, 上年) start hidden, so that the
	// list's least width is that of a plain form; update shows them.
	it.cells[colOther].Hide()
	for _, p := range it.prevs {
		p.Hide()
	}
	it.row = container.NewVBox(it.line, it.errBox)
	it.head.Hide()
	it.stack = container.NewStack(it.head, it.row)
	it.ExtendBaseWidget(it)
	return it
}

func taskAt(f *model.Form, r taskRef) *model.Task {
	if r.unit < 0 || r.unit >= len(f.Units) || r.row < 0 || r.row >= len(f.Units[r.unit].Tasks) {
		return nil
	}
	return &f.Units[r.unit].Tasks[r.row]
}

// rebuild flattens the units into list items.
func (v *tasksView) rebuild() {
	v.items = v.items[:0]
	v.starts = v.starts[:0]
	for u, un := range v.e.form.Units {
		v.starts = append(v.starts, len(v.items))
		v.items = append(v.items, taskRef{u, -1})
		for t := range un.Tasks {
			v.items = append(v.items, taskRef{u, t})
		}
	}
}

// index is the item index of (unit, row); row -1 is the unit header.
func (v *tasksView) index(unit, row int) int {
	if unit < 0 || unit >= len(v.starts) {
		return -1
	}
	if row >= len(v.e.form.Units[unit].Tasks) {
		return -1
	}
	return v.starts[unit] + 1 + row
}

func (v *tasksView) update(it *taskItem, id int) {
	if old := v.shown[it.ref.unit*1_000_000+it.ref.row]; old == it {
		delete(v.shown, it.ref.unit*1_000_000+it.ref.row)
	}
	if id >= len(v.items) {
		return
	}
	it.ref, it.id = v.items[id], id
	v.shown[it.ref.unit*1_000_000+it.ref.row] = it
	f := v.e.form
	if it.ref.row < 0 {
		it.row.Hide()
		it.head.Show()
		u := it.ref.unit
		setLabel(it.unitNum, fmt.Sprintf("单位%d", u+1), widget.MediumImportance)
		setText(it.unitName, f.Units[u].Name)
		ut := v.e.totals.Units[u]
		// What explains a red subtotal comes first, so that a narrow
		// window cuts the amounts, not the reason.
		s := fmt.Sprintf("小计 %d 项：", ut.Tasks)
		imp := widget.MediumImportance
		if ut.Invalid > 0 {
			s = fmt.Sprintf("小计 %d 项（%d 个金额有误，未计入）：", ut.Tasks, ut.Invalid)
			imp = widget.DangerImportance
		}
		s += fmt.Sprintf("合计 %s　财政资金 %s", model.FormatMoney(ut.Total, true), model.FormatMoney(ut.Fiscal, true))
		if f.Options.OtherFunds {
			s += "　其他资金 " + model.FormatMoney(ut.Other, true)
		}
		setLabel(it.subtotal, s, imp)
		if n := f.UnitReviewCount(u); n > 0 {
			it.unitConfirm.SetText(fmt.Sprintf("确认本单位 %d 行", n))
		}
		changed := showIf(it.unitConfirm, f.UnitReviewCount(u) > 0)
		for _, b := range it.unitBtns {
			changed = showIf(b, !v.locked) || changed
		}
		if changed {
			it.head.Refresh()
		}
		return
	}
	it.head.Hide()
	it.row.Show()
	t := &f.Units[it.ref.unit].Tasks[it.ref.row]
	setLabel(it.num, fmt.Sprint(it.ref.row+1), widget.LowImportance)
	setText(it.content, t.Content)
	setText(it.note, t.Note)
	// The buttons' column stays (the header has it); its buttons go.
	changed := false
	for _, b := range it.btns.Objects {
		changed = showIf(b, !v.locked) || changed
	}
	for c := range it.amounts {
		vis := c != int(colOther) || v.columns[1]
		changed = showIf(it.cells[c], vis) || changed
		changed = showIf(it.amounts[c], !v.locked) || changed
		changed = showIf(it.fixed[c], v.locked) || changed
		changed = showIf(it.prevs[c], vis && v.columns[0]) || changed
	}
	if changed {
		it.line.Refresh()
	}
	var errs []string
	for c := range it.amounts {
		a := taskAmount(t, amountCol(c))
		setText(it.amounts[c], a.Raw())
		it.fixed[c].set(a.Raw(), a.State() == model.AmountInvalid)
		if a.State() == model.AmountInvalid {
			errs = append(errs, string(amountFields[c])+"："+a.Reason())
		}
		prev := ""
		if t.Prev != nil {
			prev = prevText(prevAmount(t.Prev, amountCol(c)), *a)
		}
		setLabel(it.prevs[c], prev, widget.LowImportance)
	}
	imp := widget.DangerImportance
	if t.Review {
		// 复制上年: the amounts are last year's until the clerk confirms.
		errs = append(errs, "待核实：金额复制自上年，请核对本年金额后点“确认”（改动金额也算确认）")
		if len(errs) == 1 {
			imp = widget.WarningImportance
		}
	}
	setLabel(it.errLine, strings.Join(errs, "；"), imp)
	confirmChanged := showIf(it.confirm, t.Review)
	if showIf(it.errBox, len(errs) > 0) || confirmChanged {
		it.row.Refresh()
	}
	v.setTall(id, len(errs) > 0)
	if it.ref.row == 0 {
		it.up.Disable()
	} else {
		it.up.Enable()
	}
	if it.ref.row+1 >= len(f.Units[it.ref.unit].Tasks) {
		it.dn.Disable()
	} else {
		it.dn.Enable()
	}
}

// sayUnconfirmed explains the n rows a 确认 left waiting: their amounts
// cannot be read, so they cannot be this year's yet.
func (v *tasksView) sayUnconfirmed(n int) {
	if n <= 0 {
		return
	}
	v.e.ShowError(fmt.Sprintf("%d 行没有确认", n), fmt.Sprintf("有 %d 行的金额无法识别（行下方的红字说明是哪个金额、为什么），无法确认为本年金额。\n请先改正这些金额：改动金额即算确认。", n))
}

// showIf shows or hides o; it reports whether that changed anything.
func showIf(o fyne.CanvasObject, show bool) bool {
	if o.Visible() == show {
		return false
	}
	if show {
		o.Show()
	} else {
		o.Hide()
	}
	return true
}

// prevText is "上年 100 · +15.00%" for a carried-forward amount; the
// percentage is model.FormatChange's, as in every other place.
func prevText(prev, cur model.Amount) string {
	if !prev.Valid() {
		return "上年 —"
	}
	s := "上年 " + model.FormatMoney(prev.Money(), true)
	if cur.Valid() {
		if _, ok := model.ChangePercent(prev.Money(), cur.Money()); ok {
			s += " · " + model.FormatChange(prev.Money(), cur.Money())
		}
	}
	return s
}

// setTall gives item id the height of two lines (row and error line) or one.
func (v *tasksView) setTall(id int, tall bool) {
	if v.tall[id] == tall {
		return
	}
	if v.rowH == 0 {
		it := v.newItem()
		v.rowH = it.MinSize().Height
		it.errLine.SetText("合计")
		it.confirm.Show()
		it.errBox.Show()
		v.rowH2 = it.row.MinSize().Height
	}
	if tall {
		v.tall[id] = true
		v.list.SetItemHeight(id, v.rowH2)
	} else {
		delete(v.tall, id)
		v.list.SetItemHeight(id, v.rowH)
	}
}

func (v *tasksView) refresh(structural bool) {
	f := v.e.form
	if lock := f.Locked(); lock != v.locked {
		v.locked = lock
		structural = true
	}
	lineChanged := updateLockLine(v.lockLine, f)
	if showIf(v.addUnit, !v.locked) || lineChanged {
		v.top.Refresh()
	}
	if structural {
		v.rebuild()
		// Rows may have moved: the items shown get their height (with or
		// without an error line) as they are updated, others when they
		// scroll into view. Setting every height now would refresh the
		// whole list once per row with a wrong amount.
		v.shown = map[int]*taskItem{}
		showPrev := v.e.totals.HasPrev
		for c := range 3 {
			vis := c != int(colOther) || f.Options.OtherFunds
			for _, o := range []fyne.CanvasObject{v.hdrCols[2+2*c], v.hdrCols[3+2*c]} {
				o.Hide()
				if vis {
					o.Show()
				}
			}
			if !showPrev {
				v.hdrCols[3+2*c].Hide()
			}
		}
		v.header.Refresh()
		v.setColumns(showPrev, f.Options.OtherFunds)
	}
	if structural {
		v.list.Refresh()
	} else {
		// A cell edit: update the items shown (subtotals, error lines)
		// without re-laying out the list.
		shown := make([]*taskItem, 0, len(v.shown))
		for _, it := range v.shown {
			shown = append(shown, it)
		}
		for _, it := range shown {
			if it.id < len(v.items) && v.items[it.id] == it.ref {
				v.update(it, it.id)
			}
		}
	}
	n := f.ReviewCount()
	if n > 0 {
		v.confirmAll.SetText(fmt.Sprintf("全部确认（%d 行待核实）", n))
	}
	if showIf(v.confirmAll, n > 0) {
		v.topBar.Refresh()
	}
	t := v.e.totals
	setLabel(v.total, fmt.Sprintf("%d 个单位 %d 项　%s", len(t.Units), t.Tasks, totalsText(f, v.e.Template(), t)), widget.MediumImportance)
	if t.Invalid > 0 {
		setLabel(v.bad, fmt.Sprintf("有 %d 个金额无法识别，未计入合计；请按行下方的红字改正。", t.Invalid), widget.DangerImportance)
		v.bad.Show()
	} else {
		v.bad.Hide()
	}
}

// setColumns shows or hides the 上年 and 其他资金 columns in every item.
func (v *tasksView) setColumns(prev, other bool) {
	v.columns = [2]bool{prev, other}
	v.list.Refresh()
}

func (v *tasksView) deleteUnit(u int) {
	e := v.e
	if u >= len(e.form.Units) {
		return
	}
	un := e.form.Units[u]
	do := func() {
		e.Apply(func(f *model.Form) { f.Units = append(f.Units[:u:u], f.Units[u+1:]...) })
	}
	if un.Name == "" && (len(un.Tasks) == 0 || len(un.Tasks) == 1 && emptyTask(&un.Tasks[0])) {
		do()
		return
	}
	name := un.Name
	if name == "" {
		name = fmt.Sprintf("第%d个单位", u+1)
	}
	dialog.ShowConfirm("删除单位", fmt.Sprintf("删除“%s”及其 %d 项任务？", name, len(un.Tasks)), func(ok bool) {
		if ok {
			do()
		}
	}, e.win)
}

func (v *tasksView) deleteTask(r taskRef) {
	e := v.e
	t := taskAt(e.form, r)
	if t == nil {
		return
	}
	do := func() {
		e.Apply(func(f *model.Form) {
			ts := f.Units[r.unit].Tasks
			f.Units[r.unit].Tasks = append(ts[:r.row:r.row], ts[r.row+1:]...)
		})
	}
	if emptyTask(t) {
		do()
		return
	}
	dialog.ShowConfirm("删除任务", fmt.Sprintf("删除第%d行“%s”？", r.row+1, t.Content), func(ok bool) {
		if ok {
			do()
		}
	}, e.win)
}

// focusAt scrolls to loc's row and focuses its field.
func (v *tasksView) focusAt(loc model.Location) bool {
	row := loc.Row
	if loc.Field == model.FieldUnitName {
		row = -1
	}
	id := v.index(loc.Unit, row)
	if id < 0 {
		return false
	}
	v.list.ScrollTo(id)
	it := v.shown[loc.Unit*1_000_000+row]
	if it == nil || it.ref != (taskRef{loc.Unit, row}) {
		return false
	}
	var o fyne.CanvasObject
	switch loc.Field {
	case model.FieldUnitName:
		o = it.unitName
	case model.FieldTotal, model.FieldFiscal, model.FieldOther:
		o = it.amounts[map[model.Field]amountCol{model.FieldTotal: colTotal, model.FieldFiscal: colFiscal, model.FieldOther: colOther}[loc.Field]]
		if v.locked {
			o = it.content // the amount is read-only: its row's 主要内容
		}
	case model.FieldTaskNote:
		o = it.note
	default:
		if row < 0 {
			o = it.unitName
		} else {
			o = it.content
		}
	}
	return v.e.focusObject(o)
}

func (v *tasksView) focus(loc model.Location) bool { return v.focusAt(loc) }

func emptyTask(t *model.Task) bool {
	return t.Content == "" && t.Total.Raw() == "" && t.Fiscal.Raw() == "" && t.Other.Raw() == "" && t.Note == ""
}
