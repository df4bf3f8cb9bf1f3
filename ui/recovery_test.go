package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
	"jixiao/store"
)

func TestStoreInUseMessage(t *testing.T) {
	msg, b := StoreProblem("/x/drafts.db", store.ErrInUse)
	if b != nil || !strings.Contains(msg, "另一个 jixiao 窗口") {
		t.Errorf("in use: %q, backup %v", msg, b)
	}
}

func TestDamagedFileRestoreBackup(t *testing.T) {
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	a := test.NewApp()
	defer a.Quit()
	path := filepath.Join(t.TempDir(), "drafts.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// opening again keeps a backup of the good file
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.WriteFile(path, []byte(strings.Repeat("坏", 30000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(path)
	var de *store.DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("Open of the damaged file: %v", err)
	}
	msg, b := StoreProblem(path, err)
	if b == nil || !strings.Contains(msg, "已损坏") || !strings.Contains(msg, "备份") || !strings.Contains(msg, "之后的修改不在其中") {
		t.Fatalf("damaged: %q, backup %v", msg, b)
	}

	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(900, 600))
	defer w.Close()
	var reopened *store.Store
	quit := false
	ShowStoreProblem(w, path, err, func() error {
		s, err := store.Open(path)
		reopened = s
		return err
	}, func() { quit = true })
	tapButton(t, w, "用备份恢复")
	if quit || reopened == nil {
		t.Fatalf("restore did not reopen the file (quit=%v)", quit)
	}
	defer reopened.Close()
	if f, err := reopened.Load(id); err != nil || f.TaskCount() != 34 {
		t.Fatalf("draft after restore: %v", err)
	}

	// no backup: only 关闭
	path2 := filepath.Join(t.TempDir(), "drafts.db")
	os.WriteFile(path2, []byte(strings.Repeat("坏", 30000)), 0o600)
	_, err = store.Open(path2)
	ShowStoreProblem(w, path2, err, func() error { t.Fatal("reopen without a backup"); return nil }, func() { quit = true })
	if findButton(w, "用备份恢复") != nil {
		t.Error("restore offered without a backup")
	}
	tapButton(t, w, "关闭")
	if !quit {
		t.Error("关闭 did not quit")
	}
}
