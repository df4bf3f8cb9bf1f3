package model

import "fmt"

// The texts an exported file carries so that it never looks complete when
// it is not. The model counts; the writers (export, the editor's status
// bar) only print these texts.

// IncompleteNote is the remark for a 合计 that leaves out amounts that could
// not be read, e.g. "合计不含 1 项无法识别的金额"; "" when every amount was
// added.
func (s Sums) IncompleteNote() string {
	if s.Invalid <= 0 {
		return ""
	}
	return fmt.Sprintf("合计不含 %d 项无法识别的金额", s.Invalid)
}

// Verdict is what the checks say about one table of a form, for an export.
type Verdict struct {
	Errors int // findings that are errors
	Hints  int // findings that are hints
}

// Judge runs the checks on f and counts what they find about its 申报表
// (JudgeTable with StageDeclare): the findings of the 运行监控 and 自评
// columns are not the 申报表's.
func Judge(f *Form) Verdict { return JudgeWith(f, nil) }

// JudgeWith is Judge by the rules of template t, the form's own (nil: f's
// template among the built-ins). Every verdict an export of the 申报表
// prints comes from here with the template the export is laid out in, so
// the file and `jixiao check` count the same errors.
func JudgeWith(f *Form, t *Template) Verdict {
	return JudgeTable(CheckWith(f, t), StageDeclare)
}

// JudgeTable counts the findings fs (of Check or CheckWith) that concern
// the table of stage s (TableName): see InTable.
func JudgeTable(fs []Finding, s Stage) Verdict {
	var v Verdict
	for _, x := range fs {
		if !InTable(x, s) {
			continue
		}
		if x.Severity == SevError {
			v.Errors++
		} else {
			v.Hints++
		}
	}
	return v
}

// TableName is the name of the table a draft prints for stage s: 申报表,
// 运行监控表 or 自评表.
func TableName(s Stage) string {
	switch s {
	case StageMonitor:
		return "运行监控表"
	case StageEval:
		return "自评表"
	}
	return "申报表"
}

// StageOfField is the stage whose columns hold field: StageMonitor for the
// 运行监控 columns (执行数, 完成可能性 …), StageEval for the 自评 columns
// (全年执行数, 实际完成值, 分值（自评） …), StageDeclare for every field of
// the declaration.
func StageOfField(field Field) Stage {
	switch field {
	case FieldExecuted, FieldForecast, FieldToDate, FieldForecastVal, FieldLikelihood, FieldCause, FieldMeasures:
		return StageMonitor
	case FieldBudgetAdj, FieldExecYear, FieldEvalWeight, FieldActual, FieldReason, FieldAnalysis:
		return StageEval
	}
	return StageDeclare
}

// InTable reports whether finding x concerns the table of stage s. The
// 申报表 has every finding of the declaration's fields. The 运行监控表 and
// the 自评表 have the findings of their own columns and, because they print
// them again, those of the declared 合计, 财政资金 and 指标值 (an unreadable
// declared amount is as wrong in the 年初预算数 of a 监控表).
func InTable(x Finding, s Stage) bool {
	fs := StageOfField(x.Loc.Field)
	if s == StageDeclare {
		return fs == StageDeclare
	}
	if fs == s {
		return true
	}
	if fs != StageDeclare {
		return false
	}
	switch x.Loc.Part {
	case PartTasks:
		return x.Loc.Row >= 0 && (x.Loc.Field == FieldTotal || x.Loc.Field == FieldFiscal)
	case PartIndicators:
		return x.Loc.Row >= 0 && x.Loc.Field == FieldValue
	}
	return false
}

// TableInvalid is the number of amounts the 合计 of the table of stage s
// leaves out because they cannot be read: for the 申报表 the declared
// amounts (Totals.Invalid); for the 运行监控表 the declared 合计 and 财政资金
// and the 执行数 and 全年预计执行数; for the 自评表 the declared 合计, the
// 全年预算数 and the 全年执行数.
func TableInvalid(f *Form, s Stage) int {
	if s == StageDeclare {
		return ComputeTotals(f).Invalid
	}
	n := 0
	count := func(as ...Amount) {
		for _, a := range as {
			if a.State() == AmountInvalid {
				n++
			}
		}
	}
	for _, u := range f.Units {
		for _, t := range u.Tasks {
			switch s {
			case StageMonitor:
				count(t.Total, t.Fiscal, t.Monitor.Executed, t.Monitor.Forecast)
			case StageEval:
				count(t.Total, t.Eval.Budget, t.Eval.Executed)
			}
		}
	}
	return n
}

// Passed reports whether the form has no errors.
func (v Verdict) Passed() bool { return v.Errors == 0 }

// Mark is the running mark of every page of an export of a form with
// errors, e.g. "未通过审核（19 个错误）"; "" when the form passed.
func (v Verdict) Mark() string {
	if v.Errors <= 0 {
		return ""
	}
	return fmt.Sprintf("未通过审核（%d 个错误）", v.Errors)
}
