//go:build unix

package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"jixiao/model"
)

// A drafts file kept on another disk and reached through a symbolic link:
// made where the link points when new, and replaced there by a restore;
// the link stays a link throughout.
func TestDraftsFileBehindSymlink(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "D盘")
	if err := os.Mkdir(other, 0o700); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(other, "drafts.db")
	link := filepath.Join(dir, "drafts.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	isLink := func() {
		t.Helper()
		fi, err := os.Lstat(link)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a link: %v %v", link, fi.Mode(), err)
		}
	}
	s, err := Open(link) // dangling: the file is made at real
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	isLink()
	if fi, err := os.Stat(real); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("drafts file not made where the link points: %v", err)
	}
	s, err = Open(link) // makes a backup holding the sample
	if err != nil {
		t.Fatal(err)
	}
	backup, _ := s.LastBackup()
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := RestoreBackup(link, backup); err != nil {
		t.Fatal(err)
	}
	isLink()
	s, err = Open(link)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(id); err != nil {
		t.Errorf("restored file lacks the draft: %v", err)
	}
}
