package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// bureauTemplate is a finance bureau's own template (as `jixiao template
// import` stores it), revised from the 湖北 one with labels of its own: a
// title, 分管领导 among the 基本信息, 年度收支情况 for the funds, 单位职能 for
// the duties, 年度工作目标 for the goals, and the indicator headers 预期指标值,
// 考核权重 and 计量口径.
func bureauTemplate() *model.Template {
	t := model.BuiltinTemplate(model.HubeiTemplateID)
	t.ID, t.Version, t.Name = "xx-bureau", 2, "某市 部门整体绩效目标表（2022 修订）"
	t.Title = "某市部门整体绩效目标表"
	t.Basic = append(t.Basic, model.BasicField{Label: "分管领导"})
	t.Labels = map[string]string{model.SectionFunds: "年度收支情况（万元）", model.SectionDuties: "单位职能",
		model.SectionGoals: "年度工作目标", model.SectionIndicators: "年度绩效指标"}
	t.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColValue, Label: "预期指标值"}, {Key: model.IndColWeight, Label: "考核权重"}, {Key: model.IndColUnit, Label: "计量口径"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	if err := t.Validate(); err != nil {
		panic(err)
	}
	return t
}

// bureauClerkRows is a sheet a clerk typed in the bureau's template.
var bureauClerkRows = [][]any{
	{"某市部门整体绩效目标表"},
	{"（2022年度）"},
	{"部门(单位)名称", "某市某局", "", "分管领导", "王五"},
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

	f, rep, err := ImportFileWith(path, ImportOptions{Templates: []*model.Template{v1, bt}})
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
	for _, fd := range model.CheckWith(f, bt) {
		if fd.Severity == model.SevError {
			t.Errorf("check: %s：%s", fd.Loc.Describe(f), fd.Message)
		}
	}

	// Built-in templates only (as before): 湖北 is the nearest; the funds,
	// the duties and the columns under the bureau's labels are not read,
	// and the report lists them, cell by cell.
	f0, rep0, err := ImportFile(path)
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
		back, rep, err := ImportBytesWith(name, data, ImportOptions{Templates: []*model.Template{bt}})
		if err != nil {
			t.Fatal(err)
		}
		if back.Template != bt.Ref() || len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
			t.Fatalf("%s: template %+v, report:\n%s", name, back.Template, rep)
		}
		if visibleKey(back) != visibleKey(f) {
			t.Errorf("%s: visible content differs:\nwant %s\n got %s", name, visibleKey(f), visibleKey(back))
		}
		if back.Options != f.Options || !reflect.DeepEqual(back.Funds, f.Funds) || back.Duties != f.Duties || !reflect.DeepEqual(back.Basic, f.Basic) {
			t.Errorf("%s: template parts differ:\nwant %+v %+v %q %v\n got %+v %+v %q %v", name, f.Options, f.Funds, f.Duties, f.Basic, back.Options, back.Funds, back.Duties, back.Basic)
		}
	}
}
