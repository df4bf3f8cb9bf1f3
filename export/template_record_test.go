package export

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// An xlsx records the template it was written in (column C of the hidden
// sheet, checked by its hash): read on a machine that does not have that
// template, a sheet edited in Excel is still read by that template's
// columns (考核权重, 计量口径 …) and the report hands the template on. A
// record whose content no longer matches its hash is not used.
func TestWorkbookCarriesItsTemplate(t *testing.T) {
	tp := testfiles.BureauTemplate(2)
	f := model.TemplateExample(tp)
	var b bytes.Buffer
	if err := WriteXLSXTemplate(&b, f, tp); err != nil {
		t.Fatal(err)
	}
	// a unit changes a weight in Excel: the visible sheet is read
	edited := editWorkbook(t, b.Bytes(), func(xf *excelize.File) {
		rows, _ := xf.GetRows(SheetName)
		for r, row := range rows {
			for c, v := range row {
				if v == "培训人次" || v == "重点工作完成数" {
					for c2 := c + 1; c2 < len(row); c2++ {
						if row[c2] == "30" {
							cell, _ := excelize.CoordinatesToCellName(c2+1, r+1)
							xf.SetCellValue(SheetName, cell, 40)
							return
						}
					}
				}
			}
		}
		t.Fatal("no weight of 30 in the first indicator row")
	})
	g, rep, err := ImportBytes("单位.xlsx", edited, ImportOptions{}) // the built-in templates only
	if err != nil {
		t.Fatal(err)
	}
	if rep.FileTemplate == nil || model.TemplateHash(rep.FileTemplate) != model.TemplateHash(tp) {
		t.Fatalf("the file's template is not handed on: %+v", rep.FileTemplate)
	}
	if !g.Template.SameVersion(tp.Ref()) || len(g.Indicators) != len(f.Indicators) || g.Indicators[0].Weight != "40" || g.Indicators[0].Unit != f.Indicators[0].Unit || len(rep.Unplaced) > 0 {
		t.Errorf("read as %+v, indicators %+v, unplaced %v", g.Template, g.Indicators, rep.Unplaced)
	}
	// the record tampered with: not used
	tampered := editWorkbook(t, edited, func(xf *excelize.File) {
		v, _ := xf.GetCellValue(DataSheetName, "C2")
		xf.SetCellStr(DataSheetName, "C2", strings.Replace(v, "考核权重", "考核分值", 1))
	})
	_, rep, err = ImportBytes("单位.xlsx", tampered, ImportOptions{})
	if err != nil || rep.FileTemplate != nil {
		t.Errorf("tampered record used: %v %v", rep.FileTemplate, err)
	}
	// JSON too
	b.Reset()
	if err := WriteJSONTemplate(&b, f, tp); err != nil {
		t.Fatal(err)
	}
	_, rep, err = ImportBytes("单位.json", b.Bytes(), ImportOptions{})
	if err != nil || rep.FileTemplate == nil || model.TemplateHash(rep.FileTemplate) != model.TemplateHash(tp) {
		t.Errorf("JSON: %v %v", rep.FileTemplate, err)
	}
}

// A sheet a clerk typed by hand (no hidden data) in the layout of a
// template written from the docs (county-from-docs: 预算年度 and 单位名称 as
// rows of 基本信息, 资金总额 first with 其中：财政拨款, no 指标解释/指标说明) is
// recognised among the stored templates and read whole by its labels.
func TestClerkSheetOfADocsTemplate(t *testing.T) {
	b, err := os.ReadFile("../cmd/jixiao/cli/testdata/templates/county-from-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	tp, err := model.ParseTemplate(b)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"部门（单位）整体绩效目标表"},
		{"预算年度", "2024"},
		{"单位名称", "某县农业农村局"},
		{"预算编码", "510101"},
		{"联系人", "张三"},
		{"联系电话", "028-86123456"},
		{"单位资金情况（万元）", "类别", "项目", "当年金额", "占比"},
		{"", "收入构成", "资金总额", 968, "100%"},
		{"", "", "其中：财政拨款", 900, "93.0%"},
		{"", "", "其他资金", 68, "7.0%"},
		{"年度绩效目标", "1.保障机构正常运转。\n2.完成年度重点工作任务。"},
		{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)", "指标方向性"},
		{"产出指标", "数量指标", "农技培训人次", "≥", "500", "人次", 40, "正向"},
		{"效益指标", "社会效益指标", "农业技术推广覆盖率", "≥", "85%", "%", 40, "正向"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90%", "%", 20, "正向"},
	}
	data, err := testfiles.SheetXLSX(rows)
	if err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportBytes("某县.xlsx", data, ImportOptions{Templates: []*model.Template{tp}})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Template.SameVersion(tp.Ref()) || len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
		t.Fatalf("template %+v, report:\n%s", f.Template, rep)
	}
	if f.Year != "2024" || f.Dept != "某县农业农村局" || f.Basic["预算编码"] != "510101" || len(f.Goals) != 2 ||
		f.Funds == nil || len(f.Funds.Income) != 2 || f.Funds.Income[0].Name != "财政拨款" || f.Funds.IncomeTotal.Raw() != "968" || len(f.Indicators) != 3 {
		t.Fatalf("read: %q %q %v goals %d funds %+v indicators %d", f.Year, f.Dept, f.Basic, len(f.Goals), f.Funds, len(f.Indicators))
	}
	if fs := model.CheckWith(f, tp); len(fs) != 0 {
		t.Errorf("checks: %s %s", fs[0].Place, fs[0].Message)
	}
}
