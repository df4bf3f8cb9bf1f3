package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"jixiao/model"
)

// Word (.docx) documents: the form's tables (and the paragraphs around
// them) are laid out on one grid and go through the same recognition as
// an .xlsx sheet (readSheets), so the report is the same whatever the
// file. The national 预算管理一体化 system's Word export could not be
// found in published material (docs/format.md), so nothing here depends
// on its layout: only on WordprocessingML's table model (ECMA-376 Part 1
// §17.4: w:tblGrid, w:gridSpan, w:vMerge restart/continue, the legacy
// w:hMerge, w:gridBefore) and on the header texts recognition knows.
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
// Limits for hostile files, as for .xlsx (import_workbook.go): the file at
// most MaxImportSize, at most maxZipEntries parts, document.xml at most
// maxUnzippedXML uncompressed (declared, and read through a limit so a
// lying directory stops there too), read as a stream; XML nested at most
// maxDOCXDepth elements and tables inside cells at most maxDOCXTables
// deep; a DOCTYPE with entities refused; the grid at most maxSheetRows
// rows, maxSheetCols columns and maxXLSCells cells (spans counted), the
// merged ranges as for .xlsx (fillMerges).

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

// importDOCX reads a form from a .docx file.
func importDOCX(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, internalError(name, r, "；请在 Word 或 WPS 中打开后重新保存为 .docx 再试")
		}
	}()
	doc, err := readDOCX(name, data, tpls)
	if err != nil {
		return nil, nil, err
	}
	g, err := doc.grid()
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "“%s”%w，不像是申报表，未导入", name, err)
	}
	f, rep, err = readSheets(name, []string{docxSheet}, func(string) (*sheetGrid, error) { return g, nil }, tpls)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		if doc.tables == 0 {
			return nil, nil, model.Errorf(model.EINVALID, "“%s”中找不到申报表：文档里没有表格，也没有“年度总体目标”等段落；请使用官方样式的表格", name)
		}
		which := "文档中的表格不含"
		if doc.tables > 1 {
			which = fmt.Sprintf("文档的 %d 个表格都不含", doc.tables)
		}
		return nil, nil, model.Errorf(model.EINVALID, "“%s”中找不到申报表：%s“任务名称/主要内容”或“一级指标/三级指标”等表头；请使用官方样式的表格", name, which)
	}
	rep.note("从 Word 文档（.docx）读取：%d 个表格，表格外 %d 段文字", doc.tables, doc.paras)
	return f, rep, nil
}

// docxSheet names the grid of a document (not shown: places are named by
// docxGrid.place).
const docxSheet = "Word 文档"

// readDOCX checks the zip directory and reads the main document part.
func readDOCX(name string, data []byte, tpls []*model.Template) (*docxGrid, error) {
	damaged := func(why string) error {
		return model.Errorf(model.EDAMAGED, "“%s”已损坏或不是正常的 Word 文件（%s），为安全起见未导入；请在 Word 或 WPS 中打开后重新保存为 .docx 再导入", name, why)
	}
	zr, err := openOfficeZip(name, data, docxKind)
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
	if err := d.read(io.LimitReader(rc, maxUnzippedXML+1)); err != nil {
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
	return d, nil
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

// isDOCX reports whether the zip data is a Word document: it has the
// main document part (and is not a workbook).
func isDOCX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > maxZipEntries {
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
