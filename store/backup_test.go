package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

func TestRestoreBackupRejectsDamagedBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	goodFile(t, path)
	bad := filepath.Join(BackupDir(path), "drafts-20200101-000000.db")
	os.WriteFile(bad, []byte("not a database at all, just some text that is long enough"), 0o600)
	before := fileHash(t, path)
	err := RestoreBackup(path, bad)
	if err == nil || !strings.Contains(err.Error(), "也已损坏") {
		t.Errorf("RestoreBackup(damaged) = %v", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	// The damaged backup is not offered as a good one.
	b, ok := NewestGoodBackup(path)
	if !ok || b.Path == bad {
		t.Errorf("NewestGoodBackup = %+v %v", b, ok)
	}
	// A bare name is looked up in the backups folder.
	if err := RestoreBackup(path, filepath.Base(b.Path)); err != nil {
		t.Errorf("restore by name: %v", err)
	}
	checkBolt(t, path)
}

func TestBackupsRotate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := s.LastBackup(); p != "" || err != nil {
		t.Errorf("a new file was backed up: %q %v", p, err)
	}
	f := model.Sample()
	id, _ := s.Create(f)
	s.Close()
	var last string
	for i := 0; i < KeepBackups+3; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		last, err = s.LastBackup()
		if err != nil || last == "" {
			t.Fatalf("backup: %q %v", last, err)
		}
		f.Goals[0].Text = fmt.Sprint("改动 ", i)
		if err := s.Save(id, f); err != nil {
			t.Fatal(err)
		}
		s.Close()
		checkBolt(t, last)
	}
	// Opening again without a change in between makes no new backup: the
	// newest one already holds this content.
	for i := 0; i < 2; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.LastBackup()
		s.Close()
		if i == 0 {
			last = p
		} else if p != last || err != nil {
			t.Errorf("unchanged file backed up again: %s (newest %s) %v", p, last, err)
		}
	}
	// The newest backup holds the last save.
	cp := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(cp, mustRead(t, last), 0o600)
	bs, err := Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	if g, err := bs.Load(id); err != nil || formJSON(t, g) != formJSON(t, f) {
		t.Errorf("the newest backup does not hold the last save: %v", err)
	}
	bs.Close()
	bk, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bk) != KeepBackups {
		t.Errorf("%d backups kept, want %d", len(bk), KeepBackups)
	}
	if bk[0].Path != last {
		t.Errorf("newest backup %s, want %s", bk[0].Path, last)
	}
	if !strings.HasPrefix(filepath.Base(last), "drafts-"+time.Now().Format("20060102")) {
		t.Errorf("backup name %s", last)
	}
	for _, b := range bk {
		if b.Size == 0 || b.Time.IsZero() {
			t.Errorf("backup %+v", b)
		}
	}
	entries, _ := os.ReadDir(BackupDir(path))
	if len(entries) != KeepBackups {
		t.Errorf("backups folder holds %d files", len(entries))
	}
}
