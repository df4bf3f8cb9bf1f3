package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// fyneWordFiles are the files of Fyne (our copy in third_party/fyne) whose
// words a clerk meets: the dialogs jixiao shows (messages, confirmations,
// the file dialog where the system's is not reachable) and the entry's
// right-click menu.
var fyneWordFiles = []string{
	"dialog/base.go", "dialog/confirm.go", "dialog/entry.go", "dialog/file.go",
	"dialog/fileitem.go", "dialog/form.go", "dialog/information.go",
	"widget/entry.go", "widget/selectable.go",
}

// langCall is a lang.L("text") or lang.X("key", "fallback") with literal
// arguments: the key is the first.
var langCall = regexp.MustCompile(`lang\.(?:L|X)\("((?:[^"\\]|\\.)*)"`)

// Every word of Fyne a clerk can meet has a Chinese text in zh.json: a Fyne
// update (or a patch) that adds an English message fails here, not on a
// clerk's screen.
func TestEveryFyneWordTheClerkMeetsIsChinese(t *testing.T) {
	var zh map[string]json.RawMessage
	if err := json.Unmarshal(zhTranslations, &zh); err != nil {
		t.Fatalf("zh.json: %v", err)
	}
	found := 0
	for _, f := range fyneWordFiles {
		src, err := os.ReadFile(filepath.Join("..", "third_party", "fyne", filepath.FromSlash(f)))
		if errors.Is(err, os.ErrNotExist) {
			continue // not every Fyne version has every file
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range langCall.FindAllStringSubmatch(string(src), -1) {
			found++
			if _, ok := zh[m[1]]; !ok {
				t.Errorf("%s: %q has no Chinese text in ui/zh.json", f, m[1])
			}
		}
	}
	if found < 20 {
		t.Fatalf("found %d words in Fyne's dialogs, want at least 20: has third_party/fyne moved?", found)
	}
}

// The file dialog's 新建文件夹 failure (our patch to Fyne's dialog/file.go
// made it translatable) reads Chinese once UseChinese has run.
func TestFolderFailureMessageIsChinese(t *testing.T) {
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	got := lang.L("folder cannot be created")
	if !regexp.MustCompile(`^无法新建`).MatchString(got) {
		t.Errorf("folder failure reads %q, want Chinese (无法新建…)", got)
	}
}
