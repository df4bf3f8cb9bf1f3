package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// cleanForm is the sample with what the checks rightly complain about
// fixed: placeholder rows removed, missing 指标值 filled in, the three
// duplicated targets reworded. Check finds nothing in it.
func cleanForm() *Form {
	f := Sample()
	var ins []Indicator
	for _, in := range f.Indicators {
		if IsFiller(in.Level1) || IsFiller(in.Level3) {
			continue
		}
		if in.Value == "" {
			if isRate(&in) {
				in.Value = "≤5%"
			} else {
				in.Value = "3人"
			}
		}
		ins = append(ins, in)
	}
	f.Indicators = ins
	for _, g := range []int{6, 16, 19} {
		f.Goals[g].Text += "（第二批）"
	}
	return f
}

func indexOf(f *Form, name string) int {
	for i, in := range f.Indicators {
		if in.Name() == name {
			return i
		}
	}
	panic("no indicator " + name)
}

type wantFinding struct {
	sev      Severity
	loc      Location
	contains string
}

func (w wantFinding) String() string {
	return fmt.Sprintf("[%s] %+v …%s…", w.sev, w.loc, w.contains)
}

func errAt(loc Location, s string) wantFinding  { return wantFinding{SevError, loc, s} }
func hintAt(loc Location, s string) wantFinding { return wantFinding{SevHint, loc, s} }

// matchFindings reports whether got is exactly want, in order.
func matchFindings(t *testing.T, f *Form, got []Finding, want []wantFinding) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].Severity == want[i].sev && got[i].Loc == want[i].loc && strings.Contains(got[i].Message, want[i].contains)
	}
	if ok {
		return
	}
	var b strings.Builder
	for _, g := range got {
		fmt.Fprintf(&b, "\n  [%s] %+v %s：%s", g.Severity, g.Loc, g.Loc.Describe(f), g.Message)
	}
	t.Errorf("findings:%s\nwant:\n  %v", b.String(), want)
}

func TestCheckCleanFormHasNoFindings(t *testing.T) {
	f := cleanForm()
	matchFindings(t, f, Check(f), nil)
}

// The sample, exactly as the seed, has 18 errors (its template placeholder
// rows and missing 指标值) and 3 hints (its three duplicated targets).
func TestCheckSample(t *testing.T) {
	f := Sample()
	ind := func(r int, fl Field) Location { return indLoc(r, fl) }
	var want []wantFinding
	for _, r := range []int{6, 7, 9} {
		want = append(want, errAt(ind(r, FieldLevel3), "占位行（“.....”）"))
	}
	want = append(want, errAt(ind(10, FieldLevel1), "占位行（“.....”）"), errAt(ind(29, FieldLevel3), "占位行（“……”）"))
	for r := 30; r <= 35; r++ {
		want = append(want, errAt(ind(r, FieldValue), "请填写指标值"))
	}
	want = append(want,
		errAt(ind(41, FieldLevel3), "“重要改革事项1”是模板里的示例名称"),
		errAt(ind(42, FieldLevel3), "“重要改革事项2”是模板里的示例名称"),
		errAt(ind(43, FieldLevel3), "“重点创新事项1”是模板里的示例名称"),
		errAt(ind(44, FieldLevel3), "“重点创新事项2”是模板里的示例名称"),
		errAt(ind(45, FieldValue), "请填写指标值"),
		errAt(ind(47, FieldValue), "请填写指标值"),
		errAt(ind(48, FieldValue), "请填写指标值"),
		hintAt(goalLoc(6), "目标3和目标7的内容完全相同"),
		hintAt(goalLoc(16), "目标16和目标17的内容完全相同"),
		hintAt(goalLoc(19), "目标15和目标20的内容完全相同"),
	)
	got := Check(f)
	matchFindings(t, f, got, want)
	if e, h := CountFindings(got); e != 18 || h != 3 {
		t.Errorf("CountFindings = %d, %d; want 18, 3", e, h)
	}
}

func TestCheckRules(t *testing.T) {
	budget := func(f *Form) int { return indexOf(f, "预算执行率") }
	input := func(r int, name string) Location {
		return Location{Part: PartIndicators, Unit: -1, Row: r, Field: FieldInput, Input: name}
	}
	setTypes := func(f *Form) {
		f.Options.ValueType = true
		for i := range f.Indicators {
			if ParseTarget(f.Indicators[i].Value).Kind == TargetNumber {
				f.Indicators[i].ValueType = "定量"
			} else {
				f.Indicators[i].ValueType = "定性"
			}
		}
	}
	setWeights := func(f *Form) {
		f.Options.Weight = true
		for i := range f.Indicators {
			f.Indicators[i].Weight = "2.5" // 40 rows × 2.5 = 100
		}
	}
	tests := []struct {
		name   string
		change func(f *Form)
		want   func(f *Form) []wantFinding
	}{
		{"year missing", func(f *Form) { f.Year = " " },
			func(*Form) []wantFinding { return []wantFinding{errAt(basicLoc(FieldYear), "请填写年度")} }},
		{"year not 4 digits", func(f *Form) { f.Year = "20" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(basicLoc(FieldYear), "年度“20”不是有效的年份")}
			}},
		{"year implausible", func(f *Form) { f.Year = "3020" },
			func(*Form) []wantFinding { return []wantFinding{errAt(basicLoc(FieldYear), "不是有效的年份")} }},
		{"year written 2020年度 is fine", func(f *Form) { f.Year = "2020年度" }, nil},
		{"department missing", func(f *Form) { f.Dept = "" },
			func(*Form) []wantFinding { return []wantFinding{errAt(basicLoc(FieldDept), "请填写部门名称")} }},
		{"no targets", func(f *Form) {
			f.Goals = nil
			for u := range f.Units {
				for r := range f.Units[u].Tasks {
					f.Units[u].Tasks[r].Goals = nil
				}
			}
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(Location{Part: PartGoals, Unit: -1, Row: -1}, "还没有年度总体目标")}
		}},
		{"empty target", func(f *Form) { f.Goals[4].Text = "  " },
			func(*Form) []wantFinding { return []wantFinding{errAt(goalLoc(4), "目标5没有内容")} }},
		{"placeholder target", func(f *Form) { f.Goals[4].Text = "……" },
			func(*Form) []wantFinding { return []wantFinding{errAt(goalLoc(4), "占位文字“……”")} }},
		{"duplicate targets, blanks aside", func(f *Form) { f.Goals[1].Text = " " + f.Goals[0].Text },
			func(*Form) []wantFinding {
				return []wantFinding{hintAt(goalLoc(1), "目标1和目标2的内容完全相同")}
			}},
		{"invalid amount", func(f *Form) { f.Units[0].Tasks[2].Total = ParseAmount("81.6.1") },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(0, 2, FieldTotal), ParseAmount("81.6.1").Reason())}
			}},
		{"amount with too many decimals", func(f *Form) { f.Units[1].Tasks[0].Fiscal = ParseAmount("200.00001") },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(1, 0, FieldFiscal), "有5位小数，最多4位")}
			}},
		{"total missing", func(f *Form) { f.Units[2].Tasks[1].Total = Amount{} },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(2, 1, FieldTotal), "请填写合计金额")}
			}},
		{"fiscal missing", func(f *Form) { f.Units[2].Tasks[1].Fiscal = ParseAmount(" ") },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(2, 1, FieldFiscal), "请填写其中的财政资金")}
			}},
		{"fiscal above total", func(f *Form) { f.Units[0].Tasks[0].Fiscal = MustAmount("120") },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(0, 0, FieldFiscal), "财政资金 120 万元大于合计 115 万元")}
			}},
		{"fiscal below total is fine", func(f *Form) { f.Units[0].Tasks[0].Fiscal = MustAmount("100") }, nil},
		{"other funds: total is not the sum", func(f *Form) {
			f.Options.OtherFunds = true
			f.Units[0].Tasks[0].Fiscal, f.Units[0].Tasks[0].Other = MustAmount("100"), MustAmount("10")
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(taskLoc(0, 0, FieldTotal), "合计 115 万元不等于财政资金 100 万元加其他资金 10 万元（应为 110 万元）")}
		}},
		{"other funds: total is the sum", func(f *Form) {
			f.Options.OtherFunds = true
			f.Units[0].Tasks[0].Fiscal, f.Units[0].Tasks[0].Other = MustAmount("100"), MustAmount("15")
		}, nil},
		{"other funds: invalid other", func(f *Form) {
			f.Options.OtherFunds = true
			f.Units[0].Tasks[0].Other = ParseAmount("十万")
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(taskLoc(0, 0, FieldOther), "非数字字符“十”")}
		}},
		{"invalid other funds are ignored while the column is off", func(f *Form) { f.Units[0].Tasks[0].Other = ParseAmount("x") }, nil},
		{"unit without tasks", func(f *Form) { f.Units = append(f.Units, Unit{Name: "郑州市生态环境局新单位"}) },
			func(*Form) []wantFinding { return []wantFinding{errAt(unitLoc(8, ""), "没有任务")} }},
		{"unit without name", func(f *Form) { f.Units[3].Name = "" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(unitLoc(3, FieldUnitName), "第4个单位没有填写任务名称")}
			}},
		{"two units with one name", func(f *Form) { f.Units[4].Name = f.Units[3].Name },
			func(*Form) []wantFinding {
				return []wantFinding{hintAt(unitLoc(4, FieldUnitName), "第4个单位和第5个单位都叫")}
			}},
		{"duplicate task in a unit", func(f *Form) { f.Units[0].Tasks[3].Content = f.Units[0].Tasks[1].Content + " " },
			func(*Form) []wantFinding {
				return []wantFinding{hintAt(taskLoc(0, 3, FieldContent), "第2行和第4行的主要内容相同")}
			}},
		{"same task in two units is fine", func(f *Form) { f.Units[1].Tasks[0].Content = f.Units[0].Tasks[0].Content }, nil},
		{"task without content", func(f *Form) { f.Units[0].Tasks[5].Content = "" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(0, 5, FieldContent), "请填写主要内容")}
			}},
		{"placeholder task", func(f *Form) { f.Units[0].Tasks[5].Content = "....." },
			func(*Form) []wantFinding { return []wantFinding{errAt(taskLoc(0, 5, FieldContent), "占位文字")} }},
		{"blank task row", func(f *Form) { f.Units[7].Tasks = append(f.Units[7].Tasks, Task{}) },
			func(*Form) []wantFinding {
				return []wantFinding{
					errAt(taskLoc(7, 6, ""), "空行"),
					hintAt(Location{Part: PartGoals, Unit: -1, Row: -1}, "年度总体目标有34条，年度主要任务有35项"),
				}
			}},
		{"link to a missing target", func(f *Form) { f.Units[0].Tasks[0].Goals = []int{40} },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(taskLoc(0, 0, FieldTaskGoals), "对应的目标40不存在（现有34条目标）")}
			}},
		{"more targets than tasks", func(f *Form) { f.Goals = append(f.Goals, Goal{Text: "新增的目标"}) },
			func(*Form) []wantFinding {
				return []wantFinding{hintAt(Location{Part: PartGoals, Unit: -1, Row: -1}, "有35条，年度主要任务有34项，数量不一致；按模板每项任务对应一条目标，请核对是否漏填或多填（目标35 没有对应的任务）")}
			}},
		{"counts may differ when no task names a target", func(f *Form) {
			f.Goals = f.Goals[:30]
			for u := range f.Units {
				for r := range f.Units[u].Tasks {
					f.Units[u].Tasks[r].Goals = nil
				}
			}
		}, nil},
		{"no tasks at all", func(f *Form) { f.Units = nil },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(Location{Part: PartTasks, Unit: -1, Row: -1}, "还没有年度主要任务")}
			}},
		{"indicator level missing", func(f *Form) { f.Indicators[0].Level2 = "" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(indLoc(0, FieldLevel2), "请填写二级指标")}
			}},
		{"indicator value missing", func(f *Form) { f.Indicators[0].Value = "" },
			func(*Form) []wantFinding { return []wantFinding{errAt(indLoc(0, FieldValue), "请填写指标值")} }},
		{"placeholder indicator row", func(f *Form) { f.Indicators[2].Level3 = "……" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(indLoc(2, FieldLevel3), "占位行（“……”）")}
			}},
		{"template indicator name", func(f *Form) { f.Indicators[2].Level3 = "重点工作事项1" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(indLoc(2, FieldLevel3), "“重点工作事项1”是模板里的示例名称")}
			}},
		{"blank indicator row", func(f *Form) { f.Indicators = append(f.Indicators, Indicator{}) },
			func(f *Form) []wantFinding {
				return []wantFinding{errAt(indLoc(len(f.Indicators)-1, ""), "空行")}
			}},
		{"no indicators", func(f *Form) { f.Indicators = nil },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(Location{Part: PartIndicators, Unit: -1, Row: -1}, "还没有绩效指标")}
			}},
		{"duplicate indicator", func(f *Form) { f.Indicators = append(f.Indicators, f.Indicators[1]) },
			func(f *Form) []wantFinding {
				return []wantFinding{hintAt(indLoc(len(f.Indicators)-1, FieldLevel3), "第2行和第41行的指标名称都是“工作目标合理性”")}
			}},
		{"rate target unreadable", func(f *Form) { f.Indicators[budget(f)].Value = "≥高" },
			func(f *Form) []wantFinding {
				return []wantFinding{errAt(indLoc(budget(f), FieldValue), "指标值“≥高”应在比较符号后写数字，如 ≥98%；这一项按公式计算比率，指标值读不出来就无法判断是否达标")}
			}},
		{"unreadable value of a plain indicator", func(f *Form) { f.Indicators[0].Value = "1.2.3%" },
			func(*Form) []wantFinding {
				return []wantFinding{errAt(indLoc(0, FieldValue), "无法识别；请写成如")}
			}},
		{"lost percent: 0.98", func(f *Form) { f.Indicators[budget(f)].Value = "0.98" },
			func(f *Form) []wantFinding {
				return []wantFinding{errAt(indLoc(budget(f), FieldValue), "指标值“0.98”像是丢了百分号（Excel 里的 98% 被当成了 0.98），请改为 98%")}
			}},
		{"lost percent: 1", func(f *Form) { f.Indicators[indexOf(f, "总体工作完成率")].Value = "1" },
			func(f *Form) []wantFinding {
				return []wantFinding{errAt(indLoc(indexOf(f, "总体工作完成率"), FieldValue), "请改为 100%")}
			}},
		{"lost percent keeps the comparison", func(f *Form) { f.Indicators[budget(f)].Value = "≥0.98" },
			func(f *Form) []wantFinding {
				return []wantFinding{errAt(indLoc(budget(f), FieldValue), "请改为 ≥98%")}
			}},
		{"rate without percent sign", func(f *Form) { f.Indicators[budget(f)].Value = "≥98" },
			func(f *Form) []wantFinding {
				return []wantFinding{hintAt(indLoc(budget(f), FieldValue), "请把“≥98”改为“≥98%”")}
			}},
		{"a bare count is fine", func(f *Form) { f.Indicators[indexOf(f, "高层次领军人才数量")].Value = "3" }, nil},
		{"unit contradicts 计量单位", func(f *Form) {
			f.Options.Unit = true
			f.Indicators[budget(f)].Unit = "%"
			f.Indicators[budget(f)].Value = "15万元"
		}, func(f *Form) []wantFinding {
			return []wantFinding{errAt(indLoc(budget(f), FieldValue), "指标值“15万元”的单位是“万元”，但计量单位填的是“%”")}
		}},
		{"bare number with 计量单位 % is fine", func(f *Form) {
			f.Options.Unit = true
			f.Indicators[budget(f)].Unit = "％"
			f.Indicators[budget(f)].Value = "≥98"
		}, nil},
		{"0.98 with 计量单位 % is a lost format", func(f *Form) {
			f.Options.Unit = true
			f.Indicators[budget(f)].Unit = "%"
			f.Indicators[budget(f)].Value = "0.98"
		}, func(f *Form) []wantFinding {
			return []wantFinding{errAt(indLoc(budget(f), FieldValue), "丢了百分号")}
		}},
		{"unit column off: no comparison", func(f *Form) {
			f.Indicators[budget(f)].Unit = "%"
			f.Indicators[indexOf(f, "高层次领军人才数量")].Value = "15万元"
		}, nil},
		{"types set and consistent", setTypes, nil},
		{"定量 with a text value", func(f *Form) {
			setTypes(f)
			f.Indicators[0].ValueType = "定量"
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(indLoc(0, FieldValue), "指标值类型是“定量”，但指标值“充分”是文字")}
		}},
		{"定性 with a number", func(f *Form) {
			setTypes(f)
			f.Indicators[budget(f)].ValueType = "定性"
		}, func(f *Form) []wantFinding {
			return []wantFinding{hintAt(indLoc(budget(f), FieldValueType), "类型却是“定性”")}
		}},
		{"unknown type", func(f *Form) {
			setTypes(f)
			f.Indicators[1].ValueType = "数量"
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(indLoc(1, FieldValueType), "指标值类型“数量”无法识别")}
		}},
		{"weights add up to 100", setWeights, nil},
		{"weights do not add up to 100", func(f *Form) {
			setWeights(f)
			f.Indicators[3].Weight = "5分"
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(Location{Part: PartIndicators, Unit: -1, Row: -1, Field: FieldWeight}, "各指标分值加起来是 102.5，应为 100")}
		}},
		{"weight not a number", func(f *Form) {
			setWeights(f)
			f.Indicators[3].Weight = "两分"
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(indLoc(3, FieldWeight), "分值“两分”不是数字")}
		}},
		{"weight missing", func(f *Form) {
			setWeights(f)
			f.Indicators[3].Weight = ""
		}, func(*Form) []wantFinding {
			return []wantFinding{errAt(indLoc(3, FieldWeight), "请填写分值")}
		}},
		{"rate input not a number", func(f *Form) {
			f.Indicators[budget(f)].Inputs = map[string]string{"预算执行数": "九百八", "预算数": "1000"}
		}, func(f *Form) []wantFinding {
			return []wantFinding{errAt(input(budget(f), "预算执行数"), "“九百八”不是数字")}
		}},
		{"rate divisor zero", func(f *Form) {
			f.Indicators[budget(f)].Inputs = map[string]string{"预算执行数": "980", "预算数": "0"}
		}, func(f *Form) []wantFinding {
			return []wantFinding{hintAt(input(budget(f), "预算数"), "“预算数”为0，无法计算比率")}
		}},
		{"rate inputs partly filled are not a finding", func(f *Form) {
			f.Indicators[budget(f)].Inputs = map[string]string{"预算执行数": "980"}
		}, nil},
		{"rate not met is not a finding", func(f *Form) {
			f.Indicators[budget(f)].Inputs = map[string]string{"预算执行数": "900", "预算数": "1000"}
		}, nil},
		{"amounts copied from last year wait for review", func(f *Form) {
			f.Units[1].Tasks[2].Review = true
			f.Units[3].Tasks[0].Review = true
		}, func(*Form) []wantFinding {
			return []wantFinding{hintAt(taskLoc(1, 2, FieldTotal), "共有2行金额是从上年复制的，还没有核对")}
		}},
		{"unknown formula", func(f *Form) { f.Indicators[budget(f)].Formula = "预算执行率（旧）" },
			func(f *Form) []wantFinding {
				return []wantFinding{hintAt(indLoc(budget(f), FieldNote), "公式“预算执行率（旧）”不在公式库中")}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := cleanForm()
			tc.change(f)
			var want []wantFinding
			if tc.want != nil {
				want = tc.want(f)
			}
			matchFindings(t, f, Check(f), want)
		})
	}
}

func TestCheckOrderByPart(t *testing.T) {
	f := cleanForm()
	f.Goals = append(f.Goals, Goal{Text: "新目标"})              // hint, 年度总体目标 (found after the tasks)
	f.Units[0].Tasks[1].Content = f.Units[0].Tasks[0].Content // hint, 年度主要任务
	got := Check(f)
	matchFindings(t, f, got, []wantFinding{
		hintAt(Location{Part: PartGoals, Unit: -1, Row: -1}, "数量不一致"),
		hintAt(taskLoc(0, 1, FieldContent), "第1行和第2行"),
	})
}

func TestCheckOrderErrorsFirst(t *testing.T) {
	f := cleanForm()
	f.Goals[1].Text = f.Goals[0].Text                         // hint, 年度总体目标
	f.Units[0].Tasks[0].Total = ParseAmount("abc")            // error, 年度主要任务
	f.Year = ""                                               // error, 基本信息
	f.Indicators[indexOf(f, "预算执行率")].Value = "≥98"           // hint, 绩效指标
	f.Units[1].Tasks[1].Content = f.Units[1].Tasks[0].Content // hint, 年度主要任务
	got := Check(f)
	want := []wantFinding{
		errAt(basicLoc(FieldYear), "请填写年度"),
		errAt(taskLoc(0, 0, FieldTotal), "非数字字符“a”"),
		hintAt(goalLoc(1), "目标1和目标2"),
		hintAt(taskLoc(1, 1, FieldContent), "第1行和第2行"),
		hintAt(indLoc(indexOf(f, "预算执行率"), FieldValue), "百分号"),
	}
	matchFindings(t, f, got, want)
}

func TestCheckDoesNotChangeTheForm(t *testing.T) {
	f := Sample()
	f.Indicators[13].Inputs = map[string]string{"预算执行数": "x"}
	before, _ := json.Marshal(f)
	Check(f)
	after, _ := json.Marshal(f)
	if string(before) != string(after) {
		t.Error("Check changed the form")
	}
}

func TestCheckOddForms(t *testing.T) {
	if Check(nil) != nil {
		t.Error("Check(nil)")
	}
	f := &Form{}
	got := Check(f)
	want := []wantFinding{
		errAt(basicLoc(FieldYear), "请填写年度"),
		errAt(basicLoc(FieldDept), "请填写部门名称"),
		errAt(Location{Part: PartGoals, Unit: -1, Row: -1}, "还没有年度总体目标"),
		errAt(Location{Part: PartTasks, Unit: -1, Row: -1}, "还没有年度主要任务"),
		errAt(Location{Part: PartIndicators, Unit: -1, Row: -1}, "还没有绩效指标"),
	}
	matchFindings(t, f, got, want)
	for _, fl := range got {
		if d := fl.Loc.Describe(f); d == "" || fl.Message == "" {
			t.Errorf("finding without place or message: %+v", fl)
		}
	}
}
