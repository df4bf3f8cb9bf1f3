package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/limits"
	"jixiao/model"
)

// Limits for untrusted workbooks, checked on the zip directory before
// excelize reads anything, and given to excelize as well.
const (
	maxUnzipped    = 64 << 20 // all parts together, uncompressed
	maxUnzippedXML = 32 << 20 // one part, uncompressed
	maxZipEntries  = 2000
	maxSheetRows   = limits.MaxSheetRows
	maxSheetCols   = limits.MaxSheetCols
)

// officeKind names an Office Open XML format in messages.
type officeKind struct {
	kind  string // Excel（.xlsx）
	app   string // the program that re-saves it: Excel
	ext   string // .xlsx
	extra string // what to delete when it is too big
}

var (
	xlsxKind = officeKind{"Excel（.xlsx）", "Excel", ".xlsx", "工作表和内容"}
	docxKind = officeKind{"Word（.docx）", "Word", ".docx", "内容"}
)

// openOfficeZip opens data as the zip of an Office Open XML file and
// refuses, before anything is unpacked, a directory that no form has: too
// many parts, or parts that unzip to more than the limits (zip bombs, a
// huge shared-strings part).
func openOfficeZip(name string, data []byte, k officeKind) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, model.Wrap(err, model.EINVALID, "“%s”不是有效的 %s文件，可能已损坏；请在 %s 或 WPS 中打开后重新保存为 %s 再导入", name, k.kind, k.app, k.ext)
	}
	if len(zr.File) > maxZipEntries {
		return nil, model.Errorf(model.EINVALID, "“%s”内部包含 %d 个部件，不像是申报表，为安全起见未导入", name, len(zr.File))
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > maxUnzippedXML || total > maxUnzipped {
			return nil, model.Errorf(model.EINVALID, "“%s”解压后超过 %d MB（其中“%s”有 %d MB），不像是申报表，为安全起见未导入；如确是申报表，请删去多余的%s后再试", name, maxUnzipped>>20, zf.Name, zf.UncompressedSize64>>20, k.extra)
		}
	}
	return zr, nil
}

// openWorkbook opens data as a workbook after checking its zip directory,
// so that a zip bomb or a huge shared-strings part is refused before it is
// unpacked.
func openWorkbook(name string, data []byte) (*excelize.File, error) {
	if _, err := openOfficeZip(name, data, xlsxKind); err != nil {
		return nil, err
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedXML})
	if err != nil {
		// (excelize's own unzip limits are the ones checked above, so they
		// cannot be what failed here.)
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, excelize.ErrWorkbookPassword) ||
			errors.Is(err, excelize.ErrUnsupportedEncryptMechanism) || errors.Is(err, excelize.ErrUnknownEncryptMechanism) {
			return nil, model.Wrap(err, model.EUNSUPPORTED, "“%s”无法打开：文件可能设置了密码或不是 .xlsx 格式；请去掉密码、另存为 .xlsx 后再导入", name)
		}
		return nil, model.Errorf(model.EINVALID, "“%s”无法作为 Excel 文件读取（%w）；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再导入", name, err)
	}
	return xf, nil
}

// maxMerges bounds the merged ranges read from one sheet.
const maxMerges = 200_000

// mergedRanges lists the merged ranges of sheet as [start, end] cell
// names. It reads the <mergeCell ref="A1:B2"/> elements of the sheet's XML
// itself: excelize's GetMergeCells compares every range with every other
// (quadratic), which a file with many merges would turn into a hang.
func mergedRanges(xf *excelize.File, sheet string) ([][2]string, error) {
	path := sheetPaths(xf)[sheet]
	if path == "" {
		return nil, nil
	}
	raw, ok := xf.Pkg.Load(path)
	if !ok {
		return nil, nil
	}
	data, _ := raw.([]byte)
	var out [][2]string
	for {
		i := bytes.Index(data, []byte("mergeCell "))
		if i < 0 {
			break
		}
		data = data[i+len("mergeCell "):]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			break
		}
		attrs := data[:end]
		j := bytes.Index(attrs, []byte(`ref="`))
		if j < 0 {
			continue
		}
		ref := attrs[j+5:]
		if k := bytes.IndexByte(ref, '"'); k >= 0 {
			ref = ref[:k]
		}
		a, b, found := strings.Cut(string(ref), ":")
		if !found {
			b = a
		}
		out = append(out, [2]string{a, b})
		if len(out) > maxMerges {
			return nil, model.Errorf(model.EINVALID, "工作表“%s”的合并单元格超过 %d 个", sheet, maxMerges)
		}
	}
	return out, nil
}

// sheetPaths maps sheet names to their part names in the package, from
// xl/workbook.xml and its relationships.
func sheetPaths(xf *excelize.File) map[string]string {
	load := func(name string) []byte {
		v, ok := xf.Pkg.Load(name)
		if !ok {
			return nil
		}
		b, _ := v.([]byte)
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if xml.Unmarshal(load("xl/workbook.xml"), &wb) != nil || xml.Unmarshal(load("xl/_rels/workbook.xml.rels"), &rels) != nil {
		return out
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = "xl/" + t
		}
		target[r.ID] = t
	}
	for _, s := range wb.Sheets {
		out[s.Name] = target[s.RID]
	}
	return out
}
