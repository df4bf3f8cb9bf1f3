//go:build linux || freebsd || openbsd || netbsd

package desktop

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/ui"
)

// The folder dialog of 批量审核 through the system's choosers: zenity's
// --directory, the portal's OpenFile with directory, and, when neither
// can show one, the next chooser's folder dialog.
func TestFolderDialogs(t *testing.T) {
	req := ui.FileRequest{Title: "选择收到的文件所在的文件夹", Dir: "/home/k/收到的文件", Folder: true}
	args := zenityArgs(req, false)
	for _, want := range []string{"--file-selection", "--directory", "--title=选择收到的文件所在的文件夹", "--filename=/home/k/收到的文件/"} {
		if !slices.Contains(args, want) {
			t.Errorf("zenity args %q lack %q", args, want)
		}
	}
	if slices.Contains(args, "--save") || slices.ContainsFunc(args, func(a string) bool { return len(a) > 13 && a[:13] == "--file-filter" }) {
		t.Errorf("zenity args %q: a folder has no save or filter", args)
	}

	addr := startBus(t)
	f := startFakePortal(t, addr, 0, "file:///home/k/%E6%94%B6%E5%88%B0%E7%9A%84%E6%96%87%E4%BB%B6")
	p := &portalFiles{addr: addr}
	path, err := p.choose(req, false, "")
	if err != nil || path != "/home/k/收到的文件" {
		t.Fatalf("portal folder: %q, %v", path, err)
	}
	c := f.seen()[0]
	if d, _ := c.opts["directory"].Value().(bool); c.method != "OpenFile" || !d || c.title != req.Title {
		t.Errorf("portal call %s %q directory %v", c.method, c.title, c.opts["directory"])
	}
	if v, _ := c.opts["accept_label"].Value().(string); v != "选择" {
		t.Errorf("accept_label %q", v)
	}
	if _, _, opts := portalCall(ui.FileRequest{}, false, "t"); opts["directory"].Value() != nil {
		t.Error("a file dialog asks for a folder")
	}

	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	next := &folderRecorder{asked: make(chan string, 1)}
	p = &portalFiles{addr: startBus(t), fallback: next} // no portal on this bus
	finished := make(chan struct{})
	p.OpenFolder(w, ui.FileRequest{Title: "选择写出审核意见的文件夹"}, func(string, error) { close(finished) })
	if got := <-next.asked; got != "folder 选择写出审核意见的文件夹" {
		t.Errorf("fallback asked %q", got)
	}
	<-finished
}

// folderRecorder is a next chooser with a folder dialog; it records what
// it was asked.
type folderRecorder struct{ asked chan string }

func (r *folderRecorder) Open(_ fyne.Window, req ui.FileRequest, done func(string, error)) {
	r.asked <- "open " + req.Title
	done("", nil)
}

func (r *folderRecorder) Save(_ fyne.Window, req ui.FileRequest, done func(string, error)) {
	r.asked <- "save " + req.Title
	done("", nil)
}

func (r *folderRecorder) OpenFolder(_ fyne.Window, req ui.FileRequest, done func(string, error)) {
	r.asked <- "folder " + req.Title
	done("", nil)
}
