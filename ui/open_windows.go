package ui

import "golang.org/x/sys/windows"

// shellExecute opens path as Explorer's double-click would: the path is
// one argument of ShellExecuteW, never parsed by cmd.exe.
func shellExecute(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
}
