package ui

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// The editor reaches time, timers and slow work only through the two seams
// below, so its tests run everything on the test's goroutine: Fyne's test
// driver runs fyne.Do at once on the calling goroutine, so a real timer or
// worker would touch widgets while the test does, and a test would have to
// sleep to see the result. The program uses SystemClock and GoWorker (the
// defaults of New); tests pass fakes that fire timers and run work when
// the test says so.

// Clock is the editor's time and timers.
type Clock interface {
	// Now is the current time.
	Now() time.Time
	// AfterFunc calls f on the UI goroutine once d has passed, unless the
	// timer is stopped first.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a call scheduled by Clock.AfterFunc.
type Timer interface {
	// Stop cancels the call. Called on the UI goroutine before the call
	// has started, it guarantees the call will not run.
	Stop()
}

// Worker runs slow work (saving, exporting) off the UI goroutine.
type Worker interface {
	// Go runs work off the UI goroutine, then done on the UI goroutine.
	// work must not touch widgets.
	Go(work, done func())
}

// Option sets up an editor in New.
type Option func(*Editor)

// WithClock makes the editor use c for the time and its timers (autosave,
// the 审核 tab's title, the export's progress dialog).
func WithClock(c Clock) Option { return func(e *Editor) { e.clock = c } }

// WithWorker makes the editor run saves and exports with w.
func WithWorker(w Worker) Option { return func(e *Editor) { e.worker = w } }

// SystemClock is the real time: time.Now, and time.AfterFunc delivered on
// the UI goroutine with fyne.Do.
type SystemClock struct{}

// Now is time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// AfterFunc calls f with fyne.Do after d.
func (SystemClock) AfterFunc(d time.Duration, f func()) Timer {
	t := &systemTimer{f: f}
	t.t = time.AfterFunc(d, func() { fyne.Do(t.fire) })
	return t
}

type systemTimer struct {
	t       *time.Timer
	f       func()
	stopped atomic.Bool
}

// fire runs on the UI goroutine. A timer stopped after it fired but before
// fyne.Do ran it must not call f, so stopped is checked here.
func (t *systemTimer) fire() {
	if !t.stopped.Load() {
		t.f()
	}
}

func (t *systemTimer) Stop() {
	t.stopped.Store(true)
	t.t.Stop()
}

// GoWorker runs work on a new goroutine and done with fyne.Do.
type GoWorker struct{}

// Go runs work on a new goroutine, then done on the UI goroutine.
func (GoWorker) Go(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}
