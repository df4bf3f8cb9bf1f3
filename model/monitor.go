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

// monitorChecks are the 运行监控's checks: each task's 执行数, the 提示 for
// a task more than 10 points behind time progress, and each indicator's
// 完成可能性 with the 偏差原因 and 措施 it needs.
func (c *checker) monitor() {
	f := c.f
	n := f.Month
	progress := TimeProgress(n)
	// One text for every row without its 执行数: early in the year that is
	// every row, at each keystroke (docs/BENCHMARKS.md).
	missing := fmt.Sprintf("请填写1–%d月执行数（万元，没有支出填0）", n)
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			ex := t.Monitor.Executed
			switch ex.State() {
			case AmountEmpty:
				c.note(SevError, monLoc(PartTasks, u, r, FieldExecuted), missing)
				continue
			case AmountInvalid:
				c.add(SevError, monLoc(PartTasks, u, r, FieldExecuted), "1–%d月执行数：%s", n, ex.Reason())
				continue
			}
			if fc := t.Monitor.Forecast; fc.State() == AmountInvalid {
				c.add(SevError, monLoc(PartTasks, u, r, FieldForecast), "全年预计执行数：%s", fc.Reason())
			}
			if t.BehindSchedule(n) {
				rate, _ := t.MonitorRate()
				c.add(SevHint, monLoc(PartTasks, u, r, FieldExecuted),
					"“%s”执行率 %s%%，比时间进度（%d月 %s%%）低10个百分点以上，请说明原因、加快执行",
					shown(t.Content), rate.StringFixed(2), n, progress.StringFixed(2))
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
