package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/model/library"
)

// adjustTarget is one declared value an 调整 can change: a task's 合计 or
// 财政资金, or an indicator's 指标值.
type adjustTarget struct {
	task  bool
	u, r  int
	field model.Field
	title string // the first line: name and the value now
	where string // the second line: the unit or the indicator's levels
	curr  string // the value as typed
}

// adjustTargets lists f's declared values: the indicators with a 指标值
// to report on, then the tasks' amounts.
func adjustTargets(f *model.Form) []adjustTarget {
	var out []adjustTarget
	for r, in := range f.Indicators {
		if in.Scorable() {
			out = append(out, adjustTarget{r: r, field: model.FieldValue, curr: in.Value,
				title: fmt.Sprintf("%s　指标值 %s", in.Name(), in.Value),
				where: fmt.Sprintf("绩效指标 第%d行 · %s › %s", r+1, in.Level1, in.Level2)})
		}
	}
	for u, un := range f.Units {
		for r, t := range un.Tasks {
			for _, fl := range []model.Field{model.FieldTotal, model.FieldFiscal} {
				a := t.Total
				if fl == model.FieldFiscal {
					a = t.Fiscal
				}
				out = append(out, adjustTarget{task: true, u: u, r: r, field: fl, curr: a.Raw(),
					title: fmt.Sprintf("%s　%s %s 万元", t.Content, fl, a.Raw()),
					where: fmt.Sprintf("年度主要任务 · %s 第%d行", un.Name, r+1)})
			}
		}
	}
	return out
}

// adjustDialog is the 调整申报值 dialog: a search-as-you-type field (the
// 指标库's search: words, or pinyin initials such as yszxl), the declared
// values that match, and for the one chosen the new value and the reason.
type adjustDialog struct {
	v       *yearView
	targets []adjustTarget
	x       *library.Index // the targets as entries, for the 指标库's search
	hits    []int
	chosen  int // index in targets, -1 none

	search *escEntry
	list   *widget.List
	what   *widget.Label
	value  *escEntry
	reason *escEntry
	ok     *widget.Button
	dlg    *dialog.CustomDialog
}

func newAdjustDialog(v *yearView) *adjustDialog {
	f := v.e.form
	d := &adjustDialog{v: v, targets: adjustTargets(f), chosen: -1}
	entries := make([]library.Entry, len(d.targets))
	for i, t := range d.targets {
		if t.task {
			tk := f.Units[t.u].Tasks[t.r]
			entries[i] = library.Entry{Source: "年度主要任务",
				Indicator: model.Indicator{Level1: f.Units[t.u].Name, Level2: string(t.field), Level3: tk.Content, Value: t.curr}}
			continue
		}
		in := f.Indicators[t.r]
		entries[i] = library.Entry{Source: "绩效指标",
			Indicator: model.Indicator{Level1: in.Level1, Level2: in.Level2, Level3: in.Level3, Sub: in.Sub, Value: in.Value, Explain: in.Explain}}
	}
	d.x = library.NewIndex(entries)
	d.search = newEscEntry()
	d.search.SetPlaceHolder("输入指标或任务名称中的字词，或拼音首字母（如 yszxl 查 预算执行率）")
	d.search.OnChanged = func(string) { d.refresh() }
	d.list = widget.NewList(func() int { return len(d.hits) },
		func() fyne.CanvasObject {
			title := cell("")
			title.TextStyle.Bold = true
			return container.NewVBox(title, small(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(d.hits) {
				return
			}
			t := d.targets[d.hits[id]]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(t.title)
			c.Objects[1].(*widget.Label).SetText(t.where)
		})
	d.list.OnSelected = func(id widget.ListItemID) {
		if id < len(d.hits) {
			d.choose(d.hits[id])
		}
	}
	d.what = widget.NewLabel("请在上面的列表中点选要调整的指标值或金额。")
	d.what.Wrapping = fyne.TextWrapWord
	d.value = newEscEntry()
	d.value.SetPlaceHolder("调整后的值")
	d.reason = newEscEntry()
	d.reason.SetPlaceHolder("调整原因（必填，会保留并印在监控表和自评表上）")
	d.ok = widget.NewButton("调整", d.apply)
	d.ok.Importance = widget.HighImportance
	d.ok.Disable()
	cancel := widget.NewButton("取消", func() { d.dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem("调整后", d.value), widget.NewFormItem("原因", d.reason))
	bottom := container.NewVBox(widget.NewSeparator(), d.what, form, container.NewHBox(d.ok, cancel))
	body := container.NewBorder(d.search, bottom, nil, nil, d.list)
	d.dlg = dialog.NewCustomWithoutButtons("调整申报值", body, v.e.win)
	d.dlg.Resize(dialogSize(v.e.win, 760, 560))
	d.refresh()
	return d
}

// refresh searches again as the clerk types.
func (d *adjustDialog) refresh() {
	d.hits = d.x.Search(library.Query{Text: d.search.Text})
	d.list.UnselectAll()
	d.list.Refresh()
	d.list.ScrollToTop()
}

// choose makes target i the one to adjust and puts its value in the entry.
func (d *adjustDialog) choose(i int) {
	d.chosen = i
	t := d.targets[i]
	d.what.SetText("调整：" + t.title + "（" + t.where + "）")
	d.value.SetText(t.curr)
	d.ok.Enable()
	d.v.e.win.Canvas().Focus(d.value)
}

// apply makes the 调整; a refusal (no reason, a value that cannot be read)
// is said in a message and the dialog stays open with what was typed.
func (d *adjustDialog) apply() {
	if d.chosen < 0 {
		return
	}
	t := d.targets[d.chosen]
	e := d.v.e
	var err error
	e.Apply(func(f *model.Form) {
		if t.task {
			err = f.AdjustTask(t.u, t.r, t.field, d.value.Text, d.reason.Text, e.clock.Now())
		} else {
			err = f.AdjustIndicator(t.r, d.value.Text, d.reason.Text, e.clock.Now())
		}
	})
	if err != nil {
		e.ShowError(errTitle("未调整", err), errMessage(err))
		return
	}
	d.dlg.Hide()
}
