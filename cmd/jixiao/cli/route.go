package cli

import "strings"

// Route decides what the program's arguments ask for: the window (gui
// true, with the arguments for GUIArgs) or a subcommand (the arguments for
// Run, the subcommand first). A --db PATH (or --db=PATH) given before the
// subcommand applies to it, as after it: `jixiao --db X template list` is
// `jixiao template list --db X` (moved to the end, where every command,
// its own subcommands included, takes options); `jixiao --db X` alone and `jixiao --db X gui` open
// the window on X.
func Route(args []string) (gui bool, rest []string) {
	if len(args) == 0 {
		return true, nil
	}
	if args[0] == "gui" {
		return true, args[1:]
	}
	n := leadingDB(args)
	if n == 0 {
		return false, args
	}
	db, after := args[:n], args[n:]
	switch {
	case len(after) == 0:
		return true, db
	case after[0] == "gui":
		return true, append(append([]string(nil), db...), after[1:]...)
	}
	return false, append(append([]string(nil), after...), db...)
}

// leadingDB is how many of args' first items are a --db option: 2 for
// “--db PATH”, 1 for “--db=PATH” (or a --db without its value, which the
// command's own parsing then refuses), 0 when args do not start with one.
func leadingDB(args []string) int {
	a := args[0]
	for _, p := range []string{"--db", "-db"} {
		switch {
		case a == p && len(args) > 1:
			return 2
		case a == p || strings.HasPrefix(a, p+"="):
			return 1
		}
	}
	return 0
}
