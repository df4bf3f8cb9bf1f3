package export

import (
	"io"

	"jixiao/model"
)

// headTitle is the running header's title of the layout's table.
func (l *layout) headTitle() string {
	if l.title != "" {
		return l.title
	}
	if l.tpl != nil {
		return l.tpl.Title
	}
	return "市级部门整体绩效目标申报表"
}

// WriteStagePDF writes f's 运行监控表 (StageMonitor) or 自评表 (StageEval)
// as a print-ready A4 PDF, drawn by the declaration's PDF writer (table
// headers repeated after page breaks, font embedded).
func WriteStagePDF(w io.Writer, f *model.Form, stage model.Stage) (rep PDFReport, err error) {
	return WriteStagePDFTemplate(w, f, stage, nil)
}

// WriteStagePDFTemplate is WriteStagePDF judged by template tpl, the
// draft's own (its 未通过审核 count is check's).
func WriteStagePDFTemplate(w io.Writer, f *model.Form, stage model.Stage, tpl *model.Template) (rep PDFReport, err error) {
	d, err := buildStageIn(f, stage, tpl)
	if err != nil {
		return rep, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EINTERNAL, "生成 PDF 时出错（%v），文件未写出", r)
		}
	}()
	p := &pdfWriter{l: d.pdfLayout(), runeW: map[rune]float64{}, seen: map[rune]bool{}}
	p.pageW, p.pageH = pdfPageW, pdfPageH
	return p.render(w, d.title, f)
}
