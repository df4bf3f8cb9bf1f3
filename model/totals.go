package model

// Sums are the money columns of a set of task rows, in exact Money.
// Only valid amounts are added; Invalid counts the cells that could not be
// read (so a total with Invalid > 0 is incomplete and the UI says so).
type Sums struct {
	Total   Money
	Fiscal  Money
	Other   Money
	Invalid int
}

func (s *Sums) add(t *Task) {
	for _, a := range [...]*Amount{&t.Total, &t.Fiscal, &t.Other} {
		if a.state == AmountInvalid {
			s.Invalid++
		}
	}
	s.Total += t.Total.val
	s.Fiscal += t.Fiscal.val
	s.Other += t.Other.val
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
	Tasks int
}

// Totals are the live figures of the task table.
type Totals struct {
	Sums
	Prev    Sums // 上年数, when the form was carried forward
	HasPrev bool // some row has 上年数
	Units   []UnitTotals
	Tasks   int
	Goals   int
}

// UnitCount is the number of units.
func (t Totals) UnitCount() int { return len(t.Units) }

// ComputeTotals adds up f's task table. It reads the already-parsed
// amounts and adds int64s: a 5,000-row form takes microseconds, so the UI
// can call it after every keystroke.
func ComputeTotals(f *Form) Totals {
	t := Totals{Units: make([]UnitTotals, len(f.Units)), Goals: len(f.Goals)}
	for ui := range f.Units {
		ut := &t.Units[ui]
		tasks := f.Units[ui].Tasks
		ut.Tasks = len(tasks)
		for ti := range tasks {
			ut.add(&tasks[ti])
			if p := tasks[ti].Prev; p != nil {
				t.HasPrev = true
				ut.Prev.add(&Task{Total: p.Total, Fiscal: p.Fiscal, Other: p.Other})
			}
		}
		t.Sums.addSums(ut.Sums)
		t.Prev.addSums(ut.Prev)
		t.Tasks += ut.Tasks
	}
	return t
}
