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
	out := rendered(t, &r)
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
	// marked as a hand note, quoted, never mistaken for the run's figures
	if !strings.Contains(out, "> "+handNote+"\n>\n> Measured by hand on 2026-11-29.") {
		t.Errorf("the note is not marked as a hand note:\n%s", out[table:next])
	}
}

// The 批量审核 figure (issue 27) is a goal of its own, met under 10 s, and
// its section shows its rows and then the hand-written note batch.md.
func TestBatchGoalAndNote(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "batch.md"), []byte("Measured by hand: 200 files.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	procs := filepath.Join(dir, "procs.tsv")
	rows := "batch_200\t1650.00\tms\t10\t2950.00\tdist/bench/jixiao check --dir $TMP/batch\n" +
		"rss_batch_200\t56000\tKB\t3\t\t/usr/bin/time -v dist/bench/jixiao check --dir $TMP/batch\n"
	if err := os.WriteFile(procs, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ms, verdict string
	}{{"1650.00", "**met**"}, {"10500.00", "**MISSED**"}} {
		if err := os.WriteFile(procs, []byte(strings.Replace(rows, "1650.00", tc.ms, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		r := report{notesDir: dir}
		if err := r.load("", procs, "", ""); err != nil {
			t.Fatal(err)
		}
		r.computeGoals()
		out := rendered(t, &r)
		goal := strings.Index(out, "| 批量审核 of 200 returned files as a whole process (`jixiao check --dir`): < 10 s | 27 (batch) |")
		sec := strings.Index(out, "## Whole process: 批量审核 of 200 returned files")
		row := strings.Index(out, "| 批量审核 of 200 files: `jixiao check --dir` |")
		rss := strings.Index(out, "| 批量审核 of 200 files | 54.7 MiB | 3 |")
		note := strings.Index(out, "Measured by hand: 200 files.")
		if goal < 0 || !strings.Contains(out[goal:goal+300], tc.verdict) || !(sec < row && row < rss && rss < note) || sec < 0 {
			t.Errorf("%s ms: goal %d sec %d row %d rss %d note %d\n%s", tc.ms, goal, sec, row, rss, note, out)
		}
	}
}

// rendered is the report r writes.
func rendered(t *testing.T, r *report) string {
	t.Helper()
	var b strings.Builder
	w := bufio.NewWriter(&b)
	r.write(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A section of "export/..." takes the benchmarks of the export packages
// (one package per format) as well as export's own; "model" takes only
// jixiao/model's, not model/merge's.
func TestSectionPackages(t *testing.T) {
	for _, tc := range []struct {
		pkg, want string
		ok        bool
	}{
		{"jixiao/export", "export/...", true},
		{"jixiao/export/xlsx", "export/...", true},
		{"jixiao/export/pdf", "export/...", true},
		{"jixiao/exporter", "export/...", false},
		{"jixiao/model", "model", true},
		{"jixiao/model/merge", "model", false},
		{"jixiao/store", "store", true},
		{"jixiao/ui", "ui", true},
		{"jixiao/ui/widgets", "ui", false},
	} {
		if got := pkgMatch(tc.pkg, tc.want); got != tc.ok {
			t.Errorf("pkgMatch(%q, %q) = %v, want %v", tc.pkg, tc.want, got, tc.ok)
		}
	}
}
