package model

import (
	"reflect"
	"testing"
)

// cloneSources are forms with every kind of part a clone must copy: goal
// links, last year's amounts, formula inputs, the stage log and 调整, a
// template's 基本信息 and 资金 rows, empty (not nil) slices and nil ones.
func cloneSources(t *testing.T) map[string]*Form {
	t.Helper()
	sample := Sample()
	sample.Units[0].Tasks[0].Prev = &PrevAmounts{Total: MustAmount("1")}
	sample.Indicators[13].Inputs = map[string]string{"预算数": "1"}
	sample.Basic = map[string]string{"填报人": "张三"}
	eval := SampleEval(testNow)
	if err := eval.AdjustTask(0, 0, FieldTotal, "130", "年中追加", testNow); err != nil {
		t.Fatal(err)
	}
	carried, _, err := CarryForward(eval, "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	carried.Meta.Created, carried.Meta.Updated = testNow, testNow // made apart twice, they must be equal
	out := map[string]*Form{
		"sample":    sample,
		"eval":      eval,
		"carried":   carried,
		"generated": Generate(300),
		"zero":      {},
		"empty slices": {Goals: []Goal{}, Units: []Unit{{Name: "局机关", Tasks: []Task{}}, {Name: "空"}},
			Indicators: []Indicator{}, Basic: map[string]string{}, StageLog: []StageChange{}},
	}
	for _, tp := range BuiltinTemplates() {
		out["template "+tp.ID] = TemplateExample(tp)
	}
	return out
}

// scribble writes over everything f refers to, so a clone that shares
// memory with its original shows it in the original.
func scribble(f *Form) {
	for i := range f.Goals {
		f.Goals[i].Text = "涂改"
	}
	for u := range f.Units {
		f.Units[u].Name = "涂改"
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			t.Content, t.Total, t.Monitor.Executed = "涂改", MustAmount("9"), MustAmount("9")
			for g := range t.Goals {
				t.Goals[g] = 999
			}
			if t.Prev != nil {
				t.Prev.Total = MustAmount("9")
			}
		}
	}
	for i := range f.Indicators {
		f.Indicators[i].Value = "涂改"
		for k := range f.Indicators[i].Inputs {
			f.Indicators[i].Inputs[k] = "涂改"
		}
	}
	for k := range f.Basic {
		f.Basic[k] = "涂改"
	}
	for i := range f.StageLog {
		f.StageLog[i].Month = 99
	}
	for i := range f.Adjustments {
		f.Adjustments[i].Reason = "涂改"
	}
	if f.Funds != nil {
		for i := range f.Funds.Income {
			f.Funds.Income[i].Name = "涂改"
		}
		for i := range f.Funds.Expense {
			f.Funds.Expense[i].Name = "涂改"
		}
	}
}

// TestCloneInto copies every source form into every kind of used form (nil,
// empty, larger, smaller, one that was itself a copy) and checks the copy
// equals the original (nil and empty slices alike), is the form passed in,
// and shares nothing with the original.
func TestCloneInto(t *testing.T) {
	srcs := cloneSources(t)
	wants := cloneSources(t) // made apart, so they share nothing with srcs
	for name, src := range srcs {
		want := wants[name]
		if !reflect.DeepEqual(src.Clone(), src) {
			t.Fatalf("%s: Clone differs", name)
		}
		dsts := map[string]*Form{"nil": nil, "new": new(Form), "big": Generate(2000)}
		for other, o := range srcs {
			dsts["copy of "+other] = o.Clone()
		}
		for dname, dst := range dsts {
			got := src.CloneInto(dst)
			if dst != nil && got != dst {
				t.Errorf("%s into %s: a new form instead of the one passed", name, dname)
			}
			if !reflect.DeepEqual(got, src) {
				t.Fatalf("%s into %s: the copy differs", name, dname)
			}
			// Again into the same form: the reuse the editor relies on.
			if again := src.CloneInto(got); again != got || !reflect.DeepEqual(again, src) {
				t.Fatalf("%s into %s twice: the copy differs", name, dname)
			}
			scribble(got)
			if !reflect.DeepEqual(src, want) {
				t.Fatalf("%s into %s: the copy shares memory with the original", name, dname)
			}
			if len(got.Units) > 0 {
				if tail := got.Units[len(got.Units):cap(got.Units)]; !reflect.DeepEqual(tail, make([]Unit, len(tail))) {
					t.Errorf("%s into %s: the unused units still refer to the old form", name, dname)
				}
				rows := got.Units[0].Tasks
				if tail := rows[len(rows):cap(rows)]; !reflect.DeepEqual(tail, make([]Task, len(tail))) {
					t.Errorf("%s into %s: the unused rows still refer to the old form", name, dname)
				}
			}
		}
	}
}

// A form copied into itself gets a new copy; the form is left as it was.
func TestCloneIntoItself(t *testing.T) {
	f, want := Sample(), Sample()
	c := f.CloneInto(f)
	if c == f || !reflect.DeepEqual(c, want) || !reflect.DeepEqual(f, want) {
		t.Fatal("copy into itself")
	}
	scribble(c)
	if !reflect.DeepEqual(f, want) {
		t.Fatal("copy into itself shares memory")
	}
}

// BenchmarkClone2000Tasks is a fresh copy of a 2,000-task form, as the
// editor made before each keystroke after the declaration until
// 2026-11-30 (docs/BENCHMARKS.md).
func BenchmarkClone2000Tasks(b *testing.B) {
	f := Generate(2000)
	b.ReportAllocs()
	for b.Loop() {
		_ = f.Clone()
	}
}

// BenchmarkCloneInto2000Tasks is the copy into the same form again, as the
// editor makes it now.
func BenchmarkCloneInto2000Tasks(b *testing.B) {
	f := Generate(2000)
	dst := f.Clone()
	b.ReportAllocs()
	for b.Loop() {
		dst = f.CloneInto(dst)
	}
}
