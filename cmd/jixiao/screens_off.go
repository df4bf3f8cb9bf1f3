//go:build !screenshots

package main

// screenshotStart: the shipped program always starts on its own first
// screen; see screens.go for the screenshot build.
func screenshotStart() (screen string, tab int) { return "", -1 }
