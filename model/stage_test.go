package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2020, 7, 3, 9, 0, 0, 0, time.UTC)

func TestSetStage(t *testing.T) {
	f := Sample()
	if f.Locked() || f.StageLabel() != "申报" {
		t.Fatalf("new form locked=%v label %q", f.Locked(), f.StageLabel())
	}
	steps := []struct {
		to      Stage
		month   int
		err     string
		stage   Stage
		label   string
		entries int
	}{
		{StageDeclare, 0, "", StageDeclare, "申报", 0},
		{StageMonitor, 0, "1到12之间", StageDeclare, "申报", 0},
		{StageMonitor, 13, "1到12之间", StageDeclare, "申报", 0},
		{StageMonitor, 6, "", StageMonitor, "运行监控（截至6月）", 1},
		{StageMonitor, 6, "", StageMonitor, "运行监控（截至6月）", 1}, // no change, no entry
		{StageMonitor, 8, "", StageMonitor, "运行监控（截至8月）", 2},
		{StageDeclare, 0, "不能退回申报", StageMonitor, "运行监控（截至8月）", 2},
		{StageEval, 0, "", StageEval, "年度自评", 3},
		{StageMonitor, 6, "不能再回到运行监控", StageEval, "年度自评", 3},
	}
	for i, s := range steps {
		err := f.SetStage(s.to, s.month, testNow.Add(time.Duration(i)*time.Hour))
		if (err == nil) != (s.err == "") || err != nil && !strings.Contains(err.Error(), s.err) {
			t.Errorf("step %d: err %v, want %q", i, err, s.err)
		}
		// going back is a conflict with the draft's state, a bad month
		// invalid input: the window words its dialog by the code
		if want := map[bool]string{true: ECONFLICT, false: EINVALID}[strings.Contains(s.err, "不能")]; err != nil && ErrorCode(err) != want {
			t.Errorf("step %d: code %q, want %q", i, ErrorCode(err), want)
		}
		if f.Stage != s.stage || f.StageLabel() != s.label || len(f.StageLog) != s.entries {
			t.Errorf("step %d: stage %v label %q log %d", i, f.Stage, f.StageLabel(), len(f.StageLog))
		}
	}
	if got := f.StageLog[1].String(); got != "运行监控 → 运行监控（截至8月）" {
		t.Errorf("log %q", got)
	}
	if got := f.StageLog[2].String(); got != "运行监控 → 年度自评" {
		t.Errorf("log %q", got)
	}
	if !f.Locked() {
		t.Error("自评 not locked")
	}
	// JSON keeps the stage by name and the log.
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"stage":"年度自评"`) || !strings.Contains(string(b), `"to":"运行监控","month":6`) {
		t.Errorf("json: %s", b[len(b)-600:])
	}
	var g Form
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if g.Stage != StageEval || len(g.StageLog) != 3 || g.StageLog[0].Month != 6 || !g.StageLog[0].Time.Equal(testNow.Add(3*time.Hour)) {
		t.Errorf("round trip: %v %+v", g.Stage, g.StageLog)
	}
	if err := json.Unmarshal([]byte(`{"stage":"结算"}`), &g); err == nil {
		t.Error("unknown stage accepted")
	}
	// A declaration-stage form writes no stage fields at all.
	b, _ = json.Marshal(Sample())
	for _, k := range []string{`"stage"`, `"monitor"`, `"eval"`, `"last"`, `"stageLog"`} {
		if strings.Contains(string(b), k) {
			t.Errorf("申报 form JSON has %s", k)
		}
	}
}

func TestParseStage(t *testing.T) {
	for s, want := range map[string]Stage{"申报": StageDeclare, "监控": StageMonitor, "运行监控": StageMonitor, " 自评 ": StageEval, "年度自评": StageEval} {
		if got, ok := ParseStage(s); !ok || got != want {
			t.Errorf("ParseStage(%q) = %v %v", s, got, ok)
		}
	}
	if _, ok := ParseStage("决算"); ok {
		t.Error("决算 accepted")
	}
}

func TestAdjust(t *testing.T) {
	f := Sample()
	_ = f.SetStage(StageMonitor, 6, testNow)
	tests := []struct {
		name  string
		do    func() error
		err   string
		count int
	}{
		{"no reason", func() error { return f.AdjustTask(0, 0, FieldTotal, "130", " ", testNow) }, "原因", 0},
		{"bad amount", func() error { return f.AdjustTask(0, 0, FieldTotal, "abc", "追加", testNow) }, "非数字", 0},
		{"empty amount", func() error { return f.AdjustTask(0, 0, FieldTotal, "", "追加", testNow) }, "请填写调整后的金额", 0},
		{"not an amount field", func() error { return f.AdjustTask(0, 0, FieldContent, "1", "追加", testNow) }, "不是可以调整的金额", 0},
		{"no such row", func() error { return f.AdjustTask(0, 99, FieldTotal, "1", "追加", testNow) }, "不存在", 0},
		{"task ok", func() error { return f.AdjustTask(0, 0, FieldTotal, "130", "年中追加预算", testNow) }, "", 1},
		{"bad target", func() error { return f.AdjustIndicator(3, "≥", "改", testNow) }, "比较符号后写数字", 1},
		{"indicator ok", func() error { return f.AdjustIndicator(3, "≥95%", "机构改革后工作量调整", testNow) }, "", 2},
	}
	for _, tt := range tests {
		err := tt.do()
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.err)
		}
		if want := map[bool]string{true: ENOTFOUND, false: EINVALID}[tt.err == "不存在"]; err != nil && ErrorCode(err) != want {
			t.Errorf("%s: code %q, want %q", tt.name, ErrorCode(err), want)
		}
		if len(f.Adjustments) != tt.count {
			t.Errorf("%s: %d adjustments", tt.name, len(f.Adjustments))
		}
	}
	a := f.Adjustments[0]
	if a.Old != "115" || a.New != "130" || a.Reason != "年中追加预算" || a.Stage != StageMonitor || !strings.Contains(a.Place, "第1行 › 合计") {
		t.Errorf("task adjustment %+v", a)
	}
	if f.Units[0].Tasks[0].Total.Money() != 130*10000 {
		t.Error("amount not changed")
	}
	b := f.Adjustments[1]
	if b.Old != "100%" || b.New != "≥95%" || f.Indicators[3].Value != "≥95%" || !strings.Contains(b.Place, "总体工作完成率") {
		t.Errorf("indicator adjustment %+v", b)
	}
	// Clone keeps the log apart.
	c := f.Clone()
	c.Adjustments[0].Reason = "x"
	c.StageLog[0].Month = 9
	if f.Adjustments[0].Reason == "x" || f.StageLog[0].Month == 9 {
		t.Error("Clone shares the stage slices")
	}
}

func TestSameDeclaration(t *testing.T) {
	a := Sample()
	for name, tc := range map[string]struct {
		edit func(f *Form)
		same bool
	}{
		"nothing":         {func(f *Form) {}, true},
		"note":            {func(f *Form) { f.Units[0].Tasks[0].Note = "x" }, true},
		"monitor value":   {func(f *Form) { f.Units[0].Tasks[0].Monitor.Executed = MustAmount("1") }, true},
		"eval actual":     {func(f *Form) { f.Indicators[3].Eval.Actual = "99%" }, true},
		"amount":          {func(f *Form) { f.Units[0].Tasks[0].Total = MustAmount("1") }, false},
		"fiscal":          {func(f *Form) { f.Units[0].Tasks[0].Fiscal = MustAmount("1") }, false},
		"target":          {func(f *Form) { f.Indicators[3].Value = "≥90%" }, false},
		"row added":       {func(f *Form) { f.Units[0].Tasks = append(f.Units[0].Tasks, Task{}) }, false},
		"indicator gone":  {func(f *Form) { f.Indicators = f.Indicators[1:] }, false},
		"adjusted target": {func(f *Form) { _ = f.AdjustIndicator(3, "≥90%", "改", testNow) }, true},
	} {
		b := a.Clone()
		tc.edit(b)
		if got := SameDeclaration(a, b); got != tc.same {
			t.Errorf("%s: %v", name, got)
		}
	}
}
