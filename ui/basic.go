package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// basicView is the 基本信息 tab: 年度, 部门名称, the optional columns and a
// summary of the form.
type basicView struct {
	e       *Editor
	year    *widget.Entry
	dept    *widget.Entry
	opts    []*widget.Check
	origin  *widget.Label
	summary *widget.Label
	tpl     *templatePanel // the 表样's parts (template.go)
	form    *widget.Form   // 年度 and the 部门名称 under the 表样's own label
	box     *container.Scroll
}

// optionSwitches are the optional columns, in the order shown.
var optionSwitches = []struct {
	label string
	help  string
	get   func(o *model.Options) *bool
}{
	{"其他资金", "任务表增加“其他资金”列（合计 = 财政资金 + 其他资金）", func(o *model.Options) *bool { return &o.OtherFunds }},
	{"分值", "绩效指标增加“分值”列", func(o *model.Options) *bool { return &o.Weight }},
	{"计量单位", "绩效指标增加“计量单位”列", func(o *model.Options) *bool { return &o.Unit }},
	{"指标值类型", "绩效指标增加“指标值类型”（定量/定性）列", func(o *model.Options) *bool { return &o.ValueType }},
	{"评分标准", "绩效指标增加“评(扣)分标准”列", func(o *model.Options) *bool { return &o.Scoring }},
}

func newBasicView(e *Editor) *basicView {
	v := &basicView{e: e, year: widget.NewEntry(), dept: widget.NewEntry(), origin: widget.NewLabel(""), summary: widget.NewLabel("")}
	v.year.SetPlaceHolder("如 2021")
	v.dept.SetPlaceHolder("如 郑州市生态环境局")
	v.year.OnChanged = func(s string) { e.ApplyKeyed("basic/year", func(f *model.Form) { f.Year = s }) }
	v.dept.OnChanged = func(s string) { e.ApplyKeyed("basic/dept", func(f *model.Form) { f.Dept = s }) }
	form := widget.NewForm(
		widget.NewFormItem("年度", container.NewGridWrap(fyne.NewSize(160, v.year.MinSize().Height), v.year)),
		widget.NewFormItem("部门名称", v.dept),
	)
	v.form = form
	form.Items[0].HintText = "申报的年度，写四位数字"
	form.Items[1].HintText = "与部门公章一致的全称"
	optBox := container.NewVBox()
	for _, sw := range optionSwitches {
		c := widget.NewCheck(sw.label+"　— "+sw.help, nil)
		c.OnChanged = func(on bool) {
			if *sw.get(&e.form.Options) == on {
				return
			}
			e.Apply(func(f *model.Form) { *sw.get(&f.Options) = on })
		}
		v.opts = append(v.opts, c)
		optBox.Add(c)
	}
	v.origin.Wrapping = fyne.TextWrapWord
	v.summary.Wrapping = fyne.TextWrapWord
	v.tpl = newTemplatePanel(e)
	content := container.NewVBox(
		heading("申报单位"),
		form,
		v.tpl.object(),
		widget.NewSeparator(),
		heading("可选列（其他省市模板使用，本表默认不用）"),
		optBox,
		widget.NewSeparator(),
		heading("本表概况"),
		v.summary,
		v.origin,
	)
	v.box = container.NewVScroll(container.NewPadded(container.New(maxWidthLayout{1200}, content)))
	return v
}

func (v *basicView) object() fyne.CanvasObject { return v.box }

func (v *basicView) refresh(bool) {
	f := v.e.form
	setText(v.year, f.Year)
	setText(v.dept, f.Dept)
	if t := v.e.Template(); v.form.Items[1].Text != t.Dept() || v.form.Items[0].Text != t.YearLabel() {
		v.form.Items[0].Text = t.YearLabel() // 年度, 预算年度 …
		v.form.Items[1].Text = t.Dept()      // 部门(单位)名称, 单位名称 …
		v.form.Refresh()
	}
	if v.tpl.refresh() {
		v.box.Refresh()
	}
	for i, sw := range optionSwitches {
		on := *sw.get(&f.Options)
		if v.opts[i].Checked != on {
			v.opts[i].SetChecked(on)
		}
	}
	setLabel(v.summary, formSummary(f, v.e.totals), widget.MediumImportance)
	origin := ""
	if f.Meta.Origin != "" {
		origin = "来源：" + f.Meta.Origin
	}
	if f.Meta.PrevYear != "" {
		origin += fmt.Sprintf("（由 %s 年度复制）", f.Meta.PrevYear)
	}
	setLabel(v.origin, origin, widget.LowImportance)
}

// formSummary is the 本表概况: one line for each part of the form, so that a
// narrow window wraps a line, not a phrase.
func formSummary(f *model.Form, t model.Totals) string {
	inds := 0
	for _, in := range f.Indicators {
		if in.Formula != "" {
			inds++
		}
	}
	totals := strings.ReplaceAll(totalsText(f, nil, t), "　", "，")
	return fmt.Sprintf("年度总体目标：%d 个\n年度主要任务：%d 个单位、%d 项，%s\n绩效指标：%d 行（其中计算类 %d 行）",
		len(f.Goals), len(t.Units), t.Tasks, totals, len(f.Indicators), inds)
}

func (v *basicView) focus(loc model.Location) bool {
	if v.tpl.focus(loc) {
		return true
	}
	if loc.Field == model.FieldDept {
		return v.e.focusObject(v.dept)
	}
	return v.e.focusObject(v.year)
}
