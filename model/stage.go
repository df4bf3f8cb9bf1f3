package model

import (
	"fmt"
	"strings"
	"time"
)

// Stage is where a draft is in its year: declared in spring (申报), watched
// at mid-year (运行监控, as of a month) and evaluated after the year
// (年度自评). One draft goes through all three; nothing is typed twice.
type Stage uint8

const (
	StageDeclare Stage = iota // 申报: the targets and amounts are being written
	StageMonitor              // 运行监控: execution as of month Form.Month
	StageEval                 // 年度自评: actual values and scores
)

// String is the stage's name: 申报, 运行监控 or 年度自评.
func (s Stage) String() string {
	switch s {
	case StageMonitor:
		return "运行监控"
	case StageEval:
		return "年度自评"
	}
	return "申报"
}

// Short is the stage's short name as the command line takes it: 申报, 监控, 自评.
func (s Stage) Short() string {
	switch s {
	case StageMonitor:
		return "监控"
	case StageEval:
		return "自评"
	}
	return "申报"
}

// ParseStage reads a stage's name, short or long.
func ParseStage(s string) (Stage, bool) {
	switch strings.TrimSpace(s) {
	case "申报", "目标申报", "declare":
		return StageDeclare, true
	case "监控", "运行监控", "绩效运行监控", "monitor":
		return StageMonitor, true
	case "自评", "年度自评", "绩效自评", "eval":
		return StageEval, true
	}
	return StageDeclare, false
}

// MarshalText writes the stage's name, so the JSON says 运行监控, not 1.
func (s Stage) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a stage's name.
func (s *Stage) UnmarshalText(b []byte) error {
	v, ok := ParseStage(string(b))
	if !ok {
		return Errorf(EINVALID, "阶段“%s”无法识别，应为 申报、运行监控 或 年度自评", string(b))
	}
	*s = v
	return nil
}

// StageChange is one move of a draft from one stage to another.
type StageChange struct {
	Time  time.Time `json:"time"`
	From  Stage     `json:"from"`
	To    Stage     `json:"to"`
	Month int       `json:"month,omitempty"` // 运行监控: as of this month
}

// String says the change in Chinese: 申报 → 运行监控（截至6月）.
func (c StageChange) String() string {
	s := c.From.String() + " → " + c.To.String()
	if c.To == StageMonitor && c.Month > 0 {
		s += fmt.Sprintf("（截至%d月）", c.Month)
	}
	return s
}

// Adjustment is one change of a declared target or amount after the
// declaration (调整): the old and new text and the reason are kept and
// printed with the 监控表 and 自评表.
type Adjustment struct {
	Time   time.Time `json:"time"`
	Stage  Stage     `json:"stage"`  // the stage the draft was in
	Place  string    `json:"place"`  // the place in plain Chinese (Location.Describe)
	Field  Field     `json:"field"`  // 合计, 财政资金, 其他资金 or 指标值
	Old    string    `json:"old"`    // the text before
	New    string    `json:"new"`    // the text after
	Reason string    `json:"reason"` // why, as the clerk wrote it
}

// StageLabel names the form's stage for titles: 申报, 运行监控（截至6月）, 年度自评.
func (f *Form) StageLabel() string {
	if f.Stage == StageMonitor && f.Month > 0 {
		return fmt.Sprintf("运行监控（截至%d月）", f.Month)
	}
	return f.Stage.String()
}

// Locked reports whether the declared targets and amounts are read-only:
// after the declaration they change only through an 调整 with a reason.
func (f *Form) Locked() bool { return f.Stage != StageDeclare }

// SetStage moves the draft to stage to (as of month for 运行监控, 1–12) and
// records the move. The declaration is kept as it is. Going back to 申报 is
// refused: after the declaration the targets change only by 调整. Moving to
// the stage the draft is in (with the same month) changes nothing.
func (f *Form) SetStage(to Stage, month int, now time.Time) error {
	switch to {
	case StageDeclare:
		if f.Stage != StageDeclare {
			return Errorf(ECONFLICT, "草稿已进入“%s”阶段，不能退回申报；要改申报的指标值或金额，请用“调整”并写明原因", f.Stage)
		}
		return nil
	case StageMonitor:
		if month < 1 || month > 12 {
			return Errorf(EINVALID, "监控月份“%d”不对，请填写1到12之间的月份（通常为6或8）", month)
		}
		if f.Stage == StageEval {
			return Errorf(ECONFLICT, "草稿已进入“年度自评”阶段，不能再回到运行监控")
		}
	case StageEval:
		month = 0
	default:
		return Errorf(EINVALID, "阶段“%d”无法识别", to)
	}
	if f.Stage == to && f.Month == month {
		return nil
	}
	f.StageLog = append(f.StageLog, StageChange{Time: now, From: f.Stage, To: to, Month: month})
	f.Stage, f.Month = to, month
	return nil
}

// AdjustTask changes a declared amount (合计, 财政资金 or 其他资金) of task
// row r of unit u after the declaration, keeping the old text and reason.
// The raw text must be an amount and the reason must be written.
func (f *Form) AdjustTask(u, r int, field Field, raw, reason string, now time.Time) error {
	if u < 0 || u >= len(f.Units) || r < 0 || r >= len(f.Units[u].Tasks) {
		return Errorf(ENOTFOUND, "要调整的任务行不存在")
	}
	if blank(reason) {
		return Errorf(EINVALID, "请写明调整的原因")
	}
	t := &f.Units[u].Tasks[r]
	var p *Amount
	switch field {
	case FieldTotal:
		p = &t.Total
	case FieldFiscal:
		p = &t.Fiscal
	case FieldOther:
		p = &t.Other
	default:
		return Errorf(EINVALID, "“%s”不是可以调整的金额", field)
	}
	a := ParseAmount(raw)
	if !a.Valid() {
		msg := a.Reason()
		if a.IsEmpty() {
			msg = "请填写调整后的金额"
		}
		return Errorf(EINVALID, "%s", msg)
	}
	old := p.Raw()
	*p = a
	f.Adjustments = append(f.Adjustments, Adjustment{Time: now, Stage: f.Stage, Place: taskLoc(u, r, field).Describe(f),
		Field: field, Old: old, New: a.Raw(), Reason: strings.TrimSpace(reason)})
	return nil
}

// AdjustIndicator changes the declared 指标值 of indicator row r after the
// declaration, keeping the old text and the reason.
func (f *Form) AdjustIndicator(r int, value, reason string, now time.Time) error {
	if r < 0 || r >= len(f.Indicators) {
		return Errorf(ENOTFOUND, "要调整的指标行不存在")
	}
	if blank(reason) {
		return Errorf(EINVALID, "请写明调整的原因")
	}
	if t := ParseTarget(value); t.Kind == TargetInvalid || t.Kind == TargetEmpty {
		if t.Kind == TargetEmpty {
			return Errorf(EINVALID, "请填写调整后的指标值")
		}
		return Errorf(EINVALID, "%s", t.Reason)
	}
	in := &f.Indicators[r]
	old := in.Value
	in.Value = strings.TrimSpace(value)
	f.Adjustments = append(f.Adjustments, Adjustment{Time: now, Stage: f.Stage, Place: indLoc(r, FieldValue).Describe(f),
		Field: FieldValue, Old: old, New: in.Value, Reason: strings.TrimSpace(reason)})
	return nil
}

// SameDeclaration reports whether a and b declare the same targets and
// amounts: the same task rows with the same 合计/财政资金/其他资金 texts and
// the same indicator rows with the same 指标值. Other texts (备注, 指标解释,
// the 监控/自评 values) may differ. An 调整 recorded in b (b has more
// Adjustments than a) makes any change allowed.
func SameDeclaration(a, b *Form) bool {
	if len(b.Adjustments) > len(a.Adjustments) {
		return true
	}
	if len(a.Units) != len(b.Units) || len(a.Indicators) != len(b.Indicators) {
		return false
	}
	for u := range a.Units {
		ta, tb := a.Units[u].Tasks, b.Units[u].Tasks
		if len(ta) != len(tb) {
			return false
		}
		for r := range ta {
			if ta[r].Total.Raw() != tb[r].Total.Raw() || ta[r].Fiscal.Raw() != tb[r].Fiscal.Raw() || ta[r].Other.Raw() != tb[r].Other.Raw() {
				return false
			}
		}
	}
	for r := range a.Indicators {
		if a.Indicators[r].Value != b.Indicators[r].Value {
			return false
		}
	}
	return true
}
