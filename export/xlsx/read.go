package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
	"jixiao/model/recognize"
)

// internalError is a recovered panic while reading name: a bug of ours
// (model.EINTERNAL), reported in plain Chinese with the panic's value.
func InternalError(name string, r any, advice string) error {
	return model.Errorf(model.EINTERNAL, "读取“%s”时出错（%v），未导入%s", name, r, advice)
}

func Read(name string, data []byte, tpls []*model.Template) (f *model.Form, rep *recognize.ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, rep, err = nil, nil, InternalError(name, r, "；请在 Excel 或 WPS 中打开后重新保存再试")
		}
	}()
	xf, err := OpenWorkbook(name, data)
	if err != nil {
		return nil, nil, err
	}
	defer xf.Close()
	// A filled 监控表/自评表 goes back into its draft, never into a new one.
	switch info, err := stageInfoOf(xf, name); {
	case err != nil:
		return nil, nil, err
	case info != nil:
		return nil, nil, &StageWorkbookError{Name: name, Info: info}
	}
	hidden, recorded, herr := readDataSheet(name, xf)
	visible, vrep, verr := ReadVisible(xf, name, ReadingTemplates(hidden, recorded, tpls))
	f, rep, err = ChooseForm(hidden, herr, visible, vrep, verr)
	if rep != nil {
		rep.FileTemplate = recorded
	}
	return f, rep, err
}

// chooseForm picks between the form of a workbook's hidden data sheet
// (hidden, or the error reading it) and the form read from its visible
// sheet: the hidden one when the sheet still shows the same (lossless),
// else the visible one with what the hidden one adds where rows match.
func ChooseForm(hidden *model.Form, herr error, visible *model.Form, vrep *recognize.ImportReport, verr error) (*model.Form, *recognize.ImportReport, error) {
	rep := &recognize.ImportReport{}
	if model.ErrorCode(herr) == model.EUNSUPPORTED {
		// Written by a newer jixiao: its visible sheet may hold what this
		// build would misread (marks of a newer layout) and its data what
		// this build would drop. Refused whole, as the JSON import does.
		return nil, nil, herr
	}
	switch {
	case hidden != nil && verr == nil:
		if VisibleKey(hidden) == VisibleKey(visible) {
			rep.Note("本程序导出的文件：已从隐藏数据完整读取（含任务与目标的对应关系、计算数据等）")
			rep.Places = recognize.RemapPlaces(visible, hidden, vrep.Places)
			return hidden, rep, nil
		}
		notes := carryOver(visible, hidden)
		vrep.Note("表格在导出后被修改过：已按表格中看到的内容导入；能对应上的附加信息（任务对应的目标、计算数据）已保留")
		for _, n := range notes {
			vrep.Note("%s", n)
		}
		return visible, vrep, nil
	case hidden != nil:
		rep.Note("本程序导出的文件：表格部分无法识别（%v），已从隐藏数据完整读取", verr)
		return hidden, rep, nil
	case verr != nil:
		if herr != nil {
			return nil, nil, fmt.Errorf("%w；隐藏数据也无法读取（%v）", verr, herr)
		}
		return nil, nil, verr
	}
	if herr != nil {
		vrep.Note("文件中的隐藏数据无法读取（%v），已按表格内容导入", herr)
	}
	return visible, vrep, nil
}

// brokenXML says why data is not well-formed XML ("" when it is, or when
// it is absent): one pass of the decoder, which does not expand entities
// it does not know.
func BrokenXML(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return "不完整"
			}
			return ""
		}
		if err != nil {
			// The decoder read to the end of data and wanted more: a
			// part cut short. (An entity definition is a Directive,
			// caught below before the decoder would use it.)
			if dec.InputOffset() >= int64(len(data)) {
				return "不完整"
			}
			return "格式错误"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return "含有不安全的实体定义"
			}
		}
	}
}

// readDataSheet reads the form from the hidden data sheet of the workbook
// called name; (nil, nil) when there is none.
func readDataSheet(name string, xf *excelize.File) (*model.Form, *model.Template, error) {
	if idx, _ := xf.GetSheetIndex(DataSheetName); idx < 0 {
		return nil, nil, nil
	}
	rows, err := xf.GetRows(DataSheetName, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, err
	}
	f, err := DataSheetForm(name, rows)
	if err != nil {
		return nil, nil, err
	}
	t, _ := DataSheetTemplate(rows) // a damaged record: read as a file without one
	return f, t, nil
}

// dataSheetForm reads the form from the cells of a hidden data sheet (of
// an .xlsx, or of one saved as .xls): A1 the format name, B1 the layout's
// WorkbookVersion (none before 2.0), A2… the JSON in pieces. A newer major
// version is refused (EUNSUPPORTED), and so is a form of a newer schema
// inside: chooseForm then refuses the whole file.
func DataSheetForm(name string, rows [][]string) (*model.Form, error) {
	if len(rows) < 2 || len(rows[0]) == 0 || rows[0][0] != FormatName {
		return nil, model.Errorf(model.EINVALID, "隐藏数据表格式不对")
	}
	v := FileVersion{Major: 1, Minor: 0}
	if len(rows[0]) > 1 && strings.TrimSpace(rows[0][1]) != "" {
		var ok bool
		if v, ok = ParseFileVersion(rows[0][1]); !ok {
			return nil, model.Errorf(model.EINVALID, "隐藏数据表的版本号“%s”无法识别", rows[0][1])
		}
	}
	if err := CheckFileVersion(name, "申报表 Excel ", v, WorkbookVersion); err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, r := range rows[1:] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	return UnmarshalForm([]byte(b.String()))
}

// readVisible reads the form from the sheet in the official layout: the
// sheet named 绩效目标申报表 if it has one, else the first sheet whose
// header texts are recognised.
func ReadVisible(xf *excelize.File, name string, tpls []*model.Template) (*model.Form, *recognize.ImportReport, error) {
	var sheets []string
	for _, s := range xf.GetSheetList() {
		if s != DataSheetName {
			sheets = append(sheets, s)
		}
	}
	f, rep, err := ReadSheets(name, sheets, func(s string) (*recognize.SheetGrid, error) { return loadGrid(xf, s) }, tpls)
	if f != nil || err != nil {
		return f, rep, err
	}
	// No sheet has the form's headers. If a sheet's XML is broken (a zip
	// whose directory lies about a part's size gives a cut part; an XML
	// entity bomb does not parse), say that rather than "not a form";
	// checked only here, so a normal import does not pay for it.
	for _, s := range sheets {
		if why := BrokenXML(rawSheetXML(xf, s)); why != "" {
			return nil, nil, model.Errorf(model.EDAMAGED, "“%s”已损坏或不是正常的 Excel 文件（工作表“%s”的内容%s），为安全起见未导入；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再导入", name, s, why)
		}
	}
	return nil, nil, NotAForm(name)
}

func NotAForm(name string) error {
	return model.Errorf(model.EINVALID, "“%s”中找不到申报表：没有一个工作表含有“任务名称/主要内容”或“一级指标/三级指标”等表头；请使用官方样式的表格", name)
}

// readSheets is recognize.Read with our visible sheet (SheetName) first:
// every reader (.xlsx, .xls, .docx, .pdf) comes through here.
func ReadSheets(name string, sheets []string, load func(sheet string) (*recognize.SheetGrid, error), tpls []*model.Template) (*model.Form, *recognize.ImportReport, error) {
	return recognize.Read(name, sheets, SheetName, load, tpls)
}
