//go:build linux

package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"jixiao/export"
	"jixiao/internal/testfiles"
	"jixiao/internal/testtool"
	"jixiao/model"
)

// jixiao export to whatever a clerk or a script may name: a symbolic
// link, a named pipe with a reader, "-" (standard output), a device node.
// Each is checked afterwards: still what it was, and the content where it
// belongs.

func isPDF(b []byte) bool {
	return bytes.HasPrefix(b, []byte("%PDF-")) && bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF"))
}

func lstatMode(t *testing.T, p string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

// noTemps fails when a temporary file of jixiao's is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".jixiao-") {
			t.Errorf("temporary file left in %s: %s", dir, e.Name())
		}
	}
}

func TestExportToSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(real, "r.pdf")
	if err := os.WriteFile(target, []byte("last week's PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink("real/r.pdf", link); err != nil {
		t.Fatal(err)
	}
	code, out, errs := filesRun("export", "--sample", "--pdf", link)
	if code != 0 || !strings.Contains(out, "已导出 PDF（") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if lstatMode(t, link)&fs.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if to, _ := os.Readlink(link); to != "real/r.pdf" {
		t.Errorf("link now points to %q", to)
	}
	b, _ := os.ReadFile(target)
	if !isPDF(b) {
		t.Errorf("the file the link points to is not the new PDF: %.20q", b)
	}
	if m := lstatMode(t, target); m != 0o600 {
		t.Errorf("target's mode %v, want -rw------- kept", m)
	}
	noTemps(t, dir)
	noTemps(t, real)
}

func TestExportToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// Nobody reads: refused at once, not waited on, and not replaced.
	code, out, errs := filesRun("export", "--sample", "--pdf", fifo)
	if code != 1 || !strings.Contains(errs, "命名管道") || !strings.Contains(errs, "没有程序在读取") || strings.Contains(out, "已导出") {
		t.Errorf("no reader: exit %d: %q %q", code, out, errs)
	}
	if lstatMode(t, fifo)&fs.ModeNamedPipe == 0 {
		t.Fatal("the pipe was replaced")
	}
	// A reader waiting: it gets the whole PDF (more than a pipe holds).
	got := testfiles.ReadFIFO(t, fifo, func() {
		code, out, errs = filesRun("export", "--sample", "--pdf", fifo)
	})
	if code != 0 || !strings.Contains(out, "已导出 PDF（") {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if !isPDF(got) || len(got) < 100_000 {
		t.Errorf("reader got %d bytes, not the whole PDF", len(got))
	}
	if lstatMode(t, fifo)&fs.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	noTemps(t, dir)
}

func TestExportToStdout(t *testing.T) {
	code, out, errs := filesRun("export", "--sample", "--pdf", "-")
	if code != 0 || !isPDF([]byte(out)) {
		t.Fatalf("exit %d, stdout %.40q, stderr %s", code, out, errs)
	}
	// The messages go to the error stream, so the file stands alone.
	if !strings.Contains(errs, "已导出 PDF（") || !strings.Contains(errs, "标准输出") || !strings.Contains(errs, "未通过审核") {
		t.Errorf("stderr: %s", errs)
	}
	code, out, errs = filesRun("export", "--sample", "--json", "-", "--xlsx", filepath.Join(t.TempDir(), "a.xlsx"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := export.ReadJSON(strings.NewReader(out))
	if err != nil || f.Dept != model.SampleDept {
		t.Errorf("stdout is not the sample's JSON: %v", err)
	}
	if !strings.Contains(errs, "已导出 Excel：") || !strings.Contains(errs, "已导出 JSON：标准输出") {
		t.Errorf("stderr: %s", errs)
	}
	// Two files cannot share standard output.
	code, out, errs = filesRun("export", "--sample", "--xlsx", "-", "--pdf", "-")
	if code != 2 || out != "" || !strings.Contains(errs, "标准输出") || !strings.Contains(errs, "用法") {
		t.Errorf("--xlsx - --pdf -: exit %d %q %q", code, out, errs)
	}
	// A template too.
	code, out, errs = filesRun("template", "export", "zhengzhou", "-", "--db", filepath.Join(t.TempDir(), "d.db"))
	if code != 0 {
		t.Fatalf("template export -: exit %d: %s", code, errs)
	}
	if _, err := model.ParseTemplate([]byte(out)); err != nil || !strings.Contains(errs, "已导出表样") {
		t.Errorf("template on stdout: %v; stderr %s", err, errs)
	}
}

// TestExportToStdoutProcess: the real binary in a pipe, as a script uses
// it (jixiao export --sample --pdf - | …), and through /dev/stdout, which
// leads into /proc and is written to in place.
func TestExportToStdoutProcess(t *testing.T) {
	dir := t.TempDir()
	bin := relBuild(t, dir)
	for _, out := range []string{"-", "/dev/stdout"} {
		cmd := exec.Command(bin, "export", "--sample", "--pdf", out)
		cmd.Env = relEnv(dir)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr // a pipe to this process
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v %s", out, err, stderr.String())
		}
		if !isPDF(stdout.Bytes()) || !strings.Contains(stderr.String(), "已导出 PDF（") {
			t.Errorf("%s: stdout %.20q, stderr %s", out, stdout.Bytes(), stderr.String())
		}
	}
	if fi, err := os.Lstat("/dev/stdout"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("/dev/stdout is no longer a link: %v", err)
	}
	// stdout a file, as with > out.pdf: the file gets the PDF.
	outFile := filepath.Join(dir, "out.pdf")
	fh, err := os.Create(outFile)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "export", "--sample", "--pdf", "/dev/stdout")
	cmd.Env, cmd.Stdout = relEnv(dir), fh
	err = cmd.Run()
	fh.Close()
	if b, _ := os.ReadFile(outFile); err != nil || !isPDF(b) {
		t.Errorf("> out.pdf: %v, %d bytes", err, len(b))
	}
}

func TestExportToDeviceNode(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, mode uint32, major, minor int) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mknod(p, mode, major<<8|minor); err != nil {
			if errors.Is(err, syscall.EPERM) {
				testtool.Missing(t, "mknod is not permitted here (%v): run as root to test device nodes", err)
			}
			t.Fatal(err)
		}
		return p
	}
	null := mk("null", syscall.S_IFCHR|0o666, 1, 3)
	full := mk("full", syscall.S_IFCHR|0o666, 1, 7)
	disk := mk("disk", syscall.S_IFBLK|0o600, 7, 250)
	code, out, errs := filesRun("export", "--sample", "--pdf", null)
	if code != 0 || !strings.Contains(out, "已导出 PDF（") {
		t.Errorf("null device: exit %d: %s%s", code, out, errs)
	}
	code, _, errs = filesRun("export", "--sample", "--pdf", full)
	if code != 1 || !strings.Contains(errs, "磁盘空间不足") || !strings.Contains(errs, full) {
		t.Errorf("full device: exit %d: %s", code, errs)
	}
	code, _, errs = filesRun("export", "--sample", "--xlsx", disk)
	if code != 1 || !strings.Contains(errs, "不是普通文件") || !strings.Contains(errs, "块设备") {
		t.Errorf("block device: exit %d: %s", code, errs)
	}
	for _, p := range []string{null, full} {
		if m := lstatMode(t, p); m&fs.ModeCharDevice == 0 {
			t.Errorf("%s is no longer a character device: %v", p, m)
		}
	}
	if m := lstatMode(t, disk); m&fs.ModeDevice == 0 || m&fs.ModeCharDevice != 0 {
		t.Errorf("%s is no longer a block device: %v", disk, m)
	}
	if es, _ := os.ReadDir(dir); len(es) != 3 {
		t.Errorf("folder holds %d entries, want the three nodes only", len(es))
	}
}
