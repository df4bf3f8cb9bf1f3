// Command jixiao is 绩效目标申报: with no arguments (or only --db PATH, or
// `gui`) it opens the window; with a subcommand it runs the command line
// (package cli). A --db PATH before the subcommand applies to it.
package main

import (
	"os"

	"jixiao/cmd/jixiao/cli"
)

func main() {
	gui, args := cli.Route(os.Args[1:])
	if gui {
		os.Exit(runGUI(args))
	}
	os.Exit(cli.Run(args))
}
