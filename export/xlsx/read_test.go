package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// Our workbook reads back through its hidden data sheet; with the data
// sheet deleted (a clerk's copy of the visible sheet) the visible sheet
// alone gives a form that looks the same.
func TestImportXLSXBothWays(t *testing.T) {
	f := model.Sample()
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	back, rep, err := Read("sample.xlsx", buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if VisibleKey(back) != VisibleKey(f) || !strings.Contains(rep.String(), "完整读取") {
		t.Errorf("hidden data: %s", rep)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := xf.DeleteSheet(DataSheetName); err != nil {
		t.Fatal(err)
	}
	var visible bytes.Buffer
	if _, err := xf.WriteTo(&visible); err != nil {
		t.Fatal(err)
	}
	v, vrep, err := Read("visible.xlsx", visible.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if VisibleKey(v) != VisibleKey(f) {
		t.Errorf("visible sheet reads differently: %s", vrep)
	}
}

// A 自评表 exported and read back untouched changes nothing; one value
// typed into it is taken.
func TestImportStageValuesUntouched(t *testing.T) {
	f := model.SampleEval(time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := WriteStage(&buf, f, model.StageEval); err != nil {
		t.Fatal(err)
	}
	if !IsStageWorkbook(buf.Bytes()) {
		t.Fatal("not recognised as a stage workbook")
	}
	out, rep, err := ImportStageValues("eval.xlsx", buf.Bytes(), f)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 0 || out == nil {
		t.Errorf("untouched sheet changed %d values: %s", len(rep.Changes), rep)
	}
}

func FuzzImportXLSX(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, model.Sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		form, rep, err := Read("fuzz.xlsx", data, nil)
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Fatal(err)
		}
		if err != nil {
			if form != nil || rep != nil || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error with result, or not one line: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := Write(&out, form); err != nil {
			t.Fatal(err)
		}
	})
}
