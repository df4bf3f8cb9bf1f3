package desktop

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// smallScreen is a work area (the screen less the task bar) in which the
// editor opens maximised: 1366×768 and 1024×768 laptops, and 1920×1080 at
// 150 % scaling.
var smallScreen = fyne.NewSize(1400, 860)

// FitToScreen makes the window fit the screen's work area once it is
// shown: on a small screen it is maximised (the status bar stays above the
// task bar), on a large one a remembered size larger than the screen is
// reduced. It runs on the main goroutine (the app's OnStarted).
func FitToScreen(w fyne.Window) {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return
	}
	_, _, pw, ph := mon.GetWorkarea()
	scale := w.Canvas().Scale()
	if pw <= 0 || ph <= 0 || scale <= 0 {
		return
	}
	// the work area in Fyne's units, less the window's frame and title bar
	area := fyne.NewSize(float32(pw)/scale-16, float32(ph)/scale-48)
	if area.Width < smallScreen.Width || area.Height < smallScreen.Height {
		if v := glfwWindow(w); v != nil {
			v.Maximize()
			return
		}
		w.Resize(area)
		w.CenterOnScreen()
		return
	}
	sz := w.Canvas().Size()
	if sz.Width > area.Width || sz.Height > area.Height {
		w.Resize(sz.Min(area))
		w.CenterOnScreen()
	}
}

// glfwWindow is the GLFW window behind a Fyne window of the desktop
// driver (Fyne has no call to maximise a window), or nil.
func glfwWindow(w fyne.Window) (win *glfw.Window) {
	defer func() {
		if recover() != nil {
			win = nil
		}
	}()
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*glfw.Window]() {
		return nil
	}
	return *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
}
