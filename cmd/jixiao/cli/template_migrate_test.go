package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
	"jixiao/store"
)

// writeTemplate writes t as a template file and returns its path.
func writeTemplate(t *testing.T, tp *model.Template) string {
	t.Helper()
	b, err := model.MarshalTemplate(tp)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), tp.ID+"-"+string(rune('0'+tp.Version))+".json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// withDraft opens db, changes draft id with edit and saves it.
func withDraft(t *testing.T, db, id string, edit func(f *model.Form)) *model.Form {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(f)
		if err := st.Save(id, f); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestTemplateMigrate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	v1 := model.BuiltinTemplate(model.NationalTemplateID)
	v1.ID, v1.Name = "xx-bureau", "某市 部门整体绩效目标表"
	v2 := v1.Clone()
	v2.Version = 2
	v2.TaskColumns = []string{model.TaskColTotal, model.TaskColFiscal}
	v2.IndicatorColumns[7].Label = "方向"

	mustRun(t, "template", "import", writeTemplate(t, v1), "--db", db)
	id := lastLine(mustRun(t, "new", "--year", "2022", "--dept", "某局", "--template", "xx-bureau", "--db", db))
	withDraft(t, db, id, func(f *model.Form) {
		f.Units = []model.Unit{{Name: "局机关", Tasks: []model.Task{
			{Content: "运转", Total: model.MustAmount("60"), Fiscal: model.MustAmount("50"), Other: model.MustAmount("10")},
			{Content: "检查", Total: model.MustAmount("40"), Fiscal: model.MustAmount("38"), Other: model.MustAmount("2"), Note: "下半年"},
		}}}
	})
	code, out, _ := checkRun("template", "migrate", "--draft", id, "--db", db)
	if code != 0 || !strings.Contains(out, "已是本机最新的版本") {
		t.Fatalf("no newer version yet: %d\n%s", code, out)
	}

	mustRun(t, "template", "import", writeTemplate(t, v2), "--db", db)
	if _, out, _ := checkRun("check", "--draft", id, "--db", db); !strings.Contains(out, "表样：某市 部门整体绩效目标表（本机有第2版；迁移请用 jixiao template migrate") {
		t.Errorf("check does not mention the newer version:\n%s", out)
	}
	code, out, stderr := checkRun("template", "migrate", "--draft", id, "--dry-run", "--db", db)
	for _, s := range []string{
		"表样：“某市 部门整体绩效目标表”第1版 → “某市 部门整体绩效目标表”第2版",
		"  · 年度主要任务：删去栏目「其他资金」",
		"  · 年度绩效指标：栏目「指标方向性」改名为「方向」",
		"  · 年度主要任务的「其他资金」栏目新表样没有：2 行已填的其他资金移入该行的「备注」",
		"（只列出变化，草稿未改动",
	} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("dry run lacks %q (exit %d, %s):\n%s", s, code, stderr, out)
		}
	}
	if f := withDraft(t, db, id, nil); f.Template.Version != 1 || f.Units[0].Tasks[0].Other.Raw() != "10" {
		t.Fatalf("the dry run changed the draft: %+v", f.Template)
	}

	code, out, _ = checkRun("template", "migrate", "--draft", id, "--db", db)
	if code != 0 || !strings.Contains(out, "已迁移到表样“某市 部门整体绩效目标表”第2版") {
		t.Fatalf("migrate: %d\n%s", code, out)
	}
	f := withDraft(t, db, id, nil)
	if f.Template.Version != 2 || f.Options.OtherFunds || f.Units[0].Tasks[0].Note != "其他资金 10 万元" || f.Units[0].Tasks[1].Note != "下半年；其他资金 2 万元" {
		t.Fatalf("migrated draft: %+v %+v", f.Template, f.Units[0].Tasks)
	}
	if _, out, _ = checkRun("check", "--draft", id, "--db", db); strings.Contains(out, "本机的是第") {
		t.Errorf("check still says the draft is of another version:\n%s", out)
	}

	// Back to version 1 on request: the column comes back, the notes stay.
	code, out, _ = checkRun("template", "migrate", "--draft", id, "--to", "1", "--db", db)
	if code != 0 || !strings.Contains(out, "年度主要任务：新增栏目「其他资金」") {
		t.Fatalf("--to 1: %d\n%s", code, out)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"template", "migrate", "--db", db}, 2, "请用 --draft"},
		{[]string{"template", "migrate", "--draft", id, "--to", "x", "--db", db}, 2, "--to 应是表样的版本号"},
		{[]string{"template", "migrate", "--draft", id, "--to", "5", "--db", db}, 1, "本机没有表样“xx-bureau”的第5版（有：1、2）"},
		{[]string{"template", "migrate", "--draft", id, "--to", "1", "--db", db}, 1, "不需要迁移"},
		{[]string{"template", "migrate", "--draft", "999", "--db", db}, 1, "999"},
	} {
		code, out, stderr := checkRun(tc.args...)
		if code != tc.code || !strings.Contains(out+stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s%s", tc.args, code, tc.code, tc.want, out, stderr)
		}
	}

	// A draft past 申报 is refused with the reason.
	withDraft(t, db, id, func(f *model.Form) {
		if err := f.SetStage(model.StageMonitor, 6, f.Meta.Created); err != nil {
			t.Fatal(err)
		}
	})
	code, out, stderr = checkRun("template", "migrate", "--draft", id, "--db", db)
	if code != 1 || !strings.Contains(stderr+out, "申报内容已锁定") {
		t.Errorf("locked draft: %d %s %s", code, out, stderr)
	}
}

// The sample (郑州) carried into the 湖北 template.
func TestCarryIntoTemplate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	prev := lastLine(mustRun(t, "sample", "--db", db))
	code, out, stderr := checkRun("carry", "--draft", prev, "--year", "2021", "--template", "hubei", "--db", db)
	if code != 0 {
		t.Fatalf("carry: %d %s %s", code, out, stderr)
	}
	for _, s := range []string{
		"表样：“郑州 市级部门整体绩效目标申报表”第1版 → “湖北 部门整体支出绩效目标申报表”第1版",
		"  · 删去部分「年度主要任务」",
		"「年度主要任务」新表样没有：已填的 8 个单位、34 行任务",
		"条指标的一级指标不在新表样的指标体系中（“履职效能”",
		"「部门总体资金情况（万元）」（新表样有）尚未填写",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("carry output lacks %q:\n%s", s, out)
		}
	}
	nf := withDraft(t, db, lastLine(out), nil)
	if nf.Template.ID != model.HubeiTemplateID || nf.Year != "2021" || nf.TaskCount() != 34 || nf.Funds == nil {
		t.Errorf("new draft: %+v year %s tasks %d", nf.Template, nf.Year, nf.TaskCount())
	}
	if !strings.Contains(nf.Meta.Origin, "表样改为“湖北") {
		t.Errorf("origin %q", nf.Meta.Origin)
	}
	code, out, stderr = checkRun("carry", "--draft", prev, "--year", "2021", "--template", "nope", "--db", db)
	if code != 2 || !strings.Contains(out+stderr, "没有编号为“nope”的表样") {
		t.Errorf("unknown template: %d %s %s", code, out, stderr)
	}
}
