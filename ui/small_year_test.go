package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// 新建: the cursor starts in 部门名称 and Enter makes the draft.
func TestNewDraftDialogFocusAndEnter(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, model.Sample())
	ws.NewDraftDialog()
	dept, ok := ws.win.Canvas().Focused().(*escEntry)
	if !ok || dept.PlaceHolder != "如 郑州市生态环境局" {
		t.Fatalf("focus on %T, not 部门名称", ws.win.Canvas().Focused())
	}
	test.Type(dept, "新的局")
	dept.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f := ws.e.Form(); f.Dept != "新的局" {
		t.Fatalf("Enter did not make the draft: open draft %q", f.Dept)
	}
}

// 确认本单位 and 全部确认 leave a row whose amount cannot be read (5OO)
// waiting, and say why.
func TestConfirmLeavesUnreadableRows(t *testing.T) {
	f, _, err := model.CarryForward(model.Sample(), "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Units[0].Tasks[1].Fiscal = model.ParseAmount("5OO")
	e, w := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabTasks)
	test.Tap(e.tasks.confirmAll)
	if !e.form.Units[0].Tasks[1].Review || e.form.ReviewCount() != 1 {
		t.Fatalf("全部确认 confirmed the 5OO row (%d left)", e.form.ReviewCount())
	}
	if txt := overlayTexts(w); !strings.Contains(txt, "1 行没有确认") || !strings.Contains(txt, "金额无法识别") {
		t.Errorf("no word about the row left:\n%s", txt)
	}
	// The unit's subtotal names the unreadable amount before the figures.
	it := e.tasks.shown[0*1_000_000-1]
	if it == nil {
		t.Fatal("unit header not shown")
	}
	if !strings.HasPrefix(it.subtotal.Text, "小计 13 项（1 个金额有误，未计入）：合计") {
		t.Errorf("subtotal %q", it.subtotal.Text)
	}
}

// The 基本信息 form uses the width of a 1366-pixel window (up to 1200).
func TestBasicFormUsesTheWidth(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	w.Resize(fyne.NewSize(1366, 768))
	e.SelectTab(TabBasic)
	if got := e.basic.form.Size().Width; got < 1100 {
		t.Errorf("基本信息 form %.0f px wide in a 1366-px window", got)
	}
}

// The 监控与自评 task rows are grouped under their unit: each row shows its
// own 主要内容, not the unit's name cut short.
func TestMonitorRowsUnderTheirUnit(t *testing.T) {
	f := model.Sample()
	_ = f.SetStage(model.StageMonitor, 6, testTime)
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabYear)
	first := e.year.mon.tasks[0].box.Objects[0].(*widget.Label).Text
	if strings.Contains(first, "郑州市生态环境局机关") || !strings.Contains(first, "建设项目环评") {
		t.Errorf("first row %q", first)
	}
	var units int
	for _, o := range e.year.mon.list.Objects {
		if l, ok := o.(*widget.Label); ok && l.Text == "郑州市生态环境局机关" {
			units++
		}
	}
	if units != 1 {
		t.Errorf("unit heading shown %d times", units)
	}
}

func TestCJKTextDropsBlanksBetweenChinese(t *testing.T) {
	for in, want := range map[string]string{
		"申报表还有 18 个错误":     "申报表还有18个错误",
		"· 绩效指标 › 第7行":     "·绩效指标›第7行",
		"编辑 › 撤销（Ctrl+Z）":  "编辑›撤销（Ctrl+Z）",
		"导出 Excel 或 PDF":   "导出Excel或PDF",
		"press Ctrl Z now": "press Ctrl Z now",
		" 两头的空格 ":          " 两头的空格 ",
	} {
		if got := cjkText(in); got != want {
			t.Errorf("cjkText(%q) = %q, want %q", in, got, want)
		}
	}
}
