package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// bureauSheet writes, with excelize, a workbook a clerk filled by hand in
// a bureau's own template (its title, 年度工作目标, 预期指标值, 考核权重),
// without our hidden data.
func bureauSheet(t *testing.T, dept string) string {
	t.Helper()
	rows := [][]any{
		{"某市部门整体绩效目标表"},
		{"（2022年度）"},
		{"部门(单位)名称", dept},
		{"年度工作目标", "目标1：完成年度重点工作。"},
		{"年度绩效指标"},
		{"一级指标", "二级指标", "三级指标", "预期指标值", "考核权重(%)", "指标解释", "备注"},
		{"产出指标", "数量指标", "培训人次", "≥50", 100, "全年参训人次", ""},
	}
	b, err := testfiles.SheetXLSX(rows)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), dept+".xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportRecognisesStoredTemplate: after 表样 › 导入表样文件, 导入 of a
// workbook filled in that template (no hidden data) names it in the
// report and opens a draft of it with its columns; 合并导入 reads another
// unit's file of it as the same template.
func TestImportRecognisesStoredTemplate(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	tp.ID, tp.Version, tp.Name, tp.Title = "xx-bureau", 1, "某市 部门整体绩效目标表", "某市部门整体绩效目标表"
	tp.Sections = []string{model.SectionGoals, model.SectionIndicators}
	tp.Labels = map[string]string{model.SectionGoals: "年度工作目标", model.SectionIndicators: "年度绩效指标"}
	tp.Funds, tp.Rules = nil, model.Rules{WeightSum: 100}
	tp.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColValue, Label: "预期指标值"}, {Key: model.IndColWeight, Label: "考核权重"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	b, err := model.MarshalTemplate(tp)
	if err != nil {
		t.Fatal(err)
	}
	tf := filepath.Join(t.TempDir(), "某市表样.json")
	if err := os.WriteFile(tf, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ws.ImportTemplateFile(tf); err != nil {
		t.Fatal(err)
	}

	ws.ImportPath(bureauSheet(t, "某市某局"))
	r := ws.imp
	if r == nil {
		t.Fatal("no import report shown")
	}
	if !strings.Contains(r.text, "表样：某市 部门整体绩效目标表（本机导入的表样 xx-bureau）") || strings.Contains(r.text, "没有放入申报表") {
		t.Fatalf("report:\n%s", r.text)
	}
	tapButton(t, ws.win, "创建草稿")
	f := ws.e.Form()
	if r.created == "" || f.Template != tp.Ref() || ws.e.Template().Name != tp.Name {
		t.Fatalf("draft %q of template %+v (editor %q)", r.created, f.Template, ws.e.Template().Name)
	}
	if len(f.Goals) != 1 || len(f.Indicators) != 1 || f.Indicators[0].Value != "≥50" || f.Indicators[0].Weight != "100" || !f.Options.Weight {
		t.Errorf("draft goals %+v indicators %+v options %+v", f.Goals, f.Indicators, f.Options)
	}
	if saved, err := st.Load(r.created); err != nil || saved.Template != tp.Ref() {
		t.Errorf("saved draft: %v %+v", err, saved)
	}

	ws.MergeDialog([]string{bureauSheet(t, "某市某局下属中心")})
	m := ws.merge
	if len(m.files) != 1 || m.files[0].err != nil || m.files[0].form.Template != tp.Ref() {
		t.Fatalf("merge file: %+v", m.files)
	}
}

// The import report's amount line follows the form: the tasks' 合计, a
// 表样 without tasks its 收入/支出合计, and none where there are neither.
func TestImportTextAmounts(t *testing.T) {
	hubei := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	bare := model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID))
	bare.Funds = nil
	for _, tc := range []struct {
		f          *model.Form
		want, nope string
	}{
		{model.Sample(), "合计：7,898.5676 万元", "收入合计"},
		{hubei, "收入合计 ", "合计：0"},
		{bare, "", "合计"},
	} {
		text := ImportText("x.xlsx", tc.f, &export.ImportReport{})
		if (tc.want != "" && !strings.Contains(text, tc.want)) || strings.Contains(text, tc.nope) {
			t.Errorf("want %q and no %q in:\n%s", tc.want, tc.nope, text)
		}
	}
}

// A unit's xlsx in a template this drafts file does not have brings it:
// the report says so, 创建草稿 stores it with the draft, and the draft is
// judged by it (not by the 郑州 rules).
func TestImportAdoptsTheFilesTemplate(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	tp := testfiles.BureauTemplate(1)
	var b bytes.Buffer
	if err := export.WriteXLSXTemplate(&b, model.TemplateExample(tp), tp); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "单位.xlsx")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ws.ImportPath(p)
	r := ws.imp
	if r == nil || !strings.Contains(r.text, "文件带有表样“某市 部门整体绩效目标表”第1版，本机没有这一版：创建草稿时一并导入") {
		t.Fatalf("report:\n%v", r)
	}
	tapButton(t, ws.win, "创建草稿")
	if stored, _, _ := st.Templates(); len(stored) != 1 || model.TemplateHash(stored[0]) != model.TemplateHash(tp) {
		t.Fatalf("stored templates %v", stored)
	}
	if ws.e.Template().ID != tp.ID || ws.e.ErrorCount() != 0 {
		t.Errorf("editor's template %q, %d errors", ws.e.Template().ID, ws.e.ErrorCount())
	}
}

// 合并导入 of a unit's file of the previous version of the draft's 表样:
// the file is moved to the draft's version first (its values keep their
// meaning) and its line in the list says so.
func TestMergeMovesAnOlderVersionsFile(t *testing.T) {
	v1 := testfiles.BureauTemplate(1)
	v1.IndicatorColumns = append(v1.IndicatorColumns, model.Column{Key: model.IndColValueType, Label: "指标性质"})
	v2 := v1.Clone()
	v2.Version = 2
	v2.IndicatorColumns[len(v2.IndicatorColumns)-1] = model.Column{Key: model.IndColNature, Label: "指标性质"}
	into := model.TemplateExample(v2)
	ws, st, _ := newTestWorkspace(t, into)
	for _, tp := range []*model.Template{v1, v2} {
		if err := st.PutTemplate(tp); err != nil {
			t.Fatal(err)
		}
	}
	stored, _, _ := st.Templates()
	ws.e.SetTemplates(stored)
	var b bytes.Buffer
	if err := export.WriteXLSXTemplate(&b, model.TemplateExample(v1), v1); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "单位.xlsx")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ws.MergeDialog([]string{p})
	m := ws.merge
	if len(m.files) != 1 || m.files[0].moved == nil || m.files[0].form.Template != v2.Ref() {
		t.Fatalf("file %+v", m.files)
	}
	for i, in := range m.files[0].form.Indicators {
		if in.Nature != "" || !strings.Contains(in.Note, "指标值类型：定") {
			t.Errorf("row %d: 指标性质 %q 备注 %q", i+1, in.Nature, in.Note)
		}
	}
}
