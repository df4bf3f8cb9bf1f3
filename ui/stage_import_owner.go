package ui

import (
	"fmt"
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/store"
)

// A filled 监控表/自评表 opened through the general import (文件 › 导入为新
// 草稿…, the drafts screen's 导入…, a file dropped on the window) is not
// made into a new draft: export's import refuses it with its StageInfo,
// and the window offers to take it into the draft it belongs to — the
// open one at once, another after opening it — or says that there is none.

// stageOwners are the drafts of the sheet's 部门 and 年度 (export.StageInfo.Fits),
// newest first, and those of them in the 回收站.
func (ws *Workspace) stageOwners(info *export.StageInfo) (open, trashed []store.Info) {
	if list, err := ws.st.List(); err == nil {
		for _, d := range list {
			if info.Fits(d.Dept, d.Year) {
				open = append(open, d)
			}
		}
	}
	if list, err := ws.st.Trashed(); err == nil {
		for _, d := range list {
			if info.Fits(d.Dept, d.Year) {
				trashed = append(trashed, d)
			}
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Updated.After(open[j].Updated) })
	return open, trashed
}

// stageOwnerDialog is the question shown for a filled sheet whose draft is
// not the open one (tests reach it).
type stageOwnerDialog struct {
	path   string
	info   *export.StageInfo
	owners []store.Info
	pick   *widget.RadioGroup // when several drafts fit
	text   string
	dlg    dialog.Dialog
}

// importStageSheet handles a 监控表/自评表 given to the general import.
func (ws *Workspace) importStageSheet(path string, info *export.StageInfo) {
	name := filepath.Base(path)
	open, trashed := ws.stageOwners(info)
	what := fmt.Sprintf("“%s”是本程序导出的%s（%s），填好后应导回它所属的草稿，不会导入为新草稿。", name, info.Table(), info.Whose())
	for _, d := range open {
		if d.ID == ws.e.ID() {
			ws.ShowEditor()
			ws.e.SelectTab(TabYear)
			ws.e.year.ImportStagePath(path, what+"它属于当前打开的草稿，下面是导入会带来的改动。")
			return
		}
	}
	if len(open) == 0 {
		ws.info("这是"+info.Table()+"，不是申报表", what+"\n"+ownersText(info, nil, trashed))
		return
	}
	od := &stageOwnerDialog{path: path, info: info, owners: open}
	ws.stageOwner = od
	od.text = what + "\n它属于草稿 " + draftIDs(open) + "。要打开这份草稿并导入表中填写的数值吗？导入前会先列出改动，由您确认。"
	l := widget.NewLabel(cjkText(od.text))
	l.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{l}
	if len(open) > 1 {
		var names []string
		for _, d := range open {
			names = append(names, draftName(d)+"（编号 "+d.ID+"，"+d.Updated.Local().Format("2006-01-02 15:04")+" 修改）")
		}
		od.pick = widget.NewRadioGroup(names, nil)
		od.pick.Required = true
		od.pick.SetSelected(names[0]) // the newest
		items = append(items, widget.NewLabel("导入到："), od.pick)
	}
	od.dlg = dialog.NewCustomConfirm("导入"+info.Table(), "打开草稿并导入", "取消", container.NewVBox(items...), func(ok bool) {
		if ok {
			ws.stageOwnerChosen(od)
		}
	}, ws.win)
	od.dlg.Resize(dialogSize(ws.win, 620, 0))
	od.dlg.Show()
}

// stageOwnerChosen opens the chosen draft and reads the sheet into it.
func (ws *Workspace) stageOwnerChosen(od *stageOwnerDialog) {
	defer ws.guard("导入")
	d := od.owners[0]
	if od.pick != nil {
		for i, o := range od.pick.Options {
			if o == od.pick.Selected {
				d = od.owners[i]
			}
		}
	}
	if err := ws.OpenDraft(d.ID); err != nil {
		ws.failed("无法打开草稿", err)
		return
	}
	ws.e.SelectTab(TabYear)
	ws.e.year.ImportStagePath(od.path, fmt.Sprintf("已打开草稿“%s”（编号 %s）。", draftName(d), d.ID))
}

// ImportStageDialog is 文件 › 导入填好的监控表/自评表…: the open draft's
// 监控与自评 tab and its file chooser.
func (ws *Workspace) ImportStageDialog() {
	if !ws.needDraft("导入填好的监控表/自评表") {
		return
	}
	ws.ShowEditor()
	if !ws.e.form.Locked() {
		ws.info("导入填好的监控表/自评表", "草稿还在“申报”阶段。运行监控表、自评表要在进入该阶段后导出（“监控与自评”页选择阶段，再用 导出 Excel 选择该表），填好后在这里导入。")
		return
	}
	ws.e.SelectTab(TabYear)
	ws.e.year.chooseStageFile()
}
