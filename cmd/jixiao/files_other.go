//go:build !windows && !linux && !freebsd && !openbsd && !netbsd

package main

import "jixiao/ui"

// systemFiles: Fyne's dialog, in Chinese, where no system dialog is wired.
func systemFiles() ui.FileChooser { return ui.FyneFiles{} }
