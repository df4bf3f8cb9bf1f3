package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"jixiao/model"
)

// TestWriteExportLeavesUsersTmpFile: the GUI export used to write
// PATH.tmp and rename it, overwriting (and then removing) a file of the
// clerk's with that name. It now writes through atomicfile.
func TestWriteExportLeavesUsersTmpFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "申报表.json")
	mine := path + ".tmp"
	if err := os.WriteFile(mine, []byte("clerk's notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("last year's export"), 0o644); err != nil {
		t.Fatal(err)
	}
	json := ExportKinds[2]
	if json.Ext != "json" {
		t.Fatalf("ExportKinds[2] is %s", json.Name)
	}
	if _, err := writeExport(json, path, model.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(mine); err != nil || string(got) != "clerk's notes" {
		t.Errorf("%s: %q, %v; want the clerk's file untouched", filepath.Base(mine), got, err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(got), model.SampleDept) {
		t.Errorf("export not written: %.80q, %v", got, err)
	}
	es, _ := os.ReadDir(dir)
	if len(es) != 2 {
		t.Errorf("folder holds %d files, want the export and the clerk's file", len(es))
	}
}

// TestWriteExportErrorsInChinese: a folder that does not exist is named
// in the message.
func TestWriteExportErrorsInChinese(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "不存在")
	_, err := writeExport(ExportKinds[2], filepath.Join(dir, "a.json"), model.Sample(), nil)
	if err == nil || !strings.Contains(err.Error(), "不存在") || !strings.Contains(err.Error(), dir) {
		t.Errorf("err = %v", err)
	}
}

// TestWriteExportThroughSymlink: the export replaces the file a link
// points to, in that file's folder; the link stays a link. A folder given
// as the file says so in Chinese.
func TestWriteExportThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "真实"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "真实", "申报表.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "链接.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := writeExport(ExportKinds[2], link, model.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), model.SampleDept) {
		t.Errorf("target not written: %.40q", got)
	}
	_, err := writeExport(ExportKinds[2], dir, model.Sample(), nil)
	if err == nil || !strings.Contains(errMessage(err), "是一个文件夹") || errTitle("导出失败", err) != "导出失败" {
		t.Errorf("folder: %v", err)
	}
}
