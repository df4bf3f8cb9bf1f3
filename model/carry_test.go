package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCarryForwardSample(t *testing.T) {
	prev := Sample()
	bi := indexOf(prev, "预算执行率")
	prev.Indicators[bi].Inputs = map[string]string{"预算执行数": "980", "预算数": "1000"}
	prev.Units[0].Tasks[0].Goals = []int{1, 2}
	before, _ := json.Marshal(prev)

	f, reps, err := CarryForward(prev, "2021", nil)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(prev); string(after) != string(before) {
		t.Fatal("CarryForward changed prev")
	}
	if f.Year != "2021" || f.Dept != prev.Dept || f.Meta.PrevYear != "2020" || f.Version != SchemaVersion {
		t.Errorf("year %q dept %q prevYear %q", f.Year, f.Dept, f.Meta.PrevYear)
	}
	if f.Meta.Origin != "复制自“郑州市生态环境局 2020年度”" || f.Meta.OriginDraft != "" || f.Meta.Created.IsZero() {
		t.Errorf("meta %+v", f.Meta)
	}

	// The two texts of the seed that name 2020.
	want := []Replacement{
		{Loc: goalLoc(21), Old: "2020年", New: "2021年", Applied: true},
		{Loc: taskLoc(7, 1, FieldContent), Old: "2020年", New: "2021年", Applied: true},
	}
	if len(reps) != len(want) {
		t.Fatalf("replacements %+v", reps)
	}
	for i, r := range reps {
		w := want[i]
		if r.Loc != w.Loc || r.Old != w.Old || r.New != w.New || r.Applied != w.Applied {
			t.Errorf("replacement %d = %+v, want %+v", i, r, w)
		}
		if r.Before[r.Offset:r.Offset+len(r.Old)] != r.Old {
			t.Errorf("offset %d does not point at %q in %q", r.Offset, r.Old, r.Before)
		}
		if r.After != r.Before[:r.Offset]+r.New+r.Before[r.Offset+len(r.Old):] {
			t.Errorf("after = %q", r.After)
		}
	}
	if g := f.Goals[21].Text; !strings.Contains(g, "确保2021年城区可吸入颗粒物") || strings.Contains(g, "2020") {
		t.Errorf("goal 22 = %q", g)
	}
	if c := f.Units[7].Tasks[1].Content; c != "2021年全市水功能区及入河排污口水质监测、生态补偿断面监测项目" {
		t.Errorf("task = %q", c)
	}
	if prev.Goals[21].Text == f.Goals[21].Text {
		t.Error("prev's text changed too")
	}

	// Amounts kept, marked for review, and kept as 上年数.
	for u := range f.Units {
		for r, nt := range f.Units[u].Tasks {
			pt := prev.Units[u].Tasks[r]
			if nt.Total != pt.Total || nt.Fiscal != pt.Fiscal || !nt.Review || nt.Prev == nil ||
				nt.Prev.Total != pt.Total || nt.Prev.Fiscal != pt.Fiscal || nt.Prev.Other != pt.Other {
				t.Errorf("unit %d row %d: %+v", u, r, nt)
			}
		}
	}
	tot := ComputeTotals(f)
	if !tot.HasPrev || tot.Prev.Total.String() != "7898.5676" || tot.Total.String() != "7898.5676" {
		t.Errorf("totals: %+v", tot.Sums)
	}
	// Rate inputs cleared; the rest of the indicators copied.
	for i, in := range f.Indicators {
		if in.Inputs != nil {
			t.Errorf("indicator %d keeps inputs %v", i, in.Inputs)
		}
		p := prev.Indicators[i]
		if in.Name() != p.Name() || in.Value != p.Value || in.Explain != p.Explain || in.Formula != p.Formula {
			t.Errorf("indicator %d: %+v", i, in)
		}
	}
	// The same findings as the sample, plus one hint to review the amounts.
	if got := Check(f); len(got) != len(Check(prev))+1 || got[len(got)-1].Loc != taskLoc(0, 0, FieldTotal) ||
		!strings.Contains(got[len(got)-1].Message, "共有34行金额是从上年复制的") {
		t.Errorf("the carried form has %d findings, the sample %d; last %+v", len(got), len(Check(prev)), got[len(got)-1])
	}
	// A deep copy: changing the new form leaves prev alone.
	f.Units[0].Tasks[0].Goals[0] = 9
	f.Units[0].Tasks[0].Prev.Total = MustAmount("1")
	f.Goals[0].Text = "x"
	f.Units[0].Name = "x"
	f.Indicators[0].Value = "x"
	if after, _ := json.Marshal(prev); string(after) != string(before) {
		t.Error("the new form shares memory with prev")
	}
}

func TestCarryForwardYearInTexts(t *testing.T) {
	tests := []struct {
		in, want string
		n        int // replacements found
	}{
		{"确保2020年城区", "确保2021年城区", 1},
		{"2020年度工作要点", "2021年度工作要点", 1},
		{"完成2020目标", "完成2021目标", 1},
		{"截至2020，全市", "截至2021，全市", 1},
		{"2020", "2021", 1},
		{"2019-2020年", "2019-2021年", 1},
		{"2020年和2020年度及2020", "2021年和2021年度及2021", 3},
		{"编号12020个", "编号12020个", 0},
		{"编号20201", "编号20201", 0},
		{"投资2020万元", "投资2020万元", 0},
		{"共2020个断面", "共2020个断面", 0},
		{"2020.5吨", "2020.5吨", 0},
		{"0.2020", "0.2020", 0},
		{"1，2020", "1，2020", 0},
		{"郑办〔2020〕18号", "郑办〔2020〕18号", 0},
		{"GB2020标准", "GB2020标准", 0},
		{"第2020号", "第2020号", 0},
		{"２０２０年", "２０２０年", 0},
		{"2019年", "2019年", 0},
	}
	for _, tc := range tests {
		prev := &Form{Year: "2020", Dept: "d", Goals: []Goal{{Text: tc.in}}}
		f, reps, err := CarryForward(prev, "2021年", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Goals[0].Text; got != tc.want || len(reps) != tc.n {
			t.Errorf("%q → %q with %d replacements, want %q with %d", tc.in, got, len(reps), tc.want, tc.n)
		}
	}
}

func TestCarryForwardKeep(t *testing.T) {
	prev := &Form{Year: "2020", Dept: "d",
		Goals:      []Goal{{Text: "2020年A，2020年度B"}},
		Units:      []Unit{{Name: "u", Tasks: []Task{{Content: "2020年任务", Total: MustAmount("5"), Fiscal: MustAmount("5")}}}},
		Indicators: []Indicator{{Level1: "a", Level2: "b", Level3: "c", Value: "2020年完成", Explain: "反映2020年度"}},
	}
	var asked []Replacement
	f, reps, err := CarryForward(prev, "2021", func(r Replacement) bool {
		asked = append(asked, r)
		return r.Old == "2020年度" || r.Loc.Field == FieldValue
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 5 || len(reps) != 5 {
		t.Fatalf("asked %d, got %d replacements", len(asked), len(reps))
	}
	if got := f.Goals[0].Text; got != "2020年A，2021年度B" {
		t.Errorf("goal = %q", got)
	}
	if got := f.Units[0].Tasks[0].Content; got != "2020年任务" {
		t.Errorf("task = %q", got)
	}
	if f.Indicators[0].Value != "2021年完成" || f.Indicators[0].Explain != "反映2021年度" {
		t.Errorf("indicator = %+v", f.Indicators[0])
	}
	wantApplied := []bool{false, true, false, true, true}
	wantLoc := []Location{goalLoc(0), goalLoc(0), taskLoc(0, 0, FieldContent), indLoc(0, FieldValue), indLoc(0, FieldExplain)}
	for i, r := range reps {
		if r.Applied != wantApplied[i] || r.Loc != wantLoc[i] {
			t.Errorf("replacement %d: applied %v at %+v", i, r.Applied, r.Loc)
		}
	}
	// Each After shows its own change only.
	if reps[0].After != "2021年A，2020年度B" || reps[1].After != "2020年A，2021年度B" || reps[1].Offset != len("2020年A，") {
		t.Errorf("after: %q, %q; offset %d", reps[0].After, reps[1].After, reps[1].Offset)
	}
}

func TestCarryForwardErrors(t *testing.T) {
	for _, y := range []string{"", "21", "明年", "3021", "2021-2022"} {
		_, _, err := CarryForward(Sample(), y, nil)
		if err == nil || !strings.Contains(err.Error(), "不是有效的年份") {
			t.Errorf("newYear %q: %v", y, err)
		}
	}
	if _, _, err := CarryForward(nil, "2021", nil); err == nil {
		t.Error("nil prev accepted")
	}
	// Same year, or an unreadable old year: copied, texts untouched.
	for _, old := range []string{"2021", "", "二〇二〇"} {
		p := Sample()
		p.Year = old
		f, reps, err := CarryForward(p, "2021", nil)
		if err != nil || len(reps) != 0 || f.Goals[21].Text != p.Goals[21].Text || f.Year != "2021" {
			t.Errorf("old year %q: %v, %d replacements", old, err, len(reps))
		}
	}
}

func TestChangePercent(t *testing.T) {
	tests := []struct {
		prev, cur string
		want      string
		ok        bool
		shown     string
	}{
		{"100", "112.5", "12.5", true, "+12.50%"},
		{"100", "96.8", "-3.2", true, "-3.20%"},
		{"115", "115", "0", true, "0.00%"},
		{"3", "4", "33.33", true, "+33.33%"},
		{"3", "2", "-33.33", true, "-33.33%"},
		{"0.0001", "7898.5676", "7898567500", true, "+7898567500.00%"},
		{"0", "50", "0", false, "新增"},
		{"0", "0", "0", false, "—"},
	}
	for _, tc := range tests {
		p, c := MustAmount(tc.prev).Money(), MustAmount(tc.cur).Money()
		d, ok := ChangePercent(p, c)
		if ok != tc.ok || d.String() != tc.want {
			t.Errorf("ChangePercent(%s, %s) = %s, %v; want %s, %v", tc.prev, tc.cur, d, ok, tc.want, tc.ok)
		}
		if got := FormatChange(p, c); got != tc.shown {
			t.Errorf("FormatChange(%s, %s) = %q, want %q", tc.prev, tc.cur, got, tc.shown)
		}
	}
	task := Task{Total: MustAmount("120")}
	if _, ok := task.PrevChange(); ok {
		t.Error("PrevChange without 上年数")
	}
	task.Prev = &PrevAmounts{Total: MustAmount("100")}
	if d, ok := task.PrevChange(); !ok || d.String() != "20" {
		t.Errorf("PrevChange = %s, %v", d, ok)
	}
	task.Total = ParseAmount("x")
	if _, ok := task.PrevChange(); ok {
		t.Error("PrevChange with an invalid amount")
	}
}
