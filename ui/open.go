package ui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Opening an exported file or its folder never goes through a shell: the
// path is handed to the system as one argument, so no character of a file
// name (which comes from the form's 部门名称) can run a command. Windows
// gets ShellExecuteW (open_windows.go), the others run their opener
// program with exec, the path as its own argument.

// openAction is how a path is opened on one system: ShellExecute on
// Windows, else the program argv[0] with the arguments argv[1:].
type openAction struct {
	shellExecute bool     // Windows: ShellExecuteW(verb "open", path)
	path         string   // the absolute path opened
	argv         []string // the others: the opener program and its arguments
}

// openActionFor returns how goos opens path (a file with its usual
// program, a folder with the file manager).
func openActionFor(goos, path string) openAction {
	switch goos {
	case "windows":
		return openAction{shellExecute: true, path: path}
	case "darwin":
		return openAction{path: path, argv: []string{"open", path}}
	}
	// An absolute path never starts with "-", so xdg-open cannot take it
	// for an option.
	return openAction{path: path, argv: []string{"xdg-open", path}}
}

// openPath opens path with its usual program (a file) or the file
// manager (a folder), without waiting for that program.
func openPath(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	wait, err := launch(openActionFor(runtime.GOOS, abs))
	if err != nil {
		return err
	}
	go func() { _ = wait() }()
	return nil
}

// openFolder opens the folder holding path in the file manager.
func openFolder(path string) error {
	return openPath(filepath.Dir(path))
}

// launch starts a; wait waits for the started program to end (at once
// for ShellExecute, which does not wait).
func launch(a openAction) (wait func() error, err error) {
	if a.shellExecute {
		return func() error { return nil }, shellExecute(a.path)
	}
	if len(a.argv) == 0 {
		return nil, errors.New("no program to open the file with")
	}
	cmd := exec.Command(a.argv[0], a.argv[1:]...)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd.Wait, nil
}
