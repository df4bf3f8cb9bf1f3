package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// templateMove is the 「表样有新版本」 dialog: the change list of moving
// the open draft to a newer version of its template (model.Migrate), with
// 迁移到新版本 / 暂不迁移. Migrating is one undo step; 暂不迁移 is
// remembered for the draft and that version (store.DeclineTemplate).
type templateMove struct {
	ws    *Workspace
	id    string
	to    *model.Template
	moved *model.Form
	m     *model.Migration
	list  *widget.Label
	dlg   dialog.Dialog
}

// offerNewerTemplate shows 「表样有新版本」 when the open draft's template
// has a newer version here that the clerk has not declined for this draft.
func (ws *Workspace) offerNewerTemplate() {
	f, id := ws.e.Form(), ws.e.ID()
	if f == nil || id == "" || f.Locked() || ws.onDrafts {
		return
	}
	to := model.NewestTemplate(f, ws.e.templates)
	if to == nil {
		return
	}
	if d, err := ws.st.DeclinedTemplate(id); err == nil && d.SameVersion(to.Ref()) {
		return
	}
	ws.showTemplateMove(to)
}

// MigrateTemplateDialog is 表样 › 迁移到新版本…: the same dialog, asked for.
func (ws *Workspace) MigrateTemplateDialog() {
	if !ws.needDraft("迁移到表样的新版本") {
		return
	}
	f := ws.e.Form()
	to := model.NewestTemplate(f, ws.e.templates)
	if to == nil {
		t := ws.e.Template()
		ws.info("表样已是最新版本", fmt.Sprintf("草稿所用的表样“%s”第%d版已是本机最新的版本，不需要迁移。\n收到财政部门的新表样文件后，请先用 表样 › 导入表样文件… 导入。", t.Name, t.Version))
		return
	}
	ws.showTemplateMove(to)
}

func (ws *Workspace) showTemplateMove(to *model.Template) {
	defer ws.guard("迁移表样")
	f := ws.e.Form()
	from := model.TemplateVersion(f.Template, ws.e.templates)
	g, m, err := model.Migrate(f, from, to)
	if err != nil {
		ws.info(errTitle("无法迁移到新版本", err), errMessage(err))
		return
	}
	d := &templateMove{ws: ws, id: ws.e.ID(), to: to, moved: g, m: m}
	ws.tplMove = d
	head := container.NewVBox(
		widget.NewLabel(fmt.Sprintf("本机有表样“%s”的第%d版，这份草稿按第%d版填写。", to.Name, to.Version, m.From.Version)),
		widget.NewLabel("迁移后草稿按新版本显示、审核和导出。下面列出表样的变化和已填内容的去向，已填的内容不会丢失；迁移后可以用“撤销”恢复。"))
	for _, o := range head.Objects {
		o.(*widget.Label).Wrapping = fyne.TextWrapWord
	}
	d.list = widget.NewLabel(strings.Join(m.Lines(), "\n"))
	d.list.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(head, nil, nil, nil, container.NewVScroll(d.list))
	d.dlg = dialog.NewCustomConfirm("表样有新版本", "迁移到新版本", "暂不迁移", content, func(ok bool) {
		if ok {
			d.migrate()
		} else {
			d.decline()
		}
	}, ws.win)
	d.dlg.Resize(dialogSize(ws.win, 900, 620))
	d.dlg.Show()
}

// migrate puts the moved draft in the editor as one undo step.
func (d *templateMove) migrate() {
	ws := d.ws
	if ws.e.ID() != d.id {
		return // another draft was opened meanwhile
	}
	ws.undo.Record()
	ws.e.Replace(d.moved)
}

// decline remembers 暂不迁移 for the draft and this version.
func (d *templateMove) decline() {
	if err := d.ws.st.DeclineTemplate(d.id, d.to.Ref()); err != nil {
		d.ws.failed("无法记住“暂不迁移”", err)
	}
}
