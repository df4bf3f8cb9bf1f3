package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

func TestRestoreRevision(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	e := ws.e
	orig := e.Form().Goals[0].Text
	e.ApplyKeyed("goal/0", func(f *model.Form) { f.Goals[0].Text = "改过的目标" })
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	revs, _ := st.Revisions(id)
	if len(revs) != 2 {
		t.Fatalf("%d revisions, want 2", len(revs))
	}
	ws.HistoryDialog(id)
	h := ws.history
	if len(h.revs) != 2 || h.revs[0].N != revs[0].N {
		t.Fatalf("history lists %+v", h.revs)
	}
	// the newest is selected; it is the current state: no restore
	if !h.restore.Disabled() || !strings.Contains(h.preview.Text, "改过的目标") {
		t.Fatalf("current revision: restore enabled=%v, preview %q", !h.restore.Disabled(), h.preview.Text[:80])
	}
	h.list.Select(1)
	if !strings.Contains(h.preview.Text, "目标1："+string([]rune(orig)[:30])) || !strings.Contains(h.preview.Text, "7,898.5676") {
		t.Errorf("preview of the first revision:\n%s", h.preview.Text)
	}
	tapButton(t, ws.win, "恢复此版本")
	tapButton(t, ws.win, "是")
	if got := e.Form().Goals[0].Text; got != orig {
		t.Fatalf("editor after restore: %q, want %q", got, orig)
	}
	if e.Dirty() {
		t.Error("the restored state is not the saved one")
	}
	revs, _ = st.Revisions(id)
	if len(revs) != 3 {
		t.Fatalf("%d revisions after restore, want 3 (restoring is a new revision)", len(revs))
	}
	if f, _ := st.Load(id); f.Goals[0].Text != orig {
		t.Errorf("stored after restore: %q", f.Goals[0].Text)
	}
	// restoring is undoable: Ctrl+Z brings the edit back (and saves it)
	ws.Undo()
	if e.Form().Goals[0].Text != "改过的目标" {
		t.Errorf("undo of the restore: %q", e.Form().Goals[0].Text)
	}
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	if f, _ := st.Load(id); f.Goals[0].Text != "改过的目标" {
		t.Errorf("stored after undoing the restore: %q", f.Goals[0].Text)
	}
}
