package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

// The real seams: a timer calls f once, after d; a stopped timer never
// does, even when it has already fired and its call waits for the UI
// goroutine; GoWorker returns at once and calls done after work.
func TestSystemClockAndGoWorker(t *testing.T) {
	newTestEditor(t, model.Sample(), &memSaver{}) // a test app for fyne.Do
	start := time.Now()
	fired := make(chan time.Time, 1)
	SystemClock{}.AfterFunc(20*time.Millisecond, func() { fired <- time.Now() })
	select {
	case at := <-fired:
		if at.Sub(start) < 20*time.Millisecond {
			t.Errorf("timer fired after %v", at.Sub(start))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("timer did not fire")
	}

	called := false
	tm := SystemClock{}.AfterFunc(time.Hour, func() { called = true }).(*systemTimer)
	tm.Stop()
	tm.fire() // as if the timer had fired just before Stop
	if called {
		t.Error("a stopped timer called its function")
	}

	release, order := make(chan struct{}), make(chan string, 2)
	GoWorker{}.Go(func() { <-release; order <- "work" }, func() { order <- "done" })
	close(release) // Go returned while work waited: it runs elsewhere
	for _, want := range []string{"work", "done"} {
		select {
		case got := <-order:
			if got != want {
				t.Fatalf("%s ran before %s", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s never ran", want)
		}
	}
}

// The 审核 tab's title follows the error count once typing pauses; the
// status bar at once.
func TestCheckTabTitleWaitsForPause(t *testing.T) {
	e, w := newTestEditor(t, model.Sample(), &memSaver{})
	clk, _ := fakes(t, e)
	before := fmt.Sprintf("审核 (%d)", e.ErrorCount())
	if e.tabList[TabChecks].Text != before {
		t.Fatalf("on opening: tab %q, want %q", e.tabList[TabChecks].Text, before)
	}
	n := e.ErrorCount()
	e.Focus(taskLoc(0, 1, model.FieldTotal))
	retype(focused(t, w), "12元")
	if e.ErrorCount() != n+1 || !strings.Contains(e.status.errs.Text, fmt.Sprintf("%d 个错误", n+1)) {
		t.Fatalf("status bar %q after a bad amount (%d errors before)", e.status.errs.Text, n)
	}
	if e.tabList[TabChecks].Text != before {
		t.Errorf("tab title %q changed while typing", e.tabList[TabChecks].Text)
	}
	clk.Advance(tabTitleDelay - time.Millisecond)
	retype(focused(t, w), "12元整") // still typing: the pause starts again
	clk.Advance(tabTitleDelay - time.Millisecond)
	if e.tabList[TabChecks].Text != before {
		t.Errorf("tab title %q changed before a pause", e.tabList[TabChecks].Text)
	}
	clk.Advance(time.Millisecond)
	if want := fmt.Sprintf("审核 (%d)", e.ErrorCount()); e.tabList[TabChecks].Text != want {
		t.Errorf("tab title %q after the pause, want %q", e.tabList[TabChecks].Text, want)
	}
}

// Edits made while a save runs are saved by a second save when it ends,
// never by two saves at once.
func TestEditsDuringSaveAreSavedNext(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	_, wk := fakes(t, e)
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	en := focused(t, w)
	retype(en, "一局")
	e.SaveNow()
	retype(en, "二局")
	e.SaveNow() // a save runs: this one waits for it
	if len(wk.jobs) != 1 {
		t.Fatalf("%d saves at once", len(wk.jobs))
	}
	if n := wk.Run(); n != 2 || s.count() != 2 {
		t.Fatalf("%d jobs ran, %d saves", n, s.count())
	}
	if s.saves[0].Dept != "一局" || s.saves[1].Dept != "二局" || e.Dirty() {
		t.Errorf("saved %q then %q; dirty %v", s.saves[0].Dept, s.saves[1].Dept, e.Dirty())
	}
}

// A background save still waiting when the clerk switches drafts (Open
// flushes the newest form) must not then write its older copy over it.
func TestFlushOvertakesWaitingSave(t *testing.T) {
	s := &memSaver{}
	e, w := newTestEditor(t, model.Sample(), s)
	_, wk := fakes(t, e)
	e.Focus(model.Location{Part: model.PartBasic, Field: model.FieldDept})
	en := focused(t, w)
	retype(en, "旧的")
	e.SaveNow()
	retype(en, "新的")
	if err := e.Open("d2", model.Sample()); err != nil { // flushes d1
		t.Fatal(err)
	}
	wk.Run()
	if s.count() != 1 || s.saves[0].Dept != "新的" {
		var got []string
		for _, f := range s.saves {
			got = append(got, f.Dept)
		}
		t.Fatalf("store got %q; the last write must be the newest form", got)
	}
	if e.Dirty() || e.status.save.Text == "正在保存…" {
		t.Errorf("d2: dirty %v, status %q", e.Dirty(), e.status.save.Text)
	}
}
