package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jixiao/export"
	"jixiao/model"
)

// check --in reads the text layer of a PDF of the form (our own PDF export
// of the sample) like a table: 合计 7898.5676 万元 and the counts and
// report of the xlsx of the form it holds. That xlsx is written from the
// form read from the PDF, so its hidden data is that form. Both print
// what check --sample prints, line for line after the first: the five
// “.....” placeholder rows of 绩效指标 are kept (49 rows) and 审核 asks
// for them to be filled in.
func TestCheckInPDF(t *testing.T) {
	dir := t.TempDir()
	var pdf bytes.Buffer
	if _, err := export.WritePDF(&pdf, model.Sample()); err != nil {
		t.Fatal(err)
	}
	f, _, err := export.ImportBytes("sample.pdf", pdf.Bytes(), export.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var xlsx bytes.Buffer
	if err := export.WriteXLSX(&xlsx, f); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, data := range map[string][]byte{"sample.pdf": pdf.Bytes(), "sample.xlsx": xlsx.Bytes()} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := checkRun("check", "--in", p)
		if code != 1 || !strings.Contains(stdout, "合计 7898.5676 万元（财政资金 7898.5676 万元）\n") || !strings.Contains(stdout, "34 项任务，8 个单位，34 条目标，49 条绩效指标\n") {
			t.Errorf("%s: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
		out[name] = strings.ReplaceAll(stdout, name, "FILE")
	}
	if out["sample.pdf"] != out["sample.xlsx"] {
		t.Errorf("the .pdf reports differently from the .xlsx:\n%s\n--- xlsx:\n%s", out["sample.pdf"], out["sample.xlsx"])
	}
	// The sample itself: the same report but for the first line (审核：…).
	code, stdout, _ := checkRun("check", "--sample")
	if code != 1 || afterFirstLine(stdout) != afterFirstLine(out["sample.pdf"]) {
		t.Errorf("the .pdf reports differently from the sample:\n%s\n--- sample:\n%s", out["sample.pdf"], stdout)
	}
	t.Log(out["sample.pdf"])
}

// A scanned PDF gets the plain message; nothing was checked: exit 1, as
// for any file that cannot be read (issue 27: not a misuse, exit 2).
func TestCheckInScannedPDF(t *testing.T) {
	p := filepath.Join(t.TempDir(), "扫描件.pdf")
	// one page whose content only draws an image
	data := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n4 0 obj\n<< /Length 32 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream\nendobj\n5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream\nendobj\n")
	var b bytes.Buffer
	b.Write(data)
	// cross-reference table
	offs := []int{}
	for i := 1; i <= 5; i++ {
		offs = append(offs, bytes.Index(data, []byte(string(rune('0'+i))+" 0 obj")))
	}
	x := b.Len()
	b.WriteString("xref\n0 6\n0000000000 65535 f \n")
	for _, o := range offs {
		b.WriteString(strings.Repeat("0", 10-len(strconv.Itoa(o))) + strconv.Itoa(o) + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := checkRun("check", "--in", p)
	if code != 1 || !strings.Contains(stderr, "扫描件") || !strings.Contains(stderr, "Excel 或 Word") || strings.Contains(stderr, "用法") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
}

// afterFirstLine is s without its first line.
func afterFirstLine(s string) string {
	_, rest, _ := strings.Cut(s, "\n")
	return rest
}
