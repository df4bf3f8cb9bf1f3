package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// A fixed indicator column is as wide as its whole header under the
// form's template (a bureau's 考核权重(%) in the 56-px 分值 column was cut
// to "考核…"), up to indHeadMax; a header that fits keeps the column's own
// width, and the shared columns stay shared.
func TestIndicatorColumnFitsItsHeader(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	long := "考核权重（%）按百分制折算后的满分值"
	for _, tc := range []struct {
		label string
		want  func(w, need float32) bool
	}{
		{"分值", func(w, need float32) bool { return w == indColWidth[model.IndColWeight] }},
		{"考核权重(%)", func(w, need float32) bool { return w >= need && w > indColWidth[model.IndColWeight] }},
		{long, func(w, need float32) bool { return w == indHeadMax && need > indHeadMax }},
	} {
		tp.IndicatorColumns = []model.Column{{Key: model.IndColL3, Label: "三级指标"}, {Key: model.IndColWeight, Label: tc.label}, {Key: model.IndColExplain, Label: "指标解释"}}
		ws := indColWidths(tp, []string{model.IndColL3, model.IndColWeight, model.IndColExplain})
		need := heading(tc.label).MinSize().Width
		if len(ws) != 4 || !tc.want(ws[1], need) {
			t.Errorf("%q: widths %v (its header needs %.0f)", tc.label, ws, need)
		}
		if ws[2] != 0 || ws[3] != indButtonsWidth {
			t.Errorf("%q: 指标解释 %v and buttons %v, want shared (0) and %d", tc.label, ws[2], ws[3], indButtonsWidth)
		}
	}
}
