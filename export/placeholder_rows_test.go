package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/xls"
	"jixiao/export/xlsx"
	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/model/recognize"
)

// xlsVisible reads the visible sheet of an .xls alone, as a clerk's .xls
// without our hidden data sheet would be read.
func xlsVisible(t *testing.T, name string, data []byte) (*model.Form, *ImportReport) {
	t.Helper()
	wb, err := xls.Open(name, data)
	if err != nil {
		t.Fatal(err)
	}
	var visible []string
	for _, s := range wb.Sheets() {
		if s != DataSheetName {
			visible = append(visible, s)
		}
	}
	v, rep, err := xlsx.ReadSheets(name, []string{visible[0]}, func(string) (*recognize.SheetGrid, error) {
		cells, merges, err := wb.Sheet(visible[0])
		if err != nil {
			return nil, err
		}
		return recognize.NewGrid(visible[0], cells, merges)
	}, nil)
	if err != nil || v == nil {
		t.Fatalf("visible sheet: %v", err)
	}
	rep.Count(v, model.TemplateOf(v, nil))
	return v, rep
}

// indicatorRow is what a printed row of 绩效指标 shows, plus the formula
// the importer links by name.
func indicatorRow(in model.Indicator) string {
	return fmt.Sprintf("%q %q %q %q %q %q %q %q", in.Level1, in.Level2, in.Level3, in.Sub, in.Value, in.Explain, in.Note, in.Formula)
}

// placeholderFindings are the 审核 findings about template placeholder
// rows, by place.
func placeholderFindings(f *model.Form) []string {
	var out []string
	for _, fd := range model.Check(f) {
		if fd.Loc.Part == model.PartIndicators && strings.Contains(fd.Message, "占位行") {
			out = append(out, fmt.Sprintf("%d %s %s", fd.Loc.Row, fd.Loc.Field, fd.Message))
		}
	}
	return out
}

// TestSampleRowsSurviveEveryFormat: the sample exported and imported
// back without our hidden data (the xlsx with its hidden sheet removed,
// our PDF read back, Word documents of the same table, LibreOffice's .xls
// read by its visible sheet, and with LibreOffice installed its PDF of
// the xlsx) has all 49 indicator rows of the sample, in order, field for
// field, the five "....." rows included (rows 7, 8, 10, 11 and 30): 审核
// still asks for them to be filled in, and the report names where they
// are.
func TestSampleRowsSurviveEveryFormat(t *testing.T) {
	sample := model.Sample()
	if len(sample.Indicators) != 49 {
		t.Fatalf("the sample has %d indicator rows, want 49", len(sample.Indicators))
	}
	wantFind := placeholderFindings(sample)
	if len(wantFind) != 5 {
		t.Fatalf("the sample has %d placeholder findings, want 5: %v", len(wantFind), wantFind)
	}
	xlsx, _, _ := sampleVisible(t)
	docx, err := testfiles.DOCXFromXLSX(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"visible.xlsx":            visibleXLSX(t),
		"sample.pdf":              samplePDF(t),
		"sample.docx":             docx,
		"sample-libreoffice.docx": testfiles.SampleDOCX,
	}
	if _, ok := libreOfficeExtra(t); ok {
		dir := t.TempDir()
		in := filepath.Join(dir, "lo.xlsx")
		if err := os.WriteFile(in, xlsx, 0o600); err != nil {
			t.Fatal(err)
		}
		convertWithLibreOffice(t, dir, "pdf", in)
		data, err := os.ReadFile(filepath.Join(dir, "lo.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		files["libreoffice.pdf"] = data
	} else {
		t.Log("LibreOffice absent or -short: its PDF is not made")
	}
	type result struct {
		f   *model.Form
		rep *ImportReport
	}
	got := map[string]result{}
	for name, data := range files {
		f, rep, err := ImportBytes(name, data, ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(rep.String(), "隐藏数据") {
			t.Fatalf("%s was read through hidden data:\n%s", name, rep)
		}
		got[name] = result{f, rep}
	}
	xf, xrep := xlsVisible(t, "sample.xls", testfiles.SampleXLS)
	got["sample.xls (visible sheet)"] = result{xf, xrep}

	for name, r := range got {
		if r.rep.Indicators != 49 || len(r.f.Indicators) != 49 {
			t.Errorf("%s: %d indicator rows (report %d), want 49", name, len(r.f.Indicators), r.rep.Indicators)
		}
		for i := range min(len(r.f.Indicators), len(sample.Indicators)) {
			if a, b := indicatorRow(r.f.Indicators[i]), indicatorRow(sample.Indicators[i]); a != b {
				t.Errorf("%s: indicator row %d\n got  %s\n want %s", name, i+1, a, b)
				break
			}
		}
		if g := placeholderFindings(r.f); strings.Join(g, "\n") != strings.Join(wantFind, "\n") {
			t.Errorf("%s: 审核 on the placeholder rows\n got  %v\n want %v", name, g, wantFind)
		}
		if !strings.Contains(r.rep.String(), "绩效指标：保留了 5 个模板占位行（“.....”，在 ") || strings.Contains(r.rep.String(), "跳过") {
			t.Errorf("%s: report:\n%s", name, r.rep)
		}
		if r.rep.Goals != 34 || r.rep.Units != 8 || r.rep.Tasks != 34 {
			t.Errorf("%s: %d goals, %d units, %d tasks", name, r.rep.Goals, r.rep.Units, r.rep.Tasks)
		}
	}
	// The places, as the clerk finds them in each file.
	for name, want := range map[string]string{
		"visible.xlsx": "绩效目标申报表!C84、绩效目标申报表!C85、绩效目标申报表!C87、绩效目标申报表!A88、绩效目标申报表!C109）",
		"sample.pdf":   "第4页第20行、第4页第21行、第5页第2行、第5页第3行、第6页第8行）",
		"sample.docx":  "第 1 个表格第 82 行第 3 格、第 1 个表格第 83 行第 3 格、第 1 个表格第 85 行第 3 格、第 1 个表格第 86 行第 1 格、第 1 个表格第 107 行第 3 格）",
	} {
		if !strings.Contains(got[name].rep.String(), want) {
			t.Errorf("%s: places not named %s:\n%s", name, want, got[name].rep)
		}
	}
}

// placeholderForm is the sample with template rows in every part: a
// "....." target and a numbered target without text (目标5：), a "....."
// task and a blank task row in a unit, a unit named "……" without tasks,
// and a unit whose only task is "……" with 备注 ".....".
func placeholderForm() *model.Form {
	s := model.Sample()
	s.Goals = append(s.Goals[:3:3], append([]model.Goal{{Text: "....."}, {Text: ""}}, s.Goals[3:]...)...)
	s.Units[1].Tasks = append(s.Units[1].Tasks, model.Task{Content: "....."}, model.Task{})
	s.Units = append(s.Units, model.Unit{Name: "……"}, model.Unit{Name: "丙单位", Tasks: []model.Task{{Content: "……", Note: "....."}}})
	return s
}

// templateFindings are 审核's findings about template placeholders and
// targets without text, by place.
func templateFindings(f *model.Form) []string {
	var out []string
	for _, fd := range model.Check(f) {
		if strings.Contains(fd.Message, "占位") || strings.Contains(fd.Message, "没有内容") {
			out = append(out, fmt.Sprintf("%+v %s", fd.Loc, fd.Message))
		}
	}
	return out
}

// TestPlaceholderRowsEveryPart: a form with template rows in the targets
// and the tasks too reads back from its visible sheet, its PDF and a Word
// document of it with every row the export printed, but for the blank
// task row, which the report counts: the same visible content as the
// form (visibleKey), the same 审核 findings about them, and notes naming
// where each kept row is. The xlsx with its hidden data still reads
// through it (the visible sheet shows the same).
func TestPlaceholderRowsEveryPart(t *testing.T) {
	want := placeholderForm()
	var b bytes.Buffer
	if err := WriteXLSX(&b, want); err != nil {
		t.Fatal(err)
	}
	full := bytes.Clone(b.Bytes())
	docx, err := testfiles.DOCXFromXLSX(full)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if _, err := WritePDF(&b, want); err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportBytes("full.xlsx", full, ImportOptions{})
	if err != nil || !strings.Contains(rep.String(), "已从隐藏数据完整读取") {
		t.Fatalf("full.xlsx: %v\n%s", err, rep)
	}
	if len(f.Goals) != 36 || f.TaskCount() != 37 {
		t.Errorf("full.xlsx: %d targets, %d tasks; want 36 and 37 (the blank row too)", len(f.Goals), f.TaskCount())
	}
	// 2 targets, the "....." task, the unit "……" and its task "……", the
	// sample's 5 indicator rows
	wantFind := templateFindings(want)
	if len(wantFind) != 10 {
		t.Fatalf("findings of the form: %d\n%s", len(wantFind), strings.Join(wantFind, "\n"))
	}
	places := map[string][]string{
		"visible.xlsx": {"年度总体目标：保留了 1 个模板占位行（“.....”，在 绩效目标申报表!B7）",
			"年度总体目标：保留了 1 条只有编号、没有内容的目标（在 绩效目标申报表!B8）",
			"年度主要任务：跳过 1 个空白行",
			"年度主要任务：保留了 3 个模板占位行（“.....”，在 绩效目标申报表!C60、绩效目标申报表!A80、绩效目标申报表!C81）"},
		"sample.pdf": {"年度总体目标：保留了 1 个模板占位行（“.....”，在 第1页第7行）",
			"年度总体目标：保留了 1 条只有编号、没有内容的目标（在 第1页第8行）",
			"年度主要任务：保留了 3 个模板占位行（“.....”，在 第3页第23行、第4页第15行、第4页第16行）"},
		"sample.docx": {"年度总体目标：保留了 1 个模板占位行（“.....”，在 第 1 个表格第 5 行第 2 格）",
			"年度总体目标：保留了 1 条只有编号、没有内容的目标（在 第 1 个表格第 6 行第 2 格）",
			"年度主要任务：跳过 1 个空白行",
			"年度主要任务：保留了 3 个模板占位行（“.....”，在 第 1 个表格第 58 行第 2 格、第 1 个表格第 78 行第 1 格、第 1 个表格第 79 行第 2 格）"},
	}
	for name, data := range map[string][]byte{"visible.xlsx": withoutDataSheet(t, full), "sample.pdf": b.Bytes(), "sample.docx": docx} {
		f, rep, err = ImportBytes(name, data, ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a, b := xlsx.VisibleKey(f), xlsx.VisibleKey(want)
		if name == "sample.pdf" {
			// Known, not about placeholders: in this form's PDF the
			// 指标说明 merged over 人均公用经费变动率 … 厉行节约支出变动率
			// continues on the next page, and the reader gives the first
			// row only the text above the page break. The indicators are
			// compared by their names and 审核 below.
			a, b = withoutIndicators(a), withoutIndicators(b)
		}
		if a != b {
			t.Errorf("%s reads differently from the form:\n%s", name, firstDiff(b, a))
		}
		if len(f.Goals) != 36 || len(f.Units) != 10 || f.TaskCount() != 36 || len(f.Indicators) != 49 {
			t.Errorf("%s: %d targets, %d units, %d tasks, %d indicators; want 36, 10, 36 (the blank row skipped), 49",
				name, len(f.Goals), len(f.Units), f.TaskCount(), len(f.Indicators))
		}
		for i := range min(len(f.Indicators), len(want.Indicators)) {
			if g, w := f.Indicators[i], want.Indicators[i]; g.Level1 != w.Level1 || g.Level2 != w.Level2 || g.Level3 != w.Level3 || g.Sub != w.Sub || g.Value != w.Value {
				t.Errorf("%s: indicator row %d is %s, want %s", name, i+1, indicatorRow(g), indicatorRow(w))
				break
			}
		}
		if got := templateFindings(f); strings.Join(got, "\n") != strings.Join(wantFind, "\n") {
			t.Errorf("%s: 审核\n got  %s\n want %s", name, strings.Join(got, "\n      "), strings.Join(wantFind, "\n      "))
		}
		for _, p := range places[name] {
			if !strings.Contains(rep.String(), p) {
				t.Errorf("%s: the report lacks %s:\n%s", name, p, rep)
			}
		}
	}
}

// TestIndicatorLevelsOnlyRow: a row of 绩效指标 with only its own 一级/二级
// 指标 typed (nothing to make an indicator of) is not dropped silently:
// each such cell is listed as not placed, by address; a row whose levels
// are merged from above and nothing else is blank, and counted.
func TestIndicatorLevelsOnlyRow(t *testing.T) {
	xf := excelize.NewFile()
	defer xf.Close()
	set := func(a, v string) {
		if err := xf.SetCellStr("Sheet1", a, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "（2021年度）")
	set("A2", "部门名称")
	set("B2", "某局")
	for i, h := range []string{"一级指标", "二级指标", "三级指标", "指标值"} {
		set(string(rune('A'+i))+"4", h)
	}
	set("A5", "产出指标")
	set("B5", "数量指标")
	set("C5", "培训人次")
	set("D5", "≥100人次")
	if err := xf.MergeCell("Sheet1", "A5", "A6"); err != nil {
		t.Fatal(err)
	}
	// row 6: 一级 merged from above, nothing else: blank
	set("A7", "效益指标")
	set("B7", "社会效益指标")
	var b bytes.Buffer
	if err := xf.Write(&b); err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportBytes("clerk.xlsx", b.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Indicators) != 1 {
		t.Errorf("%d indicators, want 1: %+v", len(f.Indicators), f.Indicators)
	}
	got := rep.String()
	for _, want := range []string{
		"Sheet1!A7：“效益指标”所在的这一行只有一级、二级指标，没有三级指标和指标值，没有导入；需要时请在程序中添加这一行",
		"Sheet1!B7：“社会效益指标”所在的这一行只有一级、二级指标",
		"绩效指标：跳过 1 个空白行",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %s:\n%s", want, got)
		}
	}
}

// withoutIndicators is a visibleKey without its indicator lines.
func withoutIndicators(key string) string {
	var keep []string
	for _, l := range strings.Split(key, "\n") {
		if !strings.HasPrefix(l, "I") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestDeletedPlaceholderRowIsAnEdit: a clerk who deletes a "....." row
// of our xlsx in Excel changed what the sheet shows: the file is read
// from the visible sheet (48 rows), not from the hidden data, which
// still has the row.
func TestDeletedPlaceholderRowIsAnEdit(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	sheet := xf.GetSheetName(0)
	if v, _ := xf.GetCellValue(sheet, "C84"); v != "....." {
		t.Fatalf("C84 is %q, not the first \".....\" row", v)
	}
	if err := xf.RemoveRow(sheet, 84); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := xf.Write(&b); err != nil {
		t.Fatal(err)
	}
	xf.Close()
	f, rep, err := ImportBytes("edited.xlsx", b.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Indicators) != 48 || !strings.Contains(rep.String(), "表格在导出后被修改过") || !strings.Contains(rep.String(), "保留了 4 个模板占位行") {
		t.Errorf("%d indicator rows:\n%s", len(f.Indicators), rep)
	}
}
