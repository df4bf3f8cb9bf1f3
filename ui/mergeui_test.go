package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"jixiao/export"
	"jixiao/model"
)

// unitFile writes a JSON file holding unit u of the sample (year, dept as
// given) with its targets.
func unitFile(t *testing.T, dir, name string, f *model.Form) string {
	t.Helper()
	p := filepath.Join(dir, name)
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := export.WriteJSON(out, f); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMergeDialog(t *testing.T) {
	ws, st, id := newTestWorkspace(t, model.Sample())
	e := ws.e
	dir := t.TempDir()
	sample := model.Sample()
	total := e.Totals().Total

	// A: the draft's first unit again, with its first row changed
	a := model.New("2020", sample.Dept, sample.Meta.Created)
	a.Units = []model.Unit{sample.Units[0]}
	a.Units[0].Tasks = append([]model.Task(nil), sample.Units[0].Tasks...)
	a.Units[0].Tasks[0].Total = model.MustAmount("1")
	a.Units[0].Tasks[0].Fiscal = model.MustAmount("1")
	a.Goals = sample.Goals
	pa := unitFile(t, dir, "甲.json", a)
	// B: a new unit of another year
	b := model.New("2021", sample.Dept, sample.Meta.Created)
	b.Units = []model.Unit{{Name: "新单位", Tasks: []model.Task{{Content: "新任务", Total: model.MustAmount("10"), Fiscal: model.MustAmount("10")}}}}
	pb := unitFile(t, dir, "乙.json", b)

	ws.MergeDialog([]string{pa})
	m := ws.merge
	m.add(pb)
	m.add(pa) // once only
	if len(m.files) != 2 {
		t.Fatalf("%d files listed", len(m.files))
	}
	rg := m.choices[strings.TrimSpace(sample.Units[0].Name)]
	if rg == nil {
		t.Fatalf("no choice for the existing unit; conflicts %v; file errors %v %v", m.conflicts, m.files[0].err, m.files[1].err)
	}
	if rg.Selected != "跳过" {
		t.Errorf("default choice %q, want 跳过", rg.Selected)
	}
	// another 年度 must be confirmed
	if m.yearOK.Hidden || !m.mergeBtn.Disabled() {
		t.Fatal("merge allowed without confirming the other 年度")
	}
	test.Tap(m.yearOK)
	// targets with the same text: the clerk may keep both
	if m.sameGoals.Hidden || m.Choices().KeepSameGoals {
		t.Error("no 相同目标分别保留 choice, or it is on by default")
	}
	if m.mergeBtn.Disabled() {
		t.Fatal("merge still disabled after the confirmation")
	}
	rg.SetSelected("替换")
	revs, _ := st.Revisions(id)
	tapButton(t, ws.win, "合并")

	f := e.Form()
	if len(f.Units) != 9 || f.Units[8].Name != "新单位" {
		t.Fatalf("%d units after merge", len(f.Units))
	}
	if f.Units[0].Tasks[0].Total.Raw() != "1" {
		t.Errorf("unit not replaced: %q", f.Units[0].Tasks[0].Total.Raw())
	}
	want := total - sample.Units[0].Tasks[0].Total.Money() + model.MustAmount("1").Money() + model.MustAmount("10").Money()
	if e.Totals().Total != want {
		t.Errorf("total %s, want %s", model.FormatMoney(e.Totals().Total, false), model.FormatMoney(want, false))
	}
	if after, _ := st.Revisions(id); len(after) != len(revs)+1 {
		t.Errorf("%d revisions after merge, want %d", len(after), len(revs)+1)
	}
	for _, s := range []string{"甲.json", "乙.json", "替换1个", "新增1个", "Ctrl+Z"} {
		if !strings.Contains(ws.lastInfo, s) {
			t.Errorf("report lacks %q:\n%s", s, ws.lastInfo)
		}
	}
	// one undo step
	ws.Undo()
	if len(e.Form().Units) != 8 || e.Totals().Total != total {
		t.Errorf("undo of the merge: %d units, total %s", len(e.Form().Units), model.FormatMoney(e.Totals().Total, false))
	}
}

func TestMergeDroppedFiles(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	dir := t.TempDir()
	f := model.New("2020", "x", model.Sample().Meta.Created)
	f.Units = []model.Unit{{Name: "丙单位", Tasks: []model.Task{{Content: "一", Total: model.MustAmount("2")}}}}
	p1 := unitFile(t, dir, "1.json", f)
	f.Units[0].Name = "丁单位"
	p2 := unitFile(t, dir, "2.json", f)
	ws.Dropped([]fyne.URI{storage.NewFileURI(p1), storage.NewFileURI(p2)})
	if ws.merge == nil || !ws.merge.open || len(ws.merge.files) != 2 {
		t.Fatal("two dropped files do not open 合并导入")
	}
	// a third dropped while it is open joins the list
	f.Units[0].Name = "戊单位"
	p3 := unitFile(t, dir, "3.json", f)
	ws.Dropped([]fyne.URI{storage.NewFileURI(p3)})
	if len(ws.merge.files) != 3 {
		t.Errorf("%d files after a drop onto 合并导入", len(ws.merge.files))
	}
	if ws.imp != nil {
		t.Error("a file dropped onto 合并导入 was imported as a draft")
	}
}
