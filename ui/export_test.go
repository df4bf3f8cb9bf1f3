package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// overlayTexts are the texts of the labels in the top overlay (dialog).
func overlayTexts(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return overlayText(top)
}

// overlayText are the texts of the labels and buttons under o.
func overlayText(top fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + x.Text + "]\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := x.CreateRenderer()
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return b.String()
}

func TestSlowExportShowsProgressThenDone(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	clk, wk := fakes(t, e)
	slow := ExportKind{"PDF", "pdf", func(wr io.Writer, f *model.Form, _ *model.Template) ([]rune, error) {
		_, err := io.WriteString(wr, "%PDF-1.4 "+f.Dept)
		return []rune{'𠀀', '㐀'}, err
	}}
	path := filepath.Join(t.TempDir(), "a.pdf")
	e.ExportTo(slow, path, nil)
	// The form is copied when the export starts: an edit made while the
	// file is written is not in it.
	e.Apply(func(f *model.Form) { f.Dept = "改过的部门" })
	clk.Advance(progressDelay - time.Millisecond)
	if txt := overlayTexts(w); txt != "" {
		t.Fatalf("a dialog before %v: %q", progressDelay, txt)
	}
	clk.Advance(time.Millisecond)
	if txt := overlayTexts(w); !strings.Contains(txt, "正在生成 a.pdf") {
		t.Fatalf("no progress shown after %v: %q", progressDelay, txt)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("file written before the export ran: %v", err)
	}
	if wk.Run() != 1 {
		t.Fatal("the export did not run on the worker")
	}
	txt := overlayTexts(w)
	for _, want := range []string{"已导出到", path, "[打开文件]", "[打开所在文件夹]", "字体中没有以下 2 个字符", "𠀀㐀"} {
		if !strings.Contains(txt, want) {
			t.Errorf("done dialog lacks %q:\n%s", want, txt)
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		if strings.Contains(overlayText(o), "正在生成") {
			t.Errorf("progress still shown")
		}
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "%PDF-1.4 "+model.SampleDept {
		t.Errorf("file %q, %v", b, err)
	}
}

func TestFastExportShowsNoProgress(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	clk, wk := fakes(t, e)
	path := filepath.Join(t.TempDir(), "a.json")
	e.ExportTo(ExportKinds[2], path, nil)
	wk.Run()
	clk.Advance(progressDelay)
	if txt := overlayTexts(w); strings.Contains(txt, "正在生成") || !strings.Contains(txt, "已导出到") {
		t.Errorf("overlay %q", txt)
	}
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open", n)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}
