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
