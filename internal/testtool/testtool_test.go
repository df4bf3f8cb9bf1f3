package testtool

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skip, Fatal and Log instead of
// ending the test (the functions under test return right after them).
type recorder struct {
	testing.TB
	skipped, failed, logged string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Skip(args ...any)               { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Skipf(format string, a ...any)  { r.skipped = fmt.Sprintf(format, a...) }
func (r *recorder) Fatal(args ...any)              { r.failed = fmt.Sprint(args...) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }
func (r *recorder) Logf(format string, a ...any)   { r.logged = fmt.Sprintf(format, a...) }

func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "false": false, "FALSE": false, "true": true, "1": true, "yes": true} {
		t.Setenv("CI", v)
		if got := InCI(); got != want {
			t.Errorf("CI=%q: InCI() = %v, want %v", v, got, want)
		}
	}
}

const absent = "jixiao-no-such-tool-x7"

func TestNeed(t *testing.T) {
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	if p := Need(r, "poppler-utils", absent); p != "" || r.failed != "" ||
		!strings.Contains(r.skipped, absent) || !strings.Contains(r.skipped, "apt-get install poppler-utils") {
		t.Errorf("locally, a missing tool: path %q, skipped %q, failed %q; want a skip naming the tool and package", p, r.skipped, r.failed)
	}

	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	if p := Need(r, "poppler-utils", absent); p != "" || r.skipped != "" || !strings.Contains(r.failed, absent) {
		t.Errorf("in CI, a missing tool: path %q, skipped %q, failed %q; want a failure", p, r.skipped, r.failed)
	}

	// Found: the first name that exists, by PATH or absolute; no skip, no failure.
	r = &recorder{TB: t}
	if p := Need(r, "coreutils", absent, "sh"); !strings.HasSuffix(p, "/sh") || r.skipped+r.failed != "" {
		t.Errorf("Need(absent, sh) = %q (skipped %q, failed %q)", p, r.skipped, r.failed)
	}
	r = &recorder{TB: t}
	if p := Need(r, "coreutils", "/"+absent, "/bin/sh"); p != "/bin/sh" || r.skipped+r.failed != "" {
		t.Errorf("Need(/absent, /bin/sh) = %q (skipped %q, failed %q)", p, r.skipped, r.failed)
	}
	r = &recorder{TB: t}
	if p := Need(r, "coreutils", "/"); p != "" || r.failed == "" {
		t.Errorf("Need(/) = %q, failed %q: a folder is not a program", p, r.failed)
	}
}

func TestFind(t *testing.T) {
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	if p, ok := Find(r, "libreoffice-calc", absent); ok || p != "" || r.skipped+r.failed != "" || !strings.Contains(r.logged, absent) {
		t.Errorf("locally: (%q, %v), logged %q, skipped %q, failed %q; want only a log line", p, ok, r.logged, r.skipped, r.failed)
	}
	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	if _, ok := Find(r, "libreoffice-calc", absent); ok || !strings.Contains(r.failed, absent) {
		t.Errorf("in CI: ok %v, failed %q; want a failure", ok, r.failed)
	}
	r = &recorder{TB: t}
	if p, ok := Find(r, "coreutils", "sh"); !ok || p == "" || r.failed != "" {
		t.Errorf("Find(sh) = (%q, %v), failed %q", p, ok, r.failed)
	}
}

func TestMissing(t *testing.T) {
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	Missing(r, "strace cannot trace here: %s", "EPERM")
	if r.skipped != "strace cannot trace here: EPERM" || r.failed != "" {
		t.Errorf("locally: skipped %q, failed %q", r.skipped, r.failed)
	}
	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	Missing(r, "strace cannot trace here: %s", "EPERM")
	if r.skipped != "" || !strings.HasPrefix(r.failed, "strace cannot trace here: EPERM") {
		t.Errorf("in CI: skipped %q, failed %q", r.skipped, r.failed)
	}
}
