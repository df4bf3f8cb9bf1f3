package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"jixiao/export"
	"jixiao/model"
)

func TestFirstStartPageOpensTheSampleLabelled(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	ws.ShowWelcome()
	for _, b := range []string{"新建空白申报表", "导入去年的文件", "打开示例"} {
		if findButton(ws.win, b) == nil {
			t.Fatalf("first-start page lacks %q", b)
		}
	}
	tapButton(t, ws.win, "打开示例")
	if ws.e.ID() == "" || ws.OnDrafts() || ws.e.Form().Dept != model.SampleDept {
		t.Fatalf("打开示例 did not open the sample (id %q)", ws.e.ID())
	}
	if title := ws.win.Title(); !strings.Contains(title, "示例") {
		t.Errorf("title %q does not say 示例", title)
	}
	ws.ShowDrafts()
	var depts []string
	walk(ws.drafts.box, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, model.SampleDept) {
			depts = append(depts, l.Text)
		}
	})
	if len(depts) == 0 || !strings.Contains(depts[0], "【示例】") {
		t.Errorf("drafts list shows %q, want it labelled 【示例】", depts)
	}
	list, _ := st.List()
	if len(list) != 1 {
		t.Errorf("%d drafts after 打开示例", len(list))
	}
}

func TestFirstStartPageImportsLastYearsFile(t *testing.T) {
	ws, st, _ := newTestWorkspace(t, nil)
	prev := model.Sample()
	prev.Meta.Origin = ""
	prev.Dept = "某某局"
	p := filepath.Join(t.TempDir(), "去年.json")
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.WriteJSON(fh, prev); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	ff := &fakeFiles{path: p}
	ws.e.Files = ff
	ws.ShowWelcome()
	tapButton(t, ws.win, "导入去年的文件")
	if len(ff.asked) != 1 || !strings.Contains(strings.Join(ff.asked[0].Exts, ","), ".xlsx") {
		t.Fatalf("file asked %+v", ff.asked)
	}
	tapButton(t, ws.win, "创建草稿")
	if ws.e.Form().Dept != "某某局" || strings.Contains(ws.win.Title(), "示例") {
		t.Fatalf("imported draft: dept %q, title %q", ws.e.Form().Dept, ws.win.Title())
	}
	if list, _ := st.List(); len(list) != 1 {
		t.Errorf("%d drafts after the import", len(list))
	}
}

func TestNewDraftDialogShowsALongDeptName(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, nil)
	ws.win.Resize(fyne.NewSize(1000, 700))
	ws.ShowWelcome()
	tapButton(t, ws.win, "新建空白申报表")
	var dept *escEntry
	walk(ws.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if en, ok := o.(*escEntry); ok && en.PlaceHolder == "如 郑州市生态环境局" {
			dept = en
		}
	})
	if dept == nil {
		t.Fatal("no 部门名称 field")
	}
	name := "郑州市生态环境局郑州市环境保护监测中心站" // 20 characters
	need := fyne.MeasureText(name, 14, fyne.TextStyle{}).Width
	if dept.Size().Width < need {
		t.Errorf("部门名称 field is %v px wide, 20 characters need %v", dept.Size().Width, need)
	}
	dept.SetText("某局")
	tapButton(t, ws.win, "新建")
	if ws.e.Form().Dept != "某局" {
		t.Errorf("new draft dept %q", ws.e.Form().Dept)
	}
}

// The first-start page's help texts are not wrapped by Fyne at the usual
// screen widths (a wrapped Chinese line may start with a comma): each of
// their lines fits the column, which is 640 px wide and centred.
func TestFirstStartPageHelpFitsItsLines(t *testing.T) {
	ws, _, _ := newTestWorkspace(t, nil)
	ws.ShowWelcome()
	one := widget.NewLabel("一").MinSize().Height
	for _, width := range []float32{1000, 1024, 1366} {
		ws.win.Resize(fyne.NewSize(width, 700))
		w := ws.welcome
		if got := w.body.Size().Width; got != welcomeWidth {
			t.Errorf("at %v px: column %v px wide, want %v", width, got, welcomeWidth)
		}
		if x, mid := w.body.Position().X, (w.box.Size().Width-welcomeWidth)/2; x < mid-1 || x > mid+1 {
			t.Errorf("at %v px: column at x=%v, not centred", width, x)
		}
		for b, l := range w.help {
			lines := strings.Count(l.Text, "\n") + 1
			want := one + float32(lines-1)*(one-2*theme.InnerPadding()) + 1
			if h := l.MinSize().Height; h > want {
				t.Errorf("at %v px: help of %s wraps: %v px high for %d lines (%q)", width, b.Text, h, lines, l.Text)
			}
		}
	}
}
