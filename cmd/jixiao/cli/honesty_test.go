package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export"
	"jixiao/internal/testtool"
	"jixiao/model"
	"jixiao/store"
)

// A draft whose 财政资金 was typed as 5OO is exported from the command line:
// the PDF and the xlsx say the total leaves it out and the form failed its
// checks, and so does the command's own output.
func TestExportOfAFormWithAnUnreadableAmount(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f := model.Sample()
	f.Units[0].Tasks[0].Fiscal = model.ParseAmount("5OO")
	id, err := s.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.xlsx")
	out := mustRun(t, "export", "--db", db, "--draft", id, "--pdf", pdf, "--xlsx", xlsx)
	for _, want := range []string{"未通过审核", "合计不含 1 项无法识别的金额"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	pdftotext := testtool.Need(t, "poppler-utils", "pdftotext")
	b, err := exec.Command(pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{"不含", "未通过审核"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}

	xf, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	rows, err := xf.GetRows(export.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == "合计" {
			found = strings.Contains(strings.Join(r, ""), "不含")
		}
	}
	if !found {
		t.Error("the xlsx 合计 row has no note")
	}
}
