package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

type goalState int

const (
	stateUnmeasured goalState = iota
	stateMet
	stateMissed
)

type goal struct {
	what   string // the goal in words
	issue  string
	figure string // the measured figure in words
	state  goalState
	why    string // when unmeasured
}

func (g *goal) verdict() string {
	switch g.state {
	case stateMet:
		return "**met**"
	case stateMissed:
		return "**MISSED**"
	}
	return "not measured"
}

// findBench returns the first benchmark of pkg whose name matches re.
func (r *report) findBench(pkg string, re *regexp.Regexp) *bench {
	for _, b := range r.benches {
		if (strings.HasSuffix(b.pkg, "/"+pkg) || b.pkg == pkg) && re.MatchString(b.name) {
			return b
		}
	}
	return nil
}

// unitMS converts a value in unit to milliseconds; ok is false when the
// unit is not a time.
func unitMS(unit string, v float64) (float64, bool) {
	u := strings.ToLower(unit)
	switch {
	case u == "ns/op" || strings.HasSuffix(u, "-ns") || strings.HasPrefix(u, "ns-") || strings.HasSuffix(u, "_ns") || strings.Contains(u, "ns/"):
		return v / 1e6, true
	case strings.HasSuffix(u, "-µs") || strings.HasSuffix(u, "-us") || strings.HasPrefix(u, "us-") || strings.HasPrefix(u, "µs-") || strings.HasSuffix(u, "_us"):
		return v / 1e3, true
	case strings.HasSuffix(u, "-ms") || strings.HasPrefix(u, "ms-") || strings.HasSuffix(u, "_ms") || u == "ms/op" || u == "ms":
		return v, true
	case strings.HasSuffix(u, "-s") || strings.HasPrefix(u, "s-") || u == "s/op":
		return v * 1e3, true
	}
	return 0, false
}

// metricMS is the median of the first unit of b containing want (e.g.
// "p99"; "" means ns/op), in ms.
func metricMS(b *bench, want string) (float64, string, bool) {
	for _, u := range b.units {
		if (want == "" && u == "ns/op") || (want != "" && strings.Contains(strings.ToLower(u), want)) {
			v, _ := b.median(u)
			if ms, ok := unitMS(u, v); ok {
				return ms, u, true
			}
		}
	}
	return 0, "", false
}

func (r *report) benchGoal(what, issue, pkg, nameRe, metric string, max float64) *goal {
	g := &goal{what: what, issue: issue}
	b := r.findBench(pkg, regexp.MustCompile(nameRe))
	if b == nil {
		g.why = fmt.Sprintf("no benchmark in %s matching `%s` in this run", pkg, nameRe)
		return g
	}
	ms, _, ok := metricMS(b, metric)
	if !ok {
		g.why = fmt.Sprintf("%s reports no %q figure", b.name, metric)
		return g
	}
	label := "time/op"
	if metric != "" {
		label = metric
	}
	g.figure = fmt.Sprintf("%s %s = %s", b.name, label, fmtMS(ms))
	if ms < max {
		g.state = stateMet
	} else {
		g.state = stateMissed
	}
	return g
}

// procMS is a process measurement in ms.
func (r *report) procMS(key string) (float64, bool) {
	p, ok := r.procs[key]
	if !ok || p.unit != "ms" {
		return 0, false
	}
	v, err := strconv.ParseFloat(p.value, 64)
	return v, err == nil
}

func (r *report) procWhy(key string) string {
	p, ok := r.procs[key]
	if !ok {
		return "not run (" + key + ")"
	}
	if p.value == "NA" {
		return clip(p.command, 160)
	}
	return ""
}

func (r *report) computeGoals() {
	r.goals = nil
	add := func(g *goal) { r.goals = append(r.goals, g) }
	add(r.benchGoal("Recompute after one edit, 5,000 tasks: < 1 ms", "2 (model)", "model", `(?i)recompute.*5000|edit.*5000`, "", 1))
	add(r.benchGoal("Autosave of the sample: p99 < 20 ms", "3 (store)", "store", `(?i)save.*sample`, "p99", 20))

	// PDF, whole process.
	ours, ok1 := r.procMS("pdf_ours")
	lo, ok2 := r.procMS("pdf_lo")
	add(r.procGoal("pdf_ours", "PDF of the sample as a whole process (`jixiao export --sample --pdf`): < 100 ms", "4 (export)", 100))
	g := &goal{what: "PDF at least 50× faster than `libreoffice --headless --convert-to pdf` of our xlsx", issue: "4 (export)"}
	if ok1 && ok2 {
		g.figure = fmt.Sprintf("%s vs %s = %.1f×", fmtMS(ours), fmtMS(lo), lo/ours)
		g.state = stateMissed
		if lo/ours >= 50 {
			g.state = stateMet
		}
	} else {
		g.why = strings.TrimSpace(r.procWhy("pdf_ours") + " " + r.procWhy("pdf_lo"))
	}
	add(g)
	add(r.procGoal("init", "Package initialisation of `jixiao version` (`GODEBUG=inittrace=1`, the sum of every package's init): < 5 ms", "24 (start-up)", 5))
	add(r.procGoal("base", "`jixiao version` as a whole process: < 15 ms", "24 (start-up)", 15))
	add(r.procGoal("batch_200", "批量审核 of 200 returned files as a whole process (`jixiao check --dir`): < 10 s", "27 (batch)", 10_000))
	r.guiGoals(add)
}

// procGoal is the goal "process measurement key < max ms" (median wall
// time, or for init the median of the summed init times).
func (r *report) procGoal(key, what, issue string, max float64) *goal {
	g := &goal{what: what, issue: issue}
	v, ok := r.procMS(key)
	if !ok {
		g.why = r.procWhy(key)
		return g
	}
	g.figure = fmt.Sprintf("median %s", fmtMS(v))
	if c, err := strconv.ParseFloat(r.procs[key].cpu, 64); err == nil && c > 0 {
		g.figure += fmt.Sprintf(" (CPU %s)", fmtMS(c))
	}
	g.state = stateMissed
	if v < max {
		g.state = stateMet
	}
	return g
}
