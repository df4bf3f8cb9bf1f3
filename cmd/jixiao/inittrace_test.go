package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	// Linked by jixiao through ui and model; named here so that the test
	// binary has them whatever those import.
	_ "fyne.io/fyne/v2/lang"
	_ "github.com/mozillazg/go-pinyin"
)

// TestHeavyTablesAreNotBuiltAtStart: the packages whose init used to
// build large tables at every start of jixiao (docs/BENCHMARKS.md, "Start-up")
// now build them on first use. The test re-runs its own binary, which
// links the same packages as jixiao, with GODEBUG=inittrace=1 and no test
// to run, and reads the heap each package's init allocated: a byte count,
// the same on every machine (the times beside it are not compared). A
// package with nothing to do at init has no line at all.
func TestHeavyTablesAreNotBuiltAtStart(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	line := regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes`)
	alloc := map[string]int{}
	if !line.Match(out) {
		t.Fatalf("no inittrace lines:\n%s", out)
	}
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[2])
		alloc[m[1]] = n
	}
	for pkg, before := range map[string]string{
		"github.com/mozillazg/go-pinyin": "1.7 MB: its 41,923-character dictionary (third_party/go-pinyin)",
		"fyne.io/fyne/v2/lang":           "1.0 MB: Fyne's translations of 20 languages (third_party/fyne, patch 0005)",
	} {
		if got := alloc[pkg]; got > 64<<10 {
			t.Errorf("the init of %s allocates %d bytes (before the change %s): a table is built at start again", pkg, got, before)
		}
	}
}
