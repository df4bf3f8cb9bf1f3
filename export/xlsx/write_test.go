package xlsx

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// The workbook has the visible sheet and the hidden data sheet, whose
// record reads back as the same form (what the importer relies on).
func TestWriteXLSXDataSheet(t *testing.T) {
	f := model.Sample()
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if got := xf.GetSheetList(); len(got) != 2 || got[0] != SheetName || got[1] != DataSheetName {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := xf.GetSheetVisible(DataSheetName); v {
		t.Error("data sheet visible")
	}
	rows, err := xf.GetRows(DataSheetName, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 2 || rows[0][0] != FormatName {
		t.Fatalf("data sheet %v: %.200q", err, rows)
	}
	var js bytes.Buffer
	for _, r := range rows[1:] {
		if len(r) > 0 {
			js.WriteString(r[0])
		}
	}
	back, err := UnmarshalForm(js.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteJSON(&a, f); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, back); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("the data sheet does not give the form back")
	}
}

// A stage workbook records its stage and department in its hidden sheet.
func TestWriteStageMeta(t *testing.T) {
	f := model.SampleEval(time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := WriteStage(&buf, f, model.StageEval); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	m, v, err := ReadStageMeta(xf, "eval.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if m.Stage != model.StageEval || m.Dept != f.Dept || m.Year != f.Year || v != StageWorkbookVersion {
		t.Errorf("meta %+v, version %v", m, v)
	}
}
