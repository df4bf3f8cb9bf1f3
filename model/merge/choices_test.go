package merge

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"jixiao/model"
)

func TestMergeYear(t *testing.T) {
	part := model.New("2021", model.SampleDept, time.Time{})
	part.Units = []model.Unit{{Name: "郑州市新设单位", Tasks: []model.Task{{Content: "新项目", Total: model.MustAmount("10")}}}}
	parts := []Part{
		{Label: "a.json", Form: splitForMerge(model.Sample(), [][]int{{0}}, func(int) bool { return false })[0].Form},
		{Label: "b.json", Form: part},
	}
	into := model.New(model.SampleYear, model.SampleDept, time.Time{})
	got, rep, err := Merge(into, parts, Choices{})
	if err == nil || got != nil || len(rep.Parts) != 0 {
		t.Fatalf("different year merged: %v, %v", got, err)
	}
	if model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("code %q, want %q", model.ErrorCode(err), model.ECONFLICT)
	}
	for _, w := range []string{"b.json", "2021年度", "2020年度", "允许合并不同年度"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
	got, rep, err = Merge(into, parts, Choices{AllowYear: true})
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != model.SampleYear || len(got.Units) != 2 || len(rep.Parts) != 2 {
		t.Errorf("year %q, units %d, report parts %d", got.Year, len(got.Units), len(rep.Parts))
	}
	if len(into.Units) != 0 {
		t.Errorf("into was modified")
	}
}

func TestMergeIntoEmptyTakesYearAndDept(t *testing.T) {
	s := model.Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(p int) bool { return p == 0 })
	parts[0].Form.Year, parts[0].Form.Dept = "", "" // the first file left them blank
	got, _, err := Merge(model.New("", "", time.Time{}), parts, Choices{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != model.SampleYear || got.Dept != model.SampleDept {
		t.Errorf("year, dept = %q, %q", got.Year, got.Dept)
	}
	if got, _, err := Merge(nil, parts, Choices{}); err != nil || model.ComputeTotals(got).Total.String() != "7898.5676" {
		t.Errorf("nil into: %v", err)
	}
}

func TestMergeOptionsAndLinks(t *testing.T) {
	into := model.New(model.SampleYear, model.SampleDept, time.Time{})
	into.Options.Weight = true
	p := model.New(model.SampleYear, model.SampleDept, time.Time{})
	p.Options = model.Options{OtherFunds: true, Scoring: true}
	p.Goals = []model.Goal{{Text: "只给被跳过的单位"}, {Text: "不对应任何任务"}, {Text: "新单位的目标"}}
	p.Units = []model.Unit{
		{Name: "甲", Tasks: []model.Task{{Content: "a", Total: model.MustAmount("1"), Goals: []int{3, 7, 3}}}},
	}
	got, rep, err := Merge(into, []Part{{Label: "p.json", Form: p}}, Choices{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.Options{OtherFunds: true, Weight: true, Scoring: true}); got.Options != want {
		t.Errorf("options = %+v, want %+v", got.Options, want)
	}
	// Goal 7 does not exist: the link is dropped and said; the double link
	// to 3 is kept once.
	if l := got.Units[0].Tasks[0].Goals; !reflect.DeepEqual(l, []int{3}) {
		t.Errorf("links = %v", l)
	}
	if n := rep.Parts[0].Notes; len(n) != 1 || !strings.Contains(n[0], "目标7") {
		t.Errorf("notes = %q", n)
	}

	// Now 甲 exists and is skipped: its own target is not added again, the
	// free-standing one is (once: its text is there already, shared).
	p2 := p.Clone()
	p2.Goals[0].Text = "只给被跳过的单位2"
	p2.Units[0].Tasks[0].Goals = []int{1}
	got2, rep2, err := Merge(got, []Part{{Label: "p2.json", Form: p2}}, Choices{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got2.Goals) != 3 || rep2.Parts[0].GoalsAdded != 0 || rep2.Parts[0].GoalsSkipped != 3 || rep2.Parts[0].UnitsSkipped != 1 {
		t.Errorf("goals %d, report %+v", len(got2.Goals), rep2.Parts[0])
	}
	if !reflect.DeepEqual(got2, got) {
		t.Errorf("merging a skipped unit changed the form")
	}
}

func TestMergeNilPart(t *testing.T) {
	_, _, err := Merge(model.Sample(), []Part{{Label: "坏文件.xlsx"}}, Choices{})
	if err == nil || !strings.Contains(err.Error(), "坏文件.xlsx") {
		t.Errorf("err = %v", err)
	}
	if cs := Plan(model.Sample(), []Part{{Label: "坏文件.xlsx"}}); len(cs) != 0 {
		t.Errorf("conflicts = %v", cs)
	}
}

func TestMergeReportString(t *testing.T) {
	s := model.Sample()
	parts := splitForMerge(s, mergeEachUnit(s), func(int) bool { return true })
	parts = append(parts, parts[1]) // the 监测中心站 file twice
	_, rep, err := Merge(model.New(model.SampleYear, model.SampleDept, time.Time{}), parts, Choices{})
	if err != nil {
		t.Fatal(err)
	}
	out := rep.String()
	for _, w := range []string{
		"文件“01_郑州市生态环境局机关.json”：\n  单位：新增1个\n  任务：13行，合计 1,753.23 万元\n  年度总体目标：新增13条\n  绩效指标：新增49行\n",
		"文件“02_郑州市环境保护监测中心站.json”：\n  单位：新增1个\n  任务：5行，合计 1,913.3 万元\n",
		"绩效指标：新增0行，已有而跳过49行",
		"单位：跳过1个\n  任务：0行，合计 0 万元\n  年度总体目标：新增0条，未添加5条（已有相同文字的，或只属于跳过的单位）\n",
		"单位“郑州市环境保护监测中心站”已有，按选择跳过，未合并它的5行",
		"共合并9个文件：任务34行，合计 7,898.5676 万元。",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("report does not say %q:\n%s", w, out)
		}
	}
}

func TestEnumStrings(t *testing.T) {
	for a, w := range map[UnitAction]string{UnitSkip: "跳过", UnitReplace: "替换", UnitKeepBoth: "两者都保留", 9: "UnitAction(9)"} {
		if a.String() != w {
			t.Errorf("%d = %q", a, a.String())
		}
	}
	var zero Choices
	if zero.action("任何单位") != UnitSkip {
		t.Errorf("the zero choices must skip existing units")
	}
	seen := map[string]bool{}
	for k := ConflictUnitExists; k <= ConflictDept; k++ {
		if s := k.String(); strings.HasPrefix(s, "Conflict") || seen[s] {
			t.Errorf("kind %d = %q", k, s)
		} else {
			seen[s] = true
		}
	}
}

// TestMergeRandomInvariants merges random pieces of a generated form, with
// random (also broken) target links, and checks what must always hold:
// into is untouched, links point at existing targets once each, and the
// totals follow the choice.
func TestMergeRandomInvariants(t *testing.T) {
	g := model.Generate(400) // 16 units
	for i := range g.Units {
		for ti := range g.Units[i].Tasks {
			g.Units[i].Tasks[ti].Goals = []int{(i*7+ti)%len(g.Goals) + 1}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() []int {
		var s []int
		for i := range g.Units {
			if r.IntN(4) == 0 {
				s = append(s, i)
			}
		}
		if len(s) == 0 {
			s = []int{r.IntN(len(g.Units))}
		}
		return s
	}
	for round := range 40 {
		into := splitForMerge(g, [][]int{pick()}, func(int) bool { return r.IntN(2) == 0 })[0].Form
		var groups [][]int
		for range 1 + r.IntN(5) {
			groups = append(groups, pick())
		}
		parts := splitForMerge(g, groups, func(int) bool { return r.IntN(2) == 0 })
		for _, p := range parts {
			// Break some links: 0, negative, past the end.
			for ui := range p.Form.Units {
				if r.IntN(3) == 0 && len(p.Form.Units[ui].Tasks) > 0 {
					p.Form.Units[ui].Tasks[0].Goals = append(p.Form.Units[ui].Tasks[0].Goals, []int{0, -3, len(p.Form.Goals) + 1}[r.IntN(3)])
				}
			}
		}
		before := into.Clone()
		for _, ch := range []Choices{{}, {Default: UnitKeepBoth}, {Default: UnitReplace}, {Default: UnitKeepBoth, KeepSameGoals: true}} {
			got, rep, err := Merge(into, parts, ch)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if !reflect.DeepEqual(into, before) {
				t.Fatalf("round %d: into modified", round)
			}
			for ui, u := range got.Units {
				for ti, tk := range u.Tasks {
					seen := map[int]bool{}
					for _, n := range tk.Goals {
						if n < 1 || n > len(got.Goals) || seen[n] {
							t.Fatalf("round %d %+v: unit %d row %d links %v (%d goals)", round, ch, ui, ti, tk.Goals, len(got.Goals))
						}
						seen[n] = true
					}
				}
			}
			// The expected total, unit by unit.
			have := map[string]model.Money{}
			var want model.Money
			for _, u := range into.Units {
				have[u.Name] = mergeUnitTotal(u)
				want += mergeUnitTotal(u)
			}
			var reported model.Money
			for pi, p := range parts {
				reported += rep.Parts[pi].Total
				added := map[string]model.Money{}
				for _, u := range p.Form.Units {
					old, exists := have[u.Name]
					switch {
					case !exists || ch.Default == UnitKeepBoth:
						want += mergeUnitTotal(u)
						added[u.Name] = mergeUnitTotal(u)
					case ch.Default == UnitReplace:
						want += mergeUnitTotal(u) - old
						added[u.Name] = mergeUnitTotal(u)
					}
				}
				for n, m := range added {
					if _, ok := have[n]; !ok || ch.Default == UnitReplace {
						have[n] = m
					}
				}
			}
			if tot := model.ComputeTotals(got).Total; tot != want {
				t.Fatalf("round %d %+v: total %s, want %s", round, ch, tot, want)
			}
			if ch.Default == UnitKeepBoth && reported != model.ComputeTotals(got).Total-model.ComputeTotals(into).Total {
				t.Fatalf("round %d: reported %s", round, reported)
			}
			if cs := Plan(into, parts); !reflect.DeepEqual(into, before) {
				t.Fatalf("round %d: Plan modified into (%d conflicts)", round, len(cs))
			}
		}
	}
}
