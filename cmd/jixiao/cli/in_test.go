package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao/model"
)

// Every command that reads a file takes it as --in FILE, as check and
// export do; the plain-argument form stays. The same file by --in and as
// an argument is one file too many where only one is read.
func TestInNamesTheFileEverywhere(t *testing.T) {
	dir := t.TempDir()
	db := tempDB(t)
	xlsx := filepath.Join(dir, "表.xlsx")
	mustRun(t, "export", "--sample", "--xlsx", xlsx, "--db", db)
	tpl := filepath.Join("testdata", "templates", "county-from-docs.json")

	// import --in makes a draft with the sample's total
	id := lastLine(mustRun(t, "import", "--in", xlsx, "--db", db))
	f, err := loadDraft(db, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := model.ComputeTotals(f).Total, model.ComputeTotals(model.Sample()).Total; got != want {
		t.Errorf("import --in: total %v, want %v", got, want)
	}
	// merge --into ID --in FILE reads it (the same units: it asks first,
	// exit 1, and names each unit of the file)
	code, out, errOut := draftsRun("merge", "--into", id, "--in", xlsx, "--db", db)
	if code != 1 || !strings.Contains(out+errOut, "表.xlsx：单位“郑州市环境监察支队”草稿中已有") {
		t.Errorf("merge --in: exit %d\n%s%s", code, out, errOut)
	}
	// template check --in and template import --in
	out = mustRun(t, "template", "check", "--in", tpl)
	if !strings.Contains(out, "没有发现问题") {
		t.Errorf("template check --in:\n%s", out)
	}
	out = mustRun(t, "template", "import", "--in", tpl, "--db", db)
	if !strings.Contains(out, "county-czj") {
		t.Errorf("template import --in:\n%s", out)
	}
	// restore --in BACKUP replaces the drafts file
	bak := filepath.Join(dir, "备份.db")
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bak, data, 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "restore", "--in", bak, "--db", db)

	// one file too many, and the flag package's "-in" said as "--in"
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"import", "--in", xlsx, xlsx, "--db", db}, "一次只能导入一个文件"},
		{[]string{"template", "check", "--in", tpl, tpl}, "请给出一个表样文件"},
		{[]string{"template", "show", "--in", tpl, "--db", db}, "不认识的选项 --in"},
		{[]string{"import", "--db", db, "--in"}, "选项 --in 后面需要一个值"},
	} {
		code, _, errOut := draftsRun(tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tt.args, code, errOut, tt.msg)
		}
	}
}
