package export

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// TestFundsYearsExport: the 湖北 example's 近两年收支金额 (上年金额,
// 前年金额) are in the xlsx under their headers, in the PDF, and come back
// from the visible sheet alone.
func TestFundsYearsExport(t *testing.T) {
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	f := model.TemplateExample(tp)
	f.Funds.Expense[1].Years[1] = model.ParseAmount("200.0000") // raw text kept in the hidden data
	var xb bytes.Buffer
	if err := WriteXLSX(&xb, f); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(xb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xf.GetRows(xf.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	// find the header row of the 近两年 columns and the row of 项目支出
	hdrRow, hdrCol, prjRow := -1, -1, -1
	for r, row := range rows {
		for c, v := range row {
			switch v {
			case "近两年收支金额":
				hdrRow, hdrCol = r, c
			case "项目支出":
				prjRow = r
			}
		}
	}
	if hdrRow < 0 || prjRow < 0 {
		t.Fatalf("no 近两年收支金额 header or 项目支出 row:\n%v", rows)
	}
	sub := rows[hdrRow+1]
	if len(sub) <= hdrCol+1 || sub[hdrCol] != "上年金额" || sub[hdrCol+1] != "前年金额" {
		t.Fatalf("headers under 近两年收支金额: %v", sub)
	}
	if got := rows[prjRow][hdrCol : hdrCol+2]; got[0] != "200.4" && got[0] != "200.4000" {
		t.Errorf("项目支出 上年金额 cell %q", got)
	}

	back, rep, err := ImportBytes("visible.xlsx", withoutDataSheet(t, xb.Bytes()), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
		t.Fatalf("%s", rep)
	}
	for _, c := range []struct {
		got  model.Amount
		want string
	}{
		{back.Funds.Income[0].Years[0], "900.5"}, {back.Funds.Income[0].Years[1], "850"},
		{back.Funds.Expense[1].Years[1], "200"}, {back.Funds.ExpenseYearTotals[0], "900.5"},
	} {
		if !c.got.Valid() || c.got.Money() != model.MustAmount(c.want).Money() {
			t.Errorf("read %q, want %s", c.got.Raw(), c.want)
		}
	}
	full, _, err := ImportBytes("full.xlsx", xb.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if full.Funds.Expense[1].Years[1].Raw() != "200.0000" {
		t.Errorf("hidden data lost the raw text: %q", full.Funds.Expense[1].Years[1].Raw())
	}

	p, _ := writePDFFile(t, f)
	text := pdfText(t, p)
	for _, s := range []string{"近两年收支金额", "上年金额", "前年金额", "900.5", "700.1"} {
		if !strings.Contains(text, squash(s)) {
			t.Errorf("pdf lacks %q", s)
		}
	}
}

// TestFundsYearsClerkHeaders: a clerk's sheet whose 近两年 headers carry
// the years (2020年预算数, 2019年决算数 for a 2021 form) and a 合计 that
// does not add up: the columns are read by year and check names the cell.
func TestFundsYearsClerkHeaders(t *testing.T) {
	xf := excelize.NewFile()
	defer xf.Close()
	sh := "Sheet1"
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
	set("A2", "（2021年度）")
	set("A3", "部门（单位）名称")
	set("B3", "某县某局")
	set("A4", "部门总体资金情况（万元）")
	merge("A4", "A12")
	for c, h := range map[string]string{"B4": "项目", "C4": "当年金额", "D4": "占比", "E4": "近两年收支金额", "E5": "2020年预算数", "F5": "2019年决算数"} {
		set(c, h)
	}
	merge("E4", "F4")
	for _, m := range [][2]string{{"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}} {
		merge(m[0], m[1])
	}
	rows := [][]any{
		{"收入构成"},
		{"财政拨款", 968.1918, "100%", 900.5, 850},
		{"合计", 968.1918, "100%", 900.5, 850},
		{"支出构成"},
		{"基本支出", 724.2318, "74.8%", 700.1, 650},
		{"项目支出", 243.96, "25.2%", 200.4, 210}, // 650 + 210 ≠ 850
		{"合计", 968.1918, "100%", 900.5, 850},
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(2+j, 6+i)
			set(cell, v)
		}
	}
	set("A13", "部门职能概述")
	set("B13", "负责本县有关工作。")
	set("A14", "年度绩效目标")
	set("B14", "目标1：保障运转。")
	set("A15", "年度绩效指标")
	for i, h := range []string{"一级指标", "二级指标", "三级指标", "指标值"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 16)
		set(cell, h)
	}
	for i, v := range []string{"产出指标", "数量指标", "办文数量", "≥1200件"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 17)
		set(cell, v)
	}
	p := filepath.Join(t.TempDir(), "clerk.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportFile(p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Template != model.BuiltinTemplate(model.HubeiTemplateID).Name {
		t.Errorf("recognised %q", rep.Template)
	}
	if len(rep.Unplaced) > 0 {
		t.Errorf("unplaced: %v", rep.Unplaced)
	}
	fd := f.Funds
	if fd == nil || len(fd.Expense) != 2 {
		t.Fatalf("funds: %+v", fd)
	}
	if got := fd.Expense[1].Years; got[0].Money() != model.MustAmount("200.4").Money() || got[1].Money() != model.MustAmount("210").Money() {
		t.Errorf("项目支出 years %q %q", got[0].Raw(), got[1].Raw())
	}
	var errs []string
	for _, x := range model.CheckWith(f, nil) {
		if x.Severity == model.SevError {
			errs = append(errs, x.Loc.Describe(f)+"："+x.Message)
		}
	}
	want := "部门总体资金情况 › 支出构成 › 合计 › 前年金额：支出构成前年金额各项加起来是 860 万元，合计填的是 850 万元"
	if !strings.Contains(strings.Join(errs, "\n"), want) {
		t.Errorf("check lacks %q:\n%s", want, strings.Join(errs, "\n"))
	}
}
