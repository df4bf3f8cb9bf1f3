package glfw

// Test of the jixiao patch in processKeyPressed (PATCHES.md): an Esc the
// focused widget left unused reaches the canvas's OnTypedKey. It needs no
// display: the window is never created, only its key routing is run.

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// keyTaker is a focusable object that records its keys and may act on Esc.
type keyTaker struct {
	*canvas.Rectangle
	keys  []fyne.KeyName
	onEsc func()
}

func newKeyTaker() *keyTaker { return &keyTaker{Rectangle: canvas.NewRectangle(nil)} }

func (k *keyTaker) FocusGained()       {}
func (k *keyTaker) FocusLost()         {}
func (k *keyTaker) TypedRune(rune)     {}
func (k *keyTaker) MinSize() fyne.Size { return fyne.NewSize(10, 10) }
func (k *keyTaker) TypedKey(ev *fyne.KeyEvent) {
	k.keys = append(k.keys, ev.Name)
	if ev.Name == fyne.KeyEscape && k.onEsc != nil {
		k.onEsc()
	}
}

func TestEscapeUnusedByFocusedWidgetReachesCanvas(t *testing.T) {
	for _, tc := range []struct {
		name      string
		key       fyne.KeyName
		onEsc     func(w *window, overlay fyne.CanvasObject, k *keyTaker)
		wantCanvs int // calls of the canvas's OnTypedKey
	}{
		{"Esc on a widget that ignores it (a button)", fyne.KeyEscape, nil, 1},
		{"another key stays the widget's", fyne.KeySpace, nil, 0},
		{"Esc that closed an overlay (a pop-up menu)", fyne.KeyEscape,
			func(w *window, overlay fyne.CanvasObject, _ *keyTaker) { w.canvas.Overlays().Remove(overlay) }, 0},
		{"Esc that moved the focus", fyne.KeyEscape,
			func(w *window, _ fyne.CanvasObject, k *keyTaker) { w.canvas.Unfocus() }, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t) // the canvas reads the theme
			w := &window{canvas: newCanvas()}
			w.canvas.SetContent(container.NewStack(newKeyTaker()))
			k := newKeyTaker()
			overlay := container.NewStack(k)
			w.canvas.Overlays().Add(overlay)
			if tc.onEsc != nil {
				k.onEsc = func() { tc.onEsc(w, overlay, k) }
			}
			w.canvas.Focus(k)
			if w.canvas.Focused() != k {
				t.Fatal("the overlay's widget did not take the focus")
			}
			var canvasKeys []fyne.KeyName
			w.canvas.SetOnTypedKey(func(ev *fyne.KeyEvent) { canvasKeys = append(canvasKeys, ev.Name) })

			w.processKeyPressed(tc.key, tc.key, 9, press, 0)

			if len(k.keys) != 1 || k.keys[0] != tc.key {
				t.Errorf("focused widget got %v, want [%s] (it keeps the first say)", k.keys, tc.key)
			}
			if len(canvasKeys) != tc.wantCanvs {
				t.Errorf("canvas got %v, want %d call(s)", canvasKeys, tc.wantCanvs)
			}
		})
	}
}

func TestEscapeWithNoFocusGoesToCanvasOnce(t *testing.T) {
	test.NewTempApp(t)
	w := &window{canvas: newCanvas()}
	w.canvas.SetContent(container.NewStack(newKeyTaker()))
	n := 0
	w.canvas.SetOnTypedKey(func(*fyne.KeyEvent) { n++ })
	w.processKeyPressed(fyne.KeyEscape, fyne.KeyEscape, 9, press, 0)
	if n != 1 {
		t.Errorf("canvas got Esc %d times, want once", n)
	}
}
