package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"jixiao/model"
)

// TestReadTemplates: the imported templates of a real drafts file, read
// without opening it for writing: the file is not created, changed or
// backed up; a file in use, damaged or foreign gives Open's error.
func TestReadTemplates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "drafts.db")
	if ts, bad, err := ReadTemplates(path); ts != nil || bad != nil || err != nil {
		t.Fatalf("missing file: %v %v %v", ts, bad, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("ReadTemplates created the drafts file: %v", err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b1 := model.BuiltinTemplate(model.HubeiTemplateID)
	b1.ID, b1.Name = "xx-bureau", "某市 表样"
	b2 := b1.Clone()
	b2.Version, b2.Title = 2, "某市部门整体绩效目标表"
	for _, tp := range []*model.Template{b2, b1} {
		if err := s.PutTemplate(tp); err != nil {
			t.Fatal(err)
		}
	}
	// While the file is open (the window has it), the read waits for the
	// lock and then says it is in use.
	if _, _, err := ReadTemplates(path); !errors.Is(err, ErrInUse) {
		t.Errorf("file in use: %v, want ErrInUse", err)
	}
	want, _, _ := s.Templates()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	backups, _ := Backups(path)
	ts, bad, err := ReadTemplates(path)
	if err != nil || len(bad) != 0 || len(ts) != 2 || !reflect.DeepEqual(ts, want) {
		t.Fatalf("ReadTemplates = %v %v %v, want %v", ts, bad, err, want)
	}
	if ts[0].Version != 1 || ts[1].Version != 2 {
		t.Errorf("not by version: %d %d", ts[0].Version, ts[1].Version)
	}
	after, _ := os.ReadFile(path)
	backupsAfter, _ := Backups(path)
	if !bytes.Equal(before, after) || len(backupsAfter) != len(backups) {
		t.Errorf("ReadTemplates changed the file (%v) or made a backup (%d → %d)", !bytes.Equal(before, after), len(backups), len(backupsAfter))
	}

	garbage := filepath.Join(dir, "坏.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("不是数据文件"), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	var de *DamagedError
	if ts, _, err := ReadTemplates(garbage); !errors.As(err, &de) || ts != nil {
		t.Errorf("damaged file: %v %v, want a DamagedError", ts, err)
	}
}
