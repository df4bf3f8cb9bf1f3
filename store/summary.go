package store

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"jixiao/model"
)

// Summary is one line of Chinese that says what changed from prev to cur,
// e.g. "目标 34→35，任务 +1，合计 7898.5676→7900.5676 万元". prev nil means
// a new draft ("新建").
func Summary(prev, cur *model.Form) string {
	if prev == nil {
		return "新建"
	}
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	if prev.Year != cur.Year {
		add("年度 %s→%s", orNone(prev.Year), orNone(cur.Year))
	}
	if prev.Dept != cur.Dept {
		add("部门 %s→%s", orNone(prev.Dept), orNone(cur.Dept))
	}
	if prev.Options != cur.Options {
		add("表格选项改动")
	}
	if prev.Stage != cur.Stage || prev.Month != cur.Month {
		add("阶段 %s→%s", prev.StageLabel(), cur.StageLabel())
	}
	if n := len(cur.Adjustments) - len(prev.Adjustments); n > 0 {
		add("调整 %d 处", n)
	}

	// 年度总体目标
	if len(prev.Goals) != len(cur.Goals) {
		add("目标 %d→%d", len(prev.Goals), len(cur.Goals))
	} else if n, first := diffCount(len(cur.Goals), func(i int) bool { return prev.Goals[i] != cur.Goals[i] }); n == 1 {
		add("修改目标%d", first+1)
	} else if n > 1 {
		add("修改目标 %d 处", n)
	}

	// 年度主要任务
	pt, ct := prev.TaskCount(), cur.TaskCount()
	if len(prev.Units) != len(cur.Units) {
		add("单位 %d→%d", len(prev.Units), len(cur.Units))
	} else if n, _ := diffCount(len(cur.Units), func(i int) bool { return prev.Units[i].Name != cur.Units[i].Name }); n > 0 {
		add("修改单位名称 %d 处", n)
	}
	if pt != ct {
		add("任务 %+d", ct-pt)
	} else if n := changedTasks(prev, cur); n > 0 {
		add("修改任务 %d 行", n)
	}
	ps, cs := model.ComputeTotals(prev).Sums, model.ComputeTotals(cur).Sums
	if ps.Total != cs.Total {
		add("合计 %s→%s 万元", ps.Total, cs.Total)
	}
	if ps.Fiscal != cs.Fiscal {
		add("财政资金 %s→%s 万元", ps.Fiscal, cs.Fiscal)
	}
	if ps.Other != cs.Other && (prev.Options.OtherFunds || cur.Options.OtherFunds) {
		add("其他资金 %s→%s 万元", ps.Other, cs.Other)
	}
	if cs.Invalid != ps.Invalid && cs.Invalid > 0 {
		add("%d 个金额无法识别", cs.Invalid)
	}

	// 绩效指标
	if len(prev.Indicators) != len(cur.Indicators) {
		add("指标 %d→%d", len(prev.Indicators), len(cur.Indicators))
	} else if n, _ := diffCount(len(cur.Indicators), func(i int) bool {
		return !reflect.DeepEqual(prev.Indicators[i], cur.Indicators[i])
	}); n > 0 {
		add("修改指标 %d 行", n)
	}
	if len(parts) == 0 {
		if prev.Meta.Origin != cur.Meta.Origin || prev.Meta.PrevYear != cur.Meta.PrevYear || prev.Meta.OriginDraft != cur.Meta.OriginDraft {
			return "修改来源说明"
		}
		return "没有内容改动"
	}
	return strings.Join(parts, "，")
}

func orNone(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// diffCount returns how many of n positions differ, and the first one.
func diffCount(n int, differs func(int) bool) (count, first int) {
	first = -1
	for i := 0; i < n; i++ {
		if differs(i) {
			if first < 0 {
				first = i
			}
			count++
		}
	}
	return count, first
}

// changedTasks counts the task rows that differ, row by row in table
// order (both forms have the same number of rows).
func changedTasks(prev, cur *model.Form) int {
	n := 0
	pu, pi := 0, 0
	for ui := range cur.Units {
		for ti := range cur.Units[ui].Tasks {
			for pu < len(prev.Units) && pi >= len(prev.Units[pu].Tasks) {
				pu, pi = pu+1, 0
			}
			if pu >= len(prev.Units) || !sameTask(&prev.Units[pu].Tasks[pi], &cur.Units[ui].Tasks[ti]) {
				n++
			}
			pi++
		}
	}
	return n
}

func sameTask(a, b *model.Task) bool {
	if a.Content != b.Content || a.Note != b.Note || a.Review != b.Review ||
		a.Total.Raw() != b.Total.Raw() || a.Fiscal.Raw() != b.Fiscal.Raw() || a.Other.Raw() != b.Other.Raw() ||
		!slices.Equal(a.Goals, b.Goals) || (a.Prev == nil) != (b.Prev == nil) ||
		a.Monitor.Executed.Raw() != b.Monitor.Executed.Raw() || a.Monitor.Forecast.Raw() != b.Monitor.Forecast.Raw() ||
		a.Eval.Budget.Raw() != b.Eval.Budget.Raw() || a.Eval.Executed.Raw() != b.Eval.Executed.Raw() {
		return false
	}
	if a.Prev != nil {
		p, q := a.Prev, b.Prev
		return p.Total.Raw() == q.Total.Raw() && p.Fiscal.Raw() == q.Fiscal.Raw() && p.Other.Raw() == q.Other.Raw()
	}
	return true
}
