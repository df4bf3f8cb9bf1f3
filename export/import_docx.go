package export

import (
	"fmt"

	"jixiao/export/docx"
	"jixiao/export/xlsx"
	"jixiao/model"
	"jixiao/model/recognize"
)

// Word (.docx) documents: package docx reads the tables and paragraphs
// onto one grid, which goes through the same recognition as an .xlsx
// sheet (readSheets), so the report is the same whatever the file.

// importDOCX reads a form from a .docx file.
func importDOCX(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, xlsx.InternalError(name, r, "；请在 Word 或 WPS 中打开后重新保存为 .docx 再试")
		}
	}()
	doc, err := docx.Read(name, data, tpls)
	if err != nil {
		return nil, nil, err
	}
	g, err := recognize.NewGrid(docx.SheetName, doc.Cells, doc.Merges)
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "“%s”%w，不像是申报表，未导入", name, err)
	}
	g.Place = doc.Place
	f, rep, err = xlsx.ReadSheets(name, []string{docx.SheetName}, func(string) (*recognize.SheetGrid, error) { return g, nil }, tpls)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		if doc.Tables == 0 {
			return nil, nil, model.Errorf(model.EINVALID, "“%s”中找不到申报表：文档里没有表格，也没有“年度总体目标”等段落；请使用官方样式的表格", name)
		}
		which := "文档中的表格不含"
		if doc.Tables > 1 {
			which = fmt.Sprintf("文档的 %d 个表格都不含", doc.Tables)
		}
		return nil, nil, model.Errorf(model.EINVALID, "“%s”中找不到申报表：%s“任务名称/主要内容”或“一级指标/三级指标”等表头；请使用官方样式的表格", name, which)
	}
	rep.Note("从 Word 文档（.docx）读取：%d 个表格，表格外 %d 段文字", doc.Tables, doc.Paras)
	return f, rep, nil
}
