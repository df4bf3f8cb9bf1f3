package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/xlsx"
	"jixiao/model"
	"jixiao/model/recognize"
)

// tricky is a form that exercises what a round trip can lose: invalid
// amounts, texts that look like formulas, optional columns, Sub rows,
// blank and placeholder rows, control characters and long texts.
func tricky() *model.Form {
	f := model.Sample()
	f.Options = model.Options{OtherFunds: true, Weight: true, Unit: true, ValueType: true, Scoring: true}
	f.Goals[0].Text = "=SUM(A1:A3) 不是公式"
	f.Goals[1].Text = "+86 电话；-减号开头；@提及\n第二行\t制表"
	f.Goals = append(f.Goals, model.Goal{Text: strings.Repeat("很长的目标文字，", 400)})
	u := &f.Units[0]
	u.Tasks[0].Total = model.ParseAmount("abc")
	u.Tasks[0].Other = model.ParseAmount("12.5")
	u.Tasks[1].Fiscal = model.ParseAmount("1,273.30")
	u.Tasks[2].Note = "@备注"
	u.Tasks[3].Content = "-1 开头的内容"
	f.Units = append(f.Units, model.Unit{Name: "没有任务的单位"})
	f.Indicators[0].Weight = "5"
	f.Indicators[0].Unit = "%"
	f.Indicators[0].ValueType = "定量"
	f.Indicators[0].Scoring = "=每低1%扣0.5分"
	f.Indicators[3].Inputs = map[string]string{"a": "1", "b": "2"}
	return f
}

func writeXLSXFile(t testing.TB, f *model.Form) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, f); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), FileName(f, "xlsx"))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRoundTripXLSX(t *testing.T) {
	for name, f := range map[string]*model.Form{"sample": model.Sample(), "tricky": tricky(), "empty": model.New("2021", "空表", recognize.TimeZero)} {
		t.Run(name, func(t *testing.T) {
			got, rep, err := ImportFile(writeXLSXFile(t, f), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := f.Clone()
			want.Meta.Origin = got.Meta.Origin // ImportBytes records where it came from
			if !strings.HasPrefix(got.Meta.Origin, "导入自 ") && f.Meta.Origin == "" {
				t.Errorf("origin %q", got.Meta.Origin)
			}
			assertSameForm(t, want, got)
			if rep.Goals != len(f.Goals) || rep.Tasks != f.TaskCount() || rep.Units != len(f.Units) || rep.Indicators != len(f.Indicators) {
				t.Errorf("report counts %+v", rep)
			}
			if !strings.Contains(strings.Join(rep.Notes, ""), "隐藏数据完整读取") {
				t.Errorf("notes %q", rep.Notes)
			}
		})
	}
}

func TestRoundTripJSON(t *testing.T) {
	for name, f := range map[string]*model.Form{"sample": model.Sample(), "tricky": tricky()} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, f); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("{\n  \"format\": \"jixiao-form\",\n  \"version\": 1,")) {
				t.Fatalf("envelope: %.80s", buf.String())
			}
			got, err := ReadJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			assertSameForm(t, f, got)
			// export → import → export gives the same bytes
			var again bytes.Buffer
			if err := WriteJSON(&again, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("second export differs")
			}
		})
	}
}

func assertSameForm(t *testing.T, want, got *model.Form) {
	t.Helper()
	if reflect.DeepEqual(want, got) {
		return
	}
	if !reflect.DeepEqual(want.Goals, got.Goals) {
		t.Errorf("goals differ")
	}
	for i := range max(len(want.Units), len(got.Units)) {
		if i >= len(want.Units) || i >= len(got.Units) || !reflect.DeepEqual(want.Units[i], got.Units[i]) {
			t.Errorf("unit %d differs:\nwant %+v\n got %+v", i, at(want.Units, i), at(got.Units, i))
		}
	}
	for i := range max(len(want.Indicators), len(got.Indicators)) {
		if i >= len(want.Indicators) || i >= len(got.Indicators) || !reflect.DeepEqual(want.Indicators[i], got.Indicators[i]) {
			t.Errorf("indicator %d differs:\nwant %+v\n got %+v", i, at(want.Indicators, i), at(got.Indicators, i))
		}
	}
	w, g := *want, *got
	w.Goals, w.Units, w.Indicators, g.Goals, g.Units, g.Indicators = nil, nil, nil, nil, nil, nil
	if !reflect.DeepEqual(w, g) {
		t.Errorf("form differs:\nwant %+v\n got %+v", w, g)
	}
	t.FailNow()
}

func at[T any](s []T, i int) any {
	if i < len(s) {
		return s[i]
	}
	return nil
}

// TestImportVisibleSheetOnly: a clerk copies our table into a new workbook
// (no hidden sheet); the visible sheet alone gives the same table.
func TestImportVisibleSheetOnly(t *testing.T) {
	for name, f := range map[string]*model.Form{"sample": model.Sample(), "tricky": tricky()} {
		t.Run(name, func(t *testing.T) {
			p := writeXLSXFile(t, f)
			xf, err := excelize.OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := xf.DeleteSheet(DataSheetName); err != nil {
				t.Fatal(err)
			}
			if err := xf.SaveAs(p); err != nil {
				t.Fatal(err)
			}
			xf.Close()
			got, rep, err := ImportFile(p, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if xlsx.VisibleKey(got) != xlsx.VisibleKey(f) {
				t.Errorf("visible content differs:\nwant %s\n got %s", xlsx.VisibleKey(f), xlsx.VisibleKey(got))
			}
			if got.Year != f.Year || got.Dept != f.Dept || got.Options.OtherFunds != f.Options.OtherFunds {
				t.Errorf("year/dept/options: %q %q %+v", got.Year, got.Dept, got.Options)
			}
			t.Log(rep.String())
		})
	}
}

// withoutDataSheet returns the workbook data without its hidden sheet, as
// a clerk's copy of the visible table would be.
func withoutDataSheet(t testing.TB, data []byte) []byte {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if err := xf.DeleteSheet(DataSheetName); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := xf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
