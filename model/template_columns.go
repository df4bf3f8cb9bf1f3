package model

import "slices"

// The order of the indicator columns: the template's list decides it
// everywhere (editor, xlsx, PDF); a column the form uses but its template
// lacks (an option switched on, 指标解释/指标说明 of a form from another
// template) comes after the template's, in the program's default order,
// so nothing typed is hidden.

// defaultIndicatorOrder is the program's order of every indicator column.
var defaultIndicatorOrder = []string{IndColL1, IndColL2, IndColL3, IndColValue, IndColExplain, IndColNote,
	IndColWeight, IndColUnit, IndColValueType, IndColScoring, IndColNature, IndColDirection}

// columnOn reports whether a form with options o shows column key: the
// base columns always, an optional one when its option is on.
func columnOn(key string, o Options) bool {
	switch key {
	case IndColWeight:
		return o.Weight
	case IndColUnit:
		return o.Unit
	case IndColValueType:
		return o.ValueType
	case IndColScoring:
		return o.Scoring
	case IndColNature:
		return o.Nature
	case IndColDirection:
		return o.Direction
	}
	return slices.Contains(defaultIndicatorOrder, key)
}

// IndicatorOrder is the order of the indicator columns a form with options
// o shows under template t: t's columns, in t's order, then the other
// columns that are on, in the default order.
func IndicatorOrder(t *Template, o Options) []string {
	var out []string
	if t != nil {
		o = t.On(o) // the template's columns are always on

		for _, c := range t.IndicatorColumns {
			if columnOn(c.Key, o) && !slices.Contains(out, c.Key) {
				out = append(out, c.Key)
			}
		}
	}
	for _, k := range defaultIndicatorOrder {
		if columnOn(k, o) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// PrintedColumns are the indicator columns an export of f prints under
// t: IndicatorOrder, without 指标解释 and 指标说明 where t does not list
// them and no row of f has text in them (a template that leaves them out
// prints no empty columns; a form that fills them keeps them).
func PrintedColumns(f *Form, t *Template) []string {
	order := IndicatorOrder(t, f.Options)
	if t == nil {
		return order
	}
	return slices.DeleteFunc(order, func(k string) bool {
		if (k != IndColExplain && k != IndColNote) || t.HasColumn(k) {
			return false
		}
		for i := range f.Indicators {
			if !blank(columnValue(&f.Indicators[i], k)) {
				return false
			}
		}
		return true
	})
}
