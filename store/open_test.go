package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// putRaw writes a draft bucket by hand (header and one revision record) into
// the file at path, as an older or newer jixiao would have.
func putRaw(t *testing.T, path, id string, h header, rec []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		ds, err := tx.CreateBucketIfNotExists(bucketDrafts)
		if err != nil {
			return err
		}
		b, err := ds.CreateBucket([]byte(id))
		if err != nil {
			return err
		}
		rb, _ := b.CreateBucket(bucketRevs)
		mb, _ := b.CreateBucket(bucketRevMeta)
		if err := rb.Put(u64(h.Head), rec); err != nil {
			return err
		}
		if err := mb.Put(u64(h.Head), encodeRevMeta(revMeta{Saved: h.Updated, Summary: "旧版"})); err != nil {
			return err
		}
		return writeHeader(b, &h)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// v0Record is a draft as the first prototype stored it: a bare form, goals
// as strings, times and origin at the top, amounts as numbers or text.
const v0Record = `{
 "year": "2019", "dept": "郑州市生态环境局",
 "goals": ["完成大气污染防治任务", "做好2019年度水污染防治工作"],
 "units": [{"name": "局机关", "tasks": [
   {"content": "大气污染防治", "total": 191.2176, "fiscal": "191.2176", "note": "", "goals": [1]},
   {"content": "水污染防治", "total": "12三", "fiscal": "", "note": "待定", "goals": [2]}]}],
 "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "完成目标数", "value": "≥2个", "explain": "", "note": ""}],
 "created": "2019-02-01T09:00:00+08:00",
 "updated": "2019-02-03T17:30:00+08:00",
 "origin": "原型版本"
}`

func TestMigrateV0Record(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() { checkBolt(t, path) })
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	upd := time.Date(2019, 2, 3, 9, 30, 0, 0, time.UTC) // 17:30 +08:00
	putRaw(t, path, "d9", header{ID: "d9", Year: "2019", Dept: "郑州市生态环境局", Head: 1, Revisions: 1, Updated: upd}, []byte(v0Record))

	before := fileHash(t, path)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.Load("d9")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Goals) != 2 || f.Goals[1].Text != "做好2019年度水污染防治工作" {
		t.Errorf("goals %+v", f.Goals)
	}
	if f.Meta.Origin != "原型版本" || !f.Meta.Created.Equal(time.Date(2019, 2, 1, 1, 0, 0, 0, time.UTC)) || !f.Meta.Updated.Equal(upd) {
		t.Errorf("meta %+v", f.Meta)
	}
	if f.Version != model.SchemaVersion {
		t.Errorf("version %d", f.Version)
	}
	tk := f.Units[0].Tasks
	if tk[0].Total.Money() != model.MustAmount("191.2176").Money() || tk[1].Total.Raw() != "12三" || tk[1].Total.Valid() || tk[0].Goals[0] != 1 {
		t.Errorf("tasks %+v", tk)
	}
	s.Close()
	// Reading migrated in memory only: the file is as it was.
	if fileHash(t, path) != before {
		t.Errorf("loading an old draft changed the file")
	}
	// Saving writes the current schema.
	s, _ = Open(path)
	defer s.Close()
	f.Goals[0].Text = "完成大气污染防治任务（改）"
	if err := s.Save("d9", f); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, "d9")
		var env envelope
		if err := json.Unmarshal(b.Bucket(bucketRevs).Get(u64(2)), &env); err != nil || env.Schema != model.SchemaVersion {
			t.Errorf("new revision schema %d, %v", env.Schema, err)
		}
		return nil
	})
	if old, err := s.LoadRevision("d9", 1); err != nil || old.Goals[0].Text != "完成大气污染防治任务" {
		t.Errorf("old revision still reads: %v", err)
	}
}

func TestNewerDraftVersionLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() { checkBolt(t, path) })
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	rec := []byte(`{"schema":99,"saved":"2030-01-01T00:00:00Z","summary":"x","form":{"year":"2030","dept":"未来局","goals":{"new":"shape"}}}`)
	putRaw(t, path, "d5", header{ID: "d5", Year: "2030", Dept: "未来局", Head: 1, Revisions: 1, Schema: 99}, rec)
	before := fileHash(t, path)

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(); len(list) != 1 || list[0].Dept != "未来局" {
		t.Errorf("the newer draft is still listed: %+v", list)
	}
	_, err = s.Load("d5")
	var nv *NewerVersionError
	if !errors.As(err, &nv) || nv.Version != 99 || !strings.Contains(err.Error(), "更新版本的 jixiao") || !strings.Contains(err.Error(), "没有被改动") {
		t.Fatalf("Load = %v, want NewerVersionError", err)
	}
	if err := s.Save("d5", model.New("2030", "x", time.Time{})); !errors.As(err, &nv) {
		t.Errorf("Save over a newer draft = %v", err)
	}
	if err := s.Rename("d5", "y"); !errors.As(err, &nv) {
		t.Errorf("Rename of a newer draft = %v", err)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	// Nor is it moved to the 回收站 or out of it, nor purged: every write
	// is left to the build that wrote it.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	before = fileHash(t, path)
	if err := s.Delete("d5"); !errors.As(err, &nv) {
		t.Errorf("Delete of a newer draft = %v", err)
	}
	if err := s.Restore("d5"); !errors.As(err, &nv) {
		t.Errorf("Restore of a newer draft = %v", err)
	}
	if err := s.Purge("d5"); err == nil {
		t.Error("Purge of a newer draft succeeded")
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
}

// TestHeaderKeepsNewerFields: what a newer jixiao wrote in the header of
// a draft this build may change is kept through a save and through the
// 回收站.
func TestHeaderKeepsNewerFields(t *testing.T) {
	s, path := openTest(t)
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts).Bucket([]byte(id))
		var raw map[string]any
		json.Unmarshal(b.Get(keyInfo), &raw)
		raw["futureField"] = "未来的内容"
		v, _ := json.Marshal(raw)
		return b.Put(keyInfo, v)
	})
	db.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, _ := s.Load(id)
	f.Dept = "改过的局"
	if err := s.Save(id, f); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(id); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, id)
		h := string(b.Get(keyInfo))
		if !strings.Contains(h, `"futureField":"未来的内容"`) || !strings.Contains(h, "改过的局") || strings.Contains(h, `"trashed"`) {
			t.Errorf("header: %s", h)
		}
		return nil
	})
}

func TestNewerFileFormatLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() { checkBolt(t, path) })
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucketJixiao)
		return b.Put(keyFormat, []byte("7"))
	})
	db.Close()
	before := fileHash(t, path)
	_, err = Open(path)
	var nv *NewerVersionError
	if !errors.As(err, &nv) || nv.ID != "" || !strings.Contains(err.Error(), "更新版本的 jixiao 创建的") {
		t.Fatalf("Open = %v", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
}

func TestForeignBoltFileLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("a"), []byte("b"))
	})
	db.Close()
	before := fileHash(t, path)
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "不是 jixiao 的草稿数据文件") {
		t.Fatalf("Open = %v", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	checkBolt(t, path)
}

func TestDefaultPathAndModes(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("JIXIAO_DB", filepath.Join(dir, "x.db"))
	if p, err := DefaultPath(); err != nil || p != filepath.Join(dir, "x.db") {
		t.Errorf("DefaultPath with JIXIAO_DB = %q %v", p, err)
	}
	t.Setenv("JIXIAO_DB", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("AppData", filepath.Join(dir, "config"))
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if p != filepath.Join(dir, "config", "jixiao", "drafts.db") {
		t.Errorf("DefaultPath = %q", p)
	}
	st, err := os.Stat(filepath.Dir(p))
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("folder %v %v", st.Mode(), err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	st, _ = os.Stat(p)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", st.Mode())
	}
	checkBolt(t, p)
	// No temporary files are left beside it.
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries", len(entries))
	}
}
