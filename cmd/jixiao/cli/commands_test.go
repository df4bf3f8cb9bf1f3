package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestCommandTable: names are unique, each command has its usage line in
// Chinese, and `jixiao help` lists every one, in the table's order.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	var out bytes.Buffer
	if code := run([]string{"help"}, &cli{stdout: &out, stderr: &out, stdin: strings.NewReader("")}); code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	help := out.String()
	last := -1
	for _, c := range commands {
		if seen[c.name] {
			t.Errorf("command %q twice in the table", c.name)
		}
		seen[c.name] = true
		if c.run == nil || c.summary == "" || !relHasHan(c.summary) {
			t.Errorf("command %q: run or Chinese summary missing", c.name)
		}
		i := strings.Index(help, "  jixiao "+c.name+" ")
		if i < 0 {
			t.Errorf("help does not list %q:\n%s", c.name, help)
			continue
		}
		if i < last {
			t.Errorf("help lists %q out of the table's order", c.name)
		}
		last = i
		if lookup(c.name) != c {
			t.Errorf("lookup(%q) does not find it", c.name)
		}
	}
	if lookup("gui") != nil || lookup("help") != nil {
		t.Error("gui and help are not table commands (main and run handle them)")
	}
}

func TestGUIArgs(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		db, err string
	}{
		{nil, "", ""},
		{[]string{"--db", "/x/d.db"}, "/x/d.db", ""},
		{[]string{"-db=/y.db"}, "/y.db", ""},
		{[]string{"--bogus"}, "", "不认识的选项"},
		{[]string{"extra"}, "", "不认识的参数"},
	} {
		db, err := GUIArgs(tc.args)
		if tc.err == "" && (err != nil || db != tc.db) || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "用法：jixiao")) {
			t.Errorf("GUIArgs(%q) = %q, %v; want %q, %q", tc.args, db, err, tc.db, tc.err)
		}
	}
}
