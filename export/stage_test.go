package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

var stageNow = time.Date(2021, 1, 20, 9, 0, 0, 0, time.UTC)

func indexByName(f *model.Form, name string) int {
	for i, in := range f.Indicators {
		if in.Name() == name {
			return i
		}
	}
	return -1
}

// TestEvalRoundTrip exports the sample's empty 自评表, fills it like a clerk
// in a spreadsheet program (the worked example, model.SampleEvalValues),
// imports it back and gets the example's 总分 (93.02 优, computed by hand
// in model's TestSampleEvalByHand); every value is compared by name.
func TestEvalRoundTrip(t *testing.T) {
	base := stageBase(t, model.StageEval)
	// Formula inputs are typed in the program (they are not on the sheet).
	full := model.SampleEval(stageNow)
	for r := range base.Indicators {
		base.Indicators[r].Inputs = full.Indicators[r].Inputs
	}
	before, _ := json.Marshal(base)
	xf := exportStage(t, base, model.StageEval)
	sh := IndicatorSheetName
	idx := cellIndex(t, xf) // the rows do not move: each sheet read once
	cellOf := func(_ testing.TB, _ *excelize.File, sheet string, key []string, header string) string {
		return idx(sheet, key, header)
	}
	for _, v := range model.SampleEvalValues {
		key := keyOfIndNamed(t, base, v.Name)
		tg := model.ParseTarget(base.Indicators[indexByName(base, v.Name)].Value)
		if v.Actual != "" {
			a := cellOf(t, xf, sh, key, "实际完成值")
			if d, err := model.ParseActual(v.Actual, tg); tg.Kind == model.TargetNumber && err == "" {
				if tg.Percent() {
					d = d.Shift(-2) // Excel keeps 93% as 0.93
				}
				f, _ := d.Float64()
				typeNumber(t, xf, sh, a, f)
			} else {
				typeText(t, xf, sh, a, v.Actual)
			}
		}
		w, _ := strconv.ParseFloat(v.Weight, 64)
		typeNumber(t, xf, sh, cellOf(t, xf, sh, key, "分值"), w)
		if v.Analysis != "" {
			typeText(t, xf, sh, cellOf(t, xf, sh, key, "偏差原因分析及改进措施"), v.Analysis)
		}
	}
	// 全年执行数: every task its 合计, 办公大楼改造 567.
	for u := range base.Units {
		for r, tk := range base.Units[u].Tasks {
			val := tk.Total.String()
			if tk.Content == "办公大楼改造" {
				val = model.SampleEvalExecuted
			}
			f, _ := strconv.ParseFloat(val, 64)
			typeNumber(t, xf, TaskSheetName, cellOf(t, xf, TaskSheetName, keyOfTask(base, u, r), "全年执行数"), f)
		}
	}
	// Something outside the input cells changed too: not taken.
	typeText(t, xf, sh, cellOf(t, xf, sh, keyOfIndNamed(t, base, "政府采购执行率"), "年度指标值"), "≥50%")
	data := workbookBytes(t, xf)
	xf.Close()

	g, rep, err := ImportStageValues("自评.xlsx", data, base)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(base); string(after) != string(before) {
		t.Error("ImportStageValues changed its input form")
	}
	if len(rep.Problems) != 0 || len(rep.Missing) != 0 {
		t.Errorf("problems: %v %v", rep.Problems, rep.Missing)
	}
	// 31 分值 + 28 typed actuals (3 rows take theirs from the formula) +
	// 9 analyses + 34 全年执行数
	if len(rep.Changes) != 31+28+9+34 {
		t.Errorf("%d changes:\n%s", len(rep.Changes), rep)
	}
	if !strings.Contains(rep.String(), "绩效指标!F26 政府采购执行率 实际完成值：（空） → 93%") {
		t.Errorf("report:\n%s", rep)
	}
	if len(rep.Ignored) != 1 || !strings.Contains(rep.Ignored[0], "年度指标值是申报的数值（≥95%），表中改为“≥50%”") {
		t.Errorf("ignored: %v", rep.Ignored)
	}
	for _, v := range model.SampleEvalValues {
		in := g.Indicators[indexByName(g, v.Name)]
		if in.Eval.Weight != v.Weight || in.Eval.Analysis != v.Analysis || v.Actual != "" && !sameValue(in.Eval.Actual, v.Actual) && !(v.Actual == "100" && in.Eval.Actual == "100%") {
			t.Errorf("%s: %+v, typed %+v", v.Name, in.Eval, v)
		}
	}
	ev := model.Evaluate(g)
	if ev.Total.StringFixed(2) != "93.02" || ev.Grade != "优" {
		t.Errorf("总分 %s %s", ev.Total.StringFixed(2), ev.Grade)
	}
	if g.Indicators[indexByName(g, "政府采购执行率")].Value != "≥95%" {
		t.Error("a declared value was taken from the sheet")
	}
	// Importing the same file again changes nothing more.
	_, rep2, err := ImportStageValues("自评.xlsx", data, g)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep2.Changes); n != 0 {
		t.Errorf("second import: %d changes:\n%s", n, rep2)
	}
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
	// A 监控表 of another month.
	m := stageBase(t, model.StageMonitor)
	xf := exportStage(t, m, model.StageMonitor)
	m8 := m.Clone()
	_ = m8.SetStage(model.StageMonitor, 8, stageNow)
	if _, _, err := ImportStageValues("x.xlsx", workbookBytes(t, xf), m8); err == nil || !strings.Contains(err.Error(), "是截至6月的运行监控表，草稿的运行监控截至8月") {
		t.Errorf("other month: %v", err)
	}
	// A bad amount is kept as typed and reported by cell, naming its column.
	xf = exportStage(t, f, model.StageEval)
	key := keyOfTaskNamed(t, f, "办公大楼改造")
	typeText(t, xf, TaskSheetName, cellOf(t, xf, TaskSheetName, key, "全年执行数"), "五百")
	typeNumber(t, xf, TaskSheetName, cellOf(t, xf, TaskSheetName, keyOfTaskNamed(t, f, "环境监测专项"), "全年执行数"), -3)
	g, rep, err := ImportStageValues("x.xlsx", workbookBytes(t, xf), f)
	if err != nil {
		t.Fatal(err)
	}
	probs := strings.Join(rep.Problems, "\n")
	if stored(g, taskName(key[0], key[1], string(model.FieldExecYear))) != "五百" ||
		!strings.Contains(probs, "预算执行情况!F17 郑州市生态环境局机关 / 办公大楼改造：全年执行数“五百”含有非数字字符") ||
		!strings.Contains(probs, "全年执行数不能为负数（“-3”）") || strings.Contains(probs, "预算金额") {
		t.Errorf("bad amounts: %s", rep)
	}
}

// TestMonitorRoundTrip fills the 监控表 as a clerk does (every input
// cell) and checks each value in the draft by name, then the checks.
func TestMonitorRoundTrip(t *testing.T) {
	f := model.Sample()
	if err := WriteStageXLSX(&bytes.Buffer{}, f, model.StageMonitor); err == nil || !strings.Contains(err.Error(), "还没有进入运行监控阶段") {
		t.Errorf("申报 draft: %v", err)
	}
	base := stageBase(t, model.StageMonitor)
	fl := fillStage(t, base, model.StageMonitor)
	g, rep, err := ImportStageValues("监控.xlsx", workbookBytes(t, fl.xf), base)
	if err != nil {
		t.Fatal(err)
	}
	checkTyped(t, fl, g, nil)
	if len(rep.Problems)+len(rep.Missing)+len(rep.Ignored) != 0 || len(rep.Changes) != len(fl.typed) {
		t.Errorf("%d typed:\n%s", len(fl.typed), rep)
	}
	if n := len(fl.typed); n < 2*34+3*31 {
		t.Errorf("only %d values typed", n)
	}
	// every 监控 check of a task row is said, each naming its column
	for _, x := range model.Check(g) {
		if strings.Contains(x.Message, "预算金额") {
			t.Errorf("check names no column: %s", x.Message)
		}
	}
}

// TestStageFormat1 reads sheets exported by the previous version (format 1,
// cells by address, unit names merged over their rows, 偏差原因 in one
// cell): by identity and header like any other, and a row sorted there is
// read into its own task.
func TestStageFormat1(t *testing.T) {
	data, err := os.ReadFile("testdata/stage-v1-monitor6.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	base := stageBase(t, model.StageMonitor)
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sh := MonitorSheetName
	_, cols := headerCols(t, xf, sh)
	rows, _ := xf.GetRows(sh)
	icols := map[string]int{}
	for _, row := range rows {
		if slices.Contains(row, "三级指标") {
			for c, v := range row {
				icols[v] = c + 1
			}
		}
	}
	rowByText := func(col int, s string) int {
		for r, row := range rows {
			if len(row) >= col && row[col-1] == s {
				return r + 1
			}
		}
		t.Fatalf("no %s", s)
		return 0
	}
	a := rowByText(cols["主要内容"], "郑州市污染源普查成果开发")
	b := rowByText(cols["主要内容"], "重点行业企业用地调查")
	typeNumber(t, xf, sh, colName(cols["1–6月执行数"])+itoa(a), 12.5)
	typeNumber(t, xf, sh, colName(cols["1–6月执行数"])+itoa(b), 30)
	swapRows(t, xf, sh, a, b) // the rows sorted: format 1 read them by address
	r := rowByText(icols["三级指标"], "政府采购执行率")
	typeText(t, xf, sh, colName(icols["完成可能性"])+itoa(r), "有可能")
	typeText(t, xf, sh, colName(icols["偏差原因"])+itoa(r), "制度保障：采购流程较长")
	g, rep, err := ImportStageValues("旧版监控表.xlsx", workbookBytes(t, xf), base)
	if err != nil {
		t.Fatal(err)
	}
	k1, k2 := keyOfTaskNamed(t, base, "郑州市污染源普查成果开发"), keyOfTaskNamed(t, base, "重点行业企业用地调查")
	if x, y := stored(g, taskName(k1[0], k1[1], string(model.FieldExecuted))), stored(g, taskName(k2[0], k2[1], string(model.FieldExecuted))); x != "12.5" || y != "30" {
		t.Errorf("执行数 %q %q, typed 12.5 and 30\n%s", x, y, rep)
	}
	mo := g.Indicators[indexByName(g, "政府采购执行率")].Monitor
	if mo.Likelihood != model.LikelyMaybe || mo.Cause != "制度保障" || mo.CauseText != "采购流程较长" {
		t.Errorf("monitor %+v\n%s", mo, rep)
	}
	if len(rep.Problems)+len(rep.Missing) != 0 || len(rep.Changes) != 4 {
		t.Errorf("report:\n%s", rep)
	}

	// A format-1 自评表: 分值 and 实际完成值 by header, the row by its name.
	data, err = os.ReadFile("testdata/stage-v1-eval.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ebase := stageBase(t, model.StageEval)
	if xf, err = excelize.OpenReader(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	sh = EvalSheetName
	rows, _ = xf.GetRows(sh)
	icols = map[string]int{}
	for _, row := range rows {
		if slices.Contains(row, "三级指标") {
			for c, v := range row {
				icols[v] = c + 1
			}
		}
	}
	r = rowByText(icols["三级指标"], "政府采购执行率")
	typeText(t, xf, sh, colName(icols["实际完成值"])+itoa(r), "93%")
	typeNumber(t, xf, sh, colName(icols["分值"])+itoa(r), 3)
	g, rep, err = ImportStageValues("旧版自评表.xlsx", workbookBytes(t, xf), ebase)
	if err != nil {
		t.Fatal(err)
	}
	if ev := g.Indicators[indexByName(g, "政府采购执行率")].Eval; ev.Actual != "93%" || ev.Weight != "3" || len(rep.Changes) != 2 || len(rep.Problems) != 0 {
		t.Errorf("format-1 自评表: %+v\n%s", ev, rep)
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
	g, _, err := ImportBytes("x.json", buf.Bytes(), ImportOptions{})
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

// TestStageFormulaIndicatorTyped: a rate indicator computed from its
// inputs, typed over in the sheet, is taken as typed, and the report says
// that the program keeps scoring the computed value until a reason is given.
func TestStageFormulaIndicatorTyped(t *testing.T) {
	base := stageBase(t, model.StageEval)
	full := model.SampleEval(stageNow)
	i := indexByName(base, "预算执行率")
	base.Indicators[i].Inputs = full.Indicators[i].Inputs
	xf := exportStage(t, base, model.StageEval)
	a := cellOf(t, xf, IndicatorSheetName, keyOfInd(base.Indicators[i]), "实际完成值")
	if v, _ := xf.GetCellValue(IndicatorSheetName, a, excelize.Options{RawCellValue: true}); v != "0.992" {
		t.Errorf("prefilled %q, want the computed 99.20%% as 0.992", v)
	}
	typeNumber(t, xf, IndicatorSheetName, a, 0.95)
	g, rep, err := ImportStageValues("x.xlsx", workbookBytes(t, xf), base)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Indicators[i].Eval.Actual; got != "95%" || !strings.Contains(rep.String(), "预算执行率 实际完成值由计算数据得出（99.20%），表中改为“95%”：程序仍按计算数据计分") {
		t.Errorf("actual %q\n%s", got, rep)
	}
}
