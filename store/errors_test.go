package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"jixiao/model"
)

// The store's errors carry the code the window and the command line act
// on, and the OS error underneath where there is one.
func TestStoreErrorCodes(t *testing.T) {
	s, path := openTest(t)
	_, err := s.Load("d999")
	if !errors.Is(err, ErrNotFound) || model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("Load missing: %v (code %q)", err, model.ErrorCode(err))
	}
	_, err = s.LoadRevision("d999", 3)
	if model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("Revision missing: %v (code %q)", err, model.ErrorCode(err))
	}
	dir := t.TempDir()
	if _, err := Open(dir); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("Open of a folder: %v (code %q)", err, model.ErrorCode(err))
	}
	err = RestoreBackup(path, filepath.Join(dir, "nope.db"))
	if model.ErrorCode(err) != model.ENOTFOUND || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("restore of a missing backup: %v (code %q)", err, model.ErrorCode(err))
	}
	other := filepath.Join(dir, "other.db")
	if err := os.WriteFile(other, []byte("not a drafts file, just some text of another program"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(other); model.ErrorCode(err) == model.EINTERNAL || err == nil {
		t.Errorf("Open of another program's file: %v (code %q)", err, model.ErrorCode(err))
	}
	s.Close()
	if _, err := s.Load("d1"); !errors.Is(err, ErrClosed) || model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("Load after Close: %v (code %q)", err, model.ErrorCode(err))
	}
}
