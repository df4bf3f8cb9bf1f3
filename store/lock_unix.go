//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

var errLocked = errors.New("locked")

// lockShared takes a shared flock on f (the lock bbolt's readers take; a
// bbolt writer holds it exclusively), waiting up to timeout.
func lockShared(f *os.File, timeout time.Duration) error {
	return lockFile(f, syscall.LOCK_SH, timeout)
}

// lockExclusive takes the writer's lock on f, waiting up to timeout.
func lockExclusive(f *os.File, timeout time.Duration) error {
	return lockFile(f, syscall.LOCK_EX, timeout)
}

func lockFile(f *os.File, how int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if err != syscall.EWOULDBLOCK {
			return err
		}
		if time.Now().After(deadline) {
			return errLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func unlock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
