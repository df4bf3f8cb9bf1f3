//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// openDirect opens the device, pipe or /proc handle of t for writing. A
// pipe is opened without waiting: when no program reads it, the system
// says so at once (ENXIO) instead of blocking forever; once open it is put
// back into blocking mode. A plain file reached through /proc is appended
// to, which is what both "> file" (already emptied by the shell) and
// ">> file" ask for.
func openDirect(t Target) (*os.File, error) {
	flag := os.O_WRONLY
	pipe := t.Info.Mode()&fs.ModeNamedPipe != 0
	if pipe {
		flag |= syscall.O_NONBLOCK
	}
	if t.Info.Mode().IsRegular() {
		flag |= os.O_APPEND
	}
	f, err := os.OpenFile(t.File, flag, 0)
	if err != nil {
		return nil, err
	}
	if pipe {
		if err := syscall.SetNonblock(int(f.Fd()), false); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// keepOwner gives the new file at name the owner and group of the file it
// replaces, where the system lets us (root, or the same owner); otherwise
// the new file is ours, as with any program that saves by renaming.
func keepOwner(name string, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid() {
		return
	}
	_ = os.Chown(name, int(st.Uid), int(st.Gid))
}
