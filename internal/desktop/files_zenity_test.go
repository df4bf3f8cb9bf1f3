//go:build linux || freebsd || openbsd || netbsd

package desktop

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jixiao/ui"
)

func TestZenityArgs(t *testing.T) {
	req := ui.FileRequest{Title: "导出 Excel 文件", Dir: "/home/k/文档", Name: "局&calc_2021年度.xlsx", Exts: []string{".xlsx"}, Kind: "Excel 文件"}
	save := zenityArgs(req, true)
	for _, want := range []string{"--file-selection", "--save", "--confirm-overwrite", "--title=导出 Excel 文件",
		"--filename=/home/k/文档/局&calc_2021年度.xlsx", "--file-filter=Excel 文件 | *.xlsx *.XLSX", "--file-filter=所有文件 | *"} {
		if !slices.Contains(save, want) {
			t.Errorf("save args %q lack %q", save, want)
		}
	}
	open := zenityArgs(ui.FileRequest{Dir: "/tmp/x", Exts: []string{".xlsx", ".json"}, Kind: "Excel 或 JSON 文件"}, false)
	if slices.Contains(open, "--save") || !slices.Contains(open, "--filename=/tmp/x/") ||
		!slices.Contains(open, "--file-filter=Excel 或 JSON 文件 | *.xlsx *.XLSX *.json *.JSON") {
		t.Errorf("open args %q", open)
	}
}

// TestRunZenity runs a stand-in zenity: the path it prints is the answer,
// exit 1 is a cancel, anything else makes the caller fall back to Fyne's
// dialog. The hostile file name reaches it as one argument, untouched.
func TestRunZenity(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "zenity")
	log := filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> " + log + "; done\ncase \"$ZENITY_EXIT\" in\n0) printf '/home/k/选的文件.xlsx\\n';;\nesac\nexit \"$ZENITY_EXIT\"\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	hostile := "局&calc;$(touch " + filepath.Join(dir, "pwned") + ")`id`.xlsx"
	args := zenityArgs(ui.FileRequest{Dir: dir, Name: hostile, Exts: []string{".xlsx"}, Kind: "Excel 文件"}, true)
	for _, tc := range []struct {
		exit, path string
		failed     bool
	}{
		{"0", "/home/k/选的文件.xlsx", false},
		{"1", "", false},
		{"5", "", true},
	} {
		t.Setenv("ZENITY_EXIT", tc.exit)
		path, err := runZenity(bin, args)
		if path != tc.path || (err != nil) != tc.failed || (tc.failed && err != errZenityFailed) {
			t.Errorf("exit %s: %q, %v", tc.exit, path, err)
		}
	}
	if _, err := runZenity(filepath.Join(dir, "missing"), args); err != errZenityFailed {
		t.Errorf("missing zenity: %v, want errZenityFailed", err)
	}
	got, _ := os.ReadFile(log)
	if !strings.Contains(string(got), "--filename="+filepath.Join(dir, hostile)+"\n") {
		t.Errorf("the file name did not arrive as one argument:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("a shell ran the file name")
	}
}

func TestZenityEnv(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want string // LC_ALL in the result, "" for none
	}{
		{[]string{"LANG=zh_CN.UTF-8"}, ""},
		{[]string{"LANG=zh_CN.UTF-8", "LC_CTYPE=C.UTF-8"}, "C.UTF-8"},
		{[]string{"LC_ALL=zh_CN.UTF-8", "LC_CTYPE=C.UTF-8"}, "zh_CN.UTF-8"},
	} {
		got := ""
		for _, kv := range zenityEnv(tc.env) {
			if v, ok := strings.CutPrefix(kv, "LC_ALL="); ok {
				got = v
			}
		}
		if got != tc.want {
			t.Errorf("%q: LC_ALL=%q, want %q", tc.env, got, tc.want)
		}
	}
}
