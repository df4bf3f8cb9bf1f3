//go:build unix

package testfiles

import (
	"io"
	"os"
	"syscall"
	"testing"
)

// ReadFIFO reads the named pipe at p while write, which opens it for
// writing, runs, and returns all that was read. The pipe is opened for
// reading first (without waiting) and a writer end of the test's own is
// held open until write returns, so that the reader neither sees an early
// end of file (no writer yet) nor waits forever, and write's own open
// finds a reader whenever it comes: no timing, no sleep.
func ReadFIFO(t testing.TB, p string, write func()) []byte {
	t.Helper()
	r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	hold, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		done <- b
	}()
	write()
	hold.Close()
	return <-done
}
