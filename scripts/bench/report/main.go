// Command report turns the raw output of scripts/bench.sh into
// docs/BENCHMARKS.md: the median of the repeated `go test -bench` runs of
// every benchmark, the whole-process measurements (jixiao against
// LibreOffice, GUI cold start, peak memory) and every goal of the issues,
// met or missed.
//
//	go run ./scripts/bench/report -bench raw.txt -proc proc.tsv -env env.txt \
//	    -intro scripts/bench/intro.md -o docs/BENCHMARKS.md
//
// raw.txt is the concatenated `go test -bench` output (with its pkg: lines);
// proc.tsv has one measurement a line: key, value, unit, runs, CPU ms,
// command (tab separated; value NA when it could not be measured, the
// command column then says why); env.txt has key=value lines.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	benchPath := flag.String("bench", "", "raw go test -bench output")
	procPath := flag.String("proc", "", "process measurements (TSV)")
	envPath := flag.String("env", "", "environment (key=value lines)")
	introPath := flag.String("intro", "", "hand-written introduction (markdown)")
	notesDir := flag.String("notes", "", "folder of hand-written notes: NAME.md follows the section whose note is NAME")
	out := flag.String("o", "", "output file (default: standard output)")
	windowOnly := flag.Bool("window", false, "only the window's figures (scripts/bench.sh --window)")
	flag.Parse()

	var r report
	r.notesDir = *notesDir
	if err := r.load(*benchPath, *procPath, *envPath, *introPath); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "report:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if *windowOnly {
		r.writeWindow(bw)
	} else {
		r.write(bw)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	missed := 0
	for _, g := range r.goals {
		if g.state == stateMissed {
			missed++
		}
	}
	fmt.Fprintf(os.Stderr, "report: %d benchmarks, %d goals, %d missed\n", len(r.benches), len(r.goals), missed)
}

// bench is one benchmark with the values of every run, by unit.
type bench struct {
	pkg, name string
	runs      int
	values    map[string][]float64
	units     []string // in the order they appear
}

func (b *bench) median(unit string) (float64, bool) {
	v := b.values[unit]
	if len(v) == 0 {
		return 0, false
	}
	return median(v), true
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

type proc struct {
	key, value, unit, runs, command string
	cpu                             string // user+system CPU time in ms (mean), when known
}

type report struct {
	benches []*bench
	procs   map[string]proc
	env     map[string]string
	envKeys []string
	intro   string
	goals   []*goal

	notesDir string // hand-written notes of sections (section.note), or ""
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.*)$`)

func (r *report) load(benchPath, procPath, envPath, introPath string) error {
	r.procs = map[string]proc{}
	r.env = map[string]string{}
	if benchPath != "" {
		b, err := os.ReadFile(benchPath)
		if err != nil {
			return err
		}
		r.parseBench(string(b))
	}
	if procPath != "" {
		b, err := os.ReadFile(procPath)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.SplitN(line, "\t", 6)
			for len(f) < 6 {
				f = append(f, "")
			}
			r.procs[f[0]] = proc{key: f[0], value: f[1], unit: f[2], runs: f[3], cpu: f[4], command: f[5]}
		}
	}
	if envPath != "" {
		b, err := os.ReadFile(envPath)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			if _, dup := r.env[k]; !dup {
				r.envKeys = append(r.envKeys, k)
			}
			r.env[k] = v
		}
	}
	if introPath != "" {
		b, err := os.ReadFile(introPath)
		if err != nil {
			return err
		}
		r.intro = strings.TrimSpace(string(b))
	}
	return nil
}

func (r *report) parseBench(text string) {
	byKey := map[string]*bench{}
	pkg := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := pkg + " " + m[1]
		b := byKey[key]
		if b == nil {
			b = &bench{pkg: pkg, name: m[1], values: map[string][]float64{}}
			byKey[key] = b
			r.benches = append(r.benches, b)
		}
		b.runs++
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			u := f[i+1]
			if _, seen := b.values[u]; !seen {
				b.units = append(b.units, u)
			}
			b.values[u] = append(b.values[u], v)
		}
	}
}

func fmtMS(ms float64) string {
	switch {
	case ms >= 1000:
		return fmt.Sprintf("%.2f s", ms/1000)
	case ms >= 10:
		return fmt.Sprintf("%.1f ms", ms)
	case ms >= 1:
		return fmt.Sprintf("%.2f ms", ms)
	case ms >= 0.001:
		return fmt.Sprintf("%.1f µs", ms*1000)
	}
	return fmt.Sprintf("%.0f ns", ms*1e6)
}

func fmtBytes(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

func fmtValue(unit string, v float64) string {
	switch unit {
	case "ns/op":
		return fmtMS(v / 1e6)
	case "B/op":
		return fmtBytes(v)
	case "allocs/op":
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if ms, ok := unitMS(unit, v); ok {
		return fmtMS(ms)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func unitLabel(u string) string {
	switch u {
	case "ns/op":
		return "time/op"
	case "B/op":
		return "memory/op"
	}
	return u
}

func (r *report) write(w *bufio.Writer) {
	r.computeGoals()
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# Benchmarks\n\n")
	p("<!-- Generated by scripts/bench.sh (scripts/bench/report); edit scripts/bench/intro.md and scripts/bench/notes/, not this file. -->\n\n")
	if r.intro != "" {
		p("%s\n\n", r.intro)
	}
	p("## This run\n\n| | |\n|---|---|\n")
	for _, k := range r.envKeys {
		p("| %s | %s |\n", k, mdCell(r.env[k]))
	}
	p("\n## Goals\n\n| Goal | Issue | Measured | Verdict |\n|---|---|---|---|\n")
	for _, g := range r.goals {
		fig := g.figure
		if g.state == stateUnmeasured {
			fig = g.why
		}
		p("| %s | %s | %s | %s |\n", mdCell(g.what), g.issue, mdCell(fig), g.verdict())
	}
	var missed []string
	for _, g := range r.goals {
		if g.state == stateMissed {
			missed = append(missed, g.what)
		}
	}
	if len(missed) > 0 {
		p("\nMissed in this run: %s.\n", strings.Join(missed, "; "))
	} else {
		p("\nNo goal was missed in this run")
		for _, g := range r.goals {
			if g.state == stateUnmeasured {
				p(" (but not every goal could be measured: see the table)")
				break
			}
		}
		p(".\n")
	}

	used := map[*bench]bool{}
	for _, s := range sections {
		var list []*bench
		for _, b := range r.benches {
			if !used[b] && s.match(b) {
				list = append(list, b)
			}
		}
		if len(list) == 0 && s.text == "" {
			continue
		}
		p("\n## %s\n\n", s.title)
		if s.text != "" {
			p("%s\n\n", s.text)
		}
		if len(list) == 0 {
			p("No benchmark of this kind in this run.\n")
		} else {
			r.benchTable(w, list)
		}
		for _, b := range list {
			used[b] = true
		}
		if note := r.note(s.note); note != "" {
			p("\n%s\n", note)
		}
	}
	var rest []*bench
	for _, b := range r.benches {
		if !used[b] {
			rest = append(rest, b)
		}
	}
	if len(rest) > 0 {
		p("\n## Other benchmarks\n\n")
		r.benchTable(w, rest)
	}
	r.writeProcs(w)
}

func (r *report) benchTable(w *bufio.Writer, list []*bench) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	// Columns: the union of units, standard ones first.
	var units []string
	seen := map[string]bool{}
	for _, std := range []string{"ns/op"} {
		for _, b := range list {
			if _, ok := b.values[std]; ok && !seen[std] {
				seen[std] = true
				units = append(units, std)
			}
		}
	}
	var custom []string
	for _, b := range list {
		for _, u := range b.units {
			if !seen[u] && u != "B/op" && u != "allocs/op" && u != "MB/s" {
				seen[u] = true
				custom = append(custom, u)
			}
		}
	}
	units = append(units, custom...)
	for _, std := range []string{"B/op", "allocs/op"} {
		for _, b := range list {
			if _, ok := b.values[std]; ok && !seen[std] {
				seen[std] = true
				units = append(units, std)
			}
		}
	}
	p("| Benchmark | Package | Runs |")
	for _, u := range units {
		p(" %s |", unitLabel(u))
	}
	p("\n|---|---|---:|")
	for range units {
		p("---:|")
	}
	p("\n")
	for _, b := range list {
		p("| %s | %s | %d |", b.name, b.pkg, b.runs)
		for _, u := range units {
			if v, ok := b.median(u); ok {
				p(" %s |", fmtValue(u, v))
			} else {
				p(" |")
			}
		}
		p("\n")
	}
	p("\nMedians of %s runs each.\n", runsText(list))
}

func runsText(list []*bench) string {
	min, max := list[0].runs, list[0].runs
	for _, b := range list {
		if b.runs < min {
			min = b.runs
		}
		if b.runs > max {
			max = b.runs
		}
	}
	if min == max {
		return strconv.Itoa(min)
	}
	return fmt.Sprintf("%d–%d", min, max)
}

func (r *report) procRow(w *bufio.Writer, label, key string) {
	p, ok := r.procs[key]
	cpu := ""
	if f, err := strconv.ParseFloat(p.cpu, 64); err == nil && p.unit == "ms" {
		cpu = fmtMS(f)
	}
	switch {
	case !ok:
		fmt.Fprintf(w, "| %s | not run | | | |\n", label)
	case p.value == "NA" && strings.HasPrefix(key, "rss_"):
		fmt.Fprintf(w, "| %s | not measured | | %s |\n", label, mdCell(clip(p.command, 160)))
	case p.value == "NA":
		fmt.Fprintf(w, "| %s | not measured | | | %s |\n", label, mdCell(clip(p.command, 160)))
	default:
		v := p.value + " " + p.unit
		if f, err := strconv.ParseFloat(p.value, 64); err == nil {
			switch p.unit {
			case "ms":
				v = fmtMS(f)
			case "KB":
				v = fmtBytes(f * 1024)
			}
		}
		if p.unit == "KB" {
			fmt.Fprintf(w, "| %s | %s | %s | `%s` |\n", label, v, p.runs, mdCode(p.command))
			return
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | `%s` |\n", label, v, cpu, p.runs, mdCode(p.command))
	}
}

func (r *report) ratio(w *bufio.Writer, what, ours, theirs string) {
	a, ok1 := r.procMS(ours)
	b, ok2 := r.procMS(theirs)
	if ok1 && ok2 && a > 0 {
		fmt.Fprintf(w, "\n%s: jixiao %s, LibreOffice %s — **jixiao is %.1f× faster** (wall time)", what, fmtMS(a), fmtMS(b), b/a)
		ca, e1 := strconv.ParseFloat(r.procs[ours].cpu, 64)
		cb, e2 := strconv.ParseFloat(r.procs[theirs].cpu, 64)
		if e1 == nil && e2 == nil && ca > 0 {
			fmt.Fprintf(w, "; by CPU time %s against %s, %.1f×", fmtMS(ca), fmtMS(cb), cb/ca)
		}
		fmt.Fprintf(w, ".\n")
	} else {
		fmt.Fprintf(w, "\n%s: no ratio (one side was not measured).\n", what)
	}
}

func (r *report) writeProcs(w *bufio.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	head := "| What | Median wall time | CPU (user+sys, mean) | Runs | Command |\n|---|---:|---:|---:|---|\n"

	p("\n## Whole process: jixiao against LibreOffice (same run, same machine)\n\n")
	p("Wall-clock time of the whole process, from exec to exit, median of the runs after 2 warm-up runs (hyperfine; a shell loop when hyperfine is missing), and the CPU time it used. LibreOffice gets a warm user profile that is created before timing, so its first-start cost is excluded. The ratios use the wall times; on a loaded machine the wall time of a short process includes waiting for a core, and the CPU column shows the work itself.\n\n")
	p("%s", head)
	r.procRow(w, "PDF of the sample: `jixiao export --sample --pdf`", "pdf_ours")
	r.procRow(w, "PDF of the sample: LibreOffice converting our xlsx", "pdf_lo")
	r.procRow(w, "xlsx import of the sample: `jixiao check --in sample.xlsx`", "import_ours")
	r.procRow(w, "xlsx of the sample: LibreOffice converting it to csv", "import_lo")
	r.ratio(w, "PDF", "pdf_ours", "pdf_lo")
	r.ratio(w, "xlsx import", "import_ours", "import_lo")

	p("\n## Whole process: exports and import of the sample and of 5,000 tasks\n\n")
	p("%s", head)
	r.procRow(w, "Baseline: `jixiao version` (start and exit; the one binary also loads the GUI's shared libraries)", "base")
	r.procRow(w, "Package initialisation of `jixiao version`: the sum of every package's init time that `GODEBUG=inittrace=1` prints (median of the runs; part of the baseline above)", "init")
	r.procRow(w, "xlsx of the sample", "xlsx_ours")
	r.procRow(w, "xlsx of 5,000 tasks (from JSON)", "xlsx_big")
	r.procRow(w, "PDF of 5,000 tasks (from JSON)", "pdf_big")
	r.procRow(w, "import (check) of the 5,000-task xlsx", "import_big")
	if note := r.note("startup"); note != "" {
		p("\n%s\n", note)
	}

	p("\n## Whole process: 批量审核 of 200 returned files\n\n")
	p("`jixiao check --dir` over 200 files of the sample's size written by `scripts/bench/batchfiles` (of every ten: three of our xlsx, two clerk's tables without our hidden data, two PDFs of ours, a .docx, LibreOffice's .xls of the sample and a JSON file; one file in 17 with an error), read on one goroutine per core (docs/batch.md). The wall time includes starting the process; the CPU column is the work itself.\n\n")
	p("%s", head)
	r.procRow(w, "批量审核 of 200 files: `jixiao check --dir`", "batch_200")
	p("\n| What | Peak RSS | Runs | Command |\n|---|---:|---:|---|\n")
	r.procRow(w, "批量审核 of 200 files", "rss_batch_200")
	if n := r.note("batch"); n != "" {
		p("\n%s\n", n)
	}

	p("\n## GUI cold start\n\n")
	p("From exec of `jixiao --db FILE` (a fresh copy of a drafts file holding the sample, and no saved preferences) to its window being mapped (viewable) on an Xvfb display, polled with `xdotool search --onlyvisible --pid` every 10 ms; then the process is killed. Xvfb has no GPU: OpenGL is Mesa's software renderer, whose shader compilation is a large part of this figure; on a desktop with a GPU driver the start is faster.\n\n")
	p("%s", head)
	r.procRow(w, "Start to mapped window", "gui_start")

	p("\n## Peak memory\n\n")
	p("Maximum resident set size reported by `/usr/bin/time -v`.\n\n")
	p("| What | Peak RSS | Runs | Command |\n|---|---:|---:|---|\n")
	r.procRow(w, "GUI with the sample open (mapped + 2 s, then closed)", "rss_gui")
	r.procRow(w, "Export of the 5,000-task form to PDF", "rss_pdf_big")
	r.procRow(w, "Export of the 5,000-task form to xlsx", "rss_xlsx_big")
	r.procRow(w, "Export of the sample to PDF", "rss_pdf_sample")
	r.writeGUI(w)
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.ReplaceAll(s, "\n", " ")
}

func mdCode(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "`", "'")
	return strings.ReplaceAll(s, "\n", " ")
}

// clip makes s valid UTF-8 (the shell cut it by bytes) and at most n runes.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.TrimRight(s, "\ufffd")
	r := []rune(s)
	if len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}
