package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/internal/testfiles"
)

// check --in reads an Excel 97-2003 file (our sample's export saved as
// .xls by LibreOffice) and a WPS .et file like the .xlsx of the same form:
// the same report, 合计 7898.5676 万元 and the same counts.
func TestCheckInXLS(t *testing.T) {
	dir := t.TempDir()
	// The form the .xls holds (the sample when the file was made).
	f, _, err := export.ImportBytes("sample.xls", testfiles.SampleXLS, export.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteXLSX(&b, f); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"sample.xlsx": b.Bytes(), "sample.xls": testfiles.SampleXLS, "sample.et": testfiles.SampleXLS}
	out := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := checkRun("check", "--in", p)
		if code != 1 || !strings.Contains(stdout, "合计 7898.5676 万元") {
			t.Errorf("%s: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
		out[name] = strings.ReplaceAll(stdout, name, "FILE")
	}
	for _, name := range []string{"sample.xls", "sample.et"} {
		if out[name] != out["sample.xlsx"] {
			t.Errorf("%s reports differently from the .xlsx:\n%s\n--- xlsx:\n%s", name, out[name], out["sample.xlsx"])
		}
	}
	t.Log(out["sample.xls"])
}
