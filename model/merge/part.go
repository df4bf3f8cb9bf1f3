package merge

// The rules of Merge for one part, one method each (see merge.go).

import (
	"fmt"
	"slices"
	"strings"

	"jixiao/model"
)

// part merges one part into m.res, one rule at a time, in the order of
// the rules in the file's comment. In a plan (m.plan) it only collects the
// conflicts.
func (m *merger) part(pi int, p Part) error {
	label := strings.TrimSpace(p.Label)
	if label == "" {
		label = fmt.Sprintf("第%d个文件", pi+1)
	}
	if p.Form == nil {
		if m.plan {
			return nil
		}
		return model.Errorf(model.EINVALID, "文件“%s”没有读到内容，未合并任何文件。请重新选择这个文件", label)
	}
	pm := &partMerge{merger: m, pi: pi, label: label, f: p.Form, rep: PartReport{Label: label}}
	if err := pm.yearAndDept(); err != nil {
		return err
	}
	pm.decideUnits()
	pm.reportSameRows()
	pm.mapGoals()
	pm.addUnits()
	pm.dropOrphanGoals()
	pm.addIndicators()
	pm.addOptions()
	m.report.Parts = append(m.report.Parts, pm.rep)
	return nil
}

// partMerge is the merge of one part: the part, what was decided about
// its units and targets, and its report.
type partMerge struct {
	*merger
	pi       int
	label    string
	f        *model.Form
	rep      PartReport
	plans    []unitPlan // parallel to f.Units
	gmap     []int      // the part's target number → the result's (0: dropped)
	oldLinks []int      // targets linked by the rows of replaced units
}

func (pm *partMerge) conflict(kind ConflictKind, unit, format string, args ...any) {
	pm.conflicts = append(pm.conflicts, Conflict{Kind: kind, Part: pm.pi, Label: pm.label, Unit: unit, Message: fmt.Sprintf(format, args...)})
}

func (pm *partMerge) note(format string, args ...any) {
	pm.rep.Notes = append(pm.rep.Notes, fmt.Sprintf(format, args...))
}

// yearAndDept: a part of another 年度 is refused unless AllowYear; a
// different 部门名称 is shown; an empty draft takes the first part's.
func (pm *partMerge) yearAndDept() error {
	m, f, label := pm.merger, pm.f, pm.label
	if k := mergeYearKey(f.Year); k != "" {
		switch {
		case m.year == "":
			m.year = k
			if strings.TrimSpace(m.res.Year) == "" {
				m.res.Year = strings.TrimSpace(f.Year)
			}
		case k != m.year:
			pm.conflict(ConflictYear, "", "文件是%s年度的，草稿是%s年度的，年度不同。请确认选对了文件；确需合并时须选择“允许合并不同年度”", mergeYearText(f.Year), mergeYearText(m.res.Year))
			if !m.plan && !m.ch.AllowYear {
				return model.Errorf(model.ECONFLICT, "文件“%s”是%s年度的，草稿是%s年度的，年度不同，没有合并任何文件。请确认选对了文件；确需合并时请选择“允许合并不同年度”", label, mergeYearText(f.Year), mergeYearText(m.res.Year))
			}
		}
	}
	if pd, rd := strings.TrimSpace(f.Dept), strings.TrimSpace(m.res.Dept); pd != "" {
		switch {
		case rd == "":
			m.res.Dept = pd
		case pd != rd:
			pm.conflict(ConflictDept, "", "文件的部门名称是“%s”，草稿是“%s”。合并后部门名称仍为“%s”；请确认选对了文件", pd, rd, rd)
		}
	}
	return nil
}

// decideUnits: a unit whose name the result already has (before this
// part) is replaced, kept as a second unit or skipped, as the choices say.
func (pm *partMerge) decideUnits() {
	m, f := pm.merger, pm.f
	names := make(map[string]int, len(m.res.Units))
	for i, u := range m.res.Units {
		if n := strings.TrimSpace(u.Name); n != "" {
			if _, ok := names[n]; !ok {
				names[n] = i
			}
		}
	}
	pm.plans = make([]unitPlan, len(f.Units))
	replaced := map[int]bool{}
	for ui, u := range f.Units {
		name := strings.TrimSpace(u.Name)
		pm.plans[ui] = unitPlan{replace: -1, existing: -1}
		idx, ok := names[name]
		if !ok {
			continue
		}
		pm.plans[ui].existing = idx
		ex := m.res.Units[idx]
		where := "草稿中已有"
		if from := m.unitFrom[idx]; from != "" {
			where = "已由文件“" + from + "”合并进来"
		}
		pm.conflict(ConflictUnitExists, name, "单位“%s”%s（%d行，合计 %s 万元）；这个文件中的同名单位有%d行，合计 %s 万元。请选择：替换已有的、两者都保留，或跳过这个文件中的同名单位",
			name, where, len(ex.Tasks), model.FormatMoney(mergeUnitTotal(ex), true), len(u.Tasks), model.FormatMoney(mergeUnitTotal(u), true))
		switch m.ch.action(name) {
		case UnitSkip:
			pm.plans[ui].skip = true
		case UnitReplace:
			if !replaced[idx] {
				pm.plans[ui].replace = idx
				replaced[idx] = true
			}
		}
	}
}

// reportSameRows: rows identical to rows of another unit are shown (they
// may be declared twice); they are merged all the same.
func (pm *partMerge) reportSameRows() {
	m, f := pm.merger, pm.f
	type rowAt struct {
		unit string
		row  int
	}
	rows := make(map[mergeRowKey]rowAt, m.res.TaskCount())
	for _, u := range m.res.Units {
		for ti := range u.Tasks {
			if k, ok := mergeTaskKey(&u.Tasks[ti]); ok {
				if _, ok := rows[k]; !ok {
					rows[k] = rowAt{strings.TrimSpace(u.Name), ti}
				}
			}
		}
	}
	for ui, u := range f.Units {
		if pm.plans[ui].skip {
			continue
		}
		name := strings.TrimSpace(u.Name)
		for ti := range u.Tasks {
			t := &u.Tasks[ti]
			k, ok := mergeTaskKey(t)
			if !ok {
				continue
			}
			at, ok := rows[k]
			if !ok || at.unit == name {
				continue
			}
			pm.conflict(ConflictSameTask, name, "单位“%s”第%d行“%s”（合计 %s 万元）与单位“%s”第%d行完全相同，可能重复申报；合并后请核对，如重复请删去一行",
				name, ti+1, mergeShort(t.Content), t.Total.String(), at.unit, at.row+1)
		}
	}
}

// mapGoals: the part's targets are appended and renumbered; one whose text
// the result had before this part is shared (unless KeepSameGoals);
// targets linked only to rows of skipped units are not added.
func (pm *partMerge) mapGoals() {
	m, f := pm.merger, pm.f
	n := len(f.Goals)
	linkedAny := make([]bool, n+1)
	linkedKept := make([]bool, n+1)
	linkedNew := make([]bool, n+1) // by a row of a unit the result does not have
	for ui, u := range f.Units {
		for _, t := range u.Tasks {
			for _, g := range t.Goals {
				if g >= 1 && g <= n {
					linkedAny[g] = true
					linkedKept[g] = linkedKept[g] || !pm.plans[ui].skip
					linkedNew[g] = linkedNew[g] || pm.plans[ui].existing < 0
				}
			}
		}
	}
	before := make(map[string]int, len(m.res.Goals))
	for i, g := range m.res.Goals {
		if t := strings.TrimSpace(g.Text); t != "" {
			if _, ok := before[t]; !ok {
				before[t] = i + 1
			}
		}
	}
	pm.gmap = make([]int, n+1)
	for g := 1; g <= n; g++ {
		if linkedAny[g] && !linkedKept[g] {
			pm.rep.GoalsSkipped++
			continue
		}
		text := strings.TrimSpace(f.Goals[g-1].Text)
		if k, ok := before[text]; ok && text != "" {
			// The targets of a unit the result already has are expected to
			// be there: the unit's conflict says enough.
			if !linkedAny[g] || linkedNew[g] {
				pm.sameGoal(g, k, text)
			}
			if !m.ch.KeepSameGoals {
				pm.gmap[g] = k
				pm.rep.GoalsSkipped++
				continue
			}
		}
		m.res.Goals = append(m.res.Goals, model.Goal{Text: f.Goals[g-1].Text})
		m.goalFrom = append(m.goalFrom, pm.label)
		pm.gmap[g] = len(m.res.Goals)
		pm.rep.GoalsAdded++
	}
}

func (pm *partMerge) sameGoal(g, k int, text string) {
	where := "草稿的"
	if from := pm.goalFrom[k-1]; from != "" {
		where = "已由文件“" + from + "”合并进来的"
	}
	pm.conflict(ConflictSameGoal, "", "文件的目标%d与%s目标%d文字相同（“%s”）。默认不重复添加，这个文件中对应它的任务改为对应目标%d；如需两条分别保留，请选择“相同目标分别保留”",
		g, where, k, mergeShort(text), k)
}

// addUnits: each unit (with its rows, their target links renumbered) is
// appended, replaces the unit of the same name, or is skipped.
func (pm *partMerge) addUnits() {
	m, f, n := pm.merger, pm.f, len(pm.f.Goals)
	for ui := range f.Units {
		pl := pm.plans[ui]
		name := strings.TrimSpace(f.Units[ui].Name)
		if pl.skip {
			pm.rep.UnitsSkipped++
			pm.note("单位“%s”已有，按选择跳过，未合并它的%d行", name, len(f.Units[ui].Tasks))
			continue
		}
		nu := f.Units[ui].Clone()
		for ti := range nu.Tasks {
			t := &nu.Tasks[ti]
			var links []int
			for _, g := range t.Goals {
				if g < 1 || g > n || pm.gmap[g] == 0 {
					pm.note("单位“%s”第%d行对应的目标%d在文件中不存在，已去掉这个对应关系，请合并后补选", name, ti+1, g)
					continue
				}
				if !slices.Contains(links, pm.gmap[g]) {
					links = append(links, pm.gmap[g])
				}
			}
			t.Goals = links
			pm.rep.TasksAdded++
			pm.rep.Total += t.Total.Money()
		}
		if pl.replace >= 0 {
			for _, t := range m.res.Units[pl.replace].Tasks {
				pm.oldLinks = append(pm.oldLinks, t.Goals...)
			}
			m.res.Units[pl.replace] = nu
			m.unitFrom[pl.replace] = pm.label
			pm.rep.UnitsReplaced++
			continue
		}
		if pl.existing >= 0 {
			pm.note("单位“%s”已有，按选择两者都保留，合并后有两个同名单位", name)
		}
		m.res.Units = append(m.res.Units, nu)
		m.unitFrom = append(m.unitFrom, pm.label)
		pm.rep.UnitsAdded++
	}
}

// dropOrphanGoals: targets that only the old rows of replaced units used
// go with them.
func (pm *partMerge) dropOrphanGoals() {
	m := pm.merger
	if len(pm.oldLinks) == 0 {
		return
	}
	used := map[int]bool{}
	for _, u := range m.res.Units {
		for _, t := range u.Tasks {
			for _, g := range t.Goals {
				used[g] = true
			}
		}
	}
	old := slices.Compact(slices.Sorted(slices.Values(pm.oldLinks)))
	for i := len(old) - 1; i >= 0; i-- {
		g := old[i]
		if g < 1 || g > len(m.res.Goals) || used[g] {
			continue
		}
		m.res.DeleteGoal(g - 1)
		m.goalFrom = slices.Delete(m.goalFrom, g-1, g)
		pm.rep.GoalsRemoved++
	}
}

// addIndicators: rows are appended unless the result has one with the
// same 一级/二级/三级/明细 names; such rows are skipped and reported.
func (pm *partMerge) addIndicators() {
	m, f := pm.merger, pm.f
	keys := make(map[[4]string]int, len(m.res.Indicators))
	for i, in := range m.res.Indicators {
		k := mergeIndicatorKey(in)
		if _, ok := keys[k]; !ok {
			keys[k] = i
		}
	}
	var same []string // the first few, for the message
	nsame := 0
	for _, in := range f.Indicators {
		j, ok := keys[mergeIndicatorKey(in)]
		if !ok {
			m.res.Indicators = append(m.res.Indicators, in.Clone())
			pm.rep.IndicatorsAdded++
			continue
		}
		pm.rep.IndicatorsSkipped++
		ex := m.res.Indicators[j]
		if diff := mergeIndicatorDiff(ex, in); len(diff) > 0 {
			pm.conflict(ConflictIndicator, "", "绩效指标“%s”已有，文件中这一行的%s与已有的不同（已有指标值“%s”，文件中“%s”）。文件中的这一行不会合并；如需采用文件中的内容，请合并后手工修改",
				mergeIndicatorPath(in), strings.Join(diff, "、"), ex.Value, in.Value)
		} else {
			if len(same) < 3 {
				same = append(same, mergeIndicatorPath(in))
			}
			nsame++
		}
	}
	if nsame > 0 {
		ex := strings.Join(same, "；")
		if nsame > len(same) {
			ex += "等"
		}
		pm.conflict(ConflictIndicator, "", "%d行绩效指标与已有的完全相同，不重复添加（%s）", nsame, ex)
	}
}

// addOptions: a column any part uses is switched on in the result.
func (pm *partMerge) addOptions() {
	o, po := &pm.res.Options, pm.f.Options
	o.OtherFunds = o.OtherFunds || po.OtherFunds
	o.Weight = o.Weight || po.Weight
	o.Unit = o.Unit || po.Unit
	o.ValueType = o.ValueType || po.ValueType
	o.Scoring = o.Scoring || po.Scoring
}
