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
	box, body              fyne.CanvasObject
	blank, imports, sample *widget.Button
	help                   map[*widget.Button]*widget.Label // each choice's help text
}

// welcomeWidth is the first-start page's column width where the window is
// wide enough.
const welcomeWidth = 640

// centreWidthLayout puts its objects in the middle, max wide (or the
// window's width less padding where that is narrower) and as high as
// their text needs at that width.
type centreWidthLayout struct{ max float32 }

func (l centreWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := max(min(size.Width-2*theme.Padding(), l.max), 0)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // wrapped at w
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, max((size.Height-h)/2, 0)))
	}
}

func (l centreWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func newWelcome(ws *Workspace) *welcome {
	w := &welcome{}
	w.blank = widget.NewButtonWithIcon("新建空白申报表", theme.DocumentCreateIcon(), ws.NewDraftDialog)
	w.blank.Importance = widget.HighImportance
	w.imports = widget.NewButtonWithIcon("导入去年的文件", theme.UploadIcon(), ws.ImportDialog)
	w.sample = widget.NewButtonWithIcon("打开示例", theme.DocumentIcon(), func() { ws.newDraft(model.Sample(), "") })
	title := widget.NewLabelWithStyle("欢迎使用绩效目标申报", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	w.help = map[*widget.Button]*widget.Label{}
	choice := func(b *widget.Button, help string) fyne.CanvasObject {
		l := widget.NewLabel(help)
		l.Wrapping = fyne.TextWrapWord
		w.help[b] = l
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, b.MinSize().Height), b), nil, l)
	}
	// Each help line is a short sentence that fits the column whole (a
	// Chinese line wrapped by Fyne may start with a comma or a closing
	// quote); the column is 640 px wide, or the window's width on a
	// narrower window.
	body := container.NewVBox(
		title,
		widget.NewLabelWithStyle("这台电脑上还没有申报表草稿。请选择怎样开始：", fyne.TextAlignCenter, fyne.TextStyle{}),
		widget.NewSeparator(),
		choice(w.blank, "填写年度和部门名称，从空白表开始。"),
		choice(w.imports, "打开去年报送的 Excel、WPS、Word、PDF 或 JSON 文件，\n导入为新的草稿，再复制到本年度修改。"),
		choice(w.sample, "看一份填好的申报表（郑州市生态环境局 2020年度）。\n示例只供参考，标题和草稿列表中标有“示例”。"),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("草稿自动保存在本机，不联网。以后打开程序时先显示草稿列表。", fyne.TextAlignCenter, fyne.TextStyle{Italic: true}),
	)
	w.body = body
	w.box = container.New(centreWidthLayout{welcomeWidth}, body)
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
