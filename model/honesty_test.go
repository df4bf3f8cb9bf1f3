package model

import (
	"strings"
	"testing"
)

func TestIncompleteNoteCountsUnreadableAmounts(t *testing.T) {
	f := cleanForm()
	if n := ComputeTotals(f).IncompleteNote(); n != "" {
		t.Fatalf("clean form: note %q, want none", n)
	}
	f.Units[0].Tasks[0].Fiscal = ParseAmount("5OO")
	tot := ComputeTotals(f)
	if got, want := tot.IncompleteNote(), "合计不含 1 项无法识别的金额"; got != want {
		t.Fatalf("note %q, want %q", got, want)
	}
	f.Units[0].Tasks[0].Total = ParseAmount("一百")
	if got := ComputeTotals(f).IncompleteNote(); !strings.Contains(got, "不含 2 项") {
		t.Fatalf("two unreadable amounts: note %q", got)
	}
}

func TestJudgeMarksFormsWithErrors(t *testing.T) {
	f := cleanForm()
	v := Judge(f)
	if !v.Passed() || v.Mark() != "" {
		t.Fatalf("clean form: %+v mark %q", v, v.Mark())
	}
	f.Units[0].Tasks[0].Fiscal = ParseAmount("5OO")
	v = Judge(f)
	errs, _ := CountFindings(Check(f))
	if v.Passed() || v.Errors != errs || errs == 0 {
		t.Fatalf("verdict %+v, checks count %d errors", v, errs)
	}
	if want := "未通过审核（1 个错误）"; v.Mark() != want {
		t.Fatalf("mark %q, want %q", v.Mark(), want)
	}
}

// Past 申报 each table is judged by its own findings: the 运行监控's empty
// 执行数 are the 运行监控表's errors, not the 申报表's; an unreadable declared
// amount is an error of both (the 监控表 prints it as 年初预算数).
func TestJudgeTableSeparatesTheTables(t *testing.T) {
	f := cleanForm()
	if err := f.SetStage(StageMonitor, 6, testNow); err != nil {
		t.Fatal(err)
	}
	fs := Check(f)
	all, _ := CountFindings(fs)
	dec, mon := JudgeTable(fs, StageDeclare), JudgeTable(fs, StageMonitor)
	if dec.Errors != 0 || mon.Errors == 0 || mon.Errors != all {
		t.Fatalf("monitor draft: 申报表 %+v, 运行监控表 %+v, all %d errors", dec, mon, all)
	}
	if Judge(f) != dec {
		t.Fatalf("Judge %+v is not the 申报表's %+v", Judge(f), dec)
	}
	if got := JudgeTable(fs, StageEval); got.Errors != 0 {
		t.Fatalf("自评表 of a monitor draft: %+v", got)
	}
	f.Units[0].Tasks[0].Total = ParseAmount("5OO") // as a stale lock would keep it
	fs = Check(f)
	dec2, mon2 := JudgeTable(fs, StageDeclare), JudgeTable(fs, StageMonitor)
	if dec2.Errors < 1 || mon2.Errors != mon.Errors+dec2.Errors {
		t.Fatalf("5OO: 申报表 %+v, 运行监控表 %+v (was %+v)", dec2, mon2, mon)
	}
	if n := TableInvalid(f, StageMonitor); n != 1 {
		t.Fatalf("monitor invalid amounts %d", n)
	}
	f.Units[0].Tasks[1].Monitor.Executed = ParseAmount("1O")
	if n, d := TableInvalid(f, StageMonitor), TableInvalid(f, StageDeclare); n != 2 || d != 1 {
		t.Fatalf("invalid: monitor %d declare %d", n, d)
	}
}

func TestTableNamesAndFields(t *testing.T) {
	for s, want := range map[Stage]string{StageDeclare: "申报表", StageMonitor: "运行监控表", StageEval: "自评表"} {
		if TableName(s) != want {
			t.Errorf("TableName(%v) = %q", s, TableName(s))
		}
	}
	for f, want := range map[Field]Stage{FieldTotal: StageDeclare, FieldValue: StageDeclare, FieldExecuted: StageMonitor,
		FieldMeasures: StageMonitor, FieldActual: StageEval, FieldBudgetAdj: StageEval, FieldEvalWeight: StageEval, FieldWeight: StageDeclare} {
		if StageOfField(f) != want {
			t.Errorf("StageOfField(%s) = %v, want %v", f, StageOfField(f), want)
		}
	}
}
