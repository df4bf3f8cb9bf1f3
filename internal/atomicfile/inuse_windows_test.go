package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteHeldFileWindows: on Windows itself (or wine), a file held open
// without sharing, as Excel and WPS hold the workbook they show, is not
// replaced: the message says to close it, and the file is as it was.
func TestWriteHeldFileWindows(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "上周的申报表.xlsx")
	if err := os.WriteFile(p, []byte("last week's file"), 0o644); err != nil {
		t.Fatal(err)
	}
	name, err := syscall.UTF16PtrFromString(p)
	if err != nil {
		t.Fatal(err)
	}
	// Excel opens its workbook for reading and writing and lets others
	// only read it.
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	err = WriteFile(p, []byte("this week's export"), 0o644)
	syscall.CloseHandle(h)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "Excel") || !strings.Contains(err.Error(), "原来的文件没有改动") {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "last week's file" {
		t.Errorf("file now %q", got)
	}
	es, _ := os.ReadDir(dir)
	if len(es) != 1 {
		t.Errorf("folder holds %d entries", len(es))
	}
	// Closed, it is replaced.
	if err := WriteFile(p, []byte("this week's export"), 0o644); err != nil {
		t.Fatal(err)
	}
}
