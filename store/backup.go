package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/internal/atomicfile"
	"jixiao/model"
)

// KeepBackups is how many backups Open keeps in the backups folder.
const KeepBackups = 10

const (
	backupStamp     = "20060102-150405"
	preRestoreMark  = "prerestore"
	preRestoreNote  = "恢复备份前的数据文件"
	backupDirectory = "backups"
)

// Backup is one copy of the drafts file in the backups folder beside it.
type Backup struct {
	Path string
	Time time.Time
	Size int64
	Note string // "" for the copy made when the program started; else what it is

	mod time.Time // orders backups made within one second
}

// BackupDir is the folder that holds the backups of the drafts file at
// dbPath.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), backupDirectory)
}

// backupName is e.g. drafts-20261128-150405.db (mark "" ) or
// drafts-20261128-150405-prerestore.db.
func backupName(dbPath string, t time.Time, mark string) string {
	base := filepath.Base(dbPath)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	name := stem + "-" + t.Format(backupStamp)
	if mark != "" {
		name += "-" + mark
	}
	return name + ext
}

// Backups lists the backups of the drafts file at dbPath, newest first.
// There are none when the folder does not exist.
func Backups(dbPath string) ([]Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, model.Errorf(model.EIO, "无法读取备份文件夹 %s（%w）。", dir, err)
	}
	base := filepath.Base(dbPath)
	ext := filepath.Ext(base)
	prefix := strings.TrimSuffix(base, ext) + "-"
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ext) {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ext)
		if len(rest) < len(backupStamp) {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], time.Local)
		if err != nil {
			continue
		}
		b := Backup{Path: filepath.Join(dir, name), Time: t}
		switch tail := rest[len(backupStamp):]; {
		case tail == "":
		case strings.HasPrefix(tail, "-"+preRestoreMark):
			b.Note = preRestoreNote
		case isCounter(tail):
		default:
			continue
		}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
			b.mod = info.ModTime()
		}
		out = append(out, b)
	}
	slices.SortStableFunc(out, func(a, b Backup) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		if c := b.mod.Compare(a.mod); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return out, nil
}

// isCounter reports whether s is "-2", "-3", … (two backups in one second).
func isCounter(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// freeName returns a path in dir for name that does not exist yet.
func freeName(dir, name string) string {
	p := filepath.Join(dir, name)
	ext := filepath.Ext(name)
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext))
	}
}

// backup writes a consistent copy of the open file into the backups folder
// (through a temporary name, synced, then renamed) and keeps the newest
// KeepBackups. It returns the new backup's path.
func (s *Store) backup() (string, error) {
	db := s.dbp.Load()
	if db == nil {
		return "", ErrClosed
	}
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", model.Errorf(model.EIO, "无法创建备份文件夹 %s（%w）。请检查权限或磁盘空间。", dir, err)
	}
	// When the newest backup already holds exactly this content (the file
	// was opened again without a change in between, as a few commands in a
	// row do), no new one is made: otherwise ten runs of jixiao list would
	// push every older backup out.
	if bs, _ := Backups(s.path); len(bs) > 0 {
		for _, b := range bs {
			if b.Note != "" {
				continue
			}
			same := false
			_ = db.View(func(tx *bolt.Tx) error {
				same = sameAsBackup(tx, b.Path)
				return nil
			})
			if same {
				return b.Path, nil
			}
			break
		}
	}
	final := freeName(dir, backupName(s.path, s.clock(), ""))
	tmp := final + ".tmp"
	err := db.View(func(tx *bolt.Tx) error {
		f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		if _, err := tx.WriteTo(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
	if err == nil {
		err = os.Rename(tmp, final)
	}
	if err != nil {
		os.Remove(tmp)
		return "", model.Errorf(model.EIO, "无法写入备份 %s（%w）。请检查磁盘空间。", final, err)
	}
	syncDir(dir)
	rotate(s.path)
	return final, nil
}

// sameAsBackup reports whether the backup at path is byte for byte what
// tx.WriteTo would write now. The size and the transaction id in the
// backup's meta page are compared first, so that the hashing is only done
// when the backup is very likely the same.
func sameAsBackup(tx *bolt.Tx, path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() != tx.Size() {
		return false
	}
	head := make([]byte, pageHeader+metaSize)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	if m := parseMeta(head); !m.ok || m.txid != uint64(tx.ID()) {
		return false
	}
	h1, h2 := sha256.New(), sha256.New()
	if _, err := tx.WriteTo(h1); err != nil {
		return false
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	if _, err := io.Copy(h2, f); err != nil {
		return false
	}
	return bytes.Equal(h1.Sum(nil), h2.Sum(nil))
}

// rotate removes the startup backups beyond the newest KeepBackups, and
// the copies made before a restore beyond the newest KeepBackups.
func rotate(dbPath string) {
	// Temporary files of a backup that was interrupted (the program was
	// killed halfway) are removed.
	if tmps, _ := filepath.Glob(filepath.Join(BackupDir(dbPath), "*.tmp")); len(tmps) > 0 {
		for _, t := range tmps {
			if st, err := os.Stat(t); err == nil && time.Since(st.ModTime()) > time.Minute {
				os.Remove(t)
			}
		}
	}
	bs, err := Backups(dbPath)
	if err != nil {
		return
	}
	count := map[string]int{}
	for _, b := range bs {
		count[b.Note]++
		if count[b.Note] > KeepBackups {
			os.Remove(b.Path)
		}
	}
}

// RestoreBackup replaces the drafts file at dbPath by the backup at
// backupPath (a path, or a name in the backups folder). The current file
// is first copied into the backups folder (as …-prerestore), so the
// restore can be undone. It refuses while another jixiao has the file open
// (ErrInUse) and when the backup itself is damaged (*DamagedError).
func RestoreBackup(dbPath, backupPath string) error {
	if _, err := os.Stat(backupPath); errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(backupPath, `/\`) {
		backupPath = filepath.Join(BackupDir(dbPath), backupPath)
	}
	if _, err := os.Stat(backupPath); err != nil {
		return model.Errorf(model.ENOTFOUND, "找不到备份文件 %s（%w）。请用 jixiao restore --list 查看备份。", backupPath, err)
	}
	if same(dbPath, backupPath) {
		return model.Errorf(model.EINVALID, "%s 就是数据文件本身，不是备份。请用 jixiao restore --list 查看备份。", backupPath)
	}
	if err := CheckFile(backupPath); err != nil {
		var de *DamagedError
		if errors.As(err, &de) {
			return model.Wrap(err, model.EDAMAGED, "备份文件 %s 也已损坏（%s），不能用来恢复。请选择另一个备份。", backupPath, de.Reason)
		}
		return err
	}
	if err := checkIsDrafts(backupPath); err != nil {
		return err
	}

	if err := refuseNewerDrafts(dbPath); err != nil {
		return err
	}
	var cur *os.File
	if f, err := os.Open(dbPath); err == nil {
		cur = f
		defer func() {
			if cur != nil {
				unlock(cur)
				cur.Close()
			}
		}()
		if err := lockExclusive(cur, lockTimeout); err != nil {
			if errors.Is(err, errLocked) {
				return ErrInUse
			}
			return model.Errorf(model.EIO, "无法锁定数据文件 %s（%w）。", dbPath, err)
		}
		dir := BackupDir(dbPath)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return model.Errorf(model.EIO, "无法创建备份文件夹 %s（%w）。", dir, err)
		}
		keep := freeName(dir, backupName(dbPath, time.Now(), preRestoreMark))
		if err := copyFile(keep, cur); err != nil {
			return model.Errorf(model.EIO, "无法先保存当前的数据文件（%w），没有恢复。请检查磁盘空间。", err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return model.Errorf(model.EIO, "无法读取数据文件 %s（%w）。", dbPath, err)
	}

	src, err := os.Open(backupPath)
	if err != nil {
		return model.Errorf(model.EIO, "无法读取备份文件 %s（%w）。", backupPath, err)
	}
	// A drafts file reached through a symbolic link (kept on another disk)
	// is replaced where it is; the link stays.
	file := dbPath
	if t, err := atomicfile.Resolve(dbPath); err == nil {
		file = t.File
	}
	tmp := file + ".restore-tmp"
	err = copyFile(tmp, src)
	src.Close()
	if err != nil {
		os.Remove(tmp)
		return model.Errorf(model.EIO, "无法复制备份（%w），数据文件没有改动。请检查磁盘空间。", err)
	}
	if cur != nil && isWindows {
		// Windows cannot replace a file that is open.
		unlock(cur)
		cur.Close()
		cur = nil
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return model.Errorf(model.EIO, "无法用备份替换数据文件（%w），数据文件没有改动。", err)
	}
	syncDir(filepath.Dir(file))
	return nil
}

// refuseNewerDrafts refuses a restore over a drafts file that holds a
// draft saved by a newer jixiao: the restore would put it out of the file
// this build cannot read it from (it would be kept only in the copy made
// before the restore). A file that cannot be read is left to the restore's
// own checks.
func refuseNewerDrafts(dbPath string) (err error) {
	if _, err := os.Stat(dbPath); err != nil {
		return nil
	}
	// A damaged file (the usual reason for a restore) may make bbolt
	// fault: then there is nothing to keep from it.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	db, err := openBolt(dbPath, true)
	if err != nil {
		if errors.Is(err, ErrInUse) {
			return err
		}
		return nil
	}
	defer db.Close()
	var newer *NewerVersionError
	_ = db.View(func(tx *bolt.Tx) error {
		if j := tx.Bucket(bucketJixiao); j != nil {
			if v, err := strconv.Atoi(string(j.Get(keyFormat))); err == nil && v > FileFormat {
				newer = &NewerVersionError{Path: dbPath, Version: v, Known: FileFormat}
				return nil
			}
		}
		ds := tx.Bucket(bucketDrafts)
		if ds == nil {
			return nil
		}
		return ds.ForEachBucket(func(k []byte) error {
			if h, err := readHeader(ds.Bucket(k), string(k)); err == nil && h.Schema > model.SchemaVersion && newer == nil {
				newer = &NewerVersionError{Path: dbPath, ID: string(k), Version: h.Schema, Known: model.SchemaVersion}
			}
			return nil
		})
	})
	if newer != nil {
		return &RestoreRefusedError{Newer: newer}
	}
	return nil
}

// RestoreRefusedError says that a backup was not restored because the
// current drafts file holds a draft (or is a file) of a newer jixiao.
type RestoreRefusedError struct{ Newer *NewerVersionError }

func (e *RestoreRefusedError) Error() string {
	if e.Newer.ID == "" {
		return e.Newer.Error()
	}
	return fmt.Sprintf("没有恢复备份：当前的数据文件中有更新版本的 jixiao 保存的草稿 %s（数据格式第 %d 版，本程序只认识到第 %d 版），恢复会把它从数据文件中替换掉。请用新版 jixiao 恢复备份；数据文件保持原样，没有被改动。", e.Newer.ID, e.Newer.Version, e.Newer.Known)
}

// ErrorCode is model.EUNSUPPORTED.
func (e *RestoreRefusedError) ErrorCode() string { return model.EUNSUPPORTED }

// Unwrap gives the NewerVersionError.
func (e *RestoreRefusedError) Unwrap() error { return e.Newer }

// checkIsDrafts makes sure path holds a jixiao drafts file of a layout
// this program knows.
func checkIsDrafts(path string) error {
	return checkWithBolt(path, func(path string, tx *bolt.Tx) error {
		if tx.Bucket(bucketJixiao) == nil {
			return model.Errorf(model.EINVALID, "文件 %s 不是 jixiao 的草稿数据文件，不能用来恢复。", path)
		}
		return checkFormat(path, tx)
	})
}

func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// copyFile writes all of src (from its start) to a new file at dst, 0600,
// synced.
func copyFile(dst string, src *os.File) error {
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, src); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	return out.Close()
}
