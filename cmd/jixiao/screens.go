//go:build screenshots

package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"jixiao/ui"
)

// screenshotStart reads the screen to start on from the environment, for
// the screenshots in docs/ (build with -tags screenshots):
// JIXIAO_SCREEN=editor|carry|history|trash|import=FILE|merge=FILES|library=WORDS|stage|export|adjust=WORDS|stageimport=FILE|template=FILE and
// JIXIAO_TAB=N (0 基本信息 … 4 审核; -1 when unset).
func screenshotStart() (screen string, tab int) {
	tab = -1
	if n, err := strconv.Atoi(os.Getenv("JIXIAO_TAB")); err == nil {
		tab = n
	}
	return os.Getenv("JIXIAO_SCREEN"), tab
}

// screenshotDraft is the draft to show (JIXIAO_DRAFT=ID), "" for the one
// shown last.
func screenshotDraft() string { return os.Getenv("JIXIAO_DRAFT") }

// screenshotTour, with JIXIAO_GEOMETRY=FILE, shows the 草稿 screen and each
// tab in turn and writes to FILE where every control of the toolbar and
// of each screen's top row is (a line "#canvas WIDTH HEIGHT SCALE", then
// ui.WriteGeometry's lines), then a line "#done" and quits: the layout
// check of scripts/screens-test.sh. With JIXIAO_SHOTS_ACK=1 it waits after
// each screen until the file FILE.ack-N exists (N = 1, 2 …), so that the
// script can take a screenshot of the screen first.
func screenshotTour(a fyne.App, ws *ui.Workspace) {
	path := os.Getenv("JIXIAO_GEOMETRY")
	if path == "" {
		return
	}
	out, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	bw := bufio.NewWriter(out)
	ack := os.Getenv("JIXIAO_SHOTS_ACK") == "1"
	w := ws.Editor().Window()
	n := 0
	dump := func(screen string, next func()) {
		c := w.Canvas()
		fmt.Fprintf(bw, "#canvas\t%.0f\t%.0f\t%g\t%s\n", c.Size().Width, c.Size().Height, c.Scale(), screen)
		ui.WriteGeometry(bw, screen, ws.Geometry())
		bw.Flush()
		n++
		if !ack {
			next()
			return
		}
		waitFor(fmt.Sprintf("%s.ack-%d", path, n), next)
	}
	// Start once the window is up and has its size (the WM may have
	// maximised it); each screen gets time to be laid out and drawn.
	time.AfterFunc(2*time.Second, func() {
		fyne.Do(func() {
			ws.GeometryTour(700*time.Millisecond, dump, func() {
				fmt.Fprintln(bw, "#done")
				bw.Flush()
				out.Close()
				a.Quit()
			})
		})
	})
}

// waitFor calls next on the UI goroutine once file exists (for at most a
// minute).
func waitFor(file string, next func()) {
	start := time.Now()
	var poll func()
	poll = func() {
		if _, err := os.Stat(file); err == nil || time.Since(start) > time.Minute {
			fyne.Do(next)
			return
		}
		time.AfterFunc(100*time.Millisecond, poll)
	}
	poll()
}
