package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

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
