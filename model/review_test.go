package model

import (
	"strconv"
	"strings"
	"testing"
)

// reviewHint is the 审核 hint about rows to confirm, or "".
func reviewHint(f *Form) string {
	for _, fd := range Check(f) {
		if strings.Contains(fd.Message, "从上年复制") {
			return fd.Message
		}
	}
	return ""
}

func TestConfirmingCopiedRowsCountsDown(t *testing.T) {
	f, _, err := CarryForward(Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	total := f.ReviewCount()
	if total == 0 || total != f.TaskCount() {
		t.Fatalf("carried forward: %d rows to confirm of %d", total, f.TaskCount())
	}
	if h := reviewHint(f); !strings.Contains(h, "共有"+strconv.Itoa(total)+"行") {
		t.Fatalf("hint %q, want %d rows", h, total)
	}
	if !f.ConfirmTask(0, 0) || f.ConfirmTask(0, 0) {
		t.Fatal("ConfirmTask should report the first confirmation only")
	}
	if f.ReviewCount() != total-1 || !strings.Contains(reviewHint(f), "共有"+strconv.Itoa(total-1)+"行") {
		t.Fatalf("after one row: %d left, hint %q", f.ReviewCount(), reviewHint(f))
	}
	n0 := len(f.Units[0].Tasks)
	if got := f.ConfirmUnit(0); got != n0-1 || f.UnitReviewCount(0) != 0 {
		t.Fatalf("ConfirmUnit(0) confirmed %d, want %d; %d left", got, n0-1, f.UnitReviewCount(0))
	}
	if f.UnitReviewCount(1) != len(f.Units[1].Tasks) {
		t.Fatal("confirming unit 1 touched unit 2")
	}
	if got := f.ConfirmAll(); got != total-n0 || f.ReviewCount() != 0 || reviewHint(f) != "" {
		t.Fatalf("ConfirmAll confirmed %d, want %d; hint %q", got, total-n0, reviewHint(f))
	}
	// out of range does nothing
	if f.ConfirmTask(99, 0) || f.ConfirmUnit(-1) != 0 || f.UnitReviewCount(99) != 0 {
		t.Fatal("out of range")
	}
}

func TestSampleIsMarked(t *testing.T) {
	if !Sample().IsSample() {
		t.Error("the sample is not marked")
	}
	f, _, err := CarryForward(Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.IsSample() || New("2021", "某局", f.Meta.Created).IsSample() {
		t.Errorf("a carried-forward or new form is marked as the sample (origin %q)", f.Meta.Origin)
	}
}

// A row whose amount cannot be read is not confirmed, alone, with its
// unit or with all: its amounts are not this year's yet.
func TestConfirmSkipsUnreadableAmounts(t *testing.T) {
	f, _, err := CarryForward(Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Units[0].Tasks[1].Fiscal = ParseAmount("5OO")
	if f.ConfirmTask(0, 1) || !f.Units[0].Tasks[1].Review {
		t.Fatal("a row with 5OO was confirmed")
	}
	n0 := len(f.Units[0].Tasks)
	if got := f.ConfirmUnit(0); got != n0-1 || f.UnitReviewCount(0) != 1 {
		t.Fatalf("ConfirmUnit: %d confirmed, %d left", got, f.UnitReviewCount(0))
	}
	total := f.ReviewCount()
	if got := f.ConfirmAll(); got != total-1 || f.ReviewCount() != 1 {
		t.Fatalf("ConfirmAll: %d confirmed, %d left", got, f.ReviewCount())
	}
	f.Units[0].Tasks[1].Fiscal = ParseAmount("500")
	if !f.ConfirmTask(0, 1) || f.ReviewCount() != 0 {
		t.Fatal("the corrected row is not confirmed")
	}
}
