package recognize

import (
	"slices"
	"testing"

	"jixiao/model"
	"jixiao/model/library"
)

func TestGoalText(t *testing.T) {
	cases := []struct {
		in, text string
		label    bool
	}{
		{"目标1：完成第一件事。", "完成第一件事。", false},
		{"目标 2、完成第二件事", "完成第二件事", false},
		{"目标３．全角数字", "全角数字", false},
		{"年度总体目标4: 带前缀", "带前缀", false},
		{"总体目标5，逗号", "逗号", false},
		{"目标6", "", true},
		{" 目标 7 ： ", "", true},
		{"目标", "目标", false},
		{"目标明确", "目标明确", false},
		{"完成目标1的任务", "完成目标1的任务", false},
		{"", "", false},
	}
	for _, c := range cases {
		if got := GoalText(c.in); got != c.text {
			t.Errorf("GoalText(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := IsGoalLabel(c.in); got != c.label {
			t.Errorf("IsGoalLabel(%q) = %v, want %v", c.in, got, c.label)
		}
	}
}

func TestTotalOf(t *testing.T) {
	cases := []struct {
		in   string
		want Total
	}{
		{"合计", GrandTotal},
		{" 合 计 ", GrandTotal},
		{"总计", GrandTotal},
		{"合计：", GrandTotal},
		{"合计(万元)", GrandTotal},
		{"合计（万元）", GrandTotal},
		{"小计", Subtotal},
		{"小 计：", Subtotal},
		{"合计数核对", NotTotal},
		{"小计划", NotTotal},
		{"", NotTotal},
	}
	for _, c := range cases {
		if got := TotalOf(c.in); got != c.want {
			t.Errorf("TotalOf(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestTaskHeaders(t *testing.T) {
	cols := map[string]TaskColumn{
		"任务名称": ColUnit, "单位": ColUnit, "单位名称": ColUnit,
		"主要内容": ColContent, "主 要 内 容": ColContent, "主要任务": ColContent,
		"其中：财政资金": ColFiscal, "财政资金": ColFiscal, "其他资金": ColOther,
		"合计": ColTotal, "预算资金（万元）": ColTotal, "备注": ColNote,
		"第一项": "", "": "",
	}
	for in, want := range cols {
		if got := TaskColumnOf(in); got != want {
			t.Errorf("TaskColumnOf(%q) = %q, want %q", in, got, want)
		}
	}
	rows := []struct {
		name, content string
		want          bool
	}{
		{"任务名称", "主要内容", true},
		{"单位名称", " 主要任务 ", true},
		{"任务名称", "第一项", false},
		{"甲单位", "主要内容", false},
	}
	for _, r := range rows {
		if got := IsTaskHeader(r.name, r.content); got != r.want {
			t.Errorf("IsTaskHeader(%q, %q) = %v", r.name, r.content, got)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	for in, want := range map[string]bool{".....": true, "……": true, " 。。。 ": true, "·．": true, "": false, "1.": false, "..a": false} {
		if got := IsPlaceholder(in); got != want {
			t.Errorf("IsPlaceholder(%q) = %v", in, got)
		}
	}
}

// TestFormulaKey: a name that is a formula's own key and a library
// indicator's name both find the formula (paste looked only in the
// library, import only at the keys).
func TestFormulaKey(t *testing.T) {
	if k, ok := FormulaKey("预算执行率"); !ok || k == "" {
		t.Errorf("预算执行率: %q, %v", k, ok)
	}
	if _, ok := model.FormulaFor("预算执行率"); !ok {
		t.Fatal("预算执行率 is not a formula key any more; pick another name")
	}
	for _, e := range library.Builtin() {
		if e.Indicator.Formula == "" {
			continue
		}
		if k, ok := FormulaKey(e.Indicator.Name()); !ok || k == "" {
			t.Errorf("library indicator %q: %q, %v", e.Indicator.Name(), k, ok)
		}
	}
	for _, name := range []string{"", "  ", "不存在的指标"} {
		if k, ok := FormulaKey(name); ok {
			t.Errorf("FormulaKey(%q) = %q", name, k)
		}
	}
}

func TestSplitGoals(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"1.保障运转。\n2.完成重点工作。", []string{"保障运转。", "完成重点工作。"}},
		{"目标1：保障运转；目标2：完成重点工作。", []string{"保障运转；", "完成重点工作。"}},
		{"（1）保障运转\n（2）完成重点工作\n  并提升满意度", []string{"保障运转", "完成重点工作\n并提升满意度"}},
		{"一、保障运转\n二、完成重点工作", []string{"保障运转", "完成重点工作"}},
		{"目标3：只有一条", []string{"只有一条"}},
		{"1.只有一条", []string{"1.只有一条"}},
		{"保障运转：\n1.人员经费\n2.公用经费", []string{"保障运转：\n1.人员经费\n2.公用经费"}},
		{"", nil},
	} {
		if got := SplitGoals(c.in); !slices.Equal(got, c.want) {
			t.Errorf("SplitGoals(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
