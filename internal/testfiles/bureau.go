package testfiles

import (
	"bytes"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// BureauTemplate is a finance bureau's own 表样 (as `jixiao template
// import` stores it), revised from the 湖北 one with labels of its own: a
// title, 分管领导 among the 基本信息, 年度收支情况 for the funds, 单位职能 for
// the duties, 年度工作目标 for the goals, and the indicator headers 预期指标值,
// 考核权重 and 计量口径; its weights sum to 100. The tests of import,
// recognition and merge in export, cmd/jixiao/cli and ui share it.
func BureauTemplate(version int) *model.Template {
	t := model.BuiltinTemplate(model.HubeiTemplateID)
	t.ID, t.Version, t.Name = "xx-bureau", version, "某市 部门整体绩效目标表"
	t.Title = "某市部门整体绩效目标表"
	t.Basic = append(t.Basic, model.BasicField{Label: "分管领导"})
	t.Labels = map[string]string{model.SectionFunds: "年度收支情况（万元）", model.SectionDuties: "单位职能",
		model.SectionGoals: "年度工作目标", model.SectionIndicators: "年度绩效指标"}
	t.IndicatorColumns = []model.Column{
		{Key: model.IndColL1, Label: "一级指标"}, {Key: model.IndColL2, Label: "二级指标"}, {Key: model.IndColL3, Label: "三级指标"},
		{Key: model.IndColValue, Label: "预期指标值"}, {Key: model.IndColWeight, Label: "考核权重"}, {Key: model.IndColUnit, Label: "计量口径"},
		{Key: model.IndColExplain, Label: "指标解释"}, {Key: model.IndColNote, Label: "备注"},
	}
	t.Rules.WeightSum = 100
	return t
}

// BureauRows is the sheet a clerk of unit dept typed by hand in
// BureauTemplate: 2022, its funds, duties, one goal, three indicators and
// the 填报人 line.
func BureauRows(dept string) [][]any {
	return [][]any{
		{"某市部门整体绩效目标表"},
		{"（2022年度）"},
		{"部门(单位)名称", dept, "", "分管领导", "王五"},
		{"年度收支情况（万元）", "项目", "当年金额", "占比"},
		{"收入构成", "财政拨款", 968.1918, "100%"},
		{"", "合计", 968.1918, "100%"},
		{"支出构成", "基本支出", 724.2318, "74.8%"},
		{"", "项目支出", 243.96, "25.2%"},
		{"", "合计", 968.1918, "100%"},
		{"单位职能", "负责全市某项工作的统筹管理。"},
		{"年度工作目标", "目标1：完成年度重点工作。"},
		{"年度绩效指标"},
		{"一级指标", "二级指标", "三级指标", "预期指标值", "考核权重(%)", "计量口径", "指标解释", "备注"},
		{"产出指标", "数量指标", "培训人次", "≥50", 60, "人次", "全年参训人次", ""},
		{"效益指标", "社会效益指标", "群众知晓率", "≥80%", 20, "%", "抽样调查", ""},
		{"满意度指标", "服务对象满意度指标", "满意度", "≥90%", 20, "%", "问卷", ""},
		{"填报人：张三　联系电话：12345678"},
	}
}

// SheetXLSX is an .xlsx whose Sheet1 holds rows from A1 (nil and "" cells
// left empty), written with excelize and without our hidden data: a
// workbook a clerk typed by hand.
func SheetXLSX(rows [][]any) ([]byte, error) {
	xf := excelize.NewFile()
	defer xf.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return nil, err
			}
			if err := xf.SetCellValue("Sheet1", cell, v); err != nil {
				return nil, err
			}
		}
	}
	var b bytes.Buffer
	if err := xf.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
