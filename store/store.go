// Package store is the local drafts file: one bbolt database that holds
// every draft of the clerk (all years), their revisions, and a 回收站.
//
// Layout of the file (all keys are bytes):
//
//	jixiao/format     the layout version of the file ("1")
//	drafts/<id>/      one bucket a draft
//	    info          JSON header (year, 部门, origin, times, trash flag…)
//	    revs/<n>      revision n: JSON envelope {schema, saved, summary, form}
//	    revmeta/<n>   revision n without the form: {saved, summary}
//
// The newest revision is the draft's current content; there is no second
// copy. Every Save is one write transaction, synced to disk (bbolt's
// NoSync is never set), so a crash or a power cut leaves either the
// previous or the new save, never a mix.
//
// A Store is safe for use from several goroutines (the GUI and a background
// saver): writes are serialised by a mutex and every method runs exactly one
// bbolt transaction, never nested.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"jixiao/model"
)

// FileFormat is the layout version of the drafts file this program writes.
const FileFormat = 1

var (
	bucketJixiao  = []byte("jixiao")
	bucketDrafts  = []byte("drafts")
	bucketRevs    = []byte("revs")
	bucketRevMeta = []byte("revmeta")
	keyFormat     = []byte("format")
	keyInfo       = []byte("info")
)

// ErrInUse is returned by Open when another jixiao holds the file.
var ErrInUse error = model.Errorf(model.ECONFLICT, "数据文件正被另一个 jixiao 窗口使用：请在那个窗口中操作（导出、导入都可在窗口中完成），或先关闭那个窗口再试。")

// ErrNotFound is matched (errors.Is) by the error for a draft id or a
// revision that does not exist.
var ErrNotFound error = model.Errorf(model.ENOTFOUND, "没有找到这份草稿。")

// ErrClosed is returned by the methods of a closed Store.
var ErrClosed error = model.Errorf(model.ECONFLICT, "数据文件已经关闭，请重新打开程序。")

// NotFoundError is the ErrNotFound (errors.Is) for one draft id, or for
// one of its revisions when Revision > 0.
type NotFoundError struct {
	ID       string
	Revision int // 0: the draft itself does not exist
}

func (e *NotFoundError) Error() string {
	if e.Revision > 0 {
		return fmt.Sprintf("草稿 %s 没有第 %d 版。", e.ID, e.Revision)
	}
	return fmt.Sprintf("没有编号为 %s 的草稿。", e.ID)
}

func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// ErrorCode is model.ENOTFOUND.
func (e *NotFoundError) ErrorCode() string { return model.ENOTFOUND }

// NewerVersionError says that a draft (or the whole file, when ID is "")
// was written by a newer jixiao than this one. Nothing is changed.
type NewerVersionError struct {
	Path    string
	ID      string // "" for the file itself
	Version int    // the version found
	Known   int    // the newest version this program knows
}

func (e *NewerVersionError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("数据文件 %s 是由更新版本的 jixiao 创建的（文件格式第 %d 版，本程序只认识到第 %d 版）。请安装新版 jixiao 后再打开；文件保持原样，没有被改动。", e.Path, e.Version, e.Known)
	}
	return fmt.Sprintf("草稿 %s 是由更新版本的 jixiao 保存的（数据格式第 %d 版，本程序只认识到第 %d 版）。请安装新版 jixiao 后再打开这份草稿；它保持原样，没有被改动。", e.ID, e.Version, e.Known)
}

// ErrorCode is model.EUNSUPPORTED: this program cannot read it.
func (e *NewerVersionError) ErrorCode() string { return model.EUNSUPPORTED }

// UnknownFieldError says that a revision of a draft holds a field that
// the form of its schema does not have here: it was written by another
// build of jixiao. The draft is neither opened nor changed, so that the
// field is not dropped by the next save.
type UnknownFieldError struct {
	Path     string
	ID       string
	Revision int
	Field    string // the JSON name of the first unknown field
}

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("草稿 %s（第 %d 版）中有本程序不认识的内容（字段“%s”），可能是其他版本的 jixiao 保存的。为了不丢失这些内容，本程序不打开也不修改这份草稿；请用保存它的 jixiao 版本（或更新的版本）打开。它保持原样，没有被改动。", e.ID, e.Revision, e.Field)
}

// ErrorCode is model.EUNSUPPORTED: this program cannot read it whole.
func (e *UnknownFieldError) ErrorCode() string { return model.EUNSUPPORTED }

// Store is an open drafts file.
type Store struct {
	path string
	dbp  atomic.Pointer[bolt.DB]
	now  func() time.Time

	lastBackup string
	backupErr  error

	wmu sync.Mutex // serialises write transactions and cache updates

	cmu   sync.Mutex
	cache map[string]*cached // the head revision of recently saved drafts
}

// cached is the head revision of a draft as last read or written.
type cached struct {
	head uint64
	body []byte      // the form's canonical JSON as stored
	form *model.Form // decoded body (Meta.Updated unset); never handed out
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// Close closes the file. It waits for running transactions.
func (s *Store) Close() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	db := s.dbp.Swap(nil)
	if db == nil {
		return nil
	}
	return db.Close()
}

// DefaultPath is JIXIAO_DB when set, else drafts.db in the jixiao folder of
// the user's config folder (%AppData%\jixiao on Windows,
// ~/.config/jixiao on Linux). The folder is created (0700) when missing.
func DefaultPath() (string, error) {
	if p := os.Getenv("JIXIAO_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", model.Errorf(model.EIO, "找不到用户配置目录（%w），请用 --db 指定草稿数据文件的位置。", err)
	}
	dir = filepath.Join(dir, "jixiao")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", model.Errorf(model.EIO, "无法创建文件夹 %s（%w），请用 --db 指定草稿数据文件的位置。", dir, err)
	}
	return filepath.Join(dir, "drafts.db"), nil
}

func u64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

// dbErr turns bbolt's errors into the package's.
func dbErr(err error) error {
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) || errors.Is(err, bolterrors.ErrTxClosed) {
		return ErrClosed
	}
	return err
}

func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	db := s.dbp.Load()
	if db == nil {
		return ErrClosed
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverTo(&err)
	return dbErr(db.View(fn))
}

// update runs fn in one write transaction; the caller holds wmu.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	db := s.dbp.Load()
	if db == nil {
		return ErrClosed
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverTo(&err)
	return dbErr(db.Update(fn))
}

// InternalError is a program error (a panic in jixiao's own code) caught
// inside a transaction. bbolt rolled the transaction back, so the drafts
// file and the draft are as they were before the call.
type InternalError struct {
	Value any    // what the code panicked with
	Func  string // the function that panicked
	Stack []byte // the goroutine's stack at the panic, for a bug report
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("程序内部出错（%v），这次操作没有完成，草稿没有改动。请重新打开程序再试；如果仍然出错，请把这条消息告诉技术支持。", e.Value)
}

// ErrorCode is model.EINTERNAL.
func (e *InternalError) ErrorCode() string { return model.EINTERNAL }

// recoverTo turns a panic inside a transaction into an error; bbolt has
// already rolled the transaction back. Only a panic raised in bbolt's own
// code (it panics on pages damaged while the file was open) or a memory
// fault on the mapped file means a damaged file (*DamagedError); any other
// panic is a bug of ours (*InternalError) and says nothing about the file.
func (s *Store) recoverTo(err *error) {
	r := recover()
	if r == nil {
		return
	}
	fn := panicSite()
	if isFault(r) || strings.HasPrefix(fn, boltPackage) {
		de := &DamagedError{Path: s.path, Reason: "文件内容不完整", Detail: fmt.Sprint(r), During: true}
		if b, ok := NewestGoodBackup(s.path); ok {
			de.Backup, de.BackupTime = b.Path, b.Time
		}
		*err = de
		return
	}
	*err = &InternalError{Value: r, Func: fn, Stack: debug.Stack()}
}

// boltPackage is the import path prefix of bbolt and its internal packages.
const boltPackage = "go.etcd.io/bbolt"

// isFault reports whether r is the memory fault that SetPanicOnFault turns
// a bad access to the mapped file into.
func isFault(r any) bool {
	re, ok := r.(runtime.Error)
	if !ok {
		return false
	}
	_, addr := re.(interface{ Addr() uintptr })
	return addr
}

// panicSite is the function that raised the panic being recovered: the
// first frame below runtime.gopanic that is not in the runtime. It is
// called from a deferred function, while the panicking frames are still on
// the stack.
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return f.Function
		}
		if !more {
			return ""
		}
	}
}

// SetClock makes the store take the time (a draft's 最后修改, a revision's
// time, a backup's name) from now instead of time.Now: a seam for tests,
// which order saves without sleeping. Call it before the store is used.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

func (s *Store) remember(id string, head uint64, body []byte, f *model.Form) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if s.cache == nil {
		s.cache = map[string]*cached{}
	}
	if len(s.cache) >= 8 {
		for k := range s.cache { // drop an arbitrary one; the cache is only a shortcut
			delete(s.cache, k)
			break
		}
	}
	s.cache[id] = &cached{head: head, body: body, form: f}
}

func (s *Store) cachedHead(id string, head uint64) *cached {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if c := s.cache[id]; c != nil && c.head == head {
		return c
	}
	return nil
}

func (s *Store) forget(id string) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	delete(s.cache, id)
}
