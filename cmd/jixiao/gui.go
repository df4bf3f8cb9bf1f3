package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"jixiao/cmd/jixiao/cli"
	"jixiao/internal/desktop"
	"jixiao/internal/locale"
	"jixiao/model"
	"jixiao/store"
	"jixiao/ui"
)

// runGUI opens the editor window on the drafts file (--db, JIXIAO_DB or the
// default) and returns the exit code when the window is closed.
func runGUI(args []string) int {
	path, err := cli.GUIArgs(args)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err := ui.UseChinese(); err != nil {
		fmt.Fprintln(os.Stderr, "界面文字加载失败：", err)
	}
	// Fyne creates its cache folder with a single mkdir and logs an error
	// when the user's cache folder itself is missing (a fresh account).
	if dir, err := os.UserCacheDir(); err == nil {
		_ = os.MkdirAll(filepath.Join(dir, "fyne", cli.AppID), 0o700)
	}
	desktop.Quiet()
	// Typed Chinese reaches the window only through a UTF-8 LC_CTYPE
	// (Xutf8LookupString); GLFW reads it from the environment when it
	// starts, so this comes before Fyne.
	if locale.EnsureUTF8().NoUTF8 {
		fmt.Fprintln(os.Stderr, "提示：系统没有安装 UTF-8 区域设置（locale），输入法打出的中文可能无法进入输入框。")
	}
	a := app.NewWithID(cli.AppID)
	a.Settings().SetTheme(ui.NewTheme())
	a.SetIcon(ui.IconResource)

	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return fatalWindow(a, "无法确定草稿数据文件的位置："+err.Error())
		}
		path = p
	}
	w := a.NewWindow("绩效目标申报")
	w.SetIcon(ui.IconResource)
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(ui.PrefWindowWidth, 1280)),
		float32(prefs.FloatWithFallback(ui.PrefWindowHeight, 760))))
	var st *store.Store
	var e *ui.Editor
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	// start opens the drafts file and shows the 草稿 screen (or, in a
	// build with -tags screenshots, the screen that screenshotStart names).
	start := func() error {
		s, err := store.Open(path)
		if err != nil {
			return err
		}
		st = s
		screen, tab := screenshotStart()
		// A screenshot of a screen needs a draft: the sample.
		last := prefs.String(ui.PrefLastDraft)
		if d := screenshotDraft(); d != "" {
			last = d
		}
		id, f, created, err := firstDraft(st, last, screen != "" || tab >= 0)
		if err != nil {
			return err
		}
		e = ui.New(w, st)
		e.AfterTabShown = desktop.ReleaseMemorySoon()
		e.Files = desktop.Files()
		ws := ui.NewWorkspace(e, st)
		if err := e.Open(id, f); err != nil {
			return err
		}
		if id == "" {
			// A new user (no drafts yet) chooses how to start.
			ws.ShowWelcome()
			return nil
		}
		if tab >= 0 {
			e.SelectTab(ui.Tab(tab))
		}
		// Later starts show the 草稿 screen first.
		ws.Start(screen, created || tab >= 0)
		screenshotTour(a, ws)
		return nil
	}
	if err := start(); err != nil {
		var de *store.DamagedError
		if !errors.Is(err, store.ErrInUse) && !errors.As(err, &de) {
			return fatalWindow(a, fmt.Sprintf("无法打开草稿数据文件 %s：%v", path, err))
		}
		// busy or damaged: say so; a damaged file may be restored from
		// its newest good backup, then the editor opens in this window.
		fmt.Fprintln(os.Stderr, err)
		w.SetContent(widget.NewLabel(""))
		ui.ShowStoreProblem(w, path, err, start, w.Close)
	}
	w.SetMaster()
	a.Lifecycle().SetOnStarted(func() { desktop.FitToScreen(w) })
	w.ShowAndRun()
	if e == nil {
		return 1
	}
	// 退出 (Ctrl+Q) ends the loop without the close handler: save here.
	if err := e.SaveBeforeExit(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// firstDraft is the draft shown at start: the last one shown, else the
// newest; when there is none, an empty form without id (the first-start
// page comes first), or with sample set a new draft made from the built-in
// sample (created is true).
func firstDraft(st *store.Store, last string, sample bool) (id string, f *model.Form, created bool, err error) {
	list, err := st.List()
	if err != nil {
		return "", nil, false, err
	}
	for _, in := range list {
		if in.ID == last {
			id = last
		}
	}
	if id == "" && len(list) > 0 {
		id = list[0].ID
	}
	if id == "" && !sample {
		return "", &model.Form{}, false, nil
	}
	if id == "" {
		if id, err = st.Create(model.Sample()); err != nil {
			return "", nil, false, err
		}
		created = true
	}
	f, err = st.Load(id)
	return id, f, created, err
}

// fatalWindow shows msg in a small window and returns exit code 1 when the
// clerk closes it.
func fatalWindow(a fyne.App, msg string) int {
	fmt.Fprintln(os.Stderr, msg)
	w := a.NewWindow("绩效目标申报 — 无法打开")
	w.SetIcon(ui.IconResource)
	w.Resize(fyne.NewSize(560, 220))
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	w.SetContent(widget.NewLabel(""))
	d := dialog.NewCustom("无法打开草稿数据文件", "关闭", l, w)
	d.SetOnClosed(func() { w.Close() })
	d.Resize(fyne.NewSize(540, 200))
	w.SetMaster()
	d.Show()
	w.ShowAndRun()
	return 1
}
