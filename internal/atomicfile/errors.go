package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"

	"jixiao/model"
)

// The kinds of failure a clerk meets. Every error of Write carries one of
// them in its cause chain (errors.Is), next to the os error itself.
var (
	// ErrIsDir: the path is a folder.
	ErrIsDir = errors.New("target is a directory")
	// ErrNoFolder: the folder the file would go in does not exist.
	ErrNoFolder = errors.New("folder does not exist")
	// ErrInUse: another program holds the file (Windows: a sharing or lock
	// violation, or access denied, on a file open in Excel or WPS).
	ErrInUse = errors.New("file is open in another program")
	// ErrReadOnly: the folder, the disk or the file may not be written.
	ErrReadOnly = errors.New("read-only")
	// ErrNoSpace: the disk (or the user's quota) is full.
	ErrNoSpace = errors.New("no space left")
	// ErrNoReader: a named pipe that no program reads.
	ErrNoReader = errors.New("pipe has no reader")
	// ErrNotFile: a block device, a socket or another thing that is not a
	// plain file and is not written to.
	ErrNotFile = errors.New("not a plain file")
	// ErrLinkLoop: symbolic links that lead round in a circle (or too far).
	ErrLinkLoop = errors.New("too many symbolic links")
)

// step is what Write was doing when the system refused.
type step int

const (
	stepLook   step = iota // following the path's links
	stepProbe              // opening the existing file for writing
	stepCreate             // making the temporary file in the folder
	stepWrite              // writing, syncing, closing
	stepRename             // putting the new file in place
	stepOpen               // opening a device or pipe
)

// Windows error numbers (winerror.h), named here so that the errors can be
// recognised, and injected in tests, on any system.
const (
	winAccessDenied     = 5
	winWriteProtect     = 19
	winSharingViolation = 32
	winLockViolation    = 33
	winHandleDiskFull   = 39
	winDiskFull         = 112
	winUserMappedFile   = 1224
)

// kindOf says which kind of failure err is, at step s on target t; nil
// when it is none of the known ones.
func kindOf(t Target, s step, err error) error {
	var en syscall.Errno
	if errors.As(err, &en) {
		if goos == "windows" {
			switch en {
			case winSharingViolation, winLockViolation, winUserMappedFile:
				return ErrInUse
			case winAccessDenied:
				if s == stepCreate {
					return ErrReadOnly // a folder we may not write in
				}
				return ErrInUse
			case winWriteProtect:
				return ErrReadOnly
			case winDiskFull, winHandleDiskFull:
				return ErrNoSpace
			}
		} else {
			switch en {
			case syscall.ENOSPC, syscall.EDQUOT:
				return ErrNoSpace
			case syscall.EROFS:
				return ErrReadOnly
			case syscall.ENXIO:
				if s == stepOpen && t.Info != nil && t.Info.Mode()&fs.ModeNamedPipe != 0 {
					return ErrNoReader
				}
			case syscall.ETXTBSY:
				return ErrInUse
			case syscall.ELOOP:
				return ErrLinkLoop
			case syscall.EISDIR:
				return ErrIsDir
			}
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist) && (s == stepCreate || s == stepLook):
		return ErrNoFolder
	case errors.Is(err, fs.ErrPermission):
		return ErrReadOnly
	}
	return nil
}

// classify turns the system's err at step s into the clerk's message.
func classify(t Target, s step, err error) error {
	kind := kindOf(t, s, err)
	cause := err
	if kind != nil {
		cause = fmt.Errorf("%w: %w", kind, err)
	}
	where := describe(t)
	kept := ""
	if t.Info != nil && t.Info.Mode().IsRegular() && !t.Direct {
		kept = "原来的文件没有改动。"
	}
	var en syscall.Errno
	errors.As(err, &en)
	switch kind {
	case ErrNoFolder:
		return model.Wrap(cause, model.ENOTFOUND, "无法写入%s：文件夹“%s”不存在，请换一个文件夹。", where, filepath.Dir(t.File))
	case ErrInUse:
		msg := fmt.Sprintf("%s正被其他程序打开（如 Excel 或 WPS），无法替换。请先在那个程序中关闭这个文件，再保存一次。%s", where, kept)
		if goos == "windows" && en == winAccessDenied {
			msg += "如果它并没有打开，可能是只读文件或没有权限，请换一个文件名或文件夹。"
		}
		return model.Wrap(cause, model.EIO, "%s", msg)
	case ErrReadOnly:
		if s == stepProbe {
			return model.Wrap(cause, model.EIO, "%s是只读文件（或没有权限修改），没有替换。请换一个文件名，或先去掉它的只读属性。", where)
		}
		return model.Wrap(cause, model.EIO, "无法写入%s：文件夹“%s”是只读的（或没有写入权限）。请换一个文件夹，如“文档”或桌面。%s", where, filepath.Dir(t.File), kept)
	case ErrNoSpace:
		if t.Info != nil && !t.Info.Mode().IsRegular() {
			return model.Wrap(cause, model.EIO, "磁盘空间不足，%s没有写完。请清理磁盘，或保存到另一个磁盘或 U 盘。", where)
		}
		return model.Wrap(cause, model.EIO, "磁盘空间不足，%s没有写入。%s请清理磁盘，或保存到另一个磁盘或 U 盘。", where, kept)
	case ErrNoReader:
		return model.Wrap(cause, model.EINVALID, "%s是一个命名管道，现在没有程序在读取它，没有写入。请先启动读取它的程序，或换一个普通的文件名。", where)
	case ErrLinkLoop:
		return loopErr(t)
	case ErrIsDir:
		return isDirErr(t)
	}
	return model.Wrap(cause, model.EIO, "无法写入%s（%v）。%s", where, err, kept)
}

func isDirErr(t Target) error {
	return model.Wrap(fmt.Errorf("write %s: %w", t.Path, ErrIsDir), model.EINVALID,
		"%s是一个文件夹，不能当作文件写入。请写上文件名，如“%s”。", describe(t), filepath.Join(t.Path, "申报表.xlsx"))
}

func loopErr(t Target) error {
	return model.Wrap(fmt.Errorf("write %s: %w", t.Path, ErrLinkLoop), model.EINVALID,
		"%s是一串循环的（或超过 %d 层的）符号链接，找不到要写入的文件。请换一个文件名。", describe(t), maxLinks)
}

func notFileErr(t Target) error {
	what := "特殊文件"
	switch m := t.Info.Mode(); {
	case m&fs.ModeDevice != 0:
		what = "磁盘等块设备"
	case m&fs.ModeSocket != 0:
		what = "套接字"
	}
	return model.Wrap(fmt.Errorf("write %s: %w", t.Path, ErrNotFile), model.EINVALID,
		"%s不是普通文件（是%s），没有写入，也没有替换它。请换一个文件名。", describe(t), what)
}
