package export

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// xlsVisible reads the visible sheet of an .xls alone, as a clerk's .xls
// without our hidden data sheet would be read.
func xlsVisible(t *testing.T, name string, data []byte) (*model.Form, *ImportReport) {
	t.Helper()
	stream, err := workbookStream(name, data)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := parseBIFF(stream)
	if err != nil {
		t.Fatal(err)
	}
	var visible []xlsSheet
	for _, s := range wb.sheets {
		if s.name != DataSheetName {
			visible = append(visible, s)
		}
	}
	v, rep, err := readSheets(name, []string{visible[0].name}, func(string) (*sheetGrid, error) {
		g, err := wb.grid(visible[0])
		if err != nil {
			return nil, err
		}
		return newGrid(visible[0].name, g.cells, g.merges)
	})
	if err != nil || v == nil {
		t.Fatalf("visible sheet: %v", err)
	}
	rep.count(v)
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
	if _, err := exec.LookPath("soffice"); err == nil && !testing.Short() {
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
		f, rep, err := ImportBytes(name, data)
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
