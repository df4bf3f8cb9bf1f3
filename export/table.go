package export

import (
	"io"
	"strings"

	"jixiao/model"
)

// The one way a table of a draft is written, for the window and the
// command line alike: the 申报表 (StageDeclare), the 运行监控表
// (StageMonitor) or the 自评表 (StageEval), as Excel or PDF. Each carries
// the marks of its own findings (model.JudgeTable): 未通过审核（N 个错误） on
// every page and the note of the amounts its 合计 leaves out.

// Tables are the tables f can print, the table of its stage first: a
// 申报 draft prints its 申报表 only; a 运行监控 draft its 运行监控表, then
// the 申报表; a 自评 draft its 自评表, then the 运行监控表 when it went
// through the 运行监控 (it has a month), then the 申报表.
func Tables(f *model.Form) []model.Stage {
	switch f.Stage {
	case model.StageMonitor:
		return []model.Stage{model.StageMonitor, model.StageDeclare}
	case model.StageEval:
		if f.Month > 0 {
			return []model.Stage{model.StageEval, model.StageMonitor, model.StageDeclare}
		}
		return []model.Stage{model.StageEval, model.StageDeclare}
	}
	return []model.Stage{model.StageDeclare}
}

// WriteTable writes the table of stage s of f to w as ext ("xlsx" or
// "pdf"); tpl is the form's template (nil: its own among the built-in
// ones), by whose rules every table is judged.
// The report is a PDF's (pages, characters the font lacks).
func WriteTable(w io.Writer, f *model.Form, tpl *model.Template, s model.Stage, ext string) (rep PDFReport, err error) {
	switch strings.TrimPrefix(ext, ".") {
	case "xlsx":
		if s == model.StageDeclare {
			return rep, WriteXLSXTemplate(w, f, tpl)
		}
		return rep, WriteStageXLSXTemplate(w, f, s, tpl)
	case "pdf":
		if s == model.StageDeclare {
			return WritePDFTemplate(w, f, tpl)
		}
		return WriteStagePDFTemplate(w, f, s, tpl)
	}
	return rep, model.Errorf(model.EINVALID, "不能把%s导出为“%s”文件：请选 Excel（.xlsx）或 PDF", model.TableName(s), ext)
}

// TableFileName is the default file name of the table of stage s of f:
// {部门}_{年度}年度_绩效目标申报表.ext, …_绩效运行监控表.ext or …_绩效自评表.ext.
func TableFileName(f *model.Form, s model.Stage, ext string) string {
	name := FileName(f, ext)
	switch s {
	case model.StageMonitor:
		return strings.Replace(name, "绩效目标申报表", "绩效运行监控表", 1)
	case model.StageEval:
		return strings.Replace(name, "绩效目标申报表", "绩效自评表", 1)
	}
	return name
}
