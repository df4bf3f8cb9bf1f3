package cli

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// countyTemplate is the template file written from docs/templates.md only
// (testdata/templates/README.md).
const countyTemplate = "testdata/templates/county-from-docs.json"

// sheetCell finds the first cell of the sheet whose text is text and
// returns its column and row (1-based).
func sheetCell(t *testing.T, rows [][]string, text string) (int, int) {
	t.Helper()
	for r, row := range rows {
		for c, v := range row {
			if strings.TrimSpace(v) == text {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("no cell %q in the sheet", text)
	return 0, 0
}

func setCell(t *testing.T, xf *excelize.File, col, row int, v any) {
	t.Helper()
	name, _ := excelize.CoordinatesToCellName(col, row)
	if err := xf.SetCellValue(export.SheetName, name, v); err != nil {
		t.Fatal(err)
	}
}

// A template a bureau wrote from the docs alone: it checks clean, imports,
// makes a blank that a unit fills in Excel (cells typed by their labels and
// headers, several goals in one cell, indicator rows under the header), the
// filled file imports into a draft of that template that passes its checks,
// exports without a 未通过审核 mark and comes back from the export, and from
// its JSON, unchanged.
func TestTemplateWrittenFromTheDocs(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	out := mustRun(t, "template", "check", countyTemplate)
	if !strings.Contains(out, "没有发现问题") {
		t.Fatalf("template check:\n%s", out)
	}
	mustRun(t, "template", "import", countyTemplate, "--db", db)
	id := lastLine(mustRun(t, "new", "--year", "2024", "--dept", "某县农业农村局", "--template", "county-czj", "--db", db))
	blank := filepath.Join(dir, "blank.xlsx")
	out = mustRun(t, "export", "--draft", id, "--xlsx", blank, "--db", db)
	if markCount(t, out) != checkCount(t, db, id) {
		t.Fatalf("blank: export and check disagree:\n%s", out)
	}

	// The unit fills the blank in Excel.
	xf, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(export.SheetName)
	for label, v := range map[string]any{"预算编码": "510101", "联系人": "张三", "联系电话": "028-86123456"} {
		c, r := sheetCell(t, rows, label)
		setCell(t, xf, c+1, r, v)
	}
	amountC, _ := sheetCell(t, rows, "当年金额")
	shareC, _ := sheetCell(t, rows, "占比")
	_, r := sheetCell(t, rows, "其中：财政拨款")
	setCell(t, xf, amountC, r, 900)
	setCell(t, xf, shareC, r, "93.0%")
	_, r = sheetCell(t, rows, "其他资金")
	setCell(t, xf, amountC, r, 68)
	setCell(t, xf, shareC, r, "7.0%")
	c, r := sheetCell(t, rows, "年度绩效目标")
	setCell(t, xf, c+1, r, "1.保障机构正常运转，按时足额发放人员经费。\n2.完成年度重点工作任务，提升服务对象满意度。")
	_, hr := sheetCell(t, rows, "一级指标")
	col := map[string]int{}
	for _, h := range []string{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)", "指标方向性"} {
		col[h], _ = sheetCell(t, rows, h)
	}
	indicators := [][]any{
		{"产出指标", "数量指标", "农技培训人次", "≥", "500", "人次", 30, "正向"},
		{"产出指标", "时效指标", "资金支付及时率", "=", "100%", "%", 20, "正向"},
		{"效益指标", "社会效益指标", "农业技术推广覆盖率", "≥", "85%", "%", 20, "正向"},
		{"效益指标", "可持续影响指标", "耕地质量保护", "定性", "持续改善", "", 20, "正向"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90%", "%", 10, "正向"},
	}
	heads := []string{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)", "指标方向性"}
	for i, row := range indicators {
		for j, v := range row {
			if v != "" {
				setCell(t, xf, col[heads[j]], hr+1+i, v)
			}
		}
	}
	filled := filepath.Join(dir, "filled.xlsx")
	if err := xf.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	xf.Close()

	out = mustRun(t, "import", filled, "--db", db)
	if !strings.Contains(out, "表样：某县 部门整体绩效目标表") || strings.Contains(out, "没有放入申报表") || strings.Contains(out, "需要处理的问题") {
		t.Fatalf("import of the filled blank:\n%s", out)
	}
	id2 := lastLine(out)
	code, out, _ := checkRun("check", "--draft", id2, "--db", db)
	if code != 0 || !strings.Contains(out, "审核通过") {
		t.Fatalf("check of the filled draft (exit %d):\n%s", code, out)
	}
	f := loadDraftT(t, db, id2)
	if len(f.Goals) != 2 || f.Basic["预算编码"] != "510101" || f.Year != "2024" || f.Dept != "某县农业农村局" ||
		len(f.Funds.Income) != 2 || f.Funds.Income[0].Name != "财政拨款" || len(f.Indicators) != 5 || f.Indicators[3].Nature != "定性" || f.Indicators[0].Weight != "30" {
		t.Fatalf("filled draft: goals %q basic %v year %q dept %q funds %+v indicators %+v", f.Goals, f.Basic, f.Year, f.Dept, f.Funds, f.Indicators)
	}

	// exported, and back
	x, p, j := filepath.Join(dir, "out.xlsx"), filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.json")
	out = mustRun(t, "export", "--draft", id2, "--xlsx", x, "--pdf", p, "--json", j, "--db", db)
	if strings.Contains(out, "未通过审核") {
		t.Fatalf("export of a form that passes:\n%s", out)
	}
	// the PDF (text only): its 预算年度 row is read as the 年度, not left over
	out = mustRun(t, "import", p, "--db", db)
	if back := loadDraftT(t, db, lastLine(out)); back.Year != "2024" || strings.Contains(out, "“预算年度”没有放入") || len(back.Indicators) != 5 {
		t.Errorf("the PDF came back as %q with %d indicators:\n%s", back.Year, len(back.Indicators), out)
	}
	for _, file := range []string{x, j} {
		back := loadDraftT(t, db, lastLine(mustRun(t, "import", file, "--db", db)))
		if !sameContent(f, back) {
			t.Errorf("%s came back changed:\n%+v\n%+v", filepath.Base(file), f, back)
		}
	}
}

func loadDraftT(t *testing.T, db, id string) *model.Form {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// sameContent compares what a clerk typed: 年度, 部门, 基本信息, funds,
// goals, indicators and the template.
func sameContent(a, b *model.Form) bool {
	return a.Year == b.Year && a.Dept == b.Dept && reflect.DeepEqual(a.Basic, b.Basic) && reflect.DeepEqual(a.Funds, b.Funds) &&
		reflect.DeepEqual(a.Goals, b.Goals) && reflect.DeepEqual(a.Indicators, b.Indicators) && a.Template.SameVersion(b.Template)
}
