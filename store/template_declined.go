package store

import (
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"jixiao/model"
)

// A draft whose template has a newer version offers, when opened, to move
// to it (表样有新版本). 暂不迁移 is remembered per draft and version, so
// the offer comes back only for a still newer version:
//
//	jixiao/templateDeclined/<draft id>   "<template id>@<version>"
const keyDeclinedPrefix = "templateDeclined/"

// DeclineTemplate remembers that the clerk chose 暂不迁移 for draft id and
// template version ref.
func (s *Store) DeclineTemplate(id string, ref model.TemplateRef) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists(bucketJixiao)
		if err != nil {
			return err
		}
		return bk.Put([]byte(keyDeclinedPrefix+id), []byte(ref.ID+"@"+strconv.Itoa(ref.Version)))
	})
}

// DeclinedTemplate is the template version the clerk last declined for
// draft id (zero when none).
func (s *Store) DeclinedTemplate(id string) (model.TemplateRef, error) {
	var ref model.TemplateRef
	err := s.view(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucketJixiao)
		if bk == nil {
			return nil
		}
		v := string(bk.Get([]byte(keyDeclinedPrefix + id)))
		i := strings.LastIndexByte(v, '@')
		if i < 0 {
			return nil
		}
		n, err := strconv.Atoi(v[i+1:])
		if err != nil {
			return nil
		}
		ref = model.TemplateRef{ID: v[:i], Version: n}
		return nil
	})
	return ref, err
}
