package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// checksView is the 审核 tab: the findings of model.Check grouped by the
// table they concern (the current stage's first: 运行监控表 or 自评表,
// then the 申报表) and inside each by tab, every group with its counts;
// errors first in each group. Clicking a finding (or Enter on it) goes to
// its field; clicking a group's heading folds it.
type checksView struct {
	e       *Editor
	summary *widget.Label
	list    *widget.List
	items   []checkItem
	heights []float32 // of the list's rows as last set
	folded  map[checkGroup]bool
	top     *fyne.Container // the summary and the help line
	box     fyne.CanvasObject
}

// checkGroup names a group: a table (part < 0) or a tab of it.
type checkGroup struct {
	table model.Stage
	part  int // model.Part, or -1 for the table's heading
}

// checkItem is one row of the list: a group heading or finding i.
type checkItem struct {
	group   checkGroup
	finding int // index in Editor.findings, -1 for a heading
	title   string
}

func newChecksView(e *Editor) *checksView {
	v := &checksView{e: e, summary: heading(""), folded: map[checkGroup]bool{}}
	v.list = widget.NewList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject {
			head := heading("")
			head.Truncation = fyne.TextTruncateEllipsis
			sev := widget.NewLabelWithStyle("错误", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
			where := small("")
			msg := widget.NewLabel("")
			msg.Truncation = fyne.TextTruncateEllipsis
			row := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(52, sev.MinSize().Height), sev), nil,
				container.NewVBox(where, msg))
			return container.NewStack(head, row)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.items) {
				return
			}
			it := v.items[id]
			st := o.(*fyne.Container)
			head := st.Objects[0].(*widget.Label)
			row := st.Objects[1].(*fyne.Container)
			if it.finding < 0 {
				row.Hide()
				head.Show()
				head.SetText(it.title)
				if it.group.part < 0 {
					head.SizeName = theme.SizeNameSubHeadingText
				} else {
					head.SizeName = theme.SizeNameText
				}
				head.Refresh()
				return
			}
			head.Hide()
			row.Show()
			f := v.e.findings[it.finding]
			texts := row.Objects[0].(*fyne.Container).Objects
			sev := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			imp := widget.DangerImportance
			if f.Severity == model.SevHint {
				imp = widget.WarningImportance
			}
			setLabel(sev, f.Severity.String(), imp)
			place := f.Place // in the words of the form's template
			if place == "" {
				place = f.Loc.Describe(v.e.form)
			}
			setLabel(texts[0].(*widget.Label), place, widget.LowImportance)
			setLabel(texts[1].(*widget.Label), f.Message, widget.MediumImportance)
		},
	)
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		if id >= len(v.items) {
			return
		}
		it := v.items[id]
		if it.finding < 0 {
			v.folded[it.group] = !v.folded[it.group]
			v.rebuild()
			return
		}
		v.e.Focus(v.e.findings[it.finding].Loc)
	}
	help := small("点击一条即可转到对应的位置；点击分组标题可收起或展开。审核随修改即时更新；有“错误”的表不宜报送，“提示”请酌情处理。")
	v.top = container.NewVBox(container.NewHBox(widget.NewIcon(theme.InfoIcon()), v.summary), help, widget.NewSeparator())
	v.box = container.NewBorder(v.top, nil, nil, nil, v.list)
	return v
}

func (v *checksView) object() fyne.CanvasObject { return v.box }

// tables are the tables of the form's stage, its own first.
func checkTables(f *model.Form) []model.Stage {
	switch f.Stage {
	case model.StageMonitor:
		return []model.Stage{model.StageMonitor, model.StageDeclare}
	case model.StageEval:
		return []model.Stage{model.StageEval, model.StageDeclare}
	}
	return []model.Stage{model.StageDeclare}
}

// partOrder is the order of the tabs inside a table's group.
var partOrder = []model.Part{model.PartBasic, model.PartFunds, model.PartDuties, model.PartGoals, model.PartTasks, model.PartIndicators}

// groupTitle names a tab's group of the table of stage s.
func (v *checksView) groupTitle(s model.Stage, p model.Part) string {
	if s != model.StageDeclare {
		switch p {
		case model.PartTasks:
			return "监控与自评 › 预算执行情况"
		case model.PartIndicators:
			return "监控与自评 › 绩效指标"
		}
	}
	tpl := v.e.Template()
	switch p {
	case model.PartFunds:
		return "基本信息 › " + tpl.Label(model.SectionFunds)
	case model.PartDuties:
		return "基本信息 › " + tpl.Label(model.SectionDuties)
	}
	return tabTitle(TabOf(p), tpl)
}

func counts(errs, hints int) string {
	switch {
	case errs == 0 && hints == 0:
		return "没有问题"
	case hints == 0:
		return fmt.Sprintf("%d 个错误", errs)
	case errs == 0:
		return fmt.Sprintf("%d 条提示", hints)
	}
	return fmt.Sprintf("%d 个错误，%d 条提示", errs, hints)
}

// rebuild groups the findings into the list's rows.
func (v *checksView) rebuild() {
	f, fs := v.e.form, v.e.findings
	v.items = v.items[:0]
	for _, s := range checkTables(f) {
		byPart := make([][]int, len(partOrder))
		errs, hints := 0, 0
		for i, x := range fs {
			if model.StageOfField(x.Loc.Field) != s {
				continue
			}
			if x.Severity == model.SevError {
				errs++
			} else {
				hints++
			}
			byPart[partIndex(x.Loc.Part)] = append(byPart[partIndex(x.Loc.Part)], i)
		}
		name := model.TableName(s)
		if s == model.StageMonitor && f.Month > 0 {
			name += fmt.Sprintf("（截至%d月）", f.Month)
		}
		g := checkGroup{table: s, part: -1}
		mark := "▾ "
		if v.folded[g] {
			mark = "▸ "
		}
		title := mark + name + "：" + counts(errs, hints)
		if s != model.StageDeclare {
			// The table prints the declared amounts and 指标值 again, so
			// their errors count for it too (model.InTable; the export's
			// mark): say so, they are listed under the 申报表.
			if all := model.JudgeTable(fs, s); all.Errors+all.Hints > errs+hints {
				title = mark + name + "：" + counts(all.Errors, all.Hints) + fmt.Sprintf("（其中 %d 条在申报的金额、指标值上，列在申报表一组）", all.Errors+all.Hints-errs-hints)
			}
		}
		v.items = append(v.items, checkItem{group: g, finding: -1, title: title})
		if v.folded[g] {
			continue
		}
		for k, p := range partOrder {
			idx := byPart[k]
			if len(idx) == 0 {
				continue
			}
			pe, ph := model.CountFindings(pick(fs, idx))
			pg := checkGroup{table: s, part: int(p)}
			mark := "　▾ "
			if v.folded[pg] {
				mark = "　▸ "
			}
			v.items = append(v.items, checkItem{group: pg, finding: -1, title: mark + v.groupTitle(s, p) + "（" + counts(pe, ph) + "）"})
			if v.folded[pg] {
				continue
			}
			for _, i := range idx {
				v.items = append(v.items, checkItem{group: pg, finding: i})
			}
		}
	}
	v.list.Refresh()
	v.setHeights()
}

func partIndex(p model.Part) int {
	for i, q := range partOrder {
		if q == p {
			return i
		}
	}
	return len(partOrder) - 1
}

func pick(fs []model.Finding, idx []int) []model.Finding {
	out := make([]model.Finding, len(idx))
	for k, i := range idx {
		out[k] = fs[i]
	}
	return out
}

// setHeights gives the headings their own height (a finding has two
// lines); only the rows whose height changes are told.
func (v *checksView) setHeights() {
	head := heading("标题").MinSize().Height + theme.Padding()
	row := v.list.CreateItem().MinSize().Height
	for id, it := range v.items {
		h := row
		if it.finding < 0 {
			h = head
		}
		if id >= len(v.heights) || v.heights[id] != h {
			v.list.SetItemHeight(id, h)
		}
	}
	v.heights = v.heights[:0]
	for _, it := range v.items {
		if it.finding < 0 {
			v.heights = append(v.heights, head)
		} else {
			v.heights = append(v.heights, row)
		}
	}
}

func (v *checksView) refresh(bool) {
	n := len(v.e.findings)
	errs := v.e.errors
	switch {
	case n == 0:
		setLabel(v.summary, "审核通过：没有发现问题。", widget.SuccessImportance)
	case errs == 0:
		setLabel(v.summary, fmt.Sprintf("没有错误，%d 条提示。", n), widget.WarningImportance)
	default:
		setLabel(v.summary, fmt.Sprintf("共 %d 个错误，%d 条提示（按表和页面分组，本阶段的表在前）。", errs, n-errs), widget.DangerImportance)
	}
	v.rebuild()
}

// Select goes to finding i (an index in Editor.Findings) as a click on it
// does.
func (v *checksView) Select(i int) {
	for id, it := range v.items {
		if it.finding == i {
			v.list.Select(id)
			return
		}
	}
}

func (v *checksView) focus(model.Location) bool { return v.e.focusObject(v.list) }
