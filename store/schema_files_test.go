package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// testdata/schemaN holds a drafts file of each schema version, made by the
// build of that time (testdata/schemaN/README.md says which and how), with
// that build's JSON export (dN.json) and check output (dN.check.txt) of
// every draft in it. Today's build must open each one and read every draft
// exactly as that build exported it.

// schemaDirs are the testdata folders, one per schema version, oldest
// first; every version from 1 to model.SchemaVersion has one.
func schemaDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	for v := 1; v <= model.SchemaVersion; v++ {
		d := filepath.Join("testdata", "schema"+strconv.Itoa(v))
		if _, err := os.Stat(filepath.Join(d, "drafts.db")); err != nil {
			t.Fatalf("no drafts file of schema %d in %s (%v): keep one per version, made by the build of that time", v, d, err)
		}
		dirs = append(dirs, d)
	}
	return dirs
}

// copyDB copies a testdata drafts file to a temporary folder: opening it
// makes a backup beside it and may write.
func copyDB(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "drafts.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// exchangedForm reads a JSON export ({"format":…,"form":{…}}) into a form
// of today's schema.
func exchangedForm(t *testing.T, path string) *model.Form {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Form json.RawMessage `json:"form"`
	}
	var ver struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(env.Form, &ver); err != nil {
		t.Fatal(err)
	}
	body, err := model.UpgradeForm(ver.Version, env.Form)
	if err != nil {
		t.Fatal(err)
	}
	var f model.Form
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &f
}

func TestStoredFileOfEachSchema(t *testing.T) {
	for _, dir := range schemaDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			path := copyDB(t, filepath.Join(dir, "drafts.db"))
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			list, _ := s.List()
			trash, _ := s.Trashed()
			var ids []string
			for _, in := range append(list, trash...) {
				ids = append(ids, in.ID)
			}
			exports, _ := filepath.Glob(filepath.Join(dir, "d*.json"))
			var want []string
			for _, e := range exports {
				want = append(want, strings.TrimSuffix(filepath.Base(e), ".json"))
			}
			slices.Sort(ids)
			slices.Sort(want)
			if !slices.Equal(ids, want) || len(ids) < 5 {
				t.Fatalf("drafts %v, the build of that time exported %v", ids, want)
			}
			for _, id := range ids {
				got, err := s.Load(id)
				if err != nil {
					t.Errorf("%s: %v", id, err)
					continue
				}
				then := exchangedForm(t, filepath.Join(dir, id+".json"))
				then.Version = model.SchemaVersion
				if !reflect.DeepEqual(got, then) {
					a, _ := json.Marshal(got)
					b, _ := json.Marshal(then)
					t.Errorf("%s reads otherwise than that build exported it:\n now  %.300s\n then %.300s", id, a, b)
				}
				if !reflect.DeepEqual(model.Check(got), model.Check(then)) {
					t.Errorf("%s checks otherwise", id)
				}
				// Saved again, it is written in today's schema and reads
				// back the same.
				if err := s.Save(id, got); err != nil {
					t.Fatalf("%s: save: %v", id, err)
				}
				s.forget(id)
				again, err := s.Load(id)
				if err != nil || !reflect.DeepEqual(again.Units, got.Units) || !reflect.DeepEqual(again.Indicators, got.Indicators) {
					t.Errorf("%s after a save: %v", id, err)
				}
			}
		})
	}
}

// putRecord replaces the head revision of draft id with rec and sets the
// header's schema, as a newer or another build would have written them.
func putRecord(t *testing.T, path, id string, schema int, rec []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, h, err := draftHeader(tx, id)
		if err != nil {
			return err
		}
		if err := b.Bucket(bucketRevs).Put(u64(h.Head), rec); err != nil {
			return err
		}
		h.Schema = schema
		return writeHeader(b, h)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// draftBytes returns every stored byte of draft id: header, revisions.
func draftBytes(t *testing.T, path, id string) []byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []byte
	db.View(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b.Get(keyInfo)...)
		for _, sub := range [][]byte{bucketRevs, bucketRevMeta} {
			sb := b.Bucket(sub)
			sb.ForEach(func(k, v []byte) error {
				out = append(append(out, k...), v...)
				return nil
			})
		}
		return nil
	})
	return out
}

// TestUnknownFieldRefused: a record of today's schema that carries a
// field this build does not know (written by another build) is neither
// opened nor overwritten: the field would be dropped by the next save.
// Its bytes stay as they were.
func TestUnknownFieldRefused(t *testing.T) {
	s, path := openTest(t)
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Duplicate(id); err != nil {
		t.Fatal(err)
	}
	s.Close()
	body, _ := json.Marshal(model.Sample())
	// a field in a task, deep inside, as a newer build would add one
	body = bytes.Replace(body, []byte(`"content":`), []byte(`"futureColumn":"新栏目的内容","content":`), 1)
	rec, err := encodeRecord(model.SchemaVersion, s.clock(), "另一个版本", body)
	if err != nil {
		t.Fatal(err)
	}
	putRecord(t, path, id, model.SchemaVersion, rec)
	before := draftBytes(t, path, id)

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Load(id)
	var uf *UnknownFieldError
	if !errors.As(err, &uf) || uf.Field != "futureColumn" || model.ErrorCode(err) != model.EUNSUPPORTED ||
		!strings.Contains(err.Error(), "futureColumn") || !strings.Contains(err.Error(), "没有被改动") {
		t.Fatalf("Load = %v, want UnknownFieldError", err)
	}
	other := model.Sample()
	other.Dept = "别处读来的"
	for name, write := range map[string]func() error{
		"Save":            func() error { return s.Save(id, other) },
		"Rename":          func() error { return s.Rename(id, "新名字") },
		"Duplicate":       func() error { _, err := s.Duplicate(id); return err },
		"RestoreRevision": func() error { return s.RestoreRevision(id, 1) },
	} {
		if name == "RestoreRevision" {
			// revision 1 is the one replaced: there is no other
			continue
		}
		if err := write(); !errors.As(err, &uf) {
			t.Errorf("%s = %v, want UnknownFieldError", name, err)
		}
	}
	if list, _ := s.List(); len(list) != 2 {
		t.Errorf("the draft is not listed: %+v", list)
	}
	s.Close()
	if !bytes.Equal(draftBytes(t, path, id), before) {
		t.Error("the draft's stored bytes changed")
	}
}

// TestNewerSchemaRefusedEverywhere: a draft of a newer schema in a file
// of today's: listed; not opened, not saved over, renamed, duplicated,
// restored to a revision, moved to or out of the 回收站, and no backup is
// restored over the file; every stored byte of it stays.
func TestNewerSchemaRefusedEverywhere(t *testing.T) {
	path := copyDB(t, filepath.Join("testdata", "schema"+strconv.Itoa(model.SchemaVersion), "drafts.db"))
	body := []byte(`{"version":99,"year":"2031","dept":"未来局","goals":{"a":"new shape"}}`)
	rec, err := encodeRecord(99, time.Now(), "未来", body)
	if err != nil {
		t.Fatal(err)
	}
	putRecord(t, path, "d1", 99, rec)
	before := draftBytes(t, path, "d1")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	backup, _ := s.LastBackup()
	var nv *NewerVersionError
	if _, err := s.Load("d1"); !errors.As(err, &nv) || nv.Version != 99 {
		t.Errorf("Load = %v", err)
	}
	writes := []struct {
		name string
		do   func() error
	}{
		{"Save", func() error { return s.Save("d1", model.Sample()) }},
		{"Rename", func() error { return s.Rename("d1", "x") }},
		{"Duplicate", func() error { _, err := s.Duplicate("d1"); return err }},
		{"RestoreRevision", func() error { return s.RestoreRevision("d1", 1) }},
		{"Delete", func() error { return s.Delete("d1") }},
		{"Restore", func() error { return s.Restore("d1") }},
	}
	for _, w := range writes {
		if err := w.do(); !errors.As(err, &nv) {
			t.Errorf("%s = %v, want NewerVersionError", w.name, err)
		}
	}
	s.Close()
	err = RestoreBackup(path, backup)
	var rr *RestoreRefusedError
	if !errors.As(err, &rr) || !errors.As(err, &nv) || !strings.Contains(err.Error(), "d1") || !strings.Contains(err.Error(), "没有恢复") {
		t.Errorf("RestoreBackup = %v", err)
	}
	if !bytes.Equal(draftBytes(t, path, "d1"), before) {
		t.Error("the newer draft's stored bytes changed")
	}
}
