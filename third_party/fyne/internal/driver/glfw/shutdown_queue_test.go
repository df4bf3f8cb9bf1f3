package glfw

// Test of the jixiao patch shutdownFuncQueue (PATCHES.md): at shutdown,
// every function sent to the main thread runs once and its sender is
// released, however the sends and the shutdown interleave. Upstream's
// drain missed a function still in the queue's buffer, and its sender (the
// app's OnStopped event) waited for ever, so the process never ended.

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/internal/async"
)

func TestShutdownReleasesEveryWaiter(t *testing.T) {
	const rounds, senders = 300, 64
	defer func() {
		funcQueue = async.NewUnboundedChan[funcData]()
		running.Store(false)
		drained.Store(false)
	}()
	for round := 0; round < rounds; round++ {
		funcQueue = async.NewUnboundedChan[funcData]()
		drained.Store(false)
		running.Store(true)

		var ran atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < senders; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				<-start
				// half wait for their function, as fyne.DoAndWait and the
				// lifecycle events do; half do not, as fyne.Do
				runOnMainWithWait(func() { ran.Add(1) }, i%2 == 0)
			}(i)
		}
		// the main loop serves one function; then, with more functions
		// queued than the queue's output holds (some still in its buffer)
		// or on their way, the app quits
		mainDone := make(chan struct{})
		go func() {
			defer close(mainDone)
			close(start)
			f := <-funcQueue.Out()
			f.f()
			if f.done != nil {
				f.done <- struct{}{}
			}
			for round%2 == 0 && len(funcQueue.Out()) < cap(funcQueue.Out()) {
				runtime.Gosched()
			}
			shutdownFuncQueue()
		}()

		released := make(chan struct{})
		go func() { wg.Wait(); <-mainDone; close(released) }()
		select {
		case <-released:
		case <-time.After(20 * time.Second): // a hang, not a slow machine
			t.Fatalf("round %d: a sender was never released after shutdown (%d of %d functions ran)", round, ran.Load(), senders)
		}
		if got := ran.Load(); got != senders {
			t.Fatalf("round %d: %d of %d functions ran", round, got, senders)
		}
	}
}
