package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/model"
)

// clerkSheet writes rows (from A1) as a clerk would type them, with a
// stray note to the right, and returns the file.
func clerkSheet(t *testing.T, rows [][]any) string {
	t.Helper()
	rows = append([][]any(nil), rows...)
	for len(rows) < 3 {
		rows = append(rows, nil)
	}
	note := make([]any, max(14, len(rows[2]))) // N3: a stray note of the clerk's
	copy(note, rows[2])
	note[13] = "请于3月底前报送"
	rows[2] = note
	b, err := testfiles.SheetXLSX(rows)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "clerk.xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportClerkSheetsPerTemplate: a sheet typed by a clerk in the layout
// of each built-in template (its own column order, no hidden data) is
// recognised by its labels, read whole, and the one stray cell is listed.
func TestImportClerkSheetsPerTemplate(t *testing.T) {
	cases := []struct {
		id    string
		rows  [][]any
		check func(t *testing.T, f *model.Form)
	}{
		{model.DefaultTemplateID, [][]any{
			{"市级部门整体绩效目标申报表"},
			{"（2022年度）"},
			{"部门名称", "某市某局"},
			{"年度总体目标", "目标1：完成年度重点工作。"},
			{"年度主要任务", "任务名称", "", "主要内容", "", "", "预算资金", "", "备注"},
			{"", "", "", "", "", "", "合计", "其中：财政资金", ""},
			{"", "某市某局机关", "", "日常运转", "", "", 120.5, 100, ""},
			{"", "合计", "", "", "", "", 120.5, 100, ""},
			{"绩效指标"},
			{"一级指标", "二级指标", "三级指标", "指标值", "指标解释", "指标说明"},
			{"履职效能", "部门目标实现", "重点工作办结率", "≥95%", "办结数/总数", "按年统计"},
		}, func(t *testing.T, f *model.Form) {
			if f.Dept != "某市某局" || len(f.Units) != 1 || f.Units[0].Tasks[0].Total.Raw() == "" || len(f.Indicators) != 1 {
				t.Errorf("form %+v", f)
			}
		}},
		{model.HunanTemplateID, [][]any{
			{"整体绩效目标表"},
			{"（2023年度）"},
			{"部门(单位)名称", "岳阳楼区某中心"},
			{"部门(单位)职责", "负责价格认定工作。"},
			{"年度总体绩效目标", "目标1：完成价格认定任务。"},
			{"绩效指标"},
			{"一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释", "*评(扣)分标准", "备注"},
			{"产出指标", "数量指标", "认定件数", "定量", "≥300", "件", "全年认定件数", "每少10件扣1分", ""},
		}, func(t *testing.T, f *model.Form) {
			in := f.Indicators
			if f.Duties != "负责价格认定工作。" || len(in) != 1 || in[0].ValueType != "定量" || in[0].Unit != "件" || in[0].Scoring != "每少10件扣1分" || in[0].Value != "≥300" {
				t.Errorf("form %+v %+v", f, in)
			}
		}},
		{model.NationalTemplateID, [][]any{
			{"部门整体绩效目标表"},
			{"（2024年度）"},
			{"单位名称", "某县某局"},
			{"年度目标", "目标1：保障运转。"},
			{"年度绩效指标"},
			{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)", "指标方向性", "指标解释", "指标说明"},
			{"产出指标", "数量指标", "培训人次", "≥", "50", "人次", 100, "正向", "参训人次", ""},
		}, func(t *testing.T, f *model.Form) {
			in := f.Indicators
			if len(in) != 1 || in[0].Nature != "≥" || in[0].Weight != "100" || in[0].Unit != "人次" || in[0].Direction != "正向" {
				t.Errorf("indicators %+v", in)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			f, rep, err := ImportFile(clerkSheet(t, c.rows), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := model.BuiltinTemplate(c.id)
			if rep.Template != want.Name || f.Template.ID != c.id {
				t.Fatalf("recognised %q (%s), want %q", rep.Template, f.Template.ID, want.Name)
			}
			c.check(t, f)
			if len(rep.Unplaced) != 1 || !strings.Contains(rep.Unplaced[0].Cell+rep.Unplaced[0].Message, "N3") ||
				!strings.Contains(rep.Unplaced[0].Message, "请于3月底前报送") {
				t.Errorf("unplaced %v, want only N3", rep.Unplaced)
			}
		})
	}
}
