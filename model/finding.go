package model

import (
	"fmt"
	"strings"
)

// Part is one part of the form, as the editor's tabs show it.
type Part uint8

const (
	PartBasic      Part = iota // 基本信息: 年度, 部门名称
	PartGoals                  // 年度总体目标
	PartTasks                  // 年度主要任务
	PartIndicators             // 绩效指标
	PartFunds                  // 部门总体资金情况 (templates that have it)
	PartDuties                 // 部门职能概述 (templates that have it)
)

// String is the part's name as its tab shows it.
func (p Part) String() string {
	if p > PartDuties {
		return "申报表"
	}
	return [...]string{"基本信息", "年度总体目标", "年度主要任务", "绩效指标", "部门总体资金情况", "部门职能概述"}[p]
}

// Field names a cell of a row.
type Field string

// The fields, each named by its column header as the clerk sees it.
const (
	FieldYear      Field = "年度"
	FieldDept      Field = "部门名称"
	FieldGoalText  Field = "目标内容"
	FieldUnitName  Field = "任务名称"
	FieldContent   Field = "主要内容"
	FieldTotal     Field = "合计"
	FieldFiscal    Field = "财政资金"
	FieldOther     Field = "其他资金"
	FieldTaskNote  Field = "备注"
	FieldTaskGoals Field = "对应目标"
	FieldLevel1    Field = "一级指标"
	FieldLevel2    Field = "二级指标"
	FieldLevel3    Field = "三级指标"
	FieldSub       Field = "明细指标"
	FieldValue     Field = "指标值"
	FieldExplain   Field = "指标解释"
	FieldNote      Field = "指标说明"
	FieldWeight    Field = "分值"
	FieldUnit      Field = "计量单位"
	FieldValueType Field = "指标值类型"
	FieldScoring   Field = "评分标准"
	FieldNature    Field = "指标性质"
	FieldDirection Field = "指标方向"
	FieldFundName  Field = "项目"
	FieldFundAmt   Field = "当年金额"
	FieldFundShare Field = "占比"
	FieldFundYear1 Field = "上年金额" // 近两年收支金额: the year before
	FieldFundYear2 Field = "前年金额" // 近两年收支金额: two years before
	FieldDuties    Field = "部门职能概述"
	// FieldInput is a formula input; Location.Input names which.
	FieldInput Field = "计算数据"
)

// Location is a place in the form precise enough for the editor to switch
// to its tab and focus its field. Indexes are 0-based; -1 means "not this
// level" (a finding about a whole unit has Row -1).
type Location struct {
	Part  Part   // the tab
	Unit  int    // index in Form.Units (PartTasks), else -1
	Row   int    // goal, task (inside Unit) or indicator index, else -1
	Field Field  // "" for the whole row
	Input string // the formula input's name when Field is FieldInput
}

// Describe names the place in plain Chinese for f in the words of f's
// template among the built-in ones, e.g.
// "年度主要任务 › 郑州市环境监察支队 第2行 › 合计" (DescribeIn for an
// imported template).
func (l Location) Describe(f *Form) string { return l.DescribeIn(f, TemplateOf(f, nil)) }

// DescribeIn names the place in the words of template t (nil: the
// program's own): its part labels (年度绩效目标), its 部门名称 and 年度
// labels, its column headers (权重(%), 度量单位) and its names of the
// 部门总体资金情况 sides and total.
func (l Location) DescribeIn(f *Form, t *Template) string {
	s := l.Part.String()
	if t != nil {
		switch l.Part {
		case PartGoals:
			s = t.Label(SectionGoals)
		case PartTasks:
			s = t.Label(SectionTasks)
		case PartIndicators:
			s = t.Label(SectionIndicators)
		case PartFunds:
			s = fundsPart(t)
		case PartDuties:
			s = t.Label(SectionDuties)
		}
	}
	switch l.Part {
	case PartGoals:
		if l.Row >= 0 {
			s += fmt.Sprintf(" › 目标%d", l.Row+1)
		}
	case PartTasks:
		if l.Unit >= 0 {
			name := ""
			if f != nil && l.Unit < len(f.Units) {
				name = f.Units[l.Unit].Name
			}
			if name == "" {
				name = fmt.Sprintf("第%d个单位", l.Unit+1)
			}
			s += " › " + name
			if l.Row >= 0 {
				s += fmt.Sprintf(" 第%d行", l.Row+1)
			}
		}
	case PartFunds:
		// Unit is the side (FundsIncome, FundsExpense); Row the row, -1 the 合计.
		if l.Unit >= 0 {
			var fl *FundsLayout
			if t != nil {
				fl = t.Funds
			}
			s += " › " + fl.SideLabel(FundsSide(l.Unit))
			name := fl.Total()
			if f != nil && l.Row >= 0 && l.Row < len(f.Funds.Rows(FundsSide(l.Unit))) {
				name = strings.TrimSpace(f.Funds.Rows(FundsSide(l.Unit))[l.Row].Name)
			}
			if l.Row >= 0 && name == "" {
				name = fmt.Sprintf("第%d行", l.Row+1)
			}
			s += " › " + name
		}
	case PartIndicators:
		if l.Row >= 0 {
			name := ""
			if f != nil && l.Row < len(f.Indicators) {
				name = f.Indicators[l.Row].Name()
			}
			s += fmt.Sprintf(" › 第%d行", l.Row+1)
			if name != "" && name != "....." && name != "……" {
				s += "（" + name + "）"
			}
		}
	}
	switch {
	case l.Field == FieldInput && l.Input != "":
		s += " › " + l.Input
	case l.Field != "":
		if name := l.Field.In(t); !strings.HasSuffix(s, name) {
			s += " › " + name // not 部门(单位)职责 › 部门(单位)职责
		}
	}
	return s
}

// fieldColumn is the indicator column key of each indicator field.
var fieldColumn = map[Field]string{
	FieldLevel1: IndColL1, FieldLevel2: IndColL2, FieldLevel3: IndColL3, FieldValue: IndColValue,
	FieldExplain: IndColExplain, FieldNote: IndColNote, FieldWeight: IndColWeight, FieldUnit: IndColUnit,
	FieldValueType: IndColValueType, FieldScoring: IndColScoring, FieldNature: IndColNature, FieldDirection: IndColDirection,
}

// In is the field's name in template t's words (its column header, its
// 部门名称 and 年度 labels); the program's name when t is nil or does
// not rename it.
func (fl Field) In(t *Template) string {
	if t == nil {
		return string(fl)
	}
	switch fl {
	case FieldYear:
		return t.YearLabel()
	case FieldDept:
		return t.Dept()
	case FieldDuties:
		return t.Label(SectionDuties)
	}
	if k, ok := fieldColumn[fl]; ok && t.HasColumn(k) {
		return t.ColumnLabel(k)
	}
	return string(fl)
}

// Severity is how serious a finding is.
type Severity uint8

const (
	SevError Severity = iota // 错误: must be fixed before the form is sent
	SevHint                  // 提示: worth a look
)

// String is 错误 or 提示.
func (s Severity) String() string {
	if s > SevHint {
		return "提示"
	}
	return [...]string{"错误", "提示"}[s]
}

// Finding is one result of the checks (审核).
type Finding struct {
	Severity Severity // 错误 or 提示
	Loc      Location // where, for Describe and for the editor to jump to
	// Message says in plain Chinese what is wrong and what to do; it does
	// not repeat the place (Loc.Describe does).
	Message string
	// Place is Loc described in the words of the template the form was
	// checked by (Location.DescribeIn), as the check prints it.
	Place string
}
