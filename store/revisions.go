package store

import (
	"compress/flate"
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// Retention of revisions: the newest KeepRecent revisions are kept, and
// besides them the newest revision of each calendar day (local time) of
// the last KeepDays days.
const (
	KeepRecent = 50
	KeepDays   = 366
)

// Revision is one saved state of a draft; N counts from 1 and is never
// reused.
type Revision struct {
	N       int
	Saved   time.Time
	Summary string // one line of Chinese: what changed against the revision before
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

// putRevision writes body as the next revision of the draft in b, updates
// and writes h, and prunes old revisions.
func putRevision(b *bolt.Bucket, h *header, body []byte, f *model.Form, now time.Time, summary string) error {
	rb, mb := b.Bucket(bucketRevs), b.Bucket(bucketRevMeta)
	if rb == nil || mb == nil {
		return model.Errorf(model.EDAMAGED, "草稿 %s 的记录不完整（缺少修订记录）。", h.ID)
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

// LoadRevision returns revision n of a draft (0: the newest).
func (s *Store) LoadRevision(id string, n int) (*model.Form, error) {
	id = normID(id)
	var f *model.Form
	err := s.view(func(tx *bolt.Tx) (err error) {
		f, err = s.loadIn(tx, id, n)
		return err
	})
	return f, err
}

// loadIn reads revision n of draft id (0: the newest) inside tx. The form
// returned is the caller's.
func (s *Store) loadIn(tx *bolt.Tx, id string, n int) (*model.Form, error) {
	b, h, err := draftHeader(tx, id)
	if err != nil {
		return nil, err
	}
	key := h.Head
	if n > 0 {
		key = uint64(n)
	} else if c := s.cachedHead(id, h.Head); c != nil {
		// The cached head lets Load skip the JSON decoding of a form
		// just saved.
		f := c.form.Clone()
		f.Meta.Updated = h.Updated
		return f, nil
	}
	rb := b.Bucket(bucketRevs)
	if rb == nil {
		return nil, model.Errorf(model.EDAMAGED, "草稿 %s 的记录不完整（缺少修订记录）。", id)
	}
	v := rb.Get(u64(key))
	if v == nil {
		if n > 0 {
			return nil, &NotFoundError{ID: id, Revision: n}
		}
		return nil, model.Errorf(model.EDAMAGED, "草稿 %s 的记录不完整（缺少第 %d 版）。", id, key)
	}
	rec, err := decodeRecord(v)
	if err != nil {
		return nil, recordErr(err, s.path, id, int(key))
	}
	return rec.form, nil
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
// as a new revision (the revisions after n are kept), in one transaction.
func (s *Store) RestoreRevision(id string, n int) error {
	id = normID(id)
	if n <= 0 {
		return &NotFoundError{ID: id, Revision: n}
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var w saved
	err := s.update(func(tx *bolt.Tx) error {
		f, err := s.loadIn(tx, id, n)
		if err != nil {
			return err
		}
		w, err = s.saveIn(tx, id, f, fmt.Sprintf("恢复为第 %d 版：", n))
		return err
	})
	if err == nil {
		w.remember(s, id)
	}
	return err
}
