package export

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"
	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

func TestParseDate(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.Local) }
	for in, want := range map[string]time.Time{
		"2021年3月5日":         d(2021, 3, 5),
		" 2021 年 03 月 05 日": d(2021, 3, 5),
		"２０２１年３月５日":         d(2021, 3, 5),
		"2021-03-05":        d(2021, 3, 5),
		"2021/3/5":          d(2021, 3, 5),
		"2021.3.5":          d(2021, 3, 5),
		"44260":             d(2021, 3, 5), // a date cell's serial number
		"2021年2月30日":        {},
		"三月五日":              {},
		"12":                {},
		"":                  {},
	} {
		if got := parseDate(in); !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, want %v", in, got, want)
		}
	}
}

// zipWith is an Office Open XML package holding only docProps/core.xml.
func zipWith(t *testing.T, core string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("docProps/core.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(core)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSavedDate: the time an office program saved into the file: an
// xlsx's or docx's dcterms:modified (else created; excelize's template
// date is no saving time), a PDF's ModDate (else CreationDate).
func TestSavedDate(t *testing.T) {
	core := func(inner string) []byte {
		return zipWith(t, `<?xml version="1.0"?><cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/">`+inner+`</cp:coreProperties>`)
	}
	pdfOf := func(info gopdf.PdfInfo) []byte {
		gp := &gopdf.GoPdf{}
		gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
		gp.SetInfo(info)
		gp.AddPage()
		var b bytes.Buffer
		if _, err := gp.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	when := time.Date(2021, 3, 5, 8, 30, 0, 0, time.UTC)
	var ours bytes.Buffer
	if err := WriteXLSX(&ours, model.Sample()); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		want time.Time
	}{
		"modified": {core(`<dcterms:created>2021-03-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-03-05T08:30:00Z</dcterms:modified>`), when},
		"created":  {core(`<dcterms:created>2021-03-05T08:30:00Z</dcterms:created>`), when},
		"excelize": {ours.Bytes(), time.Time{}},
		"none":     {core(``), time.Time{}},
		"pdf":      {pdfOf(gopdf.PdfInfo{CreationDate: when}), when},
		"pdf none": {pdfOf(gopdf.PdfInfo{}), time.Time{}},
		"pdf mod":  {[]byte("%PDF-1.4\n1 0 obj << /CreationDate (D:20200101) /ModDate (D:20210305163000+08'00') >> endobj"), when},
	} {
		if got := savedDate(tc.data); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", name, got, tc.want)
		}
	}
}

// TestListFolder: a folder's files to review, by name; the rest counted
// as skipped; hidden and lock files not counted; sub-folders only when
// recursive.
func TestListFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.xlsx", "a.PDF", "c.docx", "d.json", "e.et", "f.xls", "g.doc", "h.wps", "说明.txt", "图.png",
		"~$b.xlsx", ".~lock.b.xlsx#", ".hidden.xlsx", "sub/s.xlsx", ".git/x.xlsx"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files, skipped, err := ListFolder(dir, false)
	names := []string{}
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		names = append(names, rel)
	}
	if err != nil || strings.Join(names, " ") != "a.PDF b.xlsx c.docx d.json e.et f.xls g.doc h.wps" || skipped != 2 {
		t.Errorf("%v, %d skipped, %v", names, skipped, err)
	}
	files, _, _ = ListFolder(dir, true)
	if len(files) != 9 || !strings.HasSuffix(files[8], filepath.Join("sub", "s.xlsx")) {
		t.Errorf("recursive: %v", files)
	}
	for _, bad := range []string{filepath.Join(dir, "没有"), filepath.Join(dir, "b.xlsx")} {
		if _, _, err := ListFolder(bad, false); err == nil || !strings.Contains(model.ErrorMessage(err), bad) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// TestReviewFile: a file's review names each finding in the file's own
// terms (a PDF's page and row and its column), takes the import's own
// problems that the checks do not name, and lists the cells not read; a
// file that cannot be read is a failure, never a panic or an error.
func TestReviewFile(t *testing.T) {
	dir := t.TempDir()
	f := testfiles.PassingForm("局机关")
	f.Indicators[5].Value = ""
	var b bytes.Buffer
	if _, err := WritePDF(&b, f); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "局机关.pdf")
	if err := os.WriteFile(pdf, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r := ReviewFile(pdf, ReviewOptions{Keep: true})
	if r.Failed() || r.Kind != "PDF" || r.Dept != "局机关" || r.Errors != 1 || r.Form == nil {
		t.Fatalf("%+v", r)
	}
	x := r.Findings[0]
	if !strings.HasPrefix(x.Place, "第") || !strings.HasSuffix(x.Place, "行（指标值）") || !strings.Contains(x.Where, "绩效指标 › 第6行") {
		t.Errorf("finding %+v", x)
	}

	// A clerk's table with a 合计 that is not the sum of its rows and a
	// note typed beside the table: the import's problem is an error at
	// its cell, the note a hint.
	var xb bytes.Buffer
	if err := WriteXLSX(&xb, testfiles.PassingForm("监察支队")); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(withoutDataSheet(t, xb.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	total, _ := xf.SearchSheet(SheetName, "^7898.5676$", true)
	if len(total) == 0 {
		t.Fatal("no 合计 cell")
	}
	if err := xf.SetCellValue(SheetName, total[0], 7000); err != nil {
		t.Fatal(err)
	}
	if err := xf.SetCellValue(SheetName, "M3", "请于3月10日前报送"); err != nil {
		t.Fatal(err)
	}
	clerk := filepath.Join(dir, "监察支队.xlsx")
	if err := xf.SaveAs(clerk); err != nil {
		t.Fatal(err)
	}
	xf.Close()
	r = ReviewFile(clerk, ReviewOptions{})
	if r.Form != nil || r.Errors != 1 || r.Hints != 1 {
		t.Fatalf("%d errors %d hints: %+v", r.Errors, r.Hints, r.Findings)
	}
	if x := r.Findings[0]; !strings.HasPrefix(x.Place, "工作表“绩效目标申报表”"+total[0]+" 单元格") || !strings.Contains(x.Message, "与各行相加的 7898.5676 不一致") {
		t.Errorf("合计: %+v", x)
	}
	if x := r.Findings[1]; x.Place != "工作表“绩效目标申报表”M3 单元格（第3行）" || !strings.Contains(x.Message, "没有读入") {
		t.Errorf("note: %+v", x)
	}

	for name, data := range map[string][]byte{"空.xlsx": {}, "坏.pdf": []byte("%PDF-1.4 garbage"), "乱.docx": testfiles.Random(1000, 3)} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if r := ReviewFile(p, ReviewOptions{}); !r.Failed() || !strings.Contains(r.Failure, name) || r.Status() != "无法读取" {
			t.Errorf("%s: %+v", name, r)
		}
	}
	if r := ReviewFile(filepath.Join(dir, "没有.xlsx"), ReviewOptions{}); !strings.Contains(r.Failure, "找不到文件") {
		t.Errorf("missing: %q", r.Failure)
	}
}

// TestReviewFilesInOrder: the reviews come back in the order of the
// paths, whatever the order the workers finish in, each reported once.
func TestReviewFilesInOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, dept := range []string{"甲", "乙", "丙", "丁", "戊"} {
		var b bytes.Buffer
		if err := WriteJSON(&b, testfiles.PassingForm(dept)); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, string(rune('a'+i))+".json")
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	paths = append(paths, filepath.Join(dir, "none.xlsx"))
	seen := map[int]bool{}
	out := ReviewFiles(paths, ReviewOptions{}, 3, func(i int, r *model.FileReview) {
		if seen[i] || r.Path != paths[i] {
			t.Errorf("report %d: %s", i, r.Path)
		}
		seen[i] = true
	})
	if len(seen) != len(paths) {
		t.Errorf("%d reported", len(seen))
	}
	for i, r := range out {
		if r.Path != paths[i] {
			t.Errorf("%d: %s", i, r.Path)
		}
	}
	if !out[5].Failed() || out[0].Dept != "甲" || out[4].Dept != "戊" {
		t.Errorf("%+v %+v", out[0], out[5])
	}
}

// TestReviewFileTemplateVersions: a file of last year's version of an
// imported 表样 is checked by that version and gets a hint naming the new
// one; a file of a 表样 this computer lacks is checked by the default one,
// with a hint saying so.
func TestReviewFileTemplateVersions(t *testing.T) {
	dir := t.TempDir()
	f := testfiles.PassingForm("局机关")
	model.ApplyTemplate(f, testfiles.BureauTemplate(1))
	var b bytes.Buffer
	if err := WriteJSON(&b, f); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "局机关.json")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	hint := func(r *model.FileReview) string {
		for _, x := range r.Findings {
			if x.Where == "表样" && x.Severity == model.SevHint {
				return x.Message
			}
		}
		return ""
	}
	both := ReviewOptions{ImportOptions: ImportOptions{Templates: []*model.Template{testfiles.BureauTemplate(1), testfiles.BureauTemplate(2)}}}
	r := ReviewFile(p, both)
	if r.Failed() || r.Template != "某市 部门整体绩效目标表" || !strings.Contains(hint(r), "按“某市 部门整体绩效目标表”第1版填写，现在的是第2版") {
		t.Errorf("older version: %q, hint %q (%s)", r.Template, hint(r), r.Failure)
	}
	r = ReviewFile(p, ReviewOptions{})
	if r.Failed() || !strings.Contains(r.Template, "郑州") || !strings.Contains(hint(r), "本机没有这个表样") {
		t.Errorf("unknown template: %q, hint %q", r.Template, hint(r))
	}
}
