package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// Test helpers for the stage workbook: a sheet filled as a clerk fills it
// in Excel (numbers typed as numbers, 95% in a percent cell stored as
// 0.95), every cell found by its row's name and its column's header, and
// what was typed kept by name to compare with the imported draft.

// filled is a stage workbook exported from base and filled.
type filled struct {
	t     testing.TB
	base  *model.Form
	stage model.Stage
	xf    *excelize.File
	// typed is what the draft must hold after the import, by name:
	// "T|unit|content|field" and "I|一级|二级|三级|field" (a model.Field).
	typed map[string]string
	// execs are the 执行数 typed, in the draft's task order (rows with
	// the same name are told apart by it).
	execs map[[2]int]string
	nth   int // the fill's current row among rows of the same name
	// byPos is what was typed by the draft's row and field: "T:u:r|field"
	// or "I:r|field" (rows of the same name have their own values)
	byPos map[string]string
	cur   string // the fill's current row: "T:u:r" or "I:r"
	// idx are the sheets' header columns and rows by name, read once
	// before filling (filling moves nothing)
	idx map[string]*sheetIndex
}

type sheetIndex struct {
	cols map[string]int
	rows map[string][]int
}

func indexSheet(t testing.TB, xf *excelize.File, sheet string) *sheetIndex {
	hr, cols := headerCols(t, xf, sheet)
	heads := []string{"任务名称", "主要内容"}
	if cols["三级指标"] > 0 {
		heads = []string{"一级指标", "二级指标", "三级指标"}
	}
	ix := &sheetIndex{cols: cols, rows: map[string][]int{}}
	rows, _ := xf.GetRows(sheet)
	for r := hr; r < len(rows); r++ {
		var key []string
		for _, h := range heads {
			v := ""
			if c := cols[h]; c > 0 && c <= len(rows[r]) {
				v = strings.TrimSpace(rows[r][c-1])
			}
			key = append(key, v)
		}
		k := strings.Join(key, "|")
		ix.rows[k] = append(ix.rows[k], r+1)
	}
	return ix
}

// cellIndex returns cellOf for xf, reading each sheet once: for tests that
// type into many cells without moving rows.
func cellIndex(t testing.TB, xf *excelize.File) func(sheet string, key []string, header string) string {
	fl := &filled{t: t, xf: xf, idx: map[string]*sheetIndex{}}
	return func(sheet string, key []string, header string) string { return fl.cell(sheet, key, header) }
}

// cell is the address under header of the fill's row named key.
func (fl *filled) cell(sheet string, key []string, header string) string {
	ix := fl.idx[sheet]
	if ix == nil {
		ix = indexSheet(fl.t, fl.xf, sheet)
		fl.idx[sheet] = ix
	}
	rows := ix.rows[strings.Join(key, "|")]
	if fl.nth >= len(rows) || ix.cols[header] == 0 {
		fl.t.Fatalf("%s: no row %q (#%d) or column %q", sheet, key, fl.nth, header)
	}
	a, _ := excelize.CoordinatesToCellName(ix.cols[header], rows[fl.nth])
	return a
}

func taskName(unit, content, field string) string { return "T|" + unit + "|" + content + "|" + field }
func indName(key []string, field string) string   { return "I|" + strings.Join(key, "|") + "|" + field }

// stageBase is the sample at stage (监控 as of June, or 自评), nothing filled.
func stageBase(t testing.TB, stage model.Stage) *model.Form {
	t.Helper()
	f := model.Sample()
	if err := f.SetStage(model.StageMonitor, 6, stageNow); err != nil {
		t.Fatal(err)
	}
	if stage == model.StageEval {
		if err := f.SetStage(model.StageEval, 0, stageNow); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func exportStage(t testing.TB, f *model.Form, stage model.Stage) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteStageXLSX(&buf, f, stage); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return xf
}

func workbookBytes(t testing.TB, xf *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xf.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// headerCols finds the header row of sheet (the row with 主要内容 or
// 三级指标) and the column (1-based) of each header text.
func headerCols(t testing.TB, xf *excelize.File, sheet string) (int, map[string]int) {
	t.Helper()
	return testfiles.HeaderRow(t, xf, sheet)
}

// rowOf is the 1-based row of sheet whose identity cells are key (unit and
// 主要内容, or 一级/二级/三级指标), found by text; 0 when none.
func rowOf(t testing.TB, xf *excelize.File, sheet string, key []string) int {
	t.Helper()
	return testfiles.RowOf(t, xf, sheet, key, 0)
}

// cellOf is the address of the cell of the row named key under header.
func cellOf(t testing.TB, xf *excelize.File, sheet string, key []string, header string) string {
	t.Helper()
	return testfiles.CellOf(t, xf, sheet, key, 0, header)
}

// typeNumber stores a number as Excel does when a clerk types it.
func typeNumber(t testing.TB, xf *excelize.File, sheet, addr string, v float64) {
	t.Helper()
	testfiles.TypeNumber(t, xf, sheet, addr, v)
}

func typeText(t testing.TB, xf *excelize.File, sheet, addr, v string) {
	t.Helper()
	testfiles.TypeText(t, xf, sheet, addr, v)
}

func keyOfTask(f *model.Form, u, r int) []string {
	return []string{strings.TrimSpace(f.Units[u].Name), strings.TrimSpace(f.Units[u].Tasks[r].Content)}
}

func keyOfInd(in model.Indicator) []string {
	return []string{strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2), strings.TrimSpace(level3Text(in))}
}

// fillStage exports base at stage and fills every input cell with values
// that differ from row to row, as a clerk would type them.
func fillStage(t testing.TB, base *model.Form, stage model.Stage) *filled {
	t.Helper()
	xf := exportStage(t, base, stage)
	fl := &filled{t: t, base: base, stage: stage, xf: xf, typed: map[string]string{}, execs: map[[2]int]string{}, idx: map[string]*sheetIndex{}, byPos: map[string]string{}}
	n := 0
	seen := map[string]int{}
	for u := range base.Units {
		for r := range base.Units[u].Tasks {
			n++
			key := keyOfTask(base, u, r)
			fl.nth = seen[strings.Join(key, "|")]
			seen[strings.Join(key, "|")]++
			fl.cur = fmt.Sprintf("T:%d:%d", u, r)
			// 10.01, 11.02, …: a row's figures never equal another's
			ex := decimal.New(int64(1000+n*101), -2)
			if stage == model.StageMonitor {
				fc := ex.Add(decimal.NewFromInt(50))
				fl.amount(TaskSheetName, key, model.MonitorHeader(base.Month, "执行数"), ex, taskName(key[0], key[1], string(model.FieldExecuted)))
				fl.execs[[2]int{u, r}] = ex.String()
				fl.amount(TaskSheetName, key, "全年预计执行数", fc, taskName(key[0], key[1], string(model.FieldForecast)))
				continue
			}
			fl.amount(TaskSheetName, key, "全年执行数", ex, taskName(key[0], key[1], string(model.FieldExecYear)))
			if n%3 == 0 {
				adj := ex.Add(decimal.NewFromInt(7))
				fl.amount(TaskSheetName, key, "全年预算数（调整后）", adj, taskName(key[0], key[1], string(model.FieldBudgetAdj)))
			}
		}
	}
	for i, r := range scoredRows(base) {
		in := base.Indicators[r]
		key := keyOfInd(in)
		fl.nth = seen["I|"+strings.Join(key, "|")]
		seen["I|"+strings.Join(key, "|")]++
		fl.cur = fmt.Sprintf("I:%d", r)
		tg := model.ParseTarget(in.Value)
		if stage == model.StageMonitor {
			fl.actual(key, model.MonitorHeader(base.Month, "实际完成值"), tg, i, 0, string(model.FieldToDate))
			fl.actual(key, "全年预计完成值", tg, i, 1, string(model.FieldForecastVal))
			l := model.Likelihoods[i%len(model.Likelihoods)]
			fl.text(IndicatorSheetName, key, "完成可能性", string(l), indName(key, string(model.FieldLikelihood)))
			if l != model.LikelySure {
				fl.text(IndicatorSheetName, key, "偏差原因类别", model.DeviationCauses[i%len(model.DeviationCauses)], indName(key, "cause"))
				fl.text(IndicatorSheetName, key, "偏差原因说明", fmt.Sprintf("第%d项的原因", i+1), indName(key, "causeText"))
				fl.text(IndicatorSheetName, key, "拟采取的措施", fmt.Sprintf("第%d项的措施", i+1), indName(key, string(model.FieldMeasures)))
			}
			continue
		}
		w := []float64{2, 3, 2.5, 3.5}[i%4]
		typeNumber(t, xf, IndicatorSheetName, fl.cell(IndicatorSheetName, key, "分值"), w)
		fl.record(indName(key, string(model.FieldEvalWeight)), strconv.FormatFloat(w, 'f', -1, 64))
		if tg.Kind == model.TargetQualitative {
			v := []string{model.Achieved, model.PartAchieve, model.NotAchieved}[i%3]
			fl.text(IndicatorSheetName, key, "实际完成值", v, indName(key, string(model.FieldActual)))
		} else if in.Formula == "" {
			fl.actual(key, "实际完成值", tg, i, 0, string(model.FieldActual))
		}
		if i%2 == 0 {
			fl.text(IndicatorSheetName, key, "偏差原因分析及改进措施", fmt.Sprintf("第%d项的分析", i+1), indName(key, string(model.FieldAnalysis)))
		}
	}
	return fl
}

func (fl *filled) amount(sheet string, key []string, header string, v decimal.Decimal, name string) {
	f, _ := v.Float64()
	typeNumber(fl.t, fl.xf, sheet, fl.cell(sheet, key, header), f)
	fl.record(name, v.String())
}

func (fl *filled) text(sheet string, key []string, header, v, name string) {
	typeText(fl.t, fl.xf, sheet, fl.cell(sheet, key, header), v)
	fl.record(name, v)
}

// actual types a 实际完成值-like value for target tg: a percentage as
// Excel stores 61.3% (0.613 in the percent cell), a count as a number.
func (fl *filled) actual(key []string, header string, tg model.Target, i, j int, field string) {
	a := fl.cell(IndicatorSheetName, key, header)
	name := indName(key, field)
	if tg.Kind != model.TargetNumber {
		v := fmt.Sprintf("进展%d-%d", i, j)
		typeText(fl.t, fl.xf, IndicatorSheetName, a, v)
		fl.record(name, v)
		return
	}
	d := decimal.New(int64(600+i*7+j*3), -1) // 60.0, 60.7, …
	if tg.Percent() {
		f, _ := d.Shift(-2).Float64()
		typeNumber(fl.t, fl.xf, IndicatorSheetName, a, f)
		fl.record(name, d.String()+"%")
		return
	}
	f, _ := d.Float64()
	typeNumber(fl.t, fl.xf, IndicatorSheetName, a, f)
	fl.record(name, d.String())
}

// record keeps a typed value by name and by the draft's row.
func (fl *filled) record(name, v string) {
	fl.typed[name] = v
	p := strings.Split(name, "|")
	fl.byPos[fl.cur+"|"+p[len(p)-1]] = v
}

// stored is the value the draft g holds under a typed name ("" when the
// row is not in g).
func stored(g *model.Form, name string) string {
	p := strings.Split(name, "|")
	field := p[len(p)-1]
	if p[0] == "T" {
		for u := range g.Units {
			for r := range g.Units[u].Tasks {
				if k := keyOfTask(g, u, r); k[0] == p[1] && k[1] == p[2] {
					t := g.Units[u].Tasks[r]
					switch model.Field(field) {
					case model.FieldExecuted:
						return t.Monitor.Executed.Raw()
					case model.FieldForecast:
						return t.Monitor.Forecast.Raw()
					case model.FieldBudgetAdj:
						return t.Eval.Budget.Raw()
					case model.FieldExecYear:
						return t.Eval.Executed.Raw()
					}
				}
			}
		}
		return ""
	}
	for _, in := range g.Indicators {
		if strings.Join(keyOfInd(in), "|") != strings.Join(p[1:4], "|") {
			continue
		}
		switch field {
		case string(model.FieldToDate):
			return in.Monitor.ToDate
		case string(model.FieldForecastVal):
			return in.Monitor.Forecast
		case string(model.FieldLikelihood):
			return string(in.Monitor.Likelihood)
		case "cause":
			return in.Monitor.Cause
		case "causeText":
			return in.Monitor.CauseText
		case string(model.FieldMeasures):
			return in.Monitor.Measures
		case string(model.FieldActual):
			return in.Eval.Actual
		case string(model.FieldEvalWeight):
			return in.Eval.Weight
		case string(model.FieldAnalysis):
			return in.Eval.Analysis
		}
	}
	return ""
}

// sameValue compares a stored value with the typed one: amounts and
// numbers by value, texts exactly.
func sameValue(got, want string) bool {
	if got == want {
		return true
	}
	a, err1 := decimal.NewFromString(strings.TrimSuffix(got, "%"))
	b, err2 := decimal.NewFromString(strings.TrimSuffix(want, "%"))
	return err1 == nil && err2 == nil && a.Equal(b) && strings.HasSuffix(got, "%") == strings.HasSuffix(want, "%")
}

// checkTyped asserts that g holds every typed value by name, except the
// names of rows in lost (their values must then be the base's).
func checkTyped(t testing.TB, fl *filled, g *model.Form, lost func(name string) bool) {
	t.Helper()
	for name, want := range fl.typed {
		if strings.Contains(name, "|双胞胎任务|") {
			continue // checkTwins
		}
		got := stored(g, name)
		if lost != nil && lost(name) {
			if base := stored(fl.base, name); got != base {
				t.Errorf("%s: %q, want the draft's own %q (row not imported)", name, got, base)
			}
			continue
		}
		if !sameValue(got, want) {
			t.Errorf("%s: %q, typed %q", name, got, want)
		}
	}
}
