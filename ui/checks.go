package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// checksView is the 审核 tab: every finding of model.Check, errors first;
// clicking one (or Enter on it) goes to its field.
type checksView struct {
	e       *Editor
	summary *widget.Label
	list    *widget.List
	box     fyne.CanvasObject
}

func newChecksView(e *Editor) *checksView {
	v := &checksView{e: e, summary: heading("")}
	v.list = widget.NewList(
		func() int { return len(v.e.findings) },
		func() fyne.CanvasObject {
			sev := widget.NewLabelWithStyle("错误", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
			where := small("")
			msg := widget.NewLabel("")
			msg.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(52, sev.MinSize().Height), sev), nil,
				container.NewVBox(where, msg))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.e.findings) {
				return
			}
			f := v.e.findings[id]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container).Objects
			sevBox := c.Objects[1].(*fyne.Container)
			sev := sevBox.Objects[0].(*widget.Label)
			imp := widget.DangerImportance
			if f.Severity == model.SevHint {
				imp = widget.WarningImportance
			}
			setLabel(sev, f.Severity.String(), imp)
			place := f.Place // in the words of the form's template
			if place == "" {
				place = f.Loc.Describe(v.e.form)
			}
			setLabel(texts[0].(*widget.Label), place, widget.LowImportance)
			setLabel(texts[1].(*widget.Label), f.Message, widget.MediumImportance)
		},
	)
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id < len(v.e.findings) {
			v.e.Focus(v.e.findings[id].Loc)
		}
	}
	help := small("点击一条即可转到对应的位置。审核随修改即时更新；有“错误”的表不宜报送，“提示”请酌情处理。")
	v.box = container.NewBorder(container.NewVBox(container.NewHBox(widget.NewIcon(theme.InfoIcon()), v.summary), help, widget.NewSeparator()), nil, nil, nil, v.list)
	return v
}

func (v *checksView) object() fyne.CanvasObject { return v.box }

func (v *checksView) refresh(bool) {
	n := len(v.e.findings)
	errs := v.e.errors
	switch {
	case n == 0:
		setLabel(v.summary, "审核通过：没有发现问题。", widget.SuccessImportance)
	case errs == 0:
		setLabel(v.summary, fmt.Sprintf("没有错误，%d 条提示。", n), widget.WarningImportance)
	default:
		setLabel(v.summary, fmt.Sprintf("%d 个错误，%d 条提示。", errs, n-errs), widget.DangerImportance)
	}
	v.list.Refresh()
}

// Select goes to finding i as a click on it does.
func (v *checksView) Select(i int) { v.list.Select(i) }

func (v *checksView) focus(model.Location) bool { return v.e.focusObject(v.list) }
