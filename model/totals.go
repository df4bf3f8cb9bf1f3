package model

// Sums are the money columns of a set of task rows, in exact Money.
// Only valid amounts are added; Invalid counts the cells that could not be
// read (so a total with Invalid > 0 is incomplete and the UI says so).
type Sums struct {
	Total   Money // 合计
	Fiscal  Money // 财政资金
	Other   Money // 其他资金 (0 unless Options.OtherFunds)
	Invalid int   // cells that could not be read and are not added
}

// add adds a row's amounts; other says whether the 其他资金 column is in
// use (a hidden column neither adds nor counts as unreadable).
func (s *Sums) add(total, fiscal, oth *Amount, other bool) {
	if total.state == AmountInvalid {
		s.Invalid++
	}
	if fiscal.state == AmountInvalid {
		s.Invalid++
	}
	s.Total += total.val
	s.Fiscal += fiscal.val
	if other {
		if oth.state == AmountInvalid {
			s.Invalid++
		}
		s.Other += oth.val
	}
}

func (s *Sums) addSums(o Sums) {
	s.Total += o.Total
	s.Fiscal += o.Fiscal
	s.Other += o.Other
	s.Invalid += o.Invalid
}

// UnitTotals are one unit's subtotals.
type UnitTotals struct {
	Sums
	Prev  Sums // 上年数 of the rows that have them
	Tasks int  // number of task rows
}

// Totals are the live figures of the task table.
type Totals struct {
	Sums
	Prev    Sums         // 上年数, when the form was carried forward
	HasPrev bool         // some row has 上年数
	Units   []UnitTotals // per unit, in form order
	Tasks   int          // number of task rows
	Goals   int          // number of targets
}

// UnitCount is the number of units.
func (t Totals) UnitCount() int { return len(t.Units) }

// ComputeTotals adds up f's task table. It reads the already-parsed
// amounts and adds int64s: a 5,000-row form takes microseconds, so the UI
// can call it after every keystroke.
func ComputeTotals(f *Form) Totals {
	t := Totals{Units: make([]UnitTotals, len(f.Units)), Goals: len(f.Goals)}
	other := f.Options.OtherFunds
	for ui := range f.Units {
		ut := &t.Units[ui]
		tasks := f.Units[ui].Tasks
		ut.Tasks = len(tasks)
		for ti := range tasks {
			tk := &tasks[ti]
			ut.add(&tk.Total, &tk.Fiscal, &tk.Other, other)
			if p := tk.Prev; p != nil {
				t.HasPrev = true
				ut.Prev.add(&p.Total, &p.Fiscal, &p.Other, other)
			}
		}
		t.Sums.addSums(ut.Sums)
		t.Prev.addSums(ut.Prev)
		t.Tasks += ut.Tasks
	}
	return t
}
