package export

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"
	"github.com/xuri/excelize/v2"

	"jixiao/assets"
	"jixiao/export/pdftext"
	"jixiao/export/xlsx"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// samplePDF is our own PDF export of the sample (an embedded Identity-H
// subset of Noto Sans SC, each cell drawn as a rectangle).
func samplePDF(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := WritePDF(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// visibleXLSX is our xlsx of the sample without its hidden data sheet: the
// table a clerk would have made, read by the grid recognition alone.
func visibleXLSX(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := xf.DeleteSheet(DataSheetName); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := xf.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkPDFImport asserts that the PDF shows the sample: the same visible
// content (goals, units, tasks with their amounts, indicators, exactly as
// the xlsx without hidden data gives it), 合计 7898.5676 and nothing
// unplaced.
func checkPDFImport(t *testing.T, name string, data []byte) *ImportReport {
	t.Helper()
	f, rep, err := ImportBytes(name, data, ImportOptions{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := model.ComputeTotals(f).Total.String(); got != "7898.5676" {
		t.Errorf("%s: 合计 %s, want 7898.5676", name, got)
	}
	vf, vrep, err := ImportBytes("sample.xlsx", visibleXLSX(t), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Goals != vrep.Goals || rep.Units != vrep.Units || rep.Tasks != vrep.Tasks || rep.Indicators != vrep.Indicators {
		t.Errorf("%s counts %d/%d/%d/%d, the xlsx's %d/%d/%d/%d", name, rep.Goals, rep.Units, rep.Tasks, rep.Indicators, vrep.Goals, vrep.Units, vrep.Tasks, vrep.Indicators)
	}
	if rep.Goals != 34 || rep.Units != 8 || rep.Tasks != 34 {
		t.Errorf("%s: %d goals, %d units, %d tasks; want 34, 8, 34", name, rep.Goals, rep.Units, rep.Tasks)
	}
	if a, b := xlsx.VisibleKey(f), xlsx.VisibleKey(model.Sample()); a != b {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Errorf("%s differs from the sample first at line %d:\n pdf    %s\n sample %s", name, i, al[i], bl[i])
				break
			}
		}
	}
	if xlsx.VisibleKey(f) != xlsx.VisibleKey(vf) {
		t.Errorf("%s: not the same form as the xlsx without hidden data", name)
	}
	if len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
		t.Errorf("%s: unplaced %v, problems %v", name, rep.Unplaced, rep.Problems)
	}
	return rep
}

func TestImportPDFOwnExport(t *testing.T) {
	rep := checkPDFImport(t, "sample.pdf", samplePDF(t))
	if !strings.Contains(rep.String(), "从 PDF 的文字读取（7 页）") || !strings.Contains(rep.String(), "页眉、页脚和页码") {
		t.Errorf("report:\n%s", rep)
	}
}

// LibreOffice's PDF of our xlsx: simple TrueType subsets with ToUnicode
// maps (one byte per code), cell borders as single lines, digits in
// another font than the Chinese around them.
func TestImportPDFLibreOffice(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteXLSX(&b, model.Sample()); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "sample.xlsx")
	if err := os.WriteFile(in, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	convertWithLibreOffice(t, dir, "pdf", in)
	data, err := os.ReadFile(filepath.Join(dir, "sample.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	checkPDFImport(t, "libreoffice.pdf", data)
}

// tableDoc draws rows as a ruled table (every cell its own rectangle, as
// a word processor prints a table without merged cells), and free lines
// of text under it.
func tableDoc(t testing.TB, rows [][]string, widths []float64, below ...string) []byte {
	return gopdfDoc(t, gopdf.Config{}, func(gp *gopdf.GoPdf) {
		if err := gp.AddTTFFontData("f", assets.FontTTF); err != nil {
			t.Fatal(err)
		}
		if err := gp.SetFont("f", "", 10); err != nil {
			t.Fatal(err)
		}
		gp.SetLineWidth(0.5)
		y := 60.0
		for _, r := range rows {
			x := 40.0
			for c, text := range r {
				gp.RectFromUpperLeftWithStyle(x, y, widths[c], 20, "D")
				gp.SetXY(x+3, y+5)
				if err := gp.Cell(nil, text); err != nil {
					t.Fatal(err)
				}
				x += widths[c]
			}
			y += 20
		}
		for _, l := range below {
			y += 20
			gp.SetXY(40, y)
			if err := gp.Cell(nil, l); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// A table made by another program than ours; a line under it that has no
// place in the form is listed with its page and row.
func TestImportPDFOtherTable(t *testing.T) {
	data := tableDoc(t, [][]string{
		{"任务名称", "主要内容", "合计", "其中：财政资金", "备注"},
		{"某某局机关", "办公楼维修", "120.5", "100", ""},
		{"某某局机关", "信息系统运维", "30", "30", "续建"},
		{"某某中心", "监测设备购置", "7.25", "7.25", ""},
	}, []float64{110, 180, 70, 90, 60}, "附：其他说明材料另行报送")
	f, rep, err := ImportBytes("other.pdf", data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := model.ComputeTotals(f).Total.String(); got != "157.75" {
		t.Errorf("合计 %s, want 157.75", got)
	}
	if rep.Units != 2 || rep.Tasks != 3 || f.Units[0].Tasks[1].Note != "续建" {
		t.Errorf("%d units, %d tasks; %+v", rep.Units, rep.Tasks, f.Units)
	}
	if len(rep.Unplaced) != 1 || rep.Unplaced[0].Cell != "第1页第5行" || !strings.Contains(rep.Unplaced[0].Message, "附：其他说明材料另行报送") {
		t.Errorf("unplaced: %v", rep.Unplaced)
	}
	t.Log(rep)
}

// gopdfDoc is a one-page A4 PDF made by fn.
func gopdfDoc(t testing.TB, conf gopdf.Config, fn func(gp *gopdf.GoPdf)) []byte {
	t.Helper()
	gp := &gopdf.GoPdf{}
	conf.PageSize = *gopdf.PageSizeA4
	gp.Start(conf)
	gp.AddPage()
	fn(gp)
	var b bytes.Buffer
	if _, err := gp.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func textDoc(t testing.TB, conf gopdf.Config, text string) []byte {
	return gopdfDoc(t, conf, func(gp *gopdf.GoPdf) {
		if err := gp.AddTTFFontData("f", assets.FontTTF); err != nil {
			t.Fatal(err)
		}
		if err := gp.SetFont("f", "", 12); err != nil {
			t.Fatal(err)
		}
		gp.SetXY(50, 50)
		if err := gp.Cell(nil, text); err != nil {
			t.Fatal(err)
		}
	})
}

func TestImportPDFRefusals(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(3, 3, color.White)
	scanned := gopdfDoc(t, gopdf.Config{}, func(gp *gopdf.GoPdf) {
		if err := gp.ImageFrom(img, 20, 20, &gopdf.Rect{W: 500, H: 700}); err != nil {
			t.Fatal(err)
		}
	})
	locked := textDoc(t, gopdf.Config{Protection: gopdf.PDFProtectionConfig{UseProtection: true, UserPass: []byte("1234"), OwnerPass: []byte("owner")}}, "任务名称")
	for _, tc := range []struct {
		Name string
		Data []byte
		want string
	}{
		{"scan.pdf", scanned, "是扫描件"},
		{"locked.pdf", locked, "设置了打开密码"},
		{"letter.pdf", textDoc(t, gopdf.Config{}, "致各单位：请于月底前报送。"), "找不到申报表"},
		{"empty.pdf", gopdfDoc(t, gopdf.Config{}, func(*gopdf.GoPdf) {}), "没有文字"},
		{"cut.pdf", samplePDF(t)[:40_000], "PDF"},
		{"junk.pdf", []byte("%PDF-1.7\n" + strings.Repeat("garbage ", 1000)), "不是正常的 PDF"},
	} {
		_, _, err := ImportBytes(tc.Name, tc.Data, ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.Name) {
			t.Errorf("%s: %v, want a message with %q", tc.Name, err, tc.want)
			continue
		}
		if strings.ContainsAny(err.Error(), "abcdefghijklmnopqrstuvwxyz") && !strings.Contains(err.Error(), ".pdf") {
			t.Errorf("%s: English in the message: %v", tc.Name, err)
		}
		t.Logf("%s: %v", tc.Name, err)
	}
}

// A PDF with an owner password only opens without one: it is read.
func TestImportPDFOwnerPasswordOnly(t *testing.T) {
	data := textDoc(t, gopdf.Config{Protection: gopdf.PDFProtectionConfig{UseProtection: true, OwnerPass: []byte("owner"), Permissions: gopdf.PermissionsPrint}}, "任务名称")
	doc, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := doc.Table()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Cells) != 1 || strings.Join(tab.Cells[0], "") != "任务名称" || !doc.Encrypted {
		t.Errorf("read %q, encrypted %v", tab.Cells, doc.Encrypted)
	}
}

// hostilePDFs are the PDFs of internal/testfiles made to exhaust memory
// or time; each must be refused quickly with bounded memory.
func hostilePDFs() []testfiles.Hostile { return testfiles.HostilePDFs(false) }

func TestImportPDFHostile(t *testing.T) {
	hostile := hostilePDFs()
	if len(hostile) < 8 {
		t.Fatalf("%d hostile PDFs", len(hostile))
	}
	for _, tc := range hostile {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, _, err := ImportBytes(tc.Name, tc.Data, ImportOptions{})
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
		if err == nil {
			t.Errorf("%s (%s): imported", tc.Name, tc.What)
		}
		if alloc > 600 {
			t.Errorf("%s: allocated %d MB", tc.Name, alloc)
		}
		t.Logf("%s (%d KB): %v in %v, %d MB allocated: %v", tc.Name, len(tc.Data)>>10, tc.What, took.Round(time.Millisecond), alloc, err)
	}
}

func FuzzImportPDF(f *testing.F) {
	// small seeds only (the fuzzer mutates bytes): a ruled two-row table
	// in a standard font, a scanned page, and the small hostile files
	table := "0.5 w 10 700 m 400 700 l S 10 680 m 400 680 l S 10 660 m 400 660 l S " +
		"10 660 m 10 700 l S 200 660 m 200 700 l S 400 660 m 400 700 l S " +
		"BT /F1 10 Tf 12 686 Td (Task) Tj 200 0 Td (Amount) Tj ET BT /F1 10 Tf 12 666 Td (A) Tj 200 0 Td (1.5) Tj ET"
	f.Add(testfiles.PDFPageWith(table, false, testfiles.PDFFont))
	f.Add(testfiles.PDFPageWith(table, true, "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /W [0 [500 600] 10 20 1000] /DW 900 >>] /ToUnicode 6 0 R >>"))
	for _, h := range testfiles.HostilePDFs(true) {
		f.Add(h.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := ImportBytes("fuzz.pdf", data, ImportOptions{})
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Fatalf("panic: %v", err)
		}
	})
}
