package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// TaskMonitor is a task row's 运行监控 figures (万元).
type TaskMonitor struct {
	Executed Amount `json:"executed,omitzero"` // 1–N月执行数
	Forecast Amount `json:"forecast,omitzero"` // 全年预计执行数
}

// Likelihood is an indicator's 完成可能性 at the 运行监控.
type Likelihood string

// The three judgements of the published 监控表 (黄石 2019: 确定能、有可能、不可能).
const (
	LikelySure     Likelihood = "确定能"
	LikelyMaybe    Likelihood = "有可能"
	LikelyNoChance Likelihood = "完全不可能"
)

// Likelihoods are the choices of 完成可能性, in order.
var Likelihoods = []Likelihood{LikelySure, LikelyMaybe, LikelyNoChance}

// DeviationCauses are the choices of 偏差原因 at the 运行监控.
var DeviationCauses = []string{"经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"}

// IndicatorMonitor is an indicator's 运行监控 values, all as typed.
type IndicatorMonitor struct {
	ToDate     string     `json:"toDate,omitempty"`     // 1–N月实际完成值
	Forecast   string     `json:"forecast,omitempty"`   // 全年预计完成值
	Likelihood Likelihood `json:"likelihood,omitempty"` // 完成可能性
	Cause      string     `json:"cause,omitempty"`      // 偏差原因: one of DeviationCauses
	CauseText  string     `json:"causeText,omitempty"`  // 偏差原因说明
	Measures   string     `json:"measures,omitempty"`   // 拟采取的措施
}

// The monitor's and self-evaluation's columns, as findings name them.
const (
	FieldExecuted    Field = "执行数"
	FieldForecast    Field = "全年预计执行数"
	FieldToDate      Field = "实际完成值（截至监控月）"
	FieldForecastVal Field = "全年预计完成值"
	FieldLikelihood  Field = "完成可能性"
	FieldCause       Field = "偏差原因"
	FieldMeasures    Field = "拟采取的措施"
)

// Scorable reports whether the indicator row has a target to report on:
// a readable 指标值 (a number or a qualitative value). Rows without one
// (the seed's “.....” placeholders) take no part in 监控 and 自评.
func (in Indicator) Scorable() bool {
	k := ParseTarget(in.Value).Kind
	return k == TargetNumber || k == TargetQualitative
}

// TimeProgress is the share of the year gone at the end of month, in
// percent: month ÷ 12 × 100, to 2 decimals (6月 = 50.00).
func TimeProgress(month int) decimal.Decimal {
	return decimal.NewFromInt(int64(month)*100).DivRound(decimal.NewFromInt(12), 2)
}

// MonitorRate is a task's 执行率 at the 运行监控: 1–N月执行数 ÷ 年初预算
// (the declared 合计) × 100, in percent to 2 decimals. It reports false
// when either is not a valid amount or the budget is 0.
func (t *Task) MonitorRate() (decimal.Decimal, bool) {
	return execRate(t.Monitor.Executed, t.Total)
}

// BehindSchedule reports whether the row's 执行率 at month is more than 10
// percentage points below the time progress (the 运行监控's 提示).
func (t *Task) BehindSchedule(month int) bool {
	return t.Monitor.Executed.Valid() && t.Total.Valid() && behindSchedule(t.Monitor.Executed.Money(), t.Total.Money(), month)
}

func execRate(done, budget Amount) (decimal.Decimal, bool) {
	if !done.Valid() || !budget.Valid() || budget.Money() == 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(done.Money())).Mul(hundred).DivRound(decimal.NewFromInt(int64(budget.Money())), 2), true
}

// behindSchedule reports whether executed ÷ budget is more than 10
// percentage points below month ÷ 12, exactly (no rounding): with E and B
// in the same unit, 100E/B + 10 < 100N/12 ⇔ 120E + 12B < 10NB for B > 0.
func behindSchedule(executed, budget Money, month int) bool {
	if budget <= 0 || month < 1 {
		return false
	}
	e, b, n := decimal.NewFromInt(int64(executed)), decimal.NewFromInt(int64(budget)), decimal.NewFromInt(int64(month))
	left := e.Mul(decimal.NewFromInt(120)).Add(b.Mul(decimal.NewFromInt(12)))
	return left.LessThan(b.Mul(n).Mul(decimal.NewFromInt(10)))
}

func monLoc(part Part, u, r int, field Field) Location {
	return Location{Part: part, Unit: u, Row: r, Field: field}
}

// The 运行监控表's 提示 of a task row (Task.MonitorHints), in the order the
// sheet shows them; the check says each at length.
const (
	HintBehind        = "执行率比时间进度低10个百分点以上"
	HintOverBudget    = "执行数超过年初预算数"
	HintForecastOver  = "全年预计执行数超过年初预算数"
	HintForecastBelow = "全年预计执行数小于已执行数"
)

// MonitorHints are the 提示 of the task row at month: behind schedule,
// executed or forecast above the 年初预算数, forecast below what is
// executed so far. Rows whose amounts are not readable get none.
func (t *Task) MonitorHints(month int) []string {
	var out []string
	ex, fc, b := t.Monitor.Executed, t.Monitor.Forecast, t.Total
	if t.BehindSchedule(month) {
		out = append(out, HintBehind)
	}
	if ex.Valid() && b.Valid() && ex.Money() > b.Money() {
		out = append(out, HintOverBudget)
	}
	if fc.Valid() && b.Valid() && fc.Money() > b.Money() {
		out = append(out, HintForecastOver)
	}
	if fc.Valid() && ex.Valid() && fc.Money() < ex.Money() {
		out = append(out, HintForecastBelow)
	}
	return out
}

// AmountReason is the reason the amount a of the column label cannot be
// read, naming that column instead of 金额: “1–6月执行数不能为负数（“-5”）…”.
func AmountReason(a Amount, label string) string {
	r := a.Reason()
	if rest, ok := strings.CutPrefix(r, "预算金额"); ok {
		return label + rest
	}
	if rest, ok := strings.CutPrefix(r, "金额"); ok {
		return label + rest
	}
	return label + "：" + r
}

// monitorChecks are the 运行监控's checks: each task's 执行数 and 全年预计
// (every bad cell of a row, each naming its column), the 提示 for a task
// more than 10 points behind time progress or spending above its budget,
// the error of a 全年预计 below what is executed so far, and each
// indicator's 完成可能性 with the 偏差原因 and 措施 it needs.
//
// Which is an error and which a 提示 (docs/selfeval.md): spending or
// forecasting above the 年初预算数 may be right (money added during the
// year, to be recorded as an 调整), so it is a 提示; a 全年预计执行数 below
// the 执行数 already spent cannot be right (the year includes the months
// gone), so it is an error.
func (c *checker) monitor() {
	f := c.f
	n := f.Month
	progress := TimeProgress(n)
	exLabel := MonitorHeader(n, "执行数")
	// One text for every row without its 执行数: early in the year that is
	// every row, at each keystroke (docs/BENCHMARKS.md).
	missing := fmt.Sprintf("请填写1–%d月执行数（万元，没有支出填0）", n)
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			ex, fc := t.Monitor.Executed, t.Monitor.Forecast
			switch ex.State() {
			case AmountEmpty:
				c.note(SevError, monLoc(PartTasks, u, r, FieldExecuted), missing)
			case AmountInvalid:
				c.note(SevError, monLoc(PartTasks, u, r, FieldExecuted), AmountReason(ex, exLabel))
			}
			if fc.State() == AmountInvalid {
				c.note(SevError, monLoc(PartTasks, u, r, FieldForecast), AmountReason(fc, "全年预计执行数"))
			}
			if t.BehindSchedule(n) {
				rate, _ := t.MonitorRate()
				c.add(SevHint, monLoc(PartTasks, u, r, FieldExecuted),
					"“%s”执行率 %s%%，比时间进度（%d月 %s%%）低10个百分点以上，请说明原因、加快执行",
					shown(t.Content), rate.StringFixed(2), n, progress.StringFixed(2))
			}
			if !t.Total.Valid() {
				continue
			}
			b := t.Total.Money()
			if ex.Valid() && ex.Money() > b {
				c.add(SevHint, monLoc(PartTasks, u, r, FieldExecuted),
					"“%s”%s %s 万元，超过年初预算数 %s 万元；如年中追加了预算，请用“调整”改年初预算数并写明原因，否则请核对执行数",
					shown(t.Content), exLabel, ex.Money(), t.Total.Money())
			}
			if fc.Valid() && fc.Money() > b {
				c.add(SevHint, monLoc(PartTasks, u, r, FieldForecast),
					"“%s”全年预计执行数 %s 万元，超过年初预算数 %s 万元（%s）；请核对，或用“调整”记录追加的预算",
					shown(t.Content), fc.Money(), t.Total.Money(), overBy(fc.Money(), b))
			}
			if fc.Valid() && ex.Valid() && fc.Money() < ex.Money() {
				c.add(SevError, monLoc(PartTasks, u, r, FieldForecast),
					"“%s”全年预计执行数 %s 万元，小于%s %s 万元；全年预计包括已经执行的部分，不能更少，请核对",
					shown(t.Content), fc.Money(), exLabel, ex.Money())
			}
		}
	}
	for r := range f.Indicators {
		in := &f.Indicators[r]
		if !in.Scorable() {
			continue
		}
		m := in.Monitor
		switch m.Likelihood {
		case "":
			c.add(SevError, indLoc(r, FieldLikelihood), "请选择完成可能性（确定能、有可能、完全不可能）")
			continue
		case LikelySure:
			continue
		case LikelyMaybe, LikelyNoChance:
		default:
			c.add(SevError, indLoc(r, FieldLikelihood), "完成可能性“%s”无法识别，请选择 确定能、有可能 或 完全不可能", shown(string(m.Likelihood)))
			continue
		}
		switch {
		case blank(m.Cause):
			c.add(SevError, indLoc(r, FieldCause), "完成可能性为“%s”，请选择偏差原因（经费保障、制度保障、人员保障、硬件条件保障或其他）", m.Likelihood)
		case !validCause(m.Cause):
			c.add(SevError, indLoc(r, FieldCause), "偏差原因“%s”无法识别，请选择 经费保障、制度保障、人员保障、硬件条件保障 或 其他", shown(m.Cause))
		case m.Cause == "其他" && blank(m.CauseText):
			c.add(SevError, indLoc(r, FieldCause), "偏差原因为“其他”，请写明具体原因")
		}
		if blank(m.Measures) {
			c.add(SevError, indLoc(r, FieldMeasures), "完成可能性为“%s”，请填写拟采取的措施", m.Likelihood)
		}
	}
}

// overBy says how far m is above budget b > 0: 超出 20.00%, 是预算的 3.00 倍.
func overBy(m, b Money) string {
	if b <= 0 {
		return "年初预算数为0"
	}
	r := decimal.NewFromInt(int64(m)).DivRound(decimal.NewFromInt(int64(b)), 4)
	if r.GreaterThanOrEqual(decimal.NewFromInt(2)) {
		return "是预算的 " + r.StringFixed(2) + " 倍"
	}
	return "超出 " + r.Sub(decimal.NewFromInt(1)).Mul(hundred).StringFixed(2) + "%"
}

func validCause(s string) bool {
	s = strings.TrimSpace(s)
	for _, c := range DeviationCauses {
		if s == c {
			return true
		}
	}
	return false
}

// MonitorTotals are the task table's sums at the 运行监控 (Money units);
// the 执行率 is computed on the sums.
type MonitorTotals struct {
	Budget, Fiscal, Executed, Forecast Money
	Rate                               decimal.Decimal // Σ执行数 ÷ Σ年初预算 × 100, 2 decimals
	RateOK                             bool
}

// ComputeMonitorTotals sums the valid amounts of every task.
func ComputeMonitorTotals(f *Form) MonitorTotals {
	var m MonitorTotals
	for _, u := range f.Units {
		for _, t := range u.Tasks {
			m.Budget += t.Total.Money()
			m.Fiscal += t.Fiscal.Money()
			m.Executed += t.Monitor.Executed.Money()
			m.Forecast += t.Monitor.Forecast.Money()
		}
	}
	if m.Budget > 0 {
		m.Rate = decimal.NewFromInt(int64(m.Executed)).Mul(hundred).DivRound(decimal.NewFromInt(int64(m.Budget)), 2)
		m.RateOK = true
	}
	return m
}

// MonitorHeader is the 运行监控's time column as the form prints it: 1–6月执行数.
func MonitorHeader(month int, what string) string {
	if month < 1 {
		return "1–N月" + what
	}
	return fmt.Sprintf("1–%d月%s", month, what)
}
