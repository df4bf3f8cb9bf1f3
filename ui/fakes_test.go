package ui

import (
	"sort"
	"testing"
	"time"
)

// fakeClock is a Clock whose time moves only when the test says so:
// Advance calls the timers that come due, in order, on the test's
// goroutine (which is the UI goroutine under Fyne's test driver).
type fakeClock struct {
	now    time.Time
	timers []*fakeTimer
	seq    int
}

type fakeTimer struct {
	at      time.Time
	seq     int // creation order, for timers due at the same instant
	f       func()
	stopped bool
}

func (t *fakeTimer) Stop() { t.stopped = true }

// newFakeClock starts at the real time (the drafts screen compares the
// store's real timestamps with it), to the second.
func newFakeClock() *fakeClock { return &fakeClock{now: time.Now().Truncate(time.Second)} }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	c.compact() // benchmarks start and stop many
	c.seq++
	t := &fakeTimer{at: c.now.Add(d), seq: c.seq, f: f}
	c.timers = append(c.timers, t)
	return t
}

// pending is the number of timers neither stopped nor fired.
func (c *fakeClock) pending() int {
	c.compact()
	return len(c.timers)
}

func (c *fakeClock) compact() {
	live := c.timers[:0]
	for _, t := range c.timers {
		if !t.stopped {
			live = append(live, t)
		}
	}
	c.timers = live
}

// Advance moves the time on by d and calls every timer due by then (also
// those that the calls themselves start), earliest first, each with the
// clock at its time.
func (c *fakeClock) Advance(d time.Duration) {
	end := c.now.Add(d)
	for {
		c.compact()
		sort.Slice(c.timers, func(i, j int) bool {
			a, b := c.timers[i], c.timers[j]
			return a.at.Before(b.at) || a.at.Equal(b.at) && a.seq < b.seq
		})
		if len(c.timers) == 0 || c.timers[0].at.After(end) {
			break
		}
		t := c.timers[0]
		c.timers = c.timers[1:]
		if t.at.After(c.now) {
			c.now = t.at
		}
		t.f()
	}
	c.now = end
}

// fakeWorker is a Worker that queues the work; Run does it, and the done
// calls, on the test's goroutine. Between Go and Run the test sees the
// editor as the clerk does while a save or an export is running.
type fakeWorker struct {
	jobs []fakeJob
	ran  int
}

type fakeJob struct{ work, done func() }

func (w *fakeWorker) Go(work, done func()) { w.jobs = append(w.jobs, fakeJob{work, done}) }

// Run does the queued work (and the work its done calls queue) and
// reports how many jobs ran.
func (w *fakeWorker) Run() int {
	n := 0
	for len(w.jobs) > 0 {
		j := w.jobs[0]
		w.jobs = w.jobs[1:]
		j.work()
		j.done()
		n++
	}
	w.ran += n
	return n
}

// fakes are the seams of an editor made by newTestEditor or
// newTestWorkspace.
func fakes(t testing.TB, e *Editor) (*fakeClock, *fakeWorker) {
	t.Helper()
	c, ok1 := e.clock.(*fakeClock)
	w, ok2 := e.worker.(*fakeWorker)
	if !ok1 || !ok2 {
		t.Fatalf("editor without fakes: %T, %T", e.clock, e.worker)
	}
	return c, w
}

// testOptions are the fakes every test editor gets.
func testOptions() []Option {
	return []Option{WithClock(newFakeClock()), WithWorker(&fakeWorker{})}
}
