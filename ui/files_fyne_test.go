package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fyneSaveDialog shows FyneFiles' save dialog in dir proposing name, and
// returns its parts and where the chosen paths go.
func fyneSaveDialog(t *testing.T, dir, name string) (fyne.Window, fyneDialogParts, *[]string) {
	t.Helper()
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	a := test.NewApp()
	t.Cleanup(a.Quit)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 768))
	t.Cleanup(w.Close)
	var got []string
	FyneFiles{}.Save(w, FileRequest{Title: "导出 Excel 文件", Dir: dir, Name: name, Exts: []string{".xlsx"}, Kind: "Excel 文件"},
		func(p string, err error) {
			if err != nil {
				t.Errorf("save dialog error: %v", err)
			}
			got = append(got, p)
		})
	p := findFyneDialog(w.Canvas(), "保存")
	if p.popup == nil || p.field == nil || p.save == nil || p.places == nil {
		t.Fatalf("Fyne's save dialog has another layout: %+v", p)
	}
	return w, p, &got
}

// typeName replaces the file name field's text as the clerk would.
func typeName(w fyne.Window, en *escEntry, s string) {
	en.SetText("")
	w.Canvas().Focus(en)
	test.Type(en, s)
}

// escape types Esc as the window does, with the editor's handling of keys
// typed where no field has the focus.
func escape(w fyne.Window) {
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		return
	}
	closeTopDialog(w.Canvas())
}

func TestFyneSaveTypedFullPath(t *testing.T) {
	shown, other := t.TempDir(), t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	cases := []struct{ typed, want string }{
		{filepath.Join(other, "a.xlsx"), filepath.Join(other, "a.xlsx")},
		{"~/b.xlsx", filepath.Join(home, "b.xlsx")},
		{"c", filepath.Join(shown, "c.xlsx")},                               // the extension is added
		{"D.XLSX", filepath.Join(shown, "D.XLSX")},                          // any case
		{"  e.xlsx  ", filepath.Join(shown, "e.xlsx")},                      // spaces around
		{filepath.Join(other, "f.pdf"), filepath.Join(other, "f.pdf.xlsx")}, // the file is xlsx
	}
	for _, c := range cases {
		w, p, got := fyneSaveDialog(t, shown, "申报表.xlsx")
		typeName(w, p.field, c.typed)
		p.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves as 保存 does
		if len(*got) != 1 || (*got)[0] != c.want {
			t.Errorf("typed %q: chose %q, want %q", c.typed, *got, c.want)
		}
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("typed %q: still open: %q", c.typed, overlayText(top))
		}
		if _, err := os.Stat(c.want); err == nil {
			t.Errorf("typed %q: the dialog created the file (the export writes it)", c.typed)
		}
	}
}

func TestFyneSaveAsksInChineseBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "旧表.xlsx")
	if err := os.WriteFile(old, []byte("去年的表"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, replace := range []bool{false, true} {
		w, p, got := fyneSaveDialog(t, dir, "旧表.xlsx")
		test.Tap(p.save)
		ask := w.Canvas().Overlays().Top()
		text := overlayText(ask)
		if !strings.Contains(text, "已经存在") || !strings.Contains(text, "[替换]") || !strings.Contains(text, "[取消]") {
			t.Fatalf("no Chinese question before replacing: %q", text)
		}
		if strings.Contains(text, "verwrite") || strings.Contains(text, "Are you sure") {
			t.Errorf("English in the question: %q", text)
		}
		if replace {
			test.Tap(buttonIn(t, ask, "替换"))
			if len(*got) != 1 || (*got)[0] != old {
				t.Errorf("替换: chose %q, want %q", *got, old)
			}
			if top := w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("替换 left %q open", overlayText(top))
			}
		} else {
			escape(w) // Esc is 取消: back to the file dialog, nothing chosen
			if len(*got) != 0 || overlayContent(w.Canvas().Overlays().Top()) != p.popup {
				t.Errorf("取消: chose %q; top %q", *got, overlayTexts(w))
			}
		}
		if b, _ := os.ReadFile(old); string(b) != "去年的表" {
			t.Error("the old file was changed by the dialog")
		}
	}
}

func TestFyneSaveRefusesFoldersAndMissingFolders(t *testing.T) {
	dir := t.TempDir()
	for typed, want := range map[string]string{
		dir:                                "是一个文件夹",
		filepath.Join(dir, "没有", "a.xlsx"): "不存在",
		"   ":                              "请输入文件名",
	} {
		w, p, got := fyneSaveDialog(t, dir, "a.xlsx")
		p.field.SetText(typed)
		p.save.OnTapped() // a blank name disables 保存; Enter still reaches it
		if len(*got) != 0 {
			t.Errorf("typed %q: chose %q", typed, *got)
		}
		if text := overlayTexts(w); !strings.Contains(text, want) {
			t.Errorf("typed %q: message %q, want %q", typed, text, want)
		}
	}
}

func TestFyneDialogPlacesInChinese(t *testing.T) {
	_, p, _ := fyneSaveDialog(t, t.TempDir(), "a.xlsx")
	var names []string
	for i := range p.places.Length() {
		item := p.places.CreateItem()
		p.places.UpdateItem(i, item)
		names = append(names, item.(*fyne.Container).Objects[1].(*widget.Label).Text)
	}
	if len(names) == 0 || names[0] != "主文件夹" {
		t.Errorf("places: %q, want 主文件夹 first", names)
	}
	for _, n := range names {
		if _, english := placeNames[n]; english {
			t.Errorf("place %q is still English (all: %q)", n, names)
		}
	}
}

// buttonIn is the button labelled text under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no [%s] in %q", text, overlayText(o))
	}
	return found
}

// The file name field is the one the clerk sees and types in, 保存 follows
// it, a clicked file's name reaches it, and Esc in it is 取消.
func TestFyneSaveNameField(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "点的文件.xlsx"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w, p, got := fyneSaveDialog(t, dir, "申报表.xlsx")
	if w.Canvas().Focused() != p.field {
		t.Error("the file name field does not have the focus")
	}
	if p.field.Text != "申报表.xlsx" || !p.field.Visible() || p.field.CursorColumn != 3 {
		t.Errorf("name field %q, cursor at %d (want 3, before .xlsx)", p.field.Text, p.field.CursorColumn)
	}
	typeName(w, p.field, "")
	if !p.save.Disabled() {
		t.Error("保存 enabled with no name")
	}
	test.Type(p.field, "x")
	if p.save.Disabled() {
		t.Error("保存 disabled with a name")
	}
	grid := findGridWrap(p.popup.Content)
	if grid == nil {
		t.Fatal("no file grid")
	}
	grid.Select(1) // as a click on the file does (0 is （上一级）)
	if p.field.Text != "点的文件.xlsx" {
		t.Errorf("a clicked file's name did not reach the field: %q", p.field.Text)
	}
	escape(w)
	if len(*got) != 1 || (*got)[0] != "" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Esc in the name field: chose %q, top %q", *got, overlayTexts(w))
	}
}

// findGridWrap is the first GridWrap under o (the files of Fyne's dialog).
func findGridWrap(o fyne.CanvasObject) *widget.GridWrap {
	switch x := o.(type) {
	case *widget.GridWrap:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if g := findGridWrap(c); g != nil {
				return g
			}
		}
	case *container.Scroll:
		return findGridWrap(x.Content)
	case *container.Split:
		if g := findGridWrap(x.Leading); g != nil {
			return g
		}
		return findGridWrap(x.Trailing)
	}
	return nil
}
