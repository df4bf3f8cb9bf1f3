package testfiles

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// RawPDF assembles a PDF from numbered object bodies (object 1 is the
// catalog) with a correct cross-reference table.
func RawPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// PDFStream is a stream object body holding data, compressed with
// FlateDecode when flate is set.
func PDFStream(dict string, data []byte, flate bool) string {
	if !flate {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	_, _ = w.Write(data)
	_ = w.Close()
	return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes())
}

// Building blocks of a one-page PDF: catalog, page tree, page (content in
// object 4, font /F1 in object 5) and a standard font.
const (
	PDFCatalog = "<< /Type /Catalog /Pages 2 0 R >>"
	PDFPages   = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
	PDFPage    = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 5 0 R >> >> >>"
	PDFFont    = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
)

// PDFPageWith is a one-page PDF whose page draws content with object 5 as
// its font /F1 and XObject /X.
func PDFPageWith(content string, flate bool, obj5 string) []byte {
	return RawPDF(PDFCatalog, PDFPages, PDFPage, PDFStream("", []byte(content), flate), obj5)
}

// ScannedPDF is one page that only draws an image (what a scanner makes).
func ScannedPDF() []byte {
	return PDFPageWith("q 595 0 0 842 0 0 cm /X Do Q", false, PDFStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0, 80, 160, 255}, false))
}

func hostilePDF() []gen {
	return []gen{
		{"flatebomb.pdf", "a page whose content stream inflates from about 100 KB to 100 MiB", func() ([]byte, error) {
			return PDFPageWith(strings.Repeat("0 0 m 1 1 l S ", 100<<20/14), true, PDFFont), nil
		}},
		{"deep-arrays.pdf", "200,000 nested arrays in a content stream", func() ([]byte, error) {
			return PDFPageWith(strings.Repeat("[", 200_000)+" TJ", false, PDFFont), nil
		}},
		{"glyphs.pdf", "3 million characters drawn on one page (one 33 KB stream)", func() ([]byte, error) {
			return PDFPageWith(strings.Repeat("BT /F1 1 Tf 1 1 Td (xxxxxxxxxx) Tj ET\n", 300_000), true, PDFFont), nil
		}},
		{"page-loop.pdf", "a page tree node that is its own kid and claims a billion pages", func() ([]byte, error) {
			return RawPDF(PDFCatalog, "<< /Type /Pages /Kids [2 0 R] /Count 1000000000 >>"), nil
		}},
		{"xref-2g.pdf", "a cross-reference stream declaring 2,000,000,000 objects", func() ([]byte, error) {
			return []byte("%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 2000000000 /W [1 4 2] /Length 7 >>\nstream\n\x01\x00\x00\x00\x09\x00\x00\nendstream\nendobj\nstartxref\n9\n%%EOF\n"), nil
		}},
		{"form-loop.pdf", "a form XObject that draws itself twice (2^depth calls without a bound)", func() ([]byte, error) {
			return PDFPageWith("/X Do /X Do", false, PDFStream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 5 0 R >> >>", []byte("/X Do /X Do"), false)), nil
		}},
		{"scanned.pdf", "a scanned page: an image, no text", func() ([]byte, error) { return ScannedPDF(), nil }},
		{"not-a-pdf.pdf", "a PDF header followed by 64 KiB of random bytes", func() ([]byte, error) {
			return append([]byte("%PDF-1.7\n"), Random(64<<10, 7)...), nil
		}},
	}
}

// HostilePDFs returns the hostile PDFs of All alone; with small set, only
// those under a few KB that are cheap to make (fuzz seeds: a fuzzing
// worker runs instrumented code, where making the 100 MiB flate bomb
// takes long).
func HostilePDFs(small bool) []Hostile {
	var out []Hostile
	for _, g := range hostilePDF() {
		switch g.name {
		case "flatebomb.pdf", "glyphs.pdf", "deep-arrays.pdf", "not-a-pdf.pdf":
			if small {
				continue
			}
		}
		data, _ := g.make()
		out = append(out, Hostile{g.name, g.what, data})
	}
	return out
}
