package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestShippedBuildsDisableAnimations: every script that builds the window
// (run, package, bench, ime-test) builds it with -tags no_animations. With
// animations on, a focused field's blinking cursor redraws the window
// continuously (about a third of a core under software OpenGL); see
// docs/BENCHMARKS.md.
func TestShippedBuildsDisableAnimations(t *testing.T) {
	builds := regexp.MustCompile(`go build .*\./cmd/jixiao|fyne" package `)
	files, err := filepath.Glob("../../scripts/*.sh")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts found: %v", err)
	}
	found := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") || !builds.MatchString(line) {
				continue
			}
			found++
			if !strings.Contains(line, "no_animations") {
				t.Errorf("%s:%d builds the window without -tags no_animations:\n\t%s", filepath.Base(f), i+1, strings.TrimSpace(line))
			}
		}
	}
	if found < 3 {
		t.Errorf("found %d builds of the window in scripts/*.sh; want run.sh, package.sh (2) and bench.sh", found)
	}
}
