package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// mainMenu is 文件 (保存, 导出) plus the menus added with AddMenu.
func (e *Editor) mainMenu() *fyne.MainMenu {
	save := fyne.NewMenuItem("保存", func() { e.SaveNow() })
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	items := append(append([]*fyne.MenuItem{}, e.fileItems...), save, fyne.NewMenuItemSeparator())
	for _, k := range ExportKinds {
		items = append(items, fyne.NewMenuItem("导出 "+k.Name+"…", func() { e.Export(k) }))
	}
	// 退出 (Ctrl+Q) saves and closes like the window's close button.
	quit := fyne.NewMenuItem("退出", e.close)
	quit.IsQuit = true
	quit.Shortcut = quitShortcut
	items = append(items, fyne.NewMenuItemSeparator(), quit)
	file := fyne.NewMenu("文件", items...)
	var tabs []*fyne.MenuItem
	for i, name := range tabNames {
		it := fyne.NewMenuItem(name, func() { e.GoToTab(Tab(i)) })
		it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
		tabs = append(tabs, it)
	}
	view := fyne.NewMenu("页面", tabs...)
	return fyne.NewMainMenu(append([]*fyne.Menu{file, view}, e.extraMenus...)...)
}

// quitShortcut is Ctrl+Q.
var quitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

// tabNames are the tabs' titles (审核 gets its error count added).
var tabNames = []string{"基本信息", "年度总体目标", "年度主要任务", "绩效指标", "审核", "监控与自评"}

// GoToTab shows tab t and puts the keyboard focus on its first field
// (Ctrl+1 … Ctrl+6, as tabs themselves take no keyboard focus).
func (e *Editor) GoToTab(t Tab) {
	e.SelectTab(t)
	loc := model.Location{Unit: 0, Row: 0}
	switch t {
	case TabGoals:
		loc.Part = model.PartGoals
	case TabTasks:
		loc.Part, loc.Field = model.PartTasks, model.FieldContent
	case TabIndicators:
		loc.Part, loc.Field = model.PartIndicators, model.FieldValue
	case TabChecks:
		e.views[TabChecks].focus(loc)
		return
	case TabYear:
		e.focusObject(e.year.stage)
		return
	default:
		loc.Field = model.FieldYear
	}
	e.views[t].focus(loc)
}

// AddMenu adds a menu after 文件 in the main menu (编辑, 草稿…).
func (e *Editor) AddMenu(m *fyne.Menu) {
	e.extraMenus = append(e.extraMenus, m)
	e.win.SetMainMenu(e.mainMenu())
}

// AddFileItems adds entries at the top of the 文件 menu (草稿…, 导入…).
func (e *Editor) AddFileItems(items ...*fyne.MenuItem) {
	e.fileItems = append(e.fileItems, items...)
	e.win.SetMainMenu(e.mainMenu())
}

// AddToolbar adds objects (buttons) at the end of the toolbar.
func (e *Editor) AddToolbar(objs ...fyne.CanvasObject) {
	for _, o := range objs {
		e.toolbarBox.Add(o)
	}
}

// toolbar is the row of buttons above the tabs.
func (e *Editor) toolbar() fyne.CanvasObject {
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { e.SaveNow() })
	save.Importance = widget.LowImportance
	e.toolbarBox = container.NewHBox(save, widget.NewSeparator())
	for _, k := range ExportKinds {
		b := widget.NewButtonWithIcon("导出 "+k.Name, theme.DownloadIcon(), func() { e.Export(k) })
		b.Importance = widget.LowImportance
		e.toolbarBox.Add(b)
	}
	return container.NewVBox(e.toolbarBox, widget.NewSeparator())
}
