package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"jixiao/model"
)

// A 监控表/自评表 says whose it is (ReadStageInfo) and is never read as a new
// draft: the 申报 import refuses it with its StageInfo, which the window
// and the command line use to name the draft it belongs to.
func TestStageWorkbookIsNotANewDraft(t *testing.T) {
	ev := model.SampleEval(stageNow)
	eval := workbookBytes(t, exportStage(t, ev, model.StageEval))
	mon := workbookBytes(t, exportStage(t, stageBase(t, model.StageMonitor), model.StageMonitor))
	var decl bytes.Buffer
	if err := WriteXLSX(&decl, model.Sample()); err != nil {
		t.Fatal(err)
	}

	info, err := ReadStageInfo("自评.xlsx", eval)
	if err != nil || info == nil || info.Stage != model.StageEval || info.Dept != ev.Dept || info.Year != ev.Year ||
		info.Table() != "自评表" || !info.Fits(" "+ev.Dept, ev.Year+" ") || info.Fits("别的局", ev.Year) || info.Fits(ev.Dept, "2021") {
		t.Fatalf("自评表: %+v %v", info, err)
	}
	if info, err := ReadStageInfo("监控.xlsx", mon); err != nil || info == nil || info.Stage != model.StageMonitor || info.Month != 6 || info.Table() != "运行监控表（截至6月）" {
		t.Fatalf("监控表: %+v %v", info, err)
	}
	for name, data := range map[string][]byte{"申报表": decl.Bytes(), "not a zip": []byte("hello"), "empty": nil} {
		if info, err := ReadStageInfo("x.xlsx", data); info != nil || err != nil {
			t.Errorf("%s: %+v %v", name, info, err)
		}
	}

	_, _, err = ImportBytes("自评.xlsx", eval, ImportOptions{})
	var sw *StageWorkbookError
	if !errors.As(err, &sw) || sw.Info.Stage != model.StageEval || sw.Name != "自评.xlsx" || model.ErrorCode(err) != model.EINVALID ||
		!strings.Contains(model.ErrorMessage(err), "是本程序导出的自评表（郑州市生态环境局 2020年度），不是申报表，不能导入为新草稿") ||
		!strings.Contains(model.ErrorMessage(err), "导入填好的自评表…") {
		t.Fatalf("申报 import of a 自评表: %v", err)
	}

	// A newer format is refused by both, with the newer-version message.
	xf := exportStage(t, ev, model.StageEval)
	typeText(t, xf, StageDataSheet, "A1", StageFormat+"/9")
	typeText(t, xf, StageDataSheet, "B1", "9.0")
	newer := workbookBytes(t, xf)
	if _, err := ReadStageInfo("新.xlsx", newer); model.ErrorCode(err) != model.EUNSUPPORTED {
		t.Errorf("newer format: %v", err)
	}
	if _, _, err := ImportBytes("新.xlsx", newer, ImportOptions{}); model.ErrorCode(err) != model.EUNSUPPORTED || errors.As(err, &sw) {
		t.Errorf("申报 import of a newer 自评表: %v", err)
	}

	// A 申报表 given to the stage import is named as such.
	if _, _, err := ImportStageValues("申报.xlsx", decl.Bytes(), ev); err == nil || !strings.Contains(err.Error(), "“申报.xlsx”是申报表，不是本程序导出的运行监控表或自评表") {
		t.Errorf("申报表 into the stage import: %v", err)
	}
}

// The report names each change's row and column apart, and the cells where
// the file's own formulas (as a spreadsheet program saved them) differ from
// the program's result are listed apart from the hints.
func TestStageReportRowsAndResults(t *testing.T) {
	f := model.SampleEval(stageNow)
	xf := exportStage(t, f, model.StageEval)
	key := keyOfTaskNamed(t, f, "办公大楼改造")
	typeNumber(t, xf, TaskSheetName, cellOf(t, xf, TaskSheetName, key, "全年执行数"), 100)
	// a 得分 whose saved result is not the program's
	ind := keyOfIndNamed(t, f, "政府采购执行率")
	a := cellOf(t, xf, IndicatorSheetName, ind, "得分")
	formula, err := xf.GetCellFormula(IndicatorSheetName, a)
	if err != nil || formula == "" {
		t.Fatalf("得分 %s has no formula: %v", a, err)
	}
	typeNumber(t, xf, IndicatorSheetName, a, 1.5)
	if err := xf.SetCellFormula(IndicatorSheetName, a, formula); err != nil {
		t.Fatal(err)
	}
	g, rep, err := ImportStageValues("x.xlsx", workbookBytes(t, xf), f)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range rep.Changes {
		if c.Row == "郑州市生态环境局机关 / 办公大楼改造" && c.Field == "全年执行数" && c.New == "100" && c.Place == c.Row+" "+c.Field {
			found = true
		}
	}
	want := model.ScoreIndicator(g.Indicators[indexByName(g, "政府采购执行率")]).Score.StringFixed(2)
	if !found || len(rep.Results) != 1 || !strings.Contains(rep.Results[0], a+" 政府采购执行率 得分：表中为 1.50，程序计算为 "+want) ||
		strings.Contains(strings.Join(rep.Hints, "\n"), "表中为") || !strings.Contains(rep.String(), "提示："+rep.Results[0]) {
		t.Errorf("changes %+v\nresults %q\nhints %q", rep.Changes, rep.Results, rep.Hints)
	}
}
