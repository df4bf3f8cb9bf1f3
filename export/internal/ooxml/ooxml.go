// Package ooxml checks the zip container of an Office Open XML file
// (.xlsx, .docx) before anything in it is unpacked. It is shared by the
// xlsx and docx readers and knows neither format.
package ooxml

import (
	"archive/zip"
	"bytes"

	"jixiao/export/internal/limits"
	"jixiao/model"
)

// Kind names an Office Open XML format in messages.
type Kind struct {
	kind  string // Excel（.xlsx）
	app   string // the program that re-saves it: Excel
	ext   string // .xlsx
	extra string // what to delete when it is too big
}

var (
	XLSX = Kind{"Excel（.xlsx）", "Excel", ".xlsx", "工作表和内容"}
	DOCX = Kind{"Word（.docx）", "Word", ".docx", "内容"}
)

// Open opens data as the zip of an Office Open XML file and
// refuses, before anything is unpacked, a directory that no form has: too
// many parts, or parts that unzip to more than the limits (zip bombs, a
// huge shared-strings part).
func Open(name string, data []byte, k Kind) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, model.Wrap(err, model.EINVALID, "“%s”不是有效的 %s文件，可能已损坏；请在 %s 或 WPS 中打开后重新保存为 %s 再导入", name, k.kind, k.app, k.ext)
	}
	if len(zr.File) > limits.MaxZipEntries {
		return nil, model.Errorf(model.EINVALID, "“%s”内部包含 %d 个部件，不像是申报表，为安全起见未导入", name, len(zr.File))
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > limits.MaxUnzippedXML || total > limits.MaxUnzipped {
			return nil, model.Errorf(model.EINVALID, "“%s”解压后超过 %d MB（其中“%s”有 %d MB），不像是申报表，为安全起见未导入；如确是申报表，请删去多余的%s后再试", name, limits.MaxUnzipped>>20, zf.Name, zf.UncompressedSize64>>20, k.extra)
		}
	}
	return zr, nil
}
