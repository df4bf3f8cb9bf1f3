package ui

import (
	"os/exec"
	"path/filepath"
	"runtime"
)

// openCommand is the system command that opens path with its usual
// program (a file) or the file manager (a folder). It never goes online.
func openCommand(path string) *exec.Cmd {
	switch runtime.GOOS {
	case "windows":
		// start's first quoted argument is the window title.
		return exec.Command("cmd", "/c", "start", "", path)
	case "darwin":
		return exec.Command("open", path)
	}
	return exec.Command("xdg-open", path)
}

// openFolderCommand opens the folder holding path.
func openFolderCommand(path string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		return exec.Command("explorer", "/select,", path)
	}
	return openCommand(filepath.Dir(path))
}

// startOpen runs cmd without waiting for the program it opens; the error
// says in Chinese that no program could be started.
func startOpen(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
