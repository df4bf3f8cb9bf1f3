package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/store"
)

// StoreProblem explains why store.Open(path) failed with err, in plain
// Chinese, and returns the newest good backup when the file is damaged and
// one exists (the clerk may restore it).
func StoreProblem(path string, err error) (msg string, backup *store.Backup) {
	var de *store.DamagedError
	switch {
	case errors.Is(err, store.ErrInUse):
		return err.Error() + "\n\n如果没有看到另一个窗口，请稍等片刻再打开，或重新启动电脑后再试。", nil
	case errors.As(err, &de):
		msg = fmt.Sprintf("草稿数据文件已损坏，无法打开：%s。\n文件：%s\n这个文件保持原样，程序没有改动它。", de.Reason, de.Path)
		if b, ok := store.NewestGoodBackup(path); ok {
			msg += fmt.Sprintf("\n\n可以用最近的完好备份恢复，点“用备份恢复”。\n备份时间：%s。备份里有到那时为止保存的全部草稿，之后的修改不在其中。\n恢复前，损坏的文件会先另存一份到备份文件夹，不会丢失。", b.Time.Format("2006-01-02 15:04"))
			return msg, &b
		}
		return msg + "\n\n没有找到完好的备份。可以把这个文件改名保存以便日后找回，再打开程序，程序会新建一个空的数据文件；导出过的 Excel（.xlsx）或 JSON 文件可以用“导入”重新读成草稿。", nil
	}
	return fmt.Sprintf("无法打开草稿数据文件 %s：%s", path, errMessage(err)), nil
}

// ShowStoreProblem shows in w why the drafts file at path could not be
// opened (err from store.Open): another jixiao holds it, or it is damaged
// — then, when a good backup exists, 用备份恢复 restores it and calls
// reopen, which opens the file again and shows the editor in w (its error
// is shown the same way). quit is called when the clerk closes the
// message instead.
func ShowStoreProblem(w fyne.Window, path string, err error, reopen func() error, quit func()) {
	msg, b := StoreProblem(path, err)
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	closeBtn := widget.NewButton("关闭", func() { d.Hide(); quit() })
	buttons := []fyne.CanvasObject{closeBtn}
	if b != nil {
		bp := b.Path
		restore := widget.NewButton("用备份恢复", func() {
			d.Hide()
			if err := store.RestoreBackup(path, bp); err != nil {
				ShowStoreProblem(w, path, fmt.Errorf("%w", err), reopen, quit)
				return
			}
			if err := reopen(); err != nil {
				ShowStoreProblem(w, path, err, reopen, quit)
			}
		})
		restore.Importance = widget.HighImportance
		buttons = append(buttons, restore)
	}
	title := "无法打开草稿数据文件"
	if errors.Is(err, store.ErrInUse) {
		title = "数据文件正在使用"
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewVScroll(l), w)
	d.SetButtons(buttons)
	d.Resize(dialogSize(w, 600, 300))
	d.Show()
	if w.Canvas().OnTypedKey() == nil { // no editor yet: Esc is 关闭 here too
		w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
			if ev.Name == fyne.KeyEscape {
				closeTopDialog(w.Canvas())
			}
		})
	}
}
