package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/internal/atomicfile"
	"jixiao/model"
	"jixiao/store"
)

// The actions of the 批量审核 screen (batch.go): adding files and folders,
// a file's findings, the 审核汇总 workbook, the 审核意见 and 汇总.

// statDir reports whether path is a folder.
func statDir(path string) (bool, error) {
	st, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return st.IsDir(), nil
}

// pickFile adds a file chosen in the file dialog (one at a time; several
// can be dropped on the window at once).
func (b *batchScreen) pickFile() {
	e := b.ws.e
	req := FileRequest{Title: "添加要审核的文件", Dir: e.exportDir(), Exts: importExts, Kind: importKinds}
	e.files().Open(e.win, req, func(path string, err error) {
		if err == nil && path != "" {
			b.add(path)
		}
	})
}

// pickFolder adds the files of a folder chosen in the folder dialog.
func (b *batchScreen) pickFolder() {
	e := b.ws.e
	req := FileRequest{Title: "选择收到的文件所在的文件夹", Dir: e.exportDir()}
	e.folders().OpenFolder(e.win, req, func(path string, err error) {
		if err == nil && path != "" {
			b.add(path)
		}
	})
}

// info shows a message and remembers it (tests).
func (b *batchScreen) info(title, msg string) {
	b.lastOK = msg
	b.ws.info(title, msg)
}

// showFindings shows the findings of file i: its verdict, then each
// finding with its place in the file and in the form, and what to do.
func (b *batchScreen) showFindings(i int) {
	if i < 0 || i >= len(b.files) || b.files[i].review == nil {
		return
	}
	r := b.files[i].review
	head := widget.NewLabel(findingsHead(r))
	head.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{head, widget.NewSeparator()}
	for n, x := range batchFindings(r) {
		l := widget.NewLabel(fmt.Sprintf("%d. [%s] %s", n+1, x.Severity, findingText(x)))
		l.Wrapping = fyne.TextWrapWord
		if x.Severity == model.SevError {
			l.Importance = widget.DangerImportance
		}
		items = append(items, l)
	}
	var d dialog.Dialog
	open := widget.NewButton("打开这个文件", func() {
		if err := openPath(r.Path); err != nil {
			b.ws.e.ShowError("无法打开", "没有找到打开这个文件的程序，请在文件夹中双击打开。")
		}
	})
	closeB := widget.NewButton("关闭", func() { d.Hide() })
	closeB.Importance = widget.HighImportance
	body := container.NewBorder(nil, container.NewHBox(layoutSpacer(), open, closeB), nil, nil, container.NewVScroll(container.NewVBox(items...)))
	d = dialog.NewCustomWithoutButtons(r.Name, body, b.ws.win)
	d.Resize(dialogSize(b.ws.win, 900, 620))
	d.Show()
	b.lastOK = findingsHead(r)
}

// findingsHead is a file's 部门, 年度, 表样, 合计 and verdict.
func findingsHead(r *model.FileReview) string {
	if r.Failed() {
		return "无法读取，没有审核：" + r.Failure
	}
	s := fmt.Sprintf("部门：%s　年度：%s　表样：%s　合计：%s 万元\n", dashIfEmpty(r.Dept), dashIfEmpty(r.Year), r.Template, model.FormatMoney(r.Total, true))
	switch {
	case r.Errors > 0:
		s += fmt.Sprintf("未通过：%d 个错误、%d 条提示。位置按这个文件自己的工作表和单元格（或页和行）标注。", r.Errors, r.Hints)
	case r.Hints > 0:
		s += fmt.Sprintf("通过，没有错误；%d 条提示。", r.Hints)
	default:
		s += "通过，没有发现问题。"
	}
	return s
}

// batchFindings are a file's findings, or its failure as one.
func batchFindings(r *model.FileReview) []model.FileFinding {
	if r.Failed() {
		return nil
	}
	return r.Findings
}

// findingText is a finding in the dialog: the place in the file, the place
// in the form when it says more, and the message.
func findingText(x model.FileFinding) string {
	switch {
	case x.Place != "" && x.Where != "" && x.Where != "读取文件":
		return x.Place + "（申报表中：" + x.Where + "）\n" + x.Message
	case x.Place != "":
		return x.Place + "\n" + x.Message
	case x.Where != "":
		return x.Where + "\n" + x.Message
	}
	return x.Message
}

// exportSummary asks where to save the 审核汇总 workbook and writes it off
// the UI goroutine.
func (b *batchScreen) exportSummary() {
	e := b.ws.e
	reviews := b.reviews()
	req := FileRequest{Title: "导出审核汇总", Dir: e.exportDir(), Name: "审核汇总.xlsx", Exts: []string{".xlsx"}, Kind: "Excel 文件"}
	e.files().Save(e.win, req, func(path string, err error) {
		if err != nil || path == "" {
			return
		}
		if filepath.Ext(path) == "" {
			path += ".xlsx"
		}
		if e.prefs != nil {
			e.prefs.SetString(PrefExportDir, filepath.Dir(path))
		}
		now := e.clock.Now()
		var werr error
		e.worker.Go(func() {
			var buf bytes.Buffer
			if werr = export.WriteReviewWorkbook(&buf, reviews, now); werr == nil {
				werr = atomicfile.WriteFile(path, buf.Bytes(), 0o644)
			}
		}, func() {
			b.lastOK = path
			e.exportDone(ExportKind{Name: "审核汇总", Ext: "xlsx"}, path, nil, werr)
		})
	})
}

// writeReplies asks for a folder and writes into it the 审核意见 (PDF and
// Excel) of every file with findings, off the UI goroutine.
func (b *batchScreen) writeReplies() {
	e := b.ws.e
	reviews := b.reviews()
	req := FileRequest{Title: "选择写出审核意见的文件夹", Dir: e.exportDir()}
	e.folders().OpenFolder(e.win, req, func(dir string, err error) {
		if err != nil || dir == "" {
			return
		}
		now := e.clock.Now()
		var files []export.ReplyFile
		var werr error
		e.worker.Go(func() {
			files, werr = writeReplyFiles(dir, reviews, now)
		}, func() {
			if werr != nil {
				e.ShowError(errTitle("审核意见没有写完", werr), errMessage(werr))
				return
			}
			var names []string
			for _, f := range files {
				names = append(names, f.Name)
			}
			msg := fmt.Sprintf("已为 %d 个文件写出审核意见（每个一份 PDF、一份 Excel），在文件夹：\n%s\n\n%s", len(files)/2, dir, strings.Join(names, "\n"))
			b.lastOK = msg
			l := widget.NewLabel(msg)
			l.Wrapping = fyne.TextWrapWord
			var d dialog.Dialog
			openDir := widget.NewButton("打开文件夹", func() {
				d.Hide()
				if err := openPath(dir); err != nil {
					e.ShowError("无法打开", "无法打开文件夹："+dir)
				}
			})
			openDir.Importance = widget.HighImportance
			closeB := widget.NewButton("关闭", func() { d.Hide() })
			d = dialog.NewCustomWithoutButtons("审核意见已写出", container.NewBorder(nil, container.NewHBox(openDir, closeB), nil, nil, container.NewVScroll(l)), e.win)
			d.Resize(dialogSize(e.win, 620, 420))
			d.Show()
		})
	})
}

// writeReplyFiles writes the replies of reviews into dir through
// atomicfile (never half a file, a file open elsewhere left as it was).
func writeReplyFiles(dir string, reviews []*model.FileReview, now time.Time) ([]export.ReplyFile, error) {
	files, err := export.Replies(reviews, now)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := atomicfile.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// toMerge hands the files that passed (the newer of two versions) to 汇总:
// into the open draft, or into a draft the clerk picks.
func (b *batchScreen) toMerge() {
	files := b.passed()
	if len(files) == 0 {
		return
	}
	ws := b.ws
	if ws.e.ID() != "" {
		ws.mergeDialog(nil, files)
		return
	}
	list, err := ws.st.List()
	if err != nil || len(list) == 0 {
		b.info("交给汇总", "还没有部门的草稿可以汇总进去。请先在“草稿”中新建或导入部门的申报表，再回到批量审核，把通过的文件交给汇总。")
		return
	}
	labels := make([]string, len(list))
	for i, in := range list {
		labels[i] = draftLabel(in)
	}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(0)
	intro := widget.NewLabel(fmt.Sprintf("把通过审核的 %d 个文件汇总进哪一份草稿？", len(files)))
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	goOn := widget.NewButton("打开并汇总…", func() {
		d.Hide()
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		if err := ws.OpenDraft(list[i].ID); err != nil {
			ws.failed("无法打开草稿", err)
			return
		}
		ws.mergeDialog(nil, files)
	})
	goOn.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("交给汇总", container.NewVBox(intro, sel, container.NewHBox(goOn, cancel)), ws.win)
	d.Resize(fyne.NewSize(min(520, ws.win.Canvas().Size().Width*0.9), 0))
	d.Show()
	ws.batchPick = sel
}

// draftLabel names a draft in a list: 2020年 郑州市生态环境局.
func draftLabel(in store.Info) string {
	year := in.Year
	if year != "" {
		year += "年 "
	}
	dept := in.Dept
	if strings.TrimSpace(dept) == "" {
		dept = "（未填部门名称）"
	}
	return year + dept
}
