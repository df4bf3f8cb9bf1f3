package model

import "strings"

func (c *checker) tasks() {
	if len(c.f.Units) == 0 {
		c.add(SevError, Location{Part: PartTasks, Unit: -1, Row: -1}, "还没有%s，请添加单位（任务名称）和它的任务", c.t.Label(SectionTasks))
		return
	}
	unitNames := make(dupIndex, len(c.f.Units))
	unitName := func(i int) string { return c.f.Units[i].Name }
	for u, unit := range c.f.Units {
		name := strings.TrimSpace(unit.Name)
		switch {
		case name == "":
			c.add(SevError, unitLoc(u, FieldUnitName), "第%d个单位没有填写任务名称（单位名称），请填写，如 郑州市生态环境局机关", u+1)
		case IsFiller(name):
			c.add(SevError, unitLoc(u, FieldUnitName), "任务名称“%s”是模板里的占位文字，请填写实际的单位名称", name)
		default:
			if j, dup := unitNames.seen(name, u, unitName); dup {
				c.add(SevHint, unitLoc(u, FieldUnitName), "第%d个单位和第%d个单位都叫“%s”，同一单位的任务应放在一起；请合并两组或改正名称", j+1, u+1, name)
			}
		}
		if len(unit.Tasks) == 0 {
			c.add(SevError, unitLoc(u, ""), "这个单位下面没有任务，请添加任务或删除这个单位")
			continue
		}
		contents := make(dupIndex, len(unit.Tasks))
		content := func(i int) string { return unit.Tasks[i].Content }
		for r := range unit.Tasks {
			c.task(u, r, &unit.Tasks[r], contents, content)
		}
	}
	c.review()
}

// review gives one hint, at the first such row, when amounts copied from
// last year (复制上年) still wait for the clerk's look.
func (c *checker) review() {
	n, fu, fr := 0, -1, -1
	for u, unit := range c.f.Units {
		for r, t := range unit.Tasks {
			if t.Review {
				if n == 0 {
					fu, fr = u, r
				}
				n++
			}
		}
	}
	if n > 0 {
		c.add(SevHint, taskLoc(fu, fr, FieldTotal), "共有%d行金额是从上年复制的，还没有核对（这是第一行）；请逐行核对本年金额并确认", n)
	}
}

func (c *checker) task(u, r int, t *Task, contents dupIndex, content func(int) string) {
	other := c.o.OtherFunds
	if blank(t.Content) && t.Total.IsEmpty() && t.Fiscal.IsEmpty() && (!other || t.Other.IsEmpty()) && blank(t.Note) {
		c.add(SevError, taskLoc(u, r, ""), "这是一个空行，请填写主要内容和金额，或删除这一行")
		return
	}
	switch text := strings.TrimSpace(t.Content); {
	case text == "":
		c.add(SevError, taskLoc(u, r, FieldContent), "请填写主要内容（这项任务做什么）")
	case IsFiller(text):
		c.add(SevError, taskLoc(u, r, FieldContent), "主要内容“%s”是模板里的占位文字，请填写实际的任务", text)
	default:
		if j, dup := contents.seen(text, r, content); dup {
			c.add(SevHint, taskLoc(u, r, FieldContent), "第%d行和第%d行的主要内容相同，可能重复录入（金额会重复计入合计）；请删除重复的一行，或把内容写得能区分", j+1, r+1)
		}
	}
	c.amount(u, r, FieldTotal, t.Total, "请填写合计金额（万元）；没有预算请填 0")
	c.amount(u, r, FieldFiscal, t.Fiscal, "请填写其中的财政资金（万元）；没有财政资金请填 0")
	if other && t.Other.State() == AmountInvalid {
		c.note(SevError, taskLoc(u, r, FieldOther), t.Other.Reason())
	}
	if !t.Total.Valid() || !t.Fiscal.Valid() {
		return
	}
	if other {
		if t.Other.State() == AmountInvalid {
			return
		}
		if sum := t.Fiscal.Money() + t.Other.Money(); sum != t.Total.Money() {
			c.add(SevError, taskLoc(u, r, FieldTotal), "合计 %s 万元不等于财政资金 %s 万元加其他资金 %s 万元（应为 %s 万元）；请核对这三个数",
				t.Total.Money(), t.Fiscal.Money(), t.Other.Money(), sum)
		}
		return
	}
	if t.Fiscal.Money() > t.Total.Money() {
		c.add(SevError, taskLoc(u, r, FieldFiscal), "财政资金 %s 万元大于合计 %s 万元；财政资金是合计的一部分，不能比合计多，请核对这两个数",
			t.Fiscal.Money(), t.Total.Money())
	}
}

// amount reports a missing or unreadable amount; missing says what to do
// when nothing was typed.
func (c *checker) amount(u, r int, field Field, a Amount, missing string) {
	switch a.State() {
	case AmountEmpty:
		c.note(SevError, taskLoc(u, r, field), missing)
	case AmountInvalid:
		c.note(SevError, taskLoc(u, r, field), a.Reason())
	}
}
