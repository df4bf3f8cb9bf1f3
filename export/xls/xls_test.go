package xls

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"jixiao/export/internal/limits"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// Every record the reader knows, in a file made here: shared strings over
// a CONTINUE (wide and narrow rest), LABEL, NUMBER, RK, MULRK, FORMULA
// with a number and with a STRING result, MERGEDCELLS.
func TestSheetBuilt(t *testing.T) {
	for _, narrow := range []bool{false, true} {
		wb, err := Open("built.xls", testfiles.BuiltXLS(narrow))
		if err != nil {
			t.Fatal(err)
		}
		names := wb.Sheets()
		if len(names) != 1 {
			t.Fatalf("sheets %q", names)
		}
		cells, merges, err := wb.Sheet(names[0])
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"（2021年度）"},
			{"部门名称", "某局"},
			{"任务名称", "", "主要内容", "预算资金", "备注"},
			{"unit-ABCDEFGH", "", "甲项", "15.5"},
			{"", "", "乙项", "81.6"},
			{"", "", "丙项", "7", "8"},
			{"", "", "丁项", "10", "公式备注"},
		}
		if !slices.EqualFunc(cells, want, slices.Equal) {
			t.Errorf("narrow=%v: cells\n%q\nwant\n%q", narrow, cells, want)
		}
		if !slices.Equal(merges, [][4]int{{3, 0, 6, 1}}) {
			t.Errorf("narrow=%v: merges %v", narrow, merges)
		}
		if _, _, err := wb.Sheet("没有"); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("missing sheet: %v", err)
		}
	}
}

// The .xls LibreOffice made of our sample: the hidden data sheet is there
// beside the visible one, whose cells read as printed.
func TestSheetLibreOffice(t *testing.T) {
	wb, err := Open("sample.xls", testfiles.SampleXLS)
	if err != nil {
		t.Fatal(err)
	}
	names := wb.Sheets()
	if !slices.Contains(names, "_jixiao") || !slices.Contains(names, "绩效目标申报表") {
		t.Fatalf("sheets %q", names)
	}
	cells, _, err := wb.Sheet("绩效目标申报表")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range cells {
		all.WriteString(strings.Join(r, "|"))
	}
	for _, s := range []string{"任务名称", "一级指标", model.Sample().Dept} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("%q not in the visible sheet", s)
		}
	}
}

// Numbers read as their cells show them (package numfmt): the built-in
// percent and date formats by index, a custom format by its code.
func TestNumber(t *testing.T) {
	wb := &xlsWorkbook{xfs: []int{0, 9, 14, 164, 165}, formats: map[int]string{164: `0.0%`, 165: `0.0"%"`}}
	for _, c := range []struct {
		v    float64
		xf   int
		want string
	}{
		{81.6, 0, "81.6"},
		{0.955, 1, "95.5%"},
		{44196, 2, "2020-12-31"},
		{3, 3, "300%"},
		{3, 4, "3"}, // a quoted % is text, not the percent format
		{12.5, 99, "12.5"},
	} {
		if got := wb.number(c.v, c.xf); got != c.want {
			t.Errorf("number(%v, xf %d) = %q, want %q", c.v, c.xf, got, c.want)
		}
	}
}

// The hostile .xls files are refused with one plain line naming the
// file, or read within the bounds (a sheet of at most limits.MaxSheetCols
// columns, limits.MaxCells cells); those export refuses later (a grid too
// big to be a form) are read here within the bounds.
func TestOpenHostile(t *testing.T) {
	files, err := testfiles.HostileXLSs()
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, h := range files {
		err := readAll(h.Name, h.Data)
		if err != nil {
			refused++
			if model.ErrorCode(err) == model.EINTERNAL || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: %v", h.Name, err)
			}
		}
		t.Logf("%s: %v", h.Name, err)
	}
	if len(files) < 5 || refused < 3 {
		t.Errorf("%d hostile .xls files, %d refused", len(files), refused)
	}
}

// readAll opens data and reads every sheet, checking the bounds; it
// returns the first error.
func readAll(name string, data []byte) error {
	wb, err := Open(name, data)
	if err != nil {
		if !strings.Contains(err.Error(), name) {
			return fmt.Errorf("message does not name the file: %w", err)
		}
		return err
	}
	for _, s := range wb.Sheets() {
		cells, merges, err := wb.Sheet(s)
		if err != nil {
			// the reason alone, named as export names it
			return model.Errorf(model.EINVALID, "“%s”的工作表“%s”无法读取：%w", name, s, err)
		}
		n := 0
		for _, r := range cells {
			if len(r) > limits.MaxSheetCols {
				return fmt.Errorf("%d columns", len(r))
			}
			n += len(r)
		}
		if len(cells) > limits.MaxSheetRows || n > limits.MaxCells || len(merges) > limits.MaxMerges {
			return fmt.Errorf("%d rows, %d cells, %d merges", len(cells), n, len(merges))
		}
	}
	return nil
}

func FuzzOpen(f *testing.F) {
	f.Add(testfiles.SampleXLS)
	f.Add(testfiles.BuiltXLS(false))
	f.Add(testfiles.BuiltXLS(true))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readAll("fuzz.xls", data)
		if err != nil && (model.ErrorCode(err) == model.EINTERNAL || strings.Contains(err.Error(), "\n")) {
			t.Fatalf("unclassified or not one line: %v", err)
		}
	})
}
