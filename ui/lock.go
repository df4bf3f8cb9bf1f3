package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// After the declaration (model.Form.Locked) its amounts and 指标值 are
// shown read-only — labels, not entries that refuse what is typed — and
// the controls that add, delete or move rows are gone. The tabs that show
// them (年度主要任务, 绩效指标) say so in a line at the top, with the two
// ways to change a declared value.

// lockText is the line at the top of a tab with read-only declared
// values; "" while the draft is at 申报.
func lockText(f *model.Form) string {
	if !f.Locked() {
		return ""
	}
	return "“" + f.StageLabel() + "”阶段：申报的金额和指标值只读（灰底），行不能添加、删除或移动；名称、内容和备注仍可修改\n" +
		"要改申报值：在“监控与自评”页点“调整申报值…”并写明原因（原因印在监控表和自评表上）；或用 编辑 › 撤销、文件 › 历史版本… 回到切换阶段之前"
}

// newLockLine is the read-only line of a tab, hidden at 申报.
func newLockLine() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// updateLockLine shows f's lockText in l; it reports whether l was shown
// or hidden by the call (its container must then be laid out again).
func updateLockLine(l *widget.Label, f *model.Form) bool {
	s := cjkText(lockText(f))
	if l.Text != s {
		l.SetText(s)
	}
	return showIf(l, s != "")
}

// readOnlyValue is a declared value shown read-only: a label in a grey
// box, so it looks like neither an entry nor free text.
type readOnlyValue struct {
	widget.BaseWidget
	label *widget.Label
	bg    fyne.CanvasObject
}

func newReadOnlyValue(align fyne.TextAlign) *readOnlyValue {
	r := &readOnlyValue{label: widget.NewLabel("")}
	r.label.Alignment = align
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.bg = readOnlyBackground()
	r.ExtendBaseWidget(r)
	return r
}

func (r *readOnlyValue) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.label))
}

// Text is the value shown.
func (r *readOnlyValue) Text() string { return r.label.Text }

// set shows s, red when bad.
func (r *readOnlyValue) set(s string, bad bool) {
	imp := widget.MediumImportance
	if bad {
		imp = widget.DangerImportance
	}
	setLabel(r.label, s, imp)
}

// readOnlyBackground is the grey box behind a read-only value.
func readOnlyBackground() fyne.CanvasObject {
	// a translucent grey, visible on the light and the dark theme alike
	bg := canvas.NewRectangle(color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30})
	bg.CornerRadius = theme.InputRadiusSize()
	return bg
}
