package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export/xlsx"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// TestImportXLSFromLibreOffice: our sample's xlsx saved as .xls by
// LibreOffice (testfiles.SampleXLS) reads back through its hidden data
// sheet (lossless) and, the same, through the visible sheet alone; it is
// the sample as it was when the file was made (34 tasks, 合计 7898.5676).
// JIXIAO_UPDATE_XLS=1 remakes the file from today's sample with
// LibreOffice (TestMakeSampleXLS).
func TestImportXLSFromLibreOffice(t *testing.T) {
	want, rep, err := ImportBytes("sample.xls", testfiles.SampleXLS, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.String(), "完整读取") {
		t.Errorf("hidden data not used: %s", rep)
	}
	s := model.Sample()
	if want.Dept != s.Dept || want.TaskCount() != 34 || len(want.Goals) != 34 || len(want.Units) != 8 {
		t.Errorf("not the sample: %s, %d tasks, %d targets, %d units", want.Dept, want.TaskCount(), len(want.Goals), len(want.Units))
	}
	if tot := model.ComputeTotals(want); model.FormatMoney(tot.Total, false) != "7898.5676" {
		t.Errorf("total %s", model.FormatMoney(tot.Total, false))
	}
	// The visible sheet alone: as a clerk's .xls without our data.
	v, vrep := xlsVisible(t, "sample.xls", testfiles.SampleXLS)
	if xlsx.VisibleKey(v) != xlsx.VisibleKey(want) {
		t.Errorf("visible sheet differs:\n%s", firstDiff(xlsx.VisibleKey(want), xlsx.VisibleKey(v)))
	}
	t.Log(vrep)
}

func TestImportXLSBuilt(t *testing.T) {
	for _, narrow := range []bool{false, true} {
		f, rep, err := ImportBytes("built.et", testfiles.BuiltXLS(narrow), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if f.Year != "2021" || f.Dept != "某局" || len(f.Units) != 1 || f.Units[0].Name != "unit-ABCDEFGH" || len(f.Units[0].Tasks) != 4 {
			t.Fatalf("narrow=%v: %+v\n%s", narrow, f, rep)
		}
		var got []string
		for _, tk := range f.Units[0].Tasks {
			got = append(got, tk.Content+"="+tk.Total.String()+"/"+tk.Note)
		}
		if s := strings.Join(got, " "); s != "甲项=15.5/ 乙项=81.6/ 丙项=7/8 丁项=10/公式备注" {
			t.Errorf("narrow=%v: %s", narrow, s)
		}
	}
}

// TestImportXLSHostile: the hostile .xls files are refused with one plain
// line naming the file (the whole-process memory of each is measured by
// the hostile-files table of docs/RELIABILITY.md).
func TestImportXLSHostile(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	all, err := testfiles.All(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range all {
		if !strings.HasSuffix(h.Name, ".xls") {
			continue
		}
		n++
		f, rep, err := ImportBytes(h.Name, h.Data, ImportOptions{})
		if err == nil || f != nil || rep != nil || model.ErrorCode(err) == model.EINTERNAL || !strings.Contains(err.Error(), h.Name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", h.Name, err)
		}
	}
	if n < 5 {
		t.Errorf("%d hostile .xls files", n)
	}
}

// TestMakeSampleXLS remakes internal/testfiles/sample-libreoffice.xls
// from today's sample with LibreOffice when JIXIAO_UPDATE_XLS is set.
func TestMakeSampleXLS(t *testing.T) {
	if os.Getenv("JIXIAO_UPDATE_XLS") == "" {
		t.Skip("set JIXIAO_UPDATE_XLS=1 to remake the .xls made by LibreOffice")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "sample-libreoffice.xlsx")
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	convertWithLibreOffice(t, dir, "xls", p)
	b, err := os.ReadFile(strings.TrimSuffix(p, ".xlsx") + ".xls")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "internal", "testfiles", "sample-libreoffice.xls"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func FuzzImportXLS(f *testing.F) {
	f.Add(testfiles.SampleXLS)
	f.Add(testfiles.BuiltXLS(false))
	f.Add(testfiles.BuiltXLS(true))
	f.Fuzz(func(t *testing.T, data []byte) {
		form, rep, err := ImportBytes("fuzz.xls", data, ImportOptions{})
		// an error no one classified (model.EINTERNAL) is a bug of ours
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Fatal(err)
		}
		if err != nil {
			if form != nil || rep != nil || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error with result, or not one line: %v", err)
			}
			return
		}
		if form == nil || rep == nil {
			t.Fatal("nil result without error")
		}
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, form); err != nil {
			t.Fatal(err)
		}
	})
}
