package export

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

func TestTablesOfEachStage(t *testing.T) {
	f := model.Sample()
	if got := Tables(f); len(got) != 1 || got[0] != model.StageDeclare {
		t.Errorf("申报: %v", got)
	}
	_ = f.SetStage(model.StageMonitor, 6, stageNow)
	if got := Tables(f); len(got) != 2 || got[0] != model.StageMonitor {
		t.Errorf("运行监控: %v", got)
	}
	_ = f.SetStage(model.StageEval, 0, stageNow)
	// The 运行监控表 is as of a month, which the 自评 no longer has.
	if got := Tables(f); len(got) != 2 || got[0] != model.StageEval || got[1] != model.StageDeclare {
		t.Errorf("自评: %v", got)
	}
	if got := TableFileName(f, model.StageEval, "pdf"); got != "郑州市生态环境局_2020年度_绩效自评表.pdf" {
		t.Errorf("file name %q", got)
	}
	if _, err := WriteTable(&bytes.Buffer{}, f, nil, model.StageEval, "json"); err == nil || !strings.Contains(err.Error(), "自评表") {
		t.Errorf("json: %v", err)
	}
}

// A 运行监控表 with errors says so on every page, counting its own
// findings; an unreadable amount is noted under its 合计, in the PDF and
// in the xlsx, and the xlsx page header carries the mark.
func TestStageTablesCarryTheirOwnVerdict(t *testing.T) {
	f := cleanSample(t)
	if err := f.SetStage(model.StageMonitor, 6, stageNow); err != nil {
		t.Fatal(err)
	}
	f.Units[0].Tasks[0].Monitor.Executed = model.ParseAmount("1O")
	fs := model.Check(f)
	mon, dec := model.JudgeTable(fs, model.StageMonitor), model.JudgeTable(fs, model.StageDeclare)
	if mon.Errors == 0 || dec.Errors != 0 {
		t.Fatalf("verdicts: 监控 %+v 申报 %+v", mon, dec)
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	rep, err := WriteTable(&buf, f, nil, model.StageMonitor, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "mon.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	raw := poppler(t, "pdftotext", p, "-")
	if n := strings.Count(raw, mon.Mark()); n != rep.Pages || n == 0 {
		t.Errorf("%q on %d of %d pages", mon.Mark(), n, rep.Pages)
	}
	if !strings.Contains(squash(raw), "合计不含1项无法识别的金额") {
		t.Errorf("monitor PDF lacks the note")
	}
	// The 申报表 of the same draft passes: no mark.
	buf.Reset()
	if _, err := WriteTable(&buf, f, nil, model.StageDeclare, "pdf"); err != nil {
		t.Fatal(err)
	}
	dp := filepath.Join(dir, "dec.pdf")
	_ = os.WriteFile(dp, buf.Bytes(), 0o644)
	if raw := poppler(t, "pdftotext", dp, "-"); strings.Contains(raw, "未通过审核") {
		t.Error("the 申报表 of a monitor draft is marked with the monitor's errors")
	}
	buf.Reset()
	if _, err := WriteTable(&buf, f, nil, model.StageMonitor, "xlsx"); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range StageSheets {
		hf, err := xf.GetHeaderFooter(sh)
		if err != nil || !strings.Contains(hf.OddHeader, mon.Mark()) {
			t.Errorf("xlsx header of %s: %+v %v", sh, hf, err)
		}
	}
	rows, _ := xf.GetRows(TaskSheetName)
	if !slices.ContainsFunc(rows, func(r []string) bool {
		return slices.Contains(r, "注：合计不含 1 项无法识别的金额（见标红的单元格），请改正后重新导出")
	}) {
		t.Error("xlsx lacks the note under the 合计")
	}
	// The input cells still import back after the note row.
	typeText(t, xf, IndicatorSheetName, cellOf(t, xf, IndicatorSheetName, keyOfIndNamed(t, f, "政府采购执行率"), "完成可能性"), "确定能")
	var out bytes.Buffer
	_ = xf.Write(&out)
	g, _, err := ImportStageValues("监控.xlsx", out.Bytes(), f)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Indicators[indexByName(g, "政府采购执行率")].Monitor.Likelihood; got != model.LikelySure {
		t.Errorf("imported likelihood %q", got)
	}
}
