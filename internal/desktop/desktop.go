// Package desktop is what the window needs from the system it runs on,
// kept out of cmd/jixiao so that the program's main package only wires:
//
//   - Files: the system's own open and save dialogs (the XDG desktop
//     portal over the local session D-Bus, zenity, Windows' common
//     dialogs), each falling back to Fyne's dialog in Chinese;
//   - FitToScreen: maximise the window on a small screen's work area;
//   - ReleaseMemorySoon: hand freed heap back to the system a little after
//     the last tab switch;
//   - Quiet: environment settings that spare the clerk's terminal messages
//     that are not about jixiao, set before Fyne starts;
//   - with -tags memprof, heap profiles on SIGUSR1 (memprof.go).
//
// It may import Fyne and GLFW but not fyne.io/fyne/v2/app (only cmd/ does).
package desktop

import (
	"os"
	"runtime"
)

// Quiet spares the clerk's terminal messages that are not about jixiao:
// the editor's theme is always light, so Fyne need not watch the desktop's
// dark-mode setting over D-Bus (which logs an error where there is no
// session bus); and outside a Wayland session GLFW need not probe Wayland
// (libwayland prints "XDG_RUNTIME_DIR is invalid" when it is unset). Call
// it before the app is created.
func Quiet() {
	if os.Getenv("FYNE_THEME") == "" {
		os.Setenv("FYNE_THEME", "light")
	}
	if runtime.GOOS == "linux" && os.Getenv("FYNE_PLATFORM") == "" &&
		os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("DISPLAY") != "" {
		os.Setenv("FYNE_PLATFORM", "x11")
	}
}
