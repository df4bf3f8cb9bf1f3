//go:build !screenshots

package main

import (
	"fyne.io/fyne/v2"

	"jixiao/ui"
)

// screenshotStart: the shipped program always starts on its own first
// screen; see screens.go for the screenshot build.
func screenshotStart() (screen string, tab int) { return "", -1 }

// screenshotDraft: the shipped program shows the draft shown last.
func screenshotDraft() string { return "" }

// screenshotTour: only the screenshot build tours its screens.
func screenshotTour(fyne.App, *ui.Workspace) {}
