package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"jixiao/export/xlsx"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// sampleVisible is the sample's xlsx and the form its visible sheet alone
// gives (as a clerk's workbook without our hidden data would).
func sampleVisible(t *testing.T) ([]byte, *model.Form, *ImportReport) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	xf, err := xlsx.OpenWorkbook("sample.xlsx", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	f, rep, err := xlsx.ReadVisible(xf, "sample.xlsx", nil)
	if err != nil {
		t.Fatal(err)
	}
	rep.Count(f, model.TemplateOf(f, nil))
	return b.Bytes(), f, rep
}

// TestImportDOCXOurLayout: the sample's form in the layout of our PDF
// and xlsx, written as Word writes a table (title rows as paragraphs, the
// rest one table; merged cells as w:gridSpan and w:vMerge), reads as the
// xlsx's visible sheet does: the same form, the same report (the places
// named as a clerk finds them in Word), 7898.5676 万元.
func TestImportDOCXOurLayout(t *testing.T) {
	book, want, wrep := sampleVisible(t)
	doc, err := testfiles.DOCXFromXLSX(book)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<w:vMerge w:val="restart"/>`, `<w:vMerge/>`, `<w:gridSpan w:val="`} {
		if !bytes.Contains(testfiles.DocumentXML(t, doc), []byte(s)) {
			t.Fatalf("the document has no %s", s)
		}
	}
	f, rep, err := ImportBytes("sample.docx", doc, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if xlsx.VisibleKey(f) != xlsx.VisibleKey(want) {
		t.Errorf("the .docx reads differently from the xlsx's visible sheet:\n%s", firstDiff(xlsx.VisibleKey(want), xlsx.VisibleKey(f)))
	}
	if tot := model.ComputeTotals(f); model.FormatMoney(tot.Total, false) != "7898.5676" || f.Year != "2020" || f.Dept != model.Sample().Dept {
		t.Errorf("total %s, year %q, dept %q", model.FormatMoney(tot.Total, false), f.Year, f.Dept)
	}
	if rep.Goals != 34 || rep.Units != 8 || rep.Tasks != 34 || rep.Indicators != wrep.Indicators {
		t.Errorf("report counts %d/%d/%d/%d", rep.Goals, rep.Units, rep.Tasks, rep.Indicators)
	}
	got := rep.String()
	// a part's label continued on a printed page (年度总体目标（续）) is a
	// label, not content: it is not listed as unplaced
	if !strings.Contains(got, "从 Word 文档（.docx）读取：1 个表格，表格外 2 段文字") || strings.Contains(got, "“年度总体目标（续）”") {
		t.Errorf("report:\n%s", got)
	}
	// The same findings as the xlsx, cell for cell, but for the places.
	if len(rep.Problems) != len(wrep.Problems) || len(rep.Unplaced) != len(wrep.Unplaced) || len(rep.Notes) < len(wrep.Notes) ||
		withoutPlaces(strings.Join(rep.Notes[:len(wrep.Notes)], "\n")) != withoutPlaces(strings.Join(wrep.Notes, "\n")) {
		t.Errorf("report differs from the xlsx's:\n%s\n--- xlsx:\n%s", got, wrep)
	}
	// the five "....." rows, named as a clerk finds them in Word
	if !strings.Contains(got, "绩效指标：保留了 5 个模板占位行（“.....”，在 第 1 个表格第 82 行第 3 格、第 1 个表格第 83 行第 3 格、第 1 个表格第 85 行第 3 格、第 1 个表格第 86 行第 1 格、第 1 个表格第 107 行第 3 格）") {
		t.Errorf("placeholder rows not named:\n%s", got)
	}
}

// withoutPlaces is a report's text without the places of the rows a
// note lists ("，在 A、B）"), which differ by file type.
func withoutPlaces(s string) string {
	return placesRe.ReplaceAllString(s, "）")
}

var placesRe = regexp.MustCompile(`，在 [^）]*）`)

// TestImportDOCXLibreOffice: a .docx LibreOffice made (testfiles.SampleDOCX,
// from an HTML table of our sample's xlsx: rowspan/colspan become its own
// w:vMerge and w:gridSpan) reads as the xlsx's visible sheet. With
// LibreOffice installed (and not -short) a fresh one is made too.
func TestImportDOCXLibreOffice(t *testing.T) {
	book, want, _ := sampleVisible(t)
	files := map[string][]byte{"sample-libreoffice.docx": testfiles.SampleDOCX}
	if lo, ok := libreOfficeExtra(t); ok {
		dir := t.TempDir()
		page, err := testfiles.HTMLFromXLSX(book)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "sample.html"), page, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, filepath.Join(dir, "sample.html"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("libreoffice: %v\n%s", err, out)
		}
		made, err := os.ReadFile(filepath.Join(dir, "sample.docx"))
		if err != nil {
			t.Fatal(err)
		}
		files["fresh.docx"] = made
	} else {
		t.Log("LibreOffice absent or -short: only the stored LibreOffice file is read")
	}
	for name, data := range files {
		if !bytes.Contains(testfiles.DocumentXML(t, data), []byte(`w:vMerge w:val="continue"`)) {
			t.Errorf("%s: no vertical merge in LibreOffice's document", name)
		}
		f, rep, err := ImportBytes(name, data, ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if xlsx.VisibleKey(f) != xlsx.VisibleKey(want) {
			t.Errorf("%s reads differently from the xlsx's visible sheet:\n%s", name, firstDiff(xlsx.VisibleKey(want), xlsx.VisibleKey(f)))
		}
		if tot := model.ComputeTotals(f); model.FormatMoney(tot.Total, false) != "7898.5676" {
			t.Errorf("%s: total %s", name, model.FormatMoney(tot.Total, false))
		}
		t.Logf("%s:\n%s", name, rep)
	}
}

// clerkDOCX is a Word document as a clerk might type last year's form:
// the title, 年度 and 部门名称 as paragraphs, 年度总体目标 as a heading
// followed by numbered paragraphs, the tasks and the indicators as two
// tables (两行表头, 预算资金 over three columns, unit names and levels
// merged down their rows), a heading and a signature line between and
// after them.
func clerkDOCX() []byte {
	c := func(text string) testfiles.WCell { return testfiles.WCell{Text: text, Span: 1} }
	restart := func(text string) testfiles.WCell { return testfiles.WCell{Text: text, Span: 1, VMerge: "restart"} }
	cont := testfiles.WCell{Span: 1, VMerge: "continue"}
	tasks := testfiles.Table(5, [][]testfiles.WCell{
		{restart("任务名称"), restart("主要内容"), {Text: "预算资金（万元）", Span: 3}},
		{cont, cont, c("合计"), c("其中：财政资金"), c("备注")},
		{restart("某某局机关"), c("办公楼维修"), c("120.5"), c("120.5"), c("")},
		{cont, c("信息系统运维"), c("12O"), c("80"), c("含软件")},
		{c("某某监测站"), c("仪器运行费"), c("30.0001"), c("30.0001"), c("")},
		{{Text: "合计", Span: 2}, c("230.5001"), c("230.5001"), c("")},
	})
	ind := testfiles.Table(5, [][]testfiles.WCell{
		{c("一级指标"), c("二级指标"), c("三级指标"), c("指标值"), c("指标解释")},
		{restart("产出指标"), restart("数量指标"), c("监测点位数"), c("≥40个"), c("全年运行的点位")},
		{cont, cont, c("维修面积"), c("≥1200平方米"), c("")},
		{cont, c("时效指标"), c("系统可用率"), c("≥99%"), c("")},
		{c("满意度指标"), c("服务对象满意度"), c("群众满意度"), c("≥90%"), c("问卷")},
	})
	body := testfiles.Para("市级部门整体绩效目标申报表", "") +
		testfiles.Para("（2021年度）", "") +
		testfiles.Para("部门名称：某某局", "") +
		testfiles.Para("", "") +
		testfiles.Para("一、年度总体目标", "1") +
		testfiles.Para("完成办公楼维修，消除安全隐患。", "") +
		testfiles.Para("保障信息系统全年稳定运行。", "") +
		testfiles.Para("监测数据及时准确。", "") +
		testfiles.Para("二、年度主要任务", "1") +
		testfiles.Para("单位：万元", "") +
		tasks +
		testfiles.Para("三、年度绩效指标", "1") +
		ind +
		testfiles.Para("填报人：张三\t联系电话：12345678", "")
	return testfiles.DOCX(body)
}

// TestImportDOCXClerk: the paragraphs outside the tables are offered to
// recognition as the same texts in cells would be (年度, 部门名称, the
// targets after their heading); merged cells fill their rows; an invalid
// amount is reported at its place in Word; the headings between the
// tables and the signature line after the last are not read as rows of
// the table above (the signature line gives 填报人 and 联系电话).
func TestImportDOCXClerk(t *testing.T) {
	f, rep, err := ImportBytes("去年.docx", clerkDOCX(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Year != "2021" || f.Dept != "某某局" {
		t.Errorf("year %q dept %q", f.Year, f.Dept)
	}
	var goals []string
	for _, g := range f.Goals {
		goals = append(goals, g.Text)
	}
	if strings.Join(goals, "|") != "完成办公楼维修，消除安全隐患。|保障信息系统全年稳定运行。|监测数据及时准确。" {
		t.Errorf("goals %q", goals)
	}
	if len(f.Units) != 2 || f.Units[0].Name != "某某局机关" || len(f.Units[0].Tasks) != 2 || f.Units[1].Name != "某某监测站" {
		t.Fatalf("units %+v", f.Units)
	}
	if n := f.Units[0].Tasks[1]; n.Total.Raw() != "12O" || n.Note != "含软件" {
		t.Errorf("task 2: %q %q", n.Total.Raw(), n.Note)
	}
	if len(f.Indicators) != 4 {
		t.Fatalf("%d indicators: %+v", len(f.Indicators), f.Indicators)
	}
	if in := f.Indicators[2]; in.Level1 != "产出指标" || in.Level2 != "时效指标" || in.Level3 != "系统可用率" || in.Value != "≥99%" {
		t.Errorf("indicator 3: %+v", in)
	}
	if in := f.Indicators[1]; in.Level1 != "产出指标" || in.Level2 != "数量指标" {
		t.Errorf("indicator 2 (merged levels): %+v", in)
	}
	got := rep.String()
	for _, want := range []string{
		"第 1 个表格第 4 行第 3 格：金额“12O”无法识别",
		"表格外第 9 段：“单位：万元”没有放入申报表",
		"从 Word 文档（.docx）读取：2 个表格，表格外 11 段文字",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	// the signature line is the 基本信息 it is, as in a workbook
	if f.Basic["填报人"] != "张三" || f.Basic["联系电话"] != "12345678" {
		t.Errorf("基本信息 %q", f.Basic)
	}
	t.Log(got)
}

// TestImportDOCXHostile: every hostile Word file is refused with one
// plain Chinese line naming it (an .xlsx named .docx is read as what it
// is, and says so), and reading it allocates a bounded amount of memory.
func TestImportDOCXHostile(t *testing.T) {
	var base bytes.Buffer
	if err := WriteXLSX(&base, model.Sample()); err != nil {
		t.Fatal(err)
	}
	files, err := testfiles.All(base.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"zipbomb.docx":       "解压后超过 64 MB（其中“word/document.xml”有 1024 MB）",
		"zipbomb-lying.docx": "已损坏或不是正常的 Word 文件（正文不完整）",
		"entity-bomb.docx":   "含有不安全的实体定义",
		"nested-tables.docx": "表格嵌套超过 8 层",
		"deep-xml.docx":      "正文嵌套超过 256 层",
		"huge-table.docx":    "表格单元格超过 2000000 个",
		"gridspan-bomb.docx": "表格单元格超过 2000000 个",
		"not-a-zip.docx":     "无法识别",
		"really-xlsx.docx":   "（文件名是 .docx，内容却是 Excel 表格，已按表格读取）",
		"old-word.doc":       "另存为” .docx 后再导入",
		"no-form.docx":       "文档中的表格不含“任务名称/主要内容”",
	}
	seen := 0
	for _, h := range files {
		frag, ok := want[h.Name]
		if !ok {
			continue
		}
		seen++
		var f *model.Form
		var rep *ImportReport
		peak := peakHeap(func() { f, rep, err = ImportBytes(h.Name, h.Data, ImportOptions{}) }) >> 20
		switch {
		case err == nil || f != nil || rep != nil:
			t.Errorf("%s: not refused", h.Name)
		case model.ErrorCode(err) == model.EINTERNAL:
			t.Errorf("%s: internal error %v", h.Name, err)
		case !strings.Contains(err.Error(), frag) || !strings.Contains(err.Error(), h.Name) || strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: %v\nwant it to contain %q", h.Name, err, frag)
		}
		if peak > 300 {
			t.Errorf("%s: heap reached %d MB", h.Name, peak)
		}
		t.Logf("%s: heap peak %d MB: %v", h.Name, peak, err)
	}
	if seen != len(want) {
		t.Errorf("%d of %d hostile Word files made", seen, len(want))
	}
}

// peakHeap runs fn and returns the most heap in use (live and not yet
// collected objects) seen while it ran, sampled every millisecond.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done := make(chan uint64)
	stop := make(chan struct{})
	go func() {
		peak := base
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	fn()
	last := read()
	close(stop)
	peak := max(<-done, last)
	return peak - min(base, peak)
}

// TestImportDOCXByContent: the content decides, and the report says when
// the name does not match it.
func TestImportDOCXByContent(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	_, rep, err := ImportBytes("去年.docx", b.Bytes(), ImportOptions{})
	if err != nil || !strings.Contains(rep.String(), "文件名是 .docx，内容却是 Excel 表格，已按表格读取") {
		t.Errorf("xlsx named .docx: %v\n%s", err, rep)
	}
	_, rep, err = ImportBytes("去年.xlsx", clerkDOCX(), ImportOptions{})
	if err != nil || !strings.Contains(rep.String(), "文件名是 .xlsx，内容却是 Word 文档，已按文档读取") {
		t.Errorf("docx named .xlsx: %v\n%s", err, rep)
	}
}

// FuzzImportDOCX: no bytes, as a whole file or as the document.xml of a
// Word package, make the reader panic or return a result with an error;
// whatever is read writes out as xlsx. The seeds are small (the sample's
// 200 KB document.xml makes each try take long under coverage; the
// sample is read by TestImportDOCXLibreOffice).
func FuzzImportDOCX(f *testing.F) {
	f.Add([]byte(testfiles.DocxHead + testfiles.Para("年度总体目标", "") + testfiles.Para("目标", "") + testfiles.DocxTail))
	f.Add(testfiles.DocumentXML(f, clerkDOCX()))
	f.Add(clerkDOCX())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, testfiles.DOCXRaw(data)} {
			form, rep, err := ImportBytes("fuzz.docx", in, ImportOptions{})
			// an error no one classified (model.EINTERNAL) is a bug of ours
			if model.ErrorCode(err) == model.EINTERNAL {
				t.Fatal(err)
			}
			if err != nil {
				if form != nil || rep != nil || strings.Contains(err.Error(), "\n") {
					t.Fatalf("error with result, or not one line: %v", err)
				}
				continue
			}
			if form == nil || rep == nil {
				t.Fatal("nil result without error")
			}
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, form); err != nil {
				t.Fatal(err)
			}
		}
	})
}
