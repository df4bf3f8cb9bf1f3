package model

import "testing"

func TestSampleCountsAndTotals(t *testing.T) {
	f := Sample()
	tot := ComputeTotals(f)
	if got := len(f.Goals); got != 34 {
		t.Errorf("goals = %d, want 34", got)
	}
	if tot.Tasks != 34 || tot.UnitCount() != 8 {
		t.Errorf("tasks, units = %d, %d; want 34, 8", tot.Tasks, tot.UnitCount())
	}
	if got := tot.Total.String(); got != "7898.5676" {
		t.Errorf("合计 = %s, want 7898.5676", got)
	}
	if got := tot.Fiscal.String(); got != "7898.5676" {
		t.Errorf("财政资金 = %s, want 7898.5676", got)
	}
	if got := len(f.Indicators); got != 49 {
		t.Errorf("indicators = %d, want 49", got)
	}
	for i, in := range f.Indicators {
		if in.Formula == "" {
			continue
		}
		if _, ok := FormulaFor(in.Formula); !ok {
			t.Errorf("indicator %d (%s): formula %q not in Formulas", i+1, in.Name(), in.Formula)
		}
	}
}
