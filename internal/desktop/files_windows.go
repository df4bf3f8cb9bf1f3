//go:build windows

package desktop

import (
	"errors"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/sqweek/dialog"

	"jixiao/ui"
)

// windowsFiles shows Windows' own open and save dialogs (GetOpenFileName,
// GetSaveFileName through github.com/sqweek/dialog, plain system calls):
// in the system's language, with its keyboard handling, a typed full path
// and the system's own overwrite question.
type windowsFiles struct{}

// Files is the file chooser of this platform.
func Files() ui.FileChooser { return windowsFiles{} }

func (windowsFiles) Open(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	run(req, false, done)
}

func (windowsFiles) Save(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	run(req, true, done)
}

// OpenFolder shows Windows' folder dialog.
func (windowsFiles) OpenFolder(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	b := dialog.Directory().Title(req.Title)
	if req.Dir != "" {
		b = b.SetStartDir(req.Dir)
	}
	onThread(b.Browse, done)
}

// run shows the dialog on a thread of its own (it runs its own message
// loop until closed) and calls done on the UI goroutine.
func run(req ui.FileRequest, save bool, done func(string, error)) {
	b := dialog.File().Title(req.Title)
	if len(req.Exts) > 0 {
		var exts []string
		for _, e := range req.Exts {
			exts = append(exts, strings.TrimPrefix(e, "."))
		}
		b = b.Filter(req.Kind, exts...).Filter("所有文件", "*")
	}
	if req.Dir != "" {
		b = b.SetStartDir(req.Dir)
	}
	if save && req.Name != "" {
		b = b.SetStartFile(req.Name)
	}
	show := b.Load
	if save {
		show = b.Save
	}
	onThread(show, done)
}

// onThread runs show (a dialog with its own message loop) on a locked
// thread of its own and calls done on the UI goroutine; a cancel is "".
func onThread(show func() (string, error), done func(string, error)) {
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		path, err := show()
		if errors.Is(err, dialog.ErrCancelled) {
			path, err = "", nil
		}
		fyne.Do(func() { done(path, err) })
	}()
}
