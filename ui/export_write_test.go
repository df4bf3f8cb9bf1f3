package ui

import (
	"os"
	"path/filepath"
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
