package ui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/internal/atomicfile"
	"jixiao/model"
)

// ExportKind is one export format.
type ExportKind struct {
	Name string // 中文名 shown in menus: Excel, PDF, JSON
	Ext  string // without the dot
	// Write writes f in the layout of template t, the form's own, whose
	// rules judge it (the 未通过审核 mark); missing is the characters the
	// PDF font lacks.
	Write func(w io.Writer, f *model.Form, t *model.Template) (missing []rune, err error)
}

// tableWriter writes the table of stage s as ext through the one export
// path of the window and the command line (export.WriteTable).
func tableWriter(s model.Stage, ext string) func(w io.Writer, f *model.Form, t *model.Template) ([]rune, error) {
	return func(w io.Writer, f *model.Form, t *model.Template) ([]rune, error) {
		rep, err := export.WriteTable(w, f, t, s, ext)
		return rep.Missing, err
	}
}

// ExportKinds are the formats of the 导出 menu. Excel and PDF write the
// 申报表; Export asks which table past the 申报 (forTable).
var ExportKinds = []ExportKind{
	{"Excel", "xlsx", tableWriter(model.StageDeclare, "xlsx")},
	{"PDF", "pdf", tableWriter(model.StageDeclare, "pdf")},
	{"JSON", "json", func(w io.Writer, f *model.Form, t *model.Template) ([]rune, error) {
		return nil, export.WriteJSONTemplate(w, f, t)
	}},
}

// forTable is k writing the table of stage s: k itself for the 申报表 and
// for JSON (the whole draft, every stage).
func (k ExportKind) forTable(s model.Stage) ExportKind {
	if s == model.StageDeclare || k.Ext == "json" {
		return k
	}
	k.Write = tableWriter(s, k.Ext)
	return k
}

// progressDelay is how long an export runs before a progress dialog shows.
const progressDelay = 200 * time.Millisecond

// Export asks where to save the draft in kind's format and writes it off
// the UI goroutine, then offers to open the file or its folder.
//
// Excel and PDF print one table: in 申报 the 申报表; past it the clerk
// first chooses the 运行监控表 or 自评表 of the stage (offered first) or
// another table of the draft (export.Tables). A table with errors is not
// exported silently: the clerk first sees how many errors that table has
// and chooses 查看审核 or 仍然导出.
func (e *Editor) Export(k ExportKind) {
	if k.Ext == "json" {
		e.exportTable(k, model.StageDeclare)
		return
	}
	tables := export.Tables(e.form)
	if len(tables) == 1 {
		e.exportTable(k, tables[0])
		return
	}
	e.chooseTable(k, tables)
}

// tableChoice is one choice of the 导出哪一张表 dialog.
func (e *Editor) tableChoice(s model.Stage, own bool) string {
	name := model.TableName(s)
	if s == model.StageMonitor && e.form.Month > 0 {
		name += fmt.Sprintf("（截至%d月）", e.form.Month)
	}
	if own {
		name += "　本阶段的表"
	}
	if v := model.JudgeTable(e.findings, s); v.Errors > 0 {
		name += fmt.Sprintf("　（%d 个错误）", v.Errors)
	}
	return name
}

// chooseTable asks which table to export as k, the stage's own first and
// chosen; 导出 goes on with it.
func (e *Editor) chooseTable(k ExportKind, tables []model.Stage) {
	labels := make([]string, len(tables))
	for i, s := range tables {
		labels[i] = e.tableChoice(s, i == 0)
	}
	radio := widget.NewRadioGroup(labels, nil)
	radio.Required = true
	radio.SetSelected(labels[0])
	e.exportRadio = radio
	intro := widget.NewLabel(cjkText(fmt.Sprintf("草稿现在是“%s”阶段。导出哪一张表（%s）？", e.form.StageLabel(), k.Name)))
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	next := widget.NewButton("导出…", func() {
		d.Hide()
		for i, l := range labels {
			if l == radio.Selected {
				e.exportTable(k, tables[i])
				return
			}
		}
	})
	next.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("导出 "+k.Name, container.NewVBox(intro, radio, container.NewHBox(next, cancel)), e.win)
	d.Resize(fyne.NewSize(min(480, e.win.Canvas().Size().Width*0.9), 0))
	d.Show()
}

// exportTable exports the table of stage s as k: the warning first when
// the table has errors, then the file.
func (e *Editor) exportTable(k ExportKind, s model.Stage) {
	n := model.JudgeTable(e.findings, s).Errors
	if k.Ext == "json" {
		n = e.errors
	}
	if n > 0 {
		e.confirmExportWithErrors(k, s, n, func() { e.chooseExportFile(k, s) })
		return
	}
	e.chooseExportFile(k, s)
}

// confirmExportWithErrors tells how many errors the table of stage s has
// and what the file will show, and offers 查看审核 (go to the 审核 tab),
// 仍然导出 (then goOn) and 取消.
func (e *Editor) confirmExportWithErrors(k ExportKind, s model.Stage, errs int, goOn func()) {
	table := model.TableName(s)
	if k.Ext == "json" {
		table = "草稿"
	}
	msg := fmt.Sprintf("审核发现%s有 %d 个错误，有错误的表不宜报送。", table, errs)
	if k.Ext != "json" {
		msg += fmt.Sprintf("\n如仍导出，文件每页的页眉会标明“%s”", model.Verdict{Errors: errs}.Mark())
		if note := (model.Sums{Invalid: model.TableInvalid(e.form, s)}).IncompleteNote(); note != "" {
			msg += "，合计行会注明“" + note + "”"
		}
		msg += "。"
	}
	label := widget.NewLabel(cjkText(msg))
	label.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	review := widget.NewButton("查看审核", func() {
		d.Hide()
		e.SelectTab(TabChecks)
	})
	review.Importance = widget.HighImportance
	anyway := widget.NewButton("仍然导出", func() {
		d.Hide()
		goOn()
	})
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(table+"未通过审核", container.NewVBox(label, container.NewHBox(review, anyway, cancel)), e.win)
	d.Resize(fyne.NewSize(min(480, e.win.Canvas().Size().Width*0.9), 0))
	d.Show()
}

// chooseExportFile asks where to save the export of the table of stage s
// (proposing export.TableFileName in the last used folder), then writes it.
func (e *Editor) chooseExportFile(k ExportKind, s model.Stage) {
	name := export.TableFileName(e.form, s, k.Ext)
	title := "导出 " + k.Name + " 文件"
	if k.Ext != "json" {
		title = "导出" + model.TableName(s) + "（" + k.Name + "）"
	}
	req := FileRequest{Title: title, Dir: e.exportDir(), Name: name,
		Exts: []string{"." + k.Ext}, Kind: k.Name + " 文件"}
	kt := k.forTable(s)
	e.files().Save(e.win, req, func(path string, err error) {
		if err != nil {
			e.ShowError("导出失败", "无法保存到这个位置："+err.Error()+"\n请换一个文件夹再试。")
			return
		}
		if path == "" {
			return // cancelled
		}
		if filepath.Ext(path) == "" {
			path += "." + k.Ext
		}
		e.ExportTo(kt, path, nil)
	})
}

func (e *Editor) exportDir() string {
	if e.prefs == nil {
		return ""
	}
	dir := e.prefs.String(PrefExportDir)
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			for _, sub := range []string{"Desktop", "桌面", "Documents", "文档"} {
				if st, err := os.Stat(filepath.Join(home, sub)); err == nil && st.IsDir() {
					return filepath.Join(home, sub)
				}
			}
			return home
		}
		return ""
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ""
	}
	return dir
}

// ExportTo writes the form to path in kind's format off the UI goroutine
// (e.worker);
// a progress dialog shows when it takes more than 200 ms. done, if not nil,
// is called on the UI goroutine with the result instead of the dialogs.
func (e *Editor) ExportTo(k ExportKind, path string, done func(missing []rune, err error)) {
	f := e.form.Clone()
	t := e.Template()
	if e.prefs != nil {
		e.prefs.SetString(PrefExportDir, filepath.Dir(path))
	}
	finished := false
	var progress dialog.Dialog
	timer := e.clock.AfterFunc(progressDelay, func() {
		if finished || done != nil {
			return
		}
		bar := widget.NewProgressBarInfinite()
		progress = dialog.NewCustomWithoutButtons("正在导出…",
			container.NewVBox(widget.NewLabel("正在生成 "+filepath.Base(path)+"，请稍候。"), bar), e.win)
		progress.Show()
	})
	var missing []rune
	var err error
	e.worker.Go(func() {
		missing, err = writeExport(k, path, f, t)
	}, func() {
		finished = true
		timer.Stop()
		if progress != nil {
			progress.Hide()
		}
		if done != nil {
			done(missing, err)
			return
		}
		e.exportDone(k, path, missing, err)
	})
}

// writeExport builds the whole file in memory and then writes it through
// atomicfile, so that a failed export never leaves half a file, no other
// file of the clerk's is touched, a link's target is replaced (the link
// stays) and a device or pipe is never replaced. t is the form's template.
func writeExport(k ExportKind, path string, f *model.Form, t *model.Template) (missing []rune, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(model.EINTERNAL, "程序内部出错（%v）", r)
		}
	}()
	var buf bytes.Buffer
	missing, err = k.Write(&buf, f, t)
	if err != nil {
		return missing, err
	}
	// The error of atomicfile is the clerk's message: the file is open in
	// Excel or WPS, the folder is read-only, the disk is full … and the
	// old file is untouched.
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return missing, err
	}
	return missing, nil
}

func (e *Editor) exportDone(k ExportKind, path string, missing []rune, err error) {
	if err != nil {
		e.ShowError(errTitle("导出失败", err), k.Name+" 文件没有导出："+errMessage(err))
		return
	}
	msg := widget.NewLabel("已导出到：\n" + path)
	msg.Wrapping = fyne.TextWrapBreak
	items := []fyne.CanvasObject{msg}
	if len(missing) > 0 {
		warn := widget.NewLabel(fmt.Sprintf("注意：字体中没有以下 %d 个字符，PDF 中这些字显示为空白，请改用常用字或导出 Excel：%s", len(missing), string(missing)))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		items = append(items, warn)
	}
	var d dialog.Dialog
	openFile := widget.NewButton("打开文件", func() {
		d.Hide()
		if err := openPath(path); err != nil {
			e.ShowError("无法打开", "没有找到打开这个文件的程序，请在文件夹中双击打开。")
		}
	})
	openFile.Importance = widget.HighImportance
	openDir := widget.NewButton("打开所在文件夹", func() {
		d.Hide()
		if err := openFolder(path); err != nil {
			e.ShowError("无法打开", "无法打开文件夹："+filepath.Dir(path))
		}
	})
	closeB := widget.NewButton("关闭", func() { d.Hide() })
	items = append(items, container.NewHBox(openFile, openDir, closeB))
	d = dialog.NewCustomWithoutButtons("导出完成", container.NewVBox(items...), e.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
