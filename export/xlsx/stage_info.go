package xlsx

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// StageInfo says what a 监控表/自评表 workbook is, from its hidden sheet:
// the stage, the month of a 运行监控表 and the draft's 部门 and 年度 it was
// exported from. The window and the command line both use it to find the
// draft a filled sheet belongs to.
type StageInfo struct {
	Stage model.Stage
	Month int // 运行监控 as of this month (0 for a 自评表)
	Dept  string
	Year  string
}

// Table is the table's name: 运行监控表（截至6月）, 自评表.
func (s *StageInfo) Table() string {
	if s.Stage == model.StageMonitor && s.Month > 0 {
		return fmt.Sprintf("运行监控表（截至%d月）", s.Month)
	}
	return model.TableName(s.Stage)
}

// Whose is the draft the table was exported from: 郑州市生态环境局 2020年度.
func (s *StageInfo) Whose() string {
	return draftLabel(s.Dept, s.Year)
}

// Fits reports whether the table belongs to a draft of this 部门 and 年度:
// the one rule by which ImportStageValues takes or refuses a sheet, and by
// which the window and the command line name the draft it belongs to.
func (s *StageInfo) Fits(dept, year string) bool {
	return strings.TrimSpace(s.Dept) == strings.TrimSpace(dept) && strings.TrimSpace(s.Year) == strings.TrimSpace(year)
}

func draftLabel(dept, year string) string {
	dept, year = strings.TrimSpace(dept), strings.TrimSpace(year)
	if dept == "" {
		dept = "（未填部门）"
	}
	if year == "" {
		return dept + " （未填年度）"
	}
	return dept + " " + year + "年度"
}

// StageWorkbookError is the error of the 申报 import (ImportFile and
// ImportBytes) for a 监控表/自评表 exported by this program: such
// a sheet is never read as a new draft; its values go back into the draft
// it belongs to (ImportStageValues). Info says whose table it is.
type StageWorkbookError struct {
	Name string // the file's name
	Info *StageInfo
}

func (e *StageWorkbookError) Error() string {
	return fmt.Sprintf("“%s”是本程序导出的%s（%s），不是申报表，不能导入为新草稿；请打开它所属的草稿，在“监控与自评”页用“导入填好的%s…”把填写的数值导回（命令行：jixiao import %s --into 草稿编号）",
		e.Name, e.Info.Table(), e.Info.Whose(), model.TableName(e.Info.Stage), e.Name)
}

// ErrorCode makes the error's message the clerk's (model.ErrorMessage).
func (e *StageWorkbookError) ErrorCode() string { return model.EINVALID }

// ReadStageInfo reads whose 监控表/自评表 data is (name is the file's name
// for messages): nil and no error when it is not one of ours (no stage
// sheet, or not a workbook at all); an error in plain Chinese when it is
// one but cannot be read (damaged, or written by a newer jixiao).
func ReadStageInfo(name string, data []byte) (info *StageInfo, err error) {
	defer func() {
		if r := recover(); r != nil {
			info, err = nil, InternalError(name, r, "")
		}
	}()
	xf, err := OpenWorkbook(name, data)
	if err != nil {
		return nil, nil
	}
	defer xf.Close()
	return stageInfoOf(xf, filepath.Base(name))
}

// stageInfoOf is ReadStageInfo of an open workbook.
func stageInfoOf(xf *excelize.File, name string) (*StageInfo, error) {
	if idx, _ := xf.GetSheetIndex(StageDataSheet); idx < 0 {
		return nil, nil
	}
	if a1, err := xf.GetCellValue(StageDataSheet, "A1", excelize.Options{RawCellValue: true}); err != nil {
		return nil, nil
	} else if _, ok := StageVersion(a1); !ok {
		return nil, nil
	}
	meta, _, err := ReadStageMeta(xf, name)
	if err != nil {
		return nil, err
	}
	return infoOfMeta(meta), nil
}

// infoOfMeta is what m tells of the workbook it was read from.
func infoOfMeta(m *StageMeta) *StageInfo {
	return &StageInfo{Stage: m.Stage, Month: m.Month, Dept: m.Dept, Year: m.Year}
}

// ImportStageFile is ImportStageValues of the file at path (read with the
// importer's limits): the one path by which the window and the command
// line take a filled 监控表/自评表 into a draft.
func ImportStageFile(path string, f *model.Form) (*model.Form, *StageReport, error) {
	data, err := ReadImportFile(path)
	if err != nil {
		return nil, nil, err
	}
	return ImportStageValues(filepath.Base(path), data, f)
}
