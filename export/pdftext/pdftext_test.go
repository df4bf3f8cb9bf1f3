package pdftext

import (
	"errors"
	"slices"
	"testing"

	"jixiao/internal/testfiles"
)

// ruledTable draws a two-row, two-column table with ruling lines in a
// standard font.
const ruledTable = "0.5 w 10 700 m 400 700 l S 10 680 m 400 680 l S 10 660 m 400 660 l S " +
	"10 660 m 10 700 l S 200 660 m 200 700 l S 400 660 m 400 700 l S " +
	"BT /F1 10 Tf 12 686 Td (Task) Tj 200 0 Td (Amount) Tj ET BT /F1 10 Tf 12 666 Td (A) Tj 200 0 Td (1.5) Tj ET"

func TestReadRuledTable(t *testing.T) {
	for _, flate := range []bool{false, true} {
		doc, err := Read(testfiles.PDFPageWith(ruledTable, flate, testfiles.PDFFont))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Pages != 1 || doc.Glyphs != len("TaskAmountA1.5") || doc.Unknown != 0 || doc.Images != 0 || len(doc.Scanned) != 0 {
			t.Errorf("flate %v: %+v", flate, doc)
		}
		tab, err := doc.Table()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{{"Task", "Amount"}, {"A", "1.5"}}
		if !slices.EqualFunc(tab.Cells, want, slices.Equal) {
			t.Errorf("flate %v: cells %q, want %q", flate, tab.Cells, want)
		}
		if len(tab.Where) != len(tab.Cells) || tab.Where[1] != "第1页第2行" {
			t.Errorf("where %q", tab.Where)
		}
	}
}

// A page that draws only an image is a scanned page: no glyphs, its
// number in Scanned.
func TestReadScanned(t *testing.T) {
	doc, err := Read(testfiles.ScannedPDF())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Glyphs != 0 || doc.Images != 1 || !slices.Equal(doc.Scanned, []int{1}) {
		t.Errorf("%+v", doc)
	}
}

// The hostile files are refused or read within the bounds (TooBig), never
// with a panic; a file that is no PDF is an error other than ErrPassword.
func TestReadHostile(t *testing.T) {
	for _, h := range testfiles.HostilePDFs(false) {
		doc, err := Read(h.Data)
		if errors.Is(err, ErrPassword) {
			t.Errorf("%s: taken as password-protected", h.Name)
		}
		if err == nil {
			if _, err := doc.Table(); err != nil {
				t.Logf("%s: table: %v", h.Name, err)
			}
		}
		t.Logf("%s: %v", h.Name, err)
	}
	if _, err := Read(append([]byte("%PDF-1.7\n"), testfiles.Random(4<<10, 1)...)); err == nil {
		t.Error("random bytes read as a PDF")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testfiles.PDFPageWith(ruledTable, false, testfiles.PDFFont))
	f.Add(testfiles.PDFPageWith(ruledTable, true, "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /W [0 [500 600] 10 20 1000] /DW 900 >>] /ToUnicode 6 0 R >>"))
	for _, h := range testfiles.HostilePDFs(true) {
		f.Add(h.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		tab, err := doc.Table()
		if err != nil {
			return
		}
		if len(tab.Where) != len(tab.Cells) {
			t.Fatalf("%d rows, %d places", len(tab.Cells), len(tab.Where))
		}
	})
}
