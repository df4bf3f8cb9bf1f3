package desktop

import (
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// TestMemoryReleaserDebounces: calls in quick succession (a clerk clicking
// through the tabs) lead to one release, the delay after the last of them,
// and no other however long the window then stays idle; a later call leads
// to another. It runs in a synctest bubble: the timers run on the bubble's
// fake clock, which time.Sleep moves on at once when every goroutine of
// the bubble waits (no real sleeping), and synctest.Wait returns once the
// timer's goroutine has done its work, so the counts are exact.
func TestMemoryReleaserDebounces(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const delay = 2 * time.Second
		var n atomic.Int32
		release := memoryReleaser(delay, func() { n.Add(1) })
		for range 5 { // five tab switches, 0.5 s apart
			release()
			time.Sleep(delay / 4)
		}
		// The last switch was 0.5 s ago: 1.5 s more less a tick, none yet.
		time.Sleep(delay - delay/4 - time.Millisecond)
		synctest.Wait()
		if got := n.Load(); got != 0 {
			t.Fatalf("%d releases before the delay after the last switch ran out, want 0", got)
		}
		time.Sleep(time.Millisecond)
		synctest.Wait()
		if got := n.Load(); got != 1 {
			t.Fatalf("the delay after the last of 5 switches: %d releases, want 1", got)
		}
		// An idle day: no second release.
		time.Sleep(24 * time.Hour)
		synctest.Wait()
		if got := n.Load(); got != 1 {
			t.Fatalf("an idle day after 5 switches: %d releases, want 1", got)
		}
		release()
		time.Sleep(delay)
		synctest.Wait()
		if got := n.Load(); got != 2 {
			t.Fatalf("after one more switch: %d releases, want 2", got)
		}
	})
}
