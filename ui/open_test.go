package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// hostilePaths are exported files whose names hold what cmd.exe or a
// POSIX shell would act on.
var hostilePaths = []string{
	`C:\Users\clerk\Desktop\局&calc_2020年度_绩效目标申报表.xlsx`,
	`C:\Users\clerk\Desktop\%PATH%_2020.xlsx`,
	`C:\Users\clerk\Desktop\a^&b|c>d.pdf`,
	`C:\Users\clerk\Desktop\" & calc & ".xlsx`,
	`/home/clerk/局$(touch pwned);rm -rf ~ &.xlsx`,
	"/home/clerk/`id`'\".pdf",
	`/home/clerk/folder with spaces`,
}

var shells = []string{"cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "sh", "bash", "/bin/sh", "start"}

// TestOpenActionUsesNoShell: on every system the path goes to the system
// as one argument, never through cmd.exe or sh. Before this test, Windows
// ran cmd /c start "" PATH, and a 部门名称 like 局&calc ran calc.
func TestOpenActionUsesNoShell(t *testing.T) {
	for _, goos := range []string{"windows", "darwin", "linux", "freebsd"} {
		for _, p := range hostilePaths {
			a := openActionFor(goos, p)
			if a.path != p {
				t.Errorf("%s: path %q, want %q", goos, a.path, p)
			}
			if goos == "windows" {
				if !a.shellExecute || a.argv != nil {
					t.Errorf("windows: %+v, want ShellExecuteW of the path and no program", a)
				}
				continue
			}
			if a.shellExecute || len(a.argv) != 2 {
				t.Fatalf("%s: %+v, want a program and the path", goos, a)
			}
			if slices.Contains(shells, strings.ToLower(a.argv[0])) {
				t.Errorf("%s: opens with the shell %q", goos, a.argv[0])
			}
			if a.argv[1] != p {
				t.Errorf("%s: argument %q, want the path %q as it is", goos, a.argv[1], p)
			}
		}
	}
}

// TestOpenPathHandsThePathToXDGOpen runs openPath's real launch with a
// stand-in xdg-open that records its arguments: it gets exactly one, the
// hostile path, and nothing in the name runs.
func TestOpenPathHandsThePathToXDGOpen(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("xdg-open is the opener on Linux and the BSDs")
	}
	bin := t.TempDir()
	out := filepath.Join(t.TempDir(), "args")
	script := "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > \"$JIXIAO_TEST_ARGS\"\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("JIXIAO_TEST_ARGS", out)
	dir := t.TempDir()
	t.Chdir(dir)
	name := "局&calc;$(touch pwned)`touch pwned2` '\"%PATH%^.xlsx"
	wait, err := launch(openActionFor(runtime.GOOS, filepath.Join(dir, name)))
	if err != nil {
		t.Fatal(err)
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1\n" + filepath.Join(dir, name) + "\n"; string(got) != want {
		t.Errorf("xdg-open got %q, want %q", got, want)
	}
	for _, f := range []string{"pwned", "pwned2"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("the file name ran a command: %s exists", f)
		}
	}
}
