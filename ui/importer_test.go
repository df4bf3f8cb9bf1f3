package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/model"
)

// clerkXLSX writes a workbook as a clerk types it: the official header
// texts, merged unit cells, one bad amount (D8).
func clerkXLSX(t *testing.T) string {
	t.Helper()
	xf := excelize.NewFile()
	defer xf.Close()
	set := func(a string, v any) {
		if err := xf.SetCellValue("Sheet1", a, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		if err := xf.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "市级部门整体绩效目标申报表")
	set("A2", "( 2021年度 )")
	set("A3", "部门名称：")
	set("B3", "某某市某某局")
	set("A4", "年度总体目标")
	merge("A4", "A5")
	set("B4", "目标1：完成监测任务。")
	set("B5", "目标2：完成执法任务。")
	set("A6", "任务名称")
	set("B6", "主要内容")
	set("C6", "预算资金（万元）")
	merge("C6", "D6")
	set("E6", "备注")
	set("C7", "合计")
	set("D7", "其中：财政资金")
	set("A8", "甲单位")
	merge("A8", "A9")
	set("B8", "监测")
	set("C8", 100.5)
	set("D8", "一百")
	set("B9", "执法")
	set("C9", "20")
	set("D9", "20")
	set("A10", "合计")
	set("C10", 120.5)
	set("A12", "一级指标")
	set("B12", "二级指标")
	set("C12", "三级指标")
	set("D12", "指标值")
	set("E12", "指标解释")
	set("F12", "指标说明")
	set("A13", "产出指标")
	set("B13", "数量指标")
	set("C13", "监测次数")
	set("D13", "≥12次")
	p := filepath.Join(t.TempDir(), "某局2021.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportReportBeforeCreate(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, model.Sample())
	path := clerkXLSX(t)
	_, rep, err := export.ImportFile(path, export.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) == 0 {
		t.Fatal("the bad amount is not a problem of the import")
	}
	ws.ImportPath(path)
	r := ws.imp
	if r == nil {
		t.Fatal("no import report shown")
	}
	for _, s := range []string{"某局2021.xlsx", "年度：2021", "某某市某某局", "年度总体目标 2 条", "任务单位 1 个", "主要任务 2 项", "绩效指标 1 行", "Sheet1!D8"} {
		if !strings.Contains(r.text, s) {
			t.Errorf("report lacks %q:\n%s", s, r.text)
		}
	}
	for _, p := range rep.Problems {
		if !strings.Contains(r.text, p.String()) {
			t.Errorf("problem %q not shown", p)
		}
	}
	// the report is on screen and nothing is created yet
	if findButton(ws.win, "创建草稿") == nil {
		t.Fatal("no 创建草稿 button")
	}
	if l, _ := st.List(); len(l) != 1 {
		t.Fatalf("%d drafts before confirmation", len(l))
	}
	tapButton(t, ws.win, "创建草稿")
	if r.created == "" || ws.e.ID() != r.created {
		t.Fatal("imported draft not opened")
	}
	f := ws.e.Form()
	if f.Dept != "某某市某某局" || f.Year != "2021" || f.TaskCount() != 2 || f.Meta.Origin != "导入自 某局2021.xlsx" {
		t.Errorf("opened %q %q %d tasks, origin %q", f.Dept, f.Year, f.TaskCount(), f.Meta.Origin)
	}
	if got := f.Units[0].Tasks[0].Fiscal.Raw(); got != "一百" {
		t.Errorf("bad amount kept as %q", got)
	}
	if l, _ := st.List(); len(l) != 2 || l[0].Origin != "导入自 某局2021.xlsx" {
		t.Errorf("drafts after import: %+v", l)
	}
}

func TestDropFile(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, model.Sample())
	// a JSON file dropped on the window: the same report first
	p := filepath.Join(t.TempDir(), "局机关.json")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteJSON(out, model.Sample()); err != nil {
		t.Fatal(err)
	}
	out.Close()
	ws.Dropped([]fyne.URI{storage.NewFileURI(p)})
	if ws.imp == nil || !strings.Contains(ws.imp.text, "主要任务 34 项") {
		t.Fatalf("no report for the dropped file")
	}
	if l, _ := st.List(); len(l) != 1 {
		t.Fatal("created before confirmation")
	}
	// a file that is not a form: a message, no draft
	bad := filepath.Join(t.TempDir(), "x.json")
	os.WriteFile(bad, []byte("{不是"), 0o600)
	ws.imp = nil
	ws.Dropped([]fyne.URI{storage.NewFileURI(bad)})
	if ws.imp != nil || ws.lastInfo == "" {
		t.Errorf("bad file: report %v, message %q", ws.imp != nil, ws.lastInfo)
	}
}
