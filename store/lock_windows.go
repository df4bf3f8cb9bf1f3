//go:build windows

package store

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

var errLocked = errors.New("locked")

// bbolt locks the byte range at offset 2^64-1 of the file (see bbolt's
// bolt_windows.go); the same range is locked here.
func lockOverlapped() *windows.Overlapped {
	return &windows.Overlapped{Offset: ^uint32(0), OffsetHigh: ^uint32(0)}
}

func lockShared(f *os.File, timeout time.Duration) error { return lockFile(f, 0, timeout) }

func lockExclusive(f *os.File, timeout time.Duration) error {
	return lockFile(f, windows.LOCKFILE_EXCLUSIVE_LOCK, timeout)
}

func lockFile(f *os.File, flags uint32, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := windows.LockFileEx(windows.Handle(f.Fd()), flags|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, lockOverlapped())
		if err == nil {
			return nil
		}
		if err != windows.ERROR_LOCK_VIOLATION {
			return err
		}
		if time.Now().After(deadline) {
			return errLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func unlock(f *os.File) {
	_ = windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, lockOverlapped())
}
