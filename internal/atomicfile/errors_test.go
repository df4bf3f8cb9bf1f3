package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"jixiao/model"
)

// The errors a clerk meets that this machine does not make on its own
// (Windows' sharing violation on a file open in Excel, a full disk, a
// read-only folder) are injected through the package's seams: the error
// values are the ones the system returns.

// fullFile is a real temporary file whose writes fail with err after n
// bytes, as on a disk that fills up.
type fullFile struct {
	*os.File
	n   int
	err error
}

func (f *fullFile) Write(b []byte) (int, error) {
	if len(b) > f.n {
		w, _ := f.File.Write(b[:f.n])
		f.n = 0
		return w, f.err
	}
	f.n -= len(b)
	return f.File.Write(b)
}

// inject sets the seams for one test and puts them back after.
func inject(t *testing.T, os_ string) {
	t.Helper()
	g, c, r, p := goos, createTemp, rename, probe
	t.Cleanup(func() { goos, createTemp, rename, probe = g, c, r, p })
	goos = os_
}

func TestWriteErrorsInjected(t *testing.T) {
	winErr := func(n uintptr) error { return syscall.Errno(n) }
	type tc struct {
		name    string
		goos    string
		set     func()
		want    error
		code    string
		says    []string // what the message must contain
		noTemps bool     // no temporary file was even made
	}
	cases := []tc{
		{"Windows: sharing violation on rename (open in Excel)", "windows", func() {
			rename = func(a, b string) error { return &os.LinkError{Op: "rename", Old: a, New: b, Err: winErr(32)} }
		}, ErrInUse, model.EIO, []string{"正被其他程序打开", "Excel", "WPS", "关闭", "原来的文件没有改动"}, false},
		{"Windows: lock violation on rename", "windows", func() {
			rename = func(a, b string) error { return &os.LinkError{Op: "rename", Old: a, New: b, Err: winErr(33)} }
		}, ErrInUse, model.EIO, []string{"正被其他程序打开", "原来的文件没有改动"}, false},
		{"Windows: access denied on rename", "windows", func() {
			rename = func(a, b string) error { return &os.LinkError{Op: "rename", Old: a, New: b, Err: winErr(5)} }
		}, ErrInUse, model.EIO, []string{"正被其他程序打开", "Excel", "只读", "原来的文件没有改动"}, false},
		{"Windows: user-mapped file on rename", "windows", func() {
			rename = func(a, b string) error { return &os.LinkError{Op: "rename", Old: a, New: b, Err: winErr(1224)} }
		}, ErrInUse, model.EIO, []string{"正被其他程序打开"}, false},
		{"Windows: the file is held when first opened: nothing is made", "windows", func() {
			probe = func(p string) error { return &fs.PathError{Op: "open", Path: p, Err: winErr(32)} }
		}, ErrInUse, model.EIO, []string{"正被其他程序打开", "WPS"}, true},
		{"Windows: folder without write permission", "windows", func() {
			createTemp = func(dir, _ string) (tempFile, error) {
				return nil, &fs.PathError{Op: "open", Path: dir, Err: winErr(5)}
			}
		}, ErrReadOnly, model.EIO, []string{"只读", "换一个文件夹", "原来的文件没有改动"}, true},
		{"Windows: write-protected USB stick", "windows", func() {
			createTemp = func(dir, _ string) (tempFile, error) {
				return nil, &fs.PathError{Op: "open", Path: dir, Err: winErr(19)}
			}
		}, ErrReadOnly, model.EIO, []string{"只读"}, true},
		{"Windows: disk full while writing", "windows", func() {
			createTemp = func(dir, pattern string) (tempFile, error) {
				f, err := os.CreateTemp(dir, pattern)
				return &fullFile{File: f, n: 3, err: &fs.PathError{Op: "write", Path: f.Name(), Err: winErr(112)}}, err
			}
		}, ErrNoSpace, model.EIO, []string{"磁盘空间不足", "原来的文件没有改动"}, false},
		{"Linux: disk full while writing", "linux", func() {
			createTemp = func(dir, pattern string) (tempFile, error) {
				f, err := os.CreateTemp(dir, pattern)
				return &fullFile{File: f, n: 3, err: &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}}, err
			}
		}, ErrNoSpace, model.EIO, []string{"磁盘空间不足", "原来的文件没有改动"}, false},
		{"Linux: read-only folder", "linux", func() {
			createTemp = func(dir, _ string) (tempFile, error) {
				return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
			}
		}, ErrReadOnly, model.EIO, []string{"只读", "换一个文件夹"}, true},
		{"Linux: read-only disk", "linux", func() {
			createTemp = func(dir, _ string) (tempFile, error) {
				return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.EROFS}
			}
		}, ErrReadOnly, model.EIO, []string{"只读"}, true},
		{"Linux: a file we may not write", "linux", func() {
			probe = func(p string) error { return &fs.PathError{Op: "open", Path: p, Err: syscall.EACCES} }
		}, ErrReadOnly, model.EIO, []string{"只读文件", "没有替换"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "上周的申报表.xlsx")
			if err := os.WriteFile(p, []byte("last week's file"), 0o644); err != nil {
				t.Fatal(err)
			}
			inject(t, c.goos)
			made := 0
			c.set()
			inner := createTemp
			createTemp = func(dir, pattern string) (tempFile, error) {
				f, err := inner(dir, pattern)
				if err == nil {
					made++
				}
				return f, err
			}
			err := WriteFile(p, []byte("this week's export, longer than three bytes"), 0o644)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if got := model.ErrorCode(err); got != c.code {
				t.Errorf("code %s, want %s", got, c.code)
			}
			msg := model.ErrorMessage(err)
			for _, s := range append(c.says, p) {
				if !strings.Contains(msg, s) {
					t.Errorf("message lacks %q: %s", s, msg)
				}
			}
			if got, _ := os.ReadFile(p); string(got) != "last week's file" {
				t.Errorf("old file now %q", got)
			}
			if got := names(t, dir); !slices.Equal(got, []string{"上周的申报表.xlsx"}) {
				t.Errorf("folder holds %q", got)
			}
			if c.noTemps && made > 0 {
				t.Errorf("a temporary file was made %d times before the refusal", made)
			}
		})
	}
}

// TestInUseIsWindowsOnly: the same numbers mean other things on Linux
// (32 is EPIPE): they are not taken for a file open in Excel there.
func TestInUseIsWindowsOnly(t *testing.T) {
	inject(t, "linux")
	rename = func(a, b string) error { return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.Errno(32)} }
	p := filepath.Join(t.TempDir(), "a.pdf")
	err := WriteFile(p, []byte("x"), 0o644)
	if err == nil || errors.Is(err, ErrInUse) || strings.Contains(err.Error(), "Excel") {
		t.Errorf("err = %v", err)
	}
}
