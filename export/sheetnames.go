package export

import "jixiao/export/internal/layout"

// Sheet names of the 运行监控表 and 自评表 (the tables as a whole:
// MonitorSheetName, EvalSheetName; the workbook has one sheet per table:
// TaskSheetName, IndicatorSheetName), part of the public API (the command
// line and the window name them in messages).
const (
	MonitorSheetName   = layout.MonitorSheetName
	EvalSheetName      = layout.EvalSheetName
	TaskSheetName      = layout.TaskSheetName
	IndicatorSheetName = layout.IndicatorSheetName
)
