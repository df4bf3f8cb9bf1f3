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
// year's. It reports whether the row waited to be confirmed.
func (f *Form) ConfirmTask(u, r int) bool {
	if u < 0 || u >= len(f.Units) || r < 0 || r >= len(f.Units[u].Tasks) {
		return false
	}
	t := &f.Units[u].Tasks[r]
	was := t.Review
	t.Review = false
	return was
}

// ConfirmUnit confirms every row of unit u and returns how many waited.
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

// ConfirmAll confirms every row and returns how many waited.
func (f *Form) ConfirmAll() int {
	n := 0
	for u := range f.Units {
		n += f.ConfirmUnit(u)
	}
	return n
}
