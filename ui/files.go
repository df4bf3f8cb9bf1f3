package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FileRequest is what a file dialog asks for.
type FileRequest struct {
	Title string   // e.g. 导出 Excel 文件
	Dir   string   // folder to start in ("" for the system's choice)
	Name  string   // proposed file name (save only)
	Exts  []string // allowed extensions with the dot, e.g. ".xlsx"
	Kind  string   // what the extensions are, e.g. "Excel 文件"
	// Folder asks for a folder instead of a file (FolderChooser.OpenFolder
	// sets it for the system's dialogs).
	Folder bool
}

// FileChooser asks the clerk for a file through a dialog. done is called on
// the UI goroutine with the chosen path, or "" when the clerk cancelled.
//
// cmd/jixiao puts the system's own dialogs here where it can reach them
// (Windows, the desktop portal or zenity on Linux); the default is Fyne's
// dialog in Chinese; tests put a fake here, so they never open a real one.
type FileChooser interface {
	Open(w fyne.Window, req FileRequest, done func(path string, err error))
	Save(w fyne.Window, req FileRequest, done func(path string, err error))
}

// FolderChooser is a FileChooser that can also ask for a folder (批量审核:
// the folder of the files received, the folder for the 审核意见). A
// chooser without it gets Fyne's folder dialog (Editor.folders).
type FolderChooser interface {
	OpenFolder(w fyne.Window, req FileRequest, done func(path string, err error))
}

// FyneFiles is Fyne's own file dialog, with Chinese labels (UseChinese and
// files_fyne.go), a Chinese question before replacing a file, and a typed
// full path that works.
type FyneFiles struct{}

// Open shows Fyne's open dialog.
func (FyneFiles) Open(w fyne.Window, req FileRequest, done func(string, error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("", err)
			return
		}
		p := r.URI().Path()
		r.Close()
		done(p, nil)
	}, w)
	fyneSetup(d, w, req)
	d.Show()
	d.Resize(dialogSize(w, 900, 640))
	chinesePlaces(findFyneDialog(w.Canvas(), "打开").places)
}

// Save shows Fyne's save dialog.
func (FyneFiles) Save(w fyne.Window, req FileRequest, done func(string, error)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			done("", err)
			return
		}
		p := wc.URI().Path()
		wc.Close()
		done(p, nil)
	}, w)
	fyneSetup(d, w, req)
	d.SetConfirmText("保存")
	d.SetFileName(req.Name)
	d.Show()
	d.Resize(dialogSize(w, 900, 640))
	takeOverSave(w, req, done) // Chinese overwrite question, typed full paths
}

func fyneSetup(d *dialog.FileDialog, w fyne.Window, req FileRequest) {
	if req.Title != "" {
		d.SetTitleText(req.Title)
	}
	d.SetDismissText("取消")
	if len(req.Exts) > 0 {
		var exts []string
		for _, e := range req.Exts {
			exts = append(exts, strings.ToLower(e), strings.ToUpper(e))
		}
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	if req.Dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(req.Dir)); err == nil {
			d.SetLocation(l)
		}
	}
}

// OpenFolder shows Fyne's folder dialog.
func (FyneFiles) OpenFolder(w fyne.Window, req FileRequest, done func(string, error)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			done("", err)
			return
		}
		done(l.Path(), nil)
	}, w)
	fyneSetup(d, w, FileRequest{Title: req.Title, Dir: req.Dir})
	d.SetConfirmText("选择")
	d.Show()
	d.Resize(dialogSize(w, 900, 640))
	chinesePlaces(findFyneDialog(w.Canvas(), "选择").places)
}

// folders is the editor's folder chooser: its file chooser's, or Fyne's.
func (e *Editor) folders() FolderChooser {
	if fc, ok := e.files().(FolderChooser); ok {
		return fc
	}
	return FyneFiles{}
}

// files is the editor's file chooser.
func (e *Editor) files() FileChooser {
	if e.Files == nil {
		return FyneFiles{}
	}
	return e.Files
}
