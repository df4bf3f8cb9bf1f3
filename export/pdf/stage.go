package pdf

import (
	"io"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// WriteStage writes f's 运行监控表 (StageMonitor) or 自评表 (StageEval)
// as a print-ready A4 PDF, drawn by the declaration's PDF writer (table
// headers repeated after page breaks, font embedded).
func WriteStage(w io.Writer, f *model.Form, stage model.Stage) (rep Report, err error) {
	return WriteStageTemplate(w, f, stage, nil)
}

// WriteStageTemplate is WriteStage judged by template tpl, the
// draft's own (its 未通过审核 count is check's).
func WriteStageTemplate(w io.Writer, f *model.Form, stage model.Stage, tpl *model.Template) (rep Report, err error) {
	d, err := layout.BuildStageIn(f, stage, tpl)
	if err != nil {
		return rep, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EINTERNAL, "生成 PDF 时出错（%v），文件未写出", r)
		}
	}()
	p := &pdfWriter{l: d.PdfLayout(), runeW: map[rune]float64{}, seen: map[rune]bool{}}
	p.pageW, p.pageH = layout.PdfPageW, layout.PdfPageH
	return p.render(w, d.Title, f)
}
