package ui

import (
	"testing"
	"time"

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
