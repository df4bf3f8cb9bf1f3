// Command bigform writes a generated form (model.Generate) as the JSON
// exchange file, so that the command line (jixiao export --in FILE) can be
// measured on a 5,000-task form.
//
//	go run ./scripts/bench/bigform -tasks 5000 -o big.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"jixiao/export"
	"jixiao/model"
)

func main() {
	n := flag.Int("tasks", 5000, "number of task rows")
	out := flag.String("o", "big.json", "output file")
	flag.Parse()
	if err := write(*out, model.Generate(*n)); err != nil {
		fmt.Fprintln(os.Stderr, "bigform:", err)
		os.Exit(1)
	}
}

func write(path string, f *model.Form) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	if err := export.WriteJSON(w, f); err != nil {
		fh.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}
