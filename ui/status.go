package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// statusBar is the line at the bottom of the window: save state, totals
// and the number of errors.
type statusBar struct {
	e      *Editor
	save   *widget.Label
	totals *widget.Label
	errs   *widget.Label
	box    fyne.CanvasObject
}

func newStatusBar(e *Editor) *statusBar {
	s := &statusBar{e: e, save: widget.NewLabel("已保存"), totals: widget.NewLabel(""), errs: widget.NewLabel("")}
	s.save.Truncation = fyne.TextTruncateEllipsis
	s.totals.Alignment = fyne.TextAlignTrailing
	s.box = container.NewBorder(widget.NewSeparator(), nil, nil,
		container.NewHBox(s.errs, s.totals), s.save)
	return s
}

func (s *statusBar) object() fyne.CanvasObject { return s.box }

// totalsText is the grand total as the status bar and the task tab show it,
// in the words of template tpl (nil: f's own among the built-in ones).
func totalsText(f *model.Form, tpl *model.Template, t model.Totals) string {
	if len(f.Units) == 0 && f.Funds != nil {
		// a 表样 without a task table: its 部门总体资金情况 instead
		// (收入合计 and 支出合计, or a one-sided table's 资金总额)
		if tpl == nil {
			tpl = model.TemplateOf(f, nil)
		}
		var parts []string
		for _, s := range model.FundsSides(tpl, f.Funds) {
			parts = append(parts, fmt.Sprintf("%s %s 万元", tpl.Funds.TotalOf(s), model.FormatMoney(f.Funds.Total(s), true)))
		}
		return strings.Join(parts, "　")
	}
	if tpl != nil && len(f.Units) == 0 && !tpl.Has(model.SectionTasks) {
		return "" // a 表样 with neither (湖南): no amounts to sum
	}
	txt := fmt.Sprintf("合计 %s 万元　财政资金 %s 万元", model.FormatMoney(t.Total, true), model.FormatMoney(t.Fiscal, true))
	if f.Options.OtherFunds {
		txt += fmt.Sprintf("　其他资金 %s 万元", model.FormatMoney(t.Other, true))
	}
	return txt
}

func (s *statusBar) refresh() {
	txt, bad := s.e.saveState()
	imp := widget.MediumImportance
	if bad {
		imp = widget.DangerImportance
	}
	setLabel(s.save, txt, imp)
	t := s.e.totals
	tot := totalsText(s.e.form, s.e.Template(), t)
	if t.Invalid > 0 {
		tot += fmt.Sprintf("（%d 个金额无法识别，未计入）", t.Invalid)
	}
	setLabel(s.totals, tot, widget.MediumImportance)
	switch {
	case s.e.errors > 0:
		setLabel(s.errs, fmt.Sprintf("审核：%d 个错误", s.e.errors), widget.DangerImportance)
	case len(s.e.findings) > 0:
		setLabel(s.errs, fmt.Sprintf("审核：%d 条提示", len(s.e.findings)), widget.WarningImportance)
	default:
		setLabel(s.errs, "审核：无错误", widget.SuccessImportance)
	}
}
