package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"jixiao/model"
)

func TestTemplatesStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if ts, bad, err := s.Templates(); err != nil || len(ts) != 0 || len(bad) != 0 {
		t.Fatalf("new file: %v %v %v", ts, bad, err)
	}
	b1 := model.BuiltinTemplate(model.HubeiTemplateID)
	b1.ID, b1.Name = "bureau", "某市 表样"
	b2 := b1.Clone()
	b2.Version = 2
	for _, tp := range []*model.Template{b2, b1, b1} {
		if err := s.PutTemplate(tp); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutTemplate(model.BuiltinTemplate(model.HunanTemplateID)); err == nil || !strings.Contains(err.Error(), "内置表样") {
		t.Fatalf("built-in id accepted: %v", err)
	}
	bad := b1.Clone()
	bad.ID = "A B"
	if err := s.PutTemplate(bad); err == nil {
		t.Fatal("invalid template stored")
	}
	if err := s.SetLastTemplate("bureau"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened: the templates and the last choice are still there.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts, badKeys, err := s.Templates()
	if err != nil || len(badKeys) != 0 || len(ts) != 2 {
		t.Fatalf("templates %v %v %v", ts, badKeys, err)
	}
	if !reflect.DeepEqual(ts[0], b1) || !reflect.DeepEqual(ts[1], b2) {
		t.Fatalf("stored templates differ:\n%+v\n%+v", ts[0], ts[1])
	}
	if id, err := s.LastTemplate(); err != nil || id != "bureau" {
		t.Fatalf("LastTemplate = %q %v", id, err)
	}
	if got := model.FindTemplate(model.TemplateRef{ID: "bureau", Version: 2}, ts); got == nil || got.Version != 2 {
		t.Fatalf("FindTemplate in stored = %+v", got)
	}
}

// 暂不迁移 is remembered per draft and template version, across reopening.
func TestDeclineTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if ref, err := s.DeclinedTemplate("7"); err != nil || ref != (model.TemplateRef{}) {
		t.Fatalf("nothing declined yet: %+v %v", ref, err)
	}
	if err := s.DeclineTemplate("7", model.TemplateRef{ID: "xx-bureau.v", Version: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ref, err := s.DeclinedTemplate("7"); err != nil || ref != (model.TemplateRef{ID: "xx-bureau.v", Version: 2}) {
		t.Fatalf("declined = %+v %v", ref, err)
	}
	if ref, _ := s.DeclinedTemplate("8"); ref != (model.TemplateRef{}) {
		t.Fatalf("another draft: %+v", ref)
	}
}

// The same id and version with other content is refused, and says which
// version is free; the stored one stays as it was. The same content again
// changes nothing.
func TestTemplateSameVersionOtherContentRefused(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v2 := model.BuiltinTemplate(model.HubeiTemplateID)
	v2.ID, v2.Name, v2.Version = "bureau", "某市 表样", 2
	if err := s.PutTemplate(v2); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTemplate(v2.Clone()); err != nil {
		t.Fatalf("the same content again: %v", err)
	}
	other := v2.Clone()
	other.Title = "另一个标题"
	err = s.PutTemplate(other)
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(err.Error(), "本机已有表样“bureau”（某市 表样）第2版，内容与要导入的不同") ||
		!strings.Contains(err.Error(), "改为 3") {
		t.Fatalf("other content at the same version: %v", err)
	}
	var taken *VersionTakenError
	if !errors.As(err, &taken) || taken.Next != 3 || taken.Version != 2 {
		t.Fatalf("not a VersionTakenError: %#v", err)
	}
	ts, _, _ := s.Templates()
	if len(ts) != 1 || ts[0].Title != v2.Title {
		t.Fatalf("stored: %+v", ts)
	}

	// As a new version: one above every version of the id here (5 when a
	// 4 is stored too), the same version left as it was.
	v4 := v2.Clone()
	v4.Version, v4.Title = 4, "第四版"
	if err := s.PutTemplate(v4); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTemplateAsNewVersion(other); err != nil || other.Version != 5 {
		t.Fatalf("as new version: %v, version %d", err, other.Version)
	}
	ts, _, _ = s.Templates()
	if len(ts) != 3 || ts[0].Title != v2.Title || ts[1].Title != "第四版" || ts[2].Version != 5 || ts[2].Title != "另一个标题" {
		t.Fatalf("stored after as-new-version: %+v", ts)
	}
	// A refusal leaves the caller's template as it was.
	bad := v2.Clone()
	bad.ID = "A B" // not a valid id: refused once its version is set
	if err := s.PutTemplateAsNewVersion(bad); err == nil || bad.Version != 2 {
		t.Fatalf("invalid template as new version: %v, version %d", err, bad.Version)
	}
}
