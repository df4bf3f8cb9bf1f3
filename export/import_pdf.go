package export

import (
	"errors"
	"fmt"
	"strings"

	"jixiao/export/pdftext"
	"jixiao/export/xlsx"
	"jixiao/model"
	"jixiao/model/recognize"
)

// pdfSheet names the one grid a PDF gives (in messages about the grid as
// a whole; rows are named 第 N 页第 M 行).
const pdfSheet = "PDF"

// importPDF reads a form from the text layer of a PDF: the grid is
// rebuilt from the positioned text and the ruling lines (package pdftext)
// and goes through the same recognition as a sheet (readSheets).
func importPDF(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, xlsx.InternalError(name, r, "；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入")
		}
	}()
	doc, err := pdftext.Read(data)
	if errors.Is(err, pdftext.ErrPassword) {
		return nil, nil, model.Errorf(model.EUNSUPPORTED, "“%s”设置了打开密码，无法读取；请向发文单位索取没有密码的文件（最好是 Excel 或 Word 文件）再导入", name)
	}
	if err != nil {
		return nil, nil, model.Wrap(err, model.EDAMAGED, "“%s”已损坏或不是正常的 PDF 文件，无法读取，未导入；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入", name)
	}
	glyphs, unknown, images := doc.Glyphs, doc.Unknown, doc.Images
	var scanned []string
	for _, n := range doc.Scanned {
		scanned = append(scanned, fmt.Sprint(n))
	}
	switch {
	case doc.Pages == 0:
		return nil, nil, model.Errorf(model.EINVALID, "“%s”中没有可以读取的页面，未导入；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入", name)
	case glyphs == 0 && images > 0:
		return nil, nil, model.Errorf(model.EUNSUPPORTED, "“%s”是扫描件（页面是图片，没有文字），无法读取其中的内容，未导入；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入", name)
	case glyphs == 0:
		return nil, nil, model.Errorf(model.EINVALID, "“%s”中没有文字，无法读取，未导入；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入", name)
	case 2*unknown > glyphs:
		return nil, nil, model.Errorf(model.EUNSUPPORTED, "“%s”中的文字无法识别（所用字体没有附带文字编码），未导入；请向发文单位索取 Excel 或 Word 文件再导入，或在本程序中录入", name)
	}
	rows, err := doc.Table()
	if err != nil {
		return nil, nil, model.Wrap(err, model.EINVALID, "“%s”中找不到申报表：%v", name, err)
	}
	g, err := recognize.NewGrid(pdfSheet, rows.Cells, rows.Merges)
	if err != nil {
		return nil, nil, model.Wrap(err, model.EINVALID, "“%s”无法读取：%v", name, err)
	}
	g.Place = func(r, _ int) string { return rows.Where[r] }
	f, rep, err = xlsx.ReadSheets(name, []string{pdfSheet}, func(string) (*recognize.SheetGrid, error) { return g, nil }, tpls)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		return nil, nil, model.Errorf(model.EINVALID, "“%s”中找不到申报表：PDF 的文字里没有“任务名称/主要内容”或“一级指标/三级指标”等表头；请使用按官方样式制作的 PDF，或向发文单位索取 Excel 或 Word 文件", name)
	}
	rep.Note("从 PDF 的文字读取（%d 页）：表格按页面上的线条分格，请逐项核对，尤其是金额", doc.Pages)
	if rows.Dropped > 0 {
		rep.Note("已略去每页重复的页眉、页脚和页码（%d 行）", rows.Dropped)
	}
	if doc.Encrypted {
		rep.Note("文件设有权限密码（无需密码即可打开），已读取其中的文字")
	}
	if len(scanned) > 0 {
		rep.Problem("", "第 %s 页是扫描图像，没有文字，未读取；请对照原件录入这几页的内容", strings.Join(scanned, "、"))
	}
	if unknown > 0 {
		rep.Problem("", "有 %d 个字无法识别（所用字体没有附带文字编码），显示为“\uFFFD”；请对照原件改正", unknown)
	}
	if doc.TooBig {
		rep.Problem("", "PDF 的内容超过读取上限，只读取了前 %d 页；其余内容请对照原件录入", doc.Pages)
	}
	return f, rep, nil
}
