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
	release := make(chan struct{})
	slow := ExportKind{"PDF", "pdf", func(wr io.Writer, f *model.Form) ([]rune, error) {
		<-release
		_, err := io.WriteString(wr, "%PDF-1.4 "+f.Dept)
		return []rune{'𠀀', '㐀'}, err
	}}
	path := filepath.Join(t.TempDir(), "a.pdf")
	e.ExportTo(slow, path, nil)
	time.Sleep(progressDelay + 300*time.Millisecond)
	if txt := overlayTexts(w); !strings.Contains(txt, "正在生成 a.pdf") {
		t.Fatalf("no progress shown after %v: %q", progressDelay, txt)
	}
	close(release)
	waitFile(t, path)
	txt := overlayTexts(w)
	for _, want := range []string{"已导出到", path, "[打开文件]", "[打开所在文件夹]", "字体中没有以下 2 个字符", "𠀀㐀"} {
		if !strings.Contains(txt, want) {
			t.Errorf("done dialog lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "正在生成") {
		t.Errorf("progress still shown")
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "%PDF-1.4 "+model.SampleDept {
		t.Errorf("file %q, %v", b, err)
	}
}

func TestFastExportShowsNoProgress(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	path := filepath.Join(t.TempDir(), "a.json")
	e.ExportTo(ExportKinds[2], path, nil)
	waitFile(t, path)
	time.Sleep(progressDelay)
	if txt := overlayTexts(w); strings.Contains(txt, "正在生成") || !strings.Contains(txt, "已导出到") {
		t.Errorf("overlay %q", txt)
	}
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open", n)
	}
}

// waitFile waits for the export to write path, then for its dialog: the
// test driver builds the dialog on the export's goroutine, so the test
// looks at widgets only once that is done.
func waitFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			time.Sleep(300 * time.Millisecond)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s not written", path)
}
