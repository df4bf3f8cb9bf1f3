package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
)

func TestExportJSONReadsBack(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	retype(focused(t, w), "郑州市导出测试局")
	dir := t.TempDir()
	path := filepath.Join(dir, export.FileName(e.Form(), "json"))
	_, wk := fakes(t, e)
	calls := 0
	var got error
	done := func(_ []rune, err error) { calls, got = calls+1, err }
	e.ExportTo(ExportKinds[2], path, done)
	wk.Run()
	if calls != 1 || got != nil {
		t.Fatalf("done called %d times, error %v", calls, got)
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	g, err := export.ReadJSON(fh)
	if err != nil {
		t.Fatal(err)
	}
	if g.Dept != "郑州市导出测试局" || model.ComputeTotals(g).Total != e.Totals().Total || len(g.Goals) != len(e.Form().Goals) {
		t.Errorf("read back %q, total %v", g.Dept, model.ComputeTotals(g).Total)
	}
	if !strings.HasPrefix(filepath.Base(path), "郑州市导出测试局_2020年度_") {
		t.Errorf("file name %q", filepath.Base(path))
	}
	if e.prefs.String(PrefExportDir) != dir {
		t.Errorf("last folder %q not remembered", e.prefs.String(PrefExportDir))
	}
	// A folder that does not exist: a Chinese error, no file.
	bad := filepath.Join(dir, "没有这个文件夹", "a.json")
	e.ExportTo(ExportKinds[2], bad, done)
	wk.Run()
	if calls != 2 || got == nil || !strings.Contains(got.Error(), "无法写入") || !strings.Contains(got.Error(), "不存在") {
		t.Errorf("export to a missing folder: %v", got)
	}
}

func TestTabOrderFollowsForm(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	c := w.Canvas()
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldYear})
	if c.Focused() != fyne.Focusable(e.basic.year) {
		t.Fatal("年度 not focused")
	}
	c.FocusNext()
	if c.Focused() != fyne.Focusable(e.basic.dept) {
		t.Errorf("after 年度 comes %T, want 部门名称", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != fyne.Focusable(e.basic.opts[0]) {
		t.Errorf("after 部门名称 comes %T, want the first switch", c.Focused())
	}
	// Task row: 主要内容 → 合计 → 财政资金 → 备注.
	e.Focus(taskLoc(1, 2, model.FieldContent))
	it := e.tasks.shown[1*1_000_000+2]
	for _, want := range []*widget.Entry{it.amounts[colTotal], it.amounts[colFiscal], it.note} {
		c.FocusNext()
		if c.Focused() != fyne.Focusable(want) {
			t.Fatalf("Tab went to %T %v, want %q", c.Focused(), c.Focused(), want.PlaceHolder)
		}
	}
	// A goal's text area leaves Tab to move on (it does not type a tab).
	e.Focus(model.Location{Part: model.PartGoals, Row: 0})
	before := e.Form().Goals[0].Text
	c.FocusNext()
	if c.Focused() == fyne.Focusable(e.goals.shown[0].text) || e.Form().Goals[0].Text != before {
		t.Errorf("Tab stayed in the goal text")
	}
}

func TestInsertPos(t *testing.T) {
	rows := []model.Indicator{
		{Level1: "A", Level2: "x"}, {Level1: "A", Level2: "y"}, {Level1: "B", Level2: "z"},
	}
	for _, c := range []struct {
		l1, l2 string
		want   int
	}{{"A", "x", 1}, {"A", "y", 2}, {"A", "new", 2}, {"B", "z", 3}, {"C", "q", 3}} {
		if got := insertPos(rows, model.Indicator{Level1: c.l1, Level2: c.l2}); got != c.want {
			t.Errorf("%s/%s: at %d, want %d", c.l1, c.l2, got, c.want)
		}
	}
}

func TestPanicInEditIsReported(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	e.Apply(func(f *model.Form) { _ = f.Units[99] })
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Errorf("no message shown after a failed edit")
	}
}
