package ui

import (
	"fyne.io/fyne/v2/container"

	"jixiao/model"
)

// The tabs follow the form's 表样: a part the template does not have
// (年度主要任务 of the 湖北 and 湖南 forms, 年度总体目标 of a bureau's
// template without it) has no tab, unless the form holds content there
// (a draft moved from another template: nothing is hidden); the tabs of
// the parts carry the template's names (年度绩效目标, 年度绩效指标).

// tabSection is the template section of each tab that has one.
var tabSection = map[Tab]string{TabGoals: model.SectionGoals, TabTasks: model.SectionTasks, TabIndicators: model.SectionIndicators}

// tabShown reports whether tab t is shown for the open form.
func (e *Editor) tabShown(t Tab, tpl *model.Template) bool {
	f := e.form
	switch t {
	case TabGoals:
		return tpl.Has(model.SectionGoals) || len(f.Goals) > 0
	case TabTasks:
		return tpl.Has(model.SectionTasks) || len(f.Units) > 0
	}
	return true
}

// tabTitle is tab t's title under template tpl.
func tabTitle(t Tab, tpl *model.Template) string {
	if s, ok := tabSection[t]; ok && tpl.Has(s) {
		return tpl.Label(s)
	}
	return tabNames[t]
}

// templateTabs shows the tabs of the template's parts under its names;
// the tab shown stays shown when it still exists, else 基本信息 is.
func (e *Editor) templateTabs() {
	if e.tabs == nil {
		return
	}
	tpl := e.Template()
	var items []*container.TabItem
	retitled := false
	for i, it := range e.tabList {
		t := Tab(i)
		if t != TabChecks { // its title carries the error count (updateTabTitle)
			if title := tabTitle(t, tpl); it.Text != title {
				it.Text, retitled = title, true
			}
		}
		if e.tabShown(t, tpl) {
			items = append(items, it)
		}
	}
	same := len(items) == len(e.tabs.Items)
	for i := 0; same && i < len(items); i++ {
		same = items[i] == e.tabs.Items[i]
	}
	if same {
		if retitled {
			e.tabs.Refresh()
		}
		return
	}
	sel := e.tabs.Selected()
	e.tabs.SetItems(items)
	idx := 0
	for i, it := range items {
		if it == sel {
			idx = i
		}
	}
	if e.tabs.SelectedIndex() != idx {
		e.tabs.SelectIndex(idx)
	}
	e.tabs.Refresh()
	e.tabSelected(nil)
}

// tabIndex is the Tab shown (its index in tabList, whichever tabs are
// hidden).
func (e *Editor) tabIndex() int {
	sel := e.tabs.Selected()
	for i, it := range e.tabList {
		if it == sel {
			return i
		}
	}
	return -1
}

// TabShown reports whether tab t is among the editor's tabs (a tab of a
// part the template lacks is not).
func (e *Editor) TabShown(t Tab) bool {
	for _, it := range e.tabs.Items {
		if int(t) >= 0 && int(t) < len(e.tabList) && it == e.tabList[t] {
			return true
		}
	}
	return false
}
