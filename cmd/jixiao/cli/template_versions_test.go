package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/store"
)

// Versions never mix in the drafts file: a template file with the id and
// version of one stored already but another content is refused (the
// stored one, and the drafts made with it, stay as they were) or, asked
// for, stored as the next version; `template list` shows each id once,
// with its other versions; `new --template ID@VERSION` makes a draft of an
// older version.
func TestTemplateVersionsNeverMix(t *testing.T) {
	db := tempDB(t)
	v1, v2 := testfiles.BureauTemplate(1), testfiles.BureauTemplate(2)
	for _, tp := range []*model.Template{v1, v2} {
		mustRun(t, "template", "import", writeTemplate(t, tp), "--db", db)
	}
	out := mustRun(t, "template", "import", writeTemplate(t, v2), "--db", db)
	if !strings.Contains(out, "表样 xx-bureau 第2版已经导入过，内容相同，没有改动") {
		t.Errorf("the same file again:\n%s", out)
	}
	id := lastLine(mustRun(t, "new", "--year", "2022", "--dept", "某局", "--template", "xx-bureau@2", "--db", db))

	other := v2.Clone()
	other.Title = "某市部门整体绩效目标表（另一稿）"
	otherFile := writeTemplate(t, other)
	code, out, stderr := checkRun("template", "import", otherFile, "--db", db)
	if code != 1 || out != "" || !strings.Contains(stderr, "本机已有表样“xx-bureau”（某市 部门整体绩效目标表）第2版，内容与要导入的不同") || !strings.Contains(stderr, "改为 3") {
		t.Fatalf("other content at version 2: exit %d %q %q", code, out, stderr)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ts, _, _ := s.Templates()
	f, err := s.Load(id)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := model.TemplateVersion(f.Template, ts); got == nil || got.Title != v2.Title {
		t.Fatalf("the draft's version 2 changed: %+v", got)
	}
	// exported, the draft keeps its version 2's title
	x := filepath.Join(t.TempDir(), "a.xlsx")
	mustRun(t, "export", "--draft", id, "--xlsx", x, "--db", db)
	xf, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	title, _ := xf.GetCellValue(export.SheetName, "A1")
	xf.Close()
	if title != v2.Title {
		t.Errorf("title %q, want %q", title, v2.Title)
	}

	out = mustRun(t, "template", "import", "--as-new-version", otherFile, "--db", db)
	if !strings.Contains(out, "本机的第2版内容不同，已把这个文件作为第3版导入") {
		t.Errorf("--as-new-version:\n%s", out)
	}
	// the hint names this draft, not “草稿编号”
	_, out, _ = checkRun("check", "--draft", id, "--db", db)
	if !strings.Contains(out, "（本机有第3版；迁移请用 jixiao template migrate --draft "+id+"）") {
		t.Errorf("check's 表样 line:\n%s", out)
	}
	out = mustRun(t, "template", "list", "--db", db)
	if n := strings.Count(out, "xx-bureau"); n != 2 || !strings.Contains(out, "xx-bureau  某市 部门整体绩效目标表（第3版）；本机另有第1版、第2版（新建可用 --template xx-bureau@版本）") {
		t.Errorf("list shows the id %d times:\n%s", n, out)
	}

	// new --template ID@VERSION
	out = mustRun(t, "new", "--year", "2022", "--dept", "某局", "--template", "xx-bureau@1", "--db", db)
	s, _ = store.Open(db)
	f, err = s.Load(lastLine(out))
	s.Close()
	if err != nil || f.Template.Version != 1 || model.TemplateHash(model.TemplateVersion(f.Template, ts)) != model.TemplateHash(v1) {
		t.Fatalf("new @1: %+v %v", f.Template, err)
	}
	for _, c := range []struct{ ref, want string }{
		{"xx-bureau@7", "本机没有表样“xx-bureau”的第7版（有：第1版、第2版、第3版）"},
		{"xx-bureau@x", "表样的版本“x”不对"},
	} {
		code, _, stderr = checkRun("new", "--year", "2022", "--dept", "某局", "--template", c.ref, "--db", db)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("new --template %s: exit %d %s", c.ref, code, stderr)
		}
	}
	out = mustRun(t, "template", "show", "xx-bureau@1", "--db", db)
	if !strings.Contains(out, "版本：1") {
		t.Errorf("show @1:\n%s", out)
	}
}

// A JSON form that leaves out "options" (format.md allows it) still has
// its template's columns: 权重, 指标性质, 度量单位 and 指标方向性 of the
// 一体化 form are checked (weights of 90, “定性x”) and printed.
func TestJSONWithoutOptionsKeepsTheTemplatesColumns(t *testing.T) {
	tp := model.BuiltinTemplate(model.NationalTemplateID)
	f := model.TemplateExample(tp)
	f.Indicators[0].Weight = "20" // the weights add up to 90
	f.Indicators[3].Nature = "定性x"
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	if err := json.Unmarshal(buf.Bytes(), &env); err != nil {
		t.Fatal(err)
	}
	delete(env["form"].(map[string]any), "options")
	b, _ := json.Marshal(env)
	p := filepath.Join(t.TempDir(), "no-options.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := checkRun("check", "--in", p)
	for _, want := range []string{"年度绩效指标 › 权重：各指标权重加起来是 90，应为 100", "指标性质“定性x”无法识别"} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("check (exit %d %s) lacks %q:\n%s", code, stderr, want, out)
		}
	}
	x := filepath.Join(t.TempDir(), "a.xlsx")
	mustRun(t, "export", "--in", p, "--xlsx", x)
	xf, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(export.SheetName)
	xf.Close()
	found := false
	for _, r := range rows {
		if strings.Join(r, "|") == strings.Join([]string{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "指标解释", "指标说明"}, "|") {
			found = true
		}
	}
	if !found {
		t.Errorf("the xlsx has no header row with the template's columns:\n%q", rows)
	}
}
