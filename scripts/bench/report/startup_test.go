package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The start-up figures of issue 24: the summed init time and the whole
// `jixiao version` are rows of the whole-process table and goals (met under
// 5 and 15 ms), and the hand note "startup" follows that table.
func TestStartupRowsGoalsAndNote(t *testing.T) {
	dir := t.TempDir()
	procs := "base\t12.50\tms\t10\t\t$BIN version\n" +
		"init\t6.20\tms\t10\t\tGODEBUG=inittrace=1 $BIN version\n"
	if err := os.WriteFile(filepath.Join(dir, "proc.tsv"), []byte(procs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "startup.md"), []byte("Before and after, by hand.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := report{notesDir: dir}
	if err := r.load("", filepath.Join(dir, "proc.tsv"), "", ""); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	r.write(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| Package initialisation of `jixiao version`: the sum of every package's init time",
		"| `jixiao version` as a whole process: < 15 ms | 24 (start-up) | median 12.5 ms | **met** |",
		"| Package initialisation of `jixiao version` (`GODEBUG=inittrace=1`, the sum of every package's init): < 5 ms | 24 (start-up) | median 6.20 ms | **MISSED** |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	row := strings.Index(out, "| Package initialisation of `jixiao version`: the sum")
	note := strings.Index(out, "Before and after, by hand.")
	next := strings.Index(out, "## GUI cold start")
	if row < 0 || note < 0 || next < 0 || !(row < note && note < next) {
		t.Fatalf("want the startup note after the whole-process table, before the GUI section (at %d %d %d):\n%s", row, note, next, out)
	}
}
