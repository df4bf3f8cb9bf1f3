package cli

// 复制上年 into another 表样 (carry --template): the new year's draft is
// moved to the template named, and the change list says what moved, what
// was added and what could not be placed (model.CarryInto).

import (
	"strings"

	"jixiao/model"
	"jixiao/store"
)

// carryInto makes the next year's form of prev, in template id when id is
// not empty (its newest version here).
func carryInto(st *store.Store, prev *model.Form, year, id string) (*model.Form, []model.Replacement, *model.Migration, error) {
	if strings.TrimSpace(id) == "" {
		next, reps, err := model.CarryForward(prev, year, nil)
		if err != nil {
			return nil, nil, nil, userErr(err)
		}
		return next, reps, nil, nil
	}
	to, err := newTemplate(st, id)
	if err != nil {
		return nil, nil, nil, err
	}
	stored, _, err := st.Templates()
	if err != nil {
		return nil, nil, nil, storeErr(err, "")
	}
	next, reps, m, err := model.CarryInto(prev, year, nil, model.TemplateVersion(prev.Template, stored), to)
	if err != nil {
		return nil, nil, nil, userErr(err)
	}
	return next, reps, m, nil
}

// printCarryTemplate prints the template's change list of a carry into
// another template, or, when the draft's template has a newer version
// here, how to carry into it.
func printCarryTemplate(c *cli, st *store.Store, prev *model.Form, m *model.Migration) {
	if m != nil {
		for _, l := range m.Lines() {
			c.printf("%s\n", l)
		}
		return
	}
	stored, _, _ := st.Templates()
	if t := model.NewestTemplate(prev, stored); t != nil {
		c.printf("注意：表样“%s”有第%d版，新草稿仍按第%d版；要换用新版，请加 --template %s，或用 jixiao template migrate 迁移新草稿。\n", t.Name, t.Version, prev.Template.Version, t.ID)
	}
}
