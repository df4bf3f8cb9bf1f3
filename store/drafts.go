package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// Info describes one draft for lists.
type Info struct {
	ID, Year, Dept, Origin string
	Created, Updated       time.Time
	Trashed                bool
	Revisions              int
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

// errNilForm is returned for a nil form (a programming error).
var errNilForm error = model.Errorf(model.EINVALID, "没有要保存的表格内容。")

// normID: ids are written lower case ("d12"); " D12 " typed by hand is
// the same id.
func normID(id string) string { return strings.ToLower(strings.TrimSpace(id)) }

func draftBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	ds := tx.Bucket(bucketDrafts)
	if ds == nil {
		return nil, &NotFoundError{ID: id}
	}
	b := ds.Bucket([]byte(id))
	if b == nil {
		return nil, &NotFoundError{ID: id}
	}
	return b, nil
}

func readHeader(b *bolt.Bucket, id string) (*header, error) {
	v := b.Get(keyInfo)
	if v == nil {
		return nil, model.Errorf(model.EDAMAGED, "草稿 %s 的记录不完整（缺少概要）。", id)
	}
	var h header
	if err := json.Unmarshal(v, &h); err != nil {
		return nil, model.Errorf(model.EDAMAGED, "草稿 %s 的概要无法读取（%w）。", id, err)
	}
	h.ID = id
	return &h, nil
}

// draftHeader returns the bucket of draft id and its header.
func draftHeader(tx *bolt.Tx, id string) (*bolt.Bucket, *header, error) {
	b, err := draftBucket(tx, id)
	if err != nil {
		return nil, nil, err
	}
	h, err := readHeader(b, id)
	if err != nil {
		return nil, nil, err
	}
	return b, h, nil
}

// writeHeader stores h. Fields of the stored header that this build does
// not know (a newer build's) are kept.
func writeHeader(b *bolt.Bucket, h *header) error {
	v, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if old := b.Get(keyInfo); old != nil {
		var was, now map[string]json.RawMessage
		if json.Unmarshal(old, &was) == nil && json.Unmarshal(v, &now) == nil {
			extra := false
			for k, x := range was {
				if _, known := now[k]; !known && !knownHeaderField[k] {
					now[k] = x
					extra = true
				}
			}
			if extra {
				if v, err = json.Marshal(now); err != nil {
					return err
				}
			}
		}
	}
	return b.Put(keyInfo, v)
}

// knownHeaderField are header's fields that its JSON leaves out when
// empty: absent from the new header, they are dropped, not kept.
var knownHeaderField = map[string]bool{"origin": true, "trashed": true, "trashedAt": true}

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
		_, h, err := draftHeader(tx, id)
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
	var (
		id   string
		body []byte
		g    *model.Form
	)
	err := s.update(func(tx *bolt.Tx) (err error) {
		id, body, g, err = s.createIn(tx, f, summary)
		return err
	})
	if err != nil {
		return "", err
	}
	s.remember(id, 1, body, g)
	return id, nil
}

// createIn stores a copy of f as a new draft inside tx and returns its id,
// the stored body and the stored copy (for the cache). Meta.Created is
// kept when set.
func (s *Store) createIn(tx *bolt.Tx, f *model.Form, summary string) (id string, body []byte, g *model.Form, err error) {
	now := s.clock()
	g = f.Clone()
	if g.Meta.Created.IsZero() {
		g.Meta.Created = now
	}
	if body, err = encodeForm(g); err != nil {
		return "", nil, nil, err
	}
	ds, err := tx.CreateBucketIfNotExists(bucketDrafts)
	if err != nil {
		return "", nil, nil, err
	}
	seq, err := ds.NextSequence()
	if err != nil {
		return "", nil, nil, err
	}
	id = "d" + strconv.FormatUint(seq, 10)
	for ds.Bucket([]byte(id)) != nil { // only after a hand-made file
		seq, _ = ds.NextSequence()
		id = "d" + strconv.FormatUint(seq, 10)
	}
	b, err := ds.CreateBucket([]byte(id))
	if err != nil {
		return "", nil, nil, err
	}
	if _, err := b.CreateBucket(bucketRevs); err != nil {
		return "", nil, nil, err
	}
	if _, err := b.CreateBucket(bucketRevMeta); err != nil {
		return "", nil, nil, err
	}
	h := &header{ID: id, Created: g.Meta.Created}
	if err := putRevision(b, h, body, g, now, summary); err != nil {
		return "", nil, nil, err
	}
	return id, body, g, nil
}

// Load returns the current content of a draft. Meta.Updated is the time of
// its last save.
func (s *Store) Load(id string) (*model.Form, error) {
	return s.LoadRevision(id, 0)
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
	var w saved
	err := s.update(func(tx *bolt.Tx) (err error) {
		w, err = s.saveIn(tx, id, f, prefix)
		return err
	})
	if err == nil {
		w.remember(s, id)
	}
	return err
}

// saved is what saveIn wrote, for the cache once the transaction has
// committed.
type saved struct {
	changed bool
	head    uint64
	body    []byte
	form    *model.Form
}

func (w saved) remember(s *Store, id string) {
	if w.changed {
		s.remember(id, w.head, w.body, w.form)
	}
}

// saveIn writes a copy of f as the new head revision of draft id inside tx,
// unless it equals the current head.
func (s *Store) saveIn(tx *bolt.Tx, id string, f *model.Form, prefix string) (saved, error) {
	g := f.Clone()
	g.Meta.Updated = time.Time{}
	body, err := encodeForm(g)
	if err != nil {
		return saved{}, err
	}
	b, h, err := draftHeader(tx, id)
	if err != nil {
		return saved{}, err
	}
	if h.Schema > model.SchemaVersion {
		return saved{}, &NewerVersionError{Path: s.path, ID: id, Version: h.Schema, Known: model.SchemaVersion}
	}
	var prev *model.Form
	if c := s.cachedHead(id, h.Head); c != nil {
		if bytes.Equal(c.body, body) {
			return saved{}, nil
		}
		prev = c.form
	} else if rb := b.Bucket(bucketRevs); rb == nil {
		return saved{}, model.Errorf(model.EDAMAGED, "草稿 %s 的记录不完整（缺少修订记录）。", id)
	} else if v := rb.Get(u64(h.Head)); v != nil {
		rec, err := decodeRecord(v)
		switch {
		case err == nil:
			if rec.schema == model.SchemaVersion && bytes.Equal(rec.body, body) {
				return saved{}, nil
			}
			prev = rec.form
		case isForeign(err):
			// The head holds what this build cannot read whole (a newer
			// schema, a field it does not know): a new revision made from
			// a form read elsewhere would put it out of use.
			return saved{}, recordErr(err, s.path, id, int(h.Head))
		}
	}
	summary := prefix + Summary(prev, g)
	if err := putRevision(b, h, body, g, s.clock(), summary); err != nil {
		return saved{}, err
	}
	return saved{changed: true, head: h.Head, body: body, form: g}, nil
}

// Duplicate copies a draft to a new one and returns the new id, in one
// transaction. The copy's Origin says where it came from.
func (s *Store) Duplicate(id string) (string, error) {
	id = normID(id)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var (
		newID string
		body  []byte
		g     *model.Form
	)
	err := s.update(func(tx *bolt.Tx) error {
		f, err := s.loadIn(tx, id, 0)
		if err != nil {
			return err
		}
		f.Meta.Created = s.clock()
		f.Meta.Origin = fmt.Sprintf("复制自草稿 %s（%s %s年度）", id, f.Dept, f.Year)
		f.Meta.OriginDraft = id
		newID, body, g, err = s.createIn(tx, f, "复制自草稿 "+id)
		return err
	})
	if err != nil {
		return "", err
	}
	s.remember(newID, 1, body, g)
	return newID, nil
}

// Rename sets the 部门名称 of a draft (a new revision), in one
// transaction, so that a save made at the same time is not undone.
func (s *Store) Rename(id, dept string) error {
	id = normID(id)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var w saved
	err := s.update(func(tx *bolt.Tx) error {
		f, err := s.loadIn(tx, id, 0)
		if err != nil {
			return err
		}
		f.Dept = dept
		w, err = s.saveIn(tx, id, f, "")
		return err
	})
	if err == nil {
		w.remember(s, id)
	}
	return err
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
		b, h, err := draftHeader(tx, id)
		if err != nil {
			return err
		}
		if h.Schema > model.SchemaVersion {
			// Left to the build that wrote it, as every other change.
			return &NewerVersionError{Path: s.path, ID: id, Version: h.Schema, Known: model.SchemaVersion}
		}
		if h.Trashed == trashed {
			if trashed {
				return model.Errorf(model.ECONFLICT, "草稿 %s 已经在回收站中。", id)
			}
			return model.Errorf(model.ECONFLICT, "草稿 %s 不在回收站中，无需恢复。", id)
		}
		// Only the two trash fields are changed in the stored header, so
		// that the fields a newer jixiao may have added are kept.
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b.Get(keyInfo), &raw); err != nil {
			return model.Errorf(model.EDAMAGED, "草稿 %s 的概要无法读取（%w）。", id, err)
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
			return model.Errorf(model.ECONFLICT, "草稿 %s 不在回收站中；请先删除（移到回收站），再彻底删除。", id)
		}
		if err == nil && h.Schema > model.SchemaVersion {
			return &NewerVersionError{Path: s.path, ID: id, Version: h.Schema, Known: model.SchemaVersion}
		}
		return tx.Bucket(bucketDrafts).DeleteBucket([]byte(id))
	})
	s.forget(id)
	return err
}
