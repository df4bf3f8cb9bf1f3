package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/model/recognize"
)

// checkFiles runs check --in on each file and returns its output with the
// file's name replaced by FILE; every run must exit 1 (the sample has
// errors) and print 合计 7898.5676 万元.
func checkFiles(t *testing.T, files map[string][]byte) map[string]string {
	t.Helper()
	dir := t.TempDir()
	out := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := checkRun("check", "--in", p)
		if code != 1 || !strings.Contains(stdout, "合计 7898.5676 万元") {
			t.Errorf("%s: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
		out[name] = strings.ReplaceAll(stdout, name, "FILE")
	}
	return out
}

func xlsxOf(t *testing.T, f *model.Form) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteXLSX(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withoutDataSheet is an xlsx of ours without the hidden data sheet: what
// the visible table alone gives, as in a clerk's own workbook.
func withoutDataSheet(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.DeleteSheet(export.DataSheetName); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCheckInDOCX: check --in reads a Word .docx whose tables follow the
// form like the .xlsx of the same form: 合计 7898.5676 万元, the same
// counts and the same findings.
//
//   - The sample without its five “.....” placeholder indicator rows (a
//     table a clerk filled in): our xlsx (read through its hidden data),
//     the same as a .docx written as Word writes tables (the layout of our
//     PDF: title paragraphs, one table, merged cells as w:gridSpan and
//     w:vMerge): the same output.
//   - The whole sample: a .docx has no hidden data, so it is read like
//     the xlsx's visible table alone; its five “.....” placeholder rows
//     are kept (49 indicator rows), and the hand-written .docx and the one
//     LibreOffice made from an HTML table of the sample print what that
//     xlsx prints and what check --sample prints.
func TestCheckInDOCX(t *testing.T) {
	filled := model.Sample()
	var keep []model.Indicator
	for _, in := range filled.Indicators {
		if !recognize.IsPlaceholder(in.Level1) && !recognize.IsPlaceholder(in.Level2) && !recognize.IsPlaceholder(in.Level3) {
			keep = append(keep, in)
		}
	}
	if len(filled.Indicators)-len(keep) != 5 {
		t.Fatalf("%d placeholder rows in the sample, want 5", len(filled.Indicators)-len(keep))
	}
	filled.Indicators = keep
	xlsx := xlsxOf(t, filled)
	doc, err := testfiles.DOCXFromXLSX(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	out := checkFiles(t, map[string][]byte{"filled.xlsx": xlsx, "filled.docx": doc})
	if out["filled.docx"] != out["filled.xlsx"] {
		t.Errorf("the .docx reports differently from the .xlsx:\n%s\n--- xlsx:\n%s", out["filled.docx"], out["filled.xlsx"])
	}
	if !strings.Contains(out["filled.docx"], "34 项任务，8 个单位，34 条目标，44 条绩效指标\n") {
		t.Errorf("counts:\n%s", out["filled.docx"])
	}
	t.Log(out["filled.docx"])

	sample := xlsxOf(t, model.Sample())
	doc, err = testfiles.DOCXFromXLSX(sample)
	if err != nil {
		t.Fatal(err)
	}
	out = checkFiles(t, map[string][]byte{
		"visible.xlsx":            withoutDataSheet(t, sample),
		"sample.docx":             doc,
		"sample-libreoffice.docx": testfiles.SampleDOCX,
	})
	for _, name := range []string{"sample.docx", "sample-libreoffice.docx"} {
		if out[name] != out["visible.xlsx"] {
			t.Errorf("%s reports differently from the xlsx's visible table:\n%s\n--- xlsx:\n%s", name, out[name], out["visible.xlsx"])
		}
		if !strings.Contains(out[name], "34 项任务，8 个单位，34 条目标，49 条绩效指标\n") {
			t.Errorf("%s counts:\n%s", name, out[name])
		}
		if _, want, _ := checkRun("check", "--sample"); afterFirstLine(out[name]) != afterFirstLine(want) {
			t.Errorf("%s reports differently from the sample:\n%s\n--- sample:\n%s", name, out[name], want)
		}
	}
}

// TestImportOldDoc: a Word 97-2003 .doc is refused with what to do.
func TestImportOldDoc(t *testing.T) {
	p := filepath.Join(t.TempDir(), "去年.doc")
	if err := os.WriteFile(p, testfiles.OLEDoc(), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := checkRun("check", "--in", p)
	if code != 1 || !strings.Contains(stderr, "“去年.doc”是 Word 97-2003 文档（.doc）") || !strings.Contains(stderr, "另存为” .docx 后再导入") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
