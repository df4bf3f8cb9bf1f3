package model

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of f.
func (f *Form) Clone() *Form { return f.CloneInto(new(Form)) }

// CloneInto makes dst a deep copy of f and returns it (a new form when dst
// is nil or f itself). It reuses the arrays of dst's units, task rows and
// indicators where they are large enough, so copying a form again and
// again into the same dst moves its bytes but allocates almost nothing:
// the editor copies the form before each keystroke after the declaration
// (ui/app.go), and a fresh copy of a 2,000-task form each time cost about
// as much as the rest of the keystroke. Whatever dst held is overwritten,
// so nothing else may still use dst.
func (f *Form) CloneInto(dst *Form) *Form {
	if dst == nil || dst == f {
		dst = new(Form)
	}
	units, inds := dst.Units, dst.Indicators
	*dst = *f
	dst.Goals = slices.Clone(f.Goals)
	dst.StageLog = slices.Clone(f.StageLog)
	dst.Adjustments = slices.Clone(f.Adjustments)
	dst.Units = cloneUnits(units, f.Units)
	dst.Indicators = cloneInto(inds, f.Indicators, (*Indicator).own)
	dst.Basic = maps.Clone(f.Basic)
	dst.Funds = f.Funds.clone()
	return dst
}

// cloneUnits copies src into dst's array (a new one when too small) and
// each unit's rows into the rows array dst had at that place.
func cloneUnits(dst, src []Unit) []Unit {
	if src == nil {
		return nil
	}
	out := dst[:0]
	if dst == nil || cap(dst) < len(src) {
		out = make([]Unit, 0, len(src))
	}
	for i, u := range src {
		var rows []Task
		if i < len(dst) {
			rows = dst[i].Tasks // read before out[i], maybe the same element, is written
		}
		u.Tasks = cloneInto(rows, u.Tasks, (*Task).own)
		out = append(out, u)
	}
	if len(dst) > len(src) {
		clear(dst[len(src):]) // drop what the unused tail refers to
	}
	return out
}

// cloneInto copies src into dst's array (a new one when too small) and
// lets own give each element its own copy of what it refers to. A nil src
// gives nil, an empty one an empty slice, as slices.Clone does.
func cloneInto[E any](dst, src []E, own func(*E)) []E {
	if src == nil {
		return nil
	}
	var out []E
	if dst == nil || cap(dst) < len(src) {
		out = make([]E, len(src))
	} else {
		out = dst[:len(src)]
		if len(dst) > len(src) {
			clear(dst[len(src):]) // drop what the unused tail refers to
		}
	}
	copy(out, src)
	for i := range out {
		own(&out[i])
	}
	return out
}

// own replaces what the copied task t shares with its original (goal links,
// last year's amounts) by copies. Every field of Task that refers to
// memory must be copied here.
func (t *Task) own() {
	t.Goals = slices.Clone(t.Goals)
	if t.Prev != nil {
		p := *t.Prev
		t.Prev = &p
	}
}

// own replaces the copied indicator's formula inputs by a copy.
func (in *Indicator) own() { in.Inputs = maps.Clone(in.Inputs) }

// Clone returns a copy of u that shares no memory with it (its rows, their
// target links and last year's amounts are copied).
func (u Unit) Clone() Unit {
	u.Tasks = cloneInto(nil, u.Tasks, (*Task).own)
	return u
}

// Clone returns a copy of in that shares no memory with it (its formula
// inputs are copied).
func (in Indicator) Clone() Indicator {
	in.own()
	return in
}
