package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file dialog (v2.8.1) has words that do not go through its
// translations: the overwrite question ("Overwrite?", "Are you sure you want
// to overwrite the file…"), "Cannot overwrite", and the places on the left
// (Home, Computer, Desktop…). Its 保存 also joins the typed name to the
// folder shown, so a typed full path (/home/x/a.xlsx, ~/a.xlsx, D:\a.xlsx)
// becomes a file under the folder shown and fails. So after the dialog is
// shown, its 保存 button (and Enter in the name field) is ours: we work out
// the path, ask in Chinese before replacing a file, and hand the path on.
// Fyne's own save callback, which would create the file, never runs; the
// export writes the file itself (atomically). The places get Chinese names.
//
// This reaches into the dialog's objects (public widget types, found by
// walking the pop-up), so it is tied to Fyne's layout of the dialog; the
// tests in files_fyne_test.go fail if a Fyne upgrade moves them.

// lastFolderKey is the preference where Fyne's file dialog keeps the
// folder it shows (dialog/file.go's lastFolderKey).
const lastFolderKey = "fyne:fileDialogLastFolder"

// placeNames are Chinese names for the places Fyne lists on the left.
var placeNames = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "Desktop": "桌面", "Documents": "文档",
	"Downloads": "下载", "Music": "音乐", "Pictures": "图片", "Videos": "视频", "Movies": "影片",
	"App Files": "程序文件",
}

// fyneDialogParts are the objects of a shown Fyne file dialog we take over.
type fyneDialogParts struct {
	popup      *widget.PopUp
	name       *widget.Entry     // Fyne's file name field (save only)
	nameScroll *container.Scroll // what holds it
	field      *escEntry         // ours in its place, once taken over
	save       *widget.Button    // 保存 (save only)
	files      fyne.Widget       // the files shown (a GridWrap or a List)
	places     *widget.List      // the places on the left
}

// findFyneDialog finds the parts of the file dialog on top of c.
func findFyneDialog(c fyne.Canvas, confirm string) fyneDialogParts {
	var p fyneDialogParts
	p.popup, _ = overlayContent(c.Overlays().Top()).(*widget.PopUp)
	if p.popup == nil {
		return p
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *escEntry:
			p.field = x
		case *widget.Button:
			if x.Text == confirm {
				p.save = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			if en, ok := x.Content.(*widget.Entry); ok && p.name == nil {
				p.name, p.nameScroll = en, x
			}
			walk(x.Content)
		case *widget.GridWrap:
			p.files = x
		case *widget.List:
			if x != p.places {
				p.files = x
			}
		case *container.Split:
			if l, ok := x.Leading.(*widget.List); ok && p.places == nil {
				p.places = l
			}
			walk(x.Leading)
			walk(x.Trailing)
		}
	}
	walk(p.popup.Content)
	return p
}

// chinesePlaces gives the places on the left of a Fyne file dialog their
// Chinese names.
func chinesePlaces(l *widget.List) {
	if l == nil || l.UpdateItem == nil {
		return
	}
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		if c, ok := item.(*fyne.Container); ok && len(c.Objects) > 1 {
			if lab, ok := c.Objects[1].(*widget.Label); ok {
				if zh, ok := placeNames[lab.Text]; ok {
					lab.SetText(zh)
				}
			}
		}
	}
	l.Refresh()
}

// takeOverSave makes the 保存 of the Fyne save dialog on top of w ours.
func takeOverSave(w fyne.Window, req FileRequest, done func(string, error)) {
	p := findFyneDialog(w.Canvas(), "保存")
	chinesePlaces(p.places)
	if p.popup == nil || p.name == nil || p.save == nil {
		return // not the layout we know: Fyne's own (English) prompt stays
	}
	name, popup := escNameField(w.Canvas(), p), p.popup
	p.save.OnTapped = func() {
		path, problem := savePath(fyneFolder(), name.Text, req.Exts)
		if problem != "" {
			dialog.ShowInformation("无法保存到这里", problem, w)
			return
		}
		finish := func() {
			popup.Hide()
			done(path, nil)
		}
		if _, err := os.Stat(path); err != nil {
			finish()
			return
		}
		c := dialog.NewConfirm("替换文件？",
			fmt.Sprintf("文件“%s”已经存在于\n%s\n要替换它吗？替换后原来的内容会丢失。", filepath.Base(path), filepath.Dir(path)),
			func(ok bool) {
				if ok {
					finish()
				}
			}, w)
		c.SetConfirmText("替换")
		c.SetDismissText("取消")
		c.Show()
		c.Resize(fyne.NewSize(560, 0)) // as high as its text (Fyne's default is much taller)
	}
	if p.files != nil {
		p.files.Refresh() // a double click on a file takes 保存's action when its item is updated
	}
}

// escNameField puts an escEntry in place of the dialog's file name field,
// so that Esc typed in it closes the dialog (as 取消), and keeps the two in
// step: Fyne enables 保存 from its field and writes a clicked file's name
// into it.
func escNameField(c fyne.Canvas, p fyneDialogParts) *escEntry {
	fy := p.name
	en := newEscEntry()
	en.SetPlaceHolder(fy.PlaceHolder)
	en.SetText(fy.Text)
	// the cursor before the extension, as the clerk mostly changes the name
	en.CursorColumn = len([]rune(strings.TrimSuffix(fy.Text, filepath.Ext(fy.Text))))
	en.OnChanged = func(s string) {
		if fy.Text != s {
			fy.SetText(s)
		}
	}
	en.OnSubmitted = func(string) { p.save.OnTapped() }
	fyneChanged := fy.OnChanged
	fy.OnChanged = func(s string) {
		if fyneChanged != nil {
			fyneChanged(s)
		}
		if en.Text != s {
			en.SetText(s)
		}
	}
	p.nameScroll.Content = en
	p.nameScroll.Refresh()
	c.Focus(en)
	return en
}

// fyneFolder is the folder Fyne's file dialog shows, "" if unknown.
func fyneFolder() string {
	u, err := storage.ParseURI(fyne.CurrentApp().Preferences().String(lastFolderKey))
	if err != nil || u.Scheme() != "file" {
		return ""
	}
	return u.Path()
}

// savePath is the file the clerk means by typed in the folder dir: a full
// path (/home/x/a.xlsx, D:\a.xlsx), one under the home folder (~/a.xlsx),
// or a name (or a relative path) in dir. Without one of exts it gets the
// first. problem says in Chinese why it cannot be saved there.
func savePath(dir, typed string, exts []string) (path, problem string) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", "请输入文件名。"
	}
	if typed == "~" || strings.HasPrefix(typed, "~/") || strings.HasPrefix(typed, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", "找不到本机用户的主文件夹，请输入完整的路径。"
		}
		typed = filepath.Join(home, typed[1:])
	}
	path = typed
	if !filepath.IsAbs(path) {
		if dir == "" {
			return "", "请先在左边选择一个文件夹，或输入完整的路径。"
		}
		path = filepath.Join(dir, path)
	}
	path = filepath.Clean(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "", fmt.Sprintf("“%s”是一个文件夹。\n请在文件夹后面加上文件名，如 %s。", path, filepath.Join(path, "申报表"+first(exts)))
	}
	if len(exts) > 0 && !slices.ContainsFunc(exts, func(e string) bool { return strings.EqualFold(filepath.Ext(path), e) }) {
		path += strings.ToLower(exts[0])
	}
	parent := filepath.Dir(path)
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return "", fmt.Sprintf("文件夹“%s”不存在。\n请检查路径，或先在左边选择一个已有的文件夹。", parent)
	}
	return path, ""
}

// first is exts[0], or "".
func first(exts []string) string {
	if len(exts) == 0 {
		return ""
	}
	return exts[0]
}
