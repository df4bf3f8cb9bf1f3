package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// An xlsx records the template it was written in (column C of the hidden
// sheet, checked by its hash): read on a machine that does not have that
// template, a sheet edited in Excel is still read by that template's
// columns (考核权重, 计量口径 …) and the report hands the template on. A
// record whose content no longer matches its hash is not used.
func TestWorkbookCarriesItsTemplate(t *testing.T) {
	tp := testfiles.BureauTemplate(2)
	f := model.TemplateExample(tp)
	var b bytes.Buffer
	if err := WriteXLSXTemplate(&b, f, tp); err != nil {
		t.Fatal(err)
	}
	// a unit changes a weight in Excel: the visible sheet is read
	edited := editWorkbook(t, b.Bytes(), func(xf *excelize.File) {
		rows, _ := xf.GetRows(SheetName)
		for r, row := range rows {
			for c, v := range row {
				if v == "培训人次" || v == "重点工作完成数" {
					for c2 := c + 1; c2 < len(row); c2++ {
						if row[c2] == "30" {
							cell, _ := excelize.CoordinatesToCellName(c2+1, r+1)
							xf.SetCellValue(SheetName, cell, 40)
							return
						}
					}
				}
			}
		}
		t.Fatal("no weight of 30 in the first indicator row")
	})
	g, rep, err := ImportBytesWith("单位.xlsx", edited, ImportOptions{}) // the built-in templates only
	if err != nil {
		t.Fatal(err)
	}
	if rep.FileTemplate == nil || model.TemplateHash(rep.FileTemplate) != model.TemplateHash(tp) {
		t.Fatalf("the file's template is not handed on: %+v", rep.FileTemplate)
	}
	if !g.Template.SameVersion(tp.Ref()) || len(g.Indicators) != len(f.Indicators) || g.Indicators[0].Weight != "40" || g.Indicators[0].Unit != f.Indicators[0].Unit || len(rep.Unplaced) > 0 {
		t.Errorf("read as %+v, indicators %+v, unplaced %v", g.Template, g.Indicators, rep.Unplaced)
	}
	// the record tampered with: not used
	tampered := editWorkbook(t, edited, func(xf *excelize.File) {
		v, _ := xf.GetCellValue(DataSheetName, "C2")
		xf.SetCellStr(DataSheetName, "C2", strings.Replace(v, "考核权重", "考核分值", 1))
	})
	_, rep, err = ImportBytesWith("单位.xlsx", tampered, ImportOptions{})
	if err != nil || rep.FileTemplate != nil {
		t.Errorf("tampered record used: %v %v", rep.FileTemplate, err)
	}
	// JSON too
	b.Reset()
	if err := WriteJSONTemplate(&b, f, tp); err != nil {
		t.Fatal(err)
	}
	_, rep, err = ImportBytesWith("单位.json", b.Bytes(), ImportOptions{})
	if err != nil || rep.FileTemplate == nil || model.TemplateHash(rep.FileTemplate) != model.TemplateHash(tp) {
		t.Errorf("JSON: %v %v", rep.FileTemplate, err)
	}
}
