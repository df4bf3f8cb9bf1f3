package model

import (
	"encoding/json"
	"testing"
)

func TestComputeTotals(t *testing.T) {
	row := func(total, fiscal, other string) Task {
		return Task{Content: "x", Total: ParseAmount(total), Fiscal: ParseAmount(fiscal), Other: ParseAmount(other)}
	}
	tests := []struct {
		name                 string
		otherFunds           bool
		units                [][]Task
		total, fiscal, other string
		invalid, tasks       int
		unitTotals           []string
	}{
		{"empty form", false, nil, "0", "0", "0", 0, 0, nil},
		{"one unit", false, [][]Task{{row("115", "115", ""), row("81.6", "81.6", "")}}, "196.6", "196.6", "0", 0, 2, []string{"196.6"}},
		{"exact decimals", false, [][]Task{{row("0.0001", "0.0001", ""), row("0.0002", "0", "")}, {row("191.2176", "191.2176", "")}}, "191.2179", "191.2177", "0", 0, 3, []string{"0.0003", "191.2176"}},
		{"invalid and empty cells are not added but counted", false, [][]Task{{row("abc", "1", ""), row("", "", ""), row("2", "1.2.3", "")}}, "2", "1", "0", 2, 3, []string{"2"}},
		{"other funds added when used", true, [][]Task{{row("115", "100", "15"), row("10", "", "x")}}, "125", "100", "15", 1, 2, []string{"125"}},
		{"other funds ignored when not used", false, [][]Task{{row("115", "100", "15"), row("10", "10", "x")}}, "125", "110", "0", 0, 2, []string{"125"}},
		{"unit without rows", false, [][]Task{{}, {row("1", "1", "")}}, "1", "1", "0", 0, 1, []string{"0", "1"}},
		{"largest amounts do not overflow", false, [][]Task{{row("100000000", "100000000", ""), row("100000000", "100000000", "")}}, "200000000", "200000000", "0", 0, 2, []string{"200000000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &Form{Options: Options{OtherFunds: tc.otherFunds}, Goals: make([]Goal, 3)}
			for i, ts := range tc.units {
				f.Units = append(f.Units, Unit{Name: string(rune('A' + i)), Tasks: ts})
			}
			got := ComputeTotals(f)
			if got.Total.String() != tc.total || got.Fiscal.String() != tc.fiscal || got.Other.String() != tc.other {
				t.Errorf("合计 %s 财政 %s 其他 %s; want %s %s %s", got.Total, got.Fiscal, got.Other, tc.total, tc.fiscal, tc.other)
			}
			if got.Invalid != tc.invalid || got.Tasks != tc.tasks || got.Goals != 3 || got.UnitCount() != len(tc.units) {
				t.Errorf("invalid %d tasks %d goals %d units %d", got.Invalid, got.Tasks, got.Goals, got.UnitCount())
			}
			for i, w := range tc.unitTotals {
				if s := got.Units[i].Total.String(); s != w || got.Units[i].Tasks != len(tc.units[i]) {
					t.Errorf("unit %d: %s (%d tasks), want %s", i, s, got.Units[i].Tasks, w)
				}
			}
			if got.HasPrev {
				t.Error("HasPrev without 上年数")
			}
		})
	}
}

func TestComputeTotalsPrev(t *testing.T) {
	f := Sample()
	f.Units[0].Tasks[0].Prev = &PrevAmounts{Total: MustAmount("100"), Fiscal: MustAmount("90")}
	f.Units[1].Tasks[0].Prev = &PrevAmounts{Total: MustAmount("0.5"), Fiscal: ParseAmount("x")}
	got := ComputeTotals(f)
	if !got.HasPrev || got.Prev.Total.String() != "100.5" || got.Prev.Fiscal.String() != "90" || got.Prev.Invalid != 1 {
		t.Errorf("prev %+v", got.Prev)
	}
	if got.Units[0].Prev.Total.String() != "100" || got.Units[2].Prev.Total != 0 {
		t.Errorf("unit prev %+v", got.Units[0].Prev)
	}
}

// One edit is reflected by the next recomputation.
func TestComputeTotalsAfterEdit(t *testing.T) {
	f := Generate(5000)
	before := ComputeTotals(f)
	old := f.Units[17].Tasks[3].Total
	f.Units[17].Tasks[3].Total = ParseAmount("1,273.3")
	after := ComputeTotals(f)
	if want := before.Total - old.Money() + 12_733_000; after.Total != want {
		t.Errorf("total %s, want %s", after.Total, want)
	}
	if after.Units[17].Total-before.Units[17].Total != 12_733_000-old.Money() || after.Units[16].Total != before.Units[16].Total {
		t.Error("unit subtotal not updated alone")
	}
}

func TestGenerate(t *testing.T) {
	f := Generate(5000)
	tot := ComputeTotals(f)
	if tot.Tasks != 5000 || tot.UnitCount() != 200 || tot.Invalid != 0 || len(f.Indicators) != 49 {
		t.Errorf("tasks %d units %d invalid %d indicators %d", tot.Tasks, tot.UnitCount(), tot.Invalid, len(f.Indicators))
	}
	for _, x := range Check(f) {
		if x.Loc.Part == PartTasks || x.Loc.Part == PartGoals || x.Loc.Part == PartBasic {
			t.Fatalf("generated form has a finding in %s: %s", x.Loc.Describe(f), x.Message)
		}
	}
	a, _ := json.Marshal(Generate(300))
	b, _ := json.Marshal(Generate(300))
	if string(a) != string(b) {
		t.Error("Generate is not deterministic")
	}
}
