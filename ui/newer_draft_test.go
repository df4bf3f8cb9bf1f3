package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	bolt "go.etcd.io/bbolt"

	"jixiao/model"
	"jixiao/store"
)

// TestNewerDraftNotOpened: in the window, a draft saved by a newer jixiao
// is listed, and opening it says in Chinese to use the newer jixiao; the
// draft open before stays open and nothing of the newer one changes.
func TestNewerDraftNotOpened(t *testing.T) {
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "store", "testdata", "schema"+strconv.Itoa(model.SchemaVersion), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "drafts.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	// d1 as a newer build saves it (docs/store.md: drafts/<id>/info, revs/<n>).
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	next := model.SchemaVersion + 1
	var before []byte
	err = db.Update(func(tx *bolt.Tx) error {
		d := tx.Bucket([]byte("drafts")).Bucket([]byte("d1"))
		var h map[string]any
		json.Unmarshal(d.Get([]byte("info")), &h)
		h["schema"] = next
		hb, _ := json.Marshal(h)
		d.Put([]byte("info"), hb)
		head, _ := d.Bucket([]byte("revs")).Cursor().Last()
		before = []byte(`{"schema":` + strconv.Itoa(next) + `,"saved":"2031-01-01T00:00:00Z","summary":"新版本","form":{"version":` + strconv.Itoa(next) + `,"year":"2031","dept":"未来局"}}`)
		return d.Bucket([]byte("revs")).Put(head, before)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewApp()
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() { w.Close(); a.Quit(); st.Close() })
	ws := NewWorkspace(New(w, st, testOptions()...), st)
	if err := ws.OpenDraft("d2"); err != nil {
		t.Fatal(err)
	}
	list, _ := st.List()
	listed := false
	for _, in := range list {
		listed = listed || in.ID == "d1"
	}
	err = ws.OpenDraft("d1")
	if !listed || err == nil {
		t.Fatalf("listed %v, open: %v", listed, err)
	}
	ws.failed("无法打开草稿", err)
	if !strings.Contains(ws.lastInfo, "更新版本的 jixiao") || !strings.Contains(ws.lastInfo, "没有被改动") || errTitle("无法打开草稿", err) != "无法打开草稿" {
		t.Errorf("dialog %q", ws.lastInfo)
	}
	if ws.e.ID() != "d2" {
		t.Errorf("the editor now holds %q, want d2 still", ws.e.ID())
	}
}
