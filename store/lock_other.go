//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly && !windows

package store

import (
	"errors"
	"os"
	"time"
)

var errLocked = errors.New("locked")

// On other systems only bbolt's own lock guards the file.
func lockShared(f *os.File, timeout time.Duration) error    { return nil }
func lockExclusive(f *os.File, timeout time.Duration) error { return nil }
func unlock(f *os.File)                                     {}
