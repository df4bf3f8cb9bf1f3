//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// openDirect opens the device of t (such as NUL on Windows) for writing.
func openDirect(t Target) (*os.File, error) {
	return os.OpenFile(t.File, os.O_WRONLY, 0)
}

// keepOwner does nothing: a renamed file on Windows inherits the folder's
// permissions.
func keepOwner(string, fs.FileInfo) {}
