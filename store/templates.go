package store

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// Imported templates (表样) live beside the drafts, so that a draft and the
// template it was made with travel in one file:
//
//	templates/<id>@<version>   the template file (model.MarshalTemplate)
//	jixiao/lastTemplate        the id of the template last used for 新建
var (
	bucketTemplates = []byte("templates")
	keyLastTemplate = []byte("lastTemplate")
)

func templateKey(t *model.Template) []byte {
	return []byte(t.ID + "@" + strconv.Itoa(t.Version))
}

// PutTemplate stores t (validated again; a template with the id of a
// built-in one is refused, so a file cannot replace it). The same id and
// version stored already with the same content changes nothing; with
// another content it is refused with a *VersionTakenError (ECONFLICT, the
// message says which version number is free): a version, once here, never
// changes under the drafts made with it.
func (s *Store) PutTemplate(t *model.Template) error {
	return s.putTemplate(t, false)
}

// PutTemplateAsNewVersion stores t as the next version of its id: one
// above every version of the id here (and above t's own), so a revised
// template whose issuer forgot to raise its version number can still be
// taken, beside the one the drafts were made with. It sets t.Version to
// the version stored. The answer to a *VersionTakenError
// (jixiao template import --as-new-version, the window's 作为第N版导入).
func (s *Store) PutTemplateAsNewVersion(t *model.Template) error {
	was := t.Version
	err := s.putTemplate(t, true)
	if err != nil {
		t.Version = was
	}
	return err
}

// VersionTakenError is PutTemplate's refusal of a template whose id and
// version the drafts file holds already with another content. Next is the
// version PutTemplateAsNewVersion would store it as.
type VersionTakenError struct {
	ID, Name      string // the stored one's id and name
	Version, Next int
}

func (e *VersionTakenError) Error() string {
	return fmt.Sprintf("本机已有表样“%s”（%s）第%d版，内容与要导入的不同；同一版本不能有两种内容，未导入。"+
		"表样修订后应提高版本号：请让发文单位把文件中表样的 \"version\" 改为 %d 后再导入（也可以把这个文件作为第%d版导入；命令行：jixiao template import --as-new-version 文件）",
		e.ID, e.Name, e.Version, e.Next, e.Next)
}

// ErrorCode is ECONFLICT (model.ErrorCode).
func (e *VersionTakenError) ErrorCode() string { return model.ECONFLICT }

func (s *Store) putTemplate(t *model.Template, asNew bool) error {
	if t == nil {
		return model.Errorf(model.EINVALID, "没有表样")
	}
	if model.BuiltinTemplate(t.ID) != nil {
		return model.Errorf(model.ECONFLICT, "表样编号“%s”是内置表样的编号，不能被导入的表样替换；请在表样文件中换一个编号", t.ID)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists(bucketTemplates)
		if err != nil {
			return err
		}
		// next is one above every version of t's id here (and t's own):
		// read only when asked for or refused.
		next := func() int {
			n := t.Version
			ts, _ := readTemplates(tx)
			for _, o := range ts {
				if o.ID == t.ID {
					n = max(n, o.Version)
				}
			}
			return n + 1
		}
		if asNew {
			t.Version = next()
		}
		b, err := model.MarshalTemplate(t)
		if err != nil {
			return err
		}
		if old := bk.Get(templateKey(t)); old != nil {
			if ot, err := model.ParseTemplate(old); err == nil {
				if model.TemplateHash(ot) == model.TemplateHash(t) {
					return nil
				}
				return &VersionTakenError{ID: t.ID, Name: ot.Name, Version: t.Version, Next: next()}
			}
			// a damaged stored copy is replaced by a readable one
		}
		return bk.Put(templateKey(t), b)
	})
}

// Templates returns the imported templates, by id then version. A stored
// template that no longer reads (damaged) is skipped and named in bad.
func (s *Store) Templates() (ts []*model.Template, bad []string, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		ts, bad = readTemplates(tx)
		return nil
	})
	return ts, bad, err
}

// ReadTemplates returns the templates imported into the drafts file at
// path, as Templates does, without opening the file for writing: nothing
// is created, written or backed up. The command line reads them this way
// before it knows whether a file it imports can be read at all. A file
// that does not exist has none (nil, nil, nil); a damaged, foreign or
// newer file, or one another jixiao has open, gives the error Open would.
func ReadTemplates(path string) (ts []*model.Template, bad []string, err error) {
	if path == "" {
		if path, err = DefaultPath(); err != nil {
			return nil, nil, err
		}
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err := checkLocked(path); err != nil {
		return nil, nil, err
	}
	err = checkWithBolt(path, func(path string, tx *bolt.Tx) error {
		if err := checkFormat(path, tx); err != nil {
			return err
		}
		ts, bad = readTemplates(tx)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ts, bad, nil
}

// readTemplates reads the templates bucket, sorted by id then version.
func readTemplates(tx *bolt.Tx) (ts []*model.Template, bad []string) {
	if bk := tx.Bucket(bucketTemplates); bk != nil {
		_ = bk.ForEach(func(k, v []byte) error {
			t, err := model.ParseTemplate(v)
			if err != nil {
				bad = append(bad, string(k))
				return nil
			}
			ts = append(ts, t)
			return nil
		})
	}
	slices.SortFunc(ts, func(a, b *model.Template) int {
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return a.Version - b.Version
	})
	return ts, bad
}

// SetLastTemplate remembers id as the template last used for a new draft.
func (s *Store) SetLastTemplate(id string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists(bucketJixiao)
		if err != nil {
			return err
		}
		return bk.Put(keyLastTemplate, []byte(id))
	})
}

// LastTemplate is the id of the template last used for a new draft ("" none).
func (s *Store) LastTemplate() (string, error) {
	var id string
	err := s.view(func(tx *bolt.Tx) error {
		if bk := tx.Bucket(bucketJixiao); bk != nil {
			id = string(bk.Get(keyLastTemplate))
		}
		return nil
	})
	return id, err
}
