package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// welcome is the first-start page: a new user (no drafts yet) chooses to
// start a blank form, import last year's file or look at the sample,
// instead of landing in another department's filled form.
type welcome struct {
	box                    fyne.CanvasObject
	blank, imports, sample *widget.Button
}

func newWelcome(ws *Workspace) *welcome {
	w := &welcome{}
	w.blank = widget.NewButtonWithIcon("新建空白申报表", theme.DocumentCreateIcon(), ws.NewDraftDialog)
	w.blank.Importance = widget.HighImportance
	w.imports = widget.NewButtonWithIcon("导入去年的文件", theme.UploadIcon(), ws.ImportDialog)
	w.sample = widget.NewButtonWithIcon("打开示例", theme.DocumentIcon(), func() { ws.newDraft(model.Sample(), "") })
	title := widget.NewLabelWithStyle("欢迎使用绩效目标申报", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	choice := func(b *widget.Button, help string) fyne.CanvasObject {
		l := widget.NewLabel(help)
		l.Wrapping = fyne.TextWrapWord
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, b.MinSize().Height), b), nil, l)
	}
	body := container.NewVBox(
		title,
		widget.NewLabelWithStyle("这台电脑上还没有申报表草稿。请选择怎样开始：", fyne.TextAlignCenter, fyne.TextStyle{}),
		widget.NewSeparator(),
		choice(w.blank, "填写本年度的年度和部门名称，从空白表开始。"),
		choice(w.imports, "打开去年报送的 Excel、WPS、Word（.docx）或 JSON 文件，导入为新的草稿，再复制到本年度修改。"),
		choice(w.sample, "看一份填好的申报表（郑州市生态环境局 2020年度）。示例只供参考，标题和草稿列表中标有“示例”。"),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("草稿自动保存在本机，不联网。以后打开程序时先显示草稿列表。", fyne.TextAlignCenter, fyne.TextStyle{Italic: true}),
	)
	w.box = container.NewCenter(container.New(maxWidthLayout{640}, body))
	return w
}

// ShowWelcome shows the first-start page.
func (ws *Workspace) ShowWelcome() {
	if ws.welcome == nil {
		ws.welcome = newWelcome(ws)
	}
	ws.onDrafts = true // no draft is being edited: undo and the like wait
	ws.win.SetContent(ws.welcome.box)
	ws.win.SetTitle("欢迎 — 绩效目标申报")
}
