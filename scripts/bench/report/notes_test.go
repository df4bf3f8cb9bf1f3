package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A hand-written note (scripts/bench/notes/NAME.md) follows its section's
// table in the generated report, so a new run of scripts/bench.sh keeps it;
// a section whose note file is missing gets none.
func TestSectionNoteFollowsItsTable(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "xlsx.md"), []byte("Measured by hand on 2026-11-29.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := report{notesDir: dir}
	if err := r.load("", "", "", ""); err != nil {
		t.Fatal(err)
	}
	r.parseBench("pkg: jixiao/export\nBenchmarkExportXLSXSample-2 \t 100\t 9070000 ns/op\t 2200000 B/op\t 17038 allocs/op\n" +
		"BenchmarkExportPDFSample-2 \t 30\t 39900000 ns/op\t 17000000 B/op\t 32452 allocs/op\n")
	var b strings.Builder
	w := bufio.NewWriter(&b)
	r.write(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	sec := strings.Index(out, "## Excel (xlsx) export")
	table := strings.Index(out, "| BenchmarkExportXLSXSample")
	note := strings.Index(out, "Measured by hand on 2026-11-29.")
	next := strings.Index(out, "## PDF export")
	if sec < 0 || table < 0 || note < 0 || next < 0 || !(sec < table && table < note && note < next) {
		t.Fatalf("want the note after the xlsx table and before the PDF section (at %d %d %d %d):\n%s", sec, table, note, next, out)
	}
	if strings.Count(out, "Measured by hand") != 1 {
		t.Errorf("the note appears %d times", strings.Count(out, "Measured by hand"))
	}
}
