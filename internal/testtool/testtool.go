// Package testtool is how a test finds a program it needs from the system
// (pdftotext, LibreOffice, strace, unshare, dbus-daemon, /usr/bin/time …).
// Where the program is missing, a developer's run skips that check with
// the reason and the Debian package to install; in CI (CI set, as .ci/run
// does) it fails instead, because scripts/test.sh installs every such
// program (scripts/setup.sh) and its absence there is a broken set-up that
// would otherwise pass unnoticed. Tests use it for nothing else: a check
// that is not possible on this operating system is an ordinary t.Skip.
//
// Nothing in the program imports it.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI: the environment variable CI is
// set to anything but "", "0" or "false" (.ci/run sets CI=true, as most CI
// services do).
func InCI() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("CI"))) {
	case "", "0", "false":
		return false
	}
	return true
}

// Need returns the path of the first of names found on PATH (an absolute
// name is checked as a file). When none is found it skips the test, or in
// CI fails it, naming pkg, the Debian package that brings the program.
func Need(t testing.TB, pkg string, names ...string) string {
	t.Helper()
	if p, ok := find(names); ok {
		return p
	}
	Missing(t, "%s not installed (apt-get install %s)", strings.Join(names, " or "), pkg)
	return ""
}

// Find is Need for an optional extra: it returns the path and true, or,
// when none of names is found, logs that the extra check is left out and
// returns false — and in CI fails the test.
func Find(t testing.TB, pkg string, names ...string) (string, bool) {
	t.Helper()
	if p, ok := find(names); ok {
		return p, true
	}
	msg := fmt.Sprintf("%s not installed (apt-get install %s)", strings.Join(names, " or "), pkg)
	if InCI() {
		t.Fatalf("%s; in CI every tool the tests use must be there (scripts/setup.sh)", msg)
		return "", false
	}
	t.Logf("%s: that part is left out", msg)
	return "", false
}

// Missing skips the test with the reason (format, args), or in CI fails
// it: for a program that is there but cannot work here (no permission for
// a network namespace, no ptrace), found by the test itself.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s; in CI every tool the tests use must be there and work (scripts/setup.sh)", msg)
		return
	}
	t.Skip(msg)
}

func find(names []string) (string, bool) {
	for _, n := range names {
		if strings.HasPrefix(n, "/") {
			if st, err := os.Stat(n); err == nil && !st.IsDir() {
				return n, true
			}
			continue
		}
		if p, err := exec.LookPath(n); err == nil {
			return p, true
		}
	}
	return "", false
}
