// Package ui is the desktop editor of the 申报表: a window with one tab per
// part of the form (基本信息, 年度总体目标, 年度主要任务, 绩效指标, 审核), a
// status bar, autosave and export.
//
// Data flows one way: a widget callback calls Editor.Apply (or ApplyKeyed)
// with a small function that changes the *model.Form; the editor then
// recomputes the totals and the checks, refreshes every view from the model
// and schedules the autosave. No business rule lives in a widget callback.
//
// The package never imports fyne.io/fyne/v2/app: cmd/jixiao creates the
// application, tests use fyne.io/fyne/v2/test. Time, timers and slow work
// (saving, exporting) reach the editor through Clock and Worker
// (seams.go), which tests replace with fakes so that nothing runs behind
// their back.
package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
	"jixiao/store"
)

// Saver stores a draft; *store.Store is one.
type Saver interface {
	Save(id string, f *model.Form) error
}

// Tab is one tab of the editor, in the order shown.
type Tab int

const (
	TabBasic      Tab = iota // 基本信息
	TabGoals                 // 年度总体目标
	TabTasks                 // 年度主要任务
	TabIndicators            // 绩效指标
	TabChecks                // 审核
	TabYear                  // 监控与自评 (stage.go)
)

// TabOf is the tab that shows part p of the form.
func TabOf(p model.Part) Tab {
	switch p {
	case model.PartGoals:
		return TabGoals
	case model.PartTasks:
		return TabTasks
	case model.PartIndicators:
		return TabIndicators
	}
	return TabBasic
}

// Preference keys.
const (
	PrefLastDraft    = "lastDraft"    // id of the draft shown last
	PrefWindowWidth  = "window.width" // last window size
	PrefWindowHeight = "window.height"
	PrefExportDir    = "export.dir" // folder of the last export
)

// DefaultSaveDelay is how long after the last edit the draft is saved.
const DefaultSaveDelay = time.Second

// view is one tab's content. refresh(structural) updates the widgets from
// the model: structural is true after an edit that may have added, removed
// or moved rows (or replaced the form), false after a cell edit, where the
// view updates texts and figures only.
type view interface {
	object() fyne.CanvasObject
	refresh(structural bool)
	// focus shows loc and gives its field the keyboard focus; false when
	// the place does not exist.
	focus(loc model.Location) bool
}

// Editor is the editing window's controller: it holds the form being
// edited and every view of it.
//
// Every change to the form goes through Apply or ApplyKeyed (or Replace for
// a whole new form). Views read e.Form() and never keep copies of its texts.
type Editor struct {
	win    fyne.Window
	prefs  fyne.Preferences
	saver  Saver
	clock  Clock  // time and timers (SystemClock; seams.go)
	worker Worker // saves and exports off the UI goroutine (GoWorker)

	// SaveDelay is the autosave delay after the last edit (DefaultSaveDelay).
	SaveDelay time.Duration

	// BeforeEdit, when set, is called for every edit with the form as it
	// was before the edit and the edit's key ("" for a structural edit; for
	// typing, the field's key, equal for consecutive keystrokes in one
	// field). An undo stack keeps f.Clone() here: f is valid only during
	// the call, as the editor reuses it (see apply). It is not called by
	// Replace, nor for an edit refused because the declaration is locked
	// (it is then called after the edit, with the copy taken before it).
	BeforeEdit func(key string, f *model.Form)
	// AfterChange, when set, is called after every edit, Replace or Open,
	// once the views show the new state.
	AfterChange func()
	// AfterTabShown, when set, is called each time a tab has been selected
	// and brought up to date (cmd/jixiao returns freed memory to the
	// system soon after; see internal/desktop/memory.go).
	AfterTabShown func()

	id       string
	form     *model.Form
	lockCopy *model.Form // memory for apply's copy of a locked form (nil: none)
	totals   model.Totals
	findings []model.Finding
	errors   int

	// autosave state; touched on the UI goroutine only, except saveMu.
	editGen  uint64 // raised by every edit
	savedGen uint64 // editGen of the last successful save of this draft
	saving   bool
	again    bool // a save was asked while one was running
	savedAt  time.Time
	saveErr  error
	timer    Timer
	saveMu   sync.Mutex
	// the newest edit the store holds (openEpoch, editGen); under saveMu
	wroteEpoch, wroteGen uint64
	openEpoch            uint64 // raised when another draft is opened

	// library gives the 指标库 picker its entries (library.Builtin when nil);
	// libraryStore, when set, is where library files are imported.
	// NewWorkspace sets both from the drafts file (ui/library.go).
	library      LibrarySource
	libraryStore *store.Store

	tabs    *container.AppTabs
	tabList []*container.TabItem
	views   []view
	basic   *basicView
	goals   *goalsView
	tasks   *tasksView
	inds    *indicatorsView
	checks  *checksView
	year    *yearView
	status  *statusBar
	content fyne.CanvasObject

	stale      [6]bool // views to rebuild when shown
	titleTimer Timer
	titleDelay time.Duration // tabTitleDelay; 0 updates at once

	templates []*model.Template // imported 表样 (SetTemplates)

	exportRadio *widget.RadioGroup // the table choice of the last 导出 dialog (export.go)

	extraMenus []*fyne.Menu
	fileItems  []*fyne.MenuItem // first entries of 文件 (AddFileItems)
	toolbarBox *fyne.Container

	// Files asks for files to open and places to save (FyneFiles when nil).
	Files FileChooser
}

// New makes the editor for window w, saving with s. It shows nothing until
// Open is called. The window's content, main menu and shortcuts are set.
// Without options it uses the real clock (SystemClock) and runs saves and
// exports on goroutines (GoWorker); tests pass fakes (WithClock,
// WithWorker).
func New(w fyne.Window, s Saver, opts ...Option) *Editor {
	e := &Editor{win: w, saver: s, SaveDelay: DefaultSaveDelay, form: &model.Form{}, titleDelay: tabTitleDelay,
		clock: SystemClock{}, worker: GoWorker{}}
	for _, o := range opts {
		o(e)
	}
	if a := fyne.CurrentApp(); a != nil {
		e.prefs = a.Preferences()
	}
	e.basic = newBasicView(e)
	e.goals = newGoalsView(e)
	e.tasks = newTasksView(e)
	e.inds = newIndicatorsView(e)
	e.checks = newChecksView(e)
	e.status = newStatusBar(e)
	e.year = newYearView(e)
	e.views = []view{e.basic, e.goals, e.tasks, e.inds, e.checks, e.year}
	for i, v := range e.views {
		e.tabList = append(e.tabList, container.NewTabItem(tabNames[i], v.object()))
	}
	e.tabs = container.NewAppTabs(e.tabList...)
	e.tabs.OnSelected = e.tabSelected
	e.content = container.NewBorder(e.toolbar(), e.status.object(), nil, nil, e.tabs)
	w.SetContent(e.content)
	w.SetMainMenu(e.mainMenu())
	ctrlS := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	w.Canvas().AddShortcut(ctrlS, func(fyne.Shortcut) { e.SaveNow() })
	w.Canvas().AddShortcut(quitShortcut, func(fyne.Shortcut) { e.close() })
	w.Canvas().SetOnTypedKey(e.typedKey) // Esc closes the dialog on top
	w.SetCloseIntercept(e.close)
	return e
}

// close saves unsaved edits and the window size, then closes the window;
// if the save fails the clerk chooses whether to close anyway.
func (e *Editor) close() {
	if e.prefs != nil {
		sz := e.win.Canvas().Size()
		if sz.Width > 200 && sz.Height > 200 {
			e.prefs.SetFloat(PrefWindowWidth, float64(sz.Width))
			e.prefs.SetFloat(PrefWindowHeight, float64(sz.Height))
		}
	}
	if err := e.Flush(); err != nil {
		dialog.ShowConfirm(errTitle("草稿未能保存", err), errMessage(err)+"\n\n仍要关闭吗？关闭后最近的修改会丢失。", func(yes bool) {
			if yes {
				e.win.Close()
			}
		}, e.win)
		return
	}
	e.win.Close()
}

// Window is the editor's window.
func (e *Editor) Window() fyne.Window { return e.win }

// Content is the editor's whole content (tabs, toolbar, status bar).
func (e *Editor) Content() fyne.CanvasObject { return e.content }

// Form is the form being edited. Callers must not change it directly: use
// Apply. It is replaced by Open and Replace.
func (e *Editor) Form() *model.Form { return e.form }

// ID is the id of the draft being edited.
func (e *Editor) ID() string { return e.id }

// Totals are the task table's figures, as of the last edit.
func (e *Editor) Totals() model.Totals { return e.totals }

// Findings are the checks' findings, as of the last edit, errors first.
func (e *Editor) Findings() []model.Finding { return e.findings }

// ErrorCount is the number of findings that are errors.
func (e *Editor) ErrorCount() int { return e.errors }

// Dirty reports whether there are edits not yet saved.
func (e *Editor) Dirty() bool { return e.editGen != e.savedGen }

// Open shows draft id. Unsaved edits of the draft shown before are saved
// first (synchronously); if that fails the error is returned and nothing
// changes. The form is owned by the editor afterwards.
func (e *Editor) Open(id string, f *model.Form) error {
	if e.id != "" && e.Dirty() {
		if err := e.Flush(); err != nil {
			return err
		}
	}
	e.stopTimer()
	e.openEpoch++
	e.id, e.form, e.lockCopy = id, f, nil
	e.editGen, e.savedGen, e.saveErr, e.savedAt = 0, 0, nil, time.Time{}
	if e.prefs != nil && id != "" {
		e.prefs.SetString(PrefLastDraft, id)
	}
	e.recompute()
	e.refresh(true)
	if e.AfterChange != nil {
		e.AfterChange()
	}
	return nil
}

// Apply makes a structural edit (rows added, removed, moved, options
// switched…): it calls edit with the form, recomputes, rebuilds the views
// and schedules the autosave.
func (e *Editor) Apply(edit func(f *model.Form)) { e.apply("", edit) }

// ApplyKeyed makes a cell edit (typing in one field) named by key, e.g.
// "task/2/5/total": the views update texts and figures in place, which keeps
// typing fast on large forms. Consecutive edits with the same key are one
// "typing" for an undo stack.
func (e *Editor) ApplyKeyed(key string, edit func(f *model.Form)) {
	if key == "" {
		key = "?"
	}
	e.apply(key, edit)
}

func (e *Editor) apply(key string, edit func(f *model.Form)) {
	defer e.recoverPanic()
	if !e.form.Locked() {
		if e.BeforeEdit != nil {
			e.BeforeEdit(key, e.form)
		}
		edit(e.form)
		e.changed(key == "")
		return
	}
	// After the declaration, its targets and amounts change only by 调整
	// (model.Form.AdjustTask/AdjustIndicator); any other edit of them is
	// undone here, whichever view made it: the whole edit, back to an exact
	// copy of the form taken before it. The undo stack hears of the edit
	// only once it is accepted, so a refused one leaves no empty step.
	//
	// The copy is made into the memory of the one before (e.lockCopy), not
	// afresh: a new copy of a 2,000-task form at each keystroke cost about
	// as much as the rest of the keystroke (docs/BENCHMARKS.md). Only the
	// editor holds lockCopy; BeforeEdit keeps a copy of its own.
	before := e.form.CloneInto(e.lockCopy)
	e.lockCopy = nil // in use; back below once the edit is accepted
	edit(e.form)
	if !model.SameDeclaration(before, e.form) {
		e.form = before
		e.refresh(true)
		e.ShowError("申报内容只读", "草稿已进入“"+before.StageLabel()+"”阶段，申报的指标值和金额不能直接修改。\n请在“监控与自评”页用“调整申报值”，并写明原因。")
		return
	}
	if e.BeforeEdit != nil {
		e.BeforeEdit(key, before)
	}
	e.lockCopy = before
	e.changed(key == "")
}

// recoverPanic turns a program error during an edit into a Chinese
// message instead of ending the program; what was typed is kept and saved.
func (e *Editor) recoverPanic() {
	if r := recover(); r != nil {
		e.editGen++
		e.scheduleSave()
		e.ShowError("程序内部出错", fmt.Sprintf("这一步操作没有完成（%v）。已填写的内容仍在，并会自动保存；请把这条信息发给技术支持。", r))
	}
}

// Replace puts f in place of the form being edited (undo, redo, restoring
// a revision, import into the open draft) and saves it like an edit.
func (e *Editor) Replace(f *model.Form) {
	e.form = f
	e.changed(true)
}

func (e *Editor) changed(structural bool) {
	e.form.Meta.Updated = e.clock.Now()
	e.editGen++
	e.recompute()
	e.refresh(structural)
	e.scheduleSave()
	if e.AfterChange != nil {
		e.AfterChange()
	}
}

func (e *Editor) recompute() {
	e.totals = model.ComputeTotals(e.form)
	e.findings = model.CheckWith(e.form, model.TemplateOf(e.form, e.templates))
	e.errors = 0
	for _, f := range e.findings {
		if f.Severity == model.SevError {
			e.errors++
		}
	}
}

// Refresh rebuilds every view from the form.
func (e *Editor) Refresh() { e.refresh(true) }

// refresh updates the tab shown at once and marks the others stale: they
// are rebuilt when shown, so a keystroke costs one tab's update.
func (e *Editor) refresh(structural bool) {
	if structural {
		e.templateTabs() // ui/template_tabs.go
	}
	cur := e.tabIndex()
	for i, v := range e.views {
		if i == cur {
			v.refresh(structural || e.stale[i])
			e.stale[i] = false
		} else {
			e.stale[i] = true
		}
	}
	if structural {
		e.stopTitleTimer()
		e.updateTabTitle()
	} else {
		e.scheduleTabTitle()
	}
	e.status.refresh()
	e.updateTitle()
}

// tabSelected brings a stale tab up to date when it is shown.
func (e *Editor) tabSelected(*container.TabItem) {
	i := e.tabIndex()
	if i >= 0 && i < len(e.views) && e.stale[i] {
		e.stale[i] = false
		e.views[i].refresh(true)
	}
	if e.AfterTabShown != nil {
		e.AfterTabShown()
	}
}

// updateTabTitle shows the number of errors on the 审核 tab. Changing a
// tab's title refreshes the whole tab bar and its contents, so while the
// clerk types it is done once typing pauses (scheduleTabTitle); the status
// bar shows the count at once.
func (e *Editor) updateTabTitle() {
	title := "审核"
	if e.errors > 0 {
		title = fmt.Sprintf("审核 (%d)", e.errors)
	}
	if e.tabList[TabChecks].Text != title {
		e.tabList[TabChecks].Text = title
		e.tabs.Refresh()
	}
}

func (e *Editor) scheduleTabTitle() {
	e.stopTitleTimer()
	if e.titleDelay <= 0 {
		e.updateTabTitle()
		return
	}
	e.titleTimer = e.clock.AfterFunc(e.titleDelay, e.updateTabTitle)
}

func (e *Editor) stopTitleTimer() {
	if e.titleTimer != nil {
		e.titleTimer.Stop()
		e.titleTimer = nil
	}
}

// tabTitleDelay is the pause in typing after which the 审核 tab's title
// is updated.
const tabTitleDelay = 400 * time.Millisecond

func (e *Editor) updateTitle() {
	t := "绩效目标申报"
	if e.form.Dept != "" || e.form.Year != "" {
		t = fmt.Sprintf("%s %s年度 — 绩效目标申报", e.form.Dept, e.form.Year)
	}
	if e.form.IsSample() {
		t = strings.Replace(t, " — ", "【示例】 — ", 1)
	}
	if e.Dirty() {
		t = "* " + t
	}
	if e.win.Title() != t {
		e.win.SetTitle(t)
	}
}

// SelectTab shows tab t.
func (e *Editor) SelectTab(t Tab) {
	if int(t) >= 0 && int(t) < len(e.tabList) {
		e.tabs.Select(e.tabList[t])
	}
}

// CurrentTab is the tab shown.
func (e *Editor) CurrentTab() Tab { return Tab(e.tabIndex()) }

// Focus switches to loc's tab, scrolls to its row and gives its field the
// keyboard focus. It reports false when the place no longer exists.
func (e *Editor) Focus(loc model.Location) bool {
	t := TabOf(loc.Part)
	if isStageField(loc.Field) {
		t = TabYear
	}
	e.SelectTab(t)
	return e.views[t].focus(loc)
}

// focusObject gives o the keyboard focus if it can take it.
func (e *Editor) focusObject(o fyne.CanvasObject) bool {
	f, ok := o.(fyne.Focusable)
	if !ok || f == nil {
		return false
	}
	e.win.Canvas().Focus(f)
	return true
}

// ShowError shows a Chinese message in a dialog. The message wraps at the
// dialog's width (at most 560 px, less in a narrow window), so that a long
// one — a file's whole path and what to do — is never cut at the window's
// edge.
func (e *Editor) ShowError(title, msg string) {
	l := widget.NewLabelWithStyle(msg, fyne.TextAlignLeading, fyne.TextStyle{})
	l.Wrapping = fyne.TextWrapBreak // Chinese has no spaces to wrap at
	d := dialog.NewCustom(title, "确定", l, e.win)
	w := dialogSize(e.win, 560, 0).Width
	l.Resize(fyne.NewSize(w, 0))
	d.Resize(fyne.NewSize(w, 0).Max(d.MinSize()))
	d.Show()
}
