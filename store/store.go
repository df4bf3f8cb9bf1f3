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
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// Retention of revisions: the newest KeepRecent revisions are kept, and
// besides them the newest revision of each calendar day (local time) of
// the last KeepDays days.
const (
	KeepRecent = 50
	KeepDays   = 366
)

var (
	bucketJixiao  = []byte("jixiao")
	bucketDrafts  = []byte("drafts")
	bucketRevs    = []byte("revs")
	bucketRevMeta = []byte("revmeta")
	keyFormat     = []byte("format")
	keyInfo       = []byte("info")
)

// ErrInUse is returned by Open when another jixiao holds the file.
var ErrInUse = errors.New("数据文件正被另一个 jixiao 窗口使用，请先关闭那个窗口再打开。")

// ErrNotFound is matched (errors.Is) by the error for a draft id or a
// revision that does not exist.
var ErrNotFound = errors.New("没有找到这份草稿。")

// ErrClosed is returned by the methods of a closed Store.
var ErrClosed = errors.New("数据文件已经关闭，请重新打开程序。")

// notFound is the ErrNotFound for one id (and revision, when n > 0).
type notFound struct {
	id string
	n  int
}

func (e *notFound) Error() string {
	if e.n > 0 {
		return fmt.Sprintf("草稿 %s 没有第 %d 版。", e.id, e.n)
	}
	return fmt.Sprintf("没有编号为 %s 的草稿。", e.id)
}

func (e *notFound) Unwrap() error { return ErrNotFound }

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

// Info describes one draft for lists.
type Info struct {
	ID, Year, Dept, Origin string
	Created, Updated       time.Time
	Trashed                bool
	Revisions              int
}

// Revision is one saved state of a draft; N counts from 1 and is never
// reused.
type Revision struct {
	N       int
	Saved   time.Time
	Summary string // one line of Chinese: what changed against the revision before
}

// header is the stored form of Info.
type header struct {
	ID        string    `json:"id"`
	Year      string    `json:"year"`
	Dept      string    `json:"dept"`
	Origin    string    `json:"origin,omitempty"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Trashed   bool      `json:"trashed,omitempty"`
	TrashedAt time.Time `json:"trashedAt,omitzero"`
	Schema    int       `json:"schema"`    // schema of the head revision
	Head      uint64    `json:"head"`      // number of the newest revision
	Revisions int       `json:"revisions"` // number of revisions kept
}

func (h *header) info() Info {
	return Info{ID: h.ID, Year: h.Year, Dept: h.Dept, Origin: h.Origin, Created: h.Created, Updated: h.Updated, Trashed: h.Trashed, Revisions: h.Revisions}
}

// revMeta is the stored form of Revision (without N, which is the key):
// 8 bytes of big-endian Unix nanoseconds, then the summary in UTF-8, so
// that pruning reads the time without decoding anything.
type revMeta struct {
	Saved   time.Time
	Summary string
}

func encodeRevMeta(m revMeta) []byte {
	b := make([]byte, 8, 8+len(m.Summary))
	binary.BigEndian.PutUint64(b, uint64(m.Saved.UnixNano()))
	return append(b, m.Summary...)
}

func decodeRevMeta(v []byte) revMeta {
	if len(v) < 8 {
		return revMeta{}
	}
	return revMeta{Saved: time.Unix(0, int64(binary.BigEndian.Uint64(v))), Summary: string(v[8:])}
}

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
		return "", fmt.Errorf("找不到用户配置目录（%v），请用 --db 指定草稿数据文件的位置。", err)
	}
	dir = filepath.Join(dir, "jixiao")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法创建文件夹 %s（%v），请用 --db 指定草稿数据文件的位置。", dir, err)
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
	defer s.recoverTo(&err)
	return dbErr(db.View(fn))
}

// update runs fn in one write transaction; the caller holds wmu.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	db := s.dbp.Load()
	if db == nil {
		return ErrClosed
	}
	defer s.recoverTo(&err)
	return dbErr(db.Update(fn))
}

// recoverTo turns a panic inside a transaction (bbolt panics on pages that
// were damaged while the file was open) into an error; bbolt has already
// rolled the transaction back.
func (s *Store) recoverTo(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("读写草稿数据文件 %s 时出错（%v），这次操作没有完成。请关闭程序后重新打开；如果仍然出错，请用备份恢复（jixiao restore --list）。", s.path, r)
	}
}

// errNilForm is returned for a nil form (a programming error).
var errNilForm = errors.New("没有要保存的表格内容。")

// normID: ids are written lower case ("d12"); " D12 " typed by hand is
// the same id.
func normID(id string) string { return strings.ToLower(strings.TrimSpace(id)) }

func draftBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	ds := tx.Bucket(bucketDrafts)
	if ds == nil {
		return nil, &notFound{id: id}
	}
	b := ds.Bucket([]byte(id))
	if b == nil {
		return nil, &notFound{id: id}
	}
	return b, nil
}

func readHeader(b *bolt.Bucket, id string) (*header, error) {
	v := b.Get(keyInfo)
	if v == nil {
		return nil, fmt.Errorf("草稿 %s 的记录不完整（缺少概要）。", id)
	}
	var h header
	if err := json.Unmarshal(v, &h); err != nil {
		return nil, fmt.Errorf("草稿 %s 的概要无法读取（%v）。", id, err)
	}
	h.ID = id
	return &h, nil
}

func writeHeader(b *bolt.Bucket, h *header) error {
	v, err := json.Marshal(h)
	if err != nil {
		return err
	}
	return b.Put(keyInfo, v)
}

// List returns the drafts that are not in the 回收站, most recently
// changed first.
func (s *Store) List() ([]Info, error) { return s.list(false) }

// Trashed returns the drafts in the 回收站, most recently deleted first.
func (s *Store) Trashed() ([]Info, error) { return s.list(true) }

func (s *Store) list(trashed bool) ([]Info, error) {
	type item struct {
		info Info
		when time.Time // the sort key: last change, or when it was trashed
	}
	var items []item
	err := s.view(func(tx *bolt.Tx) error {
		ds := tx.Bucket(bucketDrafts)
		if ds == nil {
			return nil
		}
		return ds.ForEachBucket(func(k []byte) error {
			h, err := readHeader(ds.Bucket(k), string(k))
			if err != nil {
				// A draft whose header cannot be read is still listed, so
				// that it can be seen and dealt with.
				if !trashed {
					items = append(items, item{info: Info{ID: string(k), Dept: "（概要无法读取）"}})
				}
				return nil
			}
			if h.Trashed == trashed {
				when := h.Updated
				if trashed && !h.TrashedAt.IsZero() {
					when = h.TrashedAt
				}
				items = append(items, item{h.info(), when})
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(items, func(a, b item) int {
		if c := b.when.Compare(a.when); c != 0 {
			return c
		}
		return compareIDs(b.info.ID, a.info.ID)
	})
	out := make([]Info, len(items))
	for i, it := range items {
		out[i] = it.info
	}
	return out, nil
}

// compareIDs orders d2 before d10.
func compareIDs(a, b string) int {
	na, ea := strconv.Atoi(a[min(1, len(a)):])
	nb, eb := strconv.Atoi(b[min(1, len(b)):])
	if ea == nil && eb == nil && na != nb {
		if na < nb {
			return -1
		}
		return 1
	}
	return bytes.Compare([]byte(a), []byte(b))
}

// Info returns the description of one draft (trashed or not).
func (s *Store) Info(id string) (Info, error) {
	id = normID(id)
	var info Info
	err := s.view(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		h, err := readHeader(b, id)
		if err != nil {
			return err
		}
		info = h.info()
		return nil
	})
	return info, err
}

// Create stores f as a new draft and returns its id. Meta.Created is kept
// when set; Meta.Updated becomes now. f is not modified.
func (s *Store) Create(f *model.Form) (string, error) {
	return s.create(f, "新建")
}

func (s *Store) create(f *model.Form, summary string) (string, error) {
	if f == nil {
		return "", errNilForm
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	now := s.clock()
	g := f.Clone()
	if g.Meta.Created.IsZero() {
		g.Meta.Created = now
	}
	body, err := encodeForm(g)
	if err != nil {
		return "", err
	}
	var id string
	err = s.update(func(tx *bolt.Tx) error {
		ds, err := tx.CreateBucketIfNotExists(bucketDrafts)
		if err != nil {
			return err
		}
		seq, err := ds.NextSequence()
		if err != nil {
			return err
		}
		id = "d" + strconv.FormatUint(seq, 10)
		for ds.Bucket([]byte(id)) != nil { // only after a hand-made file
			seq, _ = ds.NextSequence()
			id = "d" + strconv.FormatUint(seq, 10)
		}
		b, err := ds.CreateBucket([]byte(id))
		if err != nil {
			return err
		}
		if _, err := b.CreateBucket(bucketRevs); err != nil {
			return err
		}
		if _, err := b.CreateBucket(bucketRevMeta); err != nil {
			return err
		}
		h := &header{ID: id, Created: g.Meta.Created}
		return putRevision(b, h, body, g, now, summary)
	})
	if err != nil {
		return "", err
	}
	s.remember(id, 1, body, g)
	return id, nil
}

// putRevision writes body as the next revision of the draft in b, updates
// and writes h, and prunes old revisions.
func putRevision(b *bolt.Bucket, h *header, body []byte, f *model.Form, now time.Time, summary string) error {
	rb, mb := b.Bucket(bucketRevs), b.Bucket(bucketRevMeta)
	if rb == nil || mb == nil {
		return fmt.Errorf("草稿 %s 的记录不完整（缺少修订记录）。", h.ID)
	}
	n := h.Head + 1
	rec, err := encodeRecord(model.SchemaVersion, now, summary, body)
	if err != nil {
		return err
	}
	if len(rec) > compressAbove {
		// A big form (thousands of rows) is stored compressed right away:
		// a fast compression costs less than writing and syncing the
		// megabyte, and its 50 revisions take a seventh of the room.
		if z, err := compressWith(rec, flate.BestSpeed); err == nil {
			rec = z
		}
	}
	if err := rb.Put(u64(n), rec); err != nil {
		return err
	}
	if err := mb.Put(u64(n), encodeRevMeta(revMeta{Saved: now, Summary: summary})); err != nil {
		return err
	}
	h.Head = n
	h.Schema = model.SchemaVersion
	h.Year, h.Dept, h.Origin = f.Year, f.Dept, f.Meta.Origin
	h.Updated = now
	kept, err := prune(rb, mb, now)
	if err != nil {
		return err
	}
	h.Revisions = kept
	return writeHeader(b, h)
}

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

// Load returns the current content of a draft. Meta.Updated is the time of
// its last save.
func (s *Store) Load(id string) (*model.Form, error) {
	return s.LoadRevision(id, 0)
}

// LoadRevision returns revision n of a draft (0: the newest).
func (s *Store) LoadRevision(id string, n int) (*model.Form, error) {
	id = normID(id)
	var f *model.Form
	err := s.view(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		h, err := readHeader(b, id)
		if err != nil {
			return err
		}
		key := h.Head
		if n > 0 {
			key = uint64(n)
		} else if c := s.cachedHead(id, h.Head); c != nil {
			// The cached head lets Load skip the JSON decoding of a form
			// just saved.
			f = c.form.Clone()
			f.Meta.Updated = h.Updated
			return nil
		}
		rb := b.Bucket(bucketRevs)
		if rb == nil {
			return fmt.Errorf("草稿 %s 的记录不完整（缺少修订记录）。", id)
		}
		v := rb.Get(u64(key))
		if v == nil {
			if n > 0 {
				return &notFound{id: id, n: n}
			}
			return fmt.Errorf("草稿 %s 的记录不完整（缺少第 %d 版）。", id, key)
		}
		rec, err := decodeRecord(v)
		if err != nil {
			return recordErr(err, s.path, id, int(key))
		}
		f = rec.form
		return nil
	})
	return f, err
}

// Save stores f as the new content of draft id: one write transaction,
// synced to disk, that records a revision with a one-line summary of the
// changes. When f's content equals the current revision nothing is written
// (an autosave without changes leaves no revision). f is only read, and
// only during the call; the stored copy gets Meta.Updated = now.
func (s *Store) Save(id string, f *model.Form) error {
	return s.save(id, f, "")
}

// save writes f as a new revision of id; prefix is put before the summary.
func (s *Store) save(id string, f *model.Form, prefix string) error {
	id = normID(id)
	if f == nil {
		return errNilForm
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	g := f.Clone()
	g.Meta.Updated = time.Time{}
	body, err := encodeForm(g)
	if err != nil {
		return err
	}
	now := s.clock()
	var head uint64
	var unchanged bool
	err = s.update(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		h, err := readHeader(b, id)
		if err != nil {
			return err
		}
		if h.Schema > model.SchemaVersion {
			return &NewerVersionError{Path: s.path, ID: id, Version: h.Schema, Known: model.SchemaVersion}
		}
		var prev *model.Form
		if c := s.cachedHead(id, h.Head); c != nil {
			if bytes.Equal(c.body, body) {
				unchanged = true
				return nil
			}
			prev = c.form
		} else if rb := b.Bucket(bucketRevs); rb == nil {
			return fmt.Errorf("草稿 %s 的记录不完整（缺少修订记录）。", id)
		} else if v := rb.Get(u64(h.Head)); v != nil {
			if rec, err := decodeRecord(v); err == nil {
				if rec.schema == model.SchemaVersion && bytes.Equal(rec.body, body) {
					unchanged = true
					return nil
				}
				prev = rec.form
			}
		}
		summary := prefix + Summary(prev, g)
		if err := putRevision(b, h, body, g, now, summary); err != nil {
			return err
		}
		head = h.Head
		return nil
	})
	if err != nil || unchanged {
		return err
	}
	s.remember(id, head, body, g)
	return nil
}

// Duplicate copies a draft to a new one and returns the new id. The copy's
// Origin says where it came from.
func (s *Store) Duplicate(id string) (string, error) {
	id = normID(id)
	f, err := s.Load(id)
	if err != nil {
		return "", err
	}
	now := s.clock()
	f.Meta.Created = now
	f.Meta.Origin = fmt.Sprintf("复制自草稿 %s（%s %s年度）", id, f.Dept, f.Year)
	f.Meta.OriginDraft = id
	return s.create(f, "复制自草稿 "+id)
}

// Rename sets the 部门名称 of a draft (a new revision).
func (s *Store) Rename(id, dept string) error {
	id = normID(id)
	f, err := s.Load(id)
	if err != nil {
		return err
	}
	f.Dept = dept
	return s.save(id, f, "")
}

// Delete moves a draft to the 回收站.
func (s *Store) Delete(id string) error { return s.setTrashed(id, true) }

// Restore takes a draft out of the 回收站.
func (s *Store) Restore(id string) error { return s.setTrashed(id, false) }

func (s *Store) setTrashed(id string, trashed bool) error {
	id = normID(id)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.update(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		h, err := readHeader(b, id)
		if err != nil {
			return err
		}
		if h.Trashed == trashed {
			if trashed {
				return fmt.Errorf("草稿 %s 已经在回收站中。", id)
			}
			return fmt.Errorf("草稿 %s 不在回收站中，无需恢复。", id)
		}
		// Only the two trash fields are changed in the stored header, so
		// that the fields a newer jixiao may have added are kept.
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b.Get(keyInfo), &raw); err != nil {
			return fmt.Errorf("草稿 %s 的概要无法读取（%v）。", id, err)
		}
		delete(raw, "trashed")
		delete(raw, "trashedAt")
		if trashed {
			raw["trashed"] = json.RawMessage("true")
			at, err := json.Marshal(s.clock())
			if err != nil {
				return err
			}
			raw["trashedAt"] = at
		}
		v, err := json.Marshal(raw)
		if err != nil {
			return err
		}
		return b.Put(keyInfo, v)
	})
}

// Purge removes a draft from the 回收站 for good, with all its revisions.
// A draft that is not in the 回收站 is not purged (delete it first).
func (s *Store) Purge(id string) error {
	id = normID(id)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	err := s.update(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		h, err := readHeader(b, id)
		if err == nil && !h.Trashed {
			return fmt.Errorf("草稿 %s 不在回收站中；请先删除（移到回收站），再彻底删除。", id)
		}
		return tx.Bucket(bucketDrafts).DeleteBucket([]byte(id))
	})
	s.forget(id)
	return err
}

// Revisions lists the kept revisions of a draft, newest first.
func (s *Store) Revisions(id string) ([]Revision, error) {
	id = normID(id)
	var out []Revision
	err := s.view(func(tx *bolt.Tx) error {
		b, err := draftBucket(tx, id)
		if err != nil {
			return err
		}
		mb := b.Bucket(bucketRevMeta)
		if mb == nil {
			return nil
		}
		c := mb.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			m := decodeRevMeta(v)
			out = append(out, Revision{N: int(binary.BigEndian.Uint64(k)), Saved: m.Saved, Summary: m.Summary})
		}
		return nil
	})
	return out, err
}

// RestoreRevision makes revision n the current content of a draft again,
// as a new revision (the revisions after n are kept).
func (s *Store) RestoreRevision(id string, n int) error {
	id = normID(id)
	if n <= 0 {
		return &notFound{id: id, n: n}
	}
	f, err := s.LoadRevision(id, n)
	if err != nil {
		return err
	}
	return s.save(id, f, fmt.Sprintf("恢复为第 %d 版：", n))
}
