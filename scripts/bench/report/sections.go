package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// section is a table of the benchmarks whose package and name match.
type section struct {
	title string
	pkg   string // package path suffix, "" any; "export/..." also its packages below
	name  *regexp.Regexp
	text  string // what the figure means
	note  string // NAME of a hand-written note (-notes DIR/NAME.md) shown after the table, or ""
}

var sections = []section{
	{"Recompute after one edit", "model", regexp.MustCompile(`(?i)recompute|edit|totals`),
		"The model's work after one changed cell (parse the amount, recompute every total) on the sample and on a generated 5,000-task form (`model.Generate(5000)`).", ""},
	{"Checks (审核)", "model", regexp.MustCompile(`(?i)check`),
		"`model.Check` over the whole form.", ""},
	{"Autosave and open (bbolt drafts file)", "store", regexp.MustCompile(`.`),
		"One fsynced bbolt transaction per save (`store.Save`), and `store.Load`/`Open`. p50/p99 are the percentiles of the single-save times inside the benchmark.", ""},
	{"Excel (xlsx) export", "export/...", regexp.MustCompile(`(?i)export.*xlsx`),
		"`export.WriteXLSX` in process (the whole-process figures are further down).", "xlsx"},
	{"PDF export", "export/...", regexp.MustCompile(`(?i)export.*pdf`),
		"`export.WritePDF` in process, with the embedded CJK font subset.", ""},
	{"Import (open an xlsx)", "export/...", regexp.MustCompile(`(?i)import`),
		"`export.ImportFile` work in process: our own xlsx (read through its hidden data sheet, checked against the visible sheet) and the same file with only the visible sheet, as a clerk-edited workbook would be.", ""},
	{"Recognising a sheet (import: cells to form)", "model/recognize", regexp.MustCompile(`.`),
		"`model/recognize`, the step every import of a table (xlsx, .xls, .docx, PDF) shares: a task table of 20,000 rows whose unit name is one merged cell 20,000 rows tall.", "recognize"},
	{"Other export and import benchmarks", "export/...", regexp.MustCompile(`.`), "", ""},
	{"Editor (GUI) typing latency", "ui", regexp.MustCompile(`.`),
		"One keystroke in an amount entry through the real widget path (headless Fyne test driver): entry → model → totals label. BenchmarkTyping(Un)Locked… type a 执行数 through `Editor.ApplyKeyed` after 申报 (the declaration locked, each edit checked against it) and before it.", "typing"},
}

func (s section) match(b *bench) bool {
	if s.pkg != "" && !pkgMatch(b.pkg, s.pkg) {
		return false
	}
	return s.name.MatchString(b.name)
}

// pkgMatch reports whether package path p is want (a path suffix: "model"
// is jixiao/model), or below it when want ends in "/..." ("export/..." is
// jixiao/export and jixiao/export/xlsx, the packages of one format each).
func pkgMatch(p, want string) bool {
	if base, ok := strings.CutSuffix(want, "/..."); ok {
		return pkgMatch(p, base) || strings.HasPrefix(p, base+"/") || strings.Contains(p, "/"+base+"/")
	}
	return p == want || strings.HasSuffix(p, "/"+want)
}

// handNote heads every hand-written note in the report, so that a reader
// never takes its figures for the run's.
const handNote = "**Hand note** — measured by hand, not by this run of `scripts/bench.sh`; its date and conditions are in it:"

// note is the hand-written note NAME (notesDir/NAME.md), or "": a quoted
// block headed by handNote.
func (r *report) note(name string) string {
	if r.notesDir == "" || name == "" {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(r.notesDir, name+".md"))
	if err != nil {
		return ""
	}
	text := strings.TrimSpace(string(b))
	if text == "" {
		return ""
	}
	var q strings.Builder
	q.WriteString("> " + handNote + "\n>")
	for _, line := range strings.Split(text, "\n") {
		q.WriteString("\n>")
		if line != "" {
			q.WriteString(" " + line)
		}
	}
	return q.String()
}
