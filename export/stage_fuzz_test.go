package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// FuzzStageImport edits a filled 监控表 or 自评表 as clerks do — rows
// sorted, moved and deleted, columns inserted and swapped, the cells of two
// rows exchanged, a row's hidden id cleared — and imports it: every value
// in the draft is then either what was typed into its own row or what the
// draft held before (the row or cell refused); never a value from another
// row or column, and nothing else of the draft changes.
//
// The draft has names that repeat: the same 主要内容 in two units, two
// identical tasks and two identical indicators (told apart by the hidden
// row id, which moves with its row).
func FuzzStageImport(f *testing.F) {
	f.Add(false, []byte{})
	f.Add(true, []byte{0, 1, 3})
	f.Add(false, []byte{1, 0, 2, 2, 1, 4, 3, 1, 5})
	f.Add(true, []byte{3, 0, 7, 4, 1, 2, 6, 0, 1, 5, 1, 3})
	f.Add(false, []byte{2, 1, 0, 2, 0, 9, 0, 0, 5, 1, 1, 1})
	f.Add(true, []byte{4, 0, 3, 4, 1, 1, 6, 1, 2, 0, 1, 4})
	f.Fuzz(func(t *testing.T, eval bool, ops []byte) {
		stage := model.StageMonitor
		if eval {
			stage = model.StageEval
		}
		fx := fuzzFilled(t, stage)
		xf, err := excelize.OpenReader(bytes.NewReader(fx.data))
		if err != nil {
			t.Fatal(err)
		}
		defer xf.Close()
		var done []string
		for i := 0; i+2 < len(ops) && i < 3*8; i += 3 {
			done = append(done, fuzzEdit(t, xf, fx.fl.base, ops[i], ops[i+1], ops[i+2]))
		}
		g, rep, err := ImportStageValues("fuzz.xlsx", workbookBytes(t, xf), fx.fl.base)
		if err != nil {
			t.Fatalf("%v after %v", err, done)
		}
		if bad := wrongValues(fx.fl, g); len(bad) > 0 {
			t.Fatalf("after %v:\n%s\nreport:\n%s", done, strings.Join(bad, "\n"), rep)
		}
	})
}

// fuzzForm is a small draft whose names repeat.
func fuzzForm(stage model.Stage) *model.Form {
	f := model.New("2020", "测试局", stageNow)
	a := model.MustAmount
	twin := model.Task{Content: "同名任务", Total: a("10"), Fiscal: a("10")}
	f.Units = []model.Unit{
		{Name: "机关", Tasks: []model.Task{{Content: "评估", Total: a("100"), Fiscal: a("100")}, {Content: "监测", Total: a("50.5"), Fiscal: a("40")}, twin, twin}},
		{Name: "中心", Tasks: []model.Task{{Content: "评估", Total: a("30"), Fiscal: a("30")}, {Content: "运维", Total: a("0"), Fiscal: a("0")}}},
	}
	f.Indicators = []model.Indicator{
		{Level1: "产出指标", Level2: "数量指标", Level3: "完成率", Value: "≥95%"},
		{Level1: "产出指标", Level2: "数量指标", Level3: "培训次数", Value: ">12次"},
		{Level1: "产出指标", Level2: "质量指标", Level3: "合格率", Value: "100%"},
		{Level1: "产出指标", Level2: "质量指标", Level3: "……", Value: ""},
		{Level1: "效益指标", Level2: "社会效益", Level3: "满意度", Value: "≥90%"},
		{Level1: "效益指标", Level2: "社会效益", Level3: "依据充分性", Value: "充分"},
		{Level1: "效益指标", Level2: "社会效益", Level3: "投诉率", Value: "≤5%"},
		{Level1: "效益指标", Level2: "社会效益", Level3: "投诉率", Value: "≤5%"},
		{Level1: "满意度指标", Level2: "服务对象满意度", Level3: "满意度", Value: "≥90%"},
	}
	_ = f.SetStage(model.StageMonitor, 6, stageNow)
	if stage == model.StageEval {
		_ = f.SetStage(model.StageEval, 0, stageNow)
	}
	return f
}

type fuzzFixture struct {
	fl   *filled
	data []byte
}

var fuzzFixtures sync.Map // stage → *fuzzFixture

// fuzzFilled is the filled workbook of fuzzForm at stage, made once.
func fuzzFilled(t testing.TB, stage model.Stage) *fuzzFixture {
	if v, ok := fuzzFixtures.Load(stage); ok {
		return v.(*fuzzFixture)
	}
	fl := fillStage(t, fuzzForm(stage), stage)
	fx := &fuzzFixture{fl: fl, data: workbookBytes(t, fl.xf)}
	fl.t, fl.xf = nil, nil
	fuzzFixtures.Store(stage, fx)
	return fx
}

// dataRows are the 1-based rows between a sheet's header and its footer.
func dataRows(t testing.TB, xf *excelize.File, sheet string) (rows []int, width int) {
	hr, cols := headerCols(t, xf, sheet)
	all, _ := xf.GetRows(sheet)
	key := cols["主要内容"]
	if key == 0 {
		key = cols["三级指标"]
	}
	for r := hr; r < len(all); r++ {
		if key == 0 || key > len(all[r]) || all[r][key-1] == "" {
			break
		}
		rows = append(rows, r+1)
	}
	for _, r := range all {
		width = max(width, len(r))
	}
	return rows, width
}

// fuzzEdit applies one edit chosen by op to a sheet chosen by a; it says
// what it did.
func fuzzEdit(t testing.TB, xf *excelize.File, base *model.Form, op, a, b byte) string {
	sheet := StageSheets[int(a)%2]
	rows, w := dataRows(t, xf, sheet)
	if len(rows) == 0 || w < 3 {
		return "nothing"
	}
	r1, r2 := rows[int(a/2)%len(rows)], rows[int(b)%len(rows)]
	c1, c2 := 2+int(a/2)%(w-1), 2+int(b)%(w-1)
	switch op % 7 {
	case 0:
		swapRows(t, xf, sheet, r1, r2)
		return fmt.Sprintf("swap rows %s %d %d", sheet, r1, r2)
	case 1:
		if err := xf.RemoveRow(sheet, r1); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("delete row %s %d", sheet, r1)
	case 2:
		hr, _ := headerCols(t, xf, sheet)
		heads := []string{"说明", "分值", "备注", "", "主要内容", "三级指标", "1–6月执行数", "实际完成值"}
		insertCol(t, xf, sheet, c1, heads[int(b)%len(heads)])
		if heads[int(b)%len(heads)] == "" {
			typeText(t, xf, sheet, colName(c1)+itoa(hr), "")
		}
		return fmt.Sprintf("insert column %s %s %q", sheet, colName(c1), heads[int(b)%len(heads)])
	case 3:
		if c1 != c2 {
			swapCols(t, xf, sheet, c1, c2)
		}
		return fmt.Sprintf("swap columns %s %s %s", sheet, colName(c1), colName(c2))
	case 4:
		// the visible cells of two rows exchanged, their ids left (a sort of
		// columns B onward): rows of different names only — rows whose names
		// and declared values are all the same are told apart by the id alone
		if sameRow(t, xf, sheet, r1, r2) {
			return "nothing"
		}
		n := 0
		for c := 2; c <= w; c++ {
			x, y := getCell(t, xf, sheet, c, r1), getCell(t, xf, sheet, c, r2)
			x.Formula = mapRefs(x.Formula, func(col string, row int) (string, int) { return col, r2 })
			y.Formula = mapRefs(y.Formula, func(col string, row int) (string, int) { return col, r1 })
			putCell(t, xf, sheet, c, r1, y)
			putCell(t, xf, sheet, c, r2, x)
			n++
		}
		return fmt.Sprintf("swap cells of rows %s %d %d", sheet, r1, r2)
	case 5:
		i := int(a/2) % len(rows)
		k := min(len(rows)-i, 2+int(b)%4)
		perm := make([]int, k)
		for j := range perm {
			perm[j] = (j + 1) % k
		}
		permuteRows(t, xf, sheet, rows[i:i+k], perm)
		return fmt.Sprintf("rotate rows %s %v", sheet, rows[i:i+k])
	default:
		_ = xf.SetCellValue(sheet, "A"+itoa(r1), nil)
		return fmt.Sprintf("clear id %s A%d", sheet, r1)
	}
}

// sameRow reports whether two rows show the same identity and declared
// values (everything but the hidden id and the values typed).
func sameRow(t testing.TB, xf *excelize.File, sheet string, r1, r2 int) bool {
	_, cols := headerCols(t, xf, sheet)
	for _, h := range []string{"任务名称", "主要内容", "年初预算数", "其中：财政资金", "一级指标", "二级指标", "三级指标", "年度指标值"} {
		c := cols[h]
		if c == 0 {
			continue
		}
		x, y := getCell(t, xf, sheet, c, r1), getCell(t, xf, sheet, c, r2)
		if x.Raw != y.Raw {
			return false
		}
	}
	return true
}

// wrongValues lists every value of g that is neither the base draft's nor
// the one typed into that row, and any change outside the 监控/自评 values.
func wrongValues(fl *filled, g *model.Form) []string {
	var bad []string
	base := fl.base
	strip := func(f *model.Form) string {
		c := f.Clone()
		for u := range c.Units {
			for r := range c.Units[u].Tasks {
				c.Units[u].Tasks[r].Monitor, c.Units[u].Tasks[r].Eval = model.TaskMonitor{}, model.TaskEval{}
			}
		}
		for r := range c.Indicators {
			c.Indicators[r].Monitor, c.Indicators[r].Eval = model.IndicatorMonitor{}, model.IndicatorEval{}
		}
		b, _ := json.Marshal(c)
		return string(b)
	}
	if strip(g) != strip(base) {
		bad = append(bad, "the declaration changed")
	}
	check := func(pos, field, got, was string) {
		if got == was {
			return
		}
		if typed, ok := fl.byPos[pos+"|"+field]; ok && sameValue(got, typed) {
			return
		}
		bad = append(bad, fmt.Sprintf("%s %s = %q: neither the draft's %q nor typed %q", pos, field, got, was, fl.byPos[pos+"|"+field]))
	}
	for u := range base.Units {
		for r := range base.Units[u].Tasks {
			pos := fmt.Sprintf("T:%d:%d", u, r)
			a, b := &g.Units[u].Tasks[r], &base.Units[u].Tasks[r]
			check(pos, string(model.FieldExecuted), a.Monitor.Executed.Raw(), b.Monitor.Executed.Raw())
			check(pos, string(model.FieldForecast), a.Monitor.Forecast.Raw(), b.Monitor.Forecast.Raw())
			check(pos, string(model.FieldBudgetAdj), a.Eval.Budget.Raw(), b.Eval.Budget.Raw())
			check(pos, string(model.FieldExecYear), a.Eval.Executed.Raw(), b.Eval.Executed.Raw())
		}
	}
	for r := range base.Indicators {
		pos := fmt.Sprintf("I:%d", r)
		a, b := g.Indicators[r], base.Indicators[r]
		check(pos, string(model.FieldToDate), a.Monitor.ToDate, b.Monitor.ToDate)
		check(pos, string(model.FieldForecastVal), a.Monitor.Forecast, b.Monitor.Forecast)
		check(pos, string(model.FieldLikelihood), string(a.Monitor.Likelihood), string(b.Monitor.Likelihood))
		check(pos, "cause", a.Monitor.Cause, b.Monitor.Cause)
		check(pos, "causeText", a.Monitor.CauseText, b.Monitor.CauseText)
		check(pos, string(model.FieldMeasures), a.Monitor.Measures, b.Monitor.Measures)
		check(pos, string(model.FieldActual), a.Eval.Actual, b.Eval.Actual)
		check(pos, string(model.FieldEvalWeight), a.Eval.Weight, b.Eval.Weight)
		check(pos, string(model.FieldAnalysis), a.Eval.Analysis, b.Eval.Analysis)
		check(pos, "reason", a.Eval.Reason, b.Eval.Reason)
	}
	return bad
}
