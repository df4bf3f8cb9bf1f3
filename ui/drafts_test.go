package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// newTestWorkspace opens a real drafts file in t.TempDir() with f as its
// first draft, in an editor of a headless 1280×800 window.
func newTestWorkspace(t *testing.T, f *model.Form) (*Workspace, *store.Store, string) {
	t.Helper()
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	a := test.NewApp()
	a.Settings().SetTheme(NewTheme())
	st, err := store.Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	if f != nil {
		if id, err = st.Create(f); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	e := New(w, st, testOptions()...)
	ws := NewWorkspace(e, st)
	if id != "" {
		if err := ws.OpenDraft(id); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		w.Close()
		a.Quit()
		st.Close()
	})
	return ws, st, id
}

// walk calls fn for every object under o.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			walk(k, fn)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		if r != nil {
			for _, k := range r.Objects() {
				walk(k, fn)
			}
		}
	}
}

// findButton is the visible button labelled text in the top overlay (a
// dialog) or, when there is none, in the window's content.
func findButton(w fyne.Window, text string) *widget.Button {
	var found *widget.Button
	root := w.Canvas().Content()
	if top := w.Canvas().Overlays().Top(); top != nil {
		root = top
	}
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && found == nil {
			found = b
		}
	})
	return found
}

func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	b := findButton(w, text)
	if b == nil {
		t.Fatalf("no button %q on screen", text)
	}
	if b.Disabled() {
		t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

func TestDraftsScreen(t *testing.T) {
	old := model.Sample()
	old.Dept = "旧的局"
	ws, st, oldID := newTestWorkspace(t, old)
	// Drafts changed at the same instant are listed newest id first, so
	// this one comes first however fine the clock.
	newer := model.Sample()
	newID, err := st.Create(newer)
	if err != nil {
		t.Fatal(err)
	}
	ws.ShowDrafts()
	v := ws.drafts
	if !ws.OnDrafts() || len(v.items) != 2 {
		t.Fatalf("drafts screen shows %d drafts, want 2", len(v.items))
	}
	if v.items[0].ID != newID || v.items[1].ID != oldID {
		t.Fatalf("not newest first: %v, %v", v.items[0].ID, v.items[1].ID)
	}
	// the row shows 年度, 部门, last change, origin
	row := v.list.CreateItem()
	v.list.UpdateItem(1, row)
	var texts []string
	for _, o := range row.(*draftRow).box.Objects {
		texts = append(texts, o.(*widget.Label).Text)
	}
	// (made from the built-in sample: labelled 示例)
	if texts[0] != "2020年" || texts[1] != "【示例】旧的局" || !strings.HasPrefix(texts[2], "今天 ") {
		t.Errorf("row = %q", texts)
	}

	// a click selects a row, a double click opens its draft
	v.list.Select(0)
	test.Tap(row.(*draftRow))
	if v.selectedID() != oldID {
		t.Fatalf("click selected %q, want %q", v.selectedID(), oldID)
	}
	ws.e.Open("", &model.Form{})
	test.DoubleTap(row.(*draftRow))
	if ws.OnDrafts() || ws.e.ID() != oldID {
		t.Fatalf("double click opened %q, want %q", ws.e.ID(), oldID)
	}
	ws.ShowDrafts()
	// 复制
	v.selectID(oldID)
	tapButton(t, ws.win, "复制")
	list, _ := st.List()
	if len(list) != 3 {
		t.Fatalf("after 复制 %d drafts, want 3", len(list))
	}
	copyID := v.selectedID()
	if copyID == oldID || copyID == newID {
		t.Fatalf("the copy is not selected: %s", copyID)
	}
	// 重命名 the open draft: an edit of the editor's form, saved.
	ws.renameDraft(oldID, "改名后的局")
	if ws.e.Form().Dept != "改名后的局" {
		t.Errorf("editor's 部门 = %q", ws.e.Form().Dept)
	}
	if f, _ := st.Load(oldID); f.Dept != "改名后的局" {
		t.Errorf("stored 部门 = %q", f.Dept)
	}
	// 删除 to 回收站, then 恢复, then 彻底删除 with confirmation.
	v.selectID(copyID)
	tapButton(t, ws.win, "删除")
	if list, _ := st.List(); len(list) != 2 {
		t.Fatalf("after 删除 %d drafts listed", len(list))
	}
	tapButton(t, ws.win, "回收站")
	if !v.trash || len(v.items) != 1 || v.items[0].ID != copyID {
		t.Fatalf("回收站 shows %+v", v.items)
	}
	tapButton(t, ws.win, "恢复")
	if tr, _ := st.Trashed(); len(tr) != 0 {
		t.Fatalf("still in the trash after 恢复: %d", len(tr))
	}
	if list, _ := st.List(); len(list) != 3 {
		t.Fatalf("after 恢复 %d drafts", len(list))
	}
	if err := st.Delete(copyID); err != nil {
		t.Fatal(err)
	}
	v.reload()
	v.selectID(copyID)
	tapButton(t, ws.win, "彻底删除…")
	tapButton(t, ws.win, "是") // confirm
	if tr, _ := st.Trashed(); len(tr) != 0 {
		t.Fatalf("彻底删除 left %d in the trash", len(tr))
	}
	if _, err := st.Load(copyID); err == nil {
		t.Fatal("purged draft still loads")
	}
	// 从示例新建 opens the new draft in the editor.
	tapButton(t, ws.win, "返回草稿列表")
	tapButton(t, ws.win, "从示例新建")
	if ws.OnDrafts() {
		t.Fatal("the new draft is not opened")
	}
	if ws.e.Form().TaskCount() != 34 || !strings.Contains(ws.e.Form().Meta.Origin, "示例") {
		t.Errorf("new draft: %d tasks, origin %q", ws.e.Form().TaskCount(), ws.e.Form().Meta.Origin)
	}
	// deleting the open draft empties the editor
	ws.ShowDrafts()
	ws.deleteDraft(ws.e.ID())
	if ws.e.ID() != "" {
		t.Errorf("editor still shows a deleted draft")
	}
	if !v.back.Disabled() {
		t.Errorf("返回编辑 enabled without a draft")
	}
}

func TestGuardShowsPanicAsMessage(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	func() {
		defer ws.guard("导入")
		var f *model.Form
		_ = f.Year // nil pointer: a program error
	}()
	if !strings.Contains(ws.lastInfo, "程序内部出错") || !strings.Contains(ws.lastInfo, "草稿没有改动") {
		t.Errorf("message %q", ws.lastInfo)
	}
}
