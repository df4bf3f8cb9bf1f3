package model

// Rows copied from last year (复制上年) keep their amounts but wait for
// the clerk's look (Task.Review). The clerk confirms them row by row, a
// unit at a time or all at once; the 审核 hint counts the rows left.

// ReviewCount is the number of task rows that wait to be confirmed.
func (f *Form) ReviewCount() int {
	n := 0
	for u := range f.Units {
		n += f.UnitReviewCount(u)
	}
	return n
}

// UnitReviewCount is the number of unit u's rows that wait to be confirmed.
func (f *Form) UnitReviewCount(u int) int {
	if u < 0 || u >= len(f.Units) {
		return 0
	}
	n := 0
	for _, t := range f.Units[u].Tasks {
		if t.Review {
			n++
		}
	}
	return n
}

// ConfirmTask marks row r of unit u as looked at: its amounts are this
// year's. It reports whether the row waited to be confirmed and is now
// confirmed: a row with an amount that cannot be read (5OO) stays
// waiting, as its amounts cannot be this year's yet (Task.Unreadable).
func (f *Form) ConfirmTask(u, r int) bool {
	if u < 0 || u >= len(f.Units) || r < 0 || r >= len(f.Units[u].Tasks) {
		return false
	}
	t := &f.Units[u].Tasks[r]
	if !t.Review || t.Unreadable() {
		return false
	}
	t.Review = false
	return true
}

// Unreadable reports whether one of the row's amounts (合计, 财政资金,
// 其他资金) cannot be read.
func (t *Task) Unreadable() bool {
	return t.Total.State() == AmountInvalid || t.Fiscal.State() == AmountInvalid || t.Other.State() == AmountInvalid
}

// ConfirmUnit confirms every row of unit u whose amounts can be read and
// returns how many it confirmed; rows with an unreadable amount stay
// waiting (UnitReviewCount counts them).
func (f *Form) ConfirmUnit(u int) int {
	if u < 0 || u >= len(f.Units) {
		return 0
	}
	n := 0
	for r := range f.Units[u].Tasks {
		if f.ConfirmTask(u, r) {
			n++
		}
	}
	return n
}

// ConfirmAll confirms every row whose amounts can be read and returns how
// many it confirmed.
func (f *Form) ConfirmAll() int {
	n := 0
	for u := range f.Units {
		n += f.ConfirmUnit(u)
	}
	return n
}
