package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model/library"
)

const bureauLibrary = `{"format": "jixiao-library", "version": 1, "name": "某某局常用指标",
 "entries": [{"level1": "产出指标", "level2": "数量指标", "level3": "环境执法检查次数", "value": "≥1200次", "unit": "次"}]}`

func TestImportLibrary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	src := filepath.Join(dir, "收到的指标库.json")
	if err := os.WriteFile(src, []byte(bureauLibrary), 0o600); err != nil {
		t.Fatal(err)
	}
	if entries, problems := Libraries(db); len(entries) != 0 || len(problems) != 0 {
		t.Fatalf("before any import: %v %v", entries, problems)
	}
	lf, err := ImportLibrary(db, src)
	if err != nil {
		t.Fatal(err)
	}
	if lf.Name != "某某局常用指标" || len(lf.Entries) != 1 {
		t.Errorf("imported %+v", lf)
	}
	entries, problems := Libraries(db)
	if len(problems) != 0 || len(entries) != 1 || entries[0].Source != "某某局常用指标" || entries[0].Indicator.Value != "≥1200次" {
		t.Fatalf("read back %+v, problems %v", entries, problems)
	}
	// Shown as its own source, found by search.
	x := library.NewIndex(append(library.Builtin(), entries...))
	hits := x.Search(library.Query{Text: "hjzfjc", Source: "某某局常用指标"})
	if len(hits) != 1 {
		t.Errorf("search of the imported library: %v", hits)
	}
	if !contains(library.Sources(x.Entries()), "某某局常用指标") {
		t.Errorf("sources %v", library.Sources(x.Entries()))
	}
	// Importing again replaces it.
	if err := os.WriteFile(src, []byte(strings.Replace(bureauLibrary, "≥1200次", "≥1300次", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportLibrary(db, src); err != nil {
		t.Fatal(err)
	}
	if entries, _ := Libraries(db); len(entries) != 1 || entries[0].Indicator.Value != "≥1300次" {
		t.Errorf("after re-import: %+v", entries)
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func TestImportLibraryRefusesDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := make([]byte, library.MaxFileSize+10)
	for i := range huge {
		huge[i] = ' '
	}
	tests := []struct {
		path, want string
	}{
		{filepath.Join(dir, "没有这个文件.json"), "找不到文件"},
		{dir, "是文件夹"},
		{write("大.json", huge), "太大"},
		{write("gbk.json", []byte("{\"name\": \"\xbe\xd6\"}")), "不是 UTF-8"},
		{write("坏.json", []byte(`{"format": "jixiao-library", "entries": [`)), "不完整"},
		{write("表格.xlsx", []byte("PK\x03\x04\x00\x00")), "不是指标库文件"},
	}
	for _, tc := range tests {
		_, err := ImportLibrary(db, tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", filepath.Base(tc.path), err, tc.want)
		}
	}
	if _, err := os.Stat(LibraryDir(db)); err == nil {
		des, _ := os.ReadDir(LibraryDir(db))
		if len(des) != 0 {
			t.Errorf("a refused file left %d files behind", len(des))
		}
	}
	// A kept file damaged afterwards is reported; the others still load.
	if _, err := ImportLibrary(db, write("好.json", []byte(bureauLibrary))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(LibraryDir(db), "改坏了.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	entries, problems := Libraries(db)
	if len(entries) != 1 || len(problems) != 1 || !strings.Contains(problems[0].File, "改坏了") {
		t.Errorf("entries %d, problems %+v", len(entries), problems)
	}
}

func TestLibraryFileName(t *testing.T) {
	for in, want := range map[string]string{"局/机关:指标?": "局_机关_指标_.json", "..": "指标库.json", "某某局": "某某局.json"} {
		if got := libraryFileName(in); got != want {
			t.Errorf("libraryFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
