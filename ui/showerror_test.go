package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// TestShowErrorFitsNarrowWindow: a long message (a file's whole path and
// what to do, as the writer's errors are) wraps inside an 800-px window
// instead of running past its edge.
func TestShowErrorFitsNarrowWindow(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	e := ws.e
	e.win.Resize(fyne.NewSize(800, 600))
	msg := "Excel 文件没有导出：“/home/clerk/文档/2026年/郑州市生态环境局_2020年度_绩效目标申报表/提交财政局的最终版本/fifo.xlsx”是一个命名管道，现在没有程序在读取它，没有写入。请先启动读取它的程序，或换一个普通的文件名。"
	e.ShowError("导出失败", msg)
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var label *widget.Label
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == msg {
			label = l
		}
	})
	if label == nil {
		t.Fatal("the message is not in the dialog")
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(label)
	if right := pos.X + label.Size().Width; pos.X < 0 || right > 800 {
		t.Errorf("the message spans x %.0f…%.0f in an 800-px window", pos.X, right)
	}
	if one := widget.NewLabel("申报").MinSize().Height; label.Size().Height < 2*one {
		t.Errorf("the message is not wrapped: %v (one line %.0f)", label.Size(), one)
	}
}
