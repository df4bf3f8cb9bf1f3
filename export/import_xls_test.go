package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// TestImportXLSFromLibreOffice: our sample's xlsx saved as .xls by
// LibreOffice (testfiles.SampleXLS) reads back through its hidden data
// sheet (lossless) and, the same, through the visible sheet alone; it is
// the sample as it was when the file was made (34 tasks, 合计 7898.5676).
// JIXIAO_UPDATE_XLS=1 remakes the file from today's sample with
// LibreOffice (TestMakeSampleXLS).
func TestImportXLSFromLibreOffice(t *testing.T) {
	want, rep, err := ImportBytes("sample.xls", testfiles.SampleXLS, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.String(), "完整读取") {
		t.Errorf("hidden data not used: %s", rep)
	}
	s := model.Sample()
	if want.Dept != s.Dept || want.TaskCount() != 34 || len(want.Goals) != 34 || len(want.Units) != 8 {
		t.Errorf("not the sample: %s, %d tasks, %d targets, %d units", want.Dept, want.TaskCount(), len(want.Goals), len(want.Units))
	}
	if tot := model.ComputeTotals(want); model.FormatMoney(tot.Total, false) != "7898.5676" {
		t.Errorf("total %s", model.FormatMoney(tot.Total, false))
	}
	// The visible sheet alone: as a clerk's .xls without our data.
	v, vrep := xlsVisible(t, "sample.xls", testfiles.SampleXLS)
	if visibleKey(v) != visibleKey(want) {
		t.Errorf("visible sheet differs:\n%s", firstDiff(visibleKey(want), visibleKey(v)))
	}
	t.Log(vrep)
}

// sstContinue is an SST record whose strings are split over a CONTINUE
// record in the middle of the characters of strs[1], the rest written in
// the compressed (8-bit) form when narrow.
func sstContinue(strs []string, narrowRest bool) []byte {
	var body []byte
	split := 0
	for i, s := range strs {
		u := utf16.Encode([]rune(s))
		body = append(body, testfiles.U16(len(u))...)
		body = append(body, 1)
		if i == 1 {
			split = len(body) + 2*(len(u)/2)
		}
		for _, c := range u {
			body = append(body, testfiles.U16(int(c))...)
		}
	}
	head := append(testfiles.U32(len(strs), len(strs)), body[:split]...)
	rest := body[split:]
	if narrowRest {
		// the rest of strs[1] in 8-bit characters, then the later strings
		u := utf16.Encode([]rune(strs[1]))
		tail := u[len(u)/2:]
		narrow := []byte{0}
		for _, c := range tail {
			narrow = append(narrow, byte(c))
		}
		rest = append(narrow, rest[2*len(tail):]...)
	} else {
		rest = append([]byte{1}, rest...)
	}
	return append(testfiles.Rec(0x00FC, head), testfiles.Rec(0x003C, rest)...)
}

// builtXLS is a small form in a BIFF8 file made here, using every record
// the reader knows: shared strings over a CONTINUE, LABEL, NUMBER, RK,
// MULRK, FORMULA with a number and with a STRING result, MERGEDCELLS.
func builtXLS(narrowRest bool) []byte {
	strs := []string{"任务名称", "unit-ABCDEFGH", "主要内容", "预算资金", "备注", "（2021年度）", "部门名称", "某局"}
	lsst := func(row, col, i int) []byte {
		return testfiles.Rec(0x00FD, testfiles.U16(row, col, 15), testfiles.U32(i))
	}
	label := func(row, col int, s string) []byte {
		u := utf16.Encode([]rune(s))
		b := append(testfiles.U16(row, col, 15, len(u)), 1)
		for _, c := range u {
			b = append(b, testfiles.U16(int(c))...)
		}
		return testfiles.Rec(0x0204, b)
	}
	rk := func(v int, div100 bool) int {
		x := v<<2 | 2
		if div100 {
			x |= 1
		}
		return x
	}
	num := func(row, col int, bits uint64) []byte {
		b := testfiles.U16(row, col, 15)
		for i := 0; i < 8; i++ {
			b = append(b, byte(bits>>(8*i)))
		}
		return testfiles.Rec(0x0203, b)
	}
	formula := func(row, col int, res []byte) []byte {
		return testfiles.Rec(0x0006, testfiles.U16(row, col, 15), res, testfiles.U16(0), testfiles.U32(0), testfiles.U16(0))
	}
	str := func(s string) []byte {
		u := utf16.Encode([]rune(s))
		b := append(testfiles.U16(len(u)), 1)
		for _, c := range u {
			b = append(b, testfiles.U16(int(c))...)
		}
		return testfiles.Rec(0x0207, b)
	}
	sheet := [][]byte{
		lsst(0, 0, 5),
		lsst(1, 0, 6), lsst(1, 1, 7),
		lsst(2, 0, 0), lsst(2, 2, 2), lsst(2, 3, 3), lsst(2, 4, 4),
		lsst(3, 0, 1), label(3, 2, "甲项"), testfiles.Rec(0x027E, testfiles.U16(3, 3, 15), testfiles.U32(rk(1550, true))),
		label(4, 2, "乙项"), num(4, 3, 0x4054666666666666), // 81.6
		label(5, 2, "丙项"), testfiles.Rec(0x00BD, testfiles.U16(5, 3, 15), testfiles.U32(rk(7, false)), testfiles.U16(15), testfiles.U32(rk(8, false)), testfiles.U16(4)),
		label(6, 2, "丁项"), formula(6, 3, []byte{0, 0, 0, 0, 0, 0, 0x24, 0x40}), // 10
		formula(6, 4, []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}), str("公式备注"),
		testfiles.Rec(0x00E5, testfiles.U16(1, 3, 6, 0, 1)), // A4:B7 (unit name over four rows)
	}
	return testfiles.CFB(testfiles.BIFF{Globals: [][]byte{sstContinue(strs, narrowRest)}, Sheet: sheet}.Stream(), false)
}

func TestImportXLSBuilt(t *testing.T) {
	for _, narrow := range []bool{false, true} {
		f, rep, err := ImportBytes("built.et", builtXLS(narrow), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if f.Year != "2021" || f.Dept != "某局" || len(f.Units) != 1 || f.Units[0].Name != "unit-ABCDEFGH" || len(f.Units[0].Tasks) != 4 {
			t.Fatalf("narrow=%v: %+v\n%s", narrow, f, rep)
		}
		var got []string
		for _, tk := range f.Units[0].Tasks {
			got = append(got, tk.Content+"="+tk.Total.String()+"/"+tk.Note)
		}
		if s := strings.Join(got, " "); s != "甲项=15.5/ 乙项=81.6/ 丙项=7/8 丁项=10/公式备注" {
			t.Errorf("narrow=%v: %s", narrow, s)
		}
	}
}

// TestImportXLSHostile: the hostile .xls files are refused with one plain
// line naming the file (the whole-process memory of each is measured by
// the hostile-files table of docs/RELIABILITY.md).
func TestImportXLSHostile(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	all, err := testfiles.All(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range all {
		if !strings.HasSuffix(h.Name, ".xls") {
			continue
		}
		n++
		f, rep, err := ImportBytes(h.Name, h.Data, ImportOptions{})
		if err == nil || f != nil || rep != nil || model.ErrorCode(err) == model.EINTERNAL || !strings.Contains(err.Error(), h.Name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", h.Name, err)
		}
	}
	if n < 5 {
		t.Errorf("%d hostile .xls files", n)
	}
}

// TestMakeSampleXLS remakes internal/testfiles/sample-libreoffice.xls
// from today's sample with LibreOffice when JIXIAO_UPDATE_XLS is set.
func TestMakeSampleXLS(t *testing.T) {
	if os.Getenv("JIXIAO_UPDATE_XLS") == "" {
		t.Skip("set JIXIAO_UPDATE_XLS=1 to remake the .xls made by LibreOffice")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "sample-libreoffice.xlsx")
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	convertWithLibreOffice(t, dir, "xls", p)
	b, err := os.ReadFile(strings.TrimSuffix(p, ".xlsx") + ".xls")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "internal", "testfiles", "sample-libreoffice.xls"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func FuzzImportXLS(f *testing.F) {
	f.Add(testfiles.SampleXLS)
	f.Add(builtXLS(false))
	f.Add(builtXLS(true))
	f.Fuzz(func(t *testing.T, data []byte) {
		form, rep, err := ImportBytes("fuzz.xls", data, ImportOptions{})
		// an error no one classified (model.EINTERNAL) is a bug of ours
		if model.ErrorCode(err) == model.EINTERNAL {
			t.Fatal(err)
		}
		if err != nil {
			if form != nil || rep != nil || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error with result, or not one line: %v", err)
			}
			return
		}
		if form == nil || rep == nil {
			t.Fatal("nil result without error")
		}
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, form); err != nil {
			t.Fatal(err)
		}
	})
}
