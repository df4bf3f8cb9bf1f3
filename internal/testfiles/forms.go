package testfiles

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/internal/testtool"
	"jixiao/model"
)

// PassingForm is the sample of unit dept with what the checks rightly
// complain about fixed (the template's placeholder rows removed, the
// missing 指标值 filled in, the duplicated targets reworded): 审核 finds
// neither errors nor hints in it. The 批量审核 tests use it as a good
// form returned by a unit.
func PassingForm(dept string) *model.Form {
	f := model.Sample()
	f.Dept = dept
	f.Meta.Origin = ""
	var ins []model.Indicator
	for _, in := range f.Indicators {
		if model.IsFiller(in.Level1) || model.IsFiller(in.Level3) {
			continue
		}
		if in.Value == "" {
			if strings.Contains(in.Name(), "率") {
				in.Value = "≤5%"
			} else {
				in.Value = "3人"
			}
		}
		ins = append(ins, in)
	}
	f.Indicators = ins
	for _, g := range []int{6, 16, 19} {
		f.Goals[g].Text += "（第二批）"
	}
	return f
}

// Convert converts files (in dir) to format (pdf, xls, "docx:MS Word 2007
// XML" …) with one headless LibreOffice run, in a profile of its own so
// that it neither meets another running LibreOffice nor leaves anything
// behind; the converted files are written into dir. LibreOffice missing
// skips the test, or fails it in CI (testtool.Need).
func Convert(t testing.TB, dir, format string, files ...string) {
	t.Helper()
	lo := testtool.Need(t, "--no-install-recommends libreoffice-calc libreoffice-writer", "libreoffice", "soffice")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "lo-profile"), "--headless", "--norestore",
		"--convert-to", format, "--outdir", dir}
	cmd := exec.CommandContext(ctx, lo, append(args, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice --convert-to %s: %v\n%s", format, err, out)
	}
	for _, f := range files {
		want := strings.TrimSuffix(f, filepath.Ext(f)) + "." + strings.SplitN(format, ":", 2)[0]
		if _, err := os.Stat(want); err != nil {
			t.Fatalf("LibreOffice wrote no %s:\n%s", filepath.Base(want), out)
		}
	}
}
