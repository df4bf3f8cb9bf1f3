package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// 导入填好的监控表/自评表: the 运行监控表 or 自评表 exported from this draft
// and filled in Excel or WPS (by the clerk or a sub-unit) is read back by
// export.ImportStageValues — the command line's `import --into` — and its
// report shown in plain Chinese before anything changes; 导入 takes the
// values as one undoable edit and saves, 取消 leaves the draft as it was.
// A file that cannot be taken (another stage, a 申报表, a newer format,
// another draft's sheet, a damaged file) gives its message and changes
// nothing.

// stageImportReview is the report dialog of one filled sheet.
type stageImportReview struct {
	v      *yearView
	path   string
	data   []byte // the file as read
	id     string // the draft it was read into
	gen    uint64 // the editor's edit count then: the draft must not have moved
	g      *model.Form
	rep    *export.StageReport
	text   string // the report as shown, for tests
	head   string // the dialog's title
	dlg    dialog.Dialog
	intro  string // a line before the report (the general import's)
	taken  bool   // 导入 was pressed and the values are in the draft
	failed string // the message shown when the file was refused
}

// stageImportLabel is the action's name in the draft's stage.
func stageImportLabel(s model.Stage) string {
	if s == model.StageMonitor {
		return "导入填好的监控表…"
	}
	return "导入填好的自评表…"
}

// chooseStageFile asks for the filled sheet (the system's file chooser)
// and reads it into the open draft.
func (v *yearView) chooseStageFile() {
	e := v.e
	if e.ID() == "" {
		return
	}
	req := FileRequest{Title: strings.TrimSuffix(stageImportLabel(e.form.Stage), "…") + "（Excel）", Dir: e.exportDir(),
		Exts: []string{".xlsx"}, Kind: "Excel 文件"}
	e.files().Open(e.win, req, func(path string, err error) {
		if err != nil {
			e.ShowError("无法打开文件", errMessage(err))
			return
		}
		if path != "" {
			v.ImportStagePath(path, "")
		}
	})
}

// ImportStagePath reads the filled 监控表/自评表 at path into a copy of the
// open draft, off the UI goroutine, and shows what it would change; intro,
// when set, is a first line of the report.
func (v *yearView) ImportStagePath(path, intro string) {
	e := v.e
	rv := &stageImportReview{v: v, path: path, id: e.ID(), gen: e.editGen, intro: intro}
	v.imp = rv
	f := e.form.Clone() // the work must not read the form the clerk edits
	var (
		g   *model.Form
		rep *export.StageReport
		err error
	)
	finished := false
	var progress dialog.Dialog
	timer := e.clock.AfterFunc(progressDelay, func() {
		if finished {
			return
		}
		progress = dialog.NewCustomWithoutButtons("正在读取…", container.NewVBox(
			widget.NewLabel("正在读取 "+filepath.Base(path)+"，请稍候。"), widget.NewProgressBarInfinite()), e.win)
		progress.Show()
	})
	e.worker.Go(func() {
		defer func() {
			if r := recover(); r != nil {
				err = model.Errorf(model.EINTERNAL, "程序内部出错（%v）", r)
			}
		}()
		if rv.data, err = export.ReadImportFile(path); err == nil {
			g, rep, err = export.ImportStageValues(filepath.Base(path), rv.data, f)
		}
	}, func() {
		finished = true
		timer.Stop()
		if progress != nil {
			progress.Hide()
		}
		if err != nil {
			rv.refused(err)
			return
		}
		if e.ID() != rv.id || e.editGen != rv.gen {
			rv.again() // the draft changed meanwhile: read it into the draft as it is now
			return
		}
		rv.g, rv.rep = g, rep
		rv.show()
	})
}

// again reads the file (already in memory) into the open draft as it is now.
func (rv *stageImportReview) again() {
	e := rv.v.e
	rv.id, rv.gen = e.ID(), e.editGen
	g, rep, err := export.ImportStageValues(filepath.Base(rv.path), rv.data, e.form)
	if err != nil {
		rv.refused(err)
		return
	}
	rv.g, rv.rep = g, rep
	rv.show()
}

// refused says why the file was not taken; the draft is unchanged. A
// sheet of another draft names the draft it belongs to.
func (rv *stageImportReview) refused(err error) {
	e := rv.v.e
	name := filepath.Base(rv.path)
	msg := strings.TrimSuffix(errMessage(err), "。") + "。草稿没有改动。"
	if info, _ := export.ReadStageInfo(name, rv.data); info != nil && !info.Fits(e.form.Dept, e.form.Year) && rv.v.owners != nil {
		open, trashed := rv.v.owners(info)
		msg += "\n" + ownersText(info, open, trashed)
	}
	rv.failed = msg
	e.ShowError(errTitle("无法导入“"+name+"”", err), msg)
}

// ownersText says which drafts a sheet belongs to (by 部门 and 年度).
func ownersText(info *export.StageInfo, open, trashed []store.Info) string {
	var b strings.Builder
	switch len(open) {
	case 0:
		fmt.Fprintf(&b, "草稿中没有“%s”的草稿", info.Whose())
		if len(trashed) > 0 {
			fmt.Fprintf(&b, "；回收站中有 %s，恢复后再导入", draftIDs(trashed))
		} else {
			b.WriteString("（部门名称或年度可能改过）")
		}
		b.WriteString("。")
	default:
		fmt.Fprintf(&b, "这份%s属于草稿 %s：请在“草稿”中打开它，再在“监控与自评”页导入。", info.Table(), draftIDs(open))
	}
	return b.String()
}

func draftIDs(ds []store.Info) string {
	var ids []string
	for _, d := range ds {
		ids = append(ids, "“"+draftName(d)+"”（编号 "+d.ID+"）")
	}
	return strings.Join(ids, "、")
}

func draftName(d store.Info) string {
	dept := strings.TrimSpace(d.Dept)
	if dept == "" {
		dept = "未填部门"
	}
	if y := strings.TrimSpace(d.Year); y != "" {
		return dept + " " + y + "年度"
	}
	return dept
}

// show shows the report with 导入/取消 (or 关闭 when nothing would change).
func (rv *stageImportReview) show() {
	e := rv.v.e
	rep := rv.rep
	secs := stageSections(rep)
	head := stageReportHead(filepath.Base(rv.path), rep, e.form, rv.g)
	if rv.intro != "" {
		head = rv.intro + "\n" + head
	}
	var b strings.Builder
	b.WriteString(head)
	objs := []fyne.CanvasObject{wrapped(widget.NewLabel(cjkText(head)))}
	for _, s := range secs {
		fmt.Fprintf(&b, "\n\n%s\n%s", s.title, strings.Join(s.lines, "\n"))
		h := heading(s.title)
		h.Importance = s.imp
		body := wrapped(widget.NewLabel(strings.Join(s.lines, "\n")))
		objs = append(objs, widget.NewSeparator(), h, body)
	}
	foot := "表中没有新的数值，草稿不会改动。"
	if len(rep.Changes) > 0 {
		foot = "点“导入”把上面的数值写入草稿（其他内容不变）；之后可用 编辑 › 撤销（Ctrl+Z）恢复导入前的草稿。"
	}
	fmt.Fprintf(&b, "\n\n%s", foot)
	objs = append(objs, widget.NewSeparator(), wrapped(widget.NewLabel(cjkText(foot))))
	rv.text = b.String()
	content := container.NewVScroll(container.NewVBox(objs...))
	title := fmt.Sprintf("导入%s：%d 处改动", model.TableName(rep.Stage), len(rep.Changes))
	if n := len(rep.Problems) + len(rep.Missing); n > 0 {
		title += fmt.Sprintf("，%d 个问题", n)
	}
	if len(rep.Changes) == 0 {
		rv.dlg = dialog.NewCustom(title, "关闭", content, e.win)
	} else {
		rv.dlg = dialog.NewCustomConfirm(title, "导入", "取消", content, func(ok bool) {
			if ok {
				rv.apply()
			}
		}, e.win)
	}
	rv.head = title
	rv.dlg.Resize(dialogSize(e.win, 820, 600))
	rv.dlg.Show()
}

// apply takes the values into the draft as one undoable edit (the editor's
// one edit path: the undo step, the recomputed checks and scores, the
// views) and saves at once.
func (rv *stageImportReview) apply() {
	e := rv.v.e
	if e.ID() != rv.id || e.editGen != rv.gen {
		rv.again() // the draft moved (an undo while the report was open): show the report anew
		return
	}
	g := rv.g
	e.Apply(func(f *model.Form) { *f = *g })
	rv.taken = true
	if err := e.Flush(); err != nil {
		e.ShowError(errTitle("导入后草稿未能保存", err), errMessage(err)+"\n导入的数值在窗口中，程序会在下次修改时再保存，也可按 Ctrl+S。")
	}
}

// stageSection is one part of the report.
type stageSection struct {
	title string
	lines []string
	imp   widget.Importance
}

// stageSections are the report's parts in the order a clerk reads them:
// what will change (by row), what was not taken and why, then hints.
func stageSections(rep *export.StageReport) []stageSection {
	var out []stageSection
	add := func(title string, imp widget.Importance, lines []string) {
		if len(lines) > 0 {
			out = append(out, stageSection{fmt.Sprintf("%s（%d）", title, len(lines)), lines, imp})
		}
	}
	var changes []string
	row := ""
	for _, c := range rep.Changes {
		if c.Row != row {
			row = c.Row
			changes = append(changes, "· "+row)
		}
		changes = append(changes, fmt.Sprintf("　　%s：%s → %s　（%s）", c.Field, shownValue(c.Old), shownValue(c.New), c.Addr))
	}
	if len(changes) > 0 {
		out = append(out, stageSection{fmt.Sprintf("将导入的数值（%d 处）", len(rep.Changes)), changes, widget.MediumImportance})
	}
	// each says whether it was left out or kept as typed to be corrected
	add("有问题的单元格", widget.DangerImportance, rep.Problems)
	add("表中找不到的行（草稿中保持原值）", widget.DangerImportance, rep.Missing)
	add("改动了只读单元格，未导入", widget.WarningImportance, rep.Ignored)
	add("表中自己计算的结果与程序不同（以程序计算为准）", widget.WarningImportance, rep.Results)
	add("提示", widget.WarningImportance, rep.Hints)
	add("说明", widget.LowImportance, rep.Notes)
	return out
}

func shownValue(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

// stageReportHead is the report's first lines: the file, the count of
// changes and of what is not taken, and the result after the import
// (总分 and 等级, or the 执行数 and 执行率) beside the draft's now.
func stageReportHead(name string, rep *export.StageReport, now, after *model.Form) string {
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s（%s）→ 草稿“%s”", name, model.TableName(rep.Stage), draftName(store.Info{Dept: now.Dept, Year: now.Year}))
	fmt.Fprintf(&b, "\n将导入 %d 处数值，其余 %d 处没有改动", len(rep.Changes), rep.Unchanged)
	var not []string
	if n := len(rep.Missing); n > 0 {
		not = append(not, fmt.Sprintf("%d 行在表中找不到", n))
	}
	if n := len(rep.Ignored); n > 0 {
		not = append(not, fmt.Sprintf("%d 处只读单元格的改动", n))
	}
	if len(not) > 0 {
		fmt.Fprintf(&b, "；不导入：%s", strings.Join(not, "、"))
	}
	if n := len(rep.Problems); n > 0 {
		fmt.Fprintf(&b, "；%d 个单元格有问题（见下）", n)
	}
	b.WriteString("。")
	if len(rep.Changes) == 0 {
		return b.String()
	}
	switch rep.Stage {
	case model.StageEval:
		a, n := model.Evaluate(after), model.Evaluate(now)
		fmt.Fprintf(&b, "\n导入后：总分 %s，等级“%s”（导入前：总分 %s，等级“%s”）", a.Total.StringFixed(2), a.Grade, n.Total.StringFixed(2), n.Grade)
	case model.StageMonitor:
		a, n := model.ComputeMonitorTotals(after), model.ComputeMonitorTotals(now)
		fmt.Fprintf(&b, "\n导入后：执行数 %s 万元，执行率 %s（导入前：执行数 %s 万元，执行率 %s）", a.Executed, monitorRate(a), n.Executed, monitorRate(n))
	}
	return b.String()
}

func monitorRate(m model.MonitorTotals) string {
	if !m.RateOK {
		return "—"
	}
	return m.Rate.StringFixed(2) + "%"
}
