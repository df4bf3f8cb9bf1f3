package ui

import (
	"testing"
	"time"

	"jixiao/model"
)

// On the 草稿 screen, 历史版本 → 恢复此版本 of a draft that is not open in
// the editor re-sorts the list (the restored draft is now the newest):
// the selection follows the draft, so 打开 or 删除 act on it.
func TestRestoreKeepsTheDraftSelected(t *testing.T) {
	ws, st, openID := newTestWorkspace(t, model.Sample())
	// Each save a minute after the one before: the list's order (newest
	// first) is the order of the saves below.
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	st.SetClock(func() time.Time { at = at.Add(time.Minute); return at })
	other := model.Sample()
	other.Dept = "另一个部门"
	otherID, err := st.Create(other)
	if err != nil {
		t.Fatal(err)
	}
	other.Goals[0].Text = "第二版"
	if err := st.Save(otherID, other); err != nil {
		t.Fatal(err)
	}
	// the open draft is saved last: it heads the list
	ws.e.ApplyKeyed("goal/0", func(f *model.Form) { f.Goals[0].Text = "最新" })
	if err := ws.e.Flush(); err != nil {
		t.Fatal(err)
	}
	ws.ShowDrafts()
	v := ws.drafts
	if v.items[0].ID != openID || v.items[1].ID != otherID {
		t.Fatalf("list order %s, %s; want the open draft first", v.items[0].ID, v.items[1].ID)
	}
	v.selectID(otherID)
	ws.HistoryDialog(otherID)
	h := ws.history
	if len(h.revs) < 2 {
		t.Fatalf("%d revisions", len(h.revs))
	}
	h.list.Select(1)
	tapButton(t, ws.win, "恢复此版本")
	tapButton(t, ws.win, "是")
	if v.items[0].ID != otherID {
		t.Fatalf("after the restore the restored draft should be newest: %s", v.items[0].ID)
	}
	if got := v.selectedID(); got != otherID {
		t.Fatalf("selection moved to %s (the open draft is %s), want the restored draft %s", got, openID, otherID)
	}
}
