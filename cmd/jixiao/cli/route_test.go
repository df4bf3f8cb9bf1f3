package cli

import (
	"slices"
	"strings"
	"testing"
)

func TestRoute(t *testing.T) {
	for _, c := range []struct {
		args []string
		gui  bool
		want []string
	}{
		{nil, true, nil},
		{[]string{"gui"}, true, []string{}},
		{[]string{"gui", "--db", "x.db"}, true, []string{"--db", "x.db"}},
		{[]string{"--db", "x.db"}, true, []string{"--db", "x.db"}},
		{[]string{"--db=x.db"}, true, []string{"--db=x.db"}},
		{[]string{"-db", "x.db", "gui"}, true, []string{"-db", "x.db"}},
		{[]string{"list", "--db", "x.db"}, false, []string{"list", "--db", "x.db"}},
		{[]string{"--db", "x.db", "list"}, false, []string{"list", "--db", "x.db"}},
		{[]string{"--db=x.db", "check", "--draft", "d1"}, false, []string{"check", "--draft", "d1", "--db=x.db"}},
		{[]string{"--db", "x.db", "template", "list"}, false, []string{"template", "list", "--db", "x.db"}},
		{[]string{"--db"}, true, []string{"--db"}},
	} {
		gui, got := Route(c.args)
		if gui != c.gui || !slices.Equal(got, c.want) {
			t.Errorf("Route(%q) = %v %q, want %v %q", c.args, gui, got, c.gui, c.want)
		}
	}
}

// `jixiao --db X list` lists the drafts of X, as `jixiao list --db X` does;
// so do the commands with subcommands of their own.
func TestDBBeforeTheSubcommand(t *testing.T) {
	db := tempDB(t)
	id := strings.TrimSpace(lastLine(mustRun(t, "sample", "--db", db)))
	for _, args := range [][]string{
		{"--db", db, "list"},
		{"--db=" + db, "check", "--draft", id},
		{"--db", db, "template", "list"},
	} {
		_, rest := Route(args)
		code, out, errOut := checkRun(rest...)
		if code == 2 || strings.Contains(errOut, "不认识") {
			t.Errorf("jixiao %s: exit %d %s", strings.Join(args, " "), code, errOut)
		}
		if args[2] == "list" && !strings.Contains(out, id) {
			t.Errorf("jixiao %s does not list draft %s:\n%s", strings.Join(args, " "), id, out)
		}
	}
}
