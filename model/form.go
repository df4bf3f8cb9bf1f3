// Package model is the 市级部门整体绩效目标申报表 (department overall
// performance-target declaration form) as Go types, with every rule about
// it: amounts, totals, rates, checks (审核) and copy-forward (复制上年).
// It knows nothing of windows, files or databases.
package model

import (
	"slices"
	"time"
)

// SchemaVersion is the version of the Form's stored shape (the JSON of
// the drafts file and of exchanged files). Raise it whenever a field is
// added, removed, renamed or retyped, or changes meaning: an older jixiao
// then refuses the new records and files instead of dropping what it does
// not know, and readers of this build migrate older versions
// (migrate.go). TestSchemaShape fails when the shape changes and this
// number does not.
const SchemaVersion = 2

// Form is one 申报表.
type Form struct {
	Version    int         `json:"version"`    // SchemaVersion when written
	Year       string      `json:"year"`       // 年度 as typed, e.g. "2020"; see YearNumber
	Dept       string      `json:"dept"`       // 部门名称
	Options    Options     `json:"options"`    // optional columns in use
	Goals      []Goal      `json:"goals"`      // 年度总体目标, 目标1…N in order
	Units      []Unit      `json:"units"`      // 年度主要任务, grouped by unit
	Indicators []Indicator `json:"indicators"` // 绩效指标, in table order
	Meta       Meta        `json:"meta"`       // what the program records
	// The rest of the year (see stage.go): the stage, the month a 运行监控
	// is as of, the stage changes and the 调整 of declared values.
	Stage       Stage         `json:"stage,omitempty"`
	Month       int           `json:"month,omitempty"`
	StageLog    []StageChange `json:"stageLog,omitempty"`
	Adjustments []Adjustment  `json:"adjustments,omitempty"`
	// Template is the 表样 the form follows (empty: the sample's 郑州
	// layout, DefaultTemplateID, with Options).
	Template TemplateRef `json:"template,omitzero"`
	// Basic are the template's further 基本信息 fields (单位负责人, 填报人,
	// 联系电话 …) by label.
	Basic map[string]string `json:"basic,omitempty"`
	// Funds is the 部门总体资金情况 of templates that have it.
	Funds *Funds `json:"funds,omitempty"`
	// Duties is the 部门职能概述 (部门(单位)职责), free text of any length.
	Duties string `json:"duties,omitempty"`
}

// Options switches on the columns that other provinces' templates use.
type Options struct {
	OtherFunds bool `json:"otherFunds,omitempty"` // 其他资金 (合计 = 财政资金 + 其他资金)
	Weight     bool `json:"weight,omitempty"`     // 分值
	Unit       bool `json:"unit,omitempty"`       // 计量单位
	ValueType  bool `json:"valueType,omitempty"`  // 指标值类型 (定量/定性)
	Scoring    bool `json:"scoring,omitempty"`    // 评(扣)分标准
	Nature     bool `json:"nature,omitempty"`     // 指标性质 (≥ ≤ = 定性)
	Direction  bool `json:"direction,omitempty"`  // 指标方向 (正向/反向)
}

// Meta is what the program records about a form.
type Meta struct {
	Created time.Time `json:"created,omitzero"` // when the form was made
	Updated time.Time `json:"updated,omitzero"` // when it was last changed
	// Origin says in plain Chinese where the form came from, e.g.
	// "复制自“郑州市生态环境局 2020年度”" or "导入自 局机关.xlsx".
	Origin string `json:"origin,omitempty"`
	// OriginDraft is the id of the draft it was copied from, if any.
	OriginDraft string `json:"originDraft,omitempty"`
	// PrevYear is the year it was carried forward from, if any.
	PrevYear string `json:"prevYear,omitempty"`
}

// Goal is one numbered 年度总体目标; its number is its position + 1.
type Goal struct {
	Text string `json:"text"` // the target, free text of any length
}

// Unit is one 任务名称 group of the task table: a unit (e.g.
// 郑州市生态环境局机关) with its rows.
type Unit struct {
	Name  string `json:"name"`  // 任务名称: the unit
	Tasks []Task `json:"tasks"` // its rows, in order
}

// Task is one row of 年度主要任务. Amounts are in 万元.
type Task struct {
	Content string `json:"content"` // 主要内容
	Total   Amount `json:"total"`   // 预算资金 合计
	Fiscal  Amount `json:"fiscal"`  // 其中：财政资金
	Other   Amount `json:"other"`   // 其他资金, used when Options.OtherFunds
	Note    string `json:"note"`    // 备注
	// Goals are the numbers (1-based) of the targets this row serves.
	Goals []int `json:"goals,omitempty"`
	// Prev holds last year's figures when the form was carried forward.
	Prev *PrevAmounts `json:"prev,omitempty"`
	// Review marks amounts copied from last year that the clerk has not yet
	// confirmed (复制上年 keeps them but asks for a look).
	Review bool `json:"review,omitempty"`
	// Monitor and Eval are the row's 运行监控 and 年度自评 figures.
	Monitor TaskMonitor `json:"monitor,omitzero"`
	Eval    TaskEval    `json:"eval,omitzero"`
}

// PrevAmounts are a task's amounts of the year before (上年数).
type PrevAmounts struct {
	Total  Amount `json:"total"`  // 合计
	Fiscal Amount `json:"fiscal"` // 财政资金
	Other  Amount `json:"other"`  // 其他资金
}

// Indicator is one row of 绩效指标.
type Indicator struct {
	Level1 string `json:"level1"` // 一级指标
	Level2 string `json:"level2"` // 二级指标
	Level3 string `json:"level3"` // 三级指标
	// Sub is a rate listed under a 三级指标 that groups several, as the
	// seed's 成本控制成效 → 在职人员经费变动率 … 总体成本节约率.
	Sub     string `json:"sub,omitempty"`
	Value   string `json:"value"`   // 指标值 as typed, e.g. "≥98%", "充分"
	Explain string `json:"explain"` // 指标解释
	Note    string `json:"note"`    // 指标说明
	// Optional columns (see Options).
	Weight    string `json:"weight,omitempty"`    // 分值
	Unit      string `json:"unit,omitempty"`      // 计量单位
	ValueType string `json:"valueType,omitempty"` // 指标值类型: 定量 or 定性
	Scoring   string `json:"scoring,omitempty"`   // 评(扣)分标准
	// Formula is the key of the rate formula in Formulas ("" when none).
	Formula string `json:"formula,omitempty"`
	// Inputs are the texts typed for the formula's inputs, by input name.
	Inputs map[string]string `json:"inputs,omitempty"`
	// Monitor and Eval are the row's 运行监控 and 年度自评 values; Last is
	// last year's result when the form was carried from a 自评 draft.
	Monitor IndicatorMonitor `json:"monitor,omitzero"`
	Eval    IndicatorEval    `json:"eval,omitzero"`
	Last    LastResult       `json:"last,omitzero"`
	// Columns of some templates (Options.Nature, Options.Direction).
	Nature    string `json:"nature,omitempty"`    // 指标性质: ≥ ≤ = 定性
	Direction string `json:"direction,omitempty"` // 指标方向: 正向 or 反向
}

// Name is the indicator's own name: Sub when set, else Level3.
func (in Indicator) Name() string {
	if in.Sub != "" {
		return in.Sub
	}
	return in.Level3
}

// New returns an empty form for year and dept.
func New(year, dept string, now time.Time) *Form {
	return &Form{Version: SchemaVersion, Year: year, Dept: dept, Meta: Meta{Created: now, Updated: now}}
}

// TaskCount is the number of task rows in all units.
func (f *Form) TaskCount() int {
	n := 0
	for _, u := range f.Units {
		n += len(u.Tasks)
	}
	return n
}

// InsertGoal inserts a goal with text at position i (0-based, clamped to
// the list) and renumbers: task links to goals at or after i move up by one.
func (f *Form) InsertGoal(i int, text string) {
	i = clamp(i, 0, len(f.Goals))
	f.Goals = slices.Insert(f.Goals, i, Goal{Text: text})
	f.remapGoalRefs(func(n int) int {
		if n >= i+1 {
			return n + 1
		}
		return n
	})
}

// DeleteGoal removes goal i and renumbers the task links; links to the
// removed goal are dropped.
func (f *Form) DeleteGoal(i int) {
	if i < 0 || i >= len(f.Goals) {
		return
	}
	f.Goals = slices.Delete(f.Goals, i, i+1)
	f.remapGoalRefs(func(n int) int {
		switch {
		case n == i+1:
			return 0
		case n > i+1:
			return n - 1
		}
		return n
	})
}

// MoveGoal moves goal from to position to (0-based) and renumbers the task
// links so that each task still points at the same text.
func (f *Form) MoveGoal(from, to int) {
	if from < 0 || from >= len(f.Goals) || to < 0 || to >= len(f.Goals) || from == to {
		return
	}
	g := f.Goals[from]
	f.Goals = slices.Delete(f.Goals, from, from+1)
	f.Goals = slices.Insert(f.Goals, to, g)
	f.remapGoalRefs(func(n int) int {
		p := n - 1
		switch {
		case p == from:
			p = to
		case from < to && p > from && p <= to:
			p--
		case to < from && p >= to && p < from:
			p++
		}
		return p + 1
	})
}

// remapGoalRefs rewrites every task's goal numbers with m; a result of 0
// drops the link.
func (f *Form) remapGoalRefs(m func(int) int) {
	for ui := range f.Units {
		for ti := range f.Units[ui].Tasks {
			t := &f.Units[ui].Tasks[ti]
			if len(t.Goals) == 0 {
				continue
			}
			out := t.Goals[:0]
			for _, n := range t.Goals {
				if k := m(n); k > 0 {
					out = append(out, k)
				}
			}
			t.Goals = out
		}
	}
}

// MoveUnit moves unit from to position to.
func (f *Form) MoveUnit(from, to int) {
	if from < 0 || from >= len(f.Units) || to < 0 || to >= len(f.Units) || from == to {
		return
	}
	u := f.Units[from]
	f.Units = slices.Delete(f.Units, from, from+1)
	f.Units = slices.Insert(f.Units, to, u)
}

// MoveTask moves row from to position to inside unit u.
func (f *Form) MoveTask(u, from, to int) {
	if u < 0 || u >= len(f.Units) {
		return
	}
	ts := f.Units[u].Tasks
	if from < 0 || from >= len(ts) || to < 0 || to >= len(ts) || from == to {
		return
	}
	t := ts[from]
	ts = slices.Delete(ts, from, from+1)
	f.Units[u].Tasks = slices.Insert(ts, to, t)
}

// MoveIndicator moves indicator row from to position to.
func (f *Form) MoveIndicator(from, to int) {
	if from < 0 || from >= len(f.Indicators) || to < 0 || to >= len(f.Indicators) || from == to {
		return
	}
	in := f.Indicators[from]
	f.Indicators = slices.Delete(f.Indicators, from, from+1)
	f.Indicators = slices.Insert(f.Indicators, to, in)
}

func clamp(i, lo, hi int) int {
	return max(lo, min(i, hi))
}
