package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/limits"
	"jixiao/export/internal/ooxml"
	"jixiao/model"
)

// Limits for untrusted workbooks, checked on the zip directory before
// excelize reads anything, and given to excelize as well.
const (
	maxUnzipped    = limits.MaxUnzipped    // all parts together, uncompressed
	maxUnzippedXML = limits.MaxUnzippedXML // one part, uncompressed
	maxZipEntries  = limits.MaxZipEntries
	maxSheetRows   = limits.MaxSheetRows
	maxSheetCols   = limits.MaxSheetCols
)

// openWorkbook opens data as a workbook after checking its zip directory,
// so that a zip bomb or a huge shared-strings part is refused before it is
// unpacked.
func OpenWorkbook(name string, data []byte) (*excelize.File, error) {
	if _, err := ooxml.Open(name, data, ooxml.XLSX); err != nil {
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
const maxMerges = limits.MaxMerges

// mergedRanges lists the merged ranges of sheet as [start, end] cell
// names. It reads the <mergeCell ref="A1:B2"/> elements of the sheet's XML
// itself: excelize's GetMergeCells compares every range with every other
// (quadratic), which a file with many merges would turn into a hang.
func mergedRanges(xf *excelize.File, sheet string) ([][2]string, error) {
	path := SheetPaths(xf)[sheet]
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
func SheetPaths(xf *excelize.File) map[string]string {
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
