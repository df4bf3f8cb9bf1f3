package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

func TestUndoRowDeletion(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	e := ws.e
	e.SelectTab(TabTasks)
	want := e.Form().Units[0].Tasks[1].Content
	n := e.Form().TaskCount()
	total := e.Totals().Total
	// delete row 2 of the first unit with the row's button path and confirm
	e.tasks.deleteTask(taskRef{unit: 0, row: 1})
	tapButton(t, ws.win, "是")
	if e.Form().TaskCount() != n-1 || e.Form().Units[0].Tasks[1].Content == want {
		t.Fatalf("row not deleted: %d tasks", e.Form().TaskCount())
	}
	if e.Totals().Total == total {
		t.Fatal("totals did not change with the deletion")
	}
	ws.Undo()
	if e.Form().TaskCount() != n || e.Form().Units[0].Tasks[1].Content != want {
		t.Fatalf("undo: %d tasks, row 2 %q", e.Form().TaskCount(), e.Form().Units[0].Tasks[1].Content)
	}
	if e.Totals().Total != total {
		t.Errorf("undo: totals %v, want %v (recomputed)", e.Totals().Total, total)
	}
	// undo saves like an edit
	if !e.Dirty() {
		t.Error("undo is not marked for saving")
	}
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	if f, _ := st.Load(id); f.TaskCount() != n {
		t.Errorf("saved after undo: %d tasks", f.TaskCount())
	}
	ws.Redo()
	if e.Form().TaskCount() != n-1 {
		t.Errorf("redo: %d tasks", e.Form().TaskCount())
	}
	ws.Undo()
	// moves and insertions are steps too
	e.Apply(func(f *model.Form) { f.MoveTask(0, 0, 2) })
	e.Apply(func(f *model.Form) { f.InsertGoal(0, "新目标") })
	ws.Undo()
	ws.Undo()
	if e.Form().Units[0].Tasks[1].Content != want || e.Form().Goals[0].Text == "新目标" {
		t.Error("move and insertion not undone")
	}
	if ws.undo.CanUndo() {
		t.Error("more steps than edits")
	}
}

func TestUndoCoalescesTyping(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	e, u := ws.e, ws.undo
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	u.now = func() time.Time { return now }
	orig := e.Form().Goals[0].Text
	typeAt := func(key, s string) {
		e.ApplyKeyed(key, func(f *model.Form) { f.Goals[0].Text = s })
	}
	typeAt("goal/0", "a")
	now = now.Add(300 * time.Millisecond)
	typeAt("goal/0", "ab")
	now = now.Add(300 * time.Millisecond)
	typeAt("goal/0", "abc")
	now = now.Add(2 * time.Second) // a pause: a new step
	typeAt("goal/0", "abcd")
	now = now.Add(100 * time.Millisecond)
	e.ApplyKeyed("goal/1", func(f *model.Form) { f.Goals[1].Text = "x" }) // another field
	if len(u.undo) != 3 {
		t.Fatalf("%d steps, want 3", len(u.undo))
	}
	u.Undo()
	u.Undo()
	if e.Form().Goals[0].Text != "abc" {
		t.Errorf("after two undos: %q, want abc", e.Form().Goals[0].Text)
	}
	u.Undo()
	if e.Form().Goals[0].Text != orig {
		t.Errorf("after three undos: %q", e.Form().Goals[0].Text)
	}
	// the depth is bounded, oldest dropped
	u.Depth = 5
	for i := 0; i < 12; i++ {
		e.Apply(func(f *model.Form) { f.InsertGoal(0, "g") })
	}
	if len(u.undo) != 5 {
		t.Errorf("%d steps kept, want 5", len(u.undo))
	}
	// a new edit clears redo
	u.Undo()
	e.Apply(func(f *model.Form) { f.InsertGoal(0, "h") })
	if u.CanRedo() {
		t.Error("redo kept after a new edit")
	}
}

// Typing in a field, then Ctrl+Z through the window's shortcut: the whole
// typing is one step, the entry shows the old text, redo brings it back.
func TestUndoTypingInEntry(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	e, w := ws.e, ws.win
	orig := e.Form().Dept
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	en := focused(t, w)
	test.Type(en, "（新）")
	typed := e.Form().Dept
	if typed == orig || typed != en.Text || !strings.Contains(typed, "（新）") {
		t.Fatalf("typed: %q", typed)
	}
	if len(ws.undo.undo) != 1 {
		t.Fatalf("%d undo steps for one typing", len(ws.undo.undo))
	}
	// the window's driver runs the main menu item of a shortcut first,
	// even with an entry focused
	shortcutItem(t, w, &fyne.ShortcutUndo{}).Action()
	if e.Form().Dept != orig || en.Text != orig {
		t.Fatalf("after Ctrl+Z: form %q, entry %q", e.Form().Dept, en.Text)
	}
	shortcutItem(t, w, &fyne.ShortcutRedo{}).Action()
	if e.Form().Dept != typed || en.Text != typed {
		t.Fatalf("after Ctrl+Y: form %q, entry %q", e.Form().Dept, en.Text)
	}
	// the 编辑 menu has both entries with the shortcuts
	var names []string
	for _, m := range w.MainMenu().Items {
		if m.Label == "编辑" {
			for _, it := range m.Items {
				if it.Shortcut != nil {
					names = append(names, it.Label+"="+it.Shortcut.ShortcutName())
				}
			}
		}
	}
	if len(names) < 2 || names[0] != "撤销=Undo" || names[1] != "重做=Redo" {
		t.Errorf("编辑 menu: %q", names)
	}
}

// shortcutItem is the main menu item with shortcut sc.
func shortcutItem(t *testing.T, w fyne.Window, sc fyne.Shortcut) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it
			}
		}
	}
	t.Fatalf("no menu item with %s", sc.ShortcutName())
	return nil
}

// BenchmarkUndoStepLargeForm is the cost an undo step adds to a structural
// edit (a deep copy of the form) on a form of 5,000 task rows.
func BenchmarkUndoStepLargeForm(b *testing.B) {
	f := model.Generate(5000)
	b.ReportAllocs()
	for b.Loop() {
		_ = f.Clone()
	}
}

func TestUndoDepthOfLargeForms(t *testing.T) {
	u := &UndoStack{Depth: 200}
	if d := u.depth(model.Sample()); d != 200 {
		t.Errorf("sample: depth %d, want 200", d)
	}
	for _, tasks := range []int{2000, 5000} {
		f := model.Generate(tasks)
		n := f.TaskCount() + len(f.Goals) + len(f.Indicators)
		d := u.depth(f)
		// the rows kept in copies stay about those of 200 steps of 1,000 rows
		if d < minDepth || d >= 200 || d*n > 200*bigForm+n {
			t.Errorf("%d rows: depth %d", n, d)
		}
	}
	if d := u.depth(model.Generate(20000)); d != minDepth {
		t.Errorf("huge form: depth %d, want %d", d, minDepth)
	}
}
