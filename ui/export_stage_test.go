package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testtool"
	"jixiao/model"
)

// pdfToText is the text of the PDF at path (pdftotext -raw); in CI a
// missing pdftotext fails the test (scripts/setup.sh installs it).
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	pdftotext := testtool.Need(t, "poppler-utils", "pdftotext")
	out, err := exec.Command(pdftotext, "-raw", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.ReplaceAll(string(out), " ", "")
}

// exportFromWindow runs 导出 kind in the window as a clerk does: in a
// stage past 申报 it picks the table choice starting with table (or
// leaves the first, the stage's own, when table is ""), passes the
// warning with 仍然导出 and saves to path. It returns the texts of the
// dialogs seen on the way.
func exportFromWindow(t *testing.T, e *Editor, k ExportKind, table, path string) (seen string) {
	t.Helper()
	w := e.win
	_, wk := fakes(t, e)
	ff := &fakeFiles{path: path}
	e.Files = ff
	e.Export(k)
	if len(export.Tables(e.form)) > 1 {
		seen += overlayTexts(w)
		if e.exportRadio != nil {
			seen += strings.Join(e.exportRadio.Options, "\n") + "\n"
		}
		if e.exportRadio == nil || e.exportRadio.Selected != e.exportRadio.Options[0] {
			t.Fatalf("table choice not preset to the stage's own table: %+v", e.exportRadio)
		}
		if table != "" {
			for _, o := range e.exportRadio.Options {
				if strings.HasPrefix(o, table) {
					e.exportRadio.SetSelected(o)
				}
			}
		}
		tapButton(t, w, "导出…")
	}
	if b := findButton(w, "仍然导出"); b != nil {
		seen += overlayTexts(w)
		test.Tap(b)
	}
	if ff.saves != 1 {
		t.Fatalf("save asked %d times; dialogs:\n%s", ff.saves, seen)
	}
	seen += "file:" + ff.asked[0].Name + "\n"
	if wk.Run() != 1 {
		t.Fatal("the export did not run")
	}
	return seen + overlayTexts(w)
}

func nospace(s string) string { return strings.ReplaceAll(s, " ", "") }

func sheetNames(t *testing.T, path string) []string {
	t.Helper()
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	return xf.GetSheetList()
}

// Each stage exports its own table first, as Excel and PDF, with the
// warning naming that table and counting its errors; the 申报表 can still
// be chosen.
func TestExportFromEachStageWritesThatStagesTable(t *testing.T) {
	dir := t.TempDir()
	f := cleanForm()
	e, _ := newTestEditor(t, f, &memSaver{})

	// 申报: no question, the 申报表.
	p := filepath.Join(dir, "d.xlsx")
	seen := exportFromWindow(t, e, ExportKinds[0], "", p)
	if !strings.Contains(seen, "file:郑州市生态环境局_2020年度_绩效目标申报表.xlsx") || strings.Contains(seen, "未通过审核") {
		t.Errorf("申报 export:\n%s", seen)
	}
	if got := sheetNames(t, p); got[0] != export.SheetName {
		t.Errorf("申报 sheets %v", got)
	}

	// 运行监控: the 运行监控表 first; its empty 执行数 are its errors.
	e.year.SetStage(model.StageMonitor, 6)
	mon := model.JudgeTable(e.Findings(), model.StageMonitor)
	if mon.Errors == 0 || model.JudgeTable(e.Findings(), model.StageDeclare).Errors != 0 {
		t.Fatalf("monitor verdicts: %+v", mon)
	}
	p = filepath.Join(dir, "m.xlsx")
	seen = exportFromWindow(t, e, ExportKinds[0], "", p)
	for _, want := range []string{"运行监控表（截至6月）　本阶段的表", "申报表", "审核发现运行监控表有 " + itoa(mon.Errors) + " 个错误",
		"“" + mon.Mark() + "”", "file:郑州市生态环境局_2020年度_绩效运行监控表.xlsx", "已导出到"} {
		if !strings.Contains(seen, want) && !strings.Contains(seen, cjkText(want)) {
			t.Errorf("监控 export lacks %q:\n%s", want, seen)
		}
	}
	if got := sheetNames(t, p); len(got) < 2 || got[0] != export.TaskSheetName || got[1] != export.IndicatorSheetName {
		t.Errorf("监控 sheets %v", got)
	}
	p = filepath.Join(dir, "m.pdf")
	exportFromWindow(t, e, ExportKinds[1], "", p)
	txt := pdfToText(t, p)
	if !strings.Contains(txt, "部门整体绩效运行监控表") || !strings.Contains(txt, nospace(mon.Mark())) {
		t.Errorf("监控 PDF:\n%.400s", txt)
	}
	// The 申报表 of the monitor draft, chosen: no warning (it has no errors).
	p = filepath.Join(dir, "md.pdf")
	seen = exportFromWindow(t, e, ExportKinds[1], "申报表", p)
	if strings.Contains(seen, "未通过审核") || !strings.Contains(seen, "file:郑州市生态环境局_2020年度_绩效目标申报表.pdf") {
		t.Errorf("申报表 from 监控:\n%s", seen)
	}
	if txt := pdfToText(t, p); strings.Contains(txt, "未通过审核") || strings.Contains(txt, "运行监控表") {
		t.Errorf("申报表 PDF from 监控:\n%.400s", txt)
	}

	// 年度自评: the 自评表 first.
	e.year.SetStage(model.StageEval, 0)
	ev := model.JudgeTable(e.Findings(), model.StageEval)
	p = filepath.Join(dir, "e.pdf")
	seen = exportFromWindow(t, e, ExportKinds[1], "", p)
	if !strings.Contains(seen, "自评表　本阶段的表") || !strings.Contains(seen, cjkText("审核发现自评表有 "+itoa(ev.Errors)+" 个错误")) {
		t.Errorf("自评 export:\n%s", seen)
	}
	txt = pdfToText(t, p)
	if !strings.Contains(txt, "部门整体绩效自评表") || !strings.Contains(txt, nospace(ev.Mark())) {
		t.Errorf("自评 PDF:\n%.400s", txt)
	}
	p = filepath.Join(dir, "e.xlsx")
	exportFromWindow(t, e, ExportKinds[0], "", p)
	if got := sheetNames(t, p); len(got) < 2 || got[0] != export.TaskSheetName || got[1] != export.IndicatorSheetName {
		t.Errorf("自评 sheets %v", got)
	}
}
