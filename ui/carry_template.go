package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"jixiao/model"
)

// 复制到下一年度 into another 表样: the dialog's template selector
// (preselected: the draft's own template in its newest version here) and
// the change list of model.CarryInto shown above the year replacements.

// templateChoice builds the selector: every template known here.
func (r *carryReview) templateChoice() {
	ws := r.ws
	r.tpls = ws.allTemplates()
	names := make([]string, len(r.tpls))
	for i, t := range r.tpls {
		names[i] = fmt.Sprintf("%s（第%d版）", t.Name, t.Version)
	}
	r.tpl = widget.NewSelect(names, nil)
	own := model.TemplateOf(r.prev, ws.e.templates)
	if t := model.NewestTemplate(r.prev, ws.e.templates); t != nil {
		own = t
	}
	for i, t := range r.tpls {
		if t.Ref().SameVersion(own.Ref()) {
			r.tpl.SetSelectedIndex(i)
		}
	}
	r.tplList = widget.NewLabel("")
	r.tplList.Wrapping = fyne.TextWrapWord
	r.tpl.OnChanged = func(string) { r.preview() }
}

// target is the template chosen (nil: none chosen, keep the draft's).
func (r *carryReview) target() *model.Template {
	if r.tpl == nil {
		return nil
	}
	if i := r.tpl.SelectedIndex(); i >= 0 && i < len(r.tpls) {
		return r.tpls[i]
	}
	return nil
}

// carry makes the new year's form in the chosen template.
func (r *carryReview) carry(keep func(model.Replacement) bool) (*model.Form, []model.Replacement, *model.Migration, error) {
	from := model.TemplateVersion(r.prev.Template, r.ws.e.templates)
	return model.CarryInto(r.prev, r.year.Text, keep, from, r.target())
}

// showMigration lists what the template change does (nothing when the
// template stays).
func (r *carryReview) showMigration(m *model.Migration, err error) {
	switch {
	case r.tplList == nil:
		return
	case err != nil:
		r.tplList.SetText("")
		return
	case m == nil:
		r.tplList.SetText("表样不变。")
		r.tplList.Importance = widget.MediumImportance
		r.tplList.Refresh()
		return
	}
	r.tplList.Importance = widget.HighImportance
	r.tplList.SetText("换用表样后的变化（创建前请看一遍）：\n" + strings.Join(m.Lines(), "\n"))
}

// declineNewer: a new draft made in an older version than the newest
// here was chosen so; opening it does not ask to move it at once.
func (r *carryReview) declineNewer(id string) {
	t := r.target()
	if t == nil {
		return
	}
	f := &model.Form{Template: t.Ref()}
	if n := model.NewestTemplate(f, r.ws.e.templates); n != nil {
		_ = r.ws.st.DeclineTemplate(id, n.Ref()) // only spares a question
	}
}
