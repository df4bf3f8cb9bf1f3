package testfiles

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Word (.docx) files written by hand, part by part, as Word writes them:
// [Content_Types].xml, _rels/.rels, word/document.xml (and its
// relationships), tables with a w:tblGrid, cells merged across grid
// columns with w:gridSpan and down rows with w:vMerge restart/continue
// (ECMA-376 Part 1 §17.4).

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
	docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`
	// DocxHead and DocxTail surround the body's children in document.xml.
	DocxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`
	DocxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

func docxParts(document part) []part {
	return []part{
		{name: "[Content_Types].xml", data: []byte(docxContentTypes)},
		{name: "_rels/.rels", data: []byte(docxRootRels)},
		document,
		{name: "word/_rels/document.xml.rels", data: []byte(docxDocRels)},
		{name: "word/styles.xml", data: []byte(docxStyles)},
	}
}

// DOCX returns a Word document whose body holds body (paragraphs and
// tables as WordprocessingML, e.g. from Para and Table).
func DOCX(body string) []byte {
	b, err := writeZip(docxParts(part{name: "word/document.xml", data: []byte(DocxHead + body + DocxTail)}))
	if err != nil {
		panic(err) // writing to memory does not fail
	}
	return b
}

// Para is a paragraph; tabs in text become w:tab, and a style id (e.g.
// "1", Chinese Word's 标题 1) is set when given.
func Para(text, style string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	for i, part := range strings.Split(text, "\t") {
		if i > 0 {
			b.WriteString("<w:r><w:tab/></w:r>")
		}
		if part != "" {
			fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(part))
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

// WCell is one table cell: its text (lines become paragraphs), the grid
// columns it spans, and its vertical merge ("restart", "continue" or "").
type WCell struct {
	Text   string
	Span   int
	VMerge string
}

// Table is a table on a grid of cols columns.
func Table(cols int, rows [][]WCell) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
	for i := 0; i < cols; i++ {
		b.WriteString(`<w:gridCol w:w="1400"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for _, c := range r {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1400" w:type="dxa"/>`)
			if c.Span > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, c.Span)
			}
			switch c.VMerge {
			case "restart":
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case "continue":
				b.WriteString(`<w:vMerge/>`) // continue is the default
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			for _, line := range strings.Split(c.Text, "\n") {
				b.WriteString(strings.Replace(Para(line, ""), "<w:p>", `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>`, 1))
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// sheetLayout is a workbook sheet's cells with its merged ranges.
type sheetLayout struct {
	rows   [][]string
	width  int
	origin map[[2]int][4]int // top-left cell -> range (r1, c1, r2, c2)
	cover  map[[2]int][4]int // every other cell of a range -> the range
}

// layoutOf reads the first visible sheet of an xlsx as it is shown (the
// displayed texts, the merged ranges).
func layoutOf(xlsx []byte) (*sheetLayout, error) {
	x, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		return nil, err
	}
	defer x.Close()
	sheet := ""
	for _, s := range x.GetSheetList() {
		if v, _ := x.GetSheetVisible(s); v {
			sheet = s
			break
		}
	}
	rows, err := x.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	merges, err := x.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	l := &sheetLayout{rows: rows, origin: map[[2]int][4]int{}, cover: map[[2]int][4]int{}}
	for _, r := range rows {
		l.width = max(l.width, len(r))
	}
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		g := [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1}
		l.width = max(l.width, c2)
		l.origin[[2]int{g[0], g[1]}] = g
		for r := g[0]; r <= g[2]; r++ {
			for c := g[1]; c <= g[3]; c++ {
				if r != g[0] || c != g[1] {
					l.cover[[2]int{r, c}] = g
				}
			}
		}
	}
	return l, nil
}

func (l *sheetLayout) at(r, c int) string {
	if r < len(l.rows) && c < len(l.rows[r]) {
		return l.rows[r][c]
	}
	return ""
}

// tableStart is the first row with two or more cells of text: the rows
// above (title, 年度) are paragraphs in a Word document.
func (l *sheetLayout) tableStart() int {
	for r := range l.rows {
		n := 0
		for c := 0; c < l.width; c++ {
			if _, ok := l.cover[[2]int{r, c}]; !ok && strings.TrimSpace(l.at(r, c)) != "" {
				n++
			}
		}
		if n >= 2 {
			return r
		}
	}
	return len(l.rows)
}

// DOCXFromXLSX turns the visible sheet of an xlsx (ours: the layout of
// our PDF) into a Word document as a clerk's copy of the form would be:
// the title rows as paragraphs, the rest as one table whose merged cells
// are w:gridSpan and w:vMerge.
func DOCXFromXLSX(xlsx []byte) ([]byte, error) {
	l, err := layoutOf(xlsx)
	if err != nil {
		return nil, err
	}
	start := l.tableStart()
	var body strings.Builder
	for r := 0; r < start; r++ {
		for c := 0; c < l.width; c++ {
			if v := strings.TrimSpace(l.at(r, c)); v != "" {
				body.WriteString(Para(v, ""))
			}
		}
	}
	var rows [][]WCell
	for r := start; r < len(l.rows); r++ {
		var row []WCell
		for c := 0; c < l.width; {
			k := [2]int{r, c}
			if m, ok := l.cover[k]; ok {
				span := m[3] - m[1] + 1
				if m[0] < r && m[1] == c {
					row = append(row, WCell{Span: span, VMerge: "continue"})
				}
				c = m[3] + 1
				continue
			}
			if m, ok := l.origin[k]; ok {
				cell := WCell{Text: l.at(r, c), Span: m[3] - m[1] + 1}
				if m[2] > m[0] {
					cell.VMerge = "restart"
				}
				row = append(row, cell)
				c = m[3] + 1
				continue
			}
			row = append(row, WCell{Text: l.at(r, c), Span: 1})
			c++
		}
		rows = append(rows, row)
	}
	body.WriteString(Table(l.width, rows))
	return DOCX(body.String()), nil
}

// HTMLFromXLSX is DOCXFromXLSX as an HTML page (rowspan, colspan), for
// LibreOffice to turn into a .docx of its own making.
func HTMLFromXLSX(xlsx []byte) ([]byte, error) {
	l, err := layoutOf(xlsx)
	if err != nil {
		return nil, err
	}
	start := l.tableStart()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>申报表</title></head><body>\n")
	for r := 0; r < start; r++ {
		for c := 0; c < l.width; c++ {
			if v := strings.TrimSpace(l.at(r, c)); v != "" {
				fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(v))
			}
		}
	}
	b.WriteString("<table border=\"1\">\n")
	for r := start; r < len(l.rows); r++ {
		b.WriteString("<tr>")
		for c := 0; c < l.width; c++ {
			k := [2]int{r, c}
			if _, ok := l.cover[k]; ok {
				continue
			}
			attrs := ""
			if m, ok := l.origin[k]; ok {
				if m[2] > m[0] {
					attrs += fmt.Sprintf(` rowspan="%d"`, m[2]-m[0]+1)
				}
				if m[3] > m[1] {
					attrs += fmt.Sprintf(` colspan="%d"`, m[3]-m[1]+1)
				}
			}
			text := strings.ReplaceAll(html.EscapeString(l.at(r, c)), "\n", "<br>")
			fmt.Fprintf(&b, "<td%s>%s</td>", attrs, text)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</body></html>\n")
	return []byte(b.String()), nil
}

// OLEDoc is an OLE2 compound file holding a "WordDocument" stream: what
// Word 97-2003 (.doc) and WPS 文字 (.wps) write.
func OLEDoc() []byte {
	out := CFB(make([]byte, 4096), false)
	old := utf16le("Workbook")
	i := bytes.Index(out, old)
	name := utf16le("WordDocument")
	e := out[i : i+128]
	copy(e[:64], append(name, 0, 0))
	binary.LittleEndian.PutUint16(e[64:], uint16(len(name)+2))
	return out
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// hostileDOCX are the hostile Word files.
func hostileDOCX() []gen {
	return []gen{
		{"zipbomb.docx", "zip bomb: word/document.xml declares and really holds 1 GiB", func() ([]byte, error) { return docxBomb(1<<30, false) }},
		{"zipbomb-lying.docx", "zip bomb whose directory lies: document.xml declares 1 KiB, holds 1 GiB", func() ([]byte, error) { return docxBomb(1<<30, true) }},
		{"entity-bomb.docx", "billion-laughs entity expansion in document.xml", func() ([]byte, error) {
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">`)
			for i := 1; i <= 9; i++ {
				fmt.Fprintf(&b, `<!ENTITY l%d "%s">`, i, strings.Repeat(fmt.Sprintf("&l%d;", i-1), 10))
			}
			b.WriteString(`]>` + strings.TrimPrefix(DocxHead, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n") + `<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>` + DocxTail)
			return writeZip(docxParts(part{name: "word/document.xml", data: []byte(b.String())}))
		}},
		{"nested-tables.docx", "a table nested 10,000 deep in its own cells", func() ([]byte, error) {
			open := `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>任务名称</w:t></w:r></w:p>`
			close := `</w:tc></w:tr></w:tbl>`
			return DOCX(strings.Repeat(open, 10000) + strings.Repeat(close, 10000)), nil
		}},
		{"deep-xml.docx", "document.xml nested 1,000,000 elements deep (content controls in content controls), 16 MB unpacked", func() ([]byte, error) {
			chunk := []byte(strings.Repeat(`<w:sdt><w:sdtContent>`, 5000))
			raw, err := repeatDeflate([]byte(DocxHead), chunk, []byte(DocxTail), 16<<20)
			if err != nil {
				return nil, err
			}
			return writeZip(docxParts(part{name: "word/document.xml", raw: raw}))
		}},
		{"huge-table.docx", "one table of 4 million empty cells (100 a row) in 30 MB of document.xml", func() ([]byte, error) {
			head := DocxHead + `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>`
			chunk := []byte(strings.Repeat(`<w:tr>`+strings.Repeat(`<w:tc/>`, 100)+`</w:tr>`, 40))
			raw, err := repeatDeflate([]byte(head), chunk, []byte(`</w:tbl>`+DocxTail), 30<<20)
			if err != nil {
				return nil, err
			}
			return writeZip(docxParts(part{name: "word/document.xml", raw: raw}))
		}},
		{"gridspan-bomb.docx", "100,000 rows whose one cell spans 2,147,483,647 grid columns and starts a vertical merge", func() ([]byte, error) {
			row := `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>任务名称</w:t></w:r></w:p></w:tc></w:tr>`
			return DOCX(`<w:tbl>` + strings.Repeat(row, 100000) + `</w:tbl>`), nil
		}},
		{"not-a-zip.docx", "64 KiB of random bytes named .docx", func() ([]byte, error) { return Random(64<<10, 7), nil }},
		{"really-xlsx.docx", "a workbook (a staff list) named .docx", WrongSheet},
		{"old-word.doc", "a Word 97-2003 document (OLE2 file with a WordDocument stream)", func() ([]byte, error) { return OLEDoc(), nil }},
		{"no-form.docx", "a real Word document with an unrelated table (a staff list) and a paragraph", func() ([]byte, error) {
			return DOCX(Para("职工名册", "1") + Table(3, [][]WCell{{{Text: "姓名"}, {Text: "性别"}, {Text: "工资（元）"}}, {{Text: "张三"}, {Text: "男"}, {Text: "5200"}}})), nil
		}},
	}
}

// docxBomb is a Word document whose document.xml unpacks to size bytes of
// valid XML (empty paragraphs); with lie the directory declares 1 KiB.
func docxBomb(size uint64, lie bool) ([]byte, error) {
	chunk := []byte(strings.Repeat(`<w:p><w:r><w:t>啊</w:t></w:r></w:p>`, 20000))
	raw, err := repeatDeflate([]byte(DocxHead), chunk, []byte(DocxTail), size)
	if err != nil {
		return nil, err
	}
	if lie {
		raw.declaredSize = 1024
	}
	return writeZip(docxParts(part{name: "word/document.xml", raw: raw}))
}

// SampleDOCX is our sample's xlsx export as an HTML table (HTMLFromXLSX:
// rowspan, colspan) made into a Word document by LibreOffice 7.4
// (soffice --headless --convert-to "docx:MS Word 2007 XML"): its merged
// cells are LibreOffice's own w:gridSpan and w:vMerge.
//
//go:embed sample-libreoffice.docx
var SampleDOCX []byte

// DOCXRaw returns a Word document whose word/document.xml is data as it
// is (for fuzzing and broken documents).
func DOCXRaw(data []byte) []byte {
	b, err := writeZip(docxParts(part{name: "word/document.xml", data: data}))
	if err != nil {
		panic(err)
	}
	return b
}

// DocumentXML is the word/document.xml of a Word package.
func DocumentXML(tb testing.TB, docx []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				tb.Fatal(err)
			}
			return b
		}
	}
	tb.Fatal("no word/document.xml")
	return nil
}

// HostileDOCXs returns the hostile Word files of All alone (for the tests
// of the .docx reader, which has no workbook of ours to give All).
func HostileDOCXs() ([]Hostile, error) {
	var out []Hostile
	for _, g := range hostileDOCX() {
		data, err := g.make()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.name, err)
		}
		out = append(out, Hostile{g.name, g.what, data})
	}
	return out, nil
}
