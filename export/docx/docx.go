// Package docx reads a Word (.docx) document onto one grid of cells: the
// form's tables (and the paragraphs around them) laid out as an .xlsx
// sheet's cells, so that export hands them to the same recognition as a
// sheet and the report is the same whatever the file. The national
// 预算管理一体化 system's Word export could not be found in published
// material (docs/format.md), so nothing here depends on its layout: only
// on WordprocessingML's table model (ECMA-376 Part 1 §17.4: w:tblGrid,
// w:gridSpan, w:vMerge restart/continue, the legacy w:hMerge,
// w:gridBefore) and on the part labels of the templates
// (recognize.SectionLabel).
//
// The grid: each table row is one grid row, its cells placed on the
// table's grid columns from column 0 (w:gridBefore skips columns), a
// cell spanning grid columns (w:gridSpan) or rows (w:vMerge) becomes a
// merged range as in Excel. A paragraph outside the tables is one grid
// row: a label (a heading, a text ending in “：”, a section name like
// 年度总体目标) in the label column, other text in the next column, a
// label followed by text on one row as a clerk would type it in Excel
// (部门名称 | 某局; 年度总体目标 | first target), tab-separated parts in
// adjacent cells. The label column is right of the last table above, so
// that a paragraph after a table (a heading, 填报人) is never read as one
// of that table's rows.
//
// Limits for hostile files, as for .xlsx (package limits, ooxml): the
// file at most limits.MaxFileSize (checked by the caller), at most
// limits.MaxZipEntries parts, document.xml at most limits.MaxUnzippedXML
// uncompressed (declared, and read through a limit so a lying directory
// stops there too), read as a stream; XML nested at most maxDOCXDepth
// elements and tables inside cells at most maxDOCXTables deep; a DOCTYPE
// with entities refused; the grid at most limits.MaxSheetRows rows,
// limits.MaxSheetCols columns and limits.MaxCells cells (spans counted);
// the merged ranges are bounded by the caller as for .xlsx.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"jixiao/export/internal/limits"
	"jixiao/export/internal/ooxml"
	"jixiao/model"
)

// Limits of the .docx reader beyond the workbook ones.
const (
	maxDOCXDepth  = 256 // XML elements nested
	maxDOCXTables = 8   // tables nested inside table cells
)

// WordprocessingML namespaces: transitional and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordNSStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	mcNS         = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxError is a refusal with its reason, shown inside the file's message.
type docxError struct{ why string }

func (e *docxError) Error() string { return e.why }

func docxBad(format string, args ...any) error {
	return &docxError{fmt.Sprintf(format, args...)}
}

// SheetName names the grid of a document (in messages about the grid as a
// whole: cells are named by Document.Place).
const SheetName = "Word 文档"

// Document is a Word document read onto one grid, as an Excel sheet's
// cells: the rows of cell texts, and the merged ranges, each {top row,
// left column, bottom row, right column} (0-based).
type Document struct {
	Cells  [][]string
	Merges [][4]int
	// Tables counts the top-level tables; Paras the non-empty paragraphs
	// outside them.
	Tables, Paras int

	g *docxGrid
}

// Place names grid cell (r, c) as a clerk finds it in Word: 第 2 个表格第
// 3 行第 1 格, or 表格外第 4 段.
func (d *Document) Place(r, c int) string { return d.g.place(r, c) }

// Read checks the zip directory and reads the main document part onto the
// grid. tpls are the candidate templates (nil: the built-in ones): their
// part labels are read as labels, not content. Its errors are the plain
// Chinese messages shown to the clerk, naming the file by name.
func Read(name string, data []byte, tpls []*model.Template) (*Document, error) {
	damaged := func(why string) error {
		return model.Errorf(model.EDAMAGED, "“%s”已损坏或不是正常的 Word 文件（%s），为安全起见未导入；请在 Word 或 WPS 中打开后重新保存为 .docx 再导入", name, why)
	}
	zr, err := ooxml.Open(name, data, ooxml.DOCX)
	if err != nil {
		return nil, err
	}
	main := mainDocumentPart(zr)
	var part *zip.File
	for _, zf := range zr.File {
		if zf.Name == main {
			part = zf
		}
	}
	if part == nil {
		if hasPart(zr, "EncryptionInfo") || hasPart(zr, "EncryptedPackage") {
			return nil, model.Errorf(model.EUNSUPPORTED, "“%s”设置了打开密码，无法读取；请在 Word 或 WPS 中去掉密码后再导入", name)
		}
		return nil, damaged("里面没有正文“word/document.xml”")
	}
	rc, err := part.Open()
	if err != nil {
		return nil, damaged("正文无法解压")
	}
	defer rc.Close()
	d := &docxGrid{tpls: tpls}
	if err := d.read(io.LimitReader(rc, limits.MaxUnzippedXML+1)); err != nil {
		var de *docxError
		var big *docxTooBig
		switch {
		case errors.As(err, &big):
			return nil, model.Errorf(model.EINVALID, "“%s”%s，不像是申报表，为安全起见未导入", name, big.why)
		case errors.As(err, &de):
			return nil, damaged("正文" + de.why)
		}
		return nil, damaged("正文不完整")
	}
	return &Document{Cells: d.cells, Merges: d.merges, Tables: d.tables, Paras: d.paras, g: d}, nil
}

func hasPart(zr *zip.Reader, name string) bool {
	for _, zf := range zr.File {
		if strings.EqualFold(zf.Name, name) {
			return true
		}
	}
	return false
}

// mainDocumentPart is the part the package's relationships name as the
// office document (word/document.xml unless the package says otherwise).
func mainDocumentPart(zr *zip.Reader) string {
	const def = "word/document.xml"
	for _, zf := range zr.File {
		if zf.Name != "_rels/.rels" || zf.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return def
		}
		b, err := io.ReadAll(io.LimitReader(rc, 1<<20))
		rc.Close()
		if err != nil || bytes.Contains(b, []byte("<!ENTITY")) {
			return def
		}
		var rels struct {
			Rels []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(b, &rels) != nil {
			return def
		}
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Target != "" {
				t := path.Clean("/" + r.Target)[1:]
				if t != "" {
					return t
				}
			}
		}
	}
	return def
}

// Is reports whether the zip data is a Word document: it has the
// main document part (and is not a workbook).
func Is(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > limits.MaxZipEntries {
		return false
	}
	word, book := false, false
	for _, zf := range zr.File {
		switch {
		case zf.Name == "word/document.xml":
			word = true
		case zf.Name == "xl/workbook.xml":
			book = true
		}
	}
	return word && !book
}
