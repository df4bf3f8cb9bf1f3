//go:build linux || freebsd || openbsd || netbsd

package desktop

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"jixiao/ui"
)

// zenityFiles shows the desktop's own GTK file dialogs through the zenity
// program (shipped by most Linux desktops, UOS and Kylin among them): the
// dialog speaks the desktop's language, takes a typed path, and asks
// before overwriting. Where zenity is missing, or fails to start, Fyne's
// dialog (ui.FyneFiles, in Chinese) is shown instead. zenity runs without
// a shell: the title and file names, which come from form text, are
// single arguments.
type zenityFiles struct {
	bin      string // path of zenity
	fallback ui.FileChooser
}

// Files is the file chooser of this platform: the desktop portal's
// dialog (files_portal.go) where the session has one, else zenity's where
// it is installed, else Fyne's dialog in Chinese; each falls back to the
// next when it cannot show a dialog.
func Files() ui.FileChooser {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return ui.FyneFiles{}
	}
	var next ui.FileChooser = ui.FyneFiles{}
	if bin, err := exec.LookPath("zenity"); err == nil {
		next = zenityFiles{bin: bin, fallback: ui.FyneFiles{}}
	}
	if p := newPortalFiles(next); p != nil {
		return p
	}
	return next
}

func (z zenityFiles) Open(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	z.run(w, req, false, done)
}

func (z zenityFiles) Save(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	z.run(w, req, true, done)
}

// OpenFolder asks for a folder (zenity --directory).
func (z zenityFiles) OpenFolder(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	req.Folder = true
	z.run(w, req, false, done)
}

// run starts zenity in the background and calls done on the UI goroutine.
func (z zenityFiles) run(w fyne.Window, req ui.FileRequest, save bool, done func(string, error)) {
	inBackground(w, req, save, z.fallback, errZenityFailed, done, func() (string, error) {
		return runZenity(z.bin, zenityArgs(req, save))
	})
}

// inBackground runs choose (a dialog of another program, which blocks) on
// its own goroutine, then, on the UI goroutine, calls done with its answer
// or, when it failed with failed (it showed no dialog), asks fallback.
func inBackground(w fyne.Window, req ui.FileRequest, save bool, fallback ui.FileChooser, failed error, done func(string, error), choose func() (string, error)) {
	go func() {
		path, err := choose()
		fyne.Do(func() {
			switch {
			case !errors.Is(err, failed):
				done(path, err)
			case save:
				fallback.Save(w, req, done)
			case req.Folder:
				folders(fallback).OpenFolder(w, req, done)
			default:
				fallback.Open(w, req, done)
			}
		})
	}()
}

// folders is c's folder dialog, or Fyne's when c has none.
func folders(c ui.FileChooser) ui.FolderChooser {
	if f, ok := c.(ui.FolderChooser); ok {
		return f
	}
	return ui.FyneFiles{}
}

// errZenityFailed: zenity did not show a dialog (it could not start or
// reach the display); the caller falls back to Fyne's dialog.
var errZenityFailed = errors.New("zenity failed")

// zenityArgs are zenity's arguments for req.
func zenityArgs(req ui.FileRequest, save bool) []string {
	args := []string{"--file-selection", "--modal"}
	if req.Title != "" {
		args = append(args, "--title="+req.Title)
	}
	if req.Folder {
		args = append(args, "--directory")
		if req.Dir != "" {
			args = append(args, "--filename="+req.Dir+string(filepath.Separator))
		}
		return args
	}
	start := req.Dir
	if save && req.Name != "" {
		start = filepath.Join(req.Dir, req.Name)
	} else if start != "" {
		start += string(filepath.Separator)
	}
	if start != "" {
		args = append(args, "--filename="+start)
	}
	if save {
		args = append(args, "--save", "--confirm-overwrite")
	}
	if len(req.Exts) > 0 {
		var pats []string
		for _, e := range req.Exts {
			pats = append(pats, "*"+strings.ToLower(e), "*"+strings.ToUpper(e))
		}
		kind := req.Kind
		if kind == "" {
			kind = "文件"
		}
		args = append(args, "--file-filter="+kind+" | "+strings.Join(pats, " "), "--file-filter=所有文件 | *")
	}
	return args
}

// runZenity runs bin with args: the chosen path, "" when the clerk
// cancelled (exit 1), or errZenityFailed.
func runZenity(bin string, args []string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = zenityEnv(os.Environ())
	out, err := cmd.Output()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return strings.TrimRight(string(out), "\r\n"), nil
	case errors.As(err, &ee) && ee.ExitCode() == 1:
		return "", nil
	}
	return "", errZenityFailed
}

// zenityEnv is zenity's environment: the program's, but where LC_CTYPE was
// set apart from the rest (as internal/locale does when LANG names a
// locale that is not installed), LC_ALL takes it. GTK sets every category
// at once and otherwise falls back to the plain C locale, in which it
// refuses Chinese arguments ("This option is not available").
func zenityEnv(env []string) []string {
	var ctype string
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch {
		case k == "LC_ALL" && v != "":
			return env
		case k == "LC_CTYPE":
			ctype = v
		}
	}
	if ctype == "" {
		return env
	}
	return append(env, "LC_ALL="+ctype)
}
