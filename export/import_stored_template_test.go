package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"jixiao/export/xlsx"
	"jixiao/internal/testfiles"
	"jixiao/model"
)

// bureauTemplate is version 2 of the finance bureau's own template
// (testfiles.BureauTemplate), as `jixiao template import` stores it.
func bureauTemplate() *model.Template {
	t := testfiles.BureauTemplate(2)
	t.Name = "某市 部门整体绩效目标表（2022 修订）"
	if err := t.Validate(); err != nil {
		panic(err)
	}
	return t
}

// bureauClerkRows is a sheet a clerk typed in the bureau's template.
var bureauClerkRows = testfiles.BureauRows("某市某局")

// TestImportStoredTemplate: a sheet without our hidden data, filled in a
// bureau's own (imported) template, is recognised as that template when
// the drafts file's templates are given, and read by its labels; with the
// built-in templates only, the nearest built-in one is named and the
// parts under the bureau's own labels are listed as not placed.
func TestImportStoredTemplate(t *testing.T) {
	bt := bureauTemplate()
	v1 := bureauTemplate() // version 1 of the same template is stored too
	v1.Version = 1
	path := clerkSheet(t, bureauClerkRows)

	f, rep, err := ImportFile(path, ImportOptions{Templates: []*model.Template{v1, bt}})
	if err != nil {
		t.Fatal(err)
	}
	if f.Template != bt.Ref() || !strings.Contains(rep.String(), "表样：某市 部门整体绩效目标表（2022 修订）（第2版，本机导入的表样 xx-bureau）") {
		t.Fatalf("template %+v, report:\n%s", f.Template, rep)
	}
	if f.Year != "2022" || f.Dept != "某市某局" || f.Basic["分管领导"] != "王五" || f.Basic["填报人"] != "张三" || f.Basic["联系电话"] != "12345678" {
		t.Errorf("基本信息: %q %q %v", f.Year, f.Dept, f.Basic)
	}
	if f.Duties != "负责全市某项工作的统筹管理。" || len(f.Goals) != 1 || f.Goals[0].Text != "完成年度重点工作。" {
		t.Errorf("duties %q goals %+v", f.Duties, f.Goals)
	}
	if fd := f.Funds; fd == nil || len(fd.Expense) != 2 || fd.Expense[0].Amount.Raw() != "724.2318" || fd.Expense[1].Share != "25.2%" || fd.Income[0].Name != "财政拨款" {
		t.Errorf("funds %+v", f.Funds)
	}
	in := f.Indicators
	if len(in) != 3 || in[0].Value != "≥50" || in[0].Weight != "60" || in[0].Unit != "人次" || in[2].Level1 != "满意度指标" || in[2].Weight != "20" {
		t.Errorf("indicators %+v", in)
	}
	if !f.Options.Weight || !f.Options.Unit {
		t.Errorf("options %+v: the template's columns are on", f.Options)
	}
	if len(rep.Unplaced) != 1 || !strings.Contains(rep.Unplaced[0].Cell, "N3") || len(rep.Problems) != 0 {
		t.Errorf("unplaced %v problems %v, want only the stray N3", rep.Unplaced, rep.Problems)
	}
	// The 年度绩效指标 label on its own row after the goals is not a
	// skipped goal row.
	if notes := strings.Join(rep.Notes, "\n"); strings.Contains(notes, "跳过") {
		t.Errorf("notes: %s", notes)
	}
	for _, fd := range model.CheckWith(f, bt) {
		if fd.Severity == model.SevError {
			t.Errorf("check: %s：%s", fd.Loc.Describe(f), fd.Message)
		}
	}

	// Built-in templates only (as before): 湖北 is the nearest; the funds,
	// the duties and the columns under the bureau's labels are not read,
	// and the report lists them, cell by cell.
	f0, rep0, err := ImportFile(path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f0.Template.ID != model.HubeiTemplateID || f0.Duties != "" || f0.Funds.Expense[0].Amount.Raw() != "" || f0.Options.Weight {
		t.Errorf("built-ins only: template %+v duties %q funds %+v options %+v", f0.Template, f0.Duties, f0.Funds, f0.Options)
	}
	unplaced := rep0.String()
	for _, s := range []string{"年度收支情况（万元）", "单位职能", "考核权重(%)", "分管领导"} {
		if !strings.Contains(unplaced, s) {
			t.Errorf("built-ins only: %q not listed:\n%s", s, unplaced)
		}
	}
}

// TestStoredTemplateRoundTrip: a form of the bureau's template exported
// to xlsx, its hidden data sheet removed (as when a clerk copies the
// sheet into a new workbook), and the same sheet as a Word table, import
// as the same template with the same visible content and template parts.
func TestStoredTemplateRoundTrip(t *testing.T) {
	bt := bureauTemplate()
	f := model.TemplateExample(bt)
	var xb bytes.Buffer
	if err := WriteXLSXTemplate(&xb, f, bt); err != nil {
		t.Fatal(err)
	}
	visible := withoutDataSheet(t, xb.Bytes())
	doc, err := testfiles.DOCXFromXLSX(visible)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"visible.xlsx": visible, "visible.docx": doc} {
		back, rep, err := ImportBytes(name, data, ImportOptions{Templates: []*model.Template{bt}})
		if err != nil {
			t.Fatal(err)
		}
		if back.Template != bt.Ref() || len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
			t.Fatalf("%s: template %+v, report:\n%s", name, back.Template, rep)
		}
		if xlsx.VisibleKey(back) != xlsx.VisibleKey(f) {
			t.Errorf("%s: visible content differs:\nwant %s\n got %s", name, xlsx.VisibleKey(f), xlsx.VisibleKey(back))
		}
		if back.Options != f.Options || !reflect.DeepEqual(back.Funds, f.Funds) || back.Duties != f.Duties || !reflect.DeepEqual(back.Basic, f.Basic) {
			t.Errorf("%s: template parts differ:\nwant %+v %+v %q %v\n got %+v %+v %q %v", name, f.Options, f.Funds, f.Duties, f.Basic, back.Options, back.Funds, back.Duties, back.Basic)
		}
	}
}

// The report counts what was read by the template's own parts: a bureau's
// 年度工作目标 and 年度绩效指标, and no task line for a template without a
// task table.
func TestReportCountsByTemplateParts(t *testing.T) {
	bt := bureauTemplate()
	_, rep, err := ImportFile(clerkSheet(t, bureauClerkRows), ImportOptions{Templates: []*model.Template{bt}})
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(rep.String(), "\n")
	if first != "已识别：年度工作目标 1 条，年度绩效指标 3 行。" {
		t.Errorf("first line %q", first)
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, model.Sample()); err != nil {
		t.Fatal(err)
	}
	_, rep, err = ImportBytes("样表.json", js.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(rep.String(), "\n"); first != "已识别：年度总体目标 34 条，任务单位 8 个，主要任务 34 项，绩效指标 49 行。" {
		t.Errorf("the sample's first line %q", first)
	}
}
