// Package atomicfile replaces a file in one step: the new content goes to
// a temporary file made with os.CreateTemp in the same folder (never a
// fixed name such as PATH.tmp, which could be a file of the user's), is
// synced to disk, and is renamed over the target. A reader, or a crash at
// any moment, sees either the old file or the whole new one, never half a
// file; on failure the old file is untouched and the temporary file is
// removed. The GUI's and the command line's exports both write through it.
//
// Errors are returned as they come from the os package (wrapped with %w),
// so that callers can test them with errors.Is (fs.ErrNotExist,
// fs.ErrPermission) and say what to do in the clerk's words.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// ErrIsDir is returned (wrapped) when the target is a folder.
var ErrIsDir = errors.New("target is a directory")

// tempPattern names the temporary files: hidden on Linux, and easy to
// recognise if a crash leaves one behind.
const tempPattern = ".jixiao-*.tmp"

// WriteFile writes data to path as described in the package comment; the
// file gets mode perm.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write is WriteFile for content produced by fill, which writes to the
// temporary file. An error from fill is returned as it is, and the target
// is left untouched.
func Write(path string, perm fs.FileMode, fill func(w io.Writer) error) (err error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("write %s: %w", path, ErrIsDir)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it
// (Windows cannot open a folder for syncing; its rename is journalled).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
