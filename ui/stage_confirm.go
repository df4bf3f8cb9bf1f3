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

// stageChangeText says what moving f to stage to (as of month) does, in
// the clerk's words: what becomes read-only, which columns appear, what
// is kept and how to go back.
func stageChangeText(f *model.Form, to model.Stage, month int) string {
	var b strings.Builder
	target := to.String()
	if to == model.StageMonitor {
		target = fmt.Sprintf("运行监控（截至%d月）", month)
	}
	if f.Stage == model.StageMonitor && to == model.StageMonitor {
		fmt.Fprintf(&b, "把运行监控从截至%d月改为截至%d月：\n", f.Month, month)
		fmt.Fprintf(&b, "· 执行数和实际完成值的栏目改称 %s、%s，时间进度按 %d 月计；\n", model.MonitorHeader(month, "执行数"), model.MonitorHeader(month, "实际完成值"), month)
		b.WriteString("· 已填的执行数、完成值、完成可能性和措施都保留，请按新的月份核对。\n")
		b.WriteString("\n要回到原来的月份：再选回原来的月份，或用 编辑 › 撤销（Ctrl+Z）。")
		return b.String()
	}
	fmt.Fprintf(&b, "进入“%s”后：\n", target)
	if f.Stage == model.StageDeclare {
		b.WriteString("· 申报的金额和指标值只读（灰底），任务和指标的行不能再添加、删除或移动；名称、内容和备注仍可修改；\n")
		b.WriteString("· 申报的值确需改动时，在“监控与自评”页用“调整申报值…”并写明原因，原因会保留并印在表上；\n")
	}
	switch to {
	case model.StageMonitor:
		fmt.Fprintf(&b, "· “监控与自评”页出现每项任务的 %s、全年预计执行数，每项指标的 %s、全年预计完成值、完成可能性、偏差原因和拟采取的措施；\n",
			model.MonitorHeader(month, "执行数"), model.MonitorHeader(month, "实际完成值"))
		b.WriteString("· 导出时可选运行监控表或申报表。\n")
	case model.StageEval:
		b.WriteString("· “监控与自评”页出现每项任务的全年预算数（调整后）、全年执行数，每项指标的分值、实际完成值、得分和偏差原因分析及改进措施，总分和等级随输入计算；\n")
		if f.Stage == model.StageMonitor {
			b.WriteString("· 运行监控填的数值保留在草稿中，但不能再回到运行监控，运行监控表也不能再导出：还没导出的，请先取消，导出运行监控表后再进入；\n")
		}
		b.WriteString("· 导出时可选自评表或申报表。\n")
	}
	b.WriteString("\n要回到切换之前：编辑 › 撤销（Ctrl+Z），或 文件 › 历史版本… 恢复切换之前的版本。")
	return b.String()
}

// declarationErrors names the 申报表's errors among fs, at most max, as
// "· 位置：问题" lines, and counts them all.
func declarationErrors(f *model.Form, fs []model.Finding, most int) (lines []string, n int) {
	for _, x := range fs {
		if x.Severity != model.SevError || !model.InTable(x, model.StageDeclare) {
			continue
		}
		n++
		if len(lines) < most {
			lines = append(lines, "· "+x.Loc.Describe(f)+"："+x.Message)
		}
	}
	if n > len(lines) {
		lines = append(lines, fmt.Sprintf("……共 %d 个错误，全部见“审核”页。", n))
	}
	return lines, n
}

// showStageConfirm is the dialog before a change of stage: the 申报表's
// errors first when there are any (查看审核 / 仍然进入 / 取消), then what
// the change does (进入… / 取消).
func (v *yearView) showStageConfirm(to model.Stage, month int) {
	e := v.e
	f := e.form
	title := "进入" + to.String()
	if to == model.StageMonitor && f.Stage == model.StageMonitor {
		title = fmt.Sprintf("改为截至%d月", month)
	}
	var parts []fyne.CanvasObject
	if f.Stage == model.StageDeclare {
		if lines, n := declarationErrors(f, e.findings, 8); n > 0 {
			warn := widget.NewLabel(cjkText(fmt.Sprintf("申报表还有 %d 个错误。进入%s后申报的金额和指标值只读，这些错误只能用“调整申报值”改正；建议先在“审核”页改正：\n%s",
				n, to, strings.Join(lines, "\n"))))
			warn.Wrapping = fyne.TextWrapWord
			warn.Importance = widget.DangerImportance
			parts = append(parts, warn, widget.NewSeparator())
		}
	}
	body := widget.NewLabel(cjkText(stageChangeText(f, to, month)))
	body.Wrapping = fyne.TextWrapWord
	parts = append(parts, body)
	var d dialog.Dialog
	cancel := widget.NewButton("取消", func() {
		d.Hide()
		v.refresh(true) // the switch shows the stage again
	})
	goLabel := title
	if len(parts) > 1 {
		goLabel = "仍然" + title
	}
	goOn := widget.NewButton(goLabel, func() {
		d.Hide()
		v.SetStage(to, month)
	})
	buttons := container.NewHBox(goOn, cancel)
	if len(parts) > 1 {
		review := widget.NewButton("查看审核", func() {
			d.Hide()
			v.refresh(true)
			e.SelectTab(TabChecks)
		})
		review.Importance = widget.HighImportance
		buttons = container.NewHBox(review, goOn, cancel)
	} else {
		goOn.Importance = widget.HighImportance
	}
	var content fyne.CanvasObject = container.NewVBox(append(parts, buttons)...)
	height := float32(0) // as high as the text
	if len(parts) > 1 {
		// the list of errors scrolls; the buttons stay in view
		content = container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(container.NewVBox(parts...)))
		height = 520
	}
	d = dialog.NewCustomWithoutButtons(title, content, e.win)
	d.Resize(dialogSize(e.win, 620, height))
	d.Show()
}
