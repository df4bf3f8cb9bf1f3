// Package recognize holds the rules by which a row of text, pasted from
// the clipboard (ui/paste.go) or read from a spreadsheet (export's
// import), is recognised as part of the 申报表: a 目标N label before a
// target's text, the 合计/小计 rows that the program computes itself, the
// task table's header, the "....." rows of an empty form, and the rate
// formula of an indicator named like one. Paste and import both use it,
// so that the same text is read the same way wherever it comes from.
//
// It also reads a whole form from a grid of cell texts (sheet_*.go: Read,
// NewGrid, ImportReport), the one recognition behind every file export
// reads (.xlsx, .xls/.et, .docx, PDF); it knows no file format.
//
// It depends on model and, for FormulaKey's look-up of a library
// indicator's formula, model/library.
package recognize

import (
	"regexp"
	"slices"
	"strings"

	"jixiao/model"
	"jixiao/model/library"
)

// Norm is the form in which cells are compared: blanks (also the
// full-width and no-break spaces, tabs and line breaks) and the * that
// marks a required header removed, and full-width ASCII folded to
// half-width (：→:, （→(, １→1).
func Norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0':
			continue
		case r == '*' || r == '＊':
			continue // 湖南 marks the required headers *指标值
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// goalLabel is a target's number before its text: 目标1：, 目标 2、,
// 年度总体目标3., 总体目标４， …
var goalLabel = regexp.MustCompile(`^\s*(?:年度)?(?:总体)?目标\s*[0-9０-９]+\s*[:：.．、,，]?\s*`)

// GoalText is s without a leading 目标N label, trimmed.
func GoalText(s string) string {
	return strings.TrimSpace(goalLabel.ReplaceAllString(s, ""))
}

// IsGoalLabel reports whether s is only a 目标N label (the first of two
// columns, the text in the second).
func IsGoalLabel(s string) bool {
	return goalLabel.MatchString(s) && GoalText(s) == ""
}

// IsGoalsHeader reports whether a one-cell row is the heading of the
// targets (年度总体目标, 目标).
func IsGoalsHeader(s string) bool {
	switch Norm(s) {
	case "年度总体目标", "目标":
		return true
	}
	return false
}

// Total is what kind of computed row a cell names.
type Total int

const (
	NotTotal   Total = iota
	GrandTotal       // 合计, 总计: the task table's total
	Subtotal         // 小计: one unit's total
)

// TotalOf says whether s labels a computed row: 合计 or 总计 (also with
// a colon or （万元）) is the table's total, 小计 a unit's. The program
// computes both; neither is a task.
func TotalOf(s string) Total {
	n := strings.TrimSuffix(strings.TrimSuffix(Norm(s), "(万元)"), ":")
	switch n {
	case "合计", "总计":
		return GrandTotal
	case "小计":
		return Subtotal
	}
	return NotTotal
}

// IsTaskHeader reports whether a task row is the table's header
// (repeated at the top of each printed page): 任务名称 or 单位名称 before
// 主要内容, 主要任务 or 任务内容.
func IsTaskHeader(name, content string) bool {
	switch Norm(name) {
	case "任务名称", "单位名称":
	default:
		return false
	}
	switch Norm(content) {
	case "主要内容", "主要任务", "任务内容":
		return true
	}
	return false
}

// TaskColumn is a column of the task table.
type TaskColumn string

const (
	ColUnit    TaskColumn = "unit"    // 任务名称 (the unit)
	ColContent TaskColumn = "content" // 主要内容
	ColTotal   TaskColumn = "total"   // 合计 / 预算资金
	ColFiscal  TaskColumn = "fiscal"  // 其中：财政资金
	ColOther   TaskColumn = "other"   // 其他资金
	ColNote    TaskColumn = "note"    // 备注
)

// TaskColumnOf maps a header cell of the task table to its column ("" when
// it names none).
func TaskColumnOf(cell string) TaskColumn {
	c := Norm(cell)
	switch {
	case strings.Contains(c, "任务名称") || c == "单位" || c == "单位名称":
		return ColUnit
	case strings.Contains(c, "主要内容") || c == "主要任务" || c == "任务内容":
		return ColContent
	case strings.Contains(c, "财政"):
		return ColFiscal
	case strings.Contains(c, "其他资金"):
		return ColOther
	case c == "合计" || strings.Contains(c, "预算资金"):
		return ColTotal
	case strings.Contains(c, "备注"):
		return ColNote
	}
	return ""
}

// IsPlaceholder reports whether s is one of the "....." rows an empty
// form prints (dots, ellipses, 。, ·, ．). It is narrower than
// model.IsFiller (XXX, 重要改革事项1 …, what 审核 asks to replace): an
// import keeps such a row as the clerk's, only "....." marks a place to
// list items.
func IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && r != '…' && r != '。' && r != '·' && r != '．' {
			return false
		}
	}
	return true
}

// FormulaKey is the rate formula of an indicator named name: the formula
// of that name (model.FormulaFor), else the formula of the library
// indicator of that name (library.Find).
func FormulaKey(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", false
	}
	if _, ok := model.FormulaFor(name); ok {
		return name, true
	}
	if e, ok := library.Find(name); ok && e.Indicator.Formula != "" {
		return e.Indicator.Formula, true
	}
	return "", false
}

// goalItem is the number that starts one target in a cell holding several:
// 目标1：, 1. 1、 (1) （1） 一、
var goalItem = regexp.MustCompile(`^\s*(?:(?:年度)?(?:总体)?目标\s*[0-9０-９]+\s*[:：.．、,，]?|[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]{1,2}[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*`)

// inlineGoal finds 目标N： inside a line (several targets typed on one line).
var inlineGoal = regexp.MustCompile(`(?:年度)?(?:总体)?目标\s*[0-9０-９]+\s*[:：]`)

// SplitGoals splits the text of one cell into the targets it numbers: when
// its first line starts with a number (目标1：, 1., 1、, (1), 一、) and at
// least two lines do, each numbered line starts a target (its number
// dropped) and a line without one continues the target above; several
// 目标N： on one line split the same way. Otherwise the cell is one target
// (GoalText). Empty results are dropped.
func SplitGoals(s string) []string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var out []string
	numbered := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && goalItem.MatchString(l) {
			numbered++
		}
	}
	first := strings.TrimSpace(s)
	switch {
	case numbered >= 2 && goalItem.MatchString(first):
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if goalItem.MatchString(l) || len(out) == 0 {
				out = append(out, strings.TrimSpace(goalItem.ReplaceAllString(l, "")))
				continue
			}
			out[len(out)-1] += "\n" + strings.TrimSpace(l)
		}
	default:
		idx := inlineGoal.FindAllStringIndex(first, -1)
		if len(idx) < 2 || idx[0][0] != 0 {
			if t := GoalText(s); t != "" {
				return []string{t}
			}
			return nil
		}
		for i, m := range idx {
			end := len(first)
			if i+1 < len(idx) {
				end = idx[i+1][0]
			}
			out = append(out, strings.TrimSpace(first[m[1]:end]))
		}
	}
	return slices.DeleteFunc(out, func(t string) bool { return t == "" })
}
