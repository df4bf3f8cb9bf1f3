package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// mainMenu is 文件 (保存, 导出) plus the menus added with AddMenu.
func (e *Editor) mainMenu() *fyne.MainMenu {
	save := fyne.NewMenuItem("保存", func() { e.SaveNow() })
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	items := append(append([]*fyne.MenuItem{}, e.fileItems...), save, fyne.NewMenuItemSeparator())
	for _, k := range ExportKinds {
		items = append(items, fyne.NewMenuItem("导出 "+k.Name+"…", func() { e.Export(k) }))
	}
	file := fyne.NewMenu("文件", items...)
	return fyne.NewMainMenu(append([]*fyne.Menu{file}, e.extraMenus...)...)
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
