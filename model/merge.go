package model

// 汇总: merging the files of sub-units into the department's form.
//
// A bureau's form is assembled from its sub-units: each unit's clerk
// prepares its own part and sends it; the bureau's clerk merges them into
// the department's draft. PlanMerge shows, before anything changes, what
// needs the clerk's attention; Merge builds the merged form as a new value
// (the draft passed in is never modified, so keeping it is the undo).
//
// The rules:
//   - Parts are merged in order; each part's units (with their tasks) are
//     appended after the draft's units.
//   - A unit whose name the result already has (from the draft or from an
//     earlier part) is replaced in place, kept as a second unit, or skipped,
//     as MergeChoices says; the zero MergeChoices skips it (the safe
//     default: nothing already in the draft changes).
//   - A part's targets (年度总体目标) are appended and renumbered, and its
//     tasks' links (Task.Goals) follow them. A target whose text equals a
//     target the result had before this part is not added again: the part's
//     tasks are linked to the existing target (unless KeepSameGoals). Inside
//     one part nothing is deduplicated: a part is what its clerk wrote.
//     Targets linked only to tasks of skipped units are not added.
//   - When a unit is replaced, targets that only its old rows used are
//     removed with it.
//   - Indicators are appended unless the result already has one with the
//     same 一级/二级/三级/明细 names; such rows are skipped and reported.
//   - The options (extra columns) of the parts are switched on in the result.
//   - A part of another 年度 is refused unless AllowYear; a different 部门名称
//     is shown, the result keeps the draft's. An empty draft takes the
//     year and department of the first part that has them.
// So the totals of the result are the draft's plus those of the units
// added, minus those of the units replaced; merging into an empty draft
// gives exactly the sum of the parts.

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// MergePart is one file to merge: its form and a label (file name) for
// messages.
type MergePart struct {
	Label string
	Form  *Form
}

// UnitAction is what to do with a unit of a part whose name the result
// already has.
type UnitAction uint8

const (
	// UnitSkip leaves the existing unit as it is and does not merge the
	// part's unit (nor the targets only its rows use). It is the zero value
	// and so the default: a merge never changes what is already in the
	// draft unless the clerk asks for it.
	UnitSkip UnitAction = iota
	// UnitReplace puts the part's unit in the place of the existing one.
	UnitReplace
	// UnitKeepBoth keeps the existing unit and appends the part's unit
	// (with the same name) after the others.
	UnitKeepBoth
)

func (a UnitAction) String() string {
	switch a {
	case UnitSkip:
		return "跳过"
	case UnitReplace:
		return "替换"
	case UnitKeepBoth:
		return "两者都保留"
	}
	return fmt.Sprintf("UnitAction(%d)", a)
}

// MergeChoices are the clerk's answers to the conflicts of a plan.
type MergeChoices struct {
	// Units says, by unit name (as MergeConflict.Unit spells it: trimmed),
	// what to do with a unit the result already has; names not in the map
	// use Default.
	Units map[string]UnitAction
	// Default is the action for existing units not in Units. Its zero value
	// is UnitSkip.
	Default UnitAction
	// AllowYear merges parts whose 年度 differs from the draft's; without it
	// Merge refuses them.
	AllowYear bool
	// KeepSameGoals adds a part's target even when the result already has a
	// target with the same text (two units may well state the same target
	// for different rows, as the seed's 目标15 and 目标20 do). Without it the
	// part's rows are linked to the existing target.
	KeepSameGoals bool
}

func (c MergeChoices) action(unit string) UnitAction {
	if a, ok := c.Units[unit]; ok {
		return a
	}
	return c.Default
}

// ConflictKind is the kind of a MergeConflict.
type ConflictKind uint8

const (
	ConflictUnitExists ConflictKind = iota // 单位已有: choose replace, keep both or skip
	ConflictSameTask                       // 任务相同: the same row in another unit (counted twice?)
	ConflictSameGoal                       // 目标相同: a target with the same text exists
	ConflictIndicator                      // 指标重复: indicator rows already present, skipped
	ConflictYear                           // 年度不同: refused unless AllowYear
	ConflictDept                           // 部门不同: the result keeps the draft's name
)

func (k ConflictKind) String() string {
	switch k {
	case ConflictUnitExists:
		return "单位已有"
	case ConflictSameTask:
		return "任务相同"
	case ConflictSameGoal:
		return "目标相同"
	case ConflictIndicator:
		return "指标重复"
	case ConflictYear:
		return "年度不同"
	case ConflictDept:
		return "部门不同"
	}
	return fmt.Sprintf("ConflictKind(%d)", k)
}

// MergeConflict is something the clerk must see before applying.
type MergeConflict struct {
	Kind  ConflictKind
	Part  int    // index of the part in the parts passed
	Label string // the part's label (file name)
	Unit  string // the unit concerned (trimmed name), "" when none
	// Message says in plain Chinese what was found and what will happen or
	// what to choose; it does not repeat Label.
	Message string
}

// String is Label and Message, e.g. "机关.xlsx：单位“…”在草稿中已有…".
func (c MergeConflict) String() string { return c.Label + "：" + c.Message }

// NeedsConfirm reports whether the clerk must confirm before the merge is
// applied: everything except indicator rows that are skipped (those are
// only reported).
func (c MergeConflict) NeedsConfirm() bool { return c.Kind != ConflictIndicator }

// PartReport is what was merged from one part.
type PartReport struct {
	Label                                   string
	UnitsAdded, UnitsReplaced, UnitsSkipped int
	TasksAdded                              int // rows of the units added or replaced
	// GoalsAdded are the targets appended; GoalsSkipped those not added,
	// because the result had the same text (the rows link to it) or because
	// only rows of skipped units used them.
	GoalsAdded, GoalsSkipped int
	// GoalsRemoved are targets of the draft that only the old rows of a
	// replaced unit used, removed with them.
	GoalsRemoved                       int
	IndicatorsAdded, IndicatorsSkipped int
	Total                              Money // 合计 of the rows added
	// Notes are further plain-Chinese remarks (links dropped, …).
	Notes []string
}

// MergeReport says what was merged, per part.
type MergeReport struct {
	Parts []PartReport
}

// String is the report in Chinese, one paragraph per file and a total line.
func (r MergeReport) String() string {
	var b strings.Builder
	var tasks int
	var total Money
	for _, p := range r.Parts {
		fmt.Fprintf(&b, "文件“%s”：\n", p.Label)
		var us []string
		if p.UnitsAdded > 0 {
			us = append(us, fmt.Sprintf("新增%d个", p.UnitsAdded))
		}
		if p.UnitsReplaced > 0 {
			us = append(us, fmt.Sprintf("替换%d个", p.UnitsReplaced))
		}
		if p.UnitsSkipped > 0 {
			us = append(us, fmt.Sprintf("跳过%d个", p.UnitsSkipped))
		}
		if len(us) == 0 {
			us = append(us, "无")
		}
		fmt.Fprintf(&b, "  单位：%s\n", strings.Join(us, "，"))
		fmt.Fprintf(&b, "  任务：%d行，合计 %s 万元\n", p.TasksAdded, FormatMoney(p.Total, true))
		gs := []string{fmt.Sprintf("新增%d条", p.GoalsAdded)}
		switch {
		case p.GoalsSkipped > 0 && p.UnitsSkipped > 0:
			gs = append(gs, fmt.Sprintf("未添加%d条（已有相同文字的，或只属于跳过的单位）", p.GoalsSkipped))
		case p.GoalsSkipped > 0:
			gs = append(gs, fmt.Sprintf("已有相同文字而未重复添加%d条", p.GoalsSkipped))
		}
		if p.GoalsRemoved > 0 {
			gs = append(gs, fmt.Sprintf("随被替换单位删除%d条", p.GoalsRemoved))
		}
		fmt.Fprintf(&b, "  年度总体目标：%s\n", strings.Join(gs, "，"))
		is := fmt.Sprintf("新增%d行", p.IndicatorsAdded)
		if p.IndicatorsSkipped > 0 {
			is += fmt.Sprintf("，已有而跳过%d行", p.IndicatorsSkipped)
		}
		fmt.Fprintf(&b, "  绩效指标：%s\n", is)
		for _, n := range p.Notes {
			fmt.Fprintf(&b, "  · %s\n", n)
		}
		tasks += p.TasksAdded
		total += p.Total
	}
	fmt.Fprintf(&b, "共合并%d个文件：任务%d行，合计 %s 万元。\n", len(r.Parts), tasks, FormatMoney(total, true))
	return b.String()
}

// PlanMerge returns what the clerk must see before merging parts into
// into, in part order: units the result already has, rows identical to
// rows of other units, targets with the same text, indicator rows already
// present, a different 年度, a different 部门名称. It assumes every unit is
// merged and targets with the same text are shared (the choices are not
// made yet), so it shows every conflict that can arise; the targets of a
// unit that already exists are not listed again (the unit's conflict
// covers them). into is not modified.
func PlanMerge(into *Form, parts []MergePart) []MergeConflict {
	m := newMerger(into, MergeChoices{Default: UnitKeepBoth, AllowYear: true}, true)
	for i, p := range parts {
		_ = m.part(i, p)
	}
	return m.conflicts
}

// Merge returns a new form: into with parts merged in as choices say, and
// what was merged per part. into and the parts are not modified (keeping
// into is the undo). It fails, returning no form, when a part's 年度
// differs and !choices.AllowYear, or a part has no form; the error is
// plain Chinese.
func Merge(into *Form, parts []MergePart, choices MergeChoices) (*Form, MergeReport, error) {
	if err := sameTemplates(into, parts); err != nil {
		return nil, MergeReport{}, err
	}
	m := newMerger(into, choices, false)
	for i, p := range parts {
		if err := m.part(i, p); err != nil {
			return nil, MergeReport{}, err
		}
	}
	return m.res, m.report, nil
}

type merger struct {
	res       *Form
	ch        MergeChoices
	plan      bool
	year      string   // the result's year, normalized
	unitFrom  []string // parallel to res.Units: label of the part it came from, "" = the draft
	goalFrom  []string // parallel to res.Goals
	conflicts []MergeConflict
	report    MergeReport
}

func newMerger(into *Form, ch MergeChoices, plan bool) *merger {
	var res *Form
	if into == nil {
		res = &Form{Version: SchemaVersion}
	} else {
		res = into.Clone()
	}
	return &merger{
		res: res, ch: ch, plan: plan,
		year:     mergeYearKey(res.Year),
		unitFrom: make([]string, len(res.Units)),
		goalFrom: make([]string, len(res.Goals)),
	}
}

// unitPlan is the decision about one unit of a part.
type unitPlan struct {
	skip     bool
	replace  int // index in res.Units to replace, -1 when appended
	existing int // index of the unit with the same name, -1 when none
}

func (m *merger) part(pi int, p MergePart) error {
	label := strings.TrimSpace(p.Label)
	if label == "" {
		label = fmt.Sprintf("第%d个文件", pi+1)
	}
	conflict := func(kind ConflictKind, unit, format string, args ...any) {
		m.conflicts = append(m.conflicts, MergeConflict{Kind: kind, Part: pi, Label: label, Unit: unit, Message: fmt.Sprintf(format, args...)})
	}
	f := p.Form
	if f == nil {
		if m.plan {
			return nil
		}
		return fmt.Errorf("文件“%s”没有读到内容，未合并任何文件。请重新选择这个文件", label)
	}
	rep := PartReport{Label: label}
	note := func(format string, args ...any) { rep.Notes = append(rep.Notes, fmt.Sprintf(format, args...)) }

	// 年度 and 部门名称.
	if k := mergeYearKey(f.Year); k != "" {
		switch {
		case m.year == "":
			m.year = k
			if strings.TrimSpace(m.res.Year) == "" {
				m.res.Year = strings.TrimSpace(f.Year)
			}
		case k != m.year:
			conflict(ConflictYear, "", "文件是%s年度的，草稿是%s年度的，年度不同。请确认选对了文件；确需合并时须选择“允许合并不同年度”", mergeYearText(f.Year), mergeYearText(m.res.Year))
			if !m.plan && !m.ch.AllowYear {
				return fmt.Errorf("文件“%s”是%s年度的，草稿是%s年度的，年度不同，没有合并任何文件。请确认选对了文件；确需合并时请选择“允许合并不同年度”", label, mergeYearText(f.Year), mergeYearText(m.res.Year))
			}
		}
	}
	if pd, rd := strings.TrimSpace(f.Dept), strings.TrimSpace(m.res.Dept); pd != "" {
		switch {
		case rd == "":
			m.res.Dept = pd
		case pd != rd:
			conflict(ConflictDept, "", "文件的部门名称是“%s”，草稿是“%s”。合并后部门名称仍为“%s”；请确认选对了文件", pd, rd, rd)
		}
	}

	// Decide about each unit, against the units the result has before
	// this part.
	names := make(map[string]int, len(m.res.Units))
	for i, u := range m.res.Units {
		if n := strings.TrimSpace(u.Name); n != "" {
			if _, ok := names[n]; !ok {
				names[n] = i
			}
		}
	}
	plans := make([]unitPlan, len(f.Units))
	replaced := map[int]bool{}
	for ui, u := range f.Units {
		name := strings.TrimSpace(u.Name)
		plans[ui] = unitPlan{replace: -1, existing: -1}
		idx, ok := names[name]
		if !ok {
			continue
		}
		plans[ui].existing = idx
		ex := m.res.Units[idx]
		where := "草稿中已有"
		if from := m.unitFrom[idx]; from != "" {
			where = "已由文件“" + from + "”合并进来"
		}
		conflict(ConflictUnitExists, name, "单位“%s”%s（%d行，合计 %s 万元）；这个文件中的同名单位有%d行，合计 %s 万元。请选择：替换已有的、两者都保留，或跳过这个文件中的同名单位",
			name, where, len(ex.Tasks), FormatMoney(mergeUnitTotal(ex), true), len(u.Tasks), FormatMoney(mergeUnitTotal(u), true))
		switch m.ch.action(name) {
		case UnitSkip:
			plans[ui].skip = true
		case UnitReplace:
			if !replaced[idx] {
				plans[ui].replace = idx
				replaced[idx] = true
			}
		}
	}

	// Rows identical to rows of another unit.
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
		if plans[ui].skip {
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
			conflict(ConflictSameTask, name, "单位“%s”第%d行“%s”（合计 %s 万元）与单位“%s”第%d行完全相同，可能重复申报；合并后请核对，如重复请删去一行",
				name, ti+1, mergeShort(t.Content), t.Total.String(), at.unit, at.row+1)
		}
	}

	// Targets.
	n := len(f.Goals)
	linkedAny := make([]bool, n+1)
	linkedKept := make([]bool, n+1)
	linkedNew := make([]bool, n+1) // by a row of a unit the result does not have
	for ui, u := range f.Units {
		for _, t := range u.Tasks {
			for _, g := range t.Goals {
				if g >= 1 && g <= n {
					linkedAny[g] = true
					linkedKept[g] = linkedKept[g] || !plans[ui].skip
					linkedNew[g] = linkedNew[g] || plans[ui].existing < 0
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
	gmap := make([]int, n+1)
	for g := 1; g <= n; g++ {
		if linkedAny[g] && !linkedKept[g] {
			rep.GoalsSkipped++
			continue
		}
		text := strings.TrimSpace(f.Goals[g-1].Text)
		if k, ok := before[text]; ok && text != "" {
			// The targets of a unit the result already has are expected to
			// be there: the unit's conflict says enough.
			if !linkedAny[g] || linkedNew[g] {
				m.sameGoal(conflict, g, k, text)
			}
			if !m.ch.KeepSameGoals {
				gmap[g] = k
				rep.GoalsSkipped++
				continue
			}
		}
		m.res.Goals = append(m.res.Goals, Goal{Text: f.Goals[g-1].Text})
		m.goalFrom = append(m.goalFrom, label)
		gmap[g] = len(m.res.Goals)
		rep.GoalsAdded++
	}

	// Units and their rows.
	var oldLinks []int // targets linked by the rows of replaced units
	for ui := range f.Units {
		pl := plans[ui]
		name := strings.TrimSpace(f.Units[ui].Name)
		if pl.skip {
			rep.UnitsSkipped++
			note("单位“%s”已有，按选择跳过，未合并它的%d行", name, len(f.Units[ui].Tasks))
			continue
		}
		nu := f.Units[ui].clone()
		for ti := range nu.Tasks {
			t := &nu.Tasks[ti]
			var links []int
			for _, g := range t.Goals {
				if g < 1 || g > n || gmap[g] == 0 {
					note("单位“%s”第%d行对应的目标%d在文件中不存在，已去掉这个对应关系，请合并后补选", name, ti+1, g)
					continue
				}
				if !slices.Contains(links, gmap[g]) {
					links = append(links, gmap[g])
				}
			}
			t.Goals = links
			rep.TasksAdded++
			rep.Total += t.Total.val
		}
		if pl.replace >= 0 {
			for _, t := range m.res.Units[pl.replace].Tasks {
				oldLinks = append(oldLinks, t.Goals...)
			}
			m.res.Units[pl.replace] = nu
			m.unitFrom[pl.replace] = label
			rep.UnitsReplaced++
			continue
		}
		if pl.existing >= 0 {
			note("单位“%s”已有，按选择两者都保留，合并后有两个同名单位", name)
		}
		m.res.Units = append(m.res.Units, nu)
		m.unitFrom = append(m.unitFrom, label)
		rep.UnitsAdded++
	}
	// Targets that only the old rows of replaced units used go with them.
	if len(oldLinks) > 0 {
		used := map[int]bool{}
		for _, u := range m.res.Units {
			for _, t := range u.Tasks {
				for _, g := range t.Goals {
					used[g] = true
				}
			}
		}
		slices.Sort(oldLinks)
		oldLinks = slices.Compact(oldLinks)
		for i := len(oldLinks) - 1; i >= 0; i-- {
			g := oldLinks[i]
			if g < 1 || g > len(m.res.Goals) || used[g] {
				continue
			}
			m.res.DeleteGoal(g - 1)
			m.goalFrom = slices.Delete(m.goalFrom, g-1, g)
			rep.GoalsRemoved++
		}
	}

	// Indicators.
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
			m.res.Indicators = append(m.res.Indicators, in.clone())
			rep.IndicatorsAdded++
			continue
		}
		rep.IndicatorsSkipped++
		ex := m.res.Indicators[j]
		if diff := mergeIndicatorDiff(ex, in); len(diff) > 0 {
			conflict(ConflictIndicator, "", "绩效指标“%s”已有，文件中这一行的%s与已有的不同（已有指标值“%s”，文件中“%s”）。文件中的这一行不会合并；如需采用文件中的内容，请合并后手工修改",
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
		conflict(ConflictIndicator, "", "%d行绩效指标与已有的完全相同，不重复添加（%s）", nsame, ex)
	}

	// Options: a column any part uses is switched on.
	o, po := &m.res.Options, f.Options
	o.OtherFunds = o.OtherFunds || po.OtherFunds
	o.Weight = o.Weight || po.Weight
	o.Unit = o.Unit || po.Unit
	o.ValueType = o.ValueType || po.ValueType
	o.Scoring = o.Scoring || po.Scoring

	m.report.Parts = append(m.report.Parts, rep)
	return nil
}

func mergeUnitTotal(u Unit) Money {
	var s Money
	for i := range u.Tasks {
		s += u.Tasks[i].Total.val
	}
	return s
}

func (m *merger) sameGoal(conflict func(ConflictKind, string, string, ...any), g, k int, text string) {
	where := "草稿的"
	if from := m.goalFrom[k-1]; from != "" {
		where = "已由文件“" + from + "”合并进来的"
	}
	conflict(ConflictSameGoal, "", "文件的目标%d与%s目标%d文字相同（“%s”）。默认不重复添加，这个文件中对应它的任务改为对应目标%d；如需两条分别保留，请选择“相同目标分别保留”",
		g, where, k, mergeShort(text), k)
}

// mergeRowKey identifies a row by its content and amounts.
type mergeRowKey struct {
	content              string
	total, fiscal, other Money
	invalid              string // the raw text of amounts that are not valid
}

// taskKey is t's mergeRowKey; ok is false when the row has no content.
func mergeTaskKey(t *Task) (k mergeRowKey, ok bool) {
	k.content = strings.TrimSpace(t.Content)
	if k.content == "" {
		return k, false
	}
	k.total, k.fiscal, k.other = t.Total.val, t.Fiscal.val, t.Other.val
	for _, a := range [...]*Amount{&t.Total, &t.Fiscal, &t.Other} {
		if a.state == AmountInvalid {
			k.invalid += a.raw + "\x00"
		}
	}
	return k, true
}

// mergeIndicatorKey is what makes two indicator rows the same row: the
// names of its levels.
func mergeIndicatorKey(in Indicator) [4]string {
	return [4]string{
		strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2),
		strings.TrimSpace(in.Level3), strings.TrimSpace(in.Sub),
	}
}

func mergeIndicatorPath(in Indicator) string {
	var parts []string
	for _, s := range []string{in.Level1, in.Level2, in.Level3, in.Sub} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " › ")
}

// indicatorDiff names the columns in which b differs from a.
func mergeIndicatorDiff(a, b Indicator) []string {
	var d []string
	add := func(differ bool, f Field) {
		if differ {
			d = append(d, string(f))
		}
	}
	add(a.Value != b.Value, FieldValue)
	add(a.Explain != b.Explain, FieldExplain)
	add(a.Note != b.Note, FieldNote)
	add(a.Weight != b.Weight, FieldWeight)
	add(a.Unit != b.Unit, FieldUnit)
	add(a.ValueType != b.ValueType, FieldValueType)
	add(a.Scoring != b.Scoring, FieldScoring)
	add(a.Formula != b.Formula || !maps.Equal(a.Inputs, b.Inputs), FieldInput)
	return d
}

// yearKey normalizes a typed 年度 for comparison: its digits ("２０２０年度"
// → "2020"), or the trimmed text when it has none.
func mergeYearKey(y string) string {
	y = normalizeNumber(y)
	var b strings.Builder
	for _, r := range y {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		return b.String()
	}
	return y
}

func mergeYearText(y string) string {
	y = strings.TrimSpace(y)
	if y == "" {
		return "未填年度"
	}
	y = strings.TrimSuffix(strings.TrimSuffix(y, "年度"), "年")
	return y
}

// short cuts a text to about 30 characters for messages.
func mergeShort(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 30 {
		return s
	}
	r := []rune(s)
	return string(r[:30]) + "…"
}
