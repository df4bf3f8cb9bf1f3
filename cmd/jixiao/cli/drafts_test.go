package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jixiao/model"
	"jixiao/store"
)

// draftsRun runs jixiao with args and returns the exit code and output.
func draftsRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &cli{stdout: &o, stderr: &e, stdin: strings.NewReader("")})
	return code, o.String(), e.String()
}

// tempDB is a drafts file path in a temp folder; when the test ends the
// file (if any) must pass store.CheckFile (our checks and bbolt's
// tx.Check).
func tempDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "drafts.db")
	t.Cleanup(func() {
		if _, err := os.Stat(db); err == nil {
			if err := store.CheckFile(db); err != nil {
				t.Errorf("drafts file after the test: %v", err)
			}
		}
	})
	return db
}

// lastLine is the last line of a command's output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := draftsRun(args...)
	if code != 0 {
		t.Fatalf("jixiao %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

func TestDraftCommands(t *testing.T) {
	db := tempDB(t)

	// sample: the id alone on the last line.
	out := mustRun(t, "sample", "--db", db)
	sampleID := lastLine(out)
	f, err := loadDraft(db, sampleID)
	if err != nil {
		t.Fatalf("loadDraft(%q): %v\n%s", sampleID, err, out)
	}
	if f.Dept != model.SampleDept || model.ComputeTotals(f).Total != model.ComputeTotals(model.Sample()).Total {
		t.Errorf("sample draft: %s %v", f.Dept, model.ComputeTotals(f).Total)
	}

	// new
	out = mustRun(t, "new", "--db", db, "--year", "２０２２", "--dept", " 郑州市财政局 ")
	newID := lastLine(out)
	g, err := loadDraft(db, newID)
	if err != nil {
		t.Fatal(err)
	}
	if g.Year != "2022" || g.Dept != "郑州市财政局" || len(g.Goals) != 0 {
		t.Errorf("new draft: %q %q", g.Year, g.Dept)
	}

	// carry: every replacement, then the id.
	out = mustRun(t, "carry", "--db", db, "--draft", sampleID, "--year", "2021")
	carryID := lastLine(out)
	c, err := loadDraft(db, carryID)
	if err != nil {
		t.Fatalf("carried draft %q: %v\n%s", carryID, err, out)
	}
	if c.Year != "2021" || c.Meta.OriginDraft != sampleID || c.Meta.PrevYear != "2020" {
		t.Errorf("carried draft: year %q origin %+v", c.Year, c.Meta)
	}
	_, reps, _ := model.CarryForward(model.Sample(), "2021", nil)
	var applied int
	for _, r := range reps {
		if r.Applied {
			applied++
		}
	}
	if applied == 0 {
		t.Fatal("the sample has no year to replace")
	}
	arrows := strings.Count(out, " → ") // one a replacement line
	if arrows != applied {
		t.Errorf("carry printed %d replacements, CarryForward made %d:\n%s", arrows, applied, out)
	}
	if !strings.Contains(out, "2020年") || !strings.Contains(out, "2021年") || !strings.Contains(out, "年度总体目标") {
		t.Errorf("carry output lacks the replaced texts and places:\n%s", out)
	}

	// list: one line a draft, id first, then year and dept; newest first.
	out = mustRun(t, "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("list:\n%s", out)
	}
	for i, want := range [][]string{{carryID, "2021", model.SampleDept}, {newID, "2022", "郑州市财政局"}, {sampleID, "2020", model.SampleDept}} {
		fields := strings.Fields(lines[i])
		if len(fields) < 3 || fields[0] != want[0] || fields[1] != want[1] || fields[2] != want[2] {
			t.Errorf("list line %d = %q, want %v first", i, lines[i], want)
		}
	}

	// delete → 回收站 → restore --draft
	out = mustRun(t, "delete", "--db", db, "--draft", newID)
	if !strings.Contains(out, "回收站") {
		t.Errorf("delete: %s", out)
	}
	if out = mustRun(t, "list", "--db", db); strings.Contains(out, newID+" ") {
		t.Errorf("deleted draft still listed:\n%s", out)
	}
	if out = mustRun(t, "list", "--trash", "--db", db); !strings.HasPrefix(out, newID+" ") {
		t.Errorf("list --trash:\n%s", out)
	}
	mustRun(t, "restore", "--draft", newID, "--db", db)
	if out = mustRun(t, "list", "--db", db); !strings.Contains(out, newID+" ") {
		t.Errorf("restored draft not listed:\n%s", out)
	}
}

func TestDraftCommandErrors(t *testing.T) {
	db := tempDB(t)
	id := lastLine(mustRun(t, "sample", "--db", db))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new", "--db", db, "--dept", "x"}, 2, "--year"},
		{[]string{"new", "--db", db, "--year", "明年", "--dept", "x"}, 2, "不是有效的年份"},
		{[]string{"new", "--db", db, "--year", "2021"}, 2, "--dept"},
		{[]string{"carry", "--db", db, "--draft", "d99", "--year", "2021"}, 1, "没有编号为 d99 的草稿，请用 jixiao list 查看"},
		{[]string{"carry", "--db", db, "--draft", id, "--year", "20x1"}, 1, "不是有效的年份"},
		{[]string{"carry", "--db", db, "--year", "2021"}, 2, "--draft"},
		{[]string{"delete", "--db", db, "--draft", "d42"}, 1, "没有编号为 d42 的草稿"},
		{[]string{"delete", "--db", db}, 2, "--draft"},
		{[]string{"restore", "--db", db}, 2, "--list"},
		{[]string{"restore", "--db", db, "--list", "x.db"}, 2, "选择一个"},
		{[]string{"restore", "--db", db, "--draft", id}, 1, "不在回收站"},
		{[]string{"restore", "--db", db, "nosuch.db"}, 1, "找不到备份文件"},
		{[]string{"list", "--db", db, "--bogus"}, 2, "不认识的选项"},
	}
	for _, tt := range tests {
		code, out, errOut := draftsRun(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("jixiao %s: exit %d, stderr %q (stdout %q); want exit %d with %q", strings.Join(tt.args, " "), code, errOut, out, tt.code, tt.want)
		}
	}
	_, err := loadDraft(db, "d99")
	var ue *userError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "没有编号为 d99 的草稿，请用 jixiao list 查看") {
		t.Errorf("loadDraft(d99) = %v", err)
	}
}

func TestDraftCommandsUseJIXIAO_DB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("JIXIAO_DB", db)
	id := lastLine(mustRun(t, "sample"))
	if out := mustRun(t, "list"); !strings.HasPrefix(out, id+" ") {
		t.Errorf("list: %s", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("JIXIAO_DB file: %v", err)
	}
}

func TestDraftCommandsFileInUse(t *testing.T) {
	db := tempDB(t)
	mustRun(t, "sample", "--db", db)
	mustRun(t, "list", "--db", db) // makes a backup
	bs, _ := store.Backups(db)
	if len(bs) == 0 {
		t.Fatal("no backup")
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, _ := st.Create(model.Sample())
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{{"list"}, {"sample"}, {"delete", "--draft", id}, {"restore", "--draft", id}, {"restore", bs[0].Path}} {
		start := time.Now()
		code, _, errOut := draftsRun(append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, "数据文件正被另一个 jixiao 窗口使用") {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%v took %v", args, d)
		}
	}
	if _, err := loadDraft(db, id); err == nil || !strings.Contains(err.Error(), "正被另一个") {
		t.Errorf("loadDraft while in use: %v", err)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("the file changed")
	}
}

func TestRestoreCommandsAfterDamage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	id := lastLine(mustRun(t, "sample", "--db", db))
	mustRun(t, "list", "--db", db) // opening an existing file makes a backup

	out := mustRun(t, "restore", "--list", "--db", db)
	if !strings.Contains(out, filepath.Join(dir, "backups", "drafts-")) {
		t.Fatalf("restore --list:\n%s", out)
	}

	// Damage the file: 20 KB of text.
	bad := bytes.Repeat([]byte("损坏的数据"), 1400)
	if err := os.WriteFile(db, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := draftsRun("list", "--db", db)
	if code != 1 || !strings.Contains(errOut, "已损坏") || !strings.Contains(errOut, "jixiao restore --list") || !strings.Contains(errOut, "保持原样") {
		t.Fatalf("list on a damaged file: exit %d\n%s", code, errOut)
	}
	if _, err := loadDraft(db, id); err == nil || !strings.Contains(err.Error(), "已损坏") {
		t.Errorf("loadDraft on a damaged file: %v", err)
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, bad) {
		t.Fatal("the damaged file was changed")
	}

	bs, _ := store.Backups(db)
	if len(bs) == 0 {
		t.Fatal("no backup")
	}
	out = mustRun(t, "restore", bs[0].Path, "--db", db)
	if !strings.Contains(out, "已用备份") {
		t.Errorf("restore: %s", out)
	}
	if out := mustRun(t, "list", "--db", db); !strings.HasPrefix(out, id+" ") {
		t.Errorf("list after restore:\n%s", out)
	}
	// The damaged file is kept as a backup, shown as such.
	out = mustRun(t, "restore", "--list", "--db", db)
	if !strings.Contains(out, "恢复备份前的数据文件") || !strings.Contains(out, "已损坏") {
		t.Errorf("restore --list after restore:\n%s", out)
	}
}
