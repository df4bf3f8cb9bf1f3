package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
	"jixiao/store"
)

// bureauTemplate is a finance bureau's own template, revised from the 湖北
// one, with labels of its own (its title, 分管领导, 年度收支情况, 单位职能,
// 年度工作目标, 预期指标值, 考核权重, 计量口径).
func bureauTemplate(version int) *model.Template {
	t := model.BuiltinTemplate(model.HubeiTemplateID)
	t.ID, t.Version, t.Name = "xx-bureau", version, "某市 部门整体绩效目标表"
	t.Title = "某市部门整体绩效目标表"
	t.Basic = append(t.Basic, model.BasicField{Label: "分管领导"})
	t.Labels = map[string]string{model.SectionFunds: "年度收支情况（万元）", model.SectionDuties: "单位职能",
		model.SectionGoals: "年度工作目标", model.SectionIndicators: "年度绩效指标"}
	t.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColValue, Label: "预期指标值"}, {Key: model.IndColWeight, Label: "考核权重"}, {Key: model.IndColUnit, Label: "计量口径"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	t.Rules.WeightSum = 100
	return t
}

// bureauWorkbook writes, with excelize, the sheet a clerk of another unit
// typed by hand in the bureau's template (no hidden data sheet).
func bureauWorkbook(t *testing.T, dir, dept string) string {
	t.Helper()
	rows := [][]any{
		{"某市部门整体绩效目标表"},
		{"（2022年度）"},
		{"部门(单位)名称", dept, "", "分管领导", "王五"},
		{"年度收支情况（万元）", "项目", "当年金额", "占比"},
		{"收入构成", "财政拨款", 968.1918, "100%"},
		{"", "合计", 968.1918, "100%"},
		{"支出构成", "基本支出", 724.2318, "74.8%"},
		{"", "项目支出", 243.96, "25.2%"},
		{"", "合计", 968.1918, "100%"},
		{"单位职能", "负责全市某项工作的统筹管理。"},
		{"年度工作目标", "目标1：完成年度重点工作。"},
		{"年度绩效指标"},
		{"一级指标", "二级指标", "三级指标", "预期指标值", "考核权重(%)", "计量口径", "指标解释", "备注"},
		{"产出指标", "数量指标", "培训人次", "≥50", 60, "人次", "全年参训人次", ""},
		{"效益指标", "社会效益指标", "群众知晓率", "≥80%", 20, "%", "抽样调查", ""},
		{"满意度指标", "服务对象满意度指标", "满意度", "≥90%", 20, "%", "问卷", ""},
		{"填报人：张三　联系电话：12345678"},
	}
	xf := excelize.NewFile()
	defer xf.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := xf.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(dir, dept+".xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportRecognisesStoredTemplate: with the bureau's template imported
// into the drafts file (template import, a real bbolt file), a workbook a
// clerk filled in that template by hand imports as a draft of it: the
// report names it, the draft keeps its columns and passes its check; the
// draft's template is the stored one, so merge accepts another unit's
// file of the same template; check --in with --db recognises it too.
// Without it in the drafts file, the same workbook is a 湖北 form and the
// bureau's parts are listed as not placed.
func TestImportRecognisesStoredTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	xlsx := bureauWorkbook(t, dir, "某市某局")

	// Not imported yet: the nearest built-in template.
	code, out, stderr := filesRun("import", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：湖北 部门整体支出绩效目标申报表\n") || !strings.Contains(out, "“单位职能”没有放入申报表") {
		t.Fatalf("import before the template: %d %s %s", code, out, stderr)
	}

	for _, v := range []int{1, 2} {
		if code, out, stderr := filesRun("template", "import", writeTemplate(t, bureauTemplate(v)), "--db", db); code != 0 {
			t.Fatalf("template import: %d %s %s", code, out, stderr)
		}
	}
	code, out, stderr = filesRun("import", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版，本机导入的表样 xx-bureau）\n") || strings.Contains(out, "没有放入申报表") {
		t.Fatalf("import: %d %s %s", code, out, stderr)
	}
	id := lastLine(out)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.Load(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if f.Template != (model.TemplateRef{ID: "xx-bureau", Version: 2}) || !f.Options.Weight || !f.Options.Unit ||
		f.Basic["分管领导"] != "王五" || f.Duties == "" || len(f.Goals) != 1 || len(f.Indicators) != 3 || f.Indicators[0].Weight != "60" {
		t.Errorf("draft: %+v %+v %v %q %v %+v", f.Template, f.Options, f.Basic, f.Duties, f.Goals, f.Indicators)
	}
	code, out, _ = filesRun("check", "--draft", id, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版）") {
		t.Errorf("check of the imported draft (exit %d):\n%s", code, out)
	}
	code, out, _ = filesRun("check", "--in", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版）") {
		t.Errorf("check --in --db (exit %d):\n%s", code, out)
	}

	// Another unit's file of the same template merges into the draft.
	other := bureauWorkbook(t, dir, "某市某局下属中心")
	code, out, stderr = filesRun("merge", "--db", db, "--into", id, other, "--yes")
	if code != 0 || strings.Contains(out+stderr, "表样不同") {
		t.Errorf("merge of a file of the same template: %d\n%s\n%s", code, out, stderr)
	}
}

// TestImportTemplatesLeaveDraftsFile: reading the drafts file's templates
// before the import does not create the file when the import fails.
func TestImportTemplatesLeaveDraftsFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	bad := filepath.Join(dir, "坏.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := filesRun("import", bad, "--db", db); code != 1 {
		t.Fatal("bad import succeeded")
	}
	if code, _, _ := filesRun("check", "--in", bad, "--db", db); code != 2 {
		t.Fatal("check of a bad file succeeded")
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("drafts file created: %v", err)
	}
}
