package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// checkBolt opens the file at path read-only and fails the test when
// bbolt's consistency check reports anything.
func checkBolt(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("bbolt cannot open %s: %v", path, err)
		return
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			t.Errorf("tx.Check(%s): %v", path, e)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

// fakeClock is a settable clock for a Store.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openTest opens a new drafts file in a temp folder; when the test ends the
// store is closed and the file checked with tx.Check.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() { checkBolt(t, path) })
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// formJSON is a form's content for comparisons (the times that the store
// sets, Meta.Created and Meta.Updated, left out).
func formJSON(t testing.TB, f *model.Form) string {
	t.Helper()
	g := f.Clone()
	g.Meta.Updated = time.Time{}
	g.Meta.Created = time.Time{}
	g.Version = model.SchemaVersion
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCreateLoadSaveRoundTrip(t *testing.T) {
	s, path := openTest(t)
	f := model.Sample()
	// Invalid and odd amounts survive as typed.
	f.Units[0].Tasks[0].Total = model.ParseAmount("12,3.4五")
	f.Units[0].Tasks[1].Fiscal = model.ParseAmount("１２７３．３")
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(id, "d") || len(id) > 8 {
		t.Errorf("id %q is not short and readable", id)
	}
	g, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if formJSON(t, g) != formJSON(t, f) {
		t.Errorf("loaded form differs from the created one")
	}
	if got := g.Units[0].Tasks[0].Total.Raw(); got != "12,3.4五" {
		t.Errorf("invalid amount text = %q", got)
	}
	if g.Units[0].Tasks[0].Total.Valid() {
		t.Errorf("invalid amount came back valid")
	}
	if got := model.ComputeTotals(g).Total; got != model.ComputeTotals(f).Total {
		t.Errorf("total %v, want %v", got, model.ComputeTotals(f).Total)
	}
	if g.Meta.Updated.IsZero() || g.Meta.Created.IsZero() {
		t.Errorf("times not set: %+v", g.Meta)
	}

	g.Goals[2].Text = "改过的目标3"
	g.Units[1].Tasks[0].Note = "备注改了"
	if err := s.Save(id, g); err != nil {
		t.Fatal(err)
	}
	h, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if formJSON(t, h) != formJSON(t, g) {
		t.Errorf("saved form differs")
	}
	if !h.Meta.Updated.After(f.Meta.Updated) {
		t.Errorf("Updated not advanced")
	}
	// Reading through a second Store (no cache) gives the same.
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	k, err := s2.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if formJSON(t, k) != formJSON(t, g) {
		t.Errorf("form read after reopening differs")
	}
	if k, err := s2.Load(" " + strings.ToUpper(id) + " "); err != nil || k.Dept != g.Dept {
		t.Errorf("id typed in upper case with blanks: %v", err)
	}
	if err := s2.Save(id, nil); err == nil {
		t.Errorf("Save(nil) gave no error")
	}
	if _, err := s2.Load("d999"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "d999") {
		t.Errorf("Load(d999) = %v, want ErrNotFound naming the id", err)
	}
	if err := s2.Save("d999", f); !errors.Is(err, ErrNotFound) {
		t.Errorf("Save(d999) = %v", err)
	}
}

func TestSaveUnchangedWritesNothing(t *testing.T) {
	s, _ := openTest(t)
	id, err := s.Create(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	f, _ := s.Load(id)
	for i := 0; i < 3; i++ {
		if err := s.Save(id, f); err != nil {
			t.Fatal(err)
		}
	}
	revs, _ := s.Revisions(id)
	if len(revs) != 1 {
		t.Errorf("unchanged saves left %d revisions, want 1", len(revs))
	}
}

func TestListOrderAndInfo(t *testing.T) {
	s, _ := openTest(t)
	clk := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)}
	s.now = clk.now
	var ids []string
	for i, dept := range []string{"甲局", "乙局", "丙局"} {
		clk.add(time.Minute)
		id, err := s.Create(model.New(fmt.Sprint(2020+i), dept, time.Time{}))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// Changing the oldest moves it to the top.
	clk.add(time.Minute)
	f, _ := s.Load(ids[0])
	f.Goals = append(f.Goals, model.Goal{Text: "新目标"})
	if err := s.Save(ids[0], f); err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range list {
		got = append(got, in.ID+" "+in.Year+" "+in.Dept)
	}
	want := []string{ids[0] + " 2020 甲局", ids[2] + " 2022 丙局", ids[1] + " 2021 乙局"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("List = %q, want %q", got, want)
	}
	if list[0].Revisions != 2 || !list[0].Updated.Equal(clk.now()) {
		t.Errorf("info = %+v", list[0])
	}
	in, err := s.Info(ids[1])
	if err != nil || in.Dept != "乙局" || in.Created.IsZero() {
		t.Errorf("Info = %+v, %v", in, err)
	}
}

func TestTrashRestorePurge(t *testing.T) {
	s, _ := openTest(t)
	a, _ := s.Create(model.New("2021", "甲局", time.Time{}))
	b, _ := s.Create(model.New("2021", "乙局", time.Time{}))
	if err := s.Delete(a); err != nil {
		t.Fatal(err)
	}
	list, _ := s.List()
	trash, _ := s.Trashed()
	if len(list) != 1 || list[0].ID != b || len(trash) != 1 || trash[0].ID != a || !trash[0].Trashed {
		t.Fatalf("after delete: list %+v trash %+v", list, trash)
	}
	if err := s.Delete(a); err == nil {
		t.Errorf("deleting twice gave no error")
	}
	if err := s.Purge(b); err == nil {
		t.Errorf("purging a draft not in the 回收站 gave no error")
	}
	if _, err := s.Load(a); err != nil {
		t.Errorf("a trashed draft can still be opened: %v", err)
	}
	if err := s.Restore(a); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(); len(list) != 2 {
		t.Errorf("after restore: %+v", list)
	}
	if err := s.Restore(a); err == nil {
		t.Errorf("restoring a draft not in the 回收站 gave no error")
	}
	if err := s.Delete(a); err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(a); !errors.Is(err, ErrNotFound) {
		t.Errorf("purged draft: %v", err)
	}
	if trash, _ := s.Trashed(); len(trash) != 0 {
		t.Errorf("trash after purge: %+v", trash)
	}
	for _, err := range []error{s.Delete("d77"), s.Restore("d77"), s.Purge("d77")} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown id: %v", err)
		}
	}
}

func TestDuplicateAndRename(t *testing.T) {
	s, _ := openTest(t)
	id, _ := s.Create(model.Sample())
	dup, err := s.Duplicate(id)
	if err != nil {
		t.Fatal(err)
	}
	if dup == id {
		t.Fatal("same id")
	}
	a, _ := s.Load(id)
	b, _ := s.Load(dup)
	if b.Meta.OriginDraft != id || !strings.Contains(b.Meta.Origin, id) {
		t.Errorf("origin of copy: %+v", b.Meta)
	}
	b.Meta = a.Meta
	if formJSON(t, a) != formJSON(t, b) {
		t.Errorf("copy differs from the original")
	}
	if err := s.Rename(dup, "郑州市财政局"); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Load(dup)
	if c.Dept != "郑州市财政局" {
		t.Errorf("dept = %q", c.Dept)
	}
	if a2, _ := s.Load(id); a2.Dept != model.SampleDept {
		t.Errorf("rename changed the original: %q", a2.Dept)
	}
	revs, _ := s.Revisions(dup)
	if len(revs) != 2 || !strings.Contains(revs[0].Summary, "部门 郑州市生态环境局→郑州市财政局") {
		t.Errorf("revisions after rename: %+v", revs)
	}
	info, _ := s.Info(dup)
	if info.Dept != "郑州市财政局" {
		t.Errorf("info dept %q", info.Dept)
	}
}

func TestRevisionRetention(t *testing.T) {
	s, _ := openTest(t)
	clk := &fakeClock{}
	s.now = clk.now
	day := time.Date(2026, 3, 1, 8, 0, 0, 0, time.Local)
	clk.set(day)
	f := model.Sample()
	id, err := s.Create(f) // revision 1 on day 0
	if err != nil {
		t.Fatal(err)
	}
	n := 1
	save := func() {
		t.Helper()
		n++
		f.Goals[0].Text = fmt.Sprintf("目标文字 %d", n)
		clk.add(time.Minute)
		if err := s.Save(id, f); err != nil {
			t.Fatal(err)
		}
	}
	for n < 60 { // revisions 2…60 on day 0
		save()
	}
	clk.set(day.AddDate(0, 0, 1))
	for n < 120 { // 61…120 on day 1
		save()
	}
	clk.set(day.AddDate(0, 0, 2))
	for n < 180 { // 121…180 on day 2
		save()
	}
	revs, err := s.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	var nums []int
	for _, r := range revs {
		nums = append(nums, r.N)
	}
	// The newest 50 (131…180), and the newest of day 1 and of day 0.
	want := []int{}
	for i := 180; i >= 131; i-- {
		want = append(want, i)
	}
	want = append(want, 120, 60)
	if fmt.Sprint(nums) != fmt.Sprint(want) {
		t.Errorf("kept revisions %v\nwant %v", nums, want)
	}
	if info, _ := s.Info(id); info.Revisions != len(want) {
		t.Errorf("Info.Revisions = %d, want %d", info.Revisions, len(want))
	}
	// The daily ones outside the recent window are stored compressed, the
	// recent ones are not.
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, id)
		rb := b.Bucket(bucketRevs)
		for n, want := range map[int]bool{60: true, 120: true, 131: false, 180: false} {
			v := rb.Get(u64(uint64(n)))
			if got := len(v) > 0 && v[0] == compressedMark; got != want {
				t.Errorf("revision %d compressed = %v, want %v", n, got, want)
			}
			if n == 120 {
				if z, p := len(v), len(rb.Get(u64(131))); z*2 > p {
					t.Errorf("compressed revision %d bytes, plain %d", z, p)
				}
			}
		}
		return nil
	})
	if r120, err := s.LoadRevision(id, 120); err != nil || r120.Goals[0].Text != "目标文字 120" {
		t.Errorf("compressed revision 120: %v", err)
	}
	// Each kept revision holds its own content.
	old, err := s.LoadRevision(id, 60)
	if err != nil {
		t.Fatal(err)
	}
	if old.Goals[0].Text != "目标文字 60" {
		t.Errorf("revision 60 has %q", old.Goals[0].Text)
	}
	if _, err := s.LoadRevision(id, 100); !errors.Is(err, ErrNotFound) {
		t.Errorf("pruned revision: %v", err)
	}
	if !strings.Contains(revs[0].Summary, "修改目标1") {
		t.Errorf("summary %q", revs[0].Summary)
	}

	// A year later, the daily revisions older than KeepDays go too.
	clk.set(day.AddDate(0, 0, KeepDays+10))
	save()
	revs, _ = s.Revisions(id)
	if len(revs) != KeepRecent || revs[0].N != 181 || revs[len(revs)-1].N != 132 {
		t.Errorf("after a year: %d revisions, %d…%d", len(revs), revs[0].N, revs[len(revs)-1].N)
	}
}

func TestRestoreRevisionIsNewRevision(t *testing.T) {
	s, _ := openTest(t)
	f := model.Sample()
	id, _ := s.Create(f)
	f.Goals = append(f.Goals, model.Goal{Text: "第35个目标"})
	f.Units[0].Tasks = append(f.Units[0].Tasks, model.Task{Content: "新任务", Total: model.MustAmount("2"), Fiscal: model.MustAmount("2")})
	if err := s.Save(id, f); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Revisions(id)
	if got, want := revs[0].Summary, "目标 34→35，任务 +1，合计 7898.5676→7900.5676 万元，财政资金 7898.5676→7900.5676 万元"; got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
	if err := s.RestoreRevision(id, 1); err != nil {
		t.Fatal(err)
	}
	revs, _ = s.Revisions(id)
	if len(revs) != 3 || revs[0].N != 3 || !strings.HasPrefix(revs[0].Summary, "恢复为第 1 版：目标 35→34") {
		t.Errorf("after restore: %+v", revs)
	}
	g, _ := s.Load(id)
	if formJSON(t, g) != formJSON(t, model.Sample()) {
		t.Errorf("restored content differs from revision 1")
	}
	if err := s.RestoreRevision(id, 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("restore of a missing revision: %v", err)
	}
}

func TestSummary(t *testing.T) {
	base := model.Sample()
	tests := []struct {
		name string
		edit func(f *model.Form)
		want string
	}{
		{"nothing", func(f *model.Form) {}, "没有内容改动"},
		{"year", func(f *model.Form) { f.Year = "2021" }, "年度 2020→2021"},
		{"goal text", func(f *model.Form) { f.Goals[4].Text = "x" }, "修改目标5"},
		{"two goals", func(f *model.Form) { f.Goals[0].Text, f.Goals[1].Text = "x", "y" }, "修改目标 2 处"},
		{"amount", func(f *model.Form) { f.Units[0].Tasks[0].Total = model.MustAmount("200") }, "修改任务 1 行，合计 7898.5676→7983.5676 万元"},
		{"bad amount", func(f *model.Form) { f.Units[0].Tasks[0].Fiscal = model.ParseAmount("abc") },
			"修改任务 1 行，财政资金 7898.5676→7783.5676 万元，1 个金额无法识别"},
		{"indicator", func(f *model.Form) { f.Indicators[3].Value = "≥99%" }, "修改指标 1 行"},
		{"indicator removed", func(f *model.Form) { f.Indicators = f.Indicators[:48] }, "指标 49→48"},
		{"unit removed", func(f *model.Form) { f.Units = f.Units[1:] }, "单位 8→7，任务 -" + fmt.Sprint(len(base.Units[0].Tasks)) + "，合计 7898.5676→" + model.ComputeTotals(&model.Form{Units: base.Units[1:]}).Total.String() + " 万元，财政资金 7898.5676→" + model.ComputeTotals(&model.Form{Units: base.Units[1:]}).Fiscal.String() + " 万元"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base.Clone()
			tt.edit(f)
			if got := Summary(base, f); got != tt.want {
				t.Errorf("Summary = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Summary(nil, base); got != "新建" {
		t.Errorf("Summary(nil) = %q", got)
	}
}

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
	// Moving it to the 回收站 and back keeps what a newer jixiao wrote in
	// its header.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts).Bucket([]byte("d5"))
		var raw map[string]any
		json.Unmarshal(b.Get(keyInfo), &raw)
		raw["futureField"] = "未来的内容"
		v, _ := json.Marshal(raw)
		return b.Put(keyInfo, v)
	})
	db.Close()
	s, _ = Open(path)
	if err := s.Delete("d5"); err != nil {
		t.Fatal(err)
	}
	if tr, _ := s.Trashed(); len(tr) != 1 || tr[0].ID != "d5" {
		t.Errorf("trash %+v", tr)
	}
	if err := s.Restore("d5"); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, "d5")
		if !strings.Contains(string(b.Get(keyInfo)), `"futureField":"未来的内容"`) {
			t.Errorf("header lost a newer field: %s", b.Get(keyInfo))
		}
		return nil
	})
	s.Close()
	s, _ = Open(path)
	before = fileHash(t, path)
	s.Close()
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
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

func TestSecondOpenerGetsInUseQuickly(t *testing.T) {
	s, path := openTest(t)
	id, _ := s.Create(model.Sample())
	before := fileHash(t, path)
	start := time.Now()
	s2, err := Open(path)
	elapsed := time.Since(start)
	if err != ErrInUse {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("second Open took %v, want < 2s", elapsed)
	}
	if !strings.Contains(err.Error(), "数据文件正被另一个 jixiao 窗口使用") {
		t.Errorf("message %q", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	// A restore from backup is refused too, as quickly.
	start = time.Now()
	if err := RestoreBackup(path, path+".nobackup"); err == nil {
		t.Errorf("restore while in use succeeded")
	}
	bk, err := Backups(path)
	_ = bk
	if err != nil {
		t.Fatal(err)
	}
	// The first store still works.
	if _, err := s.Load(id); err != nil {
		t.Errorf("first store after the second open: %v", err)
	}
	s.Close()
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("open after the first closed: %v", err)
	}
	s3.Close()
}

func TestRestoreBackupRefusedWhileInUse(t *testing.T) {
	s, path := openTest(t)
	id, _ := s.Create(model.Sample())
	s.Close()
	s, err := Open(path) // makes a backup of the file with the draft
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bk, err := Backups(path)
	if err != nil || len(bk) != 1 {
		t.Fatalf("backups %+v %v", bk, err)
	}
	before := fileHash(t, path)
	start := time.Now()
	if err := RestoreBackup(path, bk[0].Path); err != ErrInUse {
		t.Errorf("RestoreBackup while open = %v, want ErrInUse", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	if fileHash(t, path) != before {
		t.Errorf("the file changed")
	}
	if _, err := s.Load(id); err != nil {
		t.Error(err)
	}
}

// goodFile makes a drafts file with two drafts and one startup backup, and
// returns the draft ids.
func goodFile(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Create(model.Sample())
	b, _ := s.Create(model.Generate(300))
	s.Close()
	s, err = Open(path) // the backup holds both drafts
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return []string{a, b}
}

func TestDamagedFiles(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, good []byte) []byte
		reason string
	}{
		{"empty", func(t *testing.T, good []byte) []byte { return []byte{} }, "空的"},
		{"truncated to half", func(t *testing.T, good []byte) []byte { return good[:len(good)/2] }, "截断"},
		{"truncated inside the meta pages", func(t *testing.T, good []byte) []byte { return good[:3000] }, ""},
		{"random bytes", func(t *testing.T, good []byte) []byte {
			b := make([]byte, 64<<10)
			for i := range b {
				b[i] = byte(i*7919 + i/13)
			}
			return b
		}, ""},
		{"zeros", func(t *testing.T, good []byte) []byte { return make([]byte, len(good)) }, ""},
		{"text file", func(t *testing.T, good []byte) []byte {
			return []byte("年度,部门\n2021,郑州市生态环境局\n")
		}, "太短"},
		{"garbage page in the middle", func(t *testing.T, good []byte) []byte {
			b := bytes.Clone(good)
			ps := 4096
			for p := 2; p*ps < len(b); p++ { // overwrite every page after the metas
				for i := 0; i < ps; i++ {
					b[p*ps+i] = byte(p + i*31)
				}
			}
			return b
		}, ""},
		{"both meta pages damaged", func(t *testing.T, good []byte) []byte {
			b := bytes.Clone(good)
			b[16+20] ^= 0xff
			b[4096+16+20] ^= 0xff
			return b
		}, "校验和"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "drafts.db")
			ids := goodFile(t, path)
			good, _ := os.ReadFile(path)
			bad := tt.damage(t, good)
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			backupsBefore, _ := Backups(path)

			start := time.Now()
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open of a damaged file succeeded")
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("Open took %v", time.Since(start))
			}
			var de *DamagedError
			if !errors.As(err, &de) {
				t.Fatalf("Open = %v (%T), want *DamagedError", err, err)
			}
			msg := err.Error()
			t.Logf("%s", msg)
			for _, want := range []string{"已损坏", "保持原样", "jixiao restore --list", de.Backup} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks %q: %s", want, msg)
				}
			}
			if tt.reason != "" && !strings.Contains(de.Reason, tt.reason) {
				t.Errorf("reason %q lacks %q", de.Reason, tt.reason)
			}
			if de.Backup == "" {
				t.Errorf("no backup offered")
			}
			now, _ := os.ReadFile(path)
			if !bytes.Equal(now, bad) {
				t.Fatalf("the damaged file was changed (%d → %d bytes)", len(bad), len(now))
			}
			if after, _ := Backups(path); len(after) != len(backupsBefore) {
				t.Errorf("a backup of the damaged file was made")
			}

			// Restore the offered backup; the damaged file is kept.
			if err := RestoreBackup(path, de.Backup); err != nil {
				t.Fatal(err)
			}
			s, err = Open(path)
			if err != nil {
				t.Fatalf("open after restore: %v", err)
			}
			for _, id := range ids {
				if _, err := s.Load(id); err != nil {
					t.Errorf("draft %s after restore: %v", id, err)
				}
			}
			s.Close()
			checkBolt(t, path)
			bk, _ := Backups(path)
			kept := false
			for _, b := range bk {
				if b.Note != "" {
					data, _ := os.ReadFile(b.Path)
					kept = kept || bytes.Equal(data, bad)
				}
			}
			if !kept {
				t.Errorf("the damaged file was not kept among the backups: %+v", bk)
			}
		})
	}
}

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

func TestConcurrentUse(t *testing.T) {
	s, _ := openTest(t)
	id, _ := s.Create(model.Sample())
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	wg.Add(1)
	go func() { // the background saver
		defer wg.Done()
		f := model.Sample()
		for i := 0; i < 40; i++ {
			f.Goals[0].Text = fmt.Sprint("第", i, "次")
			if err := s.Save(id, f); err != nil {
				errs <- err
			}
		}
	}()
	for g := 0; g < 3; g++ { // the GUI reading
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				if _, err := s.Load(id); err != nil {
					errs <- err
				}
				if _, err := s.List(); err != nil {
					errs <- err
				}
				if _, err := s.Revisions(id); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // creating another draft meanwhile
		defer wg.Done()
		for i := 0; i < 5; i++ {
			if _, err := s.Create(model.New("2021", fmt.Sprint("局", i), time.Time{})); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	f, _ := s.Load(id)
	if f.Goals[0].Text != "第39次" {
		t.Errorf("last save lost: %q", f.Goals[0].Text)
	}
	if list, _ := s.List(); len(list) != 6 {
		t.Errorf("%d drafts", len(list))
	}
}

func TestClosedStore(t *testing.T) {
	s, _ := openTest(t)
	id, _ := s.Create(model.Sample())
	s.Close()
	if _, err := s.Load(id); err != ErrClosed {
		t.Errorf("Load after Close = %v", err)
	}
	if err := s.Save(id, model.Sample()); err != ErrClosed {
		t.Errorf("Save after Close = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

// TestRandomCorruption damages a good file in random places, many times:
// Open either refuses with a *DamagedError and leaves the file as it is,
// or opens it, and then reading every draft gives the drafts or errors —
// never a crash of the program.
func TestRandomCorruption(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	ids := goodFile(t, good)
	orig := mustRead(t, good)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	rounds := 150
	if testing.Short() {
		rounds = 30
	}
	refused, opened, readErrs := 0, 0, 0
	for i := 0; i < rounds; i++ {
		b := bytes.Clone(orig)
		switch rng.IntN(3) {
		case 0: // a few flipped bytes anywhere
			for k := 0; k < 1+rng.IntN(8); k++ {
				b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
			}
		case 1: // a block of garbage
			at, n := rng.IntN(len(b)), 16+rng.IntN(4096)
			for k := at; k < min(at+n, len(b)); k++ {
				b[k] = byte(rng.IntN(256))
			}
		case 2: // a page header overwritten (page id, flags, count, overflow)
			p := 2 + rng.IntN(len(b)/4096-2)
			for k := 0; k < 16; k++ {
				b[p*4096+k] = byte(rng.IntN(256))
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("c%d.db", i))
		os.WriteFile(path, b, 0o600)
		s, err := Open(path)
		if err != nil {
			var de *DamagedError
			if !errors.As(err, &de) && !strings.Contains(err.Error(), "jixiao") {
				t.Errorf("round %d: %v", i, err)
			}
			if !bytes.Equal(mustRead(t, path), b) {
				t.Errorf("round %d: a refused file was changed", i)
			}
			refused++
			continue
		}
		opened++
		if _, err := s.List(); err != nil {
			readErrs++
		}
		for _, id := range ids {
			if _, err := s.Load(id); err != nil {
				readErrs++
			}
		}
		s.Close()
	}
	t.Logf("%d damaged copies: %d refused as damaged, %d opened (%d read errors)", rounds, refused, opened, readErrs)
}

// TestSameTaskCoversTask fails when model.Task gains a field that sameTask
// (the revision summary's row comparison) does not look at yet.
func TestSameTaskCoversTask(t *testing.T) {
	if n := reflect.TypeOf(model.Task{}).NumField(); n != 8 {
		t.Errorf("model.Task has %d fields; update sameTask in summary.go and this count", n)
	}
	a := model.Sample().Units[0].Tasks[0]
	for name, edit := range map[string]func(*model.Task){
		"content": func(x *model.Task) { x.Content += "x" },
		"total":   func(x *model.Task) { x.Total = model.ParseAmount("1") },
		"fiscal":  func(x *model.Task) { x.Fiscal = model.ParseAmount("x") },
		"other":   func(x *model.Task) { x.Other = model.ParseAmount("2") },
		"note":    func(x *model.Task) { x.Note = "n" },
		"goals":   func(x *model.Task) { x.Goals = []int{9} },
		"prev":    func(x *model.Task) { x.Prev = &model.PrevAmounts{Total: model.ParseAmount("1")} },
		"review":  func(x *model.Task) { x.Review = true },
	} {
		b := a
		b.Goals = slices.Clone(a.Goals)
		edit(&b)
		if sameTask(&a, &b) {
			t.Errorf("a change of %s is not seen", name)
		}
	}
	b := a
	if !sameTask(&a, &b) {
		t.Errorf("equal rows differ")
	}
}

func TestTrashedNewestDeletedFirst(t *testing.T) {
	s, _ := openTest(t)
	clk := &fakeClock{t: time.Date(2026, 5, 1, 9, 0, 0, 0, time.Local)}
	s.now = clk.now
	a, _ := s.Create(model.New("2021", "甲局", time.Time{}))
	clk.add(time.Hour)
	b, _ := s.Create(model.New("2021", "乙局", time.Time{})) // changed later than a
	clk.add(time.Hour)
	s.Delete(b)
	clk.add(time.Hour)
	s.Delete(a) // deleted last
	trash, err := s.Trashed()
	if err != nil || len(trash) != 2 || trash[0].ID != a || trash[1].ID != b {
		t.Errorf("Trashed = %+v %v, want %s (deleted last) first", trash, err, a)
	}
}

func TestBigFormStoredCompressed(t *testing.T) {
	s, path := openTest(t)
	f := model.Generate(2000)
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	f.Units[3].Tasks[7].Note = "改了一行"
	if err := s.Save(id, f); err != nil {
		t.Fatal(err)
	}
	plainSize := len(mustJSON(t, f))
	s.view(func(tx *bolt.Tx) error {
		b, _ := draftBucket(tx, id)
		for n := uint64(1); n <= 2; n++ {
			v := b.Bucket(bucketRevs).Get(u64(n))
			if len(v) == 0 || v[0] != compressedMark || len(v)*3 > plainSize {
				t.Errorf("revision %d: %d bytes (plain %d), compressed %v", n, len(v), plainSize, len(v) > 0 && v[0] == compressedMark)
			}
		}
		return nil
	})
	s.Close()
	s2, err := Open(path) // no cache: decoded from the file
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	g, err := s2.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if formJSON(t, g) != formJSON(t, f) {
		t.Errorf("big form differs after the round trip")
	}
	revs, _ := s2.Revisions(id)
	if len(revs) != 2 || revs[0].Summary != "修改任务 1 行" {
		t.Errorf("revisions %+v", revs)
	}
	// An unchanged save of a compressed head writes nothing.
	if err := s2.Save(id, g); err != nil {
		t.Fatal(err)
	}
	if revs, _ := s2.Revisions(id); len(revs) != 2 {
		t.Errorf("unchanged save added a revision")
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
