package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"jixiao/internal/atomicfile"
	"jixiao/model"
)

// lockTimeout is how long Open waits for another jixiao to let go of the
// file before it gives up with ErrInUse.
const lockTimeout = time.Second

const isWindows = runtime.GOOS == "windows"

// DamagedError says that the drafts file cannot be opened (or, During,
// read or written) because its content is damaged. The file has not been
// changed. Its message tells the clerk what happened, what is and is not
// lost, and what to do: restore the newest good backup from the backups
// folder beside the file (jixiao restore), or start afresh and import the
// files exported before.
type DamagedError struct {
	Path       string
	Reason     string    // what is wrong, in plain Chinese
	Detail     string    // bbolt's or the runtime's own words, for support ("" when none)
	During     bool      // found while the file was open, in the middle of an operation
	Backup     string    // the newest good backup, "" when there is none
	BackupTime time.Time // when that backup was made
	Err        error     // the underlying error, if any
}

func (e *DamagedError) Error() string {
	var b strings.Builder
	if e.During {
		fmt.Fprintf(&b, "草稿数据文件已损坏：读写时发现%s，这次操作没有完成。", e.Reason)
	} else {
		fmt.Fprintf(&b, "草稿数据文件已损坏，打不开：%s。", e.Reason)
	}
	fmt.Fprintf(&b, "\n文件：%s\n这个文件保持原样，程序没有改动也没有删除它。", e.Path)
	dir := BackupDir(e.Path)
	if e.Backup != "" {
		b.WriteString("\n可以用备份恢复：")
		if !e.BackupTime.IsZero() {
			fmt.Fprintf(&b, "最近一份完好的备份做于 %s，里面有到那时为止保存的全部草稿，之后的修改不在其中。", e.BackupTime.Format("2006-01-02 15:04"))
		}
		fmt.Fprintf(&b, "在命令行运行 jixiao restore \"%s\" 即可恢复；恢复前，损坏的文件会先另存到备份文件夹，不会丢失。全部备份在 %s，可用 jixiao restore --list 查看。", e.Backup, dir)
	} else {
		fmt.Fprintf(&b, "\n备份文件夹 %s 中没有完好的备份（jixiao restore --list 可列出全部备份）。可以先把这个文件改名留存，以便日后找回，再打开程序，程序会新建一个空的数据文件；导出过的 Excel（.xlsx）或 JSON 文件可以用 jixiao import 文件名 重新导入为草稿。", dir)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, "\n（技术信息，供技术支持参考：%s）", e.Detail)
	}
	return b.String()
}

func (e *DamagedError) Unwrap() error { return e.Err }

// ErrorCode is model.EDAMAGED.
func (e *DamagedError) ErrorCode() string { return model.EDAMAGED }

func damaged(path, reason string, err error) error {
	return &DamagedError{Path: path, Reason: reason, Err: err}
}

// damagedBy is damaged with the technical detail (a panic's value, bbolt's
// words) kept apart from the clerk's reason.
func damagedBy(path, reason string, detail any) error {
	return &DamagedError{Path: path, Reason: reason, Detail: fmt.Sprint(detail)}
}

// NewestGoodBackup returns the newest backup of the drafts file at dbPath
// that opens and passes the consistency check, or false when there is none.
func NewestGoodBackup(dbPath string) (Backup, bool) {
	bs, _ := Backups(dbPath)
	for _, b := range bs {
		if CheckFile(b.Path) == nil {
			return b, true
		}
	}
	return Backup{}, false
}

// Open opens the drafts file at path, creating it (mode 0600, folder 0700)
// when it does not exist. When another jixiao has it open, Open returns
// ErrInUse within about a second. When the file is damaged it returns a
// *DamagedError and leaves the file as it is. A file written by a newer
// jixiao gives a *NewerVersionError. Before anything is written, a copy of
// an existing file is kept in the backups folder beside it (the newest 10
// are kept).
func Open(path string) (*Store, error) {
	s, err := open(path)
	var de *DamagedError
	if errors.As(err, &de) {
		if b, ok := NewestGoodBackup(de.Path); ok {
			de.Backup, de.BackupTime = b.Path, b.Time
		}
	}
	return s, err
}

func open(path string) (*Store, error) {
	if path == "" {
		var err error
		if path, err = DefaultPath(); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, model.Errorf(model.EIO, "无法创建文件夹 %s（%w）。请检查权限，或用 --db 指定别的位置。", filepath.Dir(path), err)
	}
	fresh := false
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := createFile(path); err != nil {
			return nil, err
		}
		fresh = true
	case err != nil:
		return nil, model.Errorf(model.EIO, "无法读取草稿数据文件 %s（%w）。", path, err)
	case st.IsDir():
		return nil, model.Errorf(model.EINVALID, "%s 是一个文件夹，不是草稿数据文件。请用 --db 指定一个文件。", path)
	}

	// 1. Look at the file ourselves, under a shared lock, before bbolt
	// maps it: bbolt trusts the file and may crash on garbage.
	if err := checkLocked(path); err != nil {
		return nil, err
	}
	// 2. A read-only pass with bbolt's own consistency check and a look at
	// the layout version (read-only, so that nothing is written, not even
	// the size, to a damaged, foreign or newer file).
	if !fresh {
		if err := checkWithBolt(path, checkFormat); err != nil {
			return nil, err
		}
	}
	// 3. Open for writing.
	db, err := openBolt(path, false)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path}
	s.dbp.Store(db)
	if !fresh {
		// A failed backup does not stop the clerk from working; the GUI
		// shows LastBackup's error.
		s.lastBackup, s.backupErr = s.backup()
	}
	if err := s.ensureBuckets(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// LastBackup returns the backup made when the file was opened ("" when
// none was made because the file was new), or why it could not be made.
func (s *Store) LastBackup() (string, error) { return s.lastBackup, s.backupErr }

// createFile makes a new, initialised drafts file at path. It is built
// under a temporary name and then linked into place, so that a crash never
// leaves an empty or half-made file under the real name.
func createFile(path string) error {
	if t, err := atomicfile.Resolve(path); err == nil && t.Links > 0 {
		// A link to a file not made yet: the file is made where it
		// points, and the link stays.
		path = t.File
	}
	tmp := fmt.Sprintf("%s.new-%d", path, os.Getpid())
	_ = os.Remove(tmp)
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		os.Remove(tmp)
		return model.Errorf(model.EIO, "无法创建草稿数据文件 %s（%w）。请检查文件夹的权限，或用 --db 指定别的位置。", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return initBuckets(tx)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return model.Errorf(model.EIO, "无法创建草稿数据文件 %s（%w）。", path, err)
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil // another jixiao made it just now; use theirs
		}
		if err := os.Rename(tmp, path); err != nil {
			return model.Errorf(model.EIO, "无法创建草稿数据文件 %s（%w）。", path, err)
		}
	}
	syncDir(filepath.Dir(path))
	return nil
}

func initBuckets(tx *bolt.Tx) error {
	j, err := tx.CreateBucketIfNotExists(bucketJixiao)
	if err != nil {
		return err
	}
	if j.Get(keyFormat) == nil {
		if err := j.Put(keyFormat, []byte(strconv.Itoa(FileFormat))); err != nil {
			return err
		}
	}
	_, err = tx.CreateBucketIfNotExists(bucketDrafts)
	return err
}

// syncDir makes a rename or link in dir durable (where the system allows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// checkLocked validates the file's meta pages and page tree while holding
// a shared lock, so that a writer cannot be halfway through.
func checkLocked(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return model.Errorf(model.EIO, "无法读取草稿数据文件 %s（%w）。", path, err)
	}
	defer f.Close()
	if err := lockShared(f, lockTimeout); err != nil {
		if errors.Is(err, errLocked) {
			return ErrInUse
		}
		return model.Errorf(model.EIO, "无法读取草稿数据文件 %s（%w）。", path, err)
	}
	defer unlock(f)
	if reason := validateFile(f); reason != "" {
		return damaged(path, reason, nil)
	}
	return nil
}

// CheckFile reports whether the file at path is a sound drafts file (for
// example a backup): nil, or a *DamagedError. It only reads the file.
func CheckFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return model.Errorf(model.EIO, "无法读取文件 %s（%w）。", path, err)
	}
	reason := validateFile(f)
	f.Close()
	if reason != "" {
		return &DamagedError{Path: path, Reason: reason}
	}
	return checkWithBolt(path, nil)
}

// openBolt opens path with bbolt, turning a held lock into ErrInUse and a
// panic into a *DamagedError.
func openBolt(path string, readOnly bool) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damagedBy(path, "文件内容不完整", r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, ErrInUse
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrInvalidMapping):
		return nil, damaged(path, "文件头无法识别", err)
	case errors.Is(err, os.ErrPermission):
		return nil, model.Wrap(err, model.EIO, "没有权限打开草稿数据文件 %s，请检查文件的权限。", path)
	}
	return nil, &DamagedError{Path: path, Reason: "无法按数据文件打开", Detail: err.Error(), Err: err}
}

// checkWithBolt opens path read-only, runs bbolt's consistency check and
// then, if given, more checks in the same read transaction.
func checkWithBolt(path string, more func(path string, tx *bolt.Tx) error) (err error) {
	db, err := openBolt(path, true)
	if err != nil {
		return err
	}
	defer db.Close()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damagedBy(path, "文件内容不完整", r)
		}
	}()
	var problems []string
	var moreErr error
	err = db.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			if len(problems) < 3 {
				problems = append(problems, e.Error())
			}
		}
		if len(problems) == 0 && more != nil {
			moreErr = more(path, tx)
		}
		return nil
	})
	if err != nil {
		return damaged(path, "文件内容无法读取", err)
	}
	if len(problems) > 0 {
		return damagedBy(path, "内部结构不一致", strings.Join(problems, "；"))
	}
	return moreErr
}

// checkFormat makes sure the file is a jixiao drafts file of a layout this
// program knows.
func checkFormat(path string, tx *bolt.Tx) error {
	j := tx.Bucket(bucketJixiao)
	if j == nil {
		empty := true
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			empty = false
			return nil
		})
		if empty {
			return nil // a bare bbolt file: Open makes the buckets
		}
		return model.Errorf(model.EINVALID, "文件 %s 不是 jixiao 的草稿数据文件（里面是别的程序的数据）。文件保持原样；请用 --db 指定别的文件。", path)
	}
	v, err := strconv.Atoi(string(j.Get(keyFormat)))
	if err != nil {
		return damaged(path, "文件格式标记无法读取", err)
	}
	if v > FileFormat {
		return &NewerVersionError{Path: path, Version: v, Known: FileFormat}
	}
	return nil
}

func (s *Store) ensureBuckets() error {
	ok := false
	_ = s.view(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketJixiao) != nil && tx.Bucket(bucketDrafts) != nil
		return nil
	})
	if ok {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.update(initBuckets)
}
