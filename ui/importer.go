package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
)

// importReview is the report of an import shown before the draft is
// created: counts, every problem with its cell, notes.
type importReview struct {
	path    string
	form    *model.Form
	rep     *export.ImportReport
	text    string // the report as shown
	dlg     dialog.Dialog
	confirm func()
	created string // id of the draft made on confirmation
}

// importExts are the files that can be imported: Excel (.xlsx, and .xls
// of Excel 97-2003), WPS (.et), Word (.docx, its tables), the text of a
// PDF and JSON.
var importExts = []string{".xlsx", ".xls", ".et", ".docx", ".pdf", ".json"}

// importKinds names the files of importExts for the clerk.
const importKinds = "Excel、WPS、Word、PDF 或 JSON 文件"

// ImportDialog lets the clerk pick an xlsx or JSON file to import as a new
// draft.
func (ws *Workspace) ImportDialog() {
	req := FileRequest{Title: "导入 " + importKinds, Dir: ws.e.exportDir(), Exts: importExts, Kind: importKinds}
	ws.e.files().Open(ws.win, req, func(path string, err error) {
		if err != nil {
			ws.failed("无法打开文件", err)
			return
		}
		if path != "" {
			ws.ImportPath(path)
		}
	})
}

// ImportPath reads the file at path and shows the import report; the new
// draft is created and opened only when the clerk confirms 创建草稿. A
// filled 监控表/自评表 is offered to the draft it belongs to instead.
func (ws *Workspace) ImportPath(path string) {
	defer ws.guard("导入")
	f, rep, err := export.ImportFile(path, ws.importOptions())
	var sw *export.StageWorkbookError
	if errors.As(err, &sw) {
		ws.importStageSheet(path, sw.Info) // a filled 监控表/自评表: back into its draft
		return
	}
	if err != nil {
		ws.failed("无法导入“"+filepath.Base(path)+"”", err)
		return
	}
	ws.showImport(path, f, rep)
}

// importOptions are the drafts file's imported templates: a sheet without
// our hidden data is recognised among them and the built-in ones.
func (ws *Workspace) importOptions() export.ImportOptions {
	stored, _, _ := ws.st.Templates()
	return export.ImportOptions{Templates: stored}
}

// ImportText is the report of an import in plain Chinese, headed by the
// file, the 年度 and the 部门 found.
func ImportText(path string, f *model.Form, rep *export.ImportReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s\n", filepath.Base(path))
	fmt.Fprintf(&b, "年度：%s    部门名称：%s\n", dashIfEmpty(f.Year), dashIfEmpty(f.Dept))
	// the tasks' 合计, or for a 表样 without tasks its 收入/支出合计
	switch t := model.ComputeTotals(f); {
	case len(f.Units) > 0:
		fmt.Fprintf(&b, "合计：%s 万元\n", model.FormatMoney(t.Total, true))
	case f.Funds != nil:
		b.WriteString(totalsText(f, model.TemplateOf(f, fileTemplates(rep)), t) + "\n")
	}
	b.WriteString(rep.String())
	if len(rep.Problems) == 0 {
		b.WriteString("\n没有发现问题。")
	}
	return b.String()
}

// fileTemplateToAdopt is the template the imported file records when this
// drafts file lacks that version (stored with the draft, so that the draft
// is judged and printed by it), and a line for the report about it.
func (ws *Workspace) fileTemplateToAdopt(f *model.Form, rep *export.ImportReport) (*model.Template, string) {
	ft := rep.FileTemplate
	if ft == nil || !ft.Ref().SameVersion(f.Template) || model.BuiltinTemplate(ft.ID) != nil {
		return nil, ""
	}
	stored, _, _ := ws.st.Templates()
	switch here := model.TemplateVersion(ft.Ref(), stored); {
	case here == nil:
		return ft, fmt.Sprintf("\n文件带有表样“%s”第%d版，本机没有这一版：创建草稿时一并导入。", ft.Name, ft.Version)
	case model.TemplateHash(here) != model.TemplateHash(ft):
		return nil, fmt.Sprintf("\n注意：文件所用的表样“%s”第%d版与本机的第%d版内容不同；表格已按文件中的表样读取，审核和导出按本机的。", ft.Name, ft.Version, here.Version)
	}
	return nil, ""
}

func (ws *Workspace) showImport(path string, f *model.Form, rep *export.ImportReport) {
	adopt, line := ws.fileTemplateToAdopt(f, rep)
	r := &importReview{path: path, form: f, rep: rep, text: ImportText(path, f, rep) + line}
	ws.imp = r
	l := widget.NewLabel(r.text)
	l.Wrapping = fyne.TextWrapWord
	r.confirm = func() {
		if adopt != nil {
			if err := ws.st.PutTemplate(adopt); err != nil {
				ws.failed("文件带有的表样无法存入", err)
				return
			}
			stored, _, _ := ws.st.Templates()
			ws.e.SetTemplates(stored)
		}
		id, err := ws.st.Create(f)
		if err != nil {
			ws.failed("无法新建草稿", err)
			return
		}
		r.created = id
		if err := ws.OpenDraft(id); err != nil {
			ws.failed("无法打开草稿", err)
		}
	}
	title := "导入报告"
	if len(rep.Problems) > 0 {
		title = fmt.Sprintf("导入报告（%d 个问题）", len(rep.Problems))
	}
	r.dlg = dialog.NewCustomConfirm(title, "创建草稿", "取消", container.NewVScroll(l), func(ok bool) {
		if ok {
			r.confirm()
		}
	}, ws.win)
	r.dlg.Resize(dialogSize(ws.win, 760, 560))
	r.dlg.Show()
}

// Dropped handles files dropped onto the window: into the merge list when
// 合并导入 is open; one file is imported as a new draft; several files
// are offered for 合并导入 into the open draft.
func (ws *Workspace) Dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u != nil && u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	switch {
	case len(paths) == 0:
		return
	case ws.merge != nil && ws.merge.shown():
		for _, p := range paths {
			ws.merge.add(p)
		}
	case ws.batch != nil && ws.batch.visible():
		ws.batch.add(paths...)
	case len(paths) == 1:
		ws.ImportPath(paths[0])
	case ws.e.ID() == "":
		ws.info("导入", "一次只能导入一个文件为新草稿。要把几个文件合并进一份草稿，请先打开那份草稿，再把文件拖进来或用“文件 › 合并导入…”。")
	default:
		ws.MergeDialog(paths)
	}
}

// PasteFromClipboard pastes rows copied in Excel or WPS into the part
// shown (年度总体目标, 年度主要任务 or 绩效指标) as one undoable edit, and
// reports what was pasted and what was refused.
func (ws *Workspace) PasteFromClipboard() {
	if ws.onDrafts || !ws.needDraft("粘贴") {
		return
	}
	text := ""
	if a := fyne.CurrentApp(); a != nil && a.Clipboard() != nil {
		text = a.Clipboard().Content()
	}
	ws.PasteText(text)
}

// PasteText pastes text (as the clipboard holds it) into the tab shown.
func (ws *Workspace) PasteText(text string) {
	defer ws.guard("粘贴")
	var target PasteTarget
	switch ws.e.CurrentTab() {
	case TabGoals:
		target = PasteGoals
	case TabTasks:
		target = PasteTasks
	case TabIndicators:
		target = PasteIndicators
	default:
		ws.info("粘贴", "请先切换到“年度总体目标”、“年度主要任务”或“绩效指标”标签页，再粘贴从 Excel 或 WPS 复制的行。")
		return
	}
	if strings.TrimSpace(text) == "" {
		ws.info("粘贴", "剪贴板是空的。请先在 Excel 或 WPS 中选中要复制的行，按 Ctrl+C，再回来粘贴。")
		return
	}
	res := ParsePaste(target, text)
	var where []string
	if !res.Empty() {
		cur := ws.focusedUnit()
		ws.e.Apply(func(f *model.Form) { where = ApplyPaste(f, res, cur) })
	}
	title := "粘贴结果"
	if len(res.BadAmounts)+len(res.Refused) > 0 {
		title = "粘贴结果（有需要处理的地方）"
	}
	ws.info(title, res.Report(where))
}

// focusedUnit is the unit whose row (or name) has the keyboard focus on
// the task tab; rows pasted without a unit go there. -1 (the last unit)
// when no task field has the focus.
func (ws *Workspace) focusedUnit() int {
	foc := ws.win.Canvas().Focused()
	if foc == nil || ws.e.tasks == nil {
		return -1
	}
	var en *widget.Entry
	switch o := foc.(type) {
	case *widget.Entry:
		en = o
	case *area:
		en = &o.Entry
	default:
		return -1
	}
	for _, it := range ws.e.tasks.shown {
		if it == nil {
			continue
		}
		fields := []*widget.Entry{it.content, it.unitName, it.note, it.amounts[0], it.amounts[1], it.amounts[2]}
		for _, f := range fields {
			if f != nil && f == en {
				return it.ref.unit
			}
		}
	}
	return -1
}

// fileTemplates is the template an imported file records, as a list.
func fileTemplates(rep *export.ImportReport) []*model.Template {
	if rep == nil || rep.FileTemplate == nil {
		return nil
	}
	return []*model.Template{rep.FileTemplate}
}
