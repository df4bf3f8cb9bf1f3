package recognize

import (
	"strings"
	"time"

	"jixiao/model"
)

var TimeZero time.Time

// BlankTask reports whether a task row shows nothing in the sheet (the
// importer skips such a row, and so does visibleKey).
func BlankTask(t model.Task) bool {
	return strings.TrimSpace(t.Content) == "" && t.Total.IsEmpty() && t.Fiscal.IsEmpty() && t.Other.IsEmpty() && strings.TrimSpace(t.Note) == ""
}

// BlankIndicator reports whether an indicator row of f shows nothing the
// importer keeps (it skips the row; "....." rows it keeps).
func BlankIndicator(f *model.Form, in model.Indicator) bool {
	_, blank := IndicatorKeyFields(f.Options, in)
	return blank
}

// IndicatorKeyFields are the texts of an indicator the sheet shows, in
// column order, for visibleKey, and whether the importer skips the row.
func IndicatorKeyFields(o model.Options, in model.Indicator) ([]string, bool) {
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
	return fields, empty && !IsPlaceholder(fields[0]) && !IsPlaceholder(fields[1])
}
