// Command jixiao is 绩效目标申报: with no arguments (or only --db PATH, or
// `gui`) it opens the window; with a subcommand it runs the command line
// (package cli).
package main

import (
	"os"
	"strings"

	"jixiao/cmd/jixiao/cli"
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 0 || strings.HasPrefix(args[0], "-db") || strings.HasPrefix(args[0], "--db"):
		os.Exit(runGUI(args))
	case args[0] == "gui":
		os.Exit(runGUI(args[1:]))
	}
	os.Exit(cli.Run(args))
}
