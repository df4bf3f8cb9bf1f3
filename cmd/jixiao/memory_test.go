package main

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestMemoryReleaserDebounces: calls in quick succession (a clerk clicking
// through the tabs) lead to one release after the last of them; a later
// call leads to another.
func TestMemoryReleaserDebounces(t *testing.T) {
	var n atomic.Int32
	done := make(chan struct{}, 4)
	release := memoryReleaser(50*time.Millisecond, func() {
		n.Add(1)
		done <- struct{}{}
	})
	for range 5 {
		release()
	}
	wait := func() {
		t.Helper()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("no release within 5 s")
		}
	}
	wait()
	time.Sleep(200 * time.Millisecond) // a second release would come by now
	if got := n.Load(); got != 1 {
		t.Fatalf("5 calls in a row: %d releases, want 1", got)
	}
	release()
	wait()
	if got := n.Load(); got != 2 {
		t.Fatalf("after one more call: %d releases, want 2", got)
	}
}
