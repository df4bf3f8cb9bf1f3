package cli

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// TestStageRoundTrip is the year on the command line: the sample goes to
// 运行监控 and then 年度自评, its empty 自评表 is exported, filled with a
// spreadsheet library as a clerk would in Excel/WPS (the worked example's
// values, model.SampleEvalValues), imported back with --into, and check
// prints the 总分 computed by hand in model's TestSampleEvalByHand:
// 预算执行率 9.92 + 指标 83.10 = 93.02, 优.
func TestStageRoundTrip(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	id := lastLine(mustRun(t, "sample", "--db", db))

	// Usage errors (exit 2) and refusals (exit 1).
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"stage", "--db", db, "监控"}, 2, "请用 --draft"},
		{[]string{"stage", "--db", db, "--draft", id, "监控"}, 2, "请用 --month"},
		{[]string{"stage", "--db", db, "--draft", id, "结算"}, 2, "无法识别"},
		{[]string{"stage", "--db", db, "--draft", id, "监控", "--month", "13"}, 1, "1到12之间"},
		{[]string{"export", "--db", db, "--draft", id, "--stage", "决算"}, 2, "--stage 应为"},
		{[]string{"export", "--db", db, "--draft", id, "--stage", "自评", "--xlsx", filepath.Join(dir, "x.xlsx")}, 1, "还没有进入年度自评阶段"},
	} {
		code, out, errOut := draftsRun(tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.msg) {
			t.Errorf("jixiao %s: exit %d %q, want %d %q", strings.Join(tc.args, " "), code, out+errOut, tc.code, tc.msg)
		}
	}

	out := mustRun(t, "stage", "--db", db, "--draft", id, "监控", "--month", "6")
	if !strings.Contains(out, "申报 → 运行监控（截至6月）") {
		t.Errorf("stage: %s", out)
	}
	mon := filepath.Join(dir, "监控.xlsx")
	mustRun(t, "export", "--db", db, "--draft", id, "--stage", "监控", "--xlsx", mon, "--pdf", filepath.Join(dir, "监控.pdf"))
	out = mustRun(t, "stage", "--db", db, "--draft", id, "自评")
	if !strings.Contains(out, "运行监控（截至6月） → 年度自评") {
		t.Errorf("stage: %s", out)
	}
	out = mustRun(t, "stage", "--db", db, "--draft", id)
	if !strings.Contains(out, "当前阶段：年度自评") || strings.Count(out, "→") != 2 {
		t.Errorf("stage log: %s", out)
	}
	// The history shows the stage changes.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := st.Revisions(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var sums []string
	for _, r := range revs {
		sums = append(sums, r.Summary)
	}
	if all := strings.Join(sums, "|"); !strings.Contains(all, "阶段 申报→运行监控（截至6月）") || !strings.Contains(all, "阶段 运行监控（截至6月）→年度自评") {
		t.Errorf("history: %s", all)
	}

	// The 监控表 cannot be imported as a new draft: the answer names the
	// draft it belongs to, then the other drafts of its 部门 and 年度, or
	// says that there is none (nor is a draft made).
	code, _, errOut := draftsRun("import", mon, "--db", db)
	if code != 1 || !strings.Contains(errOut, "“监控.xlsx”是本程序导出的运行监控表（截至6月）（郑州市生态环境局 2020年度），不能导入为新草稿；它属于草稿 "+id+"，请用 jixiao import "+mon+" --into "+id+" 把数值导回") {
		t.Errorf("plain import of a 监控表: %d %s", code, errOut)
	}
	twin := lastLine(mustRun(t, "sample", "--db", db))
	code, _, errOut = draftsRun("import", mon, "--db", db)
	if code != 1 || !strings.Contains(errOut, "“郑州市生态环境局 2020年度”的草稿有 ") || !strings.Contains(errOut, id) || !strings.Contains(errOut, twin) {
		t.Errorf("plain import of a 监控表 with two drafts: %d %s", code, errOut)
	}
	mustRun(t, "delete", "--db", db, "--draft", twin)
	mustRun(t, "delete", "--db", db, "--draft", id)
	code, _, errOut = draftsRun("import", mon, "--db", db)
	if code != 1 || !strings.Contains(errOut, "草稿中没有“郑州市生态环境局 2020年度”的草稿") {
		t.Errorf("plain import of a 监控表 without its draft: %d %s", code, errOut)
	}
	mustRun(t, "restore", "--db", db, "--draft", id)
	if out := mustRun(t, "list", "--db", db); strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, id) {
		t.Errorf("drafts after the plain imports:\n%s", out)
	}

	// Formula inputs are typed in the program, not on the sheet: put them
	// into the draft the way the editor would.
	st, _ = store.Open(db)
	f, _ := st.Load(id)
	full := model.SampleEval(f.Meta.Created)
	for r := range f.Indicators {
		f.Indicators[r].Inputs = full.Indicators[r].Inputs
	}
	if err := st.Save(id, f); err != nil {
		t.Fatal(err)
	}
	st.Close()

	xlsx := filepath.Join(dir, "自评.xlsx")
	out = mustRun(t, "export", "--db", db, "--draft", id, "--stage", "自评", "--xlsx", xlsx)
	// The 自评表 is judged by its own findings (the empty 自评 values).
	if v := model.JudgeTable(model.Check(f), model.StageEval); v.Errors == 0 ||
		!strings.Contains(out, "注意：自评表"+v.Mark()+"，导出的文件每页页眉都标有“未通过审核”") {
		t.Errorf("export of an unfilled 自评表 (%d errors):\n%s", v.Errors, out)
	}
	fillEval(t, xlsx, f)
	out = mustRun(t, "import", xlsx, "--into", id, "--db", db)
	if !strings.Contains(out, "读取 102 处改动") || !strings.Contains(out, "政府采购执行率 实际完成值：（空） → 93%") ||
		!strings.Contains(out, "总分 93.02 等级 优") {
		t.Errorf("import --into:\n%s", out)
	}
	code, out, _ = draftsRun("check", "--db", db, "--draft", id)
	if !strings.Contains(out, "\n总分 93.02 等级 优\n") {
		t.Errorf("check (exit %d):\n%s", code, out)
	}
	if strings.Contains(out, "偏差原因分析") || strings.Contains(out, "实际完成值") {
		t.Errorf("check still asks for 自评 values:\n%s", out)
	}
	// Nothing but the values changed: the declared 指标值 is as before.
	st, _ = store.Open(db)
	g, _ := st.Load(id)
	st.Close()
	for r := range g.Indicators {
		if g.Indicators[r].Value != f.Indicators[r].Value || g.Indicators[r].Explain != f.Indicators[r].Explain {
			t.Errorf("row %d changed", r)
		}
	}
	// A second import of the same file changes nothing.
	out = mustRun(t, "import", xlsx, "--into", id, "--db", db)
	if !strings.Contains(out, "未改动") {
		t.Errorf("second import: %s", out)
	}
	pdf := filepath.Join(dir, "自评.pdf")
	out = mustRun(t, "export", "--db", db, "--draft", id, "--stage", "自评", "--pdf", pdf, "--json", filepath.Join(dir, "all.json"))
	if !strings.Contains(out, "已导出 自评表（PDF") || !strings.Contains(out, "含全部阶段") {
		t.Errorf("export: %s", out)
	}
}

// fillEval fills the exported 自评表 at path with the worked example's
// values, finding each row by its name and each column by its header, and
// saves it.
func fillEval(t *testing.T, path string, f *model.Form) {
	t.Helper()
	xf, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	// cellOf finds, on sheet, the row whose column keyHead ends with name
	// and returns its cell under head.
	cellOf := func(sheet, keyHead, name, head string) string {
		rows, err := xf.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := map[string]int{}
		for i, r := range rows {
			if len(cols) == 0 && slices.Contains(r, keyHead) {
				for c, v := range r {
					cols[v] = c + 1
				}
				continue
			}
			if k := cols[keyHead]; k > 0 && len(r) >= k && (r[k-1] == name || strings.HasSuffix(r[k-1], "："+name)) {
				a, _ := excelize.CoordinatesToCellName(cols[head], i+1)
				return a
			}
		}
		t.Fatalf("no row %q on %s", name, sheet)
		return ""
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	sh := export.IndicatorSheetName
	for _, v := range model.SampleEvalValues {
		if v.Actual != "" {
			_ = xf.SetCellValue(sh, cellOf(sh, "三级指标", v.Name, "实际完成值"), v.Actual)
		}
		_ = xf.SetCellFloat(sh, cellOf(sh, "三级指标", v.Name, "分值"), num(v.Weight), -1, 64)
		if v.Analysis != "" {
			_ = xf.SetCellValue(sh, cellOf(sh, "三级指标", v.Name, "偏差原因分析及改进措施"), v.Analysis)
		}
	}
	for _, u := range f.Units {
		for _, tk := range u.Tasks {
			val := tk.Total.String()
			if tk.Content == "办公大楼改造" {
				val = model.SampleEvalExecuted
			}
			_ = xf.SetCellFloat(export.TaskSheetName, cellOf(export.TaskSheetName, "主要内容", tk.Content, "全年执行数"), num(val), -1, 64)
		}
	}
	if err := xf.Save(); err != nil {
		t.Fatal(err)
	}
}
