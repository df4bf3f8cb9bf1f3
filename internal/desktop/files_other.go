//go:build !windows && !linux && !freebsd && !openbsd && !netbsd

package desktop

import "jixiao/ui"

// Files: Fyne's dialog, in Chinese, where no system dialog is wired.
func Files() ui.FileChooser { return ui.FyneFiles{} }
