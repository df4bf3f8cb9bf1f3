package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/ui/widgets"
)

// area is a multi-line, word-wrapping entry that grows to show its whole
// text (no scrolling inside it, so the mouse wheel scrolls the page) and
// leaves the Tab key to focus traversal.
type area = widgets.GrowEntry

func newArea(rows int) *area { return widgets.NewGrowEntry(rows) }

// setText shows s in en without calling its OnChanged (the model already
// holds s) and without touching en when it already shows s, so that the
// cursor and an IME composition are left alone while the clerk types.
func setText(en *widget.Entry, s string) {
	if en.Text == s {
		return
	}
	cb := en.OnChanged
	en.OnChanged = nil
	en.SetText(s)
	en.OnChanged = cb
}

// setLabel sets a label's text and importance, refreshing only on change.
func setLabel(l *widget.Label, s string, imp widget.Importance) {
	if l.Text == s && l.Importance == imp {
		return
	}
	l.Text, l.Importance = s, imp
	l.Refresh()
}

// small returns a label in the caption size, truncated with an ellipsis.
func small(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// cell returns a truncating label for table cells.
func cell(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// heading returns a bold label.
func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// iconButton is a small low-importance button showing only icon. name
// says what it does; Fyne 2.8 has no tooltip or accessible name to put it
// in, so it only documents the call.
func iconButton(name string, icon fyne.Resource, tapped func()) *widget.Button {
	_ = name
	b := widget.NewButtonWithIcon("", icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// wrapped makes l wrap at word boundaries, so that a long line grows the
// label's height on a narrow window instead of the window's least width.
func wrapped(l *widget.Label) *widget.Label {
	l.Wrapping = fyne.TextWrapWord
	return l
}

// cjkText drops the blanks that stand between Chinese characters (or
// Chinese punctuation) in s: Fyne wraps a label only at blanks, so a blank
// in Chinese text ends a line early and leaves “18” or “·” alone at its
// end, while text without blanks is broken where the line is full. Blanks
// between Latin letters or digits stay.
func cjkText(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (rs[i-1] > 0x7f || rs[i+1] > 0x7f) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
