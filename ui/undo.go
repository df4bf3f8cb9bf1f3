package ui

import (
	"time"

	"jixiao/model"
)

// DefaultUndoDepth is how many steps the undo stack keeps.
const DefaultUndoDepth = 200

// DefaultCoalesce is the pause in typing after which the next keystroke in
// the same field starts a new undo step.
const DefaultCoalesce = time.Second

// UndoStack is 撤销/重做 over every edit of the form. It is snapshot
// based: the editor's single edit path calls BeforeEdit with the form as it
// is, and the stack keeps a deep copy. Consecutive keystrokes in one field
// (the same key, each within Coalesce of the one before) are one step; a
// structural edit (rows inserted, deleted, moved, a paste, a merge) is one
// step of its own. Undo and Redo put the copy back with Editor.Replace,
// which recomputes, refreshes and autosaves.
type UndoStack struct {
	e          *Editor
	undo, redo []*model.Form
	// Depth bounds the steps kept (DefaultUndoDepth); the oldest go first.
	Depth int
	// Coalesce is the longest pause between keystrokes of one step.
	Coalesce time.Duration
	now      func() time.Time

	id      string // the draft the steps belong to
	lastKey string // key of the last edit, "" after a structural one
	lastAt  time.Time
}

// NewUndo attaches an undo stack to e (it sets e.BeforeEdit).
func NewUndo(e *Editor) *UndoStack {
	u := &UndoStack{e: e, Depth: DefaultUndoDepth, Coalesce: DefaultCoalesce, now: e.clock.Now, id: e.ID()}
	prev := e.BeforeEdit
	e.BeforeEdit = func(key string, f *model.Form) {
		if prev != nil {
			prev(key, f)
		}
		u.before(key, f)
	}
	return u
}

// Reset forgets every step (another draft was opened).
func (u *UndoStack) Reset() {
	u.undo, u.redo = nil, nil
	u.lastKey, u.id = "", u.e.ID()
}

func (u *UndoStack) sameDraft() {
	if u.e.ID() != u.id {
		u.Reset()
	}
}

func (u *UndoStack) before(key string, f *model.Form) {
	u.sameDraft()
	now := u.now()
	if key != "" && key == u.lastKey && now.Sub(u.lastAt) <= u.Coalesce && len(u.undo) > 0 {
		u.lastAt = now // still the same typing
		u.redo = nil
		return
	}
	u.push(f.Clone())
	u.lastKey, u.lastAt = key, now
}

// bigForm is the number of rows above which fewer steps are kept: a step
// of a form of n > bigForm rows keeps Depth·bigForm/n steps (at least
// minDepth), so the copies stay within about what 200 steps of a 1,000-row
// form take (some 50 MB).
const (
	bigForm  = 1000
	minDepth = 20
)

func (u *UndoStack) depth(f *model.Form) int {
	d := u.Depth
	if n := f.TaskCount() + len(f.Goals) + len(f.Indicators); d > 0 && n > bigForm {
		d = max(d*bigForm/n, min(d, minDepth))
	}
	return d
}

func (u *UndoStack) push(f *model.Form) {
	u.undo = append(u.undo, f)
	if d := u.depth(f); d > 0 && len(u.undo) > d {
		u.undo = append(u.undo[:0], u.undo[len(u.undo)-d:]...)
	}
	u.redo = nil
}

// Record makes the form as it is now one undo step, before a change made
// with Editor.Replace or by reopening the draft (a merge, a restored
// revision).
func (u *UndoStack) Record() {
	u.sameDraft()
	u.push(u.e.Form().Clone())
	u.lastKey = ""
}

// CanUndo and CanRedo say whether there is a step to undo or redo.
func (u *UndoStack) CanUndo() bool { u.sameDraft(); return len(u.undo) > 0 }

// CanRedo says whether there is an undone step to redo.
func (u *UndoStack) CanRedo() bool { u.sameDraft(); return len(u.redo) > 0 }

// Undo puts back the form as it was before the last step; false when
// there is nothing to undo.
func (u *UndoStack) Undo() bool {
	if !u.CanUndo() {
		return false
	}
	prev := u.undo[len(u.undo)-1]
	u.undo = u.undo[:len(u.undo)-1]
	u.redo = append(u.redo, u.e.Form().Clone())
	u.lastKey = ""
	u.e.Replace(prev)
	return true
}

// Redo makes the last undone step again; false when there is none.
func (u *UndoStack) Redo() bool {
	if !u.CanRedo() {
		return false
	}
	next := u.redo[len(u.redo)-1]
	u.redo = u.redo[:len(u.redo)-1]
	u.undo = append(u.undo, u.e.Form().Clone())
	u.lastKey = ""
	u.e.Replace(next)
	return true
}
