package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"jixiao/internal/atomicfile"
	"jixiao/model"
	"jixiao/model/library"
)

// LibraryDir is the folder beside the drafts file that keeps the library
// files the clerk imported (指标库), one file per library.
func LibraryDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "指标库")
}

// readLibrary reads at most library.MaxFileSize+1 bytes of path, so a
// huge file is refused without being read whole.
func readLibrary(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileErr(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, model.Errorf(model.EINVALID, "“%s”是文件夹，请选择指标库文件（.json）。", filepath.Base(path))
	}
	data, err := io.ReadAll(io.LimitReader(f, library.MaxFileSize+1))
	if err != nil {
		return nil, model.Errorf(model.EIO, "读取“%s”时出错：%w", filepath.Base(path), err)
	}
	return data, nil
}

func fileErr(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.Wrap(err, model.ENOTFOUND, "找不到文件“%s”。", path)
	case errors.Is(err, fs.ErrPermission):
		return model.Wrap(err, model.EIO, "没有权限读取“%s”。", path)
	}
	return model.Errorf(model.EIO, "打不开“%s”：%w", path, err)
}

// ImportLibrary checks the library file at src and, when it is good, keeps
// a copy in LibraryDir(dbPath) named after the library, replacing an
// earlier import of the same name. A refused file leaves nothing behind;
// the error says why in plain Chinese.
func ImportLibrary(dbPath, src string) (library.File, error) {
	data, err := readLibrary(src)
	if err != nil {
		return library.File{}, err
	}
	lf, err := library.ParseFile(data, filepath.Base(src))
	if err != nil {
		return library.File{}, fmt.Errorf("“%s”没有导入：%w", filepath.Base(src), err)
	}
	dir := LibraryDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return library.File{}, model.Errorf(model.EIO, "无法建立指标库文件夹“%s”：%w", dir, err)
	}
	dst := filepath.Join(dir, libraryFileName(lf.Name))
	// Through the one writer of every file jixiao writes: a temporary
	// file beside it, renamed over an earlier import of the same name.
	if err := atomicfile.WriteFile(dst, data, 0o600); err != nil {
		return library.File{}, model.Errorf(model.ErrorCode(err), "保存指标库“%s”时出错：%w", lf.Name, err)
	}
	return lf, nil
}

// libraryFileName is a safe file name for a library's name: characters
// that Windows or Linux do not allow become _.
func libraryFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, ". ")
	if name == "" {
		name = "指标库"
	}
	return name + ".json"
}

// LibraryProblem is an imported library file that can no longer be read.
type LibraryProblem struct {
	File string // its path
	Err  error  // why, in plain Chinese
}

// Libraries reads every library file kept in LibraryDir(dbPath), in name
// order. A file that cannot be read (changed by hand, damaged) is reported
// in problems and the others are still returned. A missing folder means
// no imported libraries.
func Libraries(dbPath string) (entries []library.Entry, problems []LibraryProblem) {
	dir := LibraryDir(dbPath)
	des, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problems = append(problems, LibraryProblem{File: dir, Err: model.Errorf(model.EIO, "无法读取指标库文件夹：%w", err)})
		}
		return nil, problems
	}
	seen := map[string]bool{}
	for _, de := range des {
		if de.IsDir() || !strings.EqualFold(filepath.Ext(de.Name()), ".json") || strings.HasPrefix(de.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, de.Name())
		data, err := readLibrary(path)
		if err == nil {
			var lf library.File
			lf, err = library.ParseFile(data, de.Name())
			if err == nil && seen[lf.Name] {
				err = model.Errorf(model.ECONFLICT, "与另一个指标库同名（%s）", lf.Name)
			}
			if err == nil {
				seen[lf.Name] = true
				entries = append(entries, lf.Entries...)
				continue
			}
		}
		problems = append(problems, LibraryProblem{File: path, Err: err})
	}
	slices.SortStableFunc(problems, func(a, b LibraryProblem) int { return strings.Compare(a.File, b.File) })
	return entries, problems
}

// FullLibrary is the library the picker and `jixiao library` search:
// 我的指标 from the drafts of st (none when st is nil), the built-in
// library, then the library files imported beside the drafts file dbPath.
// problems are imported files that could not be read; skipped counts
// drafts that could not be read for 我的指标.
func FullLibrary(st *Store, dbPath string) (entries []library.Entry, problems []LibraryProblem, skipped int, err error) {
	var mine []library.Entry
	if st != nil {
		used, n, err := st.UsedIndicators()
		if err != nil {
			return nil, nil, 0, err
		}
		skipped = n
		mine = library.MyIndicators(used)
	}
	lib := library.Builtin()
	if dbPath != "" {
		var extra []library.Entry
		extra, problems = Libraries(dbPath)
		lib = append(lib, extra...)
	}
	return library.WithMine(lib, mine), problems, skipped, nil
}
