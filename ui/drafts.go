package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// Workspace is the clerk's year around the editor: the 草稿 screen (the
// start screen), copy forward to the next year, the history of a draft,
// import, merge, undo/redo and paste from a spreadsheet. It owns the
// window's content: the drafts screen or the editor.
type Workspace struct {
	st     *store.Store
	e      *Editor
	win    fyne.Window
	undo   *UndoStack
	drafts *draftsScreen

	onDrafts bool
	// the dialogs shown last (tests reach their widgets through these)
	carry   *carryReview
	history *historyView
	imp     *importReview
	merge   *mergeDialog
	// lastInfo is the text of the last information dialog (tests).
	lastInfo string
	welcome  *welcome      // the first-start page, once shown
	tplMove  *templateMove // the 表样有新版本 dialog shown last
	// newDialog is the 新建空白草稿 dialog shown last
	newDialog *dialog.FormDialog
	// batch is the 批量审核 screen (batch.go), once opened; batchPick the
	// choice of draft its 交给汇总 showed last.
	batch     *batchScreen
	batchPick *widget.Select
	// stageOwner is the question shown last for a filled 监控表/自评表
	// given to the general import (stage_import_owner.go).
	stageOwner *stageOwnerDialog
}

// NewWorkspace adds the drafts screen and the year's workflow to editor e
// on the drafts file st: menu entries (文件 › 草稿…, 新建, 导入…, 合并导入…,
// 复制到下一年度…, 历史版本…; 编辑 › 撤销, 重做, 从 Excel/WPS 粘贴), the
// toolbar buttons, Ctrl+Z/Ctrl+Y and drag-and-drop of files.
func NewWorkspace(e *Editor, st *store.Store) *Workspace {
	ws := &Workspace{st: st, e: e, win: e.Window()}
	e.library, e.libraryStore = storeLibrary(st), st
	ws.undo = NewUndo(e)
	ws.drafts = newDraftsScreen(ws)
	e.year.owners = ws.stageOwners

	draftsItem := fyne.NewMenuItem("草稿…", ws.ShowDrafts)
	draftsItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	e.AddFileItems(
		draftsItem,
		fyne.NewMenuItem("新建草稿…", func() { ws.NewDraftDialog() }),
		fyne.NewMenuItem("导入为新草稿…", ws.ImportDialog),
		fyne.NewMenuItem("导入填好的监控表/自评表…", ws.ImportStageDialog),
		fyne.NewMenuItem("合并导入…", func() { ws.MergeDialog(nil) }),
		fyne.NewMenuItem("批量审核…", func() { ws.ShowBatch() }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("复制到下一年度…", func() { ws.CarryDialog(ws.e.ID()) }),
		fyne.NewMenuItem("历史版本…", func() { ws.HistoryDialog(ws.e.ID()) }),
		fyne.NewMenuItemSeparator(),
	)
	undo := fyne.NewMenuItem("撤销", func() { ws.Undo() })
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem("重做", func() { ws.Redo() })
	redo.Shortcut = &fyne.ShortcutRedo{}
	paste := fyne.NewMenuItem("从 Excel/WPS 粘贴行", ws.PasteFromClipboard)
	paste.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	e.AddMenu(fyne.NewMenu("编辑", undo, redo, fyne.NewMenuItemSeparator(), paste))
	e.AddMenu(ws.templateMenu())
	if stored, _, err := st.Templates(); err == nil {
		e.templates = stored
	}
	// Ctrl+Z / Ctrl+Y also where no menu bar takes them (tests, a focused
	// entry gets the menu's shortcut first: the form's undo wins over the
	// entry's own).
	c := ws.win.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { ws.Undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { ws.Redo() })
	c.AddShortcut(paste.Shortcut, func(fyne.Shortcut) { ws.PasteFromClipboard() })

	draftsBtn := widget.NewButtonWithIcon("草稿", theme.FolderOpenIcon(), ws.ShowDrafts)
	undoBtn := widget.NewButtonWithIcon("撤销", theme.ContentUndoIcon(), func() { ws.Undo() })
	redoBtn := widget.NewButtonWithIcon("重做", theme.ContentRedoIcon(), func() { ws.Redo() })
	histBtn := widget.NewButtonWithIcon("历史版本", theme.HistoryIcon(), func() { ws.HistoryDialog(ws.e.ID()) })
	for _, b := range []*widget.Button{draftsBtn, undoBtn, redoBtn, histBtn} {
		b.Importance = widget.LowImportance
	}
	e.AddToolbar(widget.NewSeparator(), undoBtn, redoBtn, widget.NewSeparator(), draftsBtn, histBtn)

	ws.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { ws.Dropped(uris) })
	return ws
}

// Editor is the workspace's editor.
func (ws *Workspace) Editor() *Editor { return ws.e }

// UndoStack is the editor's undo stack.
func (ws *Workspace) UndoStack() *UndoStack { return ws.undo }

// Undo undoes the last edit of the form (Ctrl+Z).
func (ws *Workspace) Undo() {
	if ws.onDrafts || ws.e.ID() == "" {
		return
	}
	ws.undo.Undo()
}

// Redo makes the last undone edit again (Ctrl+Y).
func (ws *Workspace) Redo() {
	if ws.onDrafts || ws.e.ID() == "" {
		return
	}
	ws.undo.Redo()
}

// OnDrafts reports whether the drafts screen is shown.
func (ws *Workspace) OnDrafts() bool { return ws.onDrafts }

// ShowDrafts shows the 草稿 screen. Unsaved edits are saved first.
func (ws *Workspace) ShowDrafts() {
	if err := ws.e.Flush(); err != nil {
		ws.e.ShowError(errTitle("草稿未能保存", err), errMessage(err))
	}
	ws.onDrafts = true
	ws.drafts.trash = false
	ws.drafts.reload()
	ws.win.SetContent(ws.drafts.box)
	ws.win.SetTitle("草稿 — 绩效目标申报")
}

// ShowEditor shows the editor (with the draft it holds).
func (ws *Workspace) ShowEditor() {
	if ws.e.ID() == "" {
		return
	}
	ws.onDrafts = false
	ws.win.SetContent(ws.e.Content())
	ws.e.Refresh()
}

// OpenDraft loads draft id into the editor and shows it.
func (ws *Workspace) OpenDraft(id string) error {
	f, err := ws.st.Load(id)
	if err != nil {
		return err
	}
	if err := ws.e.Open(id, f); err != nil {
		return err
	}
	ws.undo.Reset()
	ws.ShowEditor()
	ws.offerNewerTemplate()
	return nil
}

// info shows a message dialog and remembers its text.
func (ws *Workspace) info(title, msg string) {
	ws.lastInfo = msg
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "确定", container.NewVScroll(l), ws.win)
	d.Resize(dialogSize(ws.win, 620, 360))
	d.Show()
}

// failed shows err under title, by its code (errTitle, errMessage).
func (ws *Workspace) failed(title string, err error) {
	ws.info(errTitle(title, err), errMessage(err))
}

// guard turns a program error inside an action into a Chinese message
// instead of ending the program (deferred by every action that reads files
// or builds a form).
func (ws *Workspace) guard(what string) {
	if r := recover(); r != nil {
		ws.info(what+"没有完成", fmt.Sprintf("程序内部出错（%v），这一步没有完成。已有的草稿没有改动；请把这条信息发给技术支持。", r))
	}
}

// dialogSize is w×h, smaller when the window is smaller.
func dialogSize(win fyne.Window, w, h float32) fyne.Size {
	sz := win.Canvas().Size()
	if sz.Width > 0 && sz.Width-40 < w {
		w = sz.Width - 40
	}
	if sz.Height > 0 && sz.Height-40 < h {
		h = sz.Height - 40
	}
	return fyne.NewSize(w, h)
}

// draftsScreen is the list of drafts (or of the 回收站) with its actions.
type draftsScreen struct {
	ws       *Workspace
	box      fyne.CanvasObject
	title    *widget.Label
	list     *widget.List
	items    []store.Info
	selected int
	trash    bool
	empty    *widget.Label
	top      *fyne.Container // the title, the buttons and the column headings

	normal, trashBtns                                            *fyne.Container
	openBtn, copyBtn, renameBtn, delBtn, carryBtn, histBtn, back *widget.Button
	restoreBtn, purgeBtn                                         *widget.Button
}

// draftCols are the widths of 年度, 部门, 最后修改, 来源 (flexible), 版本.
func draftCols() *colsLayout { return newCols(70, 300, 150, 0, 70) }

func newDraftsScreen(ws *Workspace) *draftsScreen {
	v := &draftsScreen{ws: ws, selected: -1}
	v.title = widget.NewLabelWithStyle("草稿", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.empty = widget.NewLabel("")
	v.empty.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject {
			r := &draftRow{box: container.New(draftCols(), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""))}
			r.open = func() { v.list.Select(r.index); v.open() }
			r.choose = func() { v.list.Select(r.index) }
			r.ExtendBaseWidget(r)
			return r
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(v.items) {
				return
			}
			in := v.items[i]
			o.(*draftRow).index = i
			c := o.(*draftRow).box.Objects
			year := in.Year
			if year != "" {
				year += "年"
			}
			dept := in.Dept
			if strings.TrimSpace(dept) == "" {
				dept = "（未填部门名称）"
			}
			if model.IsSampleOrigin(in.Origin) {
				dept = "【示例】" + dept
			}
			origin := in.Origin
			if origin == "" {
				origin = "新建"
			}
			texts := []string{year, dept, when(in.Updated, v.ws.e.clock.Now()), origin, strconv.Itoa(in.Revisions)}
			for k, t := range texts {
				l := c[k].(*widget.Label)
				l.Truncation = fyne.TextTruncateEllipsis
				l.SetText(t)
			}
		})
	v.list.OnSelected = func(i widget.ListItemID) { v.selected = i; v.enable() }
	v.list.OnUnselected = func(widget.ListItemID) { v.selected = -1; v.enable() }

	head := container.New(draftCols(), heading("年度"), heading("部门"), heading("最后修改"), heading("来源"), heading("版本数"))

	newBlank := widget.NewButtonWithIcon("新建空白…", theme.DocumentCreateIcon(), func() { ws.NewDraftDialog() })
	newBlank.Importance = widget.HighImportance
	newSample := widget.NewButton("从示例新建", func() { ws.newDraft(model.Sample(), "") })
	imp := widget.NewButtonWithIcon("导入…", theme.UploadIcon(), ws.ImportDialog)
	batch := widget.NewButton("批量审核…", func() { ws.ShowBatch() })
	v.openBtn = widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), v.open)
	v.copyBtn = widget.NewButtonWithIcon("复制", theme.ContentCopyIcon(), v.duplicate)
	v.renameBtn = widget.NewButton("重命名…", v.rename)
	v.delBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), v.delete)
	v.carryBtn = widget.NewButton("复制到下一年度…", func() {
		if id := v.selectedID(); id != "" {
			ws.CarryDialog(id)
		}
	})
	v.histBtn = widget.NewButtonWithIcon("历史版本…", theme.HistoryIcon(), func() {
		if id := v.selectedID(); id != "" {
			ws.HistoryDialog(id)
		}
	})
	trashBtn := widget.NewButtonWithIcon("回收站", theme.DeleteIcon(), func() { v.trash = true; v.reload() })
	v.back = widget.NewButtonWithIcon("返回编辑", theme.NavigateBackIcon(), ws.ShowEditor)
	// Two rows, so that every button fits an 800-pixel screen: making and
	// leaving on the first, what to do with the chosen draft on the second.
	v.normal = container.NewVBox(
		container.NewHBox(newBlank, newSample, imp, batch, layoutSpacer(), trashBtn, v.back),
		container.NewHBox(v.openBtn, v.copyBtn, v.renameBtn, v.delBtn, widget.NewSeparator(), v.carryBtn, v.histBtn))

	v.restoreBtn = widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), v.restore)
	v.purgeBtn = widget.NewButtonWithIcon("彻底删除…", theme.DeleteIcon(), v.purge)
	v.purgeBtn.Importance = widget.DangerImportance
	toList := widget.NewButtonWithIcon("返回草稿列表", theme.NavigateBackIcon(), func() { v.trash = false; v.reload() })
	v.trashBtns = container.NewHBox(v.restoreBtn, v.purgeBtn, layoutSpacer(), toList)

	top := container.NewVBox(v.title, container.NewStack(v.normal, v.trashBtns), widget.NewSeparator(), head)
	v.top = top
	foot := small("数据文件：" + ws.st.Path() + "（每次启动时自动备份；删除的草稿先放进回收站）")
	v.box = container.NewBorder(top, container.NewVBox(widget.NewSeparator(), foot), nil, nil, container.NewStack(v.list, container.NewPadded(v.empty)))
	return v
}

// draftRow is one row of the drafts list: a click selects it, a double
// click opens the draft (in the 回收站 it only selects).
type draftRow struct {
	widget.BaseWidget
	box    *fyne.Container
	index  int
	open   func()
	choose func()
}

// Tapped selects the row (the list under it does not see the tap).
func (r *draftRow) Tapped(*fyne.PointEvent) { r.choose() }

func (r *draftRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// DoubleTapped opens the draft.
func (r *draftRow) DoubleTapped(*fyne.PointEvent) { r.open() }

// layoutSpacer pushes what follows to the right of an HBox.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// when is a time for the list: 今天 15:04, else 2006-01-02 15:04.
func when(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return "今天 " + t.Format("15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// reload reads the list from the store. The selection follows the draft
// that was selected (the list may have been re-sorted), else the draft
// open in the editor, else the first.
func (v *draftsScreen) reload() {
	keep := v.selectedID()
	var err error
	if v.trash {
		v.items, err = v.ws.st.Trashed()
		v.title.SetText("回收站（删除的草稿在这里，可以恢复）")
	} else {
		v.items, err = v.ws.st.List()
		v.title.SetText("草稿（最近修改的在前）")
	}
	v.normal.Hidden, v.trashBtns.Hidden = v.trash, !v.trash
	v.empty.SetText("")
	switch {
	case err != nil:
		v.items = nil
		v.empty.SetText("草稿列表读不出来：" + errMessage(err))
	case len(v.items) == 0 && v.trash:
		v.empty.SetText("回收站是空的。")
	case len(v.items) == 0:
		v.empty.SetText("还没有草稿。点“新建空白…”或“从示例新建”开始，或用“导入…”打开一个 " + importKinds + "。")
	}
	v.empty.Hidden = v.empty.Text == ""
	v.selected = -1
	v.list.UnselectAll()
	v.list.Refresh()
	if len(v.items) > 0 {
		sel := 0
		for i, in := range v.items {
			if in.ID == v.ws.e.ID() {
				sel = i
			}
		}
		for i, in := range v.items {
			if in.ID == keep {
				sel = i
			}
		}
		v.list.Select(sel)
	}
	v.enable()
	v.box.Refresh()
}

func (v *draftsScreen) selectedID() string {
	if v.selected < 0 || v.selected >= len(v.items) {
		return ""
	}
	return v.items[v.selected].ID
}

// selectID selects the draft id if it is listed.
func (v *draftsScreen) selectID(id string) {
	for i, in := range v.items {
		if in.ID == id {
			v.list.Select(i)
			return
		}
	}
}

func (v *draftsScreen) enable() {
	has := v.selectedID() != ""
	for _, b := range []*widget.Button{v.openBtn, v.copyBtn, v.renameBtn, v.delBtn, v.carryBtn, v.histBtn, v.restoreBtn, v.purgeBtn} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if v.ws.e.ID() != "" {
		v.back.Enable()
	} else {
		v.back.Disable()
	}
}

func (v *draftsScreen) open() {
	if id := v.selectedID(); id != "" && !v.trash {
		if err := v.ws.OpenDraft(id); err != nil {
			v.ws.failed("无法打开草稿", err)
		}
	}
}

func (v *draftsScreen) duplicate() {
	id := v.selectedID()
	if id == "" {
		return
	}
	if id == v.ws.e.ID() {
		if err := v.ws.e.Flush(); err != nil {
			v.ws.failed("草稿未能保存", err)
			return
		}
	}
	nid, err := v.ws.st.Duplicate(id)
	if err != nil {
		v.ws.failed("无法复制草稿", err)
		return
	}
	v.reload()
	v.selectID(nid)
}

func (v *draftsScreen) rename() {
	id := v.selectedID()
	if id == "" {
		return
	}
	en := newEscEntry()
	en.SetText(v.items[v.selected].Dept)
	dialog.ShowForm("重命名草稿", "确定", "取消", []*widget.FormItem{widget.NewFormItem("部门名称", en)}, func(ok bool) {
		if ok {
			v.ws.renameDraft(id, strings.TrimSpace(en.Text))
		}
	}, v.ws.win)
}

// renameDraft sets the 部门名称 of draft id. For the draft open in the
// editor it is an edit of the form (undoable, saved like any edit).
func (ws *Workspace) renameDraft(id, dept string) {
	if id == ws.e.ID() {
		ws.e.Apply(func(f *model.Form) { f.Dept = dept })
		if err := ws.e.Flush(); err != nil {
			ws.failed("草稿未能保存", err)
		}
	} else if err := ws.st.Rename(id, dept); err != nil {
		ws.failed("无法重命名草稿", err)
		return
	}
	ws.drafts.reload()
	ws.drafts.selectID(id)
}

func (v *draftsScreen) delete() {
	id := v.selectedID()
	if id == "" {
		return
	}
	v.ws.deleteDraft(id)
}

// deleteDraft moves draft id to the 回收站; when it is open in the editor
// the editor is emptied.
func (ws *Workspace) deleteDraft(id string) {
	if id == ws.e.ID() {
		if err := ws.e.Flush(); err != nil {
			ws.failed("草稿未能保存", err)
			return
		}
	}
	if err := ws.st.Delete(id); err != nil {
		ws.failed("无法删除草稿", err)
		return
	}
	if id == ws.e.ID() {
		_ = ws.e.Open("", &model.Form{})
		ws.undo.Reset()
	}
	ws.drafts.reload()
}

func (v *draftsScreen) restore() {
	id := v.selectedID()
	if id == "" {
		return
	}
	if err := v.ws.st.Restore(id); err != nil {
		v.ws.failed("无法恢复草稿", err)
		return
	}
	v.reload()
}

func (v *draftsScreen) purge() {
	id := v.selectedID()
	if id == "" {
		return
	}
	in := v.items[v.selected]
	msg := fmt.Sprintf("彻底删除“%s %s年度”及其全部历史版本？\n删除后无法恢复。", in.Dept, in.Year)
	dialog.ShowConfirm("彻底删除", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := v.ws.st.Purge(id); err != nil {
			v.ws.failed("无法彻底删除", err)
		}
		v.reload()
	}, v.ws.win)
}

// NewDraftDialog asks for 年度 and 部门名称 and makes a blank draft.
func (ws *Workspace) NewDraftDialog() {
	year := newEscEntry()
	year.SetText(strconv.Itoa(ws.e.clock.Now().Year() + 1))
	dept := newEscEntry()
	dept.SetPlaceHolder("如 郑州市生态环境局")
	tplSel, chosen := ws.templateChoice()
	// wide enough for a whole 部门名称 (20 characters and more)
	d := dialog.NewForm("新建空白草稿", "新建", "取消", []*widget.FormItem{
		widget.NewFormItem("年度", year), widget.NewFormItem("部门名称", dept), widget.NewFormItem("表样", tplSel),
	}, func(ok bool) {
		if !ok {
			return
		}
		ws.newBlank(strings.TrimSpace(year.Text), strings.TrimSpace(dept.Text), chosen())
	}, ws.win)
	d.Resize(fyne.NewSize(min(560, max(ws.win.Canvas().Size().Width-40, 300)), 0))
	// Enter in either field makes the draft, as the 新建 button does; the
	// cursor starts in 部门名称 (the 年度 is already proposed).
	year.OnSubmitted = func(string) { d.Submit() }
	dept.OnSubmitted = func(string) { d.Submit() }
	ws.newDialog = d
	d.Show()
	ws.win.Canvas().Focus(dept)
}

// newDraft stores f as a new draft with origin and opens it.
func (ws *Workspace) newDraft(f *model.Form, origin string) {
	if origin != "" {
		f.Meta.Origin = origin
	}
	if f.Meta.Created.IsZero() {
		f.Meta.Created = ws.e.clock.Now()
	}
	id, err := ws.st.Create(f)
	if err != nil {
		ws.failed("无法新建草稿", err)
		return
	}
	if err := ws.OpenDraft(id); err != nil {
		ws.failed("无法打开草稿", err)
	}
}

// needDraft reports whether a draft is open; if not it says so.
func (ws *Workspace) needDraft(what string) bool {
	if ws.e.ID() != "" {
		return true
	}
	ws.info(what, "没有打开的草稿。请先在“草稿”中打开一份草稿。")
	return false
}

// Start shows the first screen: the 草稿 screen, or for screenshots
// "editor", "carry" (复制到下一年度 of the open draft), "history" (its
// 历史版本), "trash" (回收站), "import=FILE" (the import report of FILE),
// "merge=FILE,FILE…" (合并导入 of the files into the open draft),
// "batch=FILE|FOLDER,…" (批量审核 of the files and folders),
// "template=FILE" (导入表样文件… of FILE, the question 作为第N版导入 when
// the drafts file holds its id and version with other content); editor
// says to show the editor when screen is empty.
func (ws *Workspace) Start(screen string, editor bool) {
	if p, ok := strings.CutPrefix(screen, "import="); ok {
		ws.ShowDrafts()
		ws.ImportPath(p)
		return
	}
	if p, ok := strings.CutPrefix(screen, "batch="); ok {
		ws.ShowDrafts()
		ws.ShowBatch(strings.Split(p, ",")...)
		return
	}
	if p, ok := strings.CutPrefix(screen, "template="); ok {
		ws.ShowDrafts()
		ws.importTemplateAt(p)
		return
	}
	if p, ok := strings.CutPrefix(screen, "merge="); ok {
		ws.ShowEditor()
		ws.MergeDialog(strings.Split(p, ","))
		return
	}
	if ws.startYearScreen(screen) { // stage_start.go
		return
	}
	if q, ok := strings.CutPrefix(screen, "library="); ok || screen == "library" {
		ws.ShowEditor()
		ws.e.SelectTab(TabIndicators)
		// Open it once the window has its size, which sizes the dialog.
		ws.e.clock.AfterFunc(time.Second, func() {
			ws.e.inds.showLibrary()
			ws.e.inds.picker.search.SetText(q)
		})
		return
	}
	switch screen {
	case "editor":
		ws.ShowEditor()
	case "carry":
		ws.ShowEditor()
		ws.CarryDialog(ws.e.ID())
	case "history":
		ws.ShowEditor()
		ws.HistoryDialog(ws.e.ID())
	case "trash":
		ws.ShowDrafts()
		ws.drafts.trash = true
		ws.drafts.reload()
	case "":
		if editor {
			ws.ShowEditor()
			return
		}
		ws.ShowDrafts()
	default:
		ws.ShowDrafts()
	}
}
