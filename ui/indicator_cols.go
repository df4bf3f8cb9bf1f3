package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// The columns of the 绩效指标 tab follow the form's 表样: its order of the
// indicator columns (model.IndicatorOrder) and its names (a template that
// calls 计量单位 度量单位, or 分值 权重, shows that). 一级 and 二级指标 head
// the groups of rows, so they are not columns here.

// indColWidth is the width of each column (0: it takes a share of the
// rest); the buttons are indButtonsWidth wide.
var indColWidth = map[string]float32{
	model.IndColL3: 170, model.IndColValue: 90, model.IndColWeight: 56, model.IndColUnit: 70,
	model.IndColValueType: 84, model.IndColNature: 76, model.IndColDirection: 76,
}

const indButtonsWidth = 96

// indHeadMax is the widest a fixed column grows to show its whole header
// (a template's 考核权重(%) in the 56-px 分值 column); a longer header is
// cut with "…".
const indHeadMax = 130

// indColWidths are the widths of the columns cols under t's headers: each
// column's own width, widened to its whole header (up to indHeadMax), then
// the buttons.
func indColWidths(t *model.Template, cols []string) []float32 {
	ws := make([]float32, 0, len(cols)+1)
	for _, k := range cols {
		w := indColWidth[k]
		if w > 0 {
			if need := heading(t.ColumnLabel(k)).MinSize().Width; need > w {
				w = min(need, indHeadMax)
			}
		}
		ws = append(ws, w)
	}
	return append(ws, indButtonsWidth)
}

// shownColumns are the columns of the tab for the open form.
func (v *indicatorsView) shownColumns() []string {
	var out []string
	for _, k := range model.IndicatorOrder(v.e.Template(), v.e.form.Options) {
		if k != model.IndColL1 && k != model.IndColL2 {
			out = append(out, k)
		}
	}
	return out
}

// headsOf names the columns and their headers: when it changes the tab
// is rebuilt.
func (v *indicatorsView) headsOf() string {
	t := v.e.Template()
	var b strings.Builder
	for _, k := range v.shownColumns() {
		fmt.Fprintf(&b, "%s=%s;", k, t.ColumnLabel(k))
	}
	return b.String()
}

// columns sets the columns and rebuilds the header row.
func (v *indicatorsView) columns() {
	t := v.e.Template()
	v.cols = v.shownColumns()
	v.heads = v.headsOf()
	objs := make([]fyne.CanvasObject, 0, len(v.cols)+1)
	for _, k := range v.cols {
		l := heading(t.ColumnLabel(k))
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	objs = append(objs, heading(""))
	v.header.Objects = objs
	v.widths = indColWidths(t, v.cols)
	v.header.Layout = newCols(v.widths...)
	v.header.Refresh()
}

// rowLine lays out row r's cells in the columns' order, then buttons.
func (v *indicatorsView) rowLine(r *indRow, name, buttons fyne.CanvasObject) *fyne.Container {
	cell := map[string]fyne.CanvasObject{
		model.IndColL3: name, model.IndColValue: container.NewVBox(r.value, r.fixed), model.IndColExplain: r.explain,
		model.IndColNote: r.note, model.IndColWeight: container.NewVBox(r.weight), model.IndColUnit: container.NewVBox(r.unit),
		model.IndColValueType: container.NewVBox(r.vtype), model.IndColScoring: r.scoring,
		model.IndColNature: container.NewVBox(r.nature), model.IndColDirection: container.NewVBox(r.dir),
	}
	objs := make([]fyne.CanvasObject, 0, len(v.cols)+1)
	for _, k := range v.cols {
		objs = append(objs, cell[k])
	}
	return container.New(newCols(v.widths...), append(objs, buttons)...)
}

// fieldColumn is the column of a finding's field.
var fieldColumn = map[model.Field]string{
	model.FieldValue: model.IndColValue, model.FieldExplain: model.IndColExplain, model.FieldNote: model.IndColNote,
	model.FieldWeight: model.IndColWeight, model.FieldUnit: model.IndColUnit, model.FieldValueType: model.IndColValueType,
	model.FieldScoring: model.IndColScoring, model.FieldNature: model.IndColNature, model.FieldDirection: model.IndColDirection,
}

// showsField reports whether the field's column is shown (fields without
// a column of their own — names, rate inputs — are).
func (v *indicatorsView) showsField(f model.Field) bool {
	k, ok := fieldColumn[f]
	return !ok || slices.Contains(v.cols, k)
}

// indicatorSelects are the 指标性质 and 指标方向 selectors of row i, with
// the template's names as their placeholders.
func (e *Editor) indicatorSelects(i int) (nature, dir *widget.Select) {
	in := e.form.Indicators[i]
	t := e.Template()
	sel := func(label string, opts []string, cur string, key string, set func(in *model.Indicator, s string)) *widget.Select {
		s := widget.NewSelect(opts, nil)
		s.PlaceHolder = label
		if cur != "" {
			if !slices.Contains(opts, cur) {
				s.Options = append(slices.Clone(opts), cur) // keep what was typed elsewhere
			}
			s.SetSelected(cur)
		}
		s.OnChanged = func(v string) {
			e.ApplyKeyed(fmt.Sprintf("ind/%d/%s", i, key), func(f *model.Form) {
				if i < len(f.Indicators) {
					set(&f.Indicators[i], v)
				}
			})
		}
		return s
	}
	nature = sel(t.ColumnLabel(model.IndColNature), model.Natures, in.Nature, "nature", func(in *model.Indicator, s string) { in.Nature = s })
	dir = sel(t.ColumnLabel(model.IndColDirection), model.Directions, in.Direction, "direction", func(in *model.Indicator, s string) { in.Direction = s })
	return nature, dir
}
