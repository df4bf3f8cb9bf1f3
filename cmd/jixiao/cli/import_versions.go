package cli

// Versions that never mix on import: the form read from a file is a draft
// of the exact template version it was written in (export reads the
// sheet by that template's columns); here the drafts file gets that
// version when it lacks it, and a newer version here moves the draft
// through model.Migrate, whose list the import prints.

import (
	"fmt"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

// settled is what settleTemplate decided for an imported form.
type settled struct {
	notes []string         // printed after the import report
	moved *model.Form      // the draft moved to the newest version (nil: not moved)
	m     *model.Migration // its list
}

// settleTemplate stores the template the file records when this drafts
// file lacks its version (the unit's file brings the bureau's template
// with it; a different content under a version here is not stored, and
// is named), then moves f to the newest version here, if newer.
func settleTemplate(st *store.Store, f *model.Form, rep *export.ImportReport) (settled, error) {
	var s settled
	stored, _, err := st.Templates()
	if err != nil {
		return s, storeErr(err, "")
	}
	ft := rep.FileTemplate
	if ft != nil && !ft.Ref().SameVersion(f.Template) {
		ft = nil // the form names another template than the file records
	}
	if ft != nil && model.BuiltinTemplate(ft.ID) == nil {
		switch here := model.TemplateVersion(ft.Ref(), stored); {
		case here == nil:
			if err := st.PutTemplate(ft); err != nil {
				return s, userErrorf("文件带有的表样“%s”第%d版无法存入：%w", ft.ID, ft.Version, err)
			}
			s.notes = append(s.notes, fmt.Sprintf("文件带有表样“%s”第%d版（%s），本机原来没有这一版，已一并导入", ft.Name, ft.Version, ft.ID))
			stored, _, _ = st.Templates()
		case model.TemplateHash(here) != model.TemplateHash(ft):
			s.notes = append(s.notes, fmt.Sprintf("注意：文件所用的表样“%s”第%d版与本机的第%d版内容不同；表格已按文件中的表样读取，审核和导出按本机的第%d版", ft.Name, ft.Version, here.Version, here.Version))
		}
	}
	from := model.TemplateVersion(f.Template, stored)
	if from == nil {
		from = ft
	}
	to := model.NewestTemplate(f, stored)
	if to == nil || f.Stage != model.StageDeclare {
		if to != nil {
			s.notes = append(s.notes, fmt.Sprintf("本机有表样的第%d版；这份草稿已过申报阶段，未迁移", to.Version))
		}
		return s, nil
	}
	g, m, err := model.Migrate(f, from, to)
	if err != nil {
		s.notes = append(s.notes, fmt.Sprintf("本机有表样的第%d版，但没能迁移：%s", to.Version, model.ErrorMessage(err)))
		return s, nil
	}
	s.moved, s.m = g, m
	return s, nil
}
