package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

var stageNow = time.Date(2021, 1, 20, 9, 0, 0, 0, time.UTC)

// findRow returns the 1-based row of the first cell in column col whose
// text contains s.
func findRow(t *testing.T, xf *excelize.File, sheet, col, s string) int {
	t.Helper()
	rows, err := xf.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	ci, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if len(r) >= ci && strings.Contains(r[ci-1], s) {
			return i + 1
		}
	}
	t.Fatalf("no %q in column %s", s, col)
	return 0
}

func cellAt(t *testing.T, xf *excelize.File, sheet, addr string) string {
	t.Helper()
	v, err := xf.GetCellValue(sheet, addr)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEvalXLSXSample(t *testing.T) {
	f := model.SampleEval(stageNow)
	var buf bytes.Buffer
	if err := WriteStageXLSX(&buf, f, model.StageEval); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	sh := EvalSheetName
	if cellAt(t, xf, sh, "A1") != "部门整体绩效自评表" || cellAt(t, xf, sh, "A2") != "（2020年度）" {
		t.Errorf("title %q %q", cellAt(t, xf, sh, "A1"), cellAt(t, xf, sh, "A2"))
	}
	total := findRow(t, xf, sh, "A", "总分")
	if got := cellAt(t, xf, sh, "G"+itoa(total)); got != "93.02" {
		t.Errorf("总分 %q", got)
	}
	if got := cellAt(t, xf, sh, "H"+itoa(total)); got != "等级：优" {
		t.Errorf("等级 %q", got)
	}
	sum := findRow(t, xf, sh, "A", "合计")
	if got := cellAt(t, xf, sh, "H"+itoa(sum)); !strings.Contains(got, "得分 9.92") {
		t.Errorf("budget row %q", got)
	}
	r := findRow(t, xf, sh, "C", "政府采购执行率")
	for col, want := range map[string]string{"D": "≥95%", "E": "93%", "F": "3", "G": "2.94", "H": "1个采购项目流标；提前启动采购程序"} {
		if got := cellAt(t, xf, sh, col+itoa(r)); got != want {
			t.Errorf("政府采购执行率 %s = %q, want %q", col, got, want)
		}
	}
	r = findRow(t, xf, sh, "C", "预算执行率")
	if got := cellAt(t, xf, sh, "E"+itoa(r)); got != "99.20%" {
		t.Errorf("formula actual %q", got)
	}
	// Placeholder rows (.....) are not in the 自评表.
	if rows, _ := xf.GetRows(sh); strings.Contains(strings.Join(flatten(rows), "|"), ".....") {
		t.Error("placeholder row exported")
	}
	// 办公大楼改造's amounts are numbers.
	r = findRow(t, xf, sh, "C", "办公大楼改造")
	if v, _ := xf.GetCellValue(sh, "F"+itoa(r), excelize.Options{RawCellValue: true}); v != "567" {
		t.Errorf("全年执行数 %q", v)
	}
	if typ, _ := xf.GetCellType(sh, "F"+itoa(r)); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("amount cell type %v", typ)
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestEvalRoundTrip exports the sample's empty 自评表, fills it like a clerk
// in a spreadsheet program, imports it back and gets the worked example's
// 总分 (93.02 优, computed by hand in model's TestSampleEvalByHand).
func TestEvalRoundTrip(t *testing.T) {
	base := model.Sample()
	if err := base.SetStage(model.StageEval, 0, stageNow); err != nil {
		t.Fatal(err)
	}
	// Formula inputs are typed in the program (they are not on the sheet).
	full := model.SampleEval(stageNow)
	for r := range base.Indicators {
		base.Indicators[r].Inputs = full.Indicators[r].Inputs
	}
	before, _ := json.Marshal(base)
	var buf bytes.Buffer
	if err := WriteStageXLSX(&buf, base, model.StageEval); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sh := EvalSheetName
	for _, v := range model.SampleEvalValues {
		r := itoa(findRow(t, xf, sh, "C", v.Name))
		if v.Actual != "" {
			if err := xf.SetCellValue(sh, "E"+r, v.Actual); err != nil {
				t.Fatal(err)
			}
		}
		// 分值 typed as numbers, as Excel stores them.
		_ = xf.SetCellFloat(sh, "F"+r, mustFloat(v.Weight), -1, 64)
		if v.Analysis != "" {
			_ = xf.SetCellValue(sh, "H"+r, v.Analysis)
		}
	}
	// 全年执行数: every task its 合计, 办公大楼改造 567.
	for u := range base.Units {
		for _, tk := range base.Units[u].Tasks {
			r := itoa(findRow(t, xf, sh, "C", tk.Content))
			val := tk.Total.String()
			if tk.Content == "办公大楼改造" {
				val = model.SampleEvalExecuted
			}
			_ = xf.SetCellFloat(sh, "F"+r, mustFloat(val), -1, 64)
		}
	}
	// Something outside the input cells changed too: not taken.
	_ = xf.SetCellValue(sh, "D"+itoa(findRow(t, xf, sh, "C", "政府采购执行率")), "≥50%")
	var out bytes.Buffer
	if err := xf.Write(&out); err != nil {
		t.Fatal(err)
	}
	xf.Close()

	g, rep, err := ImportStageValues("自评.xlsx", out.Bytes(), base)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(base); string(after) != string(before) {
		t.Error("ImportStageValues changed its input form")
	}
	if len(rep.Problems) != 0 {
		t.Errorf("problems: %v", rep.Problems)
	}
	// 31 分值 + 28 typed actuals (3 rows take theirs from the formula) +
	// 9 analyses + 34 全年执行数
	if len(rep.Changes) != 31+28+9+34 {
		t.Errorf("%d changes:\n%s", len(rep.Changes), rep)
	}
	if !strings.Contains(rep.String(), "政府采购执行率）实际完成值：（空） → 93%") {
		t.Errorf("report:\n%s", rep)
	}
	ev := model.Evaluate(g)
	if ev.Total.StringFixed(2) != "93.02" || ev.Grade != "优" {
		t.Errorf("总分 %s %s", ev.Total.StringFixed(2), ev.Grade)
	}
	if g.Indicators[indexByName(g, "政府采购执行率")].Value != "≥95%" {
		t.Error("a declared value was taken from the sheet")
	}
	// Importing the same file again changes nothing more.
	_, rep2, err := ImportStageValues("自评.xlsx", out.Bytes(), g)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep2.Changes); n != 0 {
		t.Errorf("second import: %d changes:\n%s", n, rep2)
	}
}

func mustFloat(s string) float64 {
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		panic(err)
	}
	return f
}

func indexByName(f *model.Form, name string) int {
	for i, in := range f.Indicators {
		if in.Name() == name {
			return i
		}
	}
	return -1
}

func TestStageImportRefusals(t *testing.T) {
	f := model.SampleEval(stageNow)
	var buf bytes.Buffer
	if err := WriteStageXLSX(&buf, f, model.StageEval); err != nil {
		t.Fatal(err)
	}
	other := f.Clone()
	other.Dept = "别的局"
	if _, _, err := ImportStageValues("x.xlsx", buf.Bytes(), other); err == nil || !strings.Contains(err.Error(), "与草稿“别的局 2020年度”不符") || model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("other dept: %v", err)
	}
	early := model.Sample()
	if _, _, err := ImportStageValues("x.xlsx", buf.Bytes(), early); err == nil || !strings.Contains(err.Error(), "请先切换到“年度自评”") || model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("early stage: %v", err)
	}
	// A row renamed after the export is reported and left alone.
	renamed := f.Clone()
	i := indexByName(renamed, "群众满意度")
	renamed.Indicators[i].Level3 = "公众满意度"
	xf, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	_ = xf.SetCellValue(EvalSheetName, "E"+itoa(findRow(t, xf, EvalSheetName, "C", "群众满意度")), "70%")
	var out bytes.Buffer
	_ = xf.Write(&out)
	g, rep, err := ImportStageValues("x.xlsx", out.Bytes(), renamed)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 0 || !strings.Contains(strings.Join(rep.Problems, "\n"), "草稿中这一行的指标是“公众满意度”，表中是“群众满意度”") {
		t.Errorf("report %s", rep)
	}
	if g.Indicators[i].Eval.Actual != "85%" {
		t.Error("renamed row changed")
	}
	// A plain declaration workbook is not a stage sheet.
	var decl bytes.Buffer
	if err := WriteXLSX(&decl, model.Sample()); err != nil {
		t.Fatal(err)
	}
	if IsStageWorkbook(decl.Bytes()) || !IsStageWorkbook(buf.Bytes()) {
		t.Error("IsStageWorkbook wrong")
	}
	if _, _, err := ImportStageValues("decl.xlsx", decl.Bytes(), f); err == nil || !strings.Contains(err.Error(), "不是本程序导出的运行监控表或自评表") || model.ErrorCode(err) != model.EINVALID {
		t.Errorf("declaration workbook: %v", err)
	}
	// A bad amount is kept as typed and reported.
	xf, _ = excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	_ = xf.SetCellValue(EvalSheetName, "F"+itoa(findRow(t, xf, EvalSheetName, "C", "办公大楼改造")), "五百")
	out.Reset()
	_ = xf.Write(&out)
	g, rep, err = ImportStageValues("x.xlsx", out.Bytes(), f)
	if err != nil {
		t.Fatal(err)
	}
	if g.Units[0].Tasks[indexTask(g, "办公大楼改造")].Eval.Executed.Raw() != "五百" || !strings.Contains(strings.Join(rep.Problems, "\n"), "已按原文保留") {
		t.Errorf("bad amount: %s", rep)
	}
}

func indexTask(f *model.Form, content string) int {
	for i, t := range f.Units[0].Tasks {
		if t.Content == content {
			return i
		}
	}
	return -1
}

func TestMonitorXLSXAndImport(t *testing.T) {
	f := model.Sample()
	if err := WriteStageXLSX(&bytes.Buffer{}, f, model.StageMonitor); err == nil || !strings.Contains(err.Error(), "还没有进入运行监控阶段") {
		t.Errorf("申报 draft: %v", err)
	}
	if err := f.SetStage(model.StageMonitor, 6, stageNow); err != nil {
		t.Fatal(err)
	}
	f.Units[0].Tasks[0].Monitor.Executed = model.MustAmount("20") // 115 → 17.39%: behind
	var buf bytes.Buffer
	if err := WriteStageXLSX(&buf, f, model.StageMonitor); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sh := MonitorSheetName
	if cellAt(t, xf, sh, "A2") != "（2020年度，截至6月）" {
		t.Errorf("subtitle %q", cellAt(t, xf, sh, "A2"))
	}
	findRow(t, xf, sh, "F", "1–6月执行数")
	r := itoa(findRow(t, xf, sh, "C", "建设项目环评"))
	if got := cellAt(t, xf, sh, "G"+r); got != "17.39%" {
		t.Errorf("执行率 %q", got)
	}
	if got := cellAt(t, xf, sh, "I"+r); !strings.Contains(got, "低10个百分点以上") {
		t.Errorf("hint %q", got)
	}
	ir := itoa(findRow(t, xf, sh, "C", "政府采购执行率"))
	_ = xf.SetCellValue(sh, "E"+ir, "60%")
	_ = xf.SetCellValue(sh, "G"+ir, "有可能")
	_ = xf.SetCellValue(sh, "H"+ir, "制度保障：采购流程较长")
	_ = xf.SetCellValue(sh, "I"+ir, "提前启动采购")
	_ = xf.SetCellFloat(sh, "F"+r, 60.5, -1, 64)
	var out bytes.Buffer
	_ = xf.Write(&out)
	g, rep, err := ImportStageValues("监控.xlsx", out.Bytes(), f)
	if err != nil {
		t.Fatal(err)
	}
	in := g.Indicators[indexByName(g, "政府采购执行率")].Monitor
	if in != (model.IndicatorMonitor{ToDate: "60%", Likelihood: model.LikelyMaybe, Cause: "制度保障", CauseText: "采购流程较长", Measures: "提前启动采购"}) {
		t.Errorf("monitor %+v", in)
	}
	if g.Units[0].Tasks[0].Monitor.Executed.Raw() != "60.5" || len(rep.Changes) != 5 || len(rep.Problems) != 0 {
		t.Errorf("report %s", rep)
	}
}

func TestStagePDF(t *testing.T) {
	dir := t.TempDir()
	f := model.SampleEval(stageNow)
	_ = f.AdjustIndicator(indexByName(f, "预算调整率"), "≤25%", "年中追加大气攻坚经费", stageNow)
	p := filepath.Join(dir, "eval.pdf")
	var buf bytes.Buffer
	rep, err := WriteStagePDF(&buf, f, model.StageEval)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep.Pages < 2 || len(rep.Missing) != 0 {
		t.Errorf("pages %d missing %v", rep.Pages, rep.Missing)
	}
	text := pdfText(t, p)
	for _, want := range []string{"部门整体绩效自评表", "郑州市生态环境局", "偏差原因分析及改进措施", "93.", "等级：优", "年中追加大气攻坚经费"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if raw := squash(poppler(t, "pdftotext", "-raw", p, "-")); !strings.Contains(raw, "2020年度部门整体绩效自评表") || strings.Contains(raw, "绩效目标申报表") {
		t.Error("running header does not name the 自评表")
	}
	mf := model.Sample()
	_ = mf.SetStage(model.StageMonitor, 8, stageNow)
	buf.Reset()
	if _, err := WriteStagePDF(&buf, mf, model.StageMonitor); err != nil {
		t.Fatal(err)
	}
	mp := filepath.Join(dir, "mon.pdf")
	_ = os.WriteFile(mp, buf.Bytes(), 0o644)
	mt := strings.ReplaceAll(pdfText(t, mp), "\n", "")
	for _, want := range []string{"部门整体绩效运行监控表", "截至8月", "完成可能性", "拟采取的措施", "时间进度66.67%"} {
		if !strings.Contains(mt, want) {
			t.Errorf("monitor PDF lacks %q", want)
		}
	}
}

func TestJSONCarriesStages(t *testing.T) {
	f := model.SampleEval(stageNow)
	f.Units[0].Tasks[0].Monitor.Executed = model.MustAmount("50")
	_ = f.AdjustTask(0, 0, model.FieldTotal, "120", "追加", stageNow)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	g, _, err := ImportBytes("x.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g.Meta = f.Meta // the origin says 导入自 x.json
	a, _ := json.Marshal(f)
	b, _ := json.Marshal(g)
	if string(a) != string(b) {
		t.Error("JSON round trip lost stage data")
	}
	if g.Stage != model.StageEval || len(g.Adjustments) != 1 || model.Evaluate(g).Total.StringFixed(2) != model.Evaluate(f).Total.StringFixed(2) {
		t.Errorf("stage %v adjustments %d", g.Stage, len(g.Adjustments))
	}
}
