package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model"
)

// What stands at the path, made for real in a test folder, and what must
// stand there after WriteFile: the kind of thing is never changed.

// mknod makes a device node, or skips the test saying why it cannot.
func mknod(t *testing.T, path string, mode uint32, major, minor int) {
	t.Helper()
	dev := major<<8 | minor
	if err := syscall.Mknod(path, mode, dev); err != nil {
		if errors.Is(err, syscall.EPERM) {
			testtool.Missing(t, "mknod is not permitted here (%v): run as root to test device nodes", err)
		}
		t.Fatal(err)
	}
}

// tempLeft fails when a temporary file of ours is anywhere under dir.
func tempLeft(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".jixiao-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}

func lmode(t *testing.T, p string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const newContent = "新的内容 new content"

func TestWriteKeepsWhatStandsAtThePath(t *testing.T) {
	type tc struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to write
		want  error                                 // the kind; nil: written
		after func(t *testing.T, dir, path string)
	}
	link := func(t *testing.T, to, at string) {
		t.Helper()
		if err := os.Symlink(to, at); err != nil {
			t.Fatal(err)
		}
	}
	mkdir := func(t *testing.T, p string) {
		t.Helper()
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := func(t *testing.T, p, s string, mode fs.FileMode) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
	}
	isLink := func(t *testing.T, p, to string) {
		t.Helper()
		if lmode(t, p)&fs.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a symbolic link", p)
		}
		if got, _ := os.Readlink(p); got != to {
			t.Errorf("%s now points to %q, want %q", p, got, to)
		}
	}
	cases := []tc{
		{"new path", func(t *testing.T, d string) string { return filepath.Join(d, "新.xlsx") }, nil,
			func(t *testing.T, d, p string) {
				if read(t, p) != newContent || lmode(t, p).Perm() != 0o644 {
					t.Errorf("%q %v", read(t, p), lmode(t, p))
				}
			}},
		{"plain file keeps its permissions", func(t *testing.T, d string) string {
			p := filepath.Join(d, "旧.xlsx")
			file(t, p, "old", 0o600)
			return p
		}, nil, func(t *testing.T, d, p string) {
			if read(t, p) != newContent || lmode(t, p) != 0o600 {
				t.Errorf("%q %v, want the new content, -rw-------", read(t, p), lmode(t, p))
			}
		}},
		{"symlink: the target is replaced in its own folder, the link stays", func(t *testing.T, d string) string {
			mkdir(t, filepath.Join(d, "real"))
			file(t, filepath.Join(d, "real", "r.pdf"), "old", 0o640)
			link(t, "real/r.pdf", filepath.Join(d, "link.pdf"))
			return filepath.Join(d, "link.pdf")
		}, nil, func(t *testing.T, d, p string) {
			isLink(t, p, "real/r.pdf")
			r := filepath.Join(d, "real", "r.pdf")
			if read(t, r) != newContent || lmode(t, r) != 0o640 {
				t.Errorf("target %q %v", read(t, r), lmode(t, r))
			}
		}},
		{"chain of links through a linked folder", func(t *testing.T, d string) string {
			mkdir(t, filepath.Join(d, "a", "b"))
			mkdir(t, filepath.Join(d, "x"))
			file(t, filepath.Join(d, "a", "target.json"), "old", 0o644)
			// x/lb is a link to the folder a/b; inside it, l2 → ../target.json
			// means a/target.json (the system resolves .. in the real folder).
			link(t, "../a/b", filepath.Join(d, "x", "lb"))
			link(t, "../target.json", filepath.Join(d, "a", "b", "l2"))
			link(t, "x/lb/l2", filepath.Join(d, "l1.json"))
			return filepath.Join(d, "l1.json")
		}, nil, func(t *testing.T, d, p string) {
			isLink(t, p, "x/lb/l2")
			isLink(t, filepath.Join(d, "a", "b", "l2"), "../target.json")
			if got := read(t, filepath.Join(d, "a", "target.json")); got != newContent {
				t.Errorf("target %q", got)
			}
			if _, err := os.Stat(filepath.Join(d, "target.json")); err == nil {
				t.Error("written to d/target.json: .. resolved by text, not in the real folder")
			}
		}},
		{"dangling link: the target is created", func(t *testing.T, d string) string {
			mkdir(t, filepath.Join(d, "out"))
			link(t, "out/later.pdf", filepath.Join(d, "l.pdf"))
			return filepath.Join(d, "l.pdf")
		}, nil, func(t *testing.T, d, p string) {
			isLink(t, p, "out/later.pdf")
			if got := read(t, filepath.Join(d, "out", "later.pdf")); got != newContent {
				t.Errorf("target %q", got)
			}
		}},
		{"dangling link into a missing folder", func(t *testing.T, d string) string {
			link(t, "nowhere/later.pdf", filepath.Join(d, "l.pdf"))
			return filepath.Join(d, "l.pdf")
		}, ErrNoFolder, func(t *testing.T, d, p string) { isLink(t, p, "nowhere/later.pdf") }},
		{"link loop", func(t *testing.T, d string) string {
			link(t, "b", filepath.Join(d, "a"))
			link(t, "a", filepath.Join(d, "b"))
			return filepath.Join(d, "a")
		}, ErrLinkLoop, func(t *testing.T, d, p string) { isLink(t, p, "b") }},
		{"folder", func(t *testing.T, d string) string { return d }, ErrIsDir,
			func(t *testing.T, d, p string) {
				if !lmode(t, p).IsDir() {
					t.Error("no longer a folder")
				}
			}},
		{"link to a folder", func(t *testing.T, d string) string {
			mkdir(t, filepath.Join(d, "sub"))
			link(t, "sub", filepath.Join(d, "ls"))
			return filepath.Join(d, "ls")
		}, ErrIsDir, func(t *testing.T, d, p string) { isLink(t, p, "sub") }},
		{"missing folder", func(t *testing.T, d string) string { return filepath.Join(d, "无", "a.pdf") }, ErrNoFolder, nil},
		{"pipe nobody reads: refused at once", func(t *testing.T, d string) string {
			p := filepath.Join(d, "fifo.pdf")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, ErrNoReader, func(t *testing.T, d, p string) {
			if lmode(t, p)&fs.ModeNamedPipe == 0 {
				t.Errorf("no longer a pipe: %v", lmode(t, p))
			}
		}},
		{"character device (a null device made here)", func(t *testing.T, d string) string {
			p := filepath.Join(d, "null")
			mknod(t, p, syscall.S_IFCHR|0o666, 1, 3)
			return p
		}, nil, func(t *testing.T, d, p string) {
			if m := lmode(t, p); m&fs.ModeCharDevice == 0 {
				t.Errorf("no longer a character device: %v", m)
			}
		}},
		{"character device that is full (/dev/full made here)", func(t *testing.T, d string) string {
			p := filepath.Join(d, "full")
			mknod(t, p, syscall.S_IFCHR|0o666, 1, 7)
			return p
		}, ErrNoSpace, func(t *testing.T, d, p string) {
			if m := lmode(t, p); m&fs.ModeCharDevice == 0 {
				t.Errorf("no longer a character device: %v", m)
			}
		}},
		{"link to a character device", func(t *testing.T, d string) string {
			mknod(t, filepath.Join(d, "null"), syscall.S_IFCHR|0o666, 1, 3)
			link(t, "null", filepath.Join(d, "out.pdf"))
			return filepath.Join(d, "out.pdf")
		}, nil, func(t *testing.T, d, p string) {
			isLink(t, p, "null")
			if m := lmode(t, filepath.Join(d, "null")); m&fs.ModeCharDevice == 0 {
				t.Errorf("no longer a character device: %v", m)
			}
		}},
		{"block device: refused, never opened", func(t *testing.T, d string) string {
			p := filepath.Join(d, "disk")
			mknod(t, p, syscall.S_IFBLK|0o600, 7, 250)
			return p
		}, ErrNotFile, func(t *testing.T, d, p string) {
			if m := lmode(t, p); m&fs.ModeDevice == 0 || m&fs.ModeCharDevice != 0 {
				t.Errorf("no longer a block device: %v", m)
			}
		}},
		{"socket: refused", func(t *testing.T, d string) string {
			p := filepath.Join(d, "s")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Fatal(err)
			}
			l.(*net.UnixListener).SetUnlinkOnClose(false)
			t.Cleanup(func() { l.Close() })
			return p
		}, ErrNotFile, func(t *testing.T, d, p string) {
			if lmode(t, p)&fs.ModeSocket == 0 {
				t.Error("no longer a socket")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := c.setup(t, dir)
			err := WriteFile(p, []byte(newContent), 0o644)
			switch {
			case c.want == nil && err != nil:
				t.Fatalf("err = %v", err)
			case c.want != nil && !errors.Is(err, c.want):
				t.Fatalf("err = %v, want %v", err, c.want)
			case c.want != nil:
				if msg := model.ErrorMessage(err); !strings.Contains(msg, p) || !strings.ContainsAny(msg, "请没") {
					t.Errorf("message does not name %s in plain Chinese: %s", p, msg)
				}
			}
			if c.after != nil {
				c.after(t, dir, p)
			}
			tempLeft(t, dir)
		})
	}
}

// TestWriteToPipeWithReader: a reader waiting on a named pipe gets the
// whole content (more than a pipe's buffer), and the pipe stays a pipe.
func TestWriteToPipeWithReader(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	got := string(testfiles.ReadFIFO(t, p, func() {
		if err := WriteFile(p, bytes.Repeat([]byte("申报"), 100_000), 0o644); err != nil {
			t.Error(err)
		}
	}))
	if want := strings.Repeat("申报", 100_000); got != want {
		t.Errorf("reader got %d bytes, want %d", len(got), len(want))
	}
	if lmode(t, p)&fs.ModeNamedPipe == 0 {
		t.Error("no longer a pipe")
	}
	tempLeft(t, dir)
}

// tmpfs mounts a small tmpfs on a new folder (unmounted after the test),
// or skips saying why it cannot.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		testtool.Missing(t, "cannot mount a tmpfs here (%v): run as root to test a real full or read-only disk; the injected errors are tested in TestWriteErrorsInjected", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// TestWriteRealFullDisk: on a 64 KiB tmpfs holding last week's file, a
// 200 KB export fails with the disk-full message; the old file is whole
// and no temporary file is left.
func TestWriteRealFullDisk(t *testing.T) {
	dir := tmpfs(t, "64k")
	p := filepath.Join(dir, "申报表.pdf")
	if err := os.WriteFile(p, []byte("last week's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, bytes.Repeat([]byte("x"), 200_000), 0o644)
	if !errors.Is(err, ErrNoSpace) || !strings.Contains(err.Error(), "磁盘空间不足") || !strings.Contains(err.Error(), "原来的文件没有改动") {
		t.Fatalf("err = %v", err)
	}
	if got := read(t, p); got != "last week's file" {
		t.Errorf("old file now %q", got)
	}
	tempLeft(t, dir)
}

// TestWriteRealReadOnlyFolder: a folder on a disk mounted read-only.
func TestWriteRealReadOnlyFolder(t *testing.T) {
	dir := tmpfs(t, "64k")
	p := filepath.Join(dir, "申报表.xlsx")
	if err := os.WriteFile(p, []byte("last week's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		testtool.Missing(t, "cannot remount read-only: %v", err)
	}
	err := WriteFile(p, []byte("new"), 0o644)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "只读") {
		t.Fatalf("err = %v", err)
	}
	if got := read(t, p); got != "last week's file" {
		t.Errorf("old file now %q", got)
	}
	err = WriteFile(filepath.Join(dir, "新.xlsx"), []byte("new"), 0o644)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "换一个文件夹") {
		t.Fatalf("new file: err = %v", err)
	}
}

// TestWriteKeepsOwner: as root, a file of another user keeps its owner
// and group when replaced.
func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		testtool.Missing(t, "only root may give a file to another user (CI runs as root)")
	}
	p := filepath.Join(t.TempDir(), "clerk.xlsx")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(p, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 1234 || st.Gid != 5678 || fi.Mode() != 0o640 {
		t.Errorf("owner %d:%d mode %v, want 1234:5678 -rw-r-----", st.Uid, st.Gid, fi.Mode())
	}
}

// TestWriteThroughProcHandle: /dev/stdout and the like lead into /proc,
// whose link text is not a path; the handle is written to in place (here
// a file the test opened, as a shell's > would), never replaced by a new
// file in /proc's idea of a folder.
func TestWriteThroughProcHandle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("前面的内容\n"); err != nil {
		t.Fatal(err)
	}
	handle := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	if err := WriteFile(handle, []byte(newContent), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := read(t, out); got != "前面的内容\n"+newContent {
		t.Errorf("file holds %q", got)
	}
	// A pipe's handle reads "pipe:[1234]": written to, not taken for a path.
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	handle = "/proc/self/fd/" + strconv.Itoa(int(pw.Fd()))
	if err := WriteFile(handle, []byte(newContent), 0o644); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	if b, _ := io.ReadAll(pr); string(b) != newContent {
		t.Errorf("pipe got %q", b)
	}
}
