package model

import (
	"strings"
	"testing"
	"time"
)

func day(d int, h ...int) time.Time {
	hour := 9
	if len(h) > 0 {
		hour = h[0]
	}
	return time.Date(2021, 3, d, hour, 0, 0, 0, time.Local)
}

// TestMarkBatchDuplicates: two versions of one form (the same 部门 and
// 年度, spelled with spaces or full-width digits) are flagged, and the
// newer is told by the most trusted date every version has that tells
// them apart; a file without a 部门 or that failed is never a version.
func TestMarkBatchDuplicates(t *testing.T) {
	mtime := func(d int) Dated { return Dated{From: DateModified, When: day(d)} }
	tests := []struct {
		name   string
		files  []*FileReview
		newest string // "" when none can be told
		why    string
		dups   int // files flagged
	}{
		{"by modification time", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{mtime(1)}},
			{Name: "b.xlsx", Dept: "局 机关", Year: "２０２０", Dates: []Dated{mtime(5)}},
		}, "b.xlsx", "按文件的修改时间：“b.xlsx”是 2021-03-05 09:00，最晚", 2},
		{"填报日期 before the modification time", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{{DateFilled, day(6)}, mtime(1)}},
			{Name: "b.pdf", Dept: "局机关", Year: "2020年度", Dates: []Dated{{DateFilled, day(2)}, mtime(9)}},
		}, "a.xlsx", "按填报日期：“a.xlsx”是 2021-03-06，最晚", 2},
		{"a date only one file has is not used", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{{DateSaved, day(9)}, mtime(1)}},
			{Name: "b.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{mtime(2)}},
		}, "b.xlsx", "按文件的修改时间", 2},
		{"the same 填报日期: the next kind decides", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{{DateFilled, day(3)}, {DateSaved, day(3, 11)}}},
			{Name: "b.docx", Dept: "局机关", Year: "2020", Dates: []Dated{{DateFilled, day(3)}, {DateSaved, day(3, 15)}}},
		}, "b.docx", "按文件属性中的保存时间：“b.docx”是 2021-03-03 15:00", 2},
		{"nothing tells them apart", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{mtime(3)}},
			{Name: "b.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{mtime(3)}},
		}, "", "无法判断哪一份较新", 2},
		{"other years, departments, failures and blanks are not versions", []*FileReview{
			{Name: "a.xlsx", Dept: "局机关", Year: "2020", Dates: []Dated{mtime(1)}},
			{Name: "b.xlsx", Dept: "局机关", Year: "2021", Dates: []Dated{mtime(2)}},
			{Name: "c.xlsx", Dept: "监察支队", Year: "2020", Dates: []Dated{mtime(2)}},
			{Name: "d.xlsx", Failure: "已损坏"},
			{Name: "e.xlsx", Failure: "已损坏"},
			{Name: "f.xlsx", Dept: "", Year: "2020"},
			{Name: "g.xlsx", Dept: "", Year: "2020"},
		}, "", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for round := 0; round < 2; round++ { // marking again gives the same
				MarkBatch(tc.files)
				flagged := 0
				for _, r := range tc.files {
					if r.Dup == nil {
						continue
					}
					flagged++
					if r.Dup.Newest != tc.newest || !strings.Contains(r.Dup.Why, tc.why) {
						t.Errorf("%s: newest %q (%s), want %q (%s)", r.Name, r.Dup.Newest, r.Dup.Why, tc.newest, tc.why)
					}
					hints := 0
					for _, x := range r.Findings {
						if x.Batch && strings.Contains(x.Message, "同一部门、同一年度") {
							hints++
							older := tc.newest != "" && r.Name != tc.newest
							if older != strings.Contains(x.Message, "可能是旧版本") {
								t.Errorf("%s: %s", r.Name, x.Message)
							}
						}
					}
					if hints != 1 || r.Hints != 1 || r.Errors != 0 {
						t.Errorf("%s: %d duplicate hints, counts %d/%d", r.Name, hints, r.Errors, r.Hints)
					}
				}
				if flagged != tc.dups {
					t.Errorf("%d files flagged, want %d", flagged, tc.dups)
				}
			}
			if n := CountBatch(tc.files).Duplicates; (tc.dups > 0) != (n == 1) {
				t.Errorf("duplicate groups %d", n)
			}
		})
	}
}

// TestMarkBatchYear: a file of another year than most of the batch gets a
// hint at its 年度; no hint when there is no clear year of the batch.
func TestMarkBatchYear(t *testing.T) {
	mk := func(years ...string) []*FileReview {
		var out []*FileReview
		for i, y := range years {
			out = append(out, &FileReview{Name: string(rune('a'+i)) + ".xlsx", Dept: string(rune('A' + i)), Year: y, YearPlace: "工作表“表”A2 单元格（第2行）"})
		}
		return out
	}
	files := mk("2020", "2020", "2019", "2020年度")
	MarkBatch(files)
	for _, r := range files {
		if (r.Hints == 1) != (r.Year == "2019") {
			t.Errorf("%s (%s): %d hints %+v", r.Name, r.Year, r.Hints, r.Findings)
		}
		if r.Year == "2019" && (r.Findings[0].Place != r.YearPlace || !strings.Contains(r.Findings[0].Message, "本批其他文件多为 2020年度（4 份中 3 份）")) {
			t.Errorf("hint %+v", r.Findings[0])
		}
	}
	for _, ys := range [][]string{{"2020", "2019"}, {"2020", "2019", "2021", "2022"}} {
		files := mk(ys...)
		MarkBatch(files)
		for _, r := range files {
			if r.Hints != 0 {
				t.Errorf("%v: %s has %+v", ys, r.Name, r.Findings)
			}
		}
	}
}

// TestBatchVerdicts: a file's status, first error and the totals line.
func TestBatchVerdicts(t *testing.T) {
	files := []*FileReview{
		{Name: "a.xlsx", Findings: []FileFinding{{Severity: SevHint, Message: "看看"}, {Severity: SevError, Place: "第4页第20行（合计）", Message: "合计不对"}}},
		{Name: "b.pdf", Failure: "“b.pdf”是扫描件"},
		{Name: "c.json", Findings: []FileFinding{{Severity: SevError, Where: "年度主要任务 › 局机关 第1行 › 合计", Message: "请填写"}}},
		{Name: "d.docx"},
	}
	MarkBatch(files)
	want := []struct{ status, first string }{
		{"有错误", "第4页第20行（合计）：合计不对"},
		{"无法读取", "“b.pdf”是扫描件"},
		{"有错误", "年度主要任务 › 局机关 第1行 › 合计：请填写"},
		{"通过", ""},
	}
	for i, r := range files {
		if r.Status() != want[i].status || r.FirstError() != want[i].first {
			t.Errorf("%s: %s %q", r.Name, r.Status(), r.FirstError())
		}
	}
	if files[0].Findings[0].Severity != SevError {
		t.Error("errors are not listed first")
	}
	if got := CountBatch(files).String(); got != "共 4 个文件：通过 1 个，有错误 2 个，无法读取 1 个；错误 2 个，提示 1 条" {
		t.Errorf("totals %q", got)
	}
}
