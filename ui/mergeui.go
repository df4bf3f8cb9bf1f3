package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
	"jixiao/model/merge"
)

// mergeFile is one file of 合并导入, read at once when added.
type mergeFile struct {
	path string
	form *model.Form
	rep  *export.ImportReport
	err  error
	// moved is the list of the move of a file of another version of the
	// draft's 表样 to the draft's version (model.ToVersionOf), nil if none
	moved *model.Migration
}

// mergeDialog is 合并导入 (汇总) into the open draft: a list of files
// (added one by one, or dropped onto the window), the conflicts merge.Plan
// finds with a choice per existing unit and a confirmation for another
// 年度, then Merge as one undo step and a revision, and the per-file report.
type mergeDialog struct {
	ws        *Workspace
	files     []*mergeFile
	fileBox   *fyne.Container
	planBox   *fyne.Container
	choices   map[string]*widget.RadioGroup // by unit name
	yearOK    *widget.Check
	sameGoals *widget.Check // KeepSameGoals
	mergeBtn  *widget.Button
	dlg       *dialog.CustomDialog
	open      bool
	conflicts []merge.Conflict
	report    string            // the last merge's report
	popup     fyne.CanvasObject // the dialog's overlay
}

// unitActions are the radio choices for a unit the draft already has.
var unitActions = []struct {
	label string
	act   merge.UnitAction
}{{"替换", merge.UnitReplace}, {"保留两份", merge.UnitKeepBoth}, {"跳过", merge.UnitSkip}}

// MergeDialog opens 合并导入 for the open draft with paths already listed.
func (ws *Workspace) MergeDialog(paths []string) {
	ws.mergeDialog(paths, nil)
}

// mergeDialog opens 合并导入 with paths read now and files already read
// (批量审核 hands over the forms it read).
func (ws *Workspace) mergeDialog(paths []string, read []*mergeFile) {
	if ws.onDrafts && ws.e.ID() != "" {
		ws.ShowEditor()
	}
	if !ws.needDraft("合并导入") {
		return
	}
	m := &mergeDialog{ws: ws, choices: map[string]*widget.RadioGroup{}}
	ws.merge = m
	m.fileBox = container.NewVBox()
	m.planBox = container.NewVBox()
	m.yearOK = widget.NewCheck("允许合并不同年度（我已确认文件没有选错）", func(bool) { m.enable() })
	m.sameGoals = widget.NewCheck("相同目标分别保留（不勾选时，文字相同的目标只保留一条，任务改为对应它）", nil)
	add := widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), m.pick)
	batch := widget.NewButton("先批量审核…", m.toBatch)
	m.mergeBtn = widget.NewButton("合并", m.apply)
	m.mergeBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { m.close() })
	hint := widget.NewLabel("把各单位的 " + importKinds + "一个一个添加进来（也可以把文件拖到窗口上），检查下面列出的情况，再点“合并”。合并可以用 Ctrl+Z 撤销。")
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(hint, container.NewHBox(add, batch), m.fileBox, widget.NewSeparator(),
		widget.NewLabelWithStyle("合并前请检查：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), m.yearOK, m.sameGoals)
	body := container.NewBorder(top, nil, nil, nil, container.NewVScroll(m.planBox))
	m.dlg = dialog.NewCustomWithoutButtons("合并导入到“"+ws.e.Form().Dept+" "+ws.e.Form().Year+"年度”", body, ws.win)
	m.dlg.SetButtons([]fyne.CanvasObject{cancel, m.mergeBtn})
	m.dlg.SetOnClosed(func() { m.open = false })
	m.open = true
	for _, p := range paths {
		m.add(p)
	}
	m.files = append(m.files, read...)
	m.replan()
	m.dlg.Resize(dialogSize(ws.win, 1000, 700))
	m.dlg.Show()
	m.popup = ws.win.Canvas().Overlays().Top()
}

// shown reports whether the dialog is open (Esc hides it without 取消).
func (m *mergeDialog) shown() bool {
	return m.open && m.popup != nil && m.popup.Visible()
}

func (m *mergeDialog) close() {
	m.open = false
	m.dlg.Hide()
}

// toBatch closes 合并导入 and checks its files, and others, on the
// 批量审核 screen first; from there the files that pass come back here.
func (m *mergeDialog) toBatch() {
	var paths []string
	for _, f := range m.files {
		paths = append(paths, f.path)
	}
	m.close()
	m.ws.ShowBatch(paths...)
}

// pick adds one file chosen in the file dialog (Fyne's dialog picks one
// at a time).
func (m *mergeDialog) pick() {
	req := FileRequest{Title: "选择要合并的文件", Dir: m.ws.e.exportDir(), Exts: importExts, Kind: importKinds}
	m.ws.e.files().Open(m.ws.win, req, func(path string, err error) {
		if err == nil && path != "" {
			m.add(path)
		}
	})
}

// add reads the file at path and lists it (once).
func (m *mergeDialog) add(path string) {
	defer m.ws.guard("添加文件")
	for _, f := range m.files {
		if f.path == path {
			return
		}
	}
	f, rep, err := export.ImportFile(path, m.ws.importOptions())
	mf := &mergeFile{path: path, form: f, rep: rep, err: err}
	if err == nil && f != nil {
		// another version of the draft's 表样: moved to the draft's version
		// first, by the meaning of its columns
		mf.form, mf.moved = model.ToVersionOf(f, m.ws.e.form, rep.FileTemplate, m.ws.e.templates)
	}
	m.files = append(m.files, mf)
	m.replan()
}

func (m *mergeDialog) remove(i int) {
	if i >= 0 && i < len(m.files) {
		m.files = append(m.files[:i], m.files[i+1:]...)
		m.replan()
	}
}

// parts are the files that could be read.
func (m *mergeDialog) parts() []merge.Part {
	var ps []merge.Part
	for _, f := range m.files {
		if f.err == nil && f.form != nil {
			ps = append(ps, merge.Part{Label: filepath.Base(f.path), Form: f.form})
		}
	}
	return ps
}

// replan lists the files and the conflicts of merging them.
func (m *mergeDialog) replan() {
	m.fileBox.RemoveAll()
	if len(m.files) == 0 {
		m.fileBox.Add(widget.NewLabel("还没有添加文件。"))
	}
	for i, f := range m.files {
		var text string
		if f.err != nil {
			text = fmt.Sprintf("%s：无法读取，不会合并（%v）", filepath.Base(f.path), f.err)
		} else {
			t := model.ComputeTotals(f.form)
			text = fmt.Sprintf("%s：%s %s年度，%d个单位，任务%d项，合计 %s 万元", filepath.Base(f.path),
				f.form.Dept, f.form.Year, len(f.form.Units), f.form.TaskCount(), model.FormatMoney(t.Total, true))
			if mg := f.moved; mg != nil {
				text += fmt.Sprintf("；按表样第%d版填写，已先按各栏的含义迁移到草稿的第%d版（%s）", mg.From.Version, mg.To.Version, strings.Join(mg.Data, "；"))
			}
			if n := len(f.rep.Problems); n > 0 {
				text += fmt.Sprintf("；%d个单元格有问题（原文保留）：", n)
				for k, p := range f.rep.Problems {
					if k == 3 {
						text += "…"
						break
					}
					text += " " + p.String()
				}
			}
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { m.remove(i) })
		rm.Importance = widget.LowImportance
		m.fileBox.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	m.fileBox.Refresh()

	old := map[string]string{}
	for u, rg := range m.choices {
		old[u] = rg.Selected
	}
	m.choices = map[string]*widget.RadioGroup{}
	m.planBox.RemoveAll()
	m.yearOK.Hide()
	parts := m.parts()
	m.conflicts = merge.Plan(m.ws.e.Form(), parts)
	// what needs a decision first: 年度, 部门, existing units; then the rest
	rank := map[merge.ConflictKind]int{merge.ConflictYear: 0, merge.ConflictDept: 1, merge.ConflictUnitExists: 2}
	shown := slices.Clone(m.conflicts)
	slices.SortStableFunc(shown, func(a, b merge.Conflict) int {
		ra, ok := rank[a.Kind]
		if !ok {
			ra = 3
		}
		rb, ok := rank[b.Kind]
		if !ok {
			rb = 3
		}
		return ra - rb
	})
	m.sameGoals.Hide()
	if len(parts) > 0 && len(shown) == 0 {
		m.planBox.Add(widget.NewLabel("没有发现冲突，可以直接合并。"))
	}
	for _, c := range shown {
		l := widget.NewLabel(c.String())
		l.Wrapping = fyne.TextWrapWord
		switch c.Kind {
		case merge.ConflictUnitExists:
			if _, seen := m.choices[c.Unit]; seen {
				m.planBox.Add(l)
				continue
			}
			var labels []string
			for _, a := range unitActions {
				labels = append(labels, a.label)
			}
			rg := widget.NewRadioGroup(labels, nil)
			rg.Horizontal = true
			rg.Required = true
			rg.SetSelected("跳过")
			if s, ok := old[c.Unit]; ok && s != "" {
				rg.SetSelected(s)
			}
			m.choices[c.Unit] = rg
			m.planBox.Add(container.NewVBox(l, container.NewHBox(widget.NewLabel("    “"+c.Unit+"”："), rg)))
		case merge.ConflictYear:
			m.planBox.Add(l)
			m.yearOK.Show()
		case merge.ConflictSameGoal:
			m.planBox.Add(l)
			m.sameGoals.Show()
		default:
			m.planBox.Add(l)
		}
	}
	m.planBox.Refresh()
	m.enable()
}

func (m *mergeDialog) hasYearConflict() bool {
	for _, c := range m.conflicts {
		if c.Kind == merge.ConflictYear {
			return true
		}
	}
	return false
}

func (m *mergeDialog) enable() {
	if len(m.parts()) > 0 && (!m.hasYearConflict() || m.yearOK.Checked) {
		m.mergeBtn.Enable()
	} else {
		m.mergeBtn.Disable()
	}
}

// Choices are the clerk's answers as merge.Choices.
func (m *mergeDialog) Choices() merge.Choices {
	ch := merge.Choices{Units: map[string]merge.UnitAction{}, AllowYear: m.yearOK.Checked, KeepSameGoals: m.sameGoals.Checked, Templates: m.ws.e.templates}
	for u, rg := range m.choices {
		for _, a := range unitActions {
			if a.label == rg.Selected {
				ch.Units[u] = a.act
			}
		}
	}
	return ch
}

// apply merges as one undo step, saves a revision and shows the report.
func (m *mergeDialog) apply() {
	defer m.ws.guard("合并")
	ws := m.ws
	parts := m.parts()
	if len(parts) == 0 {
		return
	}
	merged, rep, err := merge.Merge(ws.e.Form(), parts, m.Choices())
	if err != nil {
		ws.failed("无法合并", err)
		return
	}
	ws.undo.Record()
	ws.e.Replace(merged)
	if err := ws.e.Flush(); err != nil {
		ws.failed("合并后草稿未能保存", err)
	}
	m.close()
	var b strings.Builder
	b.WriteString(rep.String())
	for _, f := range m.files {
		if f.err != nil {
			fmt.Fprintf(&b, "文件“%s”没有合并：%v\n", filepath.Base(f.path), f.err)
		} else if len(f.rep.Problems) > 0 {
			fmt.Fprintf(&b, "文件“%s”中有问题的单元格（原文已保留，请在表中改正）：\n", filepath.Base(f.path))
			for _, p := range f.rep.Problems {
				b.WriteString("  " + p.String() + "\n")
			}
		}
	}
	b.WriteString("\n要撤销这次合并，按 Ctrl+Z，或在“历史版本”中恢复合并前的版本。")
	m.report = b.String()
	ws.info("合并结果", m.report)
}
