package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// 本表概况 is one line a part, so that a narrow window wraps a line, not a
// phrase such as "49 行"; its figures follow the form.
func TestSummaryOneLineAPart(t *testing.T) {
	e, _ := newTestEditor(t, model.Sample(), nil)
	want := []string{
		"年度总体目标：34 个",
		"年度主要任务：8 个单位、34 项，合计 7,898.5676 万元，财政资金 7,898.5676 万元",
		"绩效指标：49 行（其中计算类 25 行）",
	}
	if got := strings.Split(e.basic.summary.Text, "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("本表概况:\n%s\nwant:\n%s", e.basic.summary.Text, strings.Join(want, "\n"))
	}

	e.Apply(func(f *model.Form) { f.Goals = f.Goals[:30] })
	if !strings.HasPrefix(e.basic.summary.Text, "年度总体目标：30 个\n") {
		t.Errorf("after deleting 4 goals: %q", e.basic.summary.Text)
	}

}

// The 部门名称 field carries the 表样's own label (湖北: 部门(单位)名称), and
// the sample's form its default.
func TestDeptLabelFollowsTemplate(t *testing.T) {
	for _, tc := range []struct {
		f    *model.Form
		want string
	}{
		{model.TemplateExample(model.BuiltinTemplate(model.HubeiTemplateID)), "部门(单位)名称"},
		{model.Sample(), "部门名称"},
	} {
		e, _ := newTestEditor(t, tc.f, nil)
		shown := false
		walk(e.basic.form, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.RichText); ok && l.String() == tc.want {
				shown = true
			}
		})
		if e.basic.form.Items[1].Text != tc.want || !shown {
			t.Errorf("label %q (shown: %v), want %q", e.basic.form.Items[1].Text, shown, tc.want)
		}
	}
}
