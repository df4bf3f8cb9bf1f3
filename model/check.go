package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Check runs the 审核 (checks) on f and returns what it finds: errors
// (SevError, to fix before the form is sent) first, then hints (SevHint,
// worth a look), each group in form order (基本信息, 年度总体目标, 年度主要任务,
// 绩效指标, and row by row inside each part). Every message is plain
// Chinese that says what is wrong and what to do; the place is in Loc.
// Check never changes f and never panics on any form.
func Check(f *Form) []Finding {
	if f == nil {
		return nil
	}
	return check(f, TemplateOf(f, nil))
}

func check(f *Form, t *Template) []Finding {
	c := &checker{f: f, t: t, o: t.On(f.Options)}
	c.basic()
	if t.Has(SectionGoals) || len(f.Goals) > 0 {
		c.goals()
	}
	if t.Has(SectionTasks) || len(f.Units) > 0 {
		c.tasks()
		c.goalLinks()
	}
	c.indicators()
	c.lastYear()
	switch f.Stage {
	case StageMonitor:
		c.monitor()
	case StageEval:
		c.eval()
	}
	c.templateChecks()
	slices.SortStableFunc(c.out, func(a, b Finding) int {
		if a.Severity != b.Severity {
			return int(a.Severity) - int(b.Severity)
		}
		return int(a.Loc.Part) - int(b.Loc.Part)
	})
	for i := range c.out {
		c.out[i].Place = c.out[i].Loc.DescribeIn(f, t)
	}
	return c.out
}

// CountFindings returns the number of errors and of hints in fs.
func CountFindings(fs []Finding) (errors, hints int) {
	for _, f := range fs {
		if f.Severity == SevError {
			errors++
		} else {
			hints++
		}
	}
	return errors, hints
}

type checker struct {
	f   *Form
	t   *Template // the form's 表样: its rules, parameters and words
	o   Options   // the columns in force: the form's and its template's
	out []Finding
}

// col is the template's header of indicator column key (权重(%), 度量单位 …).
func (c *checker) col(key string) string { return c.t.ColumnLabel(key) }

// has reports whether an error was already found at loc (one empty cell
// gets one error, not one per rule that asks for it).
func (c *checker) has(loc Location) bool {
	return slices.ContainsFunc(c.out, func(x Finding) bool { return x.Severity == SevError && x.Loc == loc })
}

func (c *checker) add(sev Severity, loc Location, format string, args ...any) {
	c.note(sev, loc, fmt.Sprintf(format, args...))
}

func (c *checker) note(sev Severity, loc Location, msg string) {
	c.out = append(c.out, Finding{Severity: sev, Loc: loc, Message: msg})
}

func basicLoc(field Field) Location {
	return Location{Part: PartBasic, Unit: -1, Row: -1, Field: field}
}
func goalLoc(i int) Location {
	return Location{Part: PartGoals, Unit: -1, Row: i, Field: FieldGoalText}
}
func unitLoc(u int, field Field) Location {
	return Location{Part: PartTasks, Unit: u, Row: -1, Field: field}
}
func taskLoc(u, r int, field Field) Location {
	return Location{Part: PartTasks, Unit: u, Row: r, Field: field}
}
func indLoc(r int, field Field) Location {
	return Location{Part: PartIndicators, Unit: -1, Row: r, Field: field}
}

// blank reports whether s has nothing but blanks.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (c *checker) basic() {
	y := strings.TrimSpace(c.f.Year)
	switch {
	case y == "":
		c.add(SevError, basicLoc(FieldYear), "请填写%s（4位数字的年份，如 2021）", c.t.YearLabel())
	default:
		if _, ok := ParseYear(y); !ok {
			c.add(SevError, basicLoc(FieldYear), "%s“%s”不是有效的年份，请填写4位数字的年份，如 2021", c.t.YearLabel(), y)
		}
	}
	if blank(c.f.Dept) {
		c.add(SevError, basicLoc(FieldDept), "请填写%s（如 郑州市生态环境局）", c.t.Dept())
	} else if b := c.t.fixed(BasicDept); b != nil {
		c.format(basicLoc(FieldDept), *b, c.t.Dept(), c.f.Dept)
	}
}

func (c *checker) goals() {
	if len(c.f.Goals) == 0 {
		c.add(SevError, Location{Part: PartGoals, Unit: -1, Row: -1}, "还没有%s，请至少填写一条", c.t.Label(SectionGoals))
		return
	}
	first := make(dupIndex, len(c.f.Goals))
	text := func(i int) string { return c.f.Goals[i].Text }
	for i, g := range c.f.Goals {
		switch {
		case blank(g.Text):
			c.add(SevError, goalLoc(i), "目标%d没有内容，请填写目标或删除这一条", i+1)
			continue
		case IsFiller(g.Text):
			c.add(SevError, goalLoc(i), "目标%d还是模板里的占位文字“%s”，请填写实际的目标或删除这一条", i+1, strings.TrimSpace(g.Text))
			continue
		}
		if j, dup := first.seen(g.Text, i, text); dup {
			c.add(SevHint, goalLoc(i), "目标%d和目标%d的内容完全相同，可能是复制时的失误；请修改或删除其中一条", j+1, i+1)
		}
	}
}

// goalLinks checks the target numbers the task rows name (对应目标): each
// must exist, and when rows name targets the template expects one target
// per task.
func (c *checker) goalLinks() {
	n := len(c.f.Goals)
	linked := make([]bool, n+1)
	named := false
	for u, unit := range c.f.Units {
		for r, t := range unit.Tasks {
			for _, g := range t.Goals {
				named = true
				if g < 1 || g > n {
					c.add(SevError, taskLoc(u, r, FieldTaskGoals), "对应的目标%d不存在（现有%d条目标），请改为正确的目标编号", g, n)
					continue
				}
				linked[g] = true
			}
		}
	}
	if !named {
		return
	}
	tasks := c.f.TaskCount()
	if n == tasks {
		return
	}
	var free []string
	for g := 1; g <= n; g++ {
		if !linked[g] {
			free = append(free, "目标"+strconv.Itoa(g))
		}
	}
	msg := fmt.Sprintf("%s有%d条，%s有%d项，数量不一致；按模板每项任务对应一条目标，请核对是否漏填或多填", c.t.Label(SectionGoals), n, c.t.Label(SectionTasks), tasks)
	if len(free) > 0 {
		if len(free) > 10 {
			free = append(free[:10], "等")
		}
		msg += "（" + strings.Join(free, "、") + " 没有对应的任务）"
	}
	c.note(SevHint, Location{Part: PartGoals, Unit: -1, Row: -1}, msg)
}
