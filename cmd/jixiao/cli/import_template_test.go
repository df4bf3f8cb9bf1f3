package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/store"
)

// bureauWorkbook writes the sheet a clerk of unit dept typed by hand in
// the bureau's template (testfiles.BureauTemplate), without our hidden data.
func bureauWorkbook(t *testing.T, dir, dept string) string {
	t.Helper()
	b, err := testfiles.SheetXLSX(testfiles.BureauRows(dept))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, dept+".xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportRecognisesStoredTemplate: with the bureau's template imported
// into the drafts file (template import, a real bbolt file), a workbook a
// clerk filled in that template by hand imports as a draft of it: the
// report names it, the draft keeps its columns and passes its check; the
// draft's template is the stored one, so merge accepts another unit's
// file of the same template; check --in with --db recognises it too.
// Without it in the drafts file, the same workbook is a 湖北 form and the
// bureau's parts are listed as not placed.
func TestImportRecognisesStoredTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	xlsx := bureauWorkbook(t, dir, "某市某局")

	// Not imported yet: the nearest built-in template.
	code, out, stderr := filesRun("import", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：湖北 部门整体支出绩效目标申报表\n") || !strings.Contains(out, "“单位职能”没有放入申报表") {
		t.Fatalf("import before the template: %d %s %s", code, out, stderr)
	}

	for _, v := range []int{1, 2} {
		if code, out, stderr := filesRun("template", "import", writeTemplate(t, testfiles.BureauTemplate(v)), "--db", db); code != 0 {
			t.Fatalf("template import: %d %s %s", code, out, stderr)
		}
	}
	code, out, stderr = filesRun("import", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版，本机导入的表样 xx-bureau）\n") || strings.Contains(out, "没有放入申报表") {
		t.Fatalf("import: %d %s %s", code, out, stderr)
	}
	id := lastLine(out)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.Load(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if f.Template != (model.TemplateRef{ID: "xx-bureau", Version: 2}) || !f.Options.Weight || !f.Options.Unit ||
		f.Basic["分管领导"] != "王五" || f.Duties == "" || len(f.Goals) != 1 || len(f.Indicators) != 3 || f.Indicators[0].Weight != "60" {
		t.Errorf("draft: %+v %+v %v %q %v %+v", f.Template, f.Options, f.Basic, f.Duties, f.Goals, f.Indicators)
	}
	code, out, _ = filesRun("check", "--draft", id, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版）") {
		t.Errorf("check of the imported draft (exit %d):\n%s", code, out)
	}
	code, out, _ = filesRun("check", "--in", xlsx, "--db", db)
	if code != 0 || !strings.Contains(out, "表样：某市 部门整体绩效目标表（第2版）") {
		t.Errorf("check --in --db (exit %d):\n%s", code, out)
	}

	// Another unit's file of the same template merges into the draft.
	other := bureauWorkbook(t, dir, "某市某局下属中心")
	code, out, stderr = filesRun("merge", "--db", db, "--into", id, other, "--yes")
	if code != 0 || strings.Contains(out+stderr, "表样不同") {
		t.Errorf("merge of a file of the same template: %d\n%s\n%s", code, out, stderr)
	}
}

// TestImportTemplatesLeaveDraftsFile: reading the drafts file's templates
// before the import does not create the file when the import fails.
func TestImportTemplatesLeaveDraftsFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	bad := filepath.Join(dir, "坏.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := filesRun("import", bad, "--db", db); code != 1 {
		t.Fatal("bad import succeeded")
	}
	if code, _, _ := filesRun("check", "--in", bad, "--db", db); code != 1 {
		t.Fatal("check of a bad file succeeded")
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("drafts file created: %v", err)
	}
}
