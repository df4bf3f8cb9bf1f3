// Package merge is 汇总: merging the files of sub-units into the
// department's form. It depends on the core model only.
//
// A bureau's form is assembled from its sub-units: each unit's clerk
// prepares its own part and sends it; the bureau's clerk merges them into
// the department's draft. Plan shows, before anything changes, what
// needs the clerk's attention; Merge builds the merged form as a new value
// (the draft passed in is never modified, so keeping it is the undo).
//
// The rules:
//   - Parts are merged in order; each part's units (with their tasks) are
//     appended after the draft's units.
//   - A unit whose name the result already has (from the draft or from an
//     earlier part) is replaced in place, kept as a second unit, or skipped,
//     as Choices says; the zero Choices skips it (the safe
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
//
// So the totals of the result are the draft's plus those of the units
// added, minus those of the units replaced; merging into an empty draft
// gives exactly the sum of the parts.
package merge

import (
	"fmt"
	"maps"
	"strings"
	"unicode/utf8"

	"jixiao/model"
)

// Part is one file to merge: its form and a label (file name) for
// messages.
type Part struct {
	Label string
	Form  *model.Form
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

// Choices are the clerk's answers to the conflicts of a plan.
type Choices struct {
	// Units says, by unit name (as Conflict.Unit spells it: trimmed),
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
	// Templates are the 表样 known besides the built-in ones (imported from
	// a bureau's file): messages name a form's template by its name.
	Templates []*model.Template
}

func (c Choices) action(unit string) UnitAction {
	if a, ok := c.Units[unit]; ok {
		return a
	}
	return c.Default
}

// ConflictKind is the kind of a Conflict.
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

// Conflict is something the clerk must see before applying.
type Conflict struct {
	Kind  ConflictKind
	Part  int    // index of the part in the parts passed
	Label string // the part's label (file name)
	Unit  string // the unit concerned (trimmed name), "" when none
	// Message says in plain Chinese what was found and what will happen or
	// what to choose; it does not repeat Label.
	Message string
}

// String is Label and Message, e.g. "机关.xlsx：单位“…”在草稿中已有…".
func (c Conflict) String() string { return c.Label + "：" + c.Message }

// NeedsConfirm reports whether the clerk must confirm before the merge is
// applied: everything except indicator rows that are skipped (those are
// only reported).
func (c Conflict) NeedsConfirm() bool { return c.Kind != ConflictIndicator }

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
	Total                              model.Money // 合计 of the rows added
	// Notes are further plain-Chinese remarks (links dropped, …).
	Notes []string
}

// Report says what was merged, per part.
type Report struct {
	Parts []PartReport
}

// String is the report in Chinese, one paragraph per file and a total line.
func (r Report) String() string {
	var b strings.Builder
	var tasks int
	var total model.Money
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
		fmt.Fprintf(&b, "  任务：%d行，合计 %s 万元\n", p.TasksAdded, model.FormatMoney(p.Total, true))
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
	fmt.Fprintf(&b, "共合并%d个文件：任务%d行，合计 %s 万元。\n", len(r.Parts), tasks, model.FormatMoney(total, true))
	return b.String()
}

// Plan returns what the clerk must see before merging parts into
// into, in part order: units the result already has, rows identical to
// rows of other units, targets with the same text, indicator rows already
// present, a different 年度, a different 部门名称. It assumes every unit is
// merged and targets with the same text are shared (the choices are not
// made yet), so it shows every conflict that can arise; the targets of a
// unit that already exists are not listed again (the unit's conflict
// covers them). into is not modified.
func Plan(into *model.Form, parts []Part) []Conflict {
	m := newMerger(into, Choices{Default: UnitKeepBoth, AllowYear: true}, true)
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
func Merge(into *model.Form, parts []Part, choices Choices) (*model.Form, Report, error) {
	if err := sameTemplates(into, parts, choices.Templates); err != nil {
		return nil, Report{}, err
	}
	m := newMerger(into, choices, false)
	for i, p := range parts {
		if err := m.part(i, p); err != nil {
			return nil, Report{}, err
		}
	}
	return m.res, m.report, nil
}

type merger struct {
	res       *model.Form
	ch        Choices
	plan      bool
	year      string   // the result's year, normalized
	unitFrom  []string // parallel to res.Units: label of the part it came from, "" = the draft
	goalFrom  []string // parallel to res.Goals
	conflicts []Conflict
	report    Report
}

func newMerger(into *model.Form, ch Choices, plan bool) *merger {
	var res *model.Form
	if into == nil {
		res = &model.Form{Version: model.SchemaVersion}
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

func mergeUnitTotal(u model.Unit) model.Money {
	var s model.Money
	for i := range u.Tasks {
		s += u.Tasks[i].Total.Money()
	}
	return s
}

// mergeRowKey identifies a row by its content and amounts.
type mergeRowKey struct {
	content              string
	total, fiscal, other model.Money
	invalid              string // the raw text of amounts that are not valid
}

// mergeTaskKey is t's mergeRowKey; ok is false when the row has no content.
func mergeTaskKey(t *model.Task) (k mergeRowKey, ok bool) {
	k.content = strings.TrimSpace(t.Content)
	if k.content == "" {
		return k, false
	}
	k.total, k.fiscal, k.other = t.Total.Money(), t.Fiscal.Money(), t.Other.Money()
	for _, a := range [...]*model.Amount{&t.Total, &t.Fiscal, &t.Other} {
		if a.State() == model.AmountInvalid {
			k.invalid += a.Raw() + "\x00"
		}
	}
	return k, true
}

// mergeIndicatorKey is what makes two indicator rows the same row: the
// names of its levels.
func mergeIndicatorKey(in model.Indicator) [4]string {
	return [4]string{
		strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2),
		strings.TrimSpace(in.Level3), strings.TrimSpace(in.Sub),
	}
}

func mergeIndicatorPath(in model.Indicator) string {
	var parts []string
	for _, s := range []string{in.Level1, in.Level2, in.Level3, in.Sub} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " › ")
}

// mergeIndicatorDiff names the columns in which b differs from a.
func mergeIndicatorDiff(a, b model.Indicator) []string {
	var d []string
	add := func(differ bool, f model.Field) {
		if differ {
			d = append(d, string(f))
		}
	}
	add(a.Value != b.Value, model.FieldValue)
	add(a.Explain != b.Explain, model.FieldExplain)
	add(a.Note != b.Note, model.FieldNote)
	add(a.Weight != b.Weight, model.FieldWeight)
	add(a.Unit != b.Unit, model.FieldUnit)
	add(a.ValueType != b.ValueType, model.FieldValueType)
	add(a.Scoring != b.Scoring, model.FieldScoring)
	add(a.Formula != b.Formula || !maps.Equal(a.Inputs, b.Inputs), model.FieldInput)
	return d
}

// mergeYearKey normalizes a typed 年度 for comparison: its digits ("２０２０年度"
// → "2020"), or the trimmed text when it has none.
func mergeYearKey(y string) string {
	y = model.NormalizeNumber(y)
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

// mergeShort cuts a text to about 30 characters for messages.
func mergeShort(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 30 {
		return s
	}
	r := []rune(s)
	return string(r[:30]) + "…"
}
