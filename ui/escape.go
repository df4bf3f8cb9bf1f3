package ui

import "fyne.io/fyne/v2"

// Esc closes the dialog on top (Fyne's dialogs do not react to it): the
// window's canvas gets the keys typed where no field has the focus.

// typedKey handles a key typed where no field has the focus.
func (e *Editor) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		closeTopDialog(e.win.Canvas())
	}
}

// closeTopDialog hides the dialog (or pop-up) on top, as its 取消 or
// 关闭 does; it reports whether there was one.
func closeTopDialog(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	top.Hide()
	if c.Overlays().Top() == top {
		c.Overlays().Remove(top)
	}
	return true
}
