package desktop

import (
	"runtime/debug"
	"sync"
	"time"
)

// releaseDelay is how long after the last tab switch freed heap is handed
// back to the system: long enough that a clerk clicking through the tabs
// pays for one collection, not one per click.
const releaseDelay = 2 * time.Second

// memoryReleaser returns a function that, each time it is called, (re)starts
// a timer of delay; when the timer fires, free runs once on the timer's own
// goroutine. The window calls it after every tab switch with
// debug.FreeOSMemory as free.
//
// Why: building and laying out a tab (绩效指标 measures every row's text)
// allocates far more than it keeps, and the Go runtime hands freed heap back
// to the system only slowly, so after a tour of the tabs the window held
// 40–60 MB of freed heap (docs/BENCHMARKS-window.md). debug.FreeOSMemory
// collects and returns it at once; it takes a few milliseconds of one core
// and does not stop the window's goroutine (it runs on the timer's).
func memoryReleaser(delay time.Duration, free func()) func() {
	var mu sync.Mutex
	var t *time.Timer
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if t == nil {
			t = time.AfterFunc(delay, free)
			return
		}
		t.Reset(delay)
	}
}

// ReleaseMemorySoon is memoryReleaser with the window's settings.
func ReleaseMemorySoon() func() {
	return memoryReleaser(releaseDelay, debug.FreeOSMemory)
}
