package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jixiao/export/docx"
	"jixiao/export/internal/limits"
	"jixiao/export/xlsx"
	"jixiao/model"
)

// MaxImportSize is the largest file ImportFile opens (checked before
// opening it as a workbook).
const MaxImportSize = limits.MaxFileSize

// ImportOptions are what an import may use besides the file.
type ImportOptions struct {
	// Templates are the templates imported into the drafts file (store
	// Templates: every version). A sheet without our hidden data is
	// recognised among them and the built-in ones (recognize.Template),
	// so a file filled in a bureau's own template imports as a draft of
	// that template, its parts read by that template's labels.
	Templates []*model.Template
}

// candidates are the templates a sheet is recognised among: the built-in
// ones (the default first), then o's (a template with a built-in id is
// skipped: a file cannot replace a built-in one).
func (o ImportOptions) candidates() []*model.Template {
	out := model.BuiltinTemplates()
	for _, t := range o.Templates {
		if t != nil && model.BuiltinTemplate(t.ID) == nil {
			out = append(out, t)
		}
	}
	return out
}

// ImportFile reads a form from an .xlsx (ours, through the hidden data
// sheet, or a clerk-made one in the official layout), an .xls/.et, a Word
// .docx (its tables), the text of a PDF (import_pdf.go) or a .json file in
// the exchange format, by content (and extension as a hint). The form is
// new:
// the caller adds it as a draft, or merges its groups into another form.
// The error is one plain Chinese sentence; when it is not nil nothing was
// read. o may name the templates stored in the drafts file (ImportOptions{}
// knows the built-in ones only).
func ImportFile(path string, o ImportOptions) (*model.Form, *ImportReport, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil, model.Wrap(err, model.ENOTFOUND, "找不到文件“%s”，请检查路径", path)
	case err != nil:
		return nil, nil, model.Errorf(model.EIO, "无法读取文件“%s”：%w", name, err)
	case st.IsDir():
		return nil, nil, model.Errorf(model.EINVALID, "“%s”是文件夹，请选择一个 .xlsx、.xls、.et、.docx、.pdf 或 .json 文件", name)
	case st.Size() > MaxImportSize:
		return nil, nil, model.Errorf(model.EINVALID, "文件“%s”有 %.1f MB，超过 %d MB 的上限，不像是申报表，未导入", name, float64(st.Size())/(1<<20), MaxImportSize>>20)
	case st.Size() == 0:
		return nil, nil, model.Errorf(model.EINVALID, "文件“%s”是空的，未导入", name)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, model.Errorf(model.EIO, "无法打开文件“%s”：%w", name, err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxImportSize+1))
	if err != nil {
		return nil, nil, model.Errorf(model.EIO, "读取文件“%s”失败：%w", name, err)
	}
	return ImportBytes(name, data, o)
}

// ImportBytes is ImportFile for a file already in memory (e.g. from a file
// dialog); name is used in messages and as a hint to the file type.
func ImportBytes(name string, data []byte, o ImportOptions) (*model.Form, *ImportReport, error) {
	if len(data) > MaxImportSize {
		return nil, nil, model.Errorf(model.EINVALID, "文件“%s”超过 %d MB 的上限，不像是申报表，未导入", name, MaxImportSize>>20)
	}
	var (
		f   *model.Form
		rep *ImportReport
		err error
	)
	kind := sniff(name, data)
	tpls := o.candidates()
	switch kind {
	case kindXLSX:
		f, rep, err = xlsx.Read(name, data, tpls)
	case kindJSON:
		var recorded *model.Template
		f, recorded, err = xlsx.UnmarshalFormRecord(data)
		if err == nil {
			rep = &ImportReport{FileTemplate: recorded}
			rep.Note("从 JSON 数据文件完整读取")
		}
	case kindOldXLS:
		f, rep, err = importXLS(name, data, tpls)
	case kindDOCX:
		f, rep, err = importDOCX(name, data, tpls)
	case kindPDF:
		f, rep, err = importPDF(name, data, tpls)
	default:
		return nil, nil, model.Errorf(model.EINVALID, "无法识别“%s”的格式：请选择本程序导出的 .xlsx 或 .json 文件，或按官方样式填写的 .xlsx、.xls（Excel 97-2003）、.et（WPS）表格、Word（.docx）文档或有文字的 PDF", name)
	}
	note := kindNote(name, kind)
	if err != nil {
		if note != "" {
			err = model.Wrap(err, model.ErrorCode(err), "%s（%s）", err.Error(), note)
		}
		return nil, nil, err
	}
	if note != "" {
		rep.Note("%s", note)
	}
	if rep.FileTemplate != nil {
		tpls = append(tpls, rep.FileTemplate)
	}
	rep.Count(f, model.TemplateOf(f, tpls))
	f.Meta.Origin = "导入自 " + name
	return f, rep, nil
}

type fileKind int

const (
	kindUnknown fileKind = iota
	kindXLSX
	kindJSON
	kindOldXLS
	kindDOCX
	kindPDF
)

func sniff(name string, data []byte) fileKind {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if docx.Is(data) {
			return kindDOCX
		}
		return kindXLSX
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return kindOldXLS
	}
	if bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return kindPDF
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(t, []byte("{")) {
		return kindJSON
	}
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return kindJSON
	}
	return kindUnknown
}

// kindNote says when a file's content is not what its name says (it was
// read by its content).
func kindNote(name string, kind fileKind) string {
	ext := strings.ToLower(filepath.Ext(name))
	word := ext == ".docx" || ext == ".doc" || ext == ".wps"
	book := ext == ".xlsx" || ext == ".xls" || ext == ".et"
	switch {
	case word && kind == kindXLSX:
		return fmt.Sprintf("文件名是 %s，内容却是 Excel 表格，已按表格读取", ext)
	case book && kind == kindDOCX:
		return fmt.Sprintf("文件名是 %s，内容却是 Word 文档，已按文档读取", ext)
	}
	return ""
}

// extOf is the extension of file name name (.xls when it has none).
func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ".xls"
}
