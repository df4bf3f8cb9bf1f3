package model

import (
	"strings"
	"testing"
)

func TestTimeProgress(t *testing.T) {
	for m, want := range map[int]string{6: "50.00", 8: "66.67", 12: "100.00", 1: "8.33"} {
		if got := TimeProgress(m).StringFixed(2); got != want {
			t.Errorf("TimeProgress(%d) = %s, want %s", m, got, want)
		}
	}
}

func TestBehindSchedule(t *testing.T) {
	tests := []struct {
		exec, budget string
		month        int
		want         bool
	}{
		{"40", "100", 6, false},      // 40% vs 50%: exactly 10 points below is not “more than”
		{"39.9999", "100", 6, true},  // just more than 10 below
		{"50", "100", 6, false},      // on time
		{"56.6667", "100", 8, false}, // 8月 progress 66.666…%: 56.6667 is less than 10 below
		{"56.6666", "100", 8, true},  // 56.6666 + 10 < 66.6666…
		{"0", "100", 1, false},       // 1月: 8.33% − 10 < 0, nothing can be more than 10 below
		{"0", "100", 2, true},        // 16.67% progress, 0 executed
		{"0", "0", 6, false},         // no budget: no rate, no hint
		{"130", "100", 6, false},     // over-executed
	}
	for _, tt := range tests {
		if got := behindSchedule(MustAmount(tt.exec).Money(), MustAmount(tt.budget).Money(), tt.month); got != tt.want {
			t.Errorf("behindSchedule(%s, %s, %d) = %v, want %v", tt.exec, tt.budget, tt.month, got, tt.want)
		}
	}
}

func monitorForm() *Form {
	f := New("2020", "测试局", testNow)
	f.Units = []Unit{{Name: "机关", Tasks: []Task{
		{Content: "环评技术评估", Total: MustAmount("100"), Fiscal: MustAmount("100")},
		{Content: "监测运维", Total: MustAmount("200"), Fiscal: MustAmount("200")},
	}}}
	f.Indicators = []Indicator{
		{Level1: "产出指标", Level3: "评估完成率", Value: "≥95%"},
		{Level1: "产出指标", Level3: "占位", Value: ""},
		{Level1: "效益指标", Level3: "目标依据充分性", Value: "充分"},
	}
	if err := f.SetStage(StageMonitor, 6, testNow); err != nil {
		panic(err)
	}
	return f
}

func TestMonitorChecks(t *testing.T) {
	type want struct {
		sev  Severity
		loc  string
		text string
	}
	tests := []struct {
		name string
		edit func(f *Form)
		want []want
		none []string
	}{
		{"nothing filled", func(f *Form) {}, []want{
			{SevError, "机关 第1行 › 执行数", "请填写1–6月执行数"},
			{SevError, "第1行（评估完成率） › 完成可能性", "请选择完成可能性"},
			{SevError, "第3行（目标依据充分性） › 完成可能性", "请选择完成可能性"},
		}, []string{"第2行（占位）"}},
		{"behind schedule names the task", func(f *Form) {
			f.Units[0].Tasks[0].Monitor.Executed = MustAmount("30")
			f.Units[0].Tasks[1].Monitor.Executed = MustAmount("100")
		}, []want{{SevHint, "第1行 › 执行数", "“环评技术评估”执行率 30.00%，比时间进度（6月 50.00%）低10个百分点以上"}},
			[]string{"监测运维”执行率"}},
		{"bad amount", func(f *Form) { f.Units[0].Tasks[0].Monitor.Executed = ParseAmount("三十") },
			[]want{{SevError, "第1行 › 执行数", "1–6月执行数“三十”含有非数字字符"}}, nil},
		{"negative amounts name their column", func(f *Form) {
			f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: ParseAmount("-5"), Forecast: ParseAmount("-1")}
		}, []want{
			{SevError, "第1行 › 执行数", "1–6月执行数不能为负数（“-5”）"},
			{SevError, "第1行 › 全年预计执行数", "全年预计执行数不能为负数（“-1”）"},
		}, []string{"预算金额"}},
		{"every bad cell of a row", func(f *Form) {
			f.Units[0].Tasks[1].Monitor = TaskMonitor{Forecast: ParseAmount("1.23456")}
		}, []want{
			{SevError, "第2行 › 执行数", "请填写1–6月执行数"},
			{SevError, "第2行 › 全年预计执行数", "全年预计执行数“1.23456”有5位小数"},
		}, nil},
		{"executed above budget is a hint", func(f *Form) {
			f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: MustAmount("120"), Forecast: MustAmount("130")}
		}, []want{
			{SevHint, "第1行 › 执行数", "“环评技术评估”1–6月执行数 120 万元，超过年初预算数 100 万元"},
			{SevHint, "第1行 › 全年预计执行数", "全年预计执行数 130 万元，超过年初预算数 100 万元（超出 30.00%）"},
		}, []string{"小于1–6月执行数", "低10个百分点"}},
		{"forecast far above budget", func(f *Form) {
			f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: MustAmount("50"), Forecast: MustAmount("300")}
		}, []want{{SevHint, "第1行 › 全年预计执行数", "（是预算的 3.00 倍）"}}, []string{"超过年初预算数 100 万元；"}},
		{"forecast below executed is an error", func(f *Form) {
			f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: MustAmount("60"), Forecast: MustAmount("55.5")}
		}, []want{{SevError, "第1行 › 全年预计执行数", "全年预计执行数 55.5 万元，小于1–6月执行数 60 万元"}}, []string{"超过年初预算数"}},
		{"forecast equal to executed and budget is fine", func(f *Form) {
			f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: MustAmount("100"), Forecast: MustAmount("100")}
		}, nil, []string{"第1行 › 全年预计执行数", "超过年初预算数"}},
		{"maybe needs cause and measures", func(f *Form) { f.Indicators[0].Monitor.Likelihood = LikelyMaybe },
			[]want{{SevError, "偏差原因", "完成可能性为“有可能”，请选择偏差原因"}, {SevError, "拟采取的措施", "完成可能性为“有可能”，请填写拟采取的措施"}}, nil},
		{"no chance with cause, no measures", func(f *Form) {
			f.Indicators[0].Monitor = IndicatorMonitor{Likelihood: LikelyNoChance, Cause: "经费保障"}
		}, []want{{SevError, "拟采取的措施", "完全不可能"}}, []string{"请选择偏差原因"}},
		{"其他 needs text", func(f *Form) {
			f.Indicators[0].Monitor = IndicatorMonitor{Likelihood: LikelyMaybe, Cause: "其他", Measures: "加快"}
		}, []want{{SevError, "偏差原因", "请写明具体原因"}}, []string{"拟采取的措施"}},
		{"unknown cause", func(f *Form) {
			f.Indicators[0].Monitor = IndicatorMonitor{Likelihood: LikelyMaybe, Cause: "天气", Measures: "加快"}
		}, []want{{SevError, "偏差原因", "偏差原因“天气”无法识别"}}, nil},
		{"sure needs nothing", func(f *Form) { f.Indicators[0].Monitor.Likelihood = LikelySure },
			nil, []string{"第1行（评估完成率） › 完成可能性", "第1行（评估完成率） › 偏差原因"}},
		{"unknown likelihood", func(f *Form) { f.Indicators[0].Monitor.Likelihood = "大概" },
			[]want{{SevError, "完成可能性", "完成可能性“大概”无法识别"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := monitorForm()
			tt.edit(f)
			fs := stageOnly(Check(f))
			var got []string
			for _, x := range fs {
				got = append(got, x.Severity.String()+" "+x.Loc.Describe(f)+": "+x.Message)
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				found := false
				for _, x := range fs {
					if x.Severity == w.sev && strings.Contains(x.Loc.Describe(f), w.loc) && strings.Contains(x.Message, w.text) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %s %q %q in\n%s", w.sev, w.loc, w.text, all)
				}
			}
			for _, n := range tt.none {
				if strings.Contains(all, n) {
					t.Errorf("unexpected %q in\n%s", n, all)
				}
			}
		})
	}
	// In the 申报 stage none of this is checked.
	f := monitorForm()
	f.Stage = StageDeclare
	if fs := stageOnly(Check(f)); len(fs) != 0 {
		t.Errorf("申报 form has stage findings %v", fs)
	}
}

func TestMonitorTotals(t *testing.T) {
	f := monitorForm()
	f.Units[0].Tasks[0].Monitor = TaskMonitor{Executed: MustAmount("30"), Forecast: MustAmount("95")}
	f.Units[0].Tasks[1].Monitor = TaskMonitor{Executed: MustAmount("120.5"), Forecast: ParseAmount("x")}
	m := ComputeMonitorTotals(f)
	if m.Budget.String() != "300" || m.Executed.String() != "150.5" || m.Forecast.String() != "95" || m.Rate.StringFixed(2) != "50.17" {
		t.Errorf("%+v", m)
	}
	if r, ok := f.Units[0].Tasks[1].MonitorRate(); !ok || r.StringFixed(2) != "60.25" {
		t.Errorf("rate %s %v", r, ok)
	}
	if MonitorHeader(8, "执行数") != "1–8月执行数" {
		t.Error(MonitorHeader(8, "执行数"))
	}
}

func TestMonitorHints(t *testing.T) {
	tests := []struct {
		total, ex, fc string
		want          []string
	}{
		{"100", "50", "100", nil},
		{"100", "30", "100", []string{HintBehind}},
		{"100", "120", "", []string{HintOverBudget}},
		{"100", "120", "110", []string{HintOverBudget, HintForecastOver, HintForecastBelow}},
		{"100", "60", "40", []string{HintForecastBelow}},
		{"100", "x", "200", []string{HintForecastOver}},
		{"x", "50", "60", nil},
	}
	for _, tt := range tests {
		tk := Task{Total: ParseAmount(tt.total), Monitor: TaskMonitor{Executed: ParseAmount(tt.ex), Forecast: ParseAmount(tt.fc)}}
		if got := tk.MonitorHints(6); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s/%s/%s: %v, want %v", tt.total, tt.ex, tt.fc, got, tt.want)
		}
	}
}
