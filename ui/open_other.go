//go:build !windows

package ui

import "errors"

// shellExecute exists on Windows only (open_windows.go).
func shellExecute(string) error {
	return errors.New("ShellExecute is only on Windows")
}
