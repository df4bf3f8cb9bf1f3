package model

import (
	"strings"
	"time"
)

// TemplateExample returns a filled example form of template t (for the
// tests, the screenshots and `jixiao new --template ID --example`): every
// section and column of t has content, and it passes t's checks. The
// figures of the 湖北 example are the ones of issue 15 (财政拨款 968.1918
// 万元; 基本支出 724.2318, 项目支出 243.96).
func TemplateExample(t *Template) *Form {
	f := New("2021", "某县示例局", time.Time{})
	ApplyTemplate(f, t)
	for _, b := range t.OwnBasic() {
		if f.Basic == nil {
			f.Basic = map[string]string{}
		}
		switch {
		case b.Format == FormatPhone || b.Label == "联系电话":
			f.Basic[b.Label] = "0722-1234567"
		case b.Format == FormatDigits:
			n := 6
			if b.MaxLength > 0 {
				n = min(n, b.MaxLength)
			}
			f.Basic[b.Label] = strings.Repeat("1234567890", 10)[:min(max(n, b.MinLength), 100)]
		default:
			f.Basic[b.Label] = "张三"
		}
	}
	if t.Has(SectionDuties) {
		f.Duties = "1.贯彻执行国家和省有关方针政策和法律法规。\n2.负责本县有关工作的统筹协调和监督管理。\n3.完成县委、县政府交办的其他任务。"
	}
	if t.Has(SectionFunds) && f.Funds != nil {
		fd := f.Funds
		for i := range fd.Income {
			switch i {
			case 0:
				fd.Income[i].Amount, fd.Income[i].Share = MustAmount("968.1918"), "100.0%"
			default:
				fd.Income[i].Amount, fd.Income[i].Share = MustAmount("0"), "0.0%"
			}
		}
		amounts := []string{"724.2318", "243.96"}
		shares := []string{"74.8%", "25.2%"}
		for i := range fd.Expense {
			if i < len(amounts) {
				fd.Expense[i].Amount, fd.Expense[i].Share = MustAmount(amounts[i]), shares[i]
			} else {
				fd.Expense[i].Amount, fd.Expense[i].Share = MustAmount("0"), "0.0%"
			}
		}
		fd.IncomeTotal = MustAmount("968.1918")
		if len(fd.Expense) > 0 {
			fd.ExpenseTotal = MustAmount("968.1918")
		}
		fillExampleYears(t, fd)
	}
	f.Goals = []Goal{{Text: "保障机构正常运转，按时足额发放人员经费。"}, {Text: "完成年度重点工作任务，提升服务对象满意度。"}}
	if t.Has(SectionTasks) {
		task := func(content, total, fiscal, other string, goal int) Task {
			tk := Task{Content: content, Total: MustAmount(total), Fiscal: MustAmount(fiscal), Goals: []int{goal}}
			if f.Options.OtherFunds {
				tk.Other = MustAmount(other)
			}
			return tk
		}
		fiscal := "600"
		if f.Options.OtherFunds {
			fiscal = "550"
		}
		f.Units = []Unit{{Name: "某县示例局机关", Tasks: []Task{
			task("人员经费和日常运转", "600", fiscal, "50", 1),
			task("重点工作专项经费", "368.1918", "368.1918", "0", 2),
		}}}
	}
	type row struct{ l1, l2, l3, value, unit, vtype, nature, weight string }
	rows := []row{
		{"产出指标", "数量指标", "重点工作完成数", "≥12", "项", "定量", "≥", "30"},
		{"产出指标", "质量指标", "重点工作办结率", "≥95%", "%", "定量", "≥", "30"},
		{"产出指标", "时效指标", "资金支付及时率", "100%", "%", "定量", "=", "10"},
		{"效益指标", "社会效益指标", "保障单位正常运转", "有效保障", "", "定性", "定性", "20"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "%", "定量", "≥", "10"},
	}
	if t.ID == DefaultTemplateID {
		rows = []row{
			{"履职效能", "部门目标实现", "重点工作办结率", "≥95%", "%", "定量", "≥", "40"},
			{"管理效率", "预算管理", "预算执行率", "≥90%", "%", "定量", "≥", "30"},
			{"服务满意", "服务对象满意", "服务对象满意度", "≥90%", "%", "定量", "≥", "20"},
			{"可持续性", "人才支撑", "培训人次", "≥50人次", "人次", "定量", "≥", "10"},
		}
	}
	for _, r := range rows {
		in := Indicator{Level1: r.l1, Level2: r.l2, Level3: r.l3, Value: r.value,
			Explain: "考察" + r.l3 + "情况", Note: "按年度统计"}
		o := f.Options
		if o.Unit {
			in.Unit = r.unit
		}
		if o.ValueType {
			in.ValueType = r.vtype
		}
		if o.Nature {
			in.Nature = r.nature
			if r.nature != "定性" {
				in.Value = trimCmp(r.value)
			}
		}
		if o.Weight {
			in.Weight = r.weight
		}
		if o.Direction {
			in.Direction = "正向"
		}
		if o.Scoring {
			in.Scoring = "未达指标值酌情扣分"
		}
		f.Indicators = append(f.Indicators, in)
	}
	return f
}

// trimCmp drops a leading comparison from a 指标值 whose 指标性质 column
// holds it (≥95% → 95%).
func trimCmp(v string) string {
	for _, p := range []string{"≥", "≤", "=", ">", "<"} {
		if len(v) >= len(p) && v[:len(p)] == p {
			return v[len(p):]
		}
	}
	return v
}
