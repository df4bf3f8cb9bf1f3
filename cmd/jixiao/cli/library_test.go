package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model/library"
)

func TestLibraryCommand(t *testing.T) {
	db := tempDB(t)
	// No drafts file yet: the built-in library, and the file is not created.
	out := mustRun(t, "library", "--db", db, "yszxl")
	first := strings.Split(strings.TrimRight(out, "\n"), "\n")[0]
	if first != "管理效率/预算管理/预算执行率\t≥98%\t"+library.SourceSeed {
		t.Errorf("first line %q", first)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("library created the drafts file")
	}
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if len(strings.Split(line, "\t")) < 3 || strings.Count(strings.Split(line, "\t")[0], "/") < 2 {
			t.Errorf("line %q is not 一级/二级/三级, 指标值, 来源", line)
		}
	}
	// Several words, a source, 一级/二级 and a Sub.
	out = mustRun(t, "library", "--db", db, "控制率", "--source", library.SourceDept53)
	if strings.TrimSpace(out) != "投入/预算配置/在职人员控制率\t≤100%\t"+library.SourceDept53 {
		t.Errorf("--source: %q", out)
	}
	out = mustRun(t, "library", "--db", db, "三公")
	if !strings.Contains(out, "管理效率/运行成本/成本控制成效/“三公经费”变动率\t（未定）\t"+library.SourceSeed) {
		t.Errorf("Sub: %q", out)
	}
	out = mustRun(t, "library", "--db", db, "--level1", "产出指标", "--level2", "时效指标")
	if n := strings.Count(out, "\n"); n != 2 || strings.Contains(out, "数量指标") {
		t.Errorf("--level1/--level2: %q", out)
	}
	out = mustRun(t, "library", "--db", db, "--sources")
	if !strings.Contains(out, library.SourceProj53+"\t5\n") || !strings.HasPrefix(out, library.SourceSeed+"\t40\n") {
		t.Errorf("--sources: %q", out)
	}

	// 我的指标: a draft of another year with its 指标值, most recent first.
	id := lastLine(mustRun(t, "sample", "--db", db))
	mustRun(t, "carry", "--db", db, "--draft", id, "--year", "2021")
	out = mustRun(t, "library", "--db", db, "预算执行率", "--source", library.SourceMine)
	if !strings.Contains(out, "管理效率/预算管理/预算执行率\t≥98%\t我的指标\t用过：2021年度 ≥98%；2020年度 ≥98%") {
		t.Errorf("我的指标: %q", out)
	}

	// A bureau's library file.
	dir := t.TempDir()
	file := filepath.Join(dir, "局.json")
	if err := os.WriteFile(file, []byte(`{"format": "jixiao-library", "version": 1, "name": "某某局常用指标",
 "entries": [{"level1": "产出指标", "level2": "数量指标", "level3": "环境执法检查次数", "value": "≥1200次", "unit": "次"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, "library", "--db", db, "--import", file)
	if !strings.Contains(out, "已导入指标库“某某局常用指标”：1 条指标") {
		t.Errorf("--import: %q", out)
	}
	out = mustRun(t, "library", "--db", db, "hjzf")
	if strings.TrimSpace(out) != "产出指标/数量指标/环境执法检查次数\t≥1200次\t某某局常用指标" {
		t.Errorf("imported entry: %q", out)
	}

	// Refusals and misuse.
	bad := filepath.Join(dir, "坏.json")
	if err := os.WriteFile(bad, []byte("{\"format\": \"jixiao-library\",\n \"entries\": [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"library", "--db", db, "没有这种指标"}, 1, "没有与“没有这种指标”相符的指标"},
		{[]string{"library", "--db", db, "--source", "不存在"}, 1, "没有名为“不存在”的来源"},
		{[]string{"library", "--db", db, "--import", bad}, 1, "“坏.json”没有导入：指标库文件不完整"},
		{[]string{"library", "--db", db, "--import", filepath.Join(dir, "无.json")}, 1, "找不到文件"},
		{[]string{"library", "--db", db, "--import", file, "执行率"}, 2, "--import 不能和查询一起用"},
		{[]string{"library", "--db", db, "--bogus"}, 2, "不认识的选项"},
	} {
		code, out, errOut := draftsRun(tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.msg) {
			t.Errorf("jixiao %s: exit %d %q, want %d %q", strings.Join(tc.args, " "), code, out+errOut, tc.code, tc.msg)
		}
	}
	// A kept library file damaged by hand is reported; the search still works.
	if err := os.WriteFile(filepath.Join(filepath.Dir(db), "指标库", "手改.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := draftsRun("library", "--db", db, "yszxl")
	if code != 0 || !strings.Contains(errOut, "手改.json") || !strings.Contains(out, "预算执行率") {
		t.Errorf("damaged kept file: %d %q %q", code, out, errOut)
	}
}
