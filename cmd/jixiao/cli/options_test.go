package cli

import (
	"strings"
	"testing"
)

// TestRepeatedOptionIsUsageError: an option given twice, anywhere on the
// command line, is refused with exit 2 and names the option and both
// values, for every command of the table; before, the second value
// silently replaced the first (check --in a --in b checked only b).
func TestRepeatedOptionIsUsageError(t *testing.T) {
	db := tempDB(t)
	db2 := db + ".other"
	type tc struct {
		args []string
		opt  string
	}
	cases := map[string]tc{}
	for _, c := range commands {
		// Every command takes --db: given twice it is refused before the
		// drafts file is opened.
		args := []string{c.name, "--db", db, "--db", db2}
		if c.name == "template" {
			args = []string{"template", "list", "--db", db, "--db", db2}
		}
		cases[c.name+" --db twice"] = tc{args, "--db"}
	}
	for name, c := range map[string]tc{
		"export --in twice":           {[]string{"export", "--in", "a.json", "--xlsx", "o.xlsx", "--in", "b.json"}, "--in"},
		"export --xlsx twice, = form": {[]string{"export", "--sample", "--xlsx=a.xlsx", "--xlsx", "b.xlsx"}, "--xlsx"},
		"new --year after positional": {[]string{"new", "--year", "2021", "--dept", "局", "x", "--year", "2022"}, "--year"},
		"merge --yes twice":           {[]string{"merge", "--into", "X", "a.json", "--yes", "b.json", "--yes"}, "--yes"},
		"stage --month twice":         {[]string{"stage", "--draft", "X", "监控", "--month", "6", "--month", "7"}, "--month"},
		"carry --draft twice":         {[]string{"carry", "--draft", "A", "--year", "2021", "--draft", "B"}, "--draft"},
		"library --source twice":      {[]string{"library", "--source", "a", "--source", "b"}, "--source"},
		"template migrate --to twice": {[]string{"template", "migrate", "--draft", "X", "--to", "1", "--to", "2"}, "--to"},
		"check --draft twice":         {[]string{"check", "--draft", "A", "--draft", "B"}, "--draft"},
	} {
		cases[name] = c
	}
	for name, c := range cases {
		code, out, stderr := checkRun(c.args...)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2; stdout %q stderr %q", name, code, out, stderr)
			continue
		}
		if !strings.Contains(stderr, "选项 "+c.opt+" 给了两次") || !strings.Contains(stderr, "只能给一次") || !strings.Contains(stderr, "用法：jixiao "+c.args[0]) {
			t.Errorf("%s: stderr %q, want it to name %s given twice and the usage", name, stderr, c.opt)
		}
		if out != "" {
			t.Errorf("%s: stdout %q", name, out)
		}
	}
	// The refusal names both values, so the clerk sees which was meant.
	_, _, stderr := checkRun("export", "--sample", "--xlsx", "甲.xlsx", "--xlsx", "乙.xlsx")
	if !strings.Contains(stderr, "选项 --xlsx 给了两次（“甲.xlsx”和“乙.xlsx”），只能给一次") {
		t.Errorf("stderr %q", stderr)
	}
	// The window's --db too.
	if _, err := GUIArgs([]string{"--db", "a.db", "--db=b.db"}); err == nil || !strings.Contains(err.Error(), "选项 --db 给了两次") {
		t.Errorf("GUIArgs: %v", err)
	}
}

// A listFlag keeps every value in order; other options still once only.
func TestListFlagKeepsEveryValue(t *testing.T) {
	fs := flags("t")
	var in listFlag
	fs.Var(&in, "in", "")
	db := fs.String("db", "", "")
	pos, err := parse(fs, []string{"--in", "a", "p", "--in=b", "--db", "x", "--in", "c"})
	if err != nil || strings.Join(in, "|") != "a|b|c" || *db != "x" || strings.Join(pos, "|") != "p" {
		t.Fatalf("in %q db %q pos %q err %v", in, *db, pos, err)
	}
	// A switch given once still works without a value.
	fs = flags("t")
	yes := fs.Bool("yes", false, "")
	if _, err := parse(fs, []string{"--yes"}); err != nil || !*yes {
		t.Fatalf("--yes: %v %v", *yes, err)
	}
}
