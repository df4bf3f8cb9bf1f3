package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/xlsx"
	"jixiao/model"
)

// reorderedTemplate is a bureau's template that puts its optional
// indicator columns in an order of its own and names them its own way.
func reorderedTemplate() *model.Template {
	t := model.BuiltinTemplate(model.NationalTemplateID)
	t.ID, t.Name = "reordered", "某市 部门整体绩效目标表（栏目顺序不同）"
	t.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColWeight, Label: "权重(%)"}, {Key: model.IndColDirection, Label: "指标方向"},
		{Key: model.IndColValue, Label: "指标值"}, {Key: model.IndColUnit, Label: "度量单位"}, {Key: model.IndColNature, Label: "指标性质"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	return t
}

// indicatorHeader is the header row of the 绩效指标 table of the first
// sheet, left to right, a merged header once.
func indicatorHeader(t *testing.T, data []byte) []string {
	t.Helper()
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xf.GetRows(xf.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if len(row) > 2 && row[2] == "三级指标" {
			var out []string
			for _, v := range row {
				if v != "" && (len(out) == 0 || out[len(out)-1] != v) {
					out = append(out, v)
				}
			}
			return out
		}
	}
	t.Fatalf("no header row with 三级指标 in column C")
	return nil
}

// TestIndicatorColumnsInTemplateOrder: the xlsx and the PDF print the
// indicator columns in the template's order under its names, and the
// sheet reads back the same (visible sheet only).
func TestIndicatorColumnsInTemplateOrder(t *testing.T) {
	cases := []struct {
		tpl  *model.Template
		want []string
	}{
		{model.BuiltinTemplate(model.HunanTemplateID),
			[]string{"一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评(扣)分标准", "备注"}},
		{model.BuiltinTemplate(model.NationalTemplateID),
			[]string{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "指标解释", "指标说明"}},
		{reorderedTemplate(),
			[]string{"一级指标", "二级指标", "三级指标", "权重(%)", "指标方向", "指标值", "度量单位", "指标性质", "指标解释", "备注"}},
	}
	for _, c := range cases {
		t.Run(c.tpl.ID, func(t *testing.T) {
			f := model.TemplateExample(c.tpl)
			var xb bytes.Buffer
			if err := WriteXLSXTemplate(&xb, f, c.tpl); err != nil {
				t.Fatal(err)
			}
			if got := indicatorHeader(t, xb.Bytes()); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("xlsx header\n got %v\nwant %v", got, c.want)
			}
			back, rep, err := ImportBytes("visible.xlsx", withoutDataSheet(t, xb.Bytes()), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Unplaced) > 0 || len(rep.Problems) > 0 {
				t.Errorf("%s", rep)
			}
			if xlsx.VisibleKey(back) != xlsx.VisibleKey(f) {
				t.Errorf("visible content differs:\nwant %s\n got %s", xlsx.VisibleKey(f), xlsx.VisibleKey(back))
			}
			var pb bytes.Buffer
			if _, err := WritePDFTemplate(&pb, f, c.tpl); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "order.pdf")
			if err := os.WriteFile(p, pb.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, p)
			at := strings.Index(text, squash(c.want[0]))
			for _, h := range c.want[1:] {
				i := strings.Index(text[max(at, 0):], squash(h))
				if at < 0 || i < 0 {
					t.Fatalf("pdf: %q not after the previous header", h)
				}
				at += i
			}
		})
	}
}
