package layout

import (
	"fmt"
	"strings"

	"jixiao/model"
)

// The 运行监控表 and 自评表 (docs/selfeval.md) are two tables each: the
// tasks' budget execution and the indicators. Each table is a list of
// named columns (stageCol) and of rows that know which task or indicator
// they are (stageRow). The workbook writes each table on a sheet of its
// own, with a row id in a hidden first column, the identity texts
// repeated on every row (no merged cells, so rows can be sorted), live
// formulas and a hidden sheet with the exported values; the importer
// finds every row by what it is and every column by its header text
// (docs/format.md). The PDF draws the same tables on one grid.

// ColKey names a column of a stage table; the hidden sheet keys values by it.
type ColKey string

const (
	CkID          ColKey = "id"          // 编号: the row id (hidden column)
	CkUnit        ColKey = "unit"        // 任务名称 (the unit)
	CkContent     ColKey = "content"     // 主要内容
	CkBudget      ColKey = "budget"      // 年初预算数 (the declared 合计)
	CkFiscal      ColKey = "fiscal"      // 其中：财政资金
	CkExec        ColKey = "exec"        // 1–N月执行数
	CkRate        ColKey = "rate"        // 执行率
	CkForecast    ColKey = "forecast"    // 全年预计执行数
	CkHint        ColKey = "hint"        // 提示
	CkBudgetAdj   ColKey = "budgetAdj"   // 全年预算数（调整后）
	CkExecYear    ColKey = "execYear"    // 全年执行数
	CkWeight      ColKey = "weight"      // 分值
	CkScore       ColKey = "score"       // 得分
	CkNote        ColKey = "note"        // 备注
	CkL1          ColKey = "l1"          // 一级指标
	CkL2          ColKey = "l2"          // 二级指标
	CkL3          ColKey = "l3"          // 三级指标 (with its Sub: 成本控制成效：在职人员经费变动率)
	CkValue       ColKey = "value"       // 年度指标值
	CkToDate      ColKey = "toDate"      // 1–N月实际完成值
	CkForecastVal ColKey = "forecastVal" // 全年预计完成值
	CkLikely      ColKey = "likely"      // 完成可能性
	CkCause       ColKey = "cause"       // 偏差原因类别
	CkCauseText   ColKey = "causeText"   // 偏差原因说明
	CkCauseBoth   ColKey = "causeBoth"   // 偏差原因 “类别：说明” in one cell (format 1)
	CkMeasures    ColKey = "measures"    // 拟采取的措施
	CkActual      ColKey = "actual"      // 实际完成值
	CkAnalysis    ColKey = "analysis"    // 偏差原因分析及改进措施
)

// colRole is what a column holds and whether it is read back.
type colRole uint8

const (
	RoleID    colRole = iota // the row id
	RoleKey                  // identity text: 任务名称, 主要内容, 一级/二级/三级指标
	RoleFixed                // a declared value, read-only: 年初预算数, 财政资金, 指标值
	RoleInput                // filled by the clerk, read back
	RoleCalc                 // computed: a live formula in the workbook
	RoleInfo                 // read-only text that is not read back (备注)
)

// StageCol is one column of a stage table.
type StageCol struct {
	Key    ColKey
	Head   string
	Width  float64 // Excel width units
	Role   colRole
	field  model.Field // roleInput: the draft's field, as findings name it
	Amount bool        // an amount in 万元
}

type TableKind uint8

const (
	TableTasks TableKind = iota
	TableIndicators
)

func (k TableKind) String() string {
	if k == TableTasks {
		return "预算执行情况"
	}
	return "绩效指标"
}

// StageTable is one table of a stage sheet.
type StageTable struct {
	Kind    TableKind
	Sheet   string // the workbook's sheet
	Caption string // 一、预算执行情况（单位：万元）
	Cols    []StageCol
	Rows    []*StageRow
	Foot    []footRow
	Notes   []string // lines under the table
}

// StageRow is one task or indicator row of a table.
type StageRow struct {
	Id          string // T1…, I1…: unique in the workbook
	Unit, Index int    // the draft's unit and task row, or indicator row (a hint on import)
	Key         []string
	Target      model.Target // indicator rows: the 指标值
	Text        map[ColKey]string
	Amt         map[ColKey]model.Amount
}

// CalcKind is a computed cell of a table: a live formula in the workbook,
// the model's value in the PDF.
type CalcKind uint8

const (
	calcNone        CalcKind = iota
	CalcSum                  // Σ of the column over the rows
	CalcAdjSum               // Σ 全年预算数, an empty cell counting its 年初预算数
	CalcRateTotal            // 执行率 of the 合计 row
	CalcBudgetScore          // 得分 of the 预算执行率
	CalcWeightTotal          // 分值: the 预算执行率's 10 + Σ indicators
	CalcTotal                // 总分
	CalcGrade                // 等级
)

// footCell is a cell of a footer row: its static text (the model's value,
// shown in the PDF) and, in the workbook, its formula.
type footCell struct {
	Text string
	Calc CalcKind
	Num  bool // a plain number (the 预算执行率's 分值 10)
}

// footRow is a row under a table's rows (合计, 总分): a label over the
// columns before its first cell.
type footRow struct {
	Label string
	Cells map[ColKey]footCell
}

// StageDoc is a built 监控表 or 自评表.
type StageDoc struct {
	Stage  model.Stage
	F      *model.Form
	Name   string // 绩效运行监控表 or 绩效自评表
	Title  string // 部门整体绩效运行监控表
	Sub    string // （2020年度，截至6月）
	Tables []*StageTable
	Adjust []string // the 调整 record, one line each
	// Verdict is the table's own findings (model.JudgeTable): a table with
	// errors says 未通过审核（N 个错误） on every page, as the 申报表 does.
	Verdict model.Verdict
}

// Sheet names of the workbook.
const (
	TaskSheetName      = "预算执行情况"
	IndicatorSheetName = "绩效指标"
)

// newTaskRow is the row of task r of unit u.
func newTaskRow(f *model.Form, n, u, r int) *StageRow {
	t := &f.Units[u].Tasks[r]
	unit := strings.TrimSpace(f.Units[u].Name)
	content := strings.TrimSpace(t.Content)
	return &StageRow{Id: fmt.Sprintf("T%d", n), Unit: u, Index: r, Key: []string{unit, content},
		Text: map[ColKey]string{CkUnit: unit, CkContent: content, CkBudget: t.Total.String(), CkFiscal: t.Fiscal.String()},
		Amt:  map[ColKey]model.Amount{CkBudget: t.Total, CkFiscal: t.Fiscal}}
}

// newIndRow is the row of indicator r.
func newIndRow(f *model.Form, n, r int) *StageRow {
	in := &f.Indicators[r]
	l1, l2, l3 := strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2), strings.TrimSpace(Level3Text(*in))
	return &StageRow{Id: fmt.Sprintf("I%d", n), Index: r, Key: []string{l1, l2, l3}, Target: model.ParseTarget(in.Value),
		Text: map[ColKey]string{CkL1: l1, CkL2: l2, CkL3: l3, CkValue: strings.TrimSpace(in.Value)},
		Amt:  map[ColKey]model.Amount{}}
}

// taskRows calls fn for every task row with its running number (1…).
func taskRows(f *model.Form, fn func(n, u, r int, t *model.Task)) {
	n := 0
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			n++
			fn(n, u, r, &f.Units[u].Tasks[r])
		}
	}
}

// ScoredRows are the indicator rows that take part (model.Indicator.Scorable).
func ScoredRows(f *model.Form) []int {
	var rows []int
	for r, in := range f.Indicators {
		if in.Scorable() {
			rows = append(rows, r)
		}
	}
	return rows
}

// adjustLines is the 调整 record, one line each (none when there were none).
func adjustLines(f *model.Form) []string {
	var out []string
	for i, a := range f.Adjustments {
		out = append(out, fmt.Sprintf("%d. %s：%s → %s（%s阶段，%s）。原因：%s", i+1, a.Place, orSlash(a.Old), a.New, a.Stage,
			a.Time.Format("2006-01-02"), a.Reason))
	}
	return out
}

func orSlash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "（空）"
	}
	return s
}

// BuildStage returns the tables of stage for f, or a plain Chinese error
// when f has not reached it.
func BuildStage(f *model.Form, stage model.Stage) (*StageDoc, error) {
	if f == nil {
		return nil, model.Errorf(model.EINVALID, "没有要导出的申报表")
	}
	switch stage {
	case model.StageMonitor:
		if f.Stage < model.StageMonitor || f.Month < 1 {
			return nil, model.Errorf(model.ECONFLICT, "草稿还没有进入运行监控阶段：请先把阶段切换到“运行监控”并选择月份（命令行：jixiao stage --draft 编号 监控 --month 6）")
		}
		return honest(BuildMonitor(f)), nil
	case model.StageEval:
		if f.Stage < model.StageEval {
			return nil, model.Errorf(model.ECONFLICT, "草稿还没有进入年度自评阶段：请先把阶段切换到“年度自评”（命令行：jixiao stage --draft 编号 自评）")
		}
		return honest(BuildEval(f)), nil
	}
	return nil, model.Errorf(model.EINVALID, "申报表请用普通导出")
}

// BuildStageIn is buildStage judged by template tpl, the draft's own (nil:
// its own among the built-in ones), as check judges it.
func BuildStageIn(f *model.Form, stage model.Stage, tpl *model.Template) (*StageDoc, error) {
	d, err := BuildStage(f, stage)
	if err == nil && tpl != nil {
		d.Verdict = model.JudgeTable(model.CheckWith(f, tpl), stage)
	}
	return d, err
}

// honest gives a built 运行监控表 or 自评表 what an export of the 申报表
// has (docs/format.md): the verdict of the table's own findings, printed
// on every page (PDF) and in the page header (xlsx), and under the tasks'
// 合计 the note of the amounts the 合计 leaves out (model.TableInvalid).
func honest(d *StageDoc) *StageDoc {
	d.Verdict = model.JudgeTable(model.Check(d.F), d.Stage)
	if note := (model.Sums{Invalid: model.TableInvalid(d.F, d.Stage)}).IncompleteNote(); note != "" {
		d.Tables[0].Notes = append([]string{"注：" + note + "（见标红的单元格），请改正后重新导出"}, d.Tables[0].Notes...)
	}
	return d
}
