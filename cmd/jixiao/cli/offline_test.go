package cli

import (
	"bytes"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/internal/testtool"
	"jixiao/model"
)

// relBuild builds the real jixiao binary into dir and returns its path.
func relBuild(t *testing.T, dir string) string {
	t.Helper()
	gobin := filepath.Join(build.Default.GOROOT, "bin", "go")
	if p, err := exec.LookPath("go"); err == nil {
		gobin = p
	}
	bin := filepath.Join(dir, "jixiao")
	cmd := exec.Command(gobin, "build", "-o", bin, "jixiao/cmd/jixiao")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// relEnv is an environment for the binary that keeps it away from the
// user's files: HOME and config in dir, no JIXIAO_DB.
func relEnv(dir string) []string {
	var env []string
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "HOME=") || strings.HasPrefix(e, "XDG_CONFIG_HOME=") || strings.HasPrefix(e, "JIXIAO_DB=") {
			continue
		}
		env = append(env, e)
	}
	return append(env, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
}

// unshareArgs returns the unshare invocation that works here (root:
// "unshare -n"; else an unprivileged user namespace: "unshare -r -n"), or
// skips the test with the reason.
func unshareArgs(t *testing.T) []string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the offline test uses Linux network namespaces (unshare -n); not on " + runtime.GOOS)
	}
	testtool.Need(t, "util-linux", "unshare")
	var why []string
	for _, args := range [][]string{{"unshare", "-n"}, {"unshare", "-r", "-n"}} {
		out, err := exec.Command(args[0], append(args[1:], "cat", "/proc/net/dev")...).CombinedOutput()
		if err == nil {
			// Only the loopback interface may exist inside.
			for _, line := range strings.Split(string(out), "\n") {
				name, _, ok := strings.Cut(strings.TrimSpace(line), ":")
				if ok && name != "lo" && !strings.Contains(name, "|") {
					t.Fatalf("%s: interface %q inside the namespace", strings.Join(args, " "), name)
				}
			}
			return args
		}
		why = append(why, strings.Join(args, " ")+": "+strings.TrimSpace(string(out)))
	}
	testtool.Missing(t, "network namespaces are not permitted here (run the tests as root, as CI does): %s", strings.Join(why, "; "))
	return nil
}

// TestOfflineFlow runs the whole command-line flow with the real binary
// inside a network namespace that has no interface but loopback: sample →
// export xlsx/pdf/json → import (xlsx and json) → check → list. When
// strace is installed, the same flow also runs under strace, which must
// show no socket of an internet family and no connect at all.
func TestOfflineFlow(t *testing.T) {
	us := unshareArgs(t)
	dir := t.TempDir()
	bin := relBuild(t, dir)
	db := filepath.Join(dir, "drafts.db")
	env := relEnv(dir)

	var trace []string
	runStep := func(prefix []string, args ...string) (int, string, string) {
		t.Helper()
		full := append(append(append([]string{}, prefix...), bin), args...)
		cmd := exec.Command(full[0], full[1:]...)
		cmd.Env = env
		cmd.Dir = dir
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", strings.Join(full, " "), err)
		}
		trace = append(trace, strings.ReplaceAll(strings.Join(args, " "), dir+string(filepath.Separator), ""))
		return code, out.String(), errb.String()
	}
	must := func(prefix []string, want int, args ...string) string {
		t.Helper()
		code, out, errs := runStep(prefix, args...)
		if code != want {
			t.Fatalf("jixiao %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errs)
		}
		if strings.Contains(errs, "程序内部出错") || strings.Contains(errs, "panic") {
			t.Fatalf("jixiao %s: %s", strings.Join(args, " "), errs)
		}
		return out
	}
	flow := func(t *testing.T, prefix []string) {
		// sample: the id alone on the last line.
		out := must(prefix, 0, "sample", "--db", db)
		id := relLastLine(out)
		if !regexp.MustCompile(`^\S+$`).MatchString(id) {
			t.Fatalf("sample printed %q, want an id on the last line", out)
		}
		x, p, j := filepath.Join(dir, "out.xlsx"), filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.json")
		for _, f := range []string{x, p, j} {
			os.Remove(f)
		}
		must(prefix, 0, "export", "--draft", id, "--xlsx", x, "--pdf", p, "--json", j, "--db", db)
		for f, magic := range map[string]string{x: "PK\x03\x04", p: "%PDF-", j: "{"} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("export did not write %s: %v", f, err)
			}
			if !bytes.HasPrefix(bytes.TrimSpace(b), []byte(magic)) {
				t.Fatalf("%s does not start with %q", f, magic)
			}
		}
		jb, _ := os.ReadFile(j)
		back, err := export.ReadJSON(bytes.NewReader(jb))
		if err != nil {
			t.Fatalf("exported JSON: %v", err)
		}
		if back.Dept != model.SampleDept || model.ComputeTotals(back).Total != model.ComputeTotals(model.Sample()).Total {
			t.Fatalf("exported JSON: dept %q, total %v", back.Dept, model.ComputeTotals(back).Total)
		}
		// import both files: the new id alone on the last line.
		var ids []string
		for _, f := range []string{x, j} {
			out := must(prefix, 0, "import", f, "--db", db)
			nid := relLastLine(out)
			if nid == id || strings.ContainsAny(nid, " ：") {
				t.Fatalf("import %s: last line %q is not a new draft id\n%s", f, nid, out)
			}
			ids = append(ids, nid)
		}
		totals := regexp.MustCompile(`合计 7,?898\.5676 万元`)
		counts := regexp.MustCompile(`34 项任务，8 个单位，34 条目标`)
		// check: the sample has errors (its placeholder rows), so exit 1.
		for _, args := range [][]string{
			{"check", "--draft", ids[0], "--db", db},
			{"check", "--draft", ids[1], "--db", db},
			{"check", "--in", x, "--db", db},
			{"check", "--in", j, "--db", db},
		} {
			out := must(prefix, 1, args...)
			if !totals.MatchString(out) || !counts.MatchString(out) || !strings.Contains(out, "[错误]") {
				t.Fatalf("jixiao %s:\n%s", strings.Join(args, " "), out)
			}
		}
		out = must(prefix, 0, "list", "--db", db)
		for _, want := range append([]string{id}, ids...) {
			if !strings.Contains(out, want) {
				t.Fatalf("list does not show %s:\n%s", want, out)
			}
		}
		// A misuse still answers in Chinese with exit 2.
		code, _, errs := runStep(prefix, "export", "--draft", id, "--bogus", "--db", db)
		if code != 2 || !relHasHan(errs) {
			t.Fatalf("misuse: exit %d, %q", code, errs)
		}
	}
	t.Run("unshare", func(t *testing.T) {
		flow(t, append(us, "--"))
		t.Logf("offline (%s): %s", strings.Join(us, " "), strings.Join(trace, " | "))
	})
	t.Run("strace", func(t *testing.T) {
		testtool.Need(t, "strace", "strace")
		log := filepath.Join(dir, "strace.log")
		// -f follows threads; network calls of any process of the flow are logged.
		probe := exec.Command("strace", "-f", "-o", log, "-e", "trace=network", "true")
		if out, err := probe.CombinedOutput(); err != nil {
			testtool.Missing(t, "strace cannot trace here: %v %s", err, out)
		}
		os.Remove(log)
		db = filepath.Join(dir, "drafts2.db")
		flow(t, append(append([]string{}, us...), "--", "strace", "-qq", "-ff", "-o", log, "-e", "trace=network"))
		files, _ := filepath.Glob(log + ".*")
		if len(files) == 0 {
			t.Fatal("strace wrote nothing")
		}
		inet := regexp.MustCompile(`socket\(AF_INET6?|connect\(|sendto\(.*AF_INET`)
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if m := inet.Find(b); m != nil {
				t.Errorf("%s: network call %q:\n%s", f, m, b)
			}
		}
		t.Logf("strace: %d processes/threads traced, no internet socket and no connect", len(files))
	})
}
