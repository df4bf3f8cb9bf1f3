//go:build memprof

package desktop

// Built with -tags memprof, the program writes a Go heap profile to
// $JIXIAO_MEMPROF (default /tmp/jixiao-heap.prof) and a line of memory
// figures to stderr each time it gets SIGUSR1; SIGUSR2 returns all freed
// heap to the system (debug.FreeOSMemory), to see what RSS that leaves.
// scripts/bench.sh does not use it; it is for finding what holds memory
// (go tool pprof -top FILE).

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

func init() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		for sig := range c {
			if sig == syscall.SIGUSR2 {
				debug.FreeOSMemory()
				fmt.Fprintln(os.Stderr, "memprof: FreeOSMemory done")
				continue
			}
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "memprof: HeapAlloc %d MB, HeapInuse %d MB, HeapIdle %d MB, HeapReleased %d MB, HeapSys %d MB, Sys %d MB, NumGC %d\n",
				m.HeapAlloc>>20, m.HeapInuse>>20, m.HeapIdle>>20, m.HeapReleased>>20, m.HeapSys>>20, m.Sys>>20, m.NumGC)
			path := os.Getenv("JIXIAO_MEMPROF")
			if path == "" {
				path = "/tmp/jixiao-heap.prof"
			}
			if f, err := os.Create(path); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}()
}
