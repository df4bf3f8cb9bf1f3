package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/xlsx"
	"jixiao/model"
)

const hubeiDuties = "1.负责本部门日常政务、事务工作的组织协调。\n2.负责全市重要文件的起草、审核和督查督办。\n3.承办市政府交办的其他事项。"

// hubeiClerkWorkbook is a 湖北 部门整体支出绩效目标申报表 typed the way a
// clerk would: labels in the first column, merged label cells, shares
// typed as per cent (stored as fractions), blank repeated 一级指标, a
// note typed beside the table. projectSpend is what is typed for 项目支出.
func hubeiClerkWorkbook(t testing.TB, projectSpend float64) string {
	t.Helper()
	xf := excelize.NewFile()
	defer xf.Close()
	sh := "Sheet1"
	pct, err := xf.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		t.Helper()
		if err := xf.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		t.Helper()
		if err := xf.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "部门整体支出绩效目标申报表")
	merge("A1", "F1")
	set("A2", "（2021年度）")
	merge("A2", "F2")
	set("A3", "部门（单位）名称")
	set("B3", "广水市某局")
	merge("B3", "F3")
	set("A4", "填报人")
	set("B4", "张三")
	set("C4", "联系电话")
	set("D4", "0722-1234567")
	set("A5", "部门总体资金情况（万元）")
	merge("A5", "A13")
	set("B5", "项目")
	set("C5", "当年金额")
	set("D5", "占比")
	set("B6", "收入构成")
	set("B7", "财政拨款")
	set("C7", 968.1918)
	set("D7", 1)
	set("H7", "（上年 900 万元）")
	set("B8", "其他资金")
	set("C8", 0)
	set("D8", 0)
	set("B9", "合计")
	set("C9", 968.1918)
	set("D9", 1)
	set("B10", "支出构成")
	set("B11", "基本支出")
	set("C11", 724.2318)
	set("D11", 0.748)
	set("B12", "项目支出")
	set("C12", projectSpend)
	set("D12", 0.252)
	set("B13", "合计")
	set("C13", 968.1918)
	set("D13", 1)
	for _, c := range []string{"D7", "D8", "D9", "D11", "D12", "D13"} {
		if err := xf.SetCellStyle(sh, c, c, pct); err != nil {
			t.Fatal(err)
		}
	}
	set("A14", "部门职能概述")
	set("B14", hubeiDuties)
	merge("B14", "F14")
	set("A15", "年度绩效目标")
	merge("A15", "A16")
	set("B15", "目标1：保障机关正常运转，按时足额发放人员经费。")
	set("B16", "目标2：完成市政府交办的重点工作，提升服务满意度。")
	set("A17", "年度绩效指标")
	for i, h := range []string{"一级指标", "二级指标", "三级指标", "指标值", "指标解释", "备注"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 18)
		set(cell, h)
	}
	rows := [][]string{
		{"产出指标", "数量指标", "办文数量", "≥1200件", "全年办理的文件", ""},
		{"", "质量指标", "办文差错率", "≤1%", "差错件数/办文总数", ""},
		{"", "时效指标", "督办事项按期办结率", "≥95%", "", ""},
		{"效益指标", "社会效益指标", "政务运转保障", "有效保障", "", "定性"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "问卷调查", ""},
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, 19+r)
			set(cell, v)
		}
	}
	p := filepath.Join(t.TempDir(), "湖北申报表.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportHubeiClerkWorkbook(t *testing.T) {
	f, rep, err := ImportFile(hubeiClerkWorkbook(t, 243.96), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.String())
	if f.Template.ID != model.HubeiTemplateID || rep.Template != "湖北 部门整体支出绩效目标申报表" {
		t.Fatalf("template %+v, report %q", f.Template, rep.Template)
	}
	if f.Dept != "广水市某局" || f.Year != "2021" {
		t.Errorf("dept %q year %q", f.Dept, f.Year)
	}
	if f.Basic["填报人"] != "张三" || f.Basic["联系电话"] != "0722-1234567" {
		t.Errorf("basic %v", f.Basic)
	}
	if f.Duties != hubeiDuties {
		t.Errorf("duties %q", f.Duties)
	}
	want := &model.Funds{
		Income: []model.FundRow{
			{Name: "财政拨款", Amount: model.MustAmount("968.1918"), Share: "100%"},
			{Name: "其他资金", Amount: model.MustAmount("0"), Share: "0%"},
		},
		IncomeTotal: model.MustAmount("968.1918"),
		Expense: []model.FundRow{
			{Name: "基本支出", Amount: model.MustAmount("724.2318"), Share: "74.8%"},
			{Name: "项目支出", Amount: model.MustAmount("243.96"), Share: "25.2%"},
		},
		ExpenseTotal: model.MustAmount("968.1918"),
	}
	if !reflect.DeepEqual(f.Funds, want) {
		t.Errorf("funds\n got %+v\nwant %+v", f.Funds, want)
	}
	if len(f.Goals) != 2 || len(f.Indicators) != 5 || f.Indicators[1].Level1 != "产出指标" || f.Indicators[3].Note != "定性" {
		t.Errorf("goals %d, indicators %+v", len(f.Goals), f.Indicators)
	}
	if len(rep.Unplaced) != 1 || rep.Unplaced[0].Cell != "Sheet1!H7" || !strings.Contains(rep.Unplaced[0].Message, "（上年 900 万元）") {
		t.Errorf("unplaced %v", rep.Unplaced)
	}
	for _, fd := range model.CheckWith(f, nil) {
		if fd.Severity == model.SevError {
			t.Errorf("check: %s：%s", fd.Loc.Describe(f), fd.Message)
		}
	}
	// 部门总体资金情况 as the editor and the PDF show it.
	if s := model.FormatShare(f.Funds.Expense[0].Amount.Money(), f.Funds.Total(model.FundsExpense)); s != "74.8%" {
		t.Errorf("share %s", s)
	}

	// Export in its own layout, import again: nothing changes.
	var xb bytes.Buffer
	if err := WriteXLSX(&xb, f); err != nil {
		t.Fatal(err)
	}
	for _, data := range map[string][]byte{"with hidden data": xb.Bytes(), "visible sheet only": withoutDataSheet(t, xb.Bytes())} {
		back, brep, err := ImportBytes("back.xlsx", data, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(brep.Unplaced) != 0 {
			t.Errorf("our own export has unplaced cells: %v", brep.Unplaced)
		}
		w, g := f.Clone(), back.Clone()
		w.Meta, g.Meta = model.Meta{}, model.Meta{}
		assertSameForm(t, w, g)
	}
	// The visible sheet is in the 湖北 layout.
	xf, err := excelize.OpenReader(bytes.NewReader(xb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, _ := xf.GetRows(SheetName)
	var flat []string
	for _, r := range rows {
		flat = append(flat, strings.Join(r, "|"))
	}
	sheet := strings.Join(flat, "\n")
	for _, s := range []string{"部门整体支出绩效目标申报表", "部门(单位)名称|广水市某局", "填报人|张三", "部门总体资金情况（万元）|类别|项目|当年金额|占比",
		"支出构成|基本支出|724.2318|74.8%", "部门职能概述|" + hubeiDuties, "年度绩效目标|目标1：", "备注"} {
		if !strings.Contains(sheet, s) {
			t.Errorf("sheet lacks %q:\n%s", s, sheet)
		}
	}
	if strings.Contains(sheet, "任务名称") {
		t.Error("the 湖北 layout has no task table")
	}
	if strings.Index(sheet, "部门总体资金情况") > strings.Index(sheet, "年度绩效目标") {
		t.Error("sections not in the template's order")
	}
	if o, _ := xf.GetPageLayout(SheetName); o.Orientation == nil || *o.Orientation != "portrait" {
		t.Errorf("page layout %+v", o)
	}

	// PDF in the same layout.
	p, prep := writePDFFile(t, f)
	if prep.Pages < 1 || len(prep.Missing) > 0 {
		t.Fatalf("pdf %+v", prep)
	}
	text := pdfText(t, p)
	for _, s := range []string{"部门整体支出绩效目标申报表", "部门总体资金情况", "基本支出724.231874.8%", "项目支出243.9625.2%", "合计968.1918100.0%", squash(hubeiDuties)} {
		if !strings.Contains(text, squash(s)) {
			t.Errorf("pdf lacks %q:\n%s", s, text)
		}
	}
	info := poppler(t, "pdfinfo", p)
	if !strings.Contains(info, "595.28 x 841.89") && !strings.Contains(info, "595.276 x 841.89") {
		t.Errorf("pdf is not A4 portrait:\n%s", info)
	}
}

func TestImportHubeiMistyped(t *testing.T) {
	f, _, err := ImportFile(hubeiClerkWorkbook(t, 234.96), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, fd := range model.CheckWith(f, nil) {
		if fd.Severity == model.SevError {
			errs = append(errs, fd.Loc.Describe(f)+"："+fd.Message)
		}
	}
	got := strings.Join(errs, "\n")
	for _, s := range []string{
		"部门总体资金情况 › 支出构成 › 合计 › 当年金额：支出构成各项加起来是 959.1918 万元，合计填的是 968.1918 万元",
		"部门总体资金情况 › 支出构成 › 项目支出 › 占比：占比填的是 25.2%，按当年金额 234.96 ÷ 合计 968.1918 应为 24.3%",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("check lacks %q:\n%s", s, got)
		}
	}
	if len(errs) != 2 {
		t.Errorf("want 2 errors:\n%s", got)
	}
}

// TestTemplatesRoundTrip: each built-in template: new → fill → check →
// xlsx / PDF / JSON → import → the same form.
func TestTemplatesRoundTrip(t *testing.T) {
	for _, tp := range model.BuiltinTemplates() {
		t.Run(tp.ID, func(t *testing.T) {
			f := model.TemplateExample(tp)
			for _, fd := range model.CheckWith(f, tp) {
				if fd.Severity == model.SevError {
					t.Fatalf("example: %s：%s", fd.Loc.Describe(f), fd.Message)
				}
			}
			var xb bytes.Buffer
			if err := WriteXLSX(&xb, f); err != nil {
				t.Fatal(err)
			}
			for name, data := range map[string][]byte{"xlsx": xb.Bytes(), "visible": withoutDataSheet(t, xb.Bytes())} {
				back, rep, err := ImportBytes(name+".xlsx", data, ImportOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
					t.Errorf("%s: %s", name, rep)
				}
				if name == "visible" && rep.Template != tp.Name {
					t.Errorf("recognised %q, want %q", rep.Template, tp.Name)
				}
				if name == "visible" {
					// The sheet cannot show which target a task serves, nor
					// the rate inputs: the visible content and every part of
					// the template must come back.
					if xlsx.VisibleKey(back) != xlsx.VisibleKey(f) {
						t.Errorf("visible content differs:\nwant %s\n got %s", xlsx.VisibleKey(f), xlsx.VisibleKey(back))
					}
					if back.Template != f.Template || back.Options != f.Options || !reflect.DeepEqual(back.Funds, f.Funds) ||
						back.Duties != f.Duties || !reflect.DeepEqual(back.Basic, f.Basic) {
						t.Errorf("template parts differ:\nwant %+v %+v %+v %q %v\n got %+v %+v %+v %q %v",
							f.Template, f.Options, f.Funds, f.Duties, f.Basic, back.Template, back.Options, back.Funds, back.Duties, back.Basic)
					}
					continue
				}
				w, g := f.Clone(), back.Clone()
				w.Meta, g.Meta = model.Meta{}, model.Meta{}
				assertSameForm(t, w, g)
			}
			var jb bytes.Buffer
			if err := WriteJSON(&jb, f); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(jb.String(), `"id": "`+tp.ID+`"`) {
				t.Error("JSON does not carry the template id")
			}
			back, err := ReadJSON(&jb)
			if err != nil {
				t.Fatal(err)
			}
			assertSameForm(t, f, back)
			p, prep := writePDFFile(t, f)
			if prep.Pages < 1 {
				t.Fatal("no pages")
			}
			text := pdfText(t, p)
			for _, s := range []string{tp.Title, tp.Dept(), tp.Label(model.SectionGoals), tp.ColumnLabel(model.IndColL3)} {
				if !strings.Contains(text, squash(s)) {
					t.Errorf("pdf lacks %q", s)
				}
			}
			if os.Getenv("JIXIAO_KEEP_PDF") != "" {
				data, _ := os.ReadFile(p)
				_ = os.WriteFile(filepath.Join(os.Getenv("JIXIAO_KEEP_PDF"), tp.ID+".pdf"), data, 0o644)
			}
		})
	}
}
