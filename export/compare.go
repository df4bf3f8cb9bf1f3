package export

import (
	"fmt"
	"strings"
	"time"

	"jixiao/model"
	"jixiao/model/recognize"
)

var timeZero time.Time

// visibleKey is what the visible sheet shows of f, in a canonical text:
// two forms with the same key look the same in the workbook, so the
// hidden data of a file whose key matches its visible sheet is current.
// Blank rows are left out, as the importer skips them; it keeps the
// template's "....." rows, and so does the key.
func visibleKey(f *model.Form) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Y%q D%q O%v\n", strings.TrimSpace(f.Year), strings.TrimSpace(f.Dept), f.Options.OtherFunds)
	for _, g := range f.Goals {
		// every target is printed, numbered, and read back
		fmt.Fprintf(&b, "G%q\n", keyText(strings.TrimSpace(g.Text)))
	}
	amt := func(a model.Amount) string {
		switch a.State() {
		case model.AmountValid:
			return "v" + a.Money().String()
		case model.AmountInvalid:
			return "x" + strings.TrimSpace(a.Raw())
		}
		return ""
	}
	for _, u := range f.Units {
		fmt.Fprintf(&b, "U%q\n", keyText(strings.TrimSpace(u.Name)))
		for _, t := range u.Tasks {
			if blankTask(t) {
				continue
			}
			other := ""
			if f.Options.OtherFunds {
				other = amt(t.Other)
			}
			fmt.Fprintf(&b, "T%q %s %s %s %q\n", keyText(t.Content), amt(t.Total), amt(t.Fiscal), other, keyText(t.Note))
		}
	}
	templateKey(&b, f)
	for _, in := range f.Indicators {
		fields, blank := indicatorKeyFields(f.Options, in)
		if blank {
			continue // the importer skips it; "....." rows it keeps
		}
		for i := range fields {
			fields[i] = keyText(fields[i])
		}
		fmt.Fprintf(&b, "I%q\n", fields)
	}
	return b.String()
}

// blankTask reports whether a task row shows nothing in the sheet (the
// importer skips such a row, and so does visibleKey).
func blankTask(t model.Task) bool {
	return strings.TrimSpace(t.Content) == "" && t.Total.IsEmpty() && t.Fiscal.IsEmpty() && t.Other.IsEmpty() && strings.TrimSpace(t.Note) == ""
}

// blankIndicator reports whether an indicator row of f shows nothing the
// importer keeps (it skips the row; "....." rows it keeps).
func blankIndicator(f *model.Form, in model.Indicator) bool {
	_, blank := indicatorKeyFields(f.Options, in)
	return blank
}

// indicatorKeyFields are the texts of an indicator the sheet shows, in
// column order, for visibleKey, and whether the importer skips the row.
func indicatorKeyFields(o model.Options, in model.Indicator) ([]string, bool) {
	fields := []string{in.Level1, in.Level2, in.Level3, in.Sub, in.Value, in.Explain, in.Note}
	if o.Weight {
		fields = append(fields, in.Weight)
	}
	if o.Unit {
		fields = append(fields, in.Unit)
	}
	if o.ValueType {
		fields = append(fields, in.ValueType)
	}
	if o.Scoring {
		fields = append(fields, in.Scoring)
	}
	if o.Nature {
		fields = append(fields, in.Nature)
	}
	if o.Direction {
		fields = append(fields, in.Direction)
	}
	empty := true
	for i, v := range fields {
		v = strings.TrimSpace(v)
		if i < 5 || i > 6 {
			fields[i] = v
		}
		if i >= 2 && v != "" {
			empty = false
		}
	}
	return fields, empty && !recognize.IsPlaceholder(fields[0]) && !recognize.IsPlaceholder(fields[1])
}

// keyMaxRunes is how much of a text visibleKey compares: a cell holds at
// most 32,767 characters, so a longer text (kept whole in the hidden
// data) shows cut short in the sheet; comparing only its start keeps such
// a file "unchanged", so the whole text is imported from the hidden data.
const keyMaxRunes = 16_000

func keyText(s string) string {
	if len(s) <= keyMaxRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == keyMaxRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// carryOver copies into v (read from the visible sheet of one of our own
// files that was edited after export) what the sheet cannot show, from
// the hidden data h, where rows still correspond: the form's meta data,
// the goals each task serves, 上年数, and the rate inputs.
func carryOver(v, h *model.Form) {
	v.Meta = h.Meta
	v.Options = model.Options{
		OtherFunds: v.Options.OtherFunds,
		Weight:     v.Options.Weight || h.Options.Weight,
		Unit:       v.Options.Unit || h.Options.Unit,
		ValueType:  v.Options.ValueType || h.Options.ValueType,
		Scoring:    v.Options.Scoring || h.Options.Scoring,
		Nature:     v.Options.Nature || h.Options.Nature,
		Direction:  v.Options.Direction || h.Options.Direction,
	}
	v.Template = h.Template
	type tk struct{ unit, content string }
	hidden := map[tk]model.Task{}
	for _, u := range h.Units {
		for _, t := range u.Tasks {
			hidden[tk{strings.TrimSpace(u.Name), strings.TrimSpace(t.Content)}] = t
		}
	}
	for ui := range v.Units {
		for ti := range v.Units[ui].Tasks {
			t := &v.Units[ui].Tasks[ti]
			ht, ok := hidden[tk{strings.TrimSpace(v.Units[ui].Name), strings.TrimSpace(t.Content)}]
			if !ok {
				continue
			}
			if len(v.Goals) == len(h.Goals) {
				t.Goals = append([]int(nil), ht.Goals...)
			}
			t.Prev = ht.Prev
		}
	}
	type ik struct{ l3, sub string }
	hin := map[ik]model.Indicator{}
	for _, in := range h.Indicators {
		hin[ik{in.Level3, in.Sub}] = in
	}
	for i := range v.Indicators {
		in := &v.Indicators[i]
		if hi, ok := hin[ik{in.Level3, in.Sub}]; ok {
			in.Formula = hi.Formula
			if hi.Inputs != nil {
				in.Inputs = map[string]string{}
				for k, x := range hi.Inputs {
					in.Inputs[k] = x
				}
			}
		}
	}
}
