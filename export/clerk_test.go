package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// clerkWorkbook is a table a clerk typed in Excel in the official layout,
// but their own way: an extra sheet first, the task columns in another
// order, amounts as text, a bad amount, "....." rows, a unit name written
// once without merging, 一级指标 not merged, an extra 分值 column.
func clerkWorkbook(t testing.TB) string {
	t.Helper()
	xf := excelize.NewFile()
	defer xf.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(xf.SetSheetName("Sheet1", "填表说明"))
	must(xf.SetCellStr("填表说明", "A1", "请按要求填写，金额单位：万元"))
	_, err := xf.NewSheet("Sheet1")
	must(err)
	set := func(a string, v any) { must(xf.SetCellValue("Sheet1", a, v)) }
	set("A1", "市级部门整体绩效目标申报表")
	set("A2", "( 2021年度 )")
	set("A3", "部门名称：")
	set("C3", "某某市某某局")
	set("A4", "年度总体目标")
	must(xf.MergeCell("Sheet1", "A4", "A7"))
	set("B4", "目标1: 完成第一件事。")
	set("B5", "目标 2：完成第二件事，")
	set("B6", ".....")
	set("B7", "目标3、完成第三件事")
	// Task table, columns: 主要内容 | 任务名称 | 备注 | 其中：财政资金 | 合计
	set("A9", "主要内容")
	set("B9", "任务名称")
	set("C9", "备注")
	set("D9", "预算资金（万元）")
	must(xf.MergeCell("Sheet1", "D9", "E9"))
	set("D10", "其中：财政资金")
	set("E10", " 合 计 ")
	set("A11", "第一项")
	set("B11", "甲单位")
	set("D11", "1,273.30")
	set("E11", 1273.3)
	set("A12", "第二项")
	set("D12", 81.600000000000009) // Excel's binary noise
	set("E12", "81.6")
	set("A13", ".....")
	set("A14", "第三项")
	set("B14", "乙单位")
	must(xf.MergeCell("Sheet1", "B14", "B15"))
	set("D14", "abc")
	set("E14", 100)
	set("C14", "=不是公式")
	set("A15", "第四项")
	set("D15", 5)
	must(xf.SetCellFormula("Sheet1", "E15", "2+3")) // never calculated: no value
	set("A16", "合计")
	set("E16", 1459.9)
	// Indicators, with 分值 and 一级 not merged.
	set("A18", "一级指标")
	set("B18", "二级指标")
	set("C18", "三级指标")
	set("D18", "分值")
	set("E18", "指标值")
	set("F18", "指标解释")
	set("G18", "指标说明")
	set("A19", "履职效能")
	set("B19", "整体工作完成")
	set("C19", "总体工作完成率")
	set("D19", "10")
	set("E19", "100%")
	set("F19", "反映完成情况")
	set("C20", ".....")
	set("C21", "牵头单位工作完成率")
	set("E21", "≥95%")
	set("A22", "管理效率")
	set("B22", "运行成本")
	set("C22", "成本控制成效：在职人员经费变动率")
	set("G22", "说明文字")
	xf.SetActiveSheet(1)
	p := filepath.Join(t.TempDir(), "clerk.xlsx")
	must(xf.SaveAs(p))
	return p
}

func TestImportClerkWorkbook(t *testing.T) {
	f, rep, err := ImportFile(clerkWorkbook(t), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.String())
	if f.Year != "2021" || f.Dept != "某某市某某局" {
		t.Errorf("year %q dept %q", f.Year, f.Dept)
	}
	// the "....." target is kept, for the clerk to fill in
	wantGoals := []string{"完成第一件事。", "完成第二件事，", ".....", "完成第三件事"}
	if len(f.Goals) != 4 {
		t.Fatalf("goals %+v", f.Goals)
	}
	for i, g := range wantGoals {
		if f.Goals[i].Text != g {
			t.Errorf("goal %d %q", i+1, f.Goals[i].Text)
		}
	}
	if rep.Goals != 4 || rep.Units != 2 || rep.Tasks != 5 || rep.Indicators != 4 {
		t.Errorf("counts %+v", rep)
	}
	if len(f.Units) != 2 || f.Units[0].Name != "甲单位" || f.Units[1].Name != "乙单位" || len(f.Units[0].Tasks) != 3 || len(f.Units[1].Tasks) != 2 {
		t.Fatalf("units %+v", f.Units)
	}
	t0 := f.Units[0].Tasks[0]
	if t0.Content != "第一项" || t0.Total.Money() != 12_733_000 || t0.Fiscal.Money() != 12_733_000 || t0.Fiscal.Raw() != "1,273.30" {
		t.Errorf("task 1 %+v", t0)
	}
	if t1 := f.Units[0].Tasks[1]; t1.Fiscal.String() != "81.6" || t1.Total.String() != "81.6" {
		t.Errorf("task 2 %v %v", t1.Total, t1.Fiscal)
	}
	// the "....." row, in the unit above it (任务名称 not merged)
	if tp := f.Units[0].Tasks[2]; tp.Content != "....." || !tp.Total.IsEmpty() || !tp.Fiscal.IsEmpty() {
		t.Errorf("task 3 (the placeholder row) %+v", tp)
	}
	t2 := f.Units[1].Tasks[0]
	if t2.Fiscal.Valid() || t2.Fiscal.Raw() != "abc" || t2.Note != "=不是公式" {
		t.Errorf("task 3 %+v", t2)
	}
	if len(rep.Problems) != 3 || rep.Problems[0].Cell != "Sheet1!D14" || !strings.HasPrefix(rep.Problems[0].Message, "金额“abc”无法识别") ||
		rep.Problems[1].Cell != "Sheet1!E15" || !strings.Contains(rep.Problems[1].Message, "没有它的计算结果") ||
		rep.Problems[2].Cell != "Sheet1!E16" || !strings.Contains(rep.Problems[2].Message, "文件中的合计 1459.9 与各行相加的 1454.9 不一致") {
		t.Errorf("problems %+v", rep.Problems)
	}
	notes := strings.Join(rep.Notes, "\n")
	for _, want := range []string{"已忽略工作表“填表说明”", "年度总体目标：保留了 1 个模板占位行（“.....”，在 Sheet1!B6）",
		"年度主要任务：保留了 1 个模板占位行（“.....”，在 Sheet1!A13）", "绩效指标：保留了 1 个模板占位行（“.....”，在 Sheet1!C20）"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if !f.Options.Weight || f.Options.OtherFunds || f.Options.Scoring {
		t.Errorf("options %+v", f.Options)
	}
	in := f.Indicators
	if in[0].Level1 != "履职效能" || in[0].Weight != "10" || in[0].Value != "100%" || in[0].Formula != "总体工作完成率" {
		t.Errorf("indicator 1 %+v", in[0])
	}
	// the "....." row is kept, under the levels of the row above: 审核
	// asks the clerk to fill it in or delete it
	if in[1].Level1 != "履职效能" || in[1].Level2 != "整体工作完成" || in[1].Level3 != "....." || in[1].Value != "" {
		t.Errorf("indicator 2 (the placeholder row) %+v", in[1])
	}
	if in[2].Level1 != "履职效能" || in[2].Level2 != "整体工作完成" || in[2].Level3 != "牵头单位工作完成率" || in[2].Value != "≥95%" {
		t.Errorf("indicator 3 (levels carried down) %+v", in[2])
	}
	if in[3].Level3 != "成本控制成效" || in[3].Sub != "在职人员经费变动率" || in[3].Note != "说明文字" {
		t.Errorf("indicator 4 %+v", in[3])
	}
	if !slices.ContainsFunc(model.Check(f), func(fd model.Finding) bool {
		return fd.Loc.Part == model.PartIndicators && fd.Loc.Row == 1 && strings.Contains(fd.Message, "模板里的占位行（“.....”）")
	}) {
		t.Errorf("审核 does not ask for the placeholder row: %+v", model.Check(f))
	}
	if !strings.Contains(rep.String(), "Sheet1!D14：金额“abc”无法识别") {
		t.Errorf("report text:\n%s", rep.String())
	}
}

// TestImportRefused: files that are not forms, or too big, or zip bombs,
// give one Chinese message and nothing else; memory stays bounded.
func TestImportRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.xlsx")
	fh, _ := os.Create(big)
	fh.Truncate(MaxImportSize + 1)
	fh.Close()
	zipOf := func(name string, part string, size int) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		w, _ := zw.Create("[Content_Types].xml")
		w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
		w, _ = zw.Create(part)
		chunk := bytes.Repeat([]byte("<si><t>x</t></si>"), 4096)
		w.Write([]byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`))
		for n := 0; n < size; n += len(chunk) {
			w.Write(chunk)
		}
		zw.Close()
		return buf.Bytes()
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cases := []struct {
		name, path, want string
		code             string // model.ErrorCode: what the window and the command line act on
	}{
		{"missing", filepath.Join(dir, "nope.xlsx"), "找不到文件", model.ENOTFOUND},
		{"folder", dir, "是文件夹", model.EINVALID},
		{"empty", write("empty.xlsx", nil), "是空的", model.EINVALID},
		{"too big", big, "超过 20 MB", model.EINVALID},
		{"text", write("notes.txt", []byte("hello")), "无法识别", model.EINVALID},
		{"old xls", write("old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}), "另存为", model.EDAMAGED},
		{"broken zip", write("broken.xlsx", []byte("PK\x03\x04garbage")), "不是有效的 Excel", model.EINVALID},
		{"zip bomb", write("bomb.xlsx", zipOf("bomb", "xl/worksheets/sheet1.xml", 150<<20)), "为安全起见未导入", model.EINVALID},
		{"huge shared strings", write("sst.xlsx", zipOf("sst", "xl/sharedStrings.xml", 100<<20)), "为安全起见未导入", model.EINVALID},
		{"bad json", write("form.json", []byte(`{"format":"jixiao-form","version":1,"form":{"goals":3}}`)), "未导入", model.EINVALID},
		{"other json", write("x.json", []byte(`{"name":"x"}`)), "不是 jixiao 申报表数据", model.EINVALID},
		{"newer json", write("n.json", []byte(`{"format":"jixiao-form","version":2,"form":{}}`)), "请升级 jixiao", model.EUNSUPPORTED},
		{"xlsx without form", write("other.xlsx", otherWorkbook(t)), "找不到申报表", model.EINVALID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, rep, err := ImportFile(c.path, ImportOptions{})
			if err == nil || f != nil || rep != nil {
				t.Fatalf("imported: %v %v %v", f, rep, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q lacks %q", err, c.want)
			}
			if strings.ContainsAny(err.Error(), "\n") {
				t.Errorf("message is not one line: %q", err)
			}
			if got := model.ErrorCode(err); got != c.code {
				t.Errorf("code %q, want %q (%v)", got, c.code, err)
			}
			if c.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("errors.Is(err, fs.ErrNotExist) = false: %v", err)
			}
		})
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	// The bombs unpack to 250 MB; refusing them must not unpack them.
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 200<<20 {
		t.Errorf("allocated %d MB while refusing", grown>>20)
	}
}

func otherWorkbook(t testing.TB) []byte {
	xf := excelize.NewFile()
	defer xf.Close()
	xf.SetCellStr("Sheet1", "A1", "工资表")
	var buf bytes.Buffer
	if _, err := xf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportEditedExport: a clerk changes an amount of our exported file
// in Excel; the import takes the visible change and keeps the links.
func TestImportEditedExport(t *testing.T) {
	f := model.Sample()
	p := writeXLSXFile(t, f)
	xf, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(SheetName)
	var addr string
	for r, row := range rows {
		for c, v := range row {
			if v == "191.2176" && addr == "" {
				addr, _ = excelize.CoordinatesToCellName(c+1, r+1)
			}
		}
	}
	if err := xf.SetCellValue(SheetName, addr, 200); err != nil {
		t.Fatal(err)
	}
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	xf.Close()
	got, rep, err := ImportFile(p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rep.Notes, ""), "导出后被修改过") {
		t.Errorf("notes %q", rep.Notes)
	}
	found := false
	for ui, u := range got.Units {
		for ti, tk := range u.Tasks {
			if tk.Total.String() == "200" {
				found = true
				if want := f.Units[ui].Tasks[ti].Goals; len(want) == 0 || tk.Goals[0] != want[0] {
					t.Errorf("goal links lost: %v vs %v", tk.Goals, want)
				}
			}
		}
	}
	if !found || model.ComputeTotals(got).Total == model.ComputeTotals(f).Total {
		t.Error("edit not imported")
	}
}

// TestImportGoalsWithoutLabel: goals typed as 目标1：… lines without the
// 年度总体目标 label, and only an indicator table.
func TestImportGoalsWithoutLabel(t *testing.T) {
	xf := excelize.NewFile()
	defer xf.Close()
	for a, v := range map[string]string{
		"A1": "市级部门整体绩效目标申报表（2022年度）", "A2": "部门名称", "B2": "某局",
		"A3": "目标1：甲", "A4": "目标2:乙",
		"A6": "一级指标", "B6": "二级指标", "C6": "三级指标", "D6": "指标值",
		"A7": "履职效能", "B7": "部门目标实现", "C7": "年度工作目标实现率", "D7": "100%",
	} {
		xf.SetCellStr("Sheet1", a, v)
	}
	p := filepath.Join(t.TempDir(), "g.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportFile(p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Year != "2022" || f.Dept != "某局" || len(f.Goals) != 2 || f.Goals[1].Text != "乙" || len(f.Indicators) != 1 || len(f.Units) != 0 {
		t.Errorf("%+v\n%s", f, rep)
	}
}
