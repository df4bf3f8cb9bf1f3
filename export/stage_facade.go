package export

import (
	"jixiao/export/xlsx"
	"jixiao/model"
)

// Reading a filled 监控表/自评表 back is package xlsx's (it shares the
// hidden sheet with the writer); these are its names and entry points as
// the window and the command line have always called them.

type (
	// StageInfo says what a 监控表/自评表 workbook is, from its hidden
	// sheet: the stage, the month of a 运行监控表 and the draft's 部门 and
	// 年度 it was exported from.
	StageInfo = xlsx.StageInfo
	// StageWorkbookError is the error of ImportFile and ImportBytes for a
	// 监控表/自评表 exported by this program: its values go back into the
	// draft it belongs to (ImportStageValues).
	StageWorkbookError = xlsx.StageWorkbookError
	// StageChange is one value taken from a filled 监控表/自评表.
	StageChange = xlsx.StageChange
	// StageReport says what ImportStageValues did, cell by cell.
	StageReport = xlsx.StageReport
)

// ReadStageInfo reads whose 监控表/自评表 data is: nil and no error when it
// is not one of ours; an error in plain Chinese when it is one but cannot
// be read.
func ReadStageInfo(name string, data []byte) (*StageInfo, error) {
	return xlsx.ReadStageInfo(name, data)
}

// ImportStageFile is ImportStageValues of the file at path (read with the
// importer's limits).
func ImportStageFile(path string, f *model.Form) (*model.Form, *StageReport, error) {
	return xlsx.ImportStageFile(path, f)
}

// ReadImportFile reads a file to import with the importer's limits.
func ReadImportFile(path string) ([]byte, error) { return xlsx.ReadImportFile(path) }

// IsStageWorkbook reports whether data is a 监控表/自评表 exported by this
// program, of any version (it has the hidden sheet).
func IsStageWorkbook(data []byte) bool { return xlsx.IsStageWorkbook(data) }

// ImportStageValues reads the values a clerk filled into a 监控表/自评表
// exported by WriteStageXLSX and returns a copy of f with them applied:
// rows found by what they are, columns by their headers, so sorted, moved
// or deleted rows and inserted or dragged columns are read right or
// refused, never read into another row (package xlsx has the details).
func ImportStageValues(name string, data []byte, f *model.Form) (*model.Form, *StageReport, error) {
	return xlsx.ImportStageValues(name, data, f)
}
