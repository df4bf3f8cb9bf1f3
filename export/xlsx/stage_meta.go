package xlsx

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// StageDataSheet is the hidden sheet of a 监控表/自评表 workbook: A1 the
// format and its version (jixiao-stage-values/2), A2… the JSON of
// stageMeta in chunks. It lists the rows as exported — each row's id,
// identity texts, declared values and the values it was exported with —
// so that ImportStageValues can tell each row of the filled sheet for
// certain and see what the clerk changed. Nothing in it is trusted for a
// value: the values are read from the visible sheets.
const StageDataSheet = "_jixiao_stage"

// StageFormat is the format's name in A1 of the hidden sheet, before "/"
// and the major version of its layout; B1 holds the whole layout version
// (StageWorkbookVersion, version.go): 1 values by cell address (read by
// identity since 2.0, B1 empty); 2.0 a row id column, rows by identity,
// columns by header text, live formulas. A workbook of a newer major
// version (a newer jixiao) is refused with a message, as the JSON import
// does.
const StageFormat = "jixiao-stage-values"

// StageMeta is the hidden sheet's JSON.
type StageMeta struct {
	Stage model.Stage `json:"stage"`
	Month int         `json:"month,omitempty"`
	Dept  string      `json:"dept"`
	Year  string      `json:"year"`
	// Sheet is the table's name (绩效运行监控表, 绩效自评表); in format 1 it
	// was also the visible sheet.
	Sheet      string    `json:"sheet"`
	Tasks      []MetaRow `json:"tasks,omitempty"`
	Indicators []MetaRow `json:"indicators,omitempty"`
	// Inputs are format 1's input cells by address.
	Inputs []inputCell `json:"inputs,omitempty"`
}

// MetaRow is one exported row.
type MetaRow struct {
	ID     string                   `json:"id"`
	Unit   int                      `json:"unit,omitempty"` // the draft's unit (task rows)
	Index  int                      `json:"index"`          // the draft's task row in its unit, or indicator row
	Key    []string                 `json:"key"`            // identity texts: unit and 主要内容, or 一级/二级/三级指标
	Fixed  map[layout.ColKey]string `json:"fixed,omitempty"`
	Values map[layout.ColKey]string `json:"values,omitempty"`
}

// inputCell is one input cell of a format-1 sheet.
type inputCell struct {
	Addr  string `json:"addr"`
	Kind  string `json:"kind"` // "task" or "ind"
	Unit  int    `json:"unit,omitempty"`
	Index int    `json:"index"`
	Field string `json:"field"`
	Name  string `json:"name"`
	Text  string `json:"text"`
}

// metaOf is the hidden sheet's data of d.
func metaOf(d *layout.StageDoc) *StageMeta {
	f := d.F
	m := &StageMeta{Stage: d.Stage, Month: f.Month, Dept: f.Dept, Year: f.Year, Sheet: d.Name}
	for _, t := range d.Tables {
		for _, r := range t.Rows {
			mr := MetaRow{ID: r.Id, Unit: r.Unit, Index: r.Index, Key: r.Key, Fixed: map[layout.ColKey]string{}, Values: map[layout.ColKey]string{}}
			for _, c := range t.Cols {
				switch c.Role {
				case layout.RoleFixed:
					if v, ok := r.Text[c.Key]; ok {
						mr.Fixed[c.Key] = v
					}
				case layout.RoleInput:
					mr.Values[c.Key] = r.Text[c.Key]
				}
			}
			if t.Kind == layout.TableTasks {
				m.Tasks = append(m.Tasks, mr)
			} else {
				m.Indicators = append(m.Indicators, mr)
			}
		}
	}
	return m
}

func writeStageData(xf *excelize.File, m *StageMeta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if _, err := xf.NewSheet(StageDataSheet); err != nil {
		return err
	}
	if err := xf.SetCellStr(StageDataSheet, "A1", StageFormat+"/"+strconv.Itoa(StageWorkbookVersion.Major)); err != nil {
		return err
	}
	if err := xf.SetCellStr(StageDataSheet, workbookVersionCell, StageWorkbookVersion.String()); err != nil {
		return err
	}
	rs := []rune(string(b))
	for row := 2; len(rs) > 0; row++ {
		n := min(len(rs), dataChunk)
		if err := xf.SetCellStr(StageDataSheet, "A"+strconv.Itoa(row), string(rs[:n])); err != nil {
			return err
		}
		rs = rs[n:]
	}
	return xf.SetSheetVisible(StageDataSheet, false, true)
}

// StageVersion reads A1 of the hidden sheet: the layout's major version,
// or false when it is not ours.
func StageVersion(a1 string) (int, bool) {
	v, ok := strings.CutPrefix(strings.TrimSpace(a1), StageFormat+"/")
	if !ok {
		return 0, false
	}
	fv, ok := ParseFileVersion(v)
	return fv.Major, ok
}

// ReadStageMeta reads the hidden sheet; name is the file's name for
// messages. It returns the layout version (B1, or the major version of
// A1 for files without B1).
func ReadStageMeta(xf *excelize.File, name string) (*StageMeta, FileVersion, error) {
	notOurs := func(why string) error {
		return model.Errorf(model.EINVALID, "“%s”不是本程序导出的运行监控表或自评表（%s）；只有从本程序导出的表才能导回草稿：请先在程序中导出运行监控表或自评表（导出 Excel 时选择该表），在导出的表中填写后再导入", name, why)
	}
	if idx, _ := xf.GetSheetIndex(StageDataSheet); idx < 0 {
		if idx, _ := xf.GetSheetIndex(DataSheetName); idx >= 0 {
			return nil, FileVersion{}, model.Errorf(model.EINVALID, "“%s”是申报表，不是本程序导出的运行监控表或自评表，未导入；申报表请用“文件 › 导入为新草稿…”导入。运行监控表、自评表请在该阶段用“导出 Excel”选择该表导出，填好后再导入", name)
		}
		return nil, FileVersion{}, notOurs("没有程序的对应数据，可能是把表格复制到了新的工作簿")
	}
	rows, err := xf.GetRows(StageDataSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 2 || len(rows[0]) == 0 {
		return nil, FileVersion{}, notOurs("程序的对应数据不完整")
	}
	major, ok := StageVersion(rows[0][0])
	if !ok {
		return nil, FileVersion{}, notOurs("程序的对应数据无法识别")
	}
	ver := FileVersion{Major: major}
	if len(rows[0]) > 1 {
		if v, ok := ParseFileVersion(rows[0][1]); ok && v.Major >= major {
			ver = v
		}
	}
	if err := CheckFileVersion(name, "运行监控表/自评表 Excel ", ver, StageWorkbookVersion); err != nil {
		return nil, ver, err
	}
	var b strings.Builder
	for _, r := range rows[1:] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	var m StageMeta
	if err := json.Unmarshal([]byte(b.String()), &m); err != nil {
		return nil, ver, model.Errorf(model.EDAMAGED, "“%s”中程序的对应数据已损坏，未导入；请重新导出后填写", name)
	}
	return &m, ver, nil
}

// v1Fields maps format 1's fields to the columns of format 2.
var v1Fields = map[model.Field]layout.ColKey{
	model.FieldExecuted: layout.CkExec, model.FieldForecast: layout.CkForecast, model.FieldBudgetAdj: layout.CkBudgetAdj, model.FieldExecYear: layout.CkExecYear,
	model.FieldToDate: layout.CkToDate, model.FieldForecastVal: layout.CkForecastVal, model.FieldLikelihood: layout.CkLikely, model.FieldCause: layout.CkCauseBoth,
	model.FieldMeasures: layout.CkMeasures, model.FieldActual: layout.CkActual, model.FieldEvalWeight: layout.CkWeight, model.FieldAnalysis: layout.CkAnalysis,
}

// UpgradeV1 turns a format-1 meta (input cells by address) into rows: the
// identity of each row comes from the draft where its row still has the
// exported name (format 1 kept the name, not the unit's name nor the
// indicator's levels); the others get no key and are reported as not
// found. The addresses are not used: the sheet is read by identity and
// header like any other.
func UpgradeV1(m *StageMeta, f *model.Form) {
	type rk struct {
		kind        string
		unit, index int
	}
	rows := map[rk]*MetaRow{}
	var order []rk
	for _, c := range m.Inputs {
		k := rk{c.Kind, c.Unit, c.Index}
		r := rows[k]
		if r == nil {
			r = &MetaRow{ID: "", Unit: c.Unit, Index: c.Index, Values: map[layout.ColKey]string{}}
			switch c.Kind {
			case "task":
				if c.Unit >= 0 && c.Unit < len(f.Units) && c.Index >= 0 && c.Index < len(f.Units[c.Unit].Tasks) &&
					f.Units[c.Unit].Tasks[c.Index].Content == c.Name {
					r.Key = []string{strings.TrimSpace(f.Units[c.Unit].Name), strings.TrimSpace(c.Name)}
				}
			case "ind":
				if c.Index >= 0 && c.Index < len(f.Indicators) && f.Indicators[c.Index].Name() == c.Name {
					in := f.Indicators[c.Index]
					r.Key = []string{strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2), strings.TrimSpace(layout.Level3Text(in))}
				}
			}
			if r.Key == nil {
				r.Key = []string{"", strings.TrimSpace(c.Name)}
			}
			rows[k] = r
			order = append(order, k)
		}
		if ck, ok := v1Fields[model.Field(c.Field)]; ok {
			r.Values[ck] = c.Text
		}
	}
	for _, k := range order {
		if k.kind == "task" {
			m.Tasks = append(m.Tasks, *rows[k])
		} else {
			m.Indicators = append(m.Indicators, *rows[k])
		}
	}
	m.Inputs = nil
}
