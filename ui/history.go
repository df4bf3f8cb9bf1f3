package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// historyView is the 历史版本 dialog of a draft: its revisions, newest
// first, with time and summary; a read-only preview of the one selected;
// 恢复此版本.
type historyView struct {
	ws       *Workspace
	id       string
	revs     []store.Revision
	list     *widget.List
	preview  *widget.Label
	restore  *widget.Button
	selected int
	dlg      dialog.Dialog
}

// HistoryDialog shows the revisions of draft id.
func (ws *Workspace) HistoryDialog(id string) {
	if id == "" {
		ws.needDraft("历史版本")
		return
	}
	if id == ws.e.ID() {
		if err := ws.e.Flush(); err != nil {
			ws.failed("草稿未能保存", err)
			return
		}
	}
	revs, err := ws.st.Revisions(id)
	if err != nil {
		ws.failed("无法读取历史版本", err)
		return
	}
	h := &historyView{ws: ws, id: id, revs: revs, selected: -1}
	ws.history = h
	h.preview = widget.NewLabel("选择左边的一个版本，这里显示它的内容（只读）。")
	h.preview.Wrapping = fyne.TextWrapWord
	h.list = widget.NewList(
		func() int { return len(h.revs) },
		func() fyne.CanvasObject {
			t := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			s := widget.NewLabel("")
			s.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(t, s)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(h.revs) {
				return
			}
			r := h.revs[i]
			c := o.(*fyne.Container).Objects
			head := fmt.Sprintf("第%d版  %s", r.N, r.Saved.Format("2006-01-02 15:04:05"))
			if i == 0 {
				head += "（当前）"
			}
			c[0].(*widget.Label).SetText(head)
			sum := r.Summary
			if sum == "" {
				sum = "（无说明）"
			}
			c[1].(*widget.Label).SetText(sum)
		})
	h.list.OnSelected = func(i widget.ListItemID) { h.show(i) }
	h.restore = widget.NewButton("恢复此版本", h.askRestore)
	h.restore.Importance = widget.HighImportance
	h.restore.Disable()
	title := "历史版本（每次保存一版，最近的在前）"
	if len(revs) == 0 {
		title = "这份草稿还没有历史版本。"
	}
	left := container.NewBorder(widget.NewLabel(title), nil, nil, nil, h.list)
	right := container.NewBorder(nil, container.NewHBox(layoutSpacer(), h.restore), nil, nil, container.NewVScroll(h.preview))
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	h.dlg = dialog.NewCustom("历史版本", "关闭", split, ws.win)
	h.dlg.Resize(dialogSize(ws.win, 1100, 700))
	h.dlg.Show()
	if len(revs) > 0 {
		h.list.Select(0)
	}
}

// show previews revision i.
func (h *historyView) show(i int) {
	h.selected = i
	if i < 0 || i >= len(h.revs) {
		return
	}
	f, err := h.ws.st.LoadRevision(h.id, h.revs[i].N)
	if err != nil {
		h.preview.SetText("这个版本读不出来：" + errMessage(err))
		h.restore.Disable()
		return
	}
	h.preview.SetText(fmt.Sprintf("第%d版（%s）\n\n", h.revs[i].N, h.revs[i].Saved.Format("2006-01-02 15:04:05")) + PreviewText(f))
	if i == 0 {
		h.restore.Disable() // it is the current state
	} else {
		h.restore.Enable()
	}
}

func (h *historyView) askRestore() {
	if h.selected <= 0 || h.selected >= len(h.revs) {
		return
	}
	r := h.revs[h.selected]
	dialog.ShowConfirm("恢复此版本",
		fmt.Sprintf("把草稿恢复成第%d版（%s）的样子？\n现在的内容不会丢：恢复本身保存为新的一版，可以再恢复回来，也可以按 Ctrl+Z 撤销。", r.N, r.Saved.Format("2006-01-02 15:04")),
		func(ok bool) {
			if ok {
				h.ws.RestoreRevision(h.id, r.N)
				h.dlg.Hide()
			}
		}, h.ws.win)
}

// RestoreRevision makes revision n the current state of draft id (a new
// revision) and, when the draft is open, reloads the editor; Ctrl+Z then
// goes back to the state before the restore.
func (ws *Workspace) RestoreRevision(id string, n int) {
	defer ws.guard("恢复此版本")
	open := id == ws.e.ID()
	if open {
		if err := ws.e.Flush(); err != nil {
			ws.failed("草稿未能保存", err)
			return
		}
	}
	if err := ws.st.RestoreRevision(id, n); err != nil {
		ws.failed("无法恢复此版本", err)
		return
	}
	if !open {
		if ws.onDrafts {
			ws.drafts.reload()
		}
		return
	}
	f, err := ws.st.Load(id)
	if err != nil {
		ws.failed("无法读取草稿", err)
		return
	}
	ws.undo.Record()
	if err := ws.e.Open(id, f); err != nil {
		ws.failed("无法打开草稿", err)
		return
	}
	if ws.onDrafts {
		ws.drafts.reload()
	}
}

// PreviewText is a read-only plain-text view of f: basic data, targets,
// tasks by unit with amounts and totals, indicators.
func PreviewText(f *model.Form) string {
	var b strings.Builder
	t := model.ComputeTotals(f)
	fmt.Fprintf(&b, "年度：%s    部门名称：%s\n", f.Year, f.Dept)
	fmt.Fprintf(&b, "合计：%s 万元（财政资金 %s 万元），任务 %d 项，目标 %d 条，指标 %d 行\n\n",
		model.FormatMoney(t.Total, true), model.FormatMoney(t.Fiscal, true), f.TaskCount(), len(f.Goals), len(f.Indicators))
	b.WriteString("【年度总体目标】\n")
	for i, g := range f.Goals {
		fmt.Fprintf(&b, "目标%d：%s\n", i+1, oneLine(g.Text, 36))
	}
	b.WriteString("\n【年度主要任务】\n")
	for _, u := range f.Units {
		fmt.Fprintf(&b, "%s\n", dashIfEmpty(u.Name))
		for i, tk := range u.Tasks {
			fmt.Fprintf(&b, "  %d. %s  合计 %s  财政 %s\n", i+1, oneLine(tk.Content, 24), dashIfEmpty(tk.Total.Raw()), dashIfEmpty(tk.Fiscal.Raw()))
		}
	}
	b.WriteString("\n【绩效指标】\n")
	for _, in := range f.Indicators {
		fmt.Fprintf(&b, "%s › %s › %s：%s\n", in.Level1, in.Level2, dashIfEmpty(in.Name()), dashIfEmpty(in.Value))
	}
	return b.String()
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

func dashIfEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
