package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/ui/widgets"
)

// Esc closes the dialog on top, as its 取消 does (Fyne's dialogs do not
// react to it). Fyne gives a key to the focused widget, or to the window's
// canvas when no widget has the focus: so the canvas handles Esc, and our
// patch to Fyne's GLFW driver (third_party/fyne/PATCHES.md) hands it an Esc
// that a focused button, check or closed select left unused. The fields of
// our dialogs are escEntry, which close the dialog themselves (so the
// headless tests, which have no GLFW driver, see it too).
//
// An input method that is composing keeps its Esc (it cancels the pinyin):
// on Linux our GLFW patch drops the keys the input method filtered, on
// Windows GLFW drops VK_PROCESSKEY (docs/ime.md), so only an Esc the input
// method did not want reaches the field. Esc cancels without asking, as
// the 取消 of a Windows or GTK dialog does: every field of our dialogs is one
// short line (年度, 部门名称, a search, a value and its reason).

// typedKey handles a key typed where no field has the focus.
func (e *Editor) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		closeTopDialog(e.win.Canvas())
	}
}

// cancelTexts are the labels of the buttons that close a dialog without
// doing anything, best first.
var cancelTexts = []string{"取消", "关闭", "否", "不采用"}

// closeTopDialog closes the dialog (or pop-up) on top as its 取消 (or 关闭,
// 否) button does, so the dialog's callback hears "cancelled"; a dialog
// with a single button (a message) is closed by that button; anything
// else is hidden. It reports whether there was something to close.
func closeTopDialog(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if b := dismissButton(top); b != nil {
		b.OnTapped()
	}
	if c.Overlays().Top() == top { // no button, or one that left it open
		top.Hide()
		if c.Overlays().Top() == top {
			c.Overlays().Remove(top)
		}
	}
	return true
}

// dismissButton is the button that cancels the dialog o, or nil.
func dismissButton(o fyne.CanvasObject) *widget.Button {
	var buttons []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if !x.Disabled() && x.OnTapped != nil {
				buttons = append(buttons, x)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.PopUp:
			walk(x.Content)
		case *container.Scroll:
			walk(x.Content)
		case *container.Split:
			walk(x.Leading)
			walk(x.Trailing)
		default:
			walk(overlayContent(o))
		}
	}
	walk(o)
	for _, t := range cancelTexts {
		for _, b := range buttons {
			if b.Text == t {
				return b
			}
		}
	}
	if len(buttons) == 1 {
		return buttons[0]
	}
	return nil
}

// overlayContent is the Content of Fyne's overlay container (the object
// Overlays().Top() gives for a pop-up), else nil.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject { return widgets.ContentOf(o) }

// escEntry is a one-line field of a dialog: Esc typed in it closes the
// dialog on top (as 取消); every other key is the entry's.
type escEntry struct {
	widget.Entry
}

// newEscEntry is an empty escEntry.
func newEscEntry() *escEntry {
	en := &escEntry{}
	en.ExtendBaseWidget(en)
	return en
}

// TypedKey closes the dialog on Esc, else types the key.
func (en *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(en); c != nil && closeTopDialog(c) {
			return
		}
	}
	en.Entry.TypedKey(ev)
}
