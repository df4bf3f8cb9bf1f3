package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// A revision is stored as a JSON envelope:
//
//	{"schema":1,"saved":"2026-11-28T15:04:05+08:00","summary":"…","form":{…}}
//
// schema is the version of the form's shape (model.SchemaVersion when it
// was written). The form is the JSON of model.Form with Meta.Updated left
// out (it is "saved"); amounts are their raw text, so whatever was typed,
// valid or not, survives.
//
// Schema 0 is the layout of the first prototype, before the envelope: a
// bare form object. model.UpgradeForm turns any older schema into the
// current one (model/migrate.go lists the versions).

type envelope struct {
	Schema  int             `json:"schema"`
	Saved   time.Time       `json:"saved"`
	Summary string          `json:"summary"`
	Form    json.RawMessage `json:"form"`
}

// record is a decoded revision.
type record struct {
	schema  int // as stored
	saved   time.Time
	summary string
	body    []byte      // the form's JSON in the current schema
	form    *model.Form // decoded body, Meta.Updated = saved
}

// A revision that is kept as the day's last state (outside the newest
// KeepRecent) is stored compressed: the byte compressedMark followed by the
// deflated envelope. Only these old revisions are compressed, once, when
// they leave the recent window, so that saving stays cheap while a year of
// daily revisions takes about a third of the room.
const compressedMark = 'z'

// compressAbove is the record size above which a revision is compressed
// as it is written (about 1,500 task rows).
const compressAbove = 256 << 10

func compress(v []byte) ([]byte, error) { return compressWith(v, flate.DefaultCompression) }

func compressWith(v []byte, level int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(v) / 4)
	b.WriteByte(compressedMark)
	w, err := flate.NewWriter(&b, level)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(v); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// plain returns the envelope bytes of a stored revision value.
func plain(v []byte) ([]byte, error) {
	if len(v) == 0 || v[0] != compressedMark {
		return v, nil
	}
	b, err := io.ReadAll(flate.NewReader(bytes.NewReader(v[1:])))
	if err != nil {
		return nil, model.Errorf(model.EDAMAGED, "压缩的记录无法解开（%w）", err)
	}
	return b, nil
}

// errNewer is returned by decodeRecord for a schema newer than known.
type errNewer struct{ schema int }

func (e *errNewer) Error() string { return fmt.Sprintf("schema %d", e.schema) }

func encodeForm(f *model.Form) ([]byte, error) {
	f.Version = model.SchemaVersion
	b, err := json.Marshal(f)
	if err != nil {
		return nil, model.Errorf(model.EINTERNAL, "草稿无法转换为保存格式（%w）。", err)
	}
	return b, nil
}

func encodeRecord(schema int, saved time.Time, summary string, body []byte) ([]byte, error) {
	// Written by hand rather than json.Marshal(envelope) so that the form's
	// JSON (up to megabytes) is copied once, not validated and compacted
	// again.
	head, err := json.Marshal(struct {
		Schema  int       `json:"schema"`
		Saved   time.Time `json:"saved"`
		Summary string    `json:"summary"`
	}{schema, saved, summary})
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+len(body)+10)
	out = append(out, head[:len(head)-1]...)
	out = append(out, `,"form":`...)
	out = append(out, body...)
	out = append(out, '}')
	return out, nil
}

// decodeRecord reads a stored revision, migrating older schemas in memory
// (the stored bytes are not changed).
func decodeRecord(v []byte) (*record, error) {
	v, err := plain(v)
	if err != nil {
		return nil, err
	}
	var env envelope
	if err := json.Unmarshal(v, &env); err != nil {
		return nil, model.Errorf(model.EDAMAGED, "记录无法读取（%w）", err)
	}
	rec := &record{schema: env.Schema, saved: env.Saved, summary: env.Summary, body: env.Form}
	if env.Form == nil {
		// No envelope: a schema 0 record is the bare form.
		rec.schema = 0
		rec.body = bytes.Clone(v)
	}
	if rec.schema > model.SchemaVersion {
		return nil, &errNewer{rec.schema}
	}
	if rec.schema < model.SchemaVersion {
		b, err := model.UpgradeForm(rec.schema, rec.body)
		if err != nil {
			return nil, model.Errorf(model.EDAMAGED, "第 %d 版数据无法升级（%w）", rec.schema, err)
		}
		rec.body = b
	}
	f, err := model.DecodeForm(rec.body)
	if err != nil {
		var uf *model.UnknownFieldError
		if errors.As(err, &uf) {
			// A field this build does not know, in a schema it knows: a
			// record of another build (a test build, or one of the days
			// when the shape moved without the version). Reading it would
			// drop the field at the next save: it is refused instead.
			return nil, &errUnknown{schema: rec.schema, field: uf.Field}
		}
		return nil, model.Errorf(model.EDAMAGED, "表格内容无法读取（%w）", err)
	}
	f.Version = model.SchemaVersion
	if !rec.saved.IsZero() {
		f.Meta.Updated = rec.saved
	}
	rec.form = f
	return rec, nil
}

// errUnknown is returned by decodeRecord for a record that holds a field
// the form of its schema does not have.
type errUnknown struct {
	schema int
	field  string
}

func (e *errUnknown) Error() string { return fmt.Sprintf("unknown field %q", e.field) }

// isForeign reports whether err from decodeRecord says the record is of
// another build (a newer schema, or a field this build does not know).
func isForeign(err error) bool {
	var nv *errNewer
	var un *errUnknown
	return errors.As(err, &nv) || errors.As(err, &un)
}

// recordErr turns a decodeRecord error into a message for the user.
func recordErr(err error, path, id string, n int) error {
	var nv *errNewer
	if errors.As(err, &nv) {
		return &NewerVersionError{Path: path, ID: id, Version: nv.schema, Known: model.SchemaVersion}
	}
	var un *errUnknown
	if errors.As(err, &un) {
		return &UnknownFieldError{Path: path, ID: id, Revision: n, Field: un.field}
	}
	return model.Errorf(model.EDAMAGED, "草稿 %s 的第 %d 版无法读取：%w。可以在“历史版本”中打开较早的一版。", id, n, err)
}

// prune deletes the revisions that the retention rule lets go: the newest
// KeepRecent are kept, and the newest of each day (local time) of the
// last KeepDays days. It returns the number kept.
func prune(rb, mb *bolt.Bucket, now time.Time) (int, error) {
	cutoff := now.AddDate(0, 0, -KeepDays)
	var drop [][]byte
	days := map[string]bool{}
	kept := 0
	c := mb.Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		saved := decodeRevMeta(v).Saved
		day := saved.In(now.Location()).Format("20060102")
		newestOfDay := !days[day]
		days[day] = true
		if kept < KeepRecent {
			kept++
			continue
		}
		if newestOfDay && saved.After(cutoff) {
			// Leaving the recent window as the day's last state: compress
			// it (once; the ones further back already are).
			if kept == KeepRecent {
				if rv := rb.Get(k); len(rv) > 0 && rv[0] != compressedMark {
					z, err := compress(rv)
					if err != nil {
						return 0, err
					}
					if err := rb.Put(bytes.Clone(k), z); err != nil {
						return 0, err
					}
				}
			}
			kept++
			continue
		}
		drop = append(drop, bytes.Clone(k))
	}
	for _, k := range drop {
		if err := rb.Delete(k); err != nil {
			return 0, err
		}
		if err := mb.Delete(k); err != nil {
			return 0, err
		}
	}
	return kept, nil
}
