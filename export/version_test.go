package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/export/xlsx"
	"jixiao/model"
)

func TestParseFileVersion(t *testing.T) {
	for _, c := range []struct {
		in   string
		want FileVersion
		ok   bool
	}{
		{"2.0", FileVersion{Major: 2, Minor: 0}, true},
		{" 3.12 ", FileVersion{Major: 3, Minor: 12}, true},
		{"2", FileVersion{Major: 2, Minor: 0}, true},
		{"", FileVersion{}, false},
		{"0.9", FileVersion{}, false},
		{"x.1", FileVersion{}, false},
		{"2.-1", FileVersion{}, false},
		{"2.0.1", FileVersion{}, false},
	} {
		got, ok := ParseFileVersion(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseFileVersion(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if !(FileVersion{Major: 2, Minor: 0}).Readable(FileVersion{Major: 2, Minor: 9}) || (FileVersion{Major: 2, Minor: 0}).Readable(FileVersion{Major: 3, Minor: 0}) || !(FileVersion{Major: 2, Minor: 0}).Readable(FileVersion{Major: 1, Minor: 0}) {
		t.Error("Readable: a newer minor or an older major is read, a newer major is not")
	}
}

// editWorkbook opens data, lets edit change it and returns the new bytes.
func editWorkbook(t *testing.T, data []byte, edit func(xf *excelize.File)) []byte {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	edit(xf)
	var out bytes.Buffer
	if _, err := xf.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func sampleXLSX(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameContent compares what the clerk typed: goals, tasks, indicators.
func sameContent(t *testing.T, what string, got, want *model.Form) {
	t.Helper()
	if !reflect.DeepEqual(got.Goals, want.Goals) || !reflect.DeepEqual(got.Units, want.Units) || !reflect.DeepEqual(got.Indicators, want.Indicators) {
		g, _ := json.Marshal(got.Units)
		w, _ := json.Marshal(want.Units)
		t.Errorf("%s: content differs\n got  %.400s\n want %.400s", what, g, w)
	}
}

func TestWorkbookRecordsItsVersion(t *testing.T) {
	xf, err := excelize.OpenReader(bytes.NewReader(sampleXLSX(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	a1, _ := xf.GetCellValue(DataSheetName, "A1")
	b1, _ := xf.GetCellValue(DataSheetName, "B1")
	if a1 != FormatName || b1 != WorkbookVersion.String() || b1 != "2.1" { // 2.1: the 表样 in column C
		t.Errorf("A1 %q B1 %q, want %q %q", a1, b1, FormatName, WorkbookVersion)
	}
}

// TestWorkbookOfNewerVersionRefused: a file of a newer major layout is
// refused whole, with the JSON import's kind of message, even though its
// visible sheet would read; a newer minor is read.
func TestWorkbookOfNewerVersionRefused(t *testing.T) {
	data := sampleXLSX(t)
	newer := editWorkbook(t, data, func(xf *excelize.File) { xf.SetCellStr(DataSheetName, "B1", "3.0") })
	_, _, err := xlsx.Read("下级单位.xlsx", newer, nil)
	if err == nil || model.ErrorCode(err) != model.EUNSUPPORTED {
		t.Fatalf("newer major: %v", err)
	}
	for _, want := range []string{"下级单位.xlsx", "更新版本的 jixiao", "第 3.0 版", "只认识到第 2 版", "请升级 jixiao"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %s", want, err)
		}
	}
	minor := editWorkbook(t, data, func(xf *excelize.File) { xf.SetCellStr(DataSheetName, "B1", "2.7") })
	f, rep, err := xlsx.Read("a.xlsx", minor, nil)
	if err != nil || !strings.Contains(rep.String(), "隐藏数据完整读取") {
		t.Fatalf("newer minor: %v %v", err, rep)
	}
	sameContent(t, "2.7", f, model.Sample())
	bad := editWorkbook(t, data, func(xf *excelize.File) { xf.SetCellStr(DataSheetName, "B1", "新版") })
	if _, rep, err := xlsx.Read("a.xlsx", bad, nil); err != nil || !strings.Contains(rep.String(), "版本号“新版”无法识别") {
		t.Errorf("unreadable version: the visible sheet is read and the report says why: %v %v", err, rep)
	}
}

// TestWorkbookWithNewerSchemaRefused: hidden data of a newer form schema
// (in a workbook of a known layout) is refused whole; the visible sheet
// is not read in its place, which would drop what the newer build wrote.
func TestWorkbookWithNewerSchemaRefused(t *testing.T) {
	data := editWorkbook(t, sampleXLSX(t), func(xf *excelize.File) {
		a2, _ := xf.GetCellValue(DataSheetName, "A2")
		v := `"form":{"version":` + itoa(model.SchemaVersion)
		if !strings.Contains(a2, v) {
			t.Fatalf("A2 does not start the form with its version: %.80s", a2)
		}
		xf.SetCellStr(DataSheetName, "A2", strings.Replace(a2, v, `"form":{"version":`+itoa(model.SchemaVersion+1), 1))
	})
	_, _, err := xlsx.Read("a.xlsx", data, nil)
	if err == nil || model.ErrorCode(err) != model.EUNSUPPORTED || !strings.Contains(err.Error(), "请升级 jixiao") {
		t.Fatalf("err = %v", err)
	}
}

// TestWorkbookOf1128ReadByMeaning: the export of the build of 2026-11-28
// (layout 1, no version recorded, form schema 1) reads whole, from its
// hidden data and, without it, from its visible sheet by meaning.
func TestWorkbookOf1128ReadByMeaning(t *testing.T) {
	data, err := os.ReadFile("testdata/xlsx-1128.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	then, err := os.ReadFile("../store/testdata/schema1/d1.json") // the same sample, exported by that build
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadJSON(bytes.NewReader(then))
	if err != nil {
		t.Fatal(err)
	}
	f, rep, err := xlsx.Read("xlsx-1128.xlsx", data, nil)
	if err != nil || !strings.Contains(rep.String(), "隐藏数据完整读取") || f.Version != model.SchemaVersion {
		t.Fatalf("%v %v", err, rep)
	}
	sameContent(t, "hidden data", f, want)
	visible := editWorkbook(t, data, func(xf *excelize.File) { xf.DeleteSheet(DataSheetName) })
	g, _, err := xlsx.Read("xlsx-1128.xlsx", visible, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameGoalsAndRows(t, "visible sheet of 11-28", g, want)
}

// sameGoalsAndRows compares what a visible sheet carries: the goals, the
// units with their tasks' text and amounts, the indicators' texts.
func sameGoalsAndRows(t *testing.T, what string, got, want *model.Form) {
	t.Helper()
	if len(got.Goals) != len(want.Goals) || len(got.Units) != len(want.Units) || len(got.Indicators) != len(want.Indicators) {
		t.Fatalf("%s: %d goals %d units %d indicators, want %d %d %d", what, len(got.Goals), len(got.Units), len(got.Indicators), len(want.Goals), len(want.Units), len(want.Indicators))
	}
	for i := range want.Goals {
		if got.Goals[i].Text != want.Goals[i].Text {
			t.Errorf("%s: goal %d %q, want %q", what, i+1, got.Goals[i].Text, want.Goals[i].Text)
		}
	}
	for i, u := range want.Units {
		g := got.Units[i]
		if g.Name != u.Name || len(g.Tasks) != len(u.Tasks) {
			t.Errorf("%s: unit %d %q (%d rows), want %q (%d)", what, i+1, g.Name, len(g.Tasks), u.Name, len(u.Tasks))
			continue
		}
		for j, tk := range u.Tasks {
			if g.Tasks[j].Content != tk.Content || g.Tasks[j].Total.Raw() != tk.Total.Raw() || g.Tasks[j].Fiscal.Raw() != tk.Fiscal.Raw() {
				t.Errorf("%s: %s row %d %q %s %s, want %q %s %s", what, u.Name, j+1, g.Tasks[j].Content, g.Tasks[j].Total.Raw(), g.Tasks[j].Fiscal.Raw(), tk.Content, tk.Total.Raw(), tk.Fiscal.Raw())
			}
		}
	}
	for i, in := range want.Indicators {
		g := got.Indicators[i]
		if g.Level1 != in.Level1 || g.Level2 != in.Level2 || g.Name() != in.Name() || g.Value != in.Value {
			t.Errorf("%s: indicator %d %q/%q/%q %q, want %q/%q/%q %q", what, i+1, g.Level1, g.Level2, g.Name(), g.Value, in.Level1, in.Level2, in.Name(), in.Value)
		}
	}
}

// TestContinuationMarksNotContent: today's layout prints （续） on a group
// cut by a page break (the 34 targets, a unit's rows, an 一级指标); read
// back from the visible sheet alone, none of them becomes a goal, a unit
// or an indicator of its own.
func TestContinuationMarksNotContent(t *testing.T) {
	data := sampleXLSX(t)
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	marks := 0
	rows, _ := xf.GetRows(SheetName)
	for _, r := range rows {
		for _, c := range r {
			if strings.HasSuffix(c, layout.ContMark) {
				marks++
			}
		}
	}
	xf.Close()
	if marks < 2 {
		t.Fatalf("the sample prints only %d （续） marks: the test needs groups cut by page breaks", marks)
	}
	visible := editWorkbook(t, data, func(xf *excelize.File) { xf.DeleteSheet(DataSheetName) })
	f, _, err := xlsx.Read("a.xlsx", visible, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameGoalsAndRows(t, "visible sheet", f, model.Sample())
	for _, u := range f.Units {
		if strings.Contains(u.Name, "续") {
			t.Errorf("unit %q", u.Name)
		}
	}
	for _, in := range f.Indicators {
		if strings.Contains(in.Level1+in.Level2+in.Level3, "（续）") {
			t.Errorf("indicator %q/%q/%q", in.Level1, in.Level2, in.Level3)
		}
	}
}

// TestJSONVersions: a form of an older schema is migrated, one of a newer
// schema refused, and one of today's schema with a field this build does
// not know refused (it would be dropped) — each with a Chinese message.
func TestJSONVersions(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	cur := `"form": {` + "\n" + `    "version": ` + itoa(model.SchemaVersion)
	if !strings.Contains(buf.String(), cur) {
		t.Fatalf("the form does not start with its version: %.120s", buf.String())
	}
	with := func(repl string) string { return strings.Replace(buf.String(), cur, repl, 1) }
	older, err := ReadJSON(strings.NewReader(with(`"form": {"version": 1`)))
	if err != nil || older.Version != model.SchemaVersion {
		t.Fatalf("schema 1: %v", err)
	}
	sameContent(t, "schema 1", older, model.Sample())
	_, err = ReadJSON(strings.NewReader(with(`"form": {"version": ` + itoa(model.SchemaVersion+1))))
	if model.ErrorCode(err) != model.EUNSUPPORTED || !strings.Contains(err.Error(), "更新版本的 jixiao") || !strings.Contains(err.Error(), "请升级 jixiao") {
		t.Errorf("newer schema: %v", err)
	}
	_, err = ReadJSON(strings.NewReader(with(cur + `, "parts": []`)))
	if model.ErrorCode(err) != model.EUNSUPPORTED || !strings.Contains(err.Error(), "“parts”") || !strings.Contains(err.Error(), "未导入") {
		t.Errorf("unknown field: %v", err)
	}
	// in the hidden data of a workbook: refused whole too
	data := editWorkbook(t, sampleXLSX(t), func(xf *excelize.File) {
		a2, _ := xf.GetCellValue(DataSheetName, "A2")
		v := `"form":{"version":` + itoa(model.SchemaVersion)
		xf.SetCellStr(DataSheetName, "A2", strings.Replace(a2, v, v+`,"parts":[]`, 1))
	})
	if _, _, err := xlsx.Read("a.xlsx", data, nil); model.ErrorCode(err) != model.EUNSUPPORTED || !strings.Contains(err.Error(), "parts") {
		t.Errorf("unknown field in the hidden data: %v", err)
	}
}

// TestWorkbookVersionSurvivesXLS: saved as .xls by LibreOffice (as a
// sub-unit's Excel or WPS may do), our workbook keeps its hidden data and
// its version: a 2.0 file still reads from the hidden data, a 3.0 one is
// still refused.
func TestWorkbookVersionSurvivesXLS(t *testing.T) {
	dir := t.TempDir()
	data := sampleXLSX(t)
	cur, newer := filepath.Join(dir, "cur.xlsx"), filepath.Join(dir, "newer.xlsx")
	if err := os.WriteFile(cur, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newer, editWorkbook(t, data, func(xf *excelize.File) { xf.SetCellStr(DataSheetName, "B1", "3.0") }), 0o644); err != nil {
		t.Fatal(err)
	}
	convertWithLibreOffice(t, dir, "xls", cur, newer)
	f, rep, err := ImportFile(filepath.Join(dir, "cur.xls"), ImportOptions{})
	if err != nil || !strings.Contains(rep.String(), "隐藏数据完整读取") {
		t.Fatalf("2.0 as .xls: %v %v", err, rep)
	}
	sameContent(t, "2.0 as .xls", f, model.Sample())
	_, _, err = ImportFile(filepath.Join(dir, "newer.xls"), ImportOptions{})
	if model.ErrorCode(err) != model.EUNSUPPORTED || !strings.Contains(err.Error(), "第 3.0 版") {
		t.Errorf("3.0 as .xls: %v", err)
	}
}
