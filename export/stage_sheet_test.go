package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// TestStageWorkingSheet checks the 监控表 and 自评表 workbooks as working
// sheets: one sheet per table with its header repeated on printed pages,
// the row ids in hidden column A, the cells to fill yellow and unlocked and
// all others locked by a protection without password, lists for 完成可能性,
// 偏差原因类别 and the 定性 完成情况, amounts shown with their decimals, and a
// live formula in every computed cell.
func TestStageWorkingSheet(t *testing.T) {
	for _, stage := range []model.Stage{model.StageMonitor, model.StageEval} {
		t.Run(stage.Short(), func(t *testing.T) {
			f := stageBase(t, stage)
			xf := exportStage(t, f, stage)
			if got := xf.GetSheetList(); strings.Join(got, "|") != TaskSheetName+"|"+IndicatorSheetName+"|"+StageDataSheet {
				t.Errorf("sheets %v", got)
			}
			if v, _ := xf.GetSheetVisible(StageDataSheet); v {
				t.Error("data sheet visible")
			}
			a1, _ := xf.GetCellValue(StageDataSheet, "A1")
			b1, _ := xf.GetCellValue(StageDataSheet, "B1")
			if a1 != "jixiao-stage-values/2" || b1 != StageWorkbookVersion.String() || b1 != "2.0" {
				t.Errorf("format %q %q", a1, b1)
			}
			if cp, _ := xf.GetCalcProps(); cp.FullCalcOnLoad == nil || !*cp.FullCalcOnLoad {
				t.Error("formulas not recalculated on load")
			}
			titles := map[string]string{}
			for _, dn := range xf.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = dn.RefersTo
				}
			}
			for _, sh := range StageSheets {
				if titles[sh] != "'"+sh+"'!$6:$6" {
					t.Errorf("%s: print titles %q", sh, titles[sh])
				}
				p, err := xf.GetSheetProtection(sh)
				if err != nil || !p.SelectUnlockedCells || p.Password != "" || p.InsertColumns || p.DeleteRows {
					t.Errorf("%s: protection %+v %v", sh, p, err)
				}
				if vis, _ := xf.GetColVisible(sh, "A"); vis {
					t.Errorf("%s: id column shown", sh)
				}
				if legend, _ := xf.GetCellValue(sh, "B5"); !strings.Contains(legend, "黄色单元格请填写") || !strings.Contains(legend, "无需密码") {
					t.Errorf("%s: legend %q", sh, legend)
				}
				checkCells(t, xf, sh, stage)
			}
			dvs, _ := xf.GetDataValidations(IndicatorSheetName)
			lists := map[string]string{}
			for _, dv := range dvs {
				if dv.Type == "list" {
					lists[dv.Formula1] = dv.Sqref
				}
			}
			want := []string{`"达成,部分达成,未达成"`}
			if stage == model.StageMonitor {
				want = []string{`"确定能,有可能,完全不可能"`, `"经费保障,制度保障,人员保障,硬件条件保障,其他"`}
			}
			for _, w := range want {
				if lists[w] == "" {
					t.Errorf("no list %s in %v", w, lists)
				}
			}
			if stage == model.StageEval {
				// the 定性 rows only: 目标依据充分性 (充分) yes, 政府采购执行率 (≥95%) no
				q := cellOf(t, xf, IndicatorSheetName, keyOfIndNamed(t, f, "目标依据充分性"), "实际完成值")
				n := cellOf(t, xf, IndicatorSheetName, keyOfIndNamed(t, f, "政府采购执行率"), "实际完成值")
				sq := " " + lists[`"达成,部分达成,未达成"`] + " "
				if !strings.Contains(sq, " "+q+" ") || strings.Contains(sq, " "+n+" ") {
					t.Errorf("定性 list on %s", sq)
				}
			}
		})
	}
}

// checkCells checks every cell of the table on sheet: inputs unlocked and
// yellow, amounts in 0.00##, percentages of % targets in 0.00%, computed
// cells formulas, everything else locked.
func checkCells(t *testing.T, xf *excelize.File, sh string, stage model.Stage) {
	t.Helper()
	hr, cols := headerCols(t, xf, sh)
	rows, _ := xf.GetRows(sh)
	inputs := map[string]bool{}
	calcs := map[string]bool{}
	probe := stageBase(t, stage)
	doc, _ := layout.BuildStage(probe, stage)
	for _, tb := range doc.Tables {
		if tb.Sheet != sh {
			continue
		}
		for _, c := range tb.Cols {
			switch c.Role {
			case layout.RoleInput:
				inputs[c.Head] = true
			case layout.RoleCalc:
				calcs[c.Head] = true
			}
		}
	}
	nIn, nCalc := 0, 0
	for r := hr + 1; r <= len(rows); r++ {
		if len(rows[r-1]) < 2 || strings.HasPrefix(rows[r-1][1], "合计") || strings.HasPrefix(rows[r-1][1], "总分") || strings.HasPrefix(rows[r-1][1], "注：") {
			break
		}
		for head, c := range cols {
			a, _ := excelize.CoordinatesToCellName(c, r)
			id, _ := xf.GetCellStyle(sh, a)
			st, _ := xf.GetStyle(id)
			locked := st.Protection == nil || st.Protection.Locked
			yellow := len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FFF2A8"
			fm, _ := xf.GetCellFormula(sh, a)
			switch {
			case inputs[head]:
				nIn++
				if locked || !yellow {
					t.Errorf("%s %s (%s): input locked %v yellow %v", sh, a, head, locked, yellow)
				}
				if strings.Contains(head, "执行数") || strings.Contains(head, "预算数（调整后）") {
					if st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00##" {
						t.Errorf("%s %s: amount format %v", sh, a, st.CustomNumFmt)
					}
				}
			case calcs[head]:
				nCalc++
				if !locked || fm == "" && !(sh == TaskSheetName && head == "得分") {
					t.Errorf("%s %s (%s): computed cell locked %v formula %q", sh, a, head, locked, fm)
				}
			default:
				if !locked || yellow {
					t.Errorf("%s %s (%s): read-only cell unlocked or yellow", sh, a, head)
				}
			}
		}
	}
	if nIn == 0 || nCalc == 0 && (sh == TaskSheetName || stage == model.StageEval) {
		t.Errorf("%s: %d input cells, %d computed", sh, nIn, nCalc)
	}
}
