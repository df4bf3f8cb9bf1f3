package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// StageChange is one value taken from a filled 监控表/自评表.
type StageChange struct {
	Addr  string // the cell, e.g. F12
	Place string // the place in the draft in plain Chinese
	Old   string // the draft's value before ("" when empty)
	New   string // the value read
}

// StageReport says what ImportStageValues did, cell by cell.
type StageReport struct {
	Stage     model.Stage
	Changes   []StageChange
	Problems  []string // plain Chinese, each naming its cell
	Unchanged int      // input cells whose value was as exported
}

// String lists the changes and problems, one per line.
func (r *StageReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：读取 %d 处改动，%d 处未改动", r.Stage, len(r.Changes), r.Unchanged)
	for _, c := range r.Changes {
		old := c.Old
		if strings.TrimSpace(old) == "" {
			old = "（空）"
		}
		fmt.Fprintf(&b, "\n  %s %s：%s → %s", c.Addr, c.Place, old, orEmpty(c.New))
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "\n  问题：%s", p)
	}
	return b.String()
}

func orEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

// ReadImportFile reads a file to import with the importer's limits.
func ReadImportFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, model.Wrap(err, model.ENOTFOUND, "找不到文件“%s”，请检查路径", path)
	case err != nil:
		return nil, model.Errorf(model.EIO, "无法读取文件“%s”：%w", name, err)
	case st.IsDir():
		return nil, model.Errorf(model.EINVALID, "“%s”是文件夹，请选择一个 .xlsx 文件", name)
	case st.Size() > MaxImportSize:
		return nil, model.Errorf(model.EINVALID, "文件“%s”超过 %d MB 的上限，未导入", name, MaxImportSize>>20)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, model.Errorf(model.EIO, "无法打开文件“%s”：%w", name, err)
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, MaxImportSize+1))
}

// IsStageWorkbook reports whether data is a 监控表/自评表 exported by this
// program (it has the hidden value map).
func IsStageWorkbook(data []byte) bool {
	xf, err := openWorkbook("", data)
	if err != nil {
		return false
	}
	defer xf.Close()
	v, err := xf.GetCellValue(StageDataSheet, "A1")
	return err == nil && v == StageFormatName
}

// ImportStageValues reads the values a clerk filled into a 监控表/自评表
// exported by WriteStageXLSX and returns a copy of f with them applied:
// only the input cells are read, by address, and only those whose value
// differs from the exported one are taken; nothing else of f changes. A
// value that is not valid (an amount that is not a number) is kept as
// typed and reported. The error, in plain Chinese, says when the file is
// not such a sheet or belongs to another draft; then nothing was taken.
func ImportStageValues(name string, data []byte, f *model.Form) (out *model.Form, rep *StageReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, rep, err = nil, nil, internalError(name, r, "")
		}
	}()
	xf, err := openWorkbook(name, data)
	if err != nil {
		return nil, nil, err
	}
	defer xf.Close()
	meta, err := readStageMeta(xf)
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "“%s”不是本程序导出的运行监控表或自评表（%w）；只有从本程序导出的表才能按单元格导回草稿", name, err)
	}
	if strings.TrimSpace(meta.Dept) != strings.TrimSpace(f.Dept) || strings.TrimSpace(meta.Year) != strings.TrimSpace(f.Year) {
		return nil, nil, model.Errorf(model.ECONFLICT, "“%s”是“%s %s年度”的%s，与草稿“%s %s年度”不符，未导入", name, meta.Dept, meta.Year, meta.Sheet, f.Dept, f.Year)
	}
	if f.Stage < meta.Stage {
		return nil, nil, model.Errorf(model.ECONFLICT, "“%s”是%s，草稿还在“%s”阶段；请先切换到“%s”再导入", name, meta.Sheet, f.Stage, meta.Stage)
	}
	if _, err := xf.GetSheetIndex(meta.Sheet); err != nil {
		return nil, nil, model.Wrap(err, model.ENOTFOUND, "“%s”中找不到工作表“%s”", name, meta.Sheet)
	}
	g := f.Clone()
	rep = &StageReport{Stage: meta.Stage}
	for _, c := range meta.Inputs {
		place, cur, ok := inputPlace(g, c)
		if !ok {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s：%s", c.Addr, place))
			continue
		}
		v, err := readInput(xf, meta.Sheet, c)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s %s：无法读取（%v）", c.Addr, place, err))
			continue
		}
		if v == strings.TrimSpace(c.Text) || v == strings.TrimSpace(cur) {
			rep.Unchanged++
			continue
		}
		if msg := applyInput(g, c, v); msg != "" {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s %s：%s（已按原文保留，请改正）", c.Addr, place, msg))
		}
		rep.Changes = append(rep.Changes, StageChange{Addr: c.Addr, Place: place, Old: cur, New: v})
	}
	return g, rep, nil
}

func readStageMeta(xf *excelize.File) (*stageMeta, error) {
	rows, err := xf.GetRows(StageDataSheet)
	if err != nil || len(rows) < 2 || len(rows[0]) == 0 || rows[0][0] != StageFormatName {
		return nil, model.Errorf(model.EINVALID, "没有程序的对应数据")
	}
	var b strings.Builder
	for _, r := range rows[1:] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	var m stageMeta
	if err := json.Unmarshal([]byte(b.String()), &m); err != nil {
		return nil, model.Errorf(model.EDAMAGED, "对应数据已损坏")
	}
	return &m, nil
}

// readInput is the cell's value: amounts as the raw number (no display
// rounding), other values as the spreadsheet shows them (96%).
func readInput(xf *excelize.File, sheet string, c inputCell) (string, error) {
	var v string
	var err error
	if isAmountField(c.Field) {
		v, err = xf.GetCellValue(sheet, c.Addr, excelize.Options{RawCellValue: true})
	} else {
		v, err = xf.GetCellValue(sheet, c.Addr)
	}
	return strings.TrimSpace(v), err
}

func isAmountField(f string) bool {
	switch model.Field(f) {
	case model.FieldExecuted, model.FieldForecast, model.FieldBudgetAdj, model.FieldExecYear:
		return true
	}
	return false
}

// inputPlace names the cell's place in g and returns its current value; ok
// is false (with the reason in place) when the draft no longer has that
// row as it was exported.
func inputPlace(g *model.Form, c inputCell) (place, cur string, ok bool) {
	switch c.Kind {
	case "task":
		if c.Unit < 0 || c.Unit >= len(g.Units) || c.Index < 0 || c.Index >= len(g.Units[c.Unit].Tasks) {
			return fmt.Sprintf("任务“%s”在草稿中已不存在，未导入", c.Name), "", false
		}
		t := &g.Units[c.Unit].Tasks[c.Index]
		if t.Content != c.Name {
			return fmt.Sprintf("草稿中这一行的任务是“%s”，表中是“%s”（导出后草稿改过），未导入", t.Content, c.Name), "", false
		}
		place = fmt.Sprintf("%s 第%d行（%s）%s", g.Units[c.Unit].Name, c.Index+1, c.Name, c.Field)
		switch model.Field(c.Field) {
		case model.FieldExecuted:
			cur = t.Monitor.Executed.Raw()
		case model.FieldForecast:
			cur = t.Monitor.Forecast.Raw()
		case model.FieldBudgetAdj:
			cur = t.Eval.Budget.Raw()
		case model.FieldExecYear:
			cur = t.Eval.Executed.Raw()
		default:
			return "无法识别的栏目“" + c.Field + "”", "", false
		}
		return place, cur, true
	case "ind":
		if c.Index < 0 || c.Index >= len(g.Indicators) {
			return fmt.Sprintf("指标“%s”在草稿中已不存在，未导入", c.Name), "", false
		}
		in := &g.Indicators[c.Index]
		if in.Name() != c.Name {
			return fmt.Sprintf("草稿中这一行的指标是“%s”，表中是“%s”（导出后草稿改过），未导入", in.Name(), c.Name), "", false
		}
		place = fmt.Sprintf("绩效指标 第%d行（%s）%s", c.Index+1, c.Name, c.Field)
		switch model.Field(c.Field) {
		case model.FieldToDate:
			cur = in.Monitor.ToDate
		case model.FieldForecastVal:
			cur = in.Monitor.Forecast
		case model.FieldLikelihood:
			cur = string(in.Monitor.Likelihood)
		case model.FieldCause:
			cur = causeText(in.Monitor)
		case model.FieldMeasures:
			cur = in.Monitor.Measures
		case model.FieldActual:
			cur = in.Eval.Actual
		case model.FieldEvalWeight:
			cur = in.Eval.Weight
		case model.FieldAnalysis:
			cur = in.Eval.Analysis
		default:
			return "无法识别的栏目“" + c.Field + "”", "", false
		}
		return place, cur, true
	}
	return "无法识别的单元格", "", false
}

// applyInput sets the value v of cell c in g; it returns a problem ("" when
// none). The value is stored even when it is not valid (nothing is lost).
func applyInput(g *model.Form, c inputCell, v string) string {
	if c.Kind == "task" {
		t := &g.Units[c.Unit].Tasks[c.Index]
		a := model.ParseAmount(v)
		switch model.Field(c.Field) {
		case model.FieldExecuted:
			t.Monitor.Executed = a
		case model.FieldForecast:
			t.Monitor.Forecast = a
		case model.FieldBudgetAdj:
			t.Eval.Budget = a
		case model.FieldExecYear:
			t.Eval.Executed = a
		}
		return a.Reason()
	}
	in := &g.Indicators[c.Index]
	switch model.Field(c.Field) {
	case model.FieldToDate:
		in.Monitor.ToDate = v
	case model.FieldForecastVal:
		in.Monitor.Forecast = v
	case model.FieldLikelihood:
		in.Monitor.Likelihood = model.Likelihood(v)
		if v == "不可能" {
			in.Monitor.Likelihood = model.LikelyNoChance
		}
	case model.FieldCause:
		in.Monitor.Cause, in.Monitor.CauseText = splitCause(v)
	case model.FieldMeasures:
		in.Monitor.Measures = v
	case model.FieldActual:
		in.Eval.Actual = v
	case model.FieldEvalWeight:
		in.Eval.Weight = v
	case model.FieldAnalysis:
		in.Eval.Analysis = v
	}
	return ""
}
