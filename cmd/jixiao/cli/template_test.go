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
)

// docsTemplate is the hand-written template file of docs/templates.md.
func docsTemplate(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "## Template files")
	if i < 0 {
		t.Fatal("docs/templates.md has no “Template files” section")
	}
	s = s[i:]
	start := strings.Index(s, "```json\n")
	end := strings.Index(s[start+8:], "```")
	p := filepath.Join(t.TempDir(), "某市表样.json")
	if err := os.WriteFile(p, []byte(s[start+8:start+8+end]), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTemplateCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	code, out, stderr := checkRun("template", "list", "--db", db)
	if code != 0 {
		t.Fatalf("list: %d %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || lines[0] != "zhengzhou  郑州 市级部门整体绩效目标申报表" || !strings.HasPrefix(lines[1], "hubei  湖北 部门整体支出绩效目标申报表") {
		t.Fatalf("list:\n%s", out)
	}
	code, out, _ = checkRun("template", "show", "hubei", "--db", db)
	for _, s := range []string{"编号：hubei　版本：1", "部门总体资金情况：收入构成 财政拨款、其他资金、合计；支出构成 基本支出、项目支出、合计", "占比 = 当年金额 ÷ 合计", "打印：A4 纵向"} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("show lacks %q:\n%s", s, out)
		}
	}

	// A bureau's hand-written file (the example of docs/templates.md).
	code, out, stderr = checkRun("template", "import", docsTemplate(t), "--db", db)
	if code != 0 || !strings.Contains(out, "已导入表样：xx-bureau  某市 部门整体绩效目标表（2022 修订）（第2版）") {
		t.Fatalf("import: %d %s %s", code, out, stderr)
	}
	_, out, _ = checkRun("template", "list", "--db", db)
	if !strings.HasSuffix(strings.TrimSpace(out), "xx-bureau  某市 部门整体绩效目标表（2022 修订）（第2版）") {
		t.Fatalf("list after import:\n%s", out)
	}
	code, out, stderr = checkRun("new", "--year", "2022", "--dept", "某市某局", "--template", "xx-bureau", "--db", db)
	if code != 0 || !strings.Contains(out, "（表样：某市 部门整体绩效目标表（2022 修订）（第2版）") {
		t.Fatalf("new: %d %s %s", code, out, stderr)
	}
	id := lastLine(out)
	code, out, _ = checkRun("check", "--draft", id, "--db", db)
	for _, s := range []string{"表样：某市 部门整体绩效目标表（2022 修订）（第2版）\n", "[错误] 基本信息 › 填报人：请填写填报人", "还没有填写部门总体资金情况", "[提示] 部门职能概述"} {
		if code != 1 || !strings.Contains(out, s) {
			t.Errorf("check of the new draft lacks %q (exit %d):\n%s", s, code, out)
		}
	}
	if strings.Contains(out, "年度主要任务") {
		t.Errorf("the template has no task table, check asks for one:\n%s", out)
	}
	dir := t.TempDir()
	xp, pp := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "a.pdf")
	code, out, stderr = checkRun("export", "--draft", id, "--xlsx", xp, "--pdf", pp, "--db", db)
	if code != 0 {
		t.Fatalf("export: %s %s", out, stderr)
	}
	xf, err := excelize.OpenFile(xp)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(export.SheetName)
	xf.Close()
	var flat strings.Builder
	for _, r := range rows {
		flat.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, s := range []string{"部门整体绩效目标表", "部门(单位)名称|某市某局", "填报人\n", "部门总体资金情况（万元）|类别|项目|当年金额|占比", "年度绩效目标", "计量单位"} {
		if !strings.Contains(flat.String(), s) {
			t.Errorf("xlsx lacks %q:\n%s", s, flat.String())
		}
	}
	ep := filepath.Join(dir, "out.json")
	if code, _, stderr = checkRun("template", "export", "xx-bureau", ep, "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(ep)
	if tp, err := model.ParseTemplate(data); err != nil || tp.ID != "xx-bureau" || tp.Version != 2 {
		t.Fatalf("exported template: %v %+v", err, tp)
	}
	// The draft remembers its template and version.
	code, _, _ = checkRun("export", "--draft", id, "--json", filepath.Join(dir, "a.json"), "--db", db)
	data, _ = os.ReadFile(filepath.Join(dir, "a.json"))
	if code != 0 || !strings.Contains(string(data), "\"id\": \"xx-bureau\",\n      \"version\": 2") {
		t.Errorf("json does not carry the template:\n%s", data)
	}
}

func TestTemplateImportRefusesBadFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := make([]byte, model.MaxTemplateFile+10)
	cases := []struct {
		path string
		want string
	}{
		{write("broken.json", `{"format":"jixiao-template","version":1,"template":{"id":`), "JSON 格式有误"},
		{write("form.json", `{"format":"jixiao-form","version":1,"form":{}}`), "不是 jixiao 表样文件"},
		{write("hostile.json", `{"format":"jixiao-template","version":1,"template":{"id":"zhengzhou","version":9,"name":"x","title":"x","sections":["indicators"],"indicatorColumns":[{"key":"level1","label":"一级指标"},{"key":"level2","label":"二级指标"},{"key":"level3","label":"三级指标"},{"key":"value","label":"指标值"}]}}`), "是内置表样的编号"},
		{write("huge.json", string(huge)), "超过 1024 KB"},
		{filepath.Join(dir, "missing.json"), "找不到文件"},
	}
	for _, tc := range cases {
		code, out, stderr := checkRun("template", "import", tc.path, "--db", db)
		if code != 1 || !strings.Contains(stderr, tc.want) || out != "" {
			t.Errorf("%s: exit %d, out %q, stderr %q, want %q", filepath.Base(tc.path), code, out, stderr, tc.want)
		}
	}
	_, out, _ := checkRun("template", "list", "--db", db)
	if n := len(strings.Split(strings.TrimSpace(out), "\n")); n != 4 {
		t.Errorf("a refused file changed the list:\n%s", out)
	}
	if code, _, stderr := checkRun("template", "show", "nope", "--db", db); code != 1 || !strings.Contains(stderr, "没有编号为“nope”的表样") {
		t.Errorf("show nope: %d %s", code, stderr)
	}
	if code, _, stderr := checkRun("new", "--year", "2022", "--dept", "x", "--template", "nope", "--db", db); code != 2 || !strings.Contains(stderr, "可用：zhengzhou、hubei、hunan、yitihua") {
		t.Errorf("new --template nope: %d %s", code, stderr)
	}
	if code, _, _ := checkRun("template", "--db", db); code != 2 {
		t.Errorf("template without a subcommand: exit %d", code)
	}
}

// TestCheckHubeiMistyped: a 湖北 form whose 项目支出 was mistyped in Excel
// after export: check names the cells and exits 1.
func TestCheckHubeiMistyped(t *testing.T) {
	f := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	var buf bytes.Buffer
	if err := export.WriteXLSX(&buf, f); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(export.SheetName)
	edited := false
	for r, row := range rows {
		for c, v := range row {
			if v == "项目支出" && !edited {
				cell, _ := excelize.CoordinatesToCellName(c+2, r+1)
				if err := xf.SetCellValue(export.SheetName, cell, 234.96); err != nil {
					t.Fatal(err)
				}
				edited = true
			}
		}
	}
	p := filepath.Join(t.TempDir(), "湖北.xlsx")
	if err := xf.SaveAs(p); err != nil || !edited {
		t.Fatal(err, edited)
	}
	xf.Close()
	code, out, _ := checkRun("check", "--in", p)
	for _, s := range []string{
		"表样：湖北 部门整体支出绩效目标申报表\n",
		"[错误] 部门总体资金情况 › 支出构成 › 合计 › 当年金额：支出构成各项加起来是 959.1918 万元，合计填的是 968.1918 万元",
		"[错误] 部门总体资金情况 › 支出构成 › 项目支出 › 占比：占比填的是 25.2%，按当年金额 234.96 ÷ 合计 968.1918 应为 24.3%",
	} {
		if code != 1 || !strings.Contains(out, s) {
			t.Errorf("check lacks %q (exit %d):\n%s", s, code, out)
		}
	}
	// As published, it passes.
	var ok bytes.Buffer
	if err := export.WriteJSON(&ok, f); err != nil {
		t.Fatal(err)
	}
	jp := filepath.Join(t.TempDir(), "湖北.json")
	if err := os.WriteFile(jp, ok.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := checkRun("check", "--in", jp); code != 0 || !strings.Contains(out, "部门总体资金情况：收入合计 968.1918 万元，支出合计 968.1918 万元") {
		t.Errorf("published figures: exit %d\n%s", code, out)
	}
}
