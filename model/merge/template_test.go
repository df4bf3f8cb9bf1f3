package merge

import (
	"strings"
	"testing"

	"jixiao/model"
)

func TestMergeRefusesDifferentTemplates(t *testing.T) {
	hubei := model.BuiltinTemplate(model.HubeiTemplateID)
	into := model.TemplateExample(hubei)
	same := model.TemplateExample(hubei)
	same.Indicators = same.Indicators[:1]
	same.Indicators[0].Level3 = "新增指标"
	if _, _, err := Merge(into, []Part{{Label: "下级.xlsx", Form: same}}, Choices{Default: UnitKeepBoth}); err != nil {
		t.Fatalf("same template refused: %v", err)
	}
	other := model.TemplateExample(model.BuiltinTemplate(model.HunanTemplateID))
	_, _, err := Merge(into, []Part{{Label: "下级.xlsx", Form: same}, {Label: "湖南.xlsx", Form: other}}, Choices{Default: UnitKeepBoth})
	if err == nil || !strings.Contains(err.Error(), "文件“湖南.xlsx”是按表样“湖南 整体绩效目标表”填写的，草稿的表样是“湖北 部门整体支出绩效目标申报表”，表样不同，没有合并任何文件") {
		t.Fatalf("err = %v", err)
	}
	// A form made before templates is a 郑州 form.
	old := model.Sample()
	zz := model.TemplateExample(model.BuiltinTemplate(model.DefaultTemplateID))
	if _, _, err := Merge(old, []Part{{Label: "z", Form: zz}}, Choices{Default: UnitKeepBoth, AllowYear: true}); err != nil {
		t.Fatalf("郑州 with an old form: %v", err)
	}
}

// A refusal names an imported 表样 by its name when the caller knows it,
// else by its id.
func TestMergeRefusalNamesImportedTemplate(t *testing.T) {
	bureau := model.BuiltinTemplate(model.HubeiTemplateID)
	bureau.ID, bureau.Version, bureau.Name = "xx-bureau", 2, "某市 部门整体绩效目标表"
	into := model.TemplateExample(bureau)
	into.Template = bureau.Ref()
	other := model.TemplateExample(model.BuiltinTemplate(model.HunanTemplateID))
	parts := []Part{{Label: "湖南.xlsx", Form: other}}
	for _, tc := range []struct {
		known []*model.Template
		want  string
	}{
		{[]*model.Template{bureau}, "草稿的表样是“某市 部门整体绩效目标表”"},
		{nil, "草稿的表样是“xx-bureau”"},
	} {
		_, _, err := Merge(into, parts, Choices{Default: UnitKeepBoth, Templates: tc.known})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("known %d templates: err = %v, want %q", len(tc.known), err, tc.want)
		}
	}
}
