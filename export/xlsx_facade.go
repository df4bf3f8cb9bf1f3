package export

import (
	"io"
	"time"

	"jixiao/export/xlsx"
	"jixiao/model"
)

// The xlsx writer, the hidden data sheets and the JSON record they hold
// are package xlsx; these are its names and entry points as the program
// has always called them.

// Sheet names and record formats of our workbooks (docs/format.md).
const (
	// SheetName is the visible sheet of the declaration's workbook.
	SheetName = xlsx.SheetName
	// DataSheetName is its hidden sheet holding the form as JSON.
	DataSheetName = xlsx.DataSheetName
	// StageDataSheet is the hidden sheet of a 监控表/自评表 workbook.
	StageDataSheet = xlsx.StageDataSheet
	// StageFormat names the record in StageDataSheet.
	StageFormat = xlsx.StageFormat
	// ReviewSummarySheet is the first sheet of a batch's review workbook.
	ReviewSummarySheet = xlsx.ReviewSummarySheet
	// FormatName and FormatVersion name the JSON record of a form.
	FormatName    = xlsx.FormatName
	FormatVersion = xlsx.FormatVersion
)

// FileVersion is the version of a file format (docs/format.md, 版本).
type FileVersion = xlsx.FileVersion

var (
	// WorkbookVersion is the version of the declaration's workbooks this
	// program writes; StageWorkbookVersion that of the 监控表/自评表.
	WorkbookVersion      = xlsx.WorkbookVersion
	StageWorkbookVersion = xlsx.StageWorkbookVersion
	// StageSheets are a stage workbook's visible sheets, in order.
	StageSheets = xlsx.StageSheets
)

// ParseFileVersion reads a version written as "2.1".
func ParseFileVersion(s string) (v FileVersion, ok bool) { return xlsx.ParseFileVersion(s) }

// CheckFileVersion refuses file name, a what of version v, when this
// program knows only versions up to known (a newer major version).
func CheckFileVersion(name, what string, v, known FileVersion) error {
	return xlsx.CheckFileVersion(name, what, v, known)
}

// WriteXLSX writes f as an Excel workbook: the visible sheet in the
// official layout and the hidden data sheet that reads back losslessly.
func WriteXLSX(w io.Writer, f *model.Form) error { return xlsx.Write(w, f) }

// WriteXLSXTemplate is WriteXLSX in the layout of template tpl (nil: the
// form's own built-in template).
func WriteXLSXTemplate(w io.Writer, f *model.Form, tpl *model.Template) error {
	return xlsx.WriteTemplate(w, f, tpl)
}

// WriteStageXLSX writes f's 运行监控表 or 自评表 as a workbook to fill in.
func WriteStageXLSX(w io.Writer, f *model.Form, stage model.Stage) error {
	return xlsx.WriteStage(w, f, stage)
}

// WriteStageXLSXTemplate is WriteStageXLSX judged by template tpl.
func WriteStageXLSXTemplate(w io.Writer, f *model.Form, stage model.Stage, tpl *model.Template) error {
	return xlsx.WriteStageTemplate(w, f, stage, tpl)
}

// WriteReviewWorkbook writes the review of a batch of files as a workbook.
func WriteReviewWorkbook(w io.Writer, files []*model.FileReview, when time.Time) error {
	return xlsx.WriteReviewWorkbook(w, files, when)
}

// WriteReplyXLSX writes r's 审核意见 as a workbook.
func WriteReplyXLSX(w io.Writer, r *model.FileReview, when time.Time) error {
	return xlsx.WriteReply(w, r, when)
}

// WriteJSON writes f as the JSON exchange format (docs/format.md).
func WriteJSON(w io.Writer, f *model.Form) error { return xlsx.WriteJSON(w, f) }

// WriteJSONTemplate is WriteJSON recording template tpl with the form.
func WriteJSONTemplate(w io.Writer, f *model.Form, tpl *model.Template) error {
	return xlsx.WriteJSONTemplate(w, f, tpl)
}

// ReadJSON reads a form in the JSON exchange format.
func ReadJSON(r io.Reader) (*model.Form, error) { return xlsx.ReadJSON(r) }
