package export

import (
	"io"
	"time"

	"jixiao/export/pdf"
	"jixiao/model"
)

// The PDF writer is package pdf; these are its entry points as the
// program has always called them.

// PDFReport is what WritePDF reports about the written file: its pages,
// and the characters the bundled font lacks (drawn as □).
type PDFReport = pdf.Report

// WritePDF writes f as a print-ready A4 PDF in the official layout, with
// the bundled font embedded as a subset. Characters the font lacks are
// drawn as □ and listed in the report.
func WritePDF(w io.Writer, f *model.Form) (PDFReport, error) { return pdf.Write(w, f) }

// WritePDFTemplate is WritePDF in the layout of template tpl (nil: the
// form's own built-in template, model.TemplateOf).
func WritePDFTemplate(w io.Writer, f *model.Form, tpl *model.Template) (PDFReport, error) {
	return pdf.WriteTemplate(w, f, tpl)
}

// WriteStagePDF writes f's 运行监控表 (StageMonitor) or 自评表 (StageEval)
// as a print-ready A4 PDF, drawn by the declaration's PDF writer (table
// headers repeated after page breaks, font embedded).
func WriteStagePDF(w io.Writer, f *model.Form, stage model.Stage) (PDFReport, error) {
	return pdf.WriteStage(w, f, stage)
}

// WriteStagePDFTemplate is WriteStagePDF judged by template tpl, the
// draft's own (its 未通过审核 count is check's).
func WriteStagePDFTemplate(w io.Writer, f *model.Form, stage model.Stage, tpl *model.Template) (PDFReport, error) {
	return pdf.WriteStageTemplate(w, f, stage, tpl)
}

// WriteReplyPDF writes r's 审核意见 as a PDF; characters the font lacks
// are drawn as □ and listed in the report.
func WriteReplyPDF(w io.Writer, r *model.FileReview, when time.Time) (PDFReport, error) {
	return pdf.WriteReply(w, r, when)
}
