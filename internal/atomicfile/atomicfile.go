// Package atomicfile is the one writer for every file jixiao writes
// (exports, stage tables, templates, library files, review summaries,
// replies). It never replaces what stands at the path with something of
// another kind:
//
//   - A plain file, or a path where nothing stands yet: the new content
//     goes to a temporary file made with os.CreateTemp in the same folder
//     (never a fixed name such as PATH.tmp, which could be a file of the
//     user's), is synced to disk and renamed over the target. A reader, or
//     a crash at any moment, sees either the old file or the whole new one.
//     The new file keeps the old one's permissions (and, where the system
//     lets us, its owner). A file we may not open for writing (read-only,
//     or held by another program such as Excel on Windows) is not
//     replaced.
//   - A symbolic link (or a chain of them): the file the last link points
//     to is replaced as above, in that file's own folder; the links stay.
//     A dangling link gets its target created, as a shell's > does.
//     A link into /proc (such as /dev/stdout → /proc/self/fd/1) is not a
//     path to a file but a handle the caller was given: it is written to
//     directly.
//   - A character device (/dev/null) or a named pipe (FIFO): written to
//     directly, without a temporary file — so never a temporary file in a
//     system folder. A pipe that nobody reads is refused at once rather
//     than waited on. A block device, a socket or anything else that is
//     not a plain file is refused.
//
// On failure the old file is untouched and the temporary file is removed.
// Every error is a *model.Error whose message is plain Chinese naming the
// file and what to do (the file is open in another program, the folder is
// read-only, the disk is full, the path is a folder …); its cause chain
// holds one of the Err… kinds below and the os error, so callers test
// errors.Is(err, atomicfile.ErrInUse) or errors.Is(err, fs.ErrNotExist).
//
// "-" (standard output) is the command line's business, not this
// package's: a path "-" here is a file named "-".
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// tempPattern names the temporary files: hidden on Linux, and easy to
// recognise if a crash leaves one behind.
const tempPattern = ".jixiao-*.tmp"

// maxLinks is the longest chain of symbolic links followed (Linux's own
// limit is 40).
const maxLinks = 40

// The seams through which the tests inject what a real system does only
// rarely or only on another OS: a sharing violation on Windows, a full
// disk, a read-only folder.
var (
	goos       = runtime.GOOS
	createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return f, nil
	}
	rename = os.Rename
	// probe opens an existing plain file for writing, without changing
	// it, to learn before any work whether it may be replaced.
	probe = func(path string) error {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		return f.Close()
	}
)

// tempFile is what Write needs of the temporary *os.File.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

// WriteFile writes data to path as described in the package comment; a
// new file gets mode perm, a replaced one keeps its own.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write is WriteFile for content produced by fill. An error from fill is
// returned as it is and nothing is written: not the target, and (for a
// device or pipe, whose content is first built in memory) not a byte of
// it either.
func Write(path string, perm fs.FileMode, fill func(w io.Writer) error) error {
	t, err := Resolve(path)
	if err != nil {
		return err
	}
	switch {
	case t.Info == nil || t.Info.Mode().IsRegular():
		if t.Direct {
			return writeDirect(t, fill)
		}
		return replace(t, perm, fill)
	case t.Info.IsDir():
		return isDirErr(t)
	case t.Info.Mode()&fs.ModeNamedPipe != 0,
		t.Info.Mode()&fs.ModeDevice != 0 && t.Info.Mode()&fs.ModeCharDevice != 0:
		return writeDirect(t, fill)
	}
	return notFileErr(t)
}

// Target is where Write puts the content for a path.
type Target struct {
	Path   string      // the path as given
	File   string      // the file that is written: Path, or the end of its links
	Info   fs.FileInfo // File's (nil: nothing stands there yet)
	Links  int         // how many symbolic links were followed
	Direct bool        // written in place: a handle reached through /proc
}

// Resolve follows the symbolic links at path, one by one, to the file
// that a write replaces. A relative link is resolved against the real
// folder of the link itself (as the system does), so "..", through a
// linked folder, goes where the system would go.
func Resolve(path string) (Target, error) {
	t := Target{Path: path, File: path}
	for {
		fi, err := os.Lstat(t.File)
		switch {
		case os.IsNotExist(err):
			return t, nil
		case err != nil:
			return t, classify(t, stepLook, err)
		case fi.Mode()&fs.ModeSymlink == 0:
			t.Info = fi
			return t, nil
		case goos == "linux" && underProc(t.File):
			// /proc/self/fd/1 and the like: a magic link whose text
			// ("pipe:[1234]", "/x (deleted)") is not a path.
			t.Direct = true
			t.Info, err = os.Stat(t.File)
			if err != nil {
				return t, classify(t, stepLook, err)
			}
			return t, nil
		case t.Links == maxLinks:
			return t, loopErr(t)
		}
		to, err := os.Readlink(t.File)
		if err != nil {
			return t, classify(t, stepLook, err)
		}
		if !filepath.IsAbs(to) {
			dir := filepath.Dir(t.File)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			to = filepath.Join(dir, to)
		}
		t.File = to
		t.Links++
	}
}

func underProc(p string) bool {
	abs, err := filepath.Abs(p)
	return err == nil && strings.HasPrefix(abs, "/proc/")
}

// replace writes through a temporary file in the folder of t.File and
// renames it over t.File.
func replace(t Target, perm fs.FileMode, fill func(w io.Writer) error) (err error) {
	if t.Info != nil {
		perm = t.Info.Mode().Perm()
		if err := probe(t.File); err != nil {
			return classify(t, stepProbe, err)
		}
	}
	dir := filepath.Dir(t.File)
	tmp, err := createTemp(dir, tempPattern)
	if err != nil {
		return classify(t, stepCreate, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := fill(tmp); err != nil {
		if k := kindOf(t, stepWrite, err); k == ErrNoSpace {
			return classify(t, stepWrite, err)
		}
		return err
	}
	if err := tmp.Chmod(perm); err != nil && goos != "windows" {
		return classify(t, stepWrite, err)
	}
	if t.Info != nil {
		keepOwner(name, t.Info)
	}
	if err := tmp.Sync(); err != nil {
		return classify(t, stepWrite, err)
	}
	if err := tmp.Close(); err != nil {
		return classify(t, stepWrite, err)
	}
	if err := rename(name, t.File); err != nil {
		return classify(t, stepRename, err)
	}
	syncDir(dir)
	return nil
}

// writeDirect writes the whole content, built first in memory, to the
// device, pipe or handle t in place.
func writeDirect(t Target, fill func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	f, err := openDirect(t)
	if err != nil {
		return classify(t, stepOpen, err)
	}
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return classify(t, stepWrite, err)
	}
	return nil
}

// syncDir makes a rename in dir durable where the system allows it
// (Windows cannot open a folder for syncing; its rename is journalled).
func syncDir(dir string) {
	if goos == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// describe names what is at t for a message: the path, and where its
// links lead.
func describe(t Target) string {
	if t.Links == 0 {
		return fmt.Sprintf("“%s”", t.Path)
	}
	return fmt.Sprintf("“%s”（链接到“%s”）", t.Path, t.File)
}
