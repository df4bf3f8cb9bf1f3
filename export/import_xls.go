package export

import (
	"strings"

	"jixiao/export/xls"
	"jixiao/export/xlsx"
	"jixiao/model"
	"jixiao/model/recognize"
)

// Excel 97-2003 (.xls) and WPS (.et) workbooks: package xls reads the
// cells of each worksheet, which go through the same recognition as an
// .xlsx (readSheets); our hidden data sheet, kept when Excel, WPS or
// LibreOffice saved our xlsx as .xls, is read as in an .xlsx.

// importXLS reads a form from an .xls/.et file.
func importXLS(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, xlsx.InternalError(name, r, "；请在 Excel 或 WPS 中打开后另存为 .xlsx 再试")
		}
	}()
	wb, err := xls.Open(name, data)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	var hidden *model.Form
	var recorded *model.Template
	var herr error
	for _, s := range wb.Sheets() {
		if s == DataSheetName {
			// our xlsx saved as .xls by Excel, WPS or LibreOffice keeps
			// the hidden data sheet
			hidden, recorded, herr = xlsDataSheet(name, wb)
			continue
		}
		names = append(names, s)
	}
	visible, vrep, verr := xlsx.ReadSheets(name, names, func(sheet string) (*recognize.SheetGrid, error) {
		cells, merges, err := wb.Sheet(sheet)
		if err != nil {
			return nil, err
		}
		return recognize.NewGrid(sheet, cells, merges)
	}, xlsx.ReadingTemplates(hidden, recorded, tpls))
	if visible == nil && verr == nil {
		verr = xlsx.NotAForm(name)
	}
	f, rep, err = xlsx.ChooseForm(hidden, herr, visible, vrep, verr)
	if err != nil {
		return nil, nil, err
	}
	rep.FileTemplate = recorded
	rep.Note("从 Excel 97-2003 / WPS 表格文件（%s）读取", strings.ToLower(extOf(name)))
	return f, rep, nil
}

// xlsDataSheet reads the form and the template it records from our hidden
// data sheet kept in an .xls (saved so by Excel, WPS or LibreOffice).
func xlsDataSheet(name string, wb *xls.Workbook) (*model.Form, *model.Template, error) {
	cells, _, err := wb.Sheet(DataSheetName)
	if err != nil {
		return nil, nil, err
	}
	f, err := xlsx.DataSheetForm(name, cells)
	if err != nil {
		return nil, nil, err
	}
	t, _ := xlsx.DataSheetTemplate(cells)
	return f, t, nil
}
