package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// TestOurPanicIsInternalError: a panic in our own code inside a write
// transaction (here after the transaction already changed the draft) is an
// *InternalError, the draft is untouched (bbolt rolled back), and the
// message does not tell the clerk their file is damaged. Before, every
// panic was reported as a damaged file to restore from a backup (seen
// failing before the fix).
func TestOurPanicIsInternalError(t *testing.T) {
	s, _ := openTest(t)
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	bugs := map[string]func(){
		"panic":       func() { panic("a bug of ours") },
		"nil pointer": func() { var h *header; _ = h.ID },
		"index":       func() { var xs []int; _ = xs[len(before.Goals)] },
	}
	for name, bug := range bugs {
		s.wmu.Lock()
		err := s.update(func(tx *bolt.Tx) error {
			b, h, err := draftHeader(tx, id)
			if err != nil {
				return err
			}
			h.Dept = "改了一半"
			if err := writeHeader(b, h); err != nil {
				return err
			}
			bug()
			return nil
		})
		s.wmu.Unlock()
		var ie *InternalError
		var de *DamagedError
		if !errors.As(err, &ie) || errors.As(err, &de) {
			t.Errorf("%s: err = %v (%T), want *InternalError", name, err, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "程序内部出错") || strings.Contains(msg, "损坏") || strings.Contains(msg, "备份") {
			t.Errorf("%s: message %q", name, msg)
		}
		if !strings.HasPrefix(ie.Func, "jixiao/store.") {
			t.Errorf("%s: panic site %q", name, ie.Func)
		}
	}
	info, err := s.Info(id)
	if err != nil || info.Dept != before.Dept || info.Revisions != 1 {
		t.Errorf("draft changed: %+v, %v", info, err)
	}
	after, err := s.Load(id)
	if err != nil || formJSON(t, after) != formJSON(t, before) {
		t.Errorf("draft content changed (%v)", err)
	}
}

// TestBoltPanicIsDamaged: pages damaged while the file is open make bbolt
// panic inside a transaction; that one is a *DamagedError.
func TestBoltPanicIsDamaged(t *testing.T) {
	// Not openTest: its clean-up checks the file, damaged here on purpose.
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	// Every page but the two meta pages becomes garbage, through another
	// file handle, under the open store's mapping.
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := int64(os.Getpagesize())
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := []byte(strings.Repeat("\xff", int(st.Size()-2*ps)))
	if _, err := fh.WriteAt(junk, 2*ps); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	_, err = s.Info(id)
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v (%T), want *DamagedError", err, err)
	}
	if de.Path != path {
		t.Errorf("path %q, want %q", de.Path, path)
	}
}
