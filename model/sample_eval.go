package model

import "time"

// SampleEvalValue is one indicator's 自评 entry of the worked example.
type SampleEvalValue struct {
	Name     string            // the indicator's name (Indicator.Name)
	Weight   string            // 分值
	Actual   string            // 实际完成值 typed ("" when the formula gives it)
	Inputs   map[string]string // formula inputs, for rate indicators filled that way
	Analysis string            // 偏差原因分析及改进措施 (where 得分 < 分值)
}

// SampleEvalValues are a full set of 年度自评 values for the built-in
// sample's 31 scored indicators (the worked example of docs/selfeval.md;
// the tests compute its 总分 by hand). 分值: 2 for the three 目标管理 rows,
// 3 for the other 28 (3×2 + 28×3 = 90).
var SampleEvalValues = []SampleEvalValue{
	{Name: "目标依据充分性", Weight: "2", Actual: Achieved},
	{Name: "工作目标合理性", Weight: "2", Actual: PartAchieve, Analysis: "部分目标表述不够具体；明年按可衡量的要求细化目标"},
	{Name: "目标管理有效性", Weight: "2", Actual: Achieved},
	{Name: "总体工作完成率", Weight: "3", Inputs: map[string]string{"部门年度工作要点已完成的数量": "48", "部门年度工作要点工作总数量": "50"},
		Analysis: "2项工作要点因上级政策调整未完成；已列入下年计划"},
	{Name: "牵头单位工作完成率", Weight: "3", Actual: "100%"},
	{Name: "重点工作计划完成率", Weight: "3", Actual: "100"},
	{Name: "年度工作目标实现率", Weight: "3", Actual: "90%", Analysis: "1项目标跨年度实施；加强进度调度"},
	{Name: "预算编制完整性", Weight: "3", Actual: Achieved},
	{Name: "专项资金细化率", Weight: "3", Actual: "100%"},
	{Name: "预算执行率", Weight: "3", Inputs: map[string]string{"预算执行数": "7835.5676", "预算数": "7898.5676"}},
	{Name: "预算调整率", Weight: "3", Actual: "25%", Analysis: "年中追加大气攻坚经费；提高年初预算准确性"},
	{Name: "结转结余变动率", Weight: "3", Actual: "-3%"},
	{Name: "部门决算编报质量", Weight: "3", Actual: Achieved},
	{Name: "项目库管理完整性", Weight: "3", Actual: Achieved},
	{Name: "国库集中支付合规性", Weight: "3", Actual: Achieved},
	{Name: "收入管理规范性", Weight: "3", Actual: Achieved},
	{Name: "支出管理规范性", Weight: "3", Actual: NotAchieved, Analysis: "审计发现2笔支出凭证不全；已补齐并修订报销制度"},
	{Name: "财务管理制度的完备性", Weight: "3", Actual: Achieved},
	{Name: "银行账户管理规范性", Weight: "3", Actual: Achieved},
	{Name: "政府采购执行率", Weight: "3", Actual: "93%", Analysis: "1个采购项目流标；提前启动采购程序"},
	{Name: "内控制度有效性", Weight: "3", Actual: Achieved},
	{Name: "资产管理规范性", Weight: "3", Actual: PartAchieve, Analysis: "部分资产未及时入账；开展资产清查"},
	{Name: "部门固定资产利用率", Weight: "3", Actual: "99%"},
	{Name: "信息化建设成效", Weight: "3", Actual: Achieved},
	{Name: "管理制度建设成效", Weight: "3", Actual: Achieved},
	{Name: "群众满意度", Weight: "3", Actual: "85%"},
	{Name: "对口部门满意度", Weight: "3", Actual: "88%", Analysis: "协调响应不够及时；建立对口联络机制"},
	{Name: "企业满意度", Weight: "3", Actual: "80%"},
	{Name: "社会组织满意度", Weight: "3", Actual: "95%"},
	{Name: "外部监督部门满意度", Weight: "3", Actual: "90%"},
	{Name: "培训计划执行率", Weight: "3", Inputs: map[string]string{"实际完成的培训数": "11", "计划培训数": "12"},
		Analysis: "1期培训因场地原因取消；下年补办"},
}

// SampleEvalExecuted is the worked example's 全年执行数 of the task
// 办公大楼改造 (合计 630); every other task executes its whole 合计.
const SampleEvalExecuted = "567"

// SampleEval returns the built-in sample carried to 年度自评 with the worked
// example's values filled in (see SampleEvalValues).
func SampleEval(now time.Time) *Form {
	f := Sample()
	_ = f.SetStage(StageEval, 0, now)
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			t := &f.Units[u].Tasks[r]
			t.Eval.Executed = t.Total
			if t.Content == "办公大楼改造" {
				t.Eval.Executed = MustAmount(SampleEvalExecuted)
			}
		}
	}
	byName := map[string]SampleEvalValue{}
	for _, v := range SampleEvalValues {
		byName[v.Name] = v
	}
	for r := range f.Indicators {
		in := &f.Indicators[r]
		v, ok := byName[in.Name()]
		if !ok || !in.Scorable() {
			continue
		}
		in.Eval = IndicatorEval{Weight: v.Weight, Actual: v.Actual, Analysis: v.Analysis}
		if v.Inputs != nil {
			in.Inputs = make(map[string]string, len(v.Inputs))
			for k, x := range v.Inputs {
				in.Inputs[k] = x
			}
		}
	}
	return f
}
