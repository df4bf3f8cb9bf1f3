package pdftext

import (
	"strings"
	"testing"

	"jixiao/internal/testfiles"
)

// LibreOffice, printing Chinese on a machine without a CJK font, draws
// every character as the .notdef glyph of a Latin font and gives the
// character in a marked-content /ActualText. The reader takes that text,
// once per sequence, from an inline property list or from the page's
// /Properties.
func TestPDFActualText(t *testing.T) {
	// 门 U+95E8, 部 U+90E8; "ﬁ" drawn as two glyphs f, i with ActualText "fi".
	content := `BT /F1 10 Tf 10 800 Td
/Span <</ActualText <FEFF95E8>>> BDC <01> Tj EMC
/Span /P1 BDC <01> Tj EMC
/Span <</ActualText (fi)>> BDC (xy) Tj EMC
/Span <</Lang (zh)>> BDC (ab) Tj EMC
/Artifact BMC /Span <</ActualText <FEFF>>> BDC (zz) Tj EMC EMC
(c) Tj
EMC EMC
(d) Tj ET`
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " +
		"/Resources << /Font << /F1 5 0 R >> /Properties << /P1 << /ActualText <FEFF90E8> >> >> >> >>"
	data := testfiles.RawPDF(testfiles.PDFCatalog, testfiles.PDFPages, page,
		testfiles.PDFStream("", []byte(content), false), testfiles.PDFFont)
	pages, _, err := readPDF(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	var texts []string
	for _, g := range pages[0].glyphs {
		texts = append(texts, g.text)
	}
	// Each sequence's text goes with its first glyph, the rest draw
	// nothing; a sequence without ActualText, or text after EMC, is read
	// from its glyphs; an empty ActualText hides its glyphs; an EMC too
	// many is harmless.
	want := []string{"门", "部", "fi", "", "a", "b", "", "", "c", "d"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("glyph texts %q, want %q", texts, want)
	}
}
