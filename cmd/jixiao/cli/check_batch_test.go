package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model"
)

// batchFolder is a department's folder of returned files: good forms in
// every format (ours and LibreOffice's), two versions of one form, a form
// with an error, a damaged file, a workbook that is not a form, a
// password-protected one, a zip bomb, a note and an office lock file (not
// forms), and a sub-folder. It returns the folder and the error form's
// bad cell (Sheet!A1 of its 财政资金 “1l5”).
func batchFolder(t *testing.T) (dir, badCell string) {
	t.Helper()
	dir = t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	older := testfiles.PassingForm("局机关")
	older.Meta.Updated = time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)
	newer := testfiles.PassingForm("局机关")
	newer.Goals[0].Text += "（修改）"
	newer.Meta.Updated = time.Date(2021, 3, 5, 16, 30, 0, 0, time.UTC)
	write("局机关.xlsx", xlsxOf(t, older))
	write("局机关（修改后）.xlsx", xlsxOf(t, newer))
	write("信息中心.et", withoutDataSheet(t, xlsxOf(t, testfiles.PassingForm("信息中心"))))
	docx, err := testfiles.DOCXFromXLSX(xlsxOf(t, testfiles.PassingForm("监测站")))
	if err != nil {
		t.Fatal(err)
	}
	write("监测站.docx", docx)
	var b bytes.Buffer
	if _, err := export.WritePDF(&b, testfiles.PassingForm("宣教中心")); err != nil {
		t.Fatal(err)
	}
	write("宣教中心.pdf", b.Bytes())
	b.Reset()
	if err := export.WriteJSON(&b, testfiles.PassingForm("固废中心")); err != nil {
		t.Fatal(err)
	}
	write("固废中心.json", b.Bytes())
	// .xls as LibreOffice writes it (the only writer of that format here).
	lo := t.TempDir()
	if err := os.WriteFile(filepath.Join(lo, "监察支队.xlsx"), xlsxOf(t, testfiles.PassingForm("监察支队")), 0o600); err != nil {
		t.Fatal(err)
	}
	testfiles.Convert(t, lo, "xls", filepath.Join(lo, "监察支队.xlsx"))
	xls, err := os.ReadFile(filepath.Join(lo, "监察支队.xls"))
	if err != nil {
		t.Fatal(err)
	}
	write("监察支队.xls", xls)

	// A clerk's own table with an amount typed wrong.
	bad := testfiles.PassingForm("环科院")
	bad.Units[1].Tasks[0].Fiscal = model.ParseAmount("1l5")
	badXLSX := withoutDataSheet(t, xlsxOf(t, bad))
	write("环科院.xlsx", badXLSX)
	xf, err := excelize.OpenReader(bytes.NewReader(badXLSX))
	if err != nil {
		t.Fatal(err)
	}
	cells, err := xf.SearchSheet(export.SheetName, "^1l5$", true)
	xf.Close()
	if err != nil || len(cells) != 1 {
		t.Fatalf("the bad amount is in %v (%v)", cells, err)
	}
	badCell = cells[0]

	ours := xlsxOf(t, model.Sample())
	write("损坏.xlsx", ours[:len(ours)/2])
	wrong, err := testfiles.WrongSheet()
	if err != nil {
		t.Fatal(err)
	}
	write("职工名单.xlsx", wrong)
	write("加密.xlsx", testfiles.EncryptedXLSX())
	bomb, err := testfiles.ZipBomb(1<<30, false)
	if err != nil {
		t.Fatal(err)
	}
	write("炸弹.xlsx", bomb)
	write("说明.txt", []byte("请各单位于3月10日前报送。"))
	write("~$局机关.xlsx", []byte("lock"))
	if err := os.Mkdir(filepath.Join(dir, "去年"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "去年", "旧表.json"), b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, badCell
}

// batchLines are the output's file lines by file name.
func batchLines(t *testing.T, out string) map[string]string {
	t.Helper()
	lines := map[string]string{}
	re := regexp.MustCompile(`^\[(通过|有错误|无法读取)\] (\S+) \|`)
	for _, l := range strings.Split(out, "\n") {
		if m := re.FindStringSubmatch(l); m != nil {
			lines[m[2]] = l
		}
	}
	return lines
}

// TestCheckBatchFolder: check --dir over a folder of returned files gives
// a line per file (the good ones in every format pass, the error is named
// by its cell, every unreadable file is one line with its reason, the
// older of two versions is flagged and the newer named), the total line
// and exit 1; --out and --replies write the summary workbook and the
// 审核意见, read back here with excelize and pdftotext.
func TestCheckBatchFolder(t *testing.T) {
	dir, badCell := batchFolder(t)
	outDir := t.TempDir()
	sum := filepath.Join(outDir, "审核汇总.xlsx")
	replies := filepath.Join(outDir, "审核意见")
	code, out, stderr := checkRun("check", "--dir", dir, "--out", sum, "--replies", replies)
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d (want 1: a file has errors, four cannot be read); stderr %q\n%s", code, stderr, out)
	}
	t.Log("\n" + out)
	lines := batchLines(t, out)
	for _, name := range []string{"局机关.xlsx", "局机关（修改后）.xlsx", "信息中心.et", "监测站.docx", "宣教中心.pdf", "固废中心.json", "监察支队.xls"} {
		l := lines[name]
		dept := strings.TrimSuffix(strings.TrimSuffix(name, filepath.Ext(name)), "（修改后）")
		if !strings.HasPrefix(l, "[通过] "+name+" | "+dept+" | 2020年度 | 表样 郑州 市级部门整体绩效目标申报表 | 合计 7898.5676 万元 | 错误 0 |") {
			t.Errorf("%s: %q", name, l)
		}
	}
	if l := lines["局机关.xlsx"]; !strings.Contains(l, "提示 1 | 重复，较新的是“局机关（修改后）.xlsx”") {
		t.Errorf("the older version: %q", l)
	}
	if l := lines["局机关（修改后）.xlsx"]; !strings.Contains(l, "提示 1 | 重复，这一份较新") {
		t.Errorf("the newer version: %q", l)
	}
	row := strings.TrimLeft(badCell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	wantErr := "[有错误] 环科院.xlsx | 环科院 | 2020年度 | 表样 郑州 市级部门整体绩效目标申报表 | 合计 7898.5676 万元（另有 1 个金额无法识别，未计入合计） | 错误 1 | 提示 0 | 第一个错误：工作表“绩效目标申报表”" +
		badCell + " 单元格（第" + row + "行，其中：财政资金）：金额“1l5”含有非数字字符“l”"
	if l := lines["环科院.xlsx"]; !strings.HasPrefix(l, wantErr) {
		t.Errorf("error form:\n got %q\nwant %q…", l, wantErr)
	}
	for name, why := range map[string]string{
		"损坏.xlsx":   "不是有效的 Excel（.xlsx）文件，可能已损坏",
		"职工名单.xlsx": "中找不到申报表",
		"加密.xlsx":   "是设置了打开密码的 Excel 文件",
		"炸弹.xlsx":   "为安全起见未导入",
	} {
		if l := lines[name]; !strings.HasPrefix(l, "[无法读取] "+name+" | ") || !strings.Contains(l, why) || strings.Count(out, name) < 1 {
			t.Errorf("%s: %q, want the reason %q", name, l, why)
		}
	}
	if len(lines) != 12 {
		t.Errorf("%d file lines, want 12 (not the note, the lock file or the sub-folder)", len(lines))
	}
	for _, want := range []string{
		"（文件夹中另有 1 个文件不是申报表的格式，没有审核",
		"共 12 个文件：通过 7 个，有错误 1 个，无法读取 4 个；错误 1 个，提示 2 条；同一部门同一年度的重复文件 1 组。\n",
		"重复：“局机关.xlsx”“局机关（修改后）.xlsx”是同一部门、同一年度（局机关 2020年度）的申报表，较新的是“局机关（修改后）.xlsx”（按本程序记录的修改时间：“局机关（修改后）.xlsx”是 " +
			time.Date(2021, 3, 5, 16, 30, 0, 0, time.UTC).Local().Format("2006-01-02 15:04") + "，最晚）",
		"已写出审核汇总：" + sum,
		"已写出审核意见 7 份（每份一个 PDF 和一个 Excel 文件）：" + replies,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	checkSummaryWorkbook(t, sum, badCell)
	checkReplies(t, replies, badCell)

	// --recursive takes the sub-folder too.
	code, out, _ = checkRun("check", "--dir", dir, "--recursive")
	if code != 1 || !strings.Contains(out, "] 旧表.json |") || !strings.Contains(out, "共 13 个文件") {
		t.Errorf("--recursive: exit %d\n%s", code, out)
	}
}

// checkSummaryWorkbook reads the 审核汇总 back: a row per file under a
// filter, the failing rows red, a sheet per file with its findings.
func checkSummaryWorkbook(t *testing.T, path, badCell string) {
	t.Helper()
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, err := xf.GetRows(export.ReviewSummarySheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4+12 || rows[3][1] != "文件" || rows[3][9] != "结论" {
		t.Fatalf("summary: %d rows, header %q", len(rows), rows[min(3, len(rows)-1)])
	}
	red := 0
	var names []string
	for i, r := range rows[4:] {
		names = append(names, r[1])
		cell := "J" + strconv.Itoa(5+i)
		id, _ := xf.GetCellStyle(export.ReviewSummarySheet, cell)
		st, _ := xf.GetStyle(id)
		isRed := st != nil && len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FFC7CE"
		if isRed != (r[9] != "通过") {
			t.Errorf("row %d (%s, %s): red %v", 5+i, r[1], r[9], isRed)
		}
		if isRed {
			red++
		}
		if r[1] == "环科院.xlsx" && (r[7] != "1" || !strings.Contains(r[11], badCell)) {
			t.Errorf("error row: %q", r)
		}
		if r[1] == "局机关.xlsx" && !strings.Contains(r[10], "较新的是“局机关（修改后）.xlsx”") {
			t.Errorf("duplicate row: %q", r)
		}
	}
	if red != 5 || !sort.StringsAreSorted(names) {
		t.Errorf("%d red rows, want 5; files in order %v", red, names)
	}
	// Sortable: the header row has a filter over the rows.
	names2 := xf.GetDefinedName()
	filtered := false
	for _, n := range names2 {
		filtered = filtered || n.Name == "_xlnm._FilterDatabase" && strings.Contains(n.RefersTo, "$A$4:$L$16")
	}
	if !filtered {
		t.Errorf("no filter on A4:L16: %+v", names2)
	}
	sheets := xf.GetSheetList()
	if len(sheets) != 13 {
		t.Fatalf("sheets %q", sheets)
	}
	for _, sh := range sheets {
		if !strings.Contains(sh, "环科院") {
			continue
		}
		rows, _ := xf.GetRows(sh)
		found := false
		for _, r := range rows {
			found = found || len(r) >= 5 && r[1] == "错误" && strings.HasPrefix(r[2], "工作表“绩效目标申报表”"+badCell+" 单元格") &&
				strings.Contains(r[3], "年度主要任务 › ") && strings.Contains(r[4], "含有非数字字符")
		}
		if !found {
			t.Errorf("sheet %s lacks the error:\n%q", sh, rows)
		}
		return
	}
	t.Error("no sheet for 环科院.xlsx")
}

// checkReplies reads the 审核意见 back: one PDF and one xlsx for each
// file with findings or that could not be read, none for a clean one; the
// error form's names its department, the file, the cell and the fix.
func checkReplies(t *testing.T, dir, badCell string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	sort.Strings(got)
	want := []string{}
	for _, n := range []string{"加密", "局机关", "局机关（修改后）", "损坏", "炸弹", "环科院", "职工名单"} {
		want = append(want, n+"_审核意见.pdf", n+"_审核意见.xlsx")
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("replies:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	pdftotext := testtool.Need(t, "poppler-utils", "pdftotext")
	text, err := exec.Command(pdftotext, "-raw", filepath.Join(dir, "环科院_审核意见.pdf"), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, w := range []string{"审核意见", "文件：环科院.xlsx", "部门：环科院", "年度：2020", "未通过", "工作表“绩效目标申报表”" + badCell + "单元格", "金额“1l5”含有非数字字符“l”", "第1页共1页"} {
		if !strings.Contains(flat, w) {
			t.Errorf("reply PDF lacks %q:\n%s", w, text)
		}
	}
	xf, err := excelize.OpenFile(filepath.Join(dir, "环科院_审核意见.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, _ := xf.GetRows("审核意见")
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	for _, w := range []string{"文件：环科院.xlsx", "部门：环科院　年度：2020", "1|错误|工作表“绩效目标申报表”" + badCell + " 单元格（第", "金额“1l5”含有非数字字符“l”"} {
		if !strings.Contains(all, w) {
			t.Errorf("reply xlsx lacks %q:\n%s", w, all)
		}
	}
	// A file that could not be read gets its reason back.
	text, _ = exec.Command(pdftotext, "-raw", filepath.Join(dir, "损坏_审核意见.pdf"), "-").CombinedOutput()
	if flat := strings.Join(strings.Fields(string(text)), ""); !strings.Contains(flat, "文件无法读取") || !strings.Contains(flat, "请改正后重新发送") {
		t.Errorf("damaged file's reply:\n%s", text)
	}
}

// TestCheckBatchFiles: several --in are each checked, in their order (the
// last used to replace the others silently); one --in that cannot be read
// is exit 1 with its reason, not a misuse.
func TestCheckBatchFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "甲.json"), filepath.Join(dir, "乙.xlsx")
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, testfiles.PassingForm("甲单位")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, xlsxOf(t, model.Sample()), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := checkRun("check", "--in", b, "--in", a)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 3 || !strings.HasPrefix(lines[0], "[有错误] 乙.xlsx | 郑州市生态环境局 | 2020年度 |") ||
		!strings.Contains(lines[0], "错误 18 | 提示 3 |") || !strings.HasPrefix(lines[1], "[通过] 甲.json | 甲单位 |") ||
		lines[2] != "共 2 个文件：通过 1 个，有错误 1 个，无法读取 0 个；错误 18 个，提示 3 条。" {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = checkRun("check", "--in", a, "--in", a)
	if code != 0 || !strings.Contains(out, "共 1 个文件：通过 1 个") {
		t.Errorf("the same file twice is checked once: exit %d\n%s", code, out)
	}
	missing := filepath.Join(dir, "没有这个文件.xlsx")
	for _, args := range [][]string{{"check", "--in", missing}, {"check", "--in", a, "--in", missing}} {
		code, out, stderr := checkRun(args...)
		if code != 1 || !strings.Contains(out+stderr, "找不到文件") || strings.Contains(stderr, "用法") {
			t.Errorf("%v: exit %d, want 1 with the reason and no usage\n%s%s", args, code, out, stderr)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--recursive", "--in", a}, "--recursive 要和 --dir"},
		{[]string{"check", "--in", a, "--out", filepath.Join(dir, "汇总.pdf")}, "--out 应为 .xlsx 文件"},
		{[]string{"check", "--sample", "--dir", dir}, "--sample 和 --draft 只审核一份"},
		{[]string{"check", "--dir", dir, "--out", "a.xlsx", "--out", "b.xlsx"}, "选项 --out 给了两次"},
		{[]string{"check", "--dir", dir, "--dir", dir}, "选项 --dir 给了两次"},
	} {
		code, _, stderr := checkRun(tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	empty := t.TempDir()
	if code, _, stderr := checkRun("check", "--dir", empty); code != 1 || !strings.Contains(stderr, "中没有可以审核的文件") {
		t.Errorf("empty folder: exit %d %q", code, stderr)
	}
}
