package model

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"
)

func goalTexts(f *Form) []string {
	var out []string
	for _, g := range f.Goals {
		out = append(out, g.Text)
	}
	return out
}

func links(f *Form) [][]int {
	var out [][]int
	for _, u := range f.Units {
		for _, t := range u.Tasks {
			out = append(out, t.Goals)
		}
	}
	return out
}

// A small form: goals A B C D, tasks linked to 1, 2, 3 and {2, 4}.
func linkedForm() *Form {
	f := New("2021", "d", time.Time{})
	for _, s := range []string{"A", "B", "C", "D"} {
		f.Goals = append(f.Goals, Goal{Text: s})
	}
	f.Units = []Unit{{Name: "u", Tasks: []Task{{Goals: []int{1}}, {Goals: []int{2}}, {Goals: []int{3}}, {Goals: []int{2, 4}}}}}
	return f
}

func TestGoalRenumbering(t *testing.T) {
	tests := []struct {
		name  string
		do    func(f *Form)
		goals []string
		links [][]int
	}{
		{"insert at the front", func(f *Form) { f.InsertGoal(0, "N") }, []string{"N", "A", "B", "C", "D"}, [][]int{{2}, {3}, {4}, {3, 5}}},
		{"insert in the middle", func(f *Form) { f.InsertGoal(2, "N") }, []string{"A", "B", "N", "C", "D"}, [][]int{{1}, {2}, {4}, {2, 5}}},
		{"insert past the end appends", func(f *Form) { f.InsertGoal(99, "N") }, []string{"A", "B", "C", "D", "N"}, [][]int{{1}, {2}, {3}, {2, 4}}},
		{"delete drops the links to it", func(f *Form) { f.DeleteGoal(1) }, []string{"A", "C", "D"}, [][]int{{1}, {}, {2}, {3}}},
		{"delete out of range does nothing", func(f *Form) { f.DeleteGoal(9) }, []string{"A", "B", "C", "D"}, [][]int{{1}, {2}, {3}, {2, 4}}},
		{"move down", func(f *Form) { f.MoveGoal(0, 2) }, []string{"B", "C", "A", "D"}, [][]int{{3}, {1}, {2}, {1, 4}}},
		{"move up", func(f *Form) { f.MoveGoal(3, 0) }, []string{"D", "A", "B", "C"}, [][]int{{2}, {3}, {4}, {3, 1}}},
		{"move to itself", func(f *Form) { f.MoveGoal(1, 1) }, []string{"A", "B", "C", "D"}, [][]int{{1}, {2}, {3}, {2, 4}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := linkedForm()
			tc.do(f)
			if got := goalTexts(f); !slices.Equal(got, tc.goals) {
				t.Errorf("goals %v, want %v", got, tc.goals)
			}
			got := links(f)
			for i := range got {
				if !slices.Equal(got[i], tc.links[i]) {
					t.Errorf("links %v, want %v", got, tc.links)
					break
				}
			}
			// Each task still points at the same text.
			orig := linkedForm()
			if tc.name != "delete drops the links to it" {
				for i, l := range got {
					for j, n := range l {
						if f.Goals[n-1].Text != orig.Goals[links(orig)[i][j]-1].Text {
							t.Errorf("task %d now serves %q", i, f.Goals[n-1].Text)
						}
					}
				}
			}
		})
	}
}

func TestMoveRows(t *testing.T) {
	f := Sample()
	names := func() []string {
		var s []string
		for _, u := range f.Units {
			s = append(s, u.Name)
		}
		return s
	}
	first := f.Units[0].Name
	f.MoveUnit(0, 7)
	if n := names(); n[7] != first || len(n) != 8 {
		t.Errorf("MoveUnit: %v", n)
	}
	c := f.Units[7].Tasks[0].Content
	f.MoveTask(7, 0, 12)
	if f.Units[7].Tasks[12].Content != c || len(f.Units[7].Tasks) != 13 {
		t.Error("MoveTask")
	}
	in := f.Indicators[0].Name()
	f.MoveIndicator(0, 48)
	if f.Indicators[48].Name() != in {
		t.Error("MoveIndicator")
	}
	if ComputeTotals(f).Total.String() != "7898.5676" {
		t.Error("moving rows changed the total")
	}
	// Out of range moves do nothing.
	before, _ := json.Marshal(f)
	f.MoveUnit(-1, 3)
	f.MoveTask(9, 0, 1)
	f.MoveTask(0, 0, 99)
	f.MoveIndicator(0, 49)
	if after, _ := json.Marshal(f); string(after) != string(before) {
		t.Error("an out-of-range move changed the form")
	}
}

func TestClone(t *testing.T) {
	f := Sample()
	f.Units[0].Tasks[0].Prev = &PrevAmounts{Total: MustAmount("1")}
	f.Indicators[13].Inputs = map[string]string{"预算数": "1"}
	c := f.Clone()
	if !reflect.DeepEqual(f, c) {
		t.Fatal("clone differs")
	}
	c.Goals[0].Text = "x"
	c.Units[0].Name = "x"
	c.Units[0].Tasks[0].Goals[0] = 9
	c.Units[0].Tasks[0].Prev.Total = MustAmount("2")
	c.Indicators[13].Inputs["预算数"] = "2"
	c.Indicators[0].Value = "x"
	if f.Goals[0].Text == "x" || f.Units[0].Name == "x" || f.Units[0].Tasks[0].Goals[0] == 9 ||
		f.Units[0].Tasks[0].Prev.Total.Raw() != "1" || f.Indicators[13].Inputs["预算数"] != "1" || f.Indicators[0].Value == "x" {
		t.Error("clone shares memory")
	}
	if e := (&Form{}).Clone(); e.Units != nil || e.Indicators != nil {
		t.Error("clone of an empty form")
	}
}

func TestFormJSONRoundTrip(t *testing.T) {
	f := Sample()
	f.Units[0].Tasks[0].Total = ParseAmount("１１５ 万")
	f.Units[0].Tasks[1].Fiscal = ParseAmount("1OO")
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var g Form
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, &g) {
		t.Error("JSON round trip changed the form")
	}
	if g.Units[0].Tasks[1].Fiscal.Raw() != "1OO" || g.Units[0].Tasks[1].Fiscal.Valid() {
		t.Error("invalid input lost")
	}
}
