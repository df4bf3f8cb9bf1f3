package model

// The built-in templates. Each says in Source which published form its
// layout comes from; docs/templates.md cites them and says what could not
// be found.

// Built-in template ids.
const (
	DefaultTemplateID  = "zhengzhou" // the sample's layout; forms without a template use it
	HubeiTemplateID    = "hubei"
	HunanTemplateID    = "hunan"
	NationalTemplateID = "yitihua"
)

var outputFramework = []Level1{
	{Name: "产出指标", Level2: []string{"数量指标", "质量指标", "时效指标", "成本指标"}},
	{Name: "效益指标", Level2: []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
	{Name: "满意度指标", Level2: []string{"服务对象满意度指标"}},
}

func builtinTemplates() []*Template {
	return []*Template{
		{
			ID: DefaultTemplateID, Version: 1,
			Name:        "郑州 市级部门整体绩效目标申报表",
			Title:       "市级部门整体绩效目标申报表",
			Source:      "郑州市生态环境局 2020年度 市级部门整体绩效目标申报表（本程序的示例）",
			Sections:    []string{SectionGoals, SectionTasks, SectionIndicators},
			TaskColumns: []string{TaskColTotal, TaskColFiscal},
			IndicatorColumns: []Column{
				{IndColL1, "一级指标"}, {IndColL2, "二级指标"}, {IndColL3, "三级指标"}, {IndColValue, "指标值"},
				{IndColExplain, "指标解释"}, {IndColNote, "指标说明"},
			},
			Framework: []Level1{
				{Name: "履职效能", Level2: []string{"部门目标实现", "重点工作履行", "整体工作完成", "工作目标管理情况"}},
				{Name: "管理效率", Level2: []string{"预算管理", "财务管理", "收支管理", "资产管理", "基础管理", "运行成本"}},
				{Name: "服务满意", Level2: []string{"服务对象满意", "利益相关方满意", "监督部门满意"}},
				{Name: "可持续性", Level2: []string{"人才支撑", "创新能力", "体制机制改革情况"}},
			},
			// 分值 (when a clerk switches it on) add up to 100, as before
			// templates: DefaultWeightSum, for every template without a
			// weight column of its own.
			Print: Print{Paper: "A4", Orientation: "landscape"},
		},
		{
			ID: HubeiTemplateID, Version: 1,
			Name:      "湖北 部门整体支出绩效目标申报表",
			Title:     "部门整体支出绩效目标申报表",
			Source:    "湖北 部门整体支出绩效目标申报表（如 广水市人民政府办公室 2021，公开文本）",
			DeptLabel: "部门(单位)名称",
			Basic:     []BasicField{{Label: "填报人"}, {Label: "联系电话"}},
			Sections:  []string{SectionFunds, SectionDuties, SectionGoals, SectionIndicators},
			Labels:    map[string]string{SectionGoals: "年度绩效目标", SectionIndicators: "年度绩效指标"},
			// 近两年收支金额 with 上年金额 and 前年金额: the headers of the
			// national system's 部门总体资金情况 (docs/templates.md).
			Funds: &FundsLayout{Income: []string{"财政拨款", "其他资金"}, Expense: []string{"基本支出", "项目支出"},
				Years: []FundsYear{{Back: 1, Label: "上年金额"}, {Back: 2, Label: "前年金额"}}},
			IndicatorColumns: []Column{
				{IndColL1, "一级指标"}, {IndColL2, "二级指标"}, {IndColL3, "三级指标"}, {IndColValue, "指标值"},
				{IndColExplain, "指标解释"}, {IndColNote, "备注"},
			},
			Framework: outputFramework,
			Rules: Rules{
				RequiredLevel1: []string{"产出指标", "效益指标", "满意度指标"},
				FundsShares:    true, FundsBalance: true,
			},
			// portrait is our choice; the 指标值 column (which also holds
			// 当年金额) wide enough for 968.1918
			Print: Print{Paper: "A4", Orientation: "portrait", Widths: map[string]int{IndColValue: 13}},
		},
		{
			ID: HunanTemplateID, Version: 1,
			Name:      "湖南 整体绩效目标表",
			Title:     "整体绩效目标表",
			Source:    "湖南 整体绩效目标表（如 岳阳楼区价格认证鉴定中心 2023年度，公开网页）",
			DeptLabel: "部门(单位)名称",
			Sections:  []string{SectionDuties, SectionGoals, SectionIndicators},
			Labels:    map[string]string{SectionDuties: "部门(单位)职责", SectionGoals: "年度总体绩效目标"},
			IndicatorColumns: []Column{
				{IndColL1, "一级指标"}, {IndColL2, "二级指标"}, {IndColL3, "三级指标"}, {IndColValueType, "指标值类型"},
				{IndColValue, "指标值"}, {IndColUnit, "计量单位"}, {IndColExplain, "指标解释"},
				{IndColScoring, "评(扣)分标准"}, {IndColNote, "备注"},
			},
			Framework: outputFramework,
			Rules: Rules{
				RequiredLevel1:  []string{"产出指标", "效益指标"},
				RequiredColumns: []string{IndColValue, IndColExplain, IndColScoring},
				DutiesRequired:  true,
			},
			Print: Print{Paper: "A4", Orientation: "landscape"},
		},
		{
			ID: NationalTemplateID, Version: 1,
			Name:        "预算管理一体化系统 部门整体绩效目标",
			Title:       "部门整体绩效目标表",
			Source:      "全国预算管理一体化系统 绩效模块（公开代码中的表头、校验规则与导出列：指标性质、度量单位、权重、指标方向性）",
			DeptLabel:   "单位名称",
			Sections:    []string{SectionGoals, SectionTasks, SectionIndicators},
			Labels:      map[string]string{SectionGoals: "年度目标", SectionIndicators: "年度绩效指标"},
			TaskColumns: []string{TaskColTotal, TaskColFiscal, TaskColOther},
			IndicatorColumns: []Column{
				{IndColL1, "一级指标"}, {IndColL2, "二级指标"}, {IndColL3, "三级指标"}, {IndColNature, "指标性质"},
				{IndColValue, "指标值"}, {IndColUnit, "度量单位"}, {IndColWeight, "权重"}, {IndColDirection, "指标方向性"},
				{IndColExplain, "指标解释"}, {IndColNote, "指标说明"},
			},
			Framework: append(append([]Level1(nil), outputFramework...), Level1{Name: "成本指标", Level2: []string{"经济成本指标", "社会成本指标", "生态环境成本指标"}}),
			Rules:     Rules{WeightSum: 100, UnitForQuantity: true},
			Print:     Print{Paper: "A4", Orientation: "landscape"},
		},
	}
}

// BuiltinTemplates returns new copies of the built-in templates, the
// default (郑州) first.
func BuiltinTemplates() []*Template { return builtinTemplates() }

// BuiltinTemplate returns a copy of the built-in template id, or nil.
func BuiltinTemplate(id string) *Template {
	for _, t := range builtinTemplates() {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// FindTemplate returns the template a form refers to among extra (the
// imported ones, searched first) and the built-ins: the same id with the
// highest version not above ref's, else the highest; the default template
// when ref is empty; nil when the id is unknown.
func FindTemplate(ref TemplateRef, extra []*Template) *Template {
	id := ref.ID
	if id == "" {
		id = DefaultTemplateID
	}
	var best *Template
	for _, t := range append(append([]*Template(nil), extra...), builtinTemplates()...) {
		if t == nil || t.ID != id {
			continue
		}
		switch {
		case best == nil:
			best = t
		case t.Version == ref.Version && best.Version != ref.Version:
			best = t
		case best.Version != ref.Version && t.Version > best.Version:
			best = t
		}
	}
	return best
}

// TemplateOf is f's template among extra and the built-ins; the default
// template when f names none or one that is not known.
func TemplateOf(f *Form, extra []*Template) *Template {
	if f != nil {
		if t := FindTemplate(f.Template, extra); t != nil {
			return t
		}
	}
	return BuiltinTemplate(DefaultTemplateID)
}
