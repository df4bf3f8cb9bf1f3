package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func filesRun(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &cli{stdout: &out, stderr: &errb, stdin: strings.NewReader("")})
	return code, out.String(), errb.String()
}

func TestExportSampleAllFormats(t *testing.T) {
	dir := t.TempDir()
	x, p, j := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.json")
	code, out, stderr := filesRun("export", "--sample", "--xlsx", x, "--pdf", p, "--json", j)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"已导出 Excel：" + x + "\n", "已导出 PDF（", "页）：" + p + "\n", "已导出 JSON：" + j + "\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "□") {
		t.Errorf("sample reported missing characters:\n%s", out)
	}
	for _, path := range []string{x, j} {
		f, _, err := export.ImportFile(path, export.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		want := model.Sample()
		f.Meta.Origin = want.Meta.Origin
		export.WriteJSON(&a, want)
		export.WriteJSON(&b, f)
		if a.String() != b.String() {
			t.Errorf("%s does not give the sample back", path)
		}
	}
	if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	// no temporary files left behind
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("files in folder: %v", entries)
	}
}

func TestExportDefaultName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, stderr := filesRun("export", "--sample")
	name := "郑州市生态环境局_2020年度_绩效目标申报表.xlsx"
	// the sample has errors: the output says so after the file's name
	if code != 0 || !strings.HasPrefix(out, "已导出 Excel："+name+"\n注意：申报表未通过审核（") {
		t.Fatalf("exit %d: %q %q", code, out, stderr)
	}
	xf, err := excelize.OpenFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if v, _ := xf.GetCellValue(export.SheetName, "B3"); v != "郑州市生态环境局" {
		t.Errorf("B3 %q", v)
	}
}

func TestExportMissingCharacters(t *testing.T) {
	dir := t.TempDir()
	f := model.Sample()
	f.Dept = "测试≒局"
	in := filepath.Join(dir, "in.json")
	var b bytes.Buffer
	export.WriteJSON(&b, f)
	os.WriteFile(in, b.Bytes(), 0o600)
	code, out, stderr := filesRun("export", "--in", in, "--pdf", filepath.Join(dir, "o.pdf"))
	if code != 0 || !strings.Contains(out, "内置字体中没有这些字符，PDF 中以 □ 代替：“≒”(U+2252)") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("not a workbook"), 0o600)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "请在 --sample、--draft 编号、--in 文件 中选择一个"},
		{[]string{"export", "--sample", "--in", bad}, 2, "请在 --sample"},
		{[]string{"export", "--sample", "extra"}, 2, "多了：extra"},
		{[]string{"export", "--sample", "--xlsx", "a.x", "--pdf", "a.x"}, 2, "指定了同一个文件"},
		{[]string{"export", "--in", bad}, 1, "无法识别“bad.xlsx”的格式"},
		{[]string{"export", "--in", filepath.Join(dir, "none.json")}, 1, "找不到文件"},
		{[]string{"export", "--sample", "--xlsx", filepath.Join(dir, "no", "such", "a.xlsx")}, 1, "不存在"},
		{[]string{"export", "--sample", "--pdf", dir}, 1, "是一个文件夹"},
		{[]string{"import"}, 2, "请给出要导入的文件"},
		{[]string{"import", "a", "b"}, 2, "一次只能导入一个文件"},
	}
	for _, c := range cases {
		code, out, stderr := filesRun(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %d %q", c.args, code, stderr, c.code, c.want)
		}
		if out != "" {
			t.Errorf("%v: stdout %q", c.args, out)
		}
	}
}

func TestImportAddsDraft(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	x := filepath.Join(dir, "表.xlsx")
	if code, _, stderr := filesRun("export", "--sample", "--xlsx", x); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := filesRun("import", x, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	id := lines[len(lines)-1]
	if !strings.Contains(out, "已识别：年度总体目标 34 条，任务单位 8 个，主要任务 34 项，绩效指标 49 行。") || id == "" || strings.ContainsAny(id, " ：") {
		t.Fatalf("output:\n%s", out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.Load(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if f.Dept != "郑州市生态环境局" || model.ComputeTotals(f).Total != model.ComputeTotals(model.Sample()).Total || f.Meta.Origin != "导入自 表.xlsx" {
		t.Errorf("imported draft %q %v %q", f.Dept, model.ComputeTotals(f).Total, f.Meta.Origin)
	}
	// export --draft of the imported draft
	j := filepath.Join(dir, "d.json")
	if code, _, stderr := filesRun("export", "--draft", id, "--db", db, "--json", j); code != 0 {
		t.Fatal(stderr)
	}
	// A file that cannot be read: one message, exit 1, drafts file unchanged.
	before, _ := os.ReadFile(db)
	bad := filepath.Join(dir, "坏.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 broken"), 0o600)
	code, out, stderr = filesRun("import", bad, "--db", db)
	if code != 1 || out != "" || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "坏.xlsx") {
		t.Errorf("exit %d, out %q, stderr %q", code, out, stderr)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("drafts file changed by a failed import")
	}
	// and a failed import into a new drafts file does not create it
	nodb := filepath.Join(dir, "new.db")
	if code, _, _ := filesRun("import", bad, "--db", nodb); code != 1 {
		t.Error("bad import succeeded")
	}
	if _, err := os.Stat(nodb); !os.IsNotExist(err) {
		t.Error("drafts file created by a failed import")
	}
}

// TestImportClerkFile: a clerk's workbook with a bad amount is imported;
// the report names the cell, and the id is the last line.
func TestImportClerkFile(t *testing.T) {
	dir := t.TempDir()
	xf := excelize.NewFile()
	for a, v := range map[string]any{
		"A1": "（2021年度）", "A2": "部门名称", "B2": "某局",
		"A3": "任务名称", "B3": "主要内容", "C3": "预算资金",
		"A4": "机关", "B4": "甲", "C4": "1,273.30",
		"B5": "乙", "C5": "十万",
	} {
		xf.SetCellValue("Sheet1", a, v)
	}
	p := filepath.Join(dir, "clerk.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	xf.Close()
	code, out, stderr := filesRun("import", "--db", filepath.Join(dir, "d.db"), p)
	if code != 0 {
		t.Fatalf("exit %d %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !strings.Contains(out, "任务单位 1 个，主要任务 2 项") || !strings.Contains(out, "Sheet1!C5：金额“十万”无法识别") ||
		!strings.Contains(out, "已导入为新草稿（某局 2021年度），编号：") || strings.TrimSpace(lines[len(lines)-1]) == "" || strings.Contains(lines[len(lines)-1], " ") {
		t.Errorf("output:\n%s", out)
	}
}
