package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/layout"
	"jixiao/model"
)

// The live formulas of the stage workbook. Each gives what the model
// computes (model/monitor.go, model/selfeval.go) for the values in the
// sheet, so the clerk sees 执行率, 提示, 得分, 总分 and 等级 while typing;
// the import recomputes everything and reports where the file's own
// results differ (stage_results.go). They use only functions Excel, WPS
// and LibreOffice share (IF, AND, ISNUMBER, ROUND, MIN, MAX, ABS, SUM,
// SUMPRODUCT, TRIM, MID).

// amtOK is an amount cell the model can use: a number not below 0. The
// other arguments of the same AND read cells through N() (0 for a text),
// since AND evaluates them all and 120*"五十" would be an error.
func amtOK(c string) string { return fmt.Sprintf("ISNUMBER(%s),N(%s)>=0", c, c) }

// rowFormula is the formula of computed cell k of a data row at sheet row y.
func rowFormula(d *layout.StageDoc, t *layout.StageTable, row *layout.StageRow, k layout.ColKey, p *sheetPos, y int) string {
	ref := func(k layout.ColKey) string { return p.ref(k, y) }
	switch {
	case t.Kind == layout.TableTasks && d.Stage == model.StageMonitor && k == layout.CkRate:
		b, e := ref(layout.CkBudget), ref(layout.CkExec)
		return fmt.Sprintf(`IF(AND(%s,%s),IF(%s>0,%s/%s,""),"")`, amtOK(e), amtOK(b), b, e, b)
	case t.Kind == layout.TableTasks && d.Stage == model.StageMonitor && k == layout.CkHint:
		b, e, f, n := ref(layout.CkBudget), ref(layout.CkExec), ref(layout.CkForecast), d.F.Month
		parts := []struct{ cond, msg string }{
			// 100E/B + 10 < 100N/12 ⇔ 120E + 12B < 10NB (model.Task.BehindSchedule)
			{fmt.Sprintf("AND(%s,%s,N(%s)>0,%d>0,120*N(%s)+12*N(%s)<10*%d*N(%s))", amtOK(e), amtOK(b), b, n, e, b, n, b), model.HintBehind},
			{fmt.Sprintf("AND(%s,%s,N(%s)>N(%s))", amtOK(e), amtOK(b), e, b), model.HintOverBudget},
			{fmt.Sprintf("AND(%s,%s,N(%s)>N(%s))", amtOK(f), amtOK(b), f, b), model.HintForecastOver},
			{fmt.Sprintf("AND(%s,%s,N(%s)<N(%s))", amtOK(f), amtOK(e), f, e), model.HintForecastBelow},
		}
		var ifs []string
		for _, x := range parts {
			ifs = append(ifs, fmt.Sprintf(`IF(%s,"；%s","")`, x.cond, x.msg))
		}
		return fmt.Sprintf("MID(%s,2,200)", strings.Join(ifs, "&"))
	case t.Kind == layout.TableTasks && d.Stage == model.StageEval && k == layout.CkRate:
		a := fmt.Sprintf(`IF(%s="",%s,%s)`, ref(layout.CkBudgetAdj), ref(layout.CkBudget), ref(layout.CkBudgetAdj))
		x := ref(layout.CkExecYear)
		return fmt.Sprintf(`IF(AND(%s,%s),IF(%s>0,%s/%s,""),"")`, amtOK(x), amtOK(a), a, x, a)
	case t.Kind == layout.TableIndicators && d.Stage == model.StageEval && k == layout.CkScore:
		return scoreFormula(d.F, row, ref(layout.CkWeight), ref(layout.CkActual))
	}
	return ""
}

// scoreFormula is the 得分 of an indicator row (model.ScoreIndicator):
// w is the 分值 cell, a the 实际完成值 cell.
func scoreFormula(f *model.Form, row *layout.StageRow, w, a string) string {
	in := f.Indicators[row.Index]
	t := row.Target
	wOK := fmt.Sprintf("ISNUMBER(%s),%s>=0", w, w)
	full := fmt.Sprintf("ROUND(%s,2)", w)
	if t.Kind == model.TargetQualitative {
		return fmt.Sprintf(`IF(AND(%s),IF(TRIM(%s)="%s",%s,IF(TRIM(%s)="%s",ROUND(%s/2,2),IF(TRIM(%s)="%s",0,""))),"")`,
			wOK, a, model.Achieved, full, a, model.PartAchieve, w, a, model.NotAchieved)
	}
	// the value scored: the rate formula's (fixed in the sheet while the
	// program keeps using it: a typed value needs a reason there), or the cell
	var val, have string
	sc := model.ScoreIndicator(in)
	if sc.FromFormula && strings.TrimSpace(in.Eval.Reason) == "" {
		val, have = sc.Actual.String(), "TRUE"
	} else {
		// a number as stored (a percentage as its fraction), or a text
		// such as 93% or 47个 read as model.ParseActual reads it
		num, unit := a, t.Unit
		if t.Percent() {
			num = fmt.Sprintf("ROUND(%s*100,10)", a)
		}
		text := fmt.Sprintf("TRIM(%s)", a)
		if unit != "" {
			text = fmt.Sprintf(`SUBSTITUTE(%s,"%s","")`, text, strings.ReplaceAll(unit, `"`, `""`))
		}
		val = fmt.Sprintf("IF(ISNUMBER(%s),%s,VALUE(%s))", a, num, text)
		have = fmt.Sprintf("ISNUMBER(%s)", val)
	}
	x := t.Number.String()
	cmp := map[model.Cmp]string{model.CmpGE: ">=", model.CmpGT: ">", model.CmpLE: "<=", model.CmpLT: "<", model.CmpEQ: ">="}[t.Cmp]
	var raw string
	switch {
	case model.ScoresEqual(t):
		cmp = "="
		if t.Number.IsZero() {
			raw = "0"
		} else {
			raw = fmt.Sprintf("%s*MAX(0,1-ABS(%s-%s)/%s)", w, val, x, t.Number.Abs().String())
		}
	case t.Number.Sign() <= 0:
		raw = "0"
	case cmp == ">=" || cmp == ">":
		raw = fmt.Sprintf("%s*%s/%s", w, val, x)
	default:
		raw = fmt.Sprintf("%s*%s/%s", w, x, val)
	}
	unmet := fmt.Sprintf("MAX(0,MIN(ROUND(MAX(0,MIN(%s,%s)),2),%s-0.01))", raw, w, full)
	return fmt.Sprintf(`IF(AND(%s,%s),IF(%s%s%s,%s,%s),"")`, wOK, have, val, cmp, x, full, unmet)
}

// footFormula is the formula of a footer cell (合计, 总分) at row y; prev
// are the tables written before (the 总分 adds the 预算执行率's 得分).
func footFormula(d *layout.StageDoc, t *layout.StageTable, calc layout.CalcKind, k layout.ColKey, p *sheetPos, prev []*sheetPos, y int) string {
	here := func(k layout.ColKey) string { return p.ref(k, y) }
	empty := p.last < p.first
	switch calc {
	case layout.CalcSum:
		if empty {
			return "0"
		}
		// the amounts the model can use: numbers not below 0 (texts are left out by SUMIF too)
		return fmt.Sprintf(`SUMIF(%s,">=0")`, p.rng(k))
	case layout.CalcAdjSum:
		if empty {
			return "0"
		}
		// an empty 全年预算数 counts its 年初预算数 (model.Task.TaskBudget)
		return fmt.Sprintf(`SUMIF(%s,">=0")+SUMPRODUCT(--(%s=""),%s)`, p.rng(layout.CkBudgetAdj), p.rng(layout.CkBudgetAdj), p.rng(layout.CkBudget))
	case layout.CalcRateTotal:
		if d.Stage == model.StageMonitor {
			return fmt.Sprintf(`IF(%s>0,%s/%s,"")`, here(layout.CkBudget), here(layout.CkExec), here(layout.CkBudget))
		}
		return fmt.Sprintf(`IF(%s>0,%s/%s,"")`, here(layout.CkBudgetAdj), here(layout.CkExecYear), here(layout.CkBudgetAdj))
	case layout.CalcBudgetScore:
		w, x, a := here(layout.CkWeight), here(layout.CkExecYear), here(layout.CkBudgetAdj)
		return fmt.Sprintf(`IF(%s>0,ROUND(MIN(%s,%s*%s/%s),2),0)`, a, w, w, x, a)
	case layout.CalcWeightTotal, layout.CalcTotal:
		if len(prev) == 0 || len(prev[0].foot) == 0 {
			return ""
		}
		tp := prev[0]
		col := layout.CkWeight
		if calc == layout.CalcTotal {
			col = layout.CkScore
		}
		budget := fmt.Sprintf("'%s'!%s", tp.sheet, tp.ref(col, tp.foot[0]))
		sum := "0"
		if !empty {
			sum = fmt.Sprintf("SUM(%s)", p.rng(col))
		}
		if calc == layout.CalcTotal {
			return fmt.Sprintf("ROUND(%s+%s,2)", budget, sum)
		}
		return fmt.Sprintf("%s+%s", budget, sum)
	case layout.CalcGrade:
		s := here(layout.CkScore)
		return fmt.Sprintf(`"等级："&IF(ROUND(%s,2)>=90,"优",IF(ROUND(%s,2)>=80,"良",IF(ROUND(%s,2)>=60,"中","差")))`, s, s, s)
	}
	return ""
}

// stageValidations adds the drop-down lists and number checks of the
// table's input cells: 完成可能性, 偏差原因类别, the 定性 完成情况 (cells in
// lists[ckActual]); amounts and 分值 at least 0.
func stageValidations(xf *excelize.File, d *layout.StageDoc, t *layout.StageTable, p *sheetPos, lists map[layout.ColKey][]string) error {
	if p.last < p.first {
		return nil
	}
	add := func(sqref, title, msg string, set func(dv *excelize.DataValidation) error) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		if err := set(dv); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
		return xf.AddDataValidation(t.Sheet, dv)
	}
	list := func(items []string) func(dv *excelize.DataValidation) error {
		return func(dv *excelize.DataValidation) error { return dv.SetDropList(items) }
	}
	nonNeg := func(dv *excelize.DataValidation) error {
		return dv.SetRange(0, float64(model.MaxAmount/10_000), excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	}
	for _, c := range t.Cols {
		if c.Role != layout.RoleInput {
			continue
		}
		var err error
		switch {
		case c.Amount:
			err = add(p.rng(c.Key), c.Head, "请填写0或正数（单位：万元，最多4位小数）", nonNeg)
		case c.Key == layout.CkWeight:
			err = add(p.rng(c.Key), "分值", "请填写0或正数（各指标分值合计90）", nonNeg)
		case c.Key == layout.CkLikely:
			var items []string
			for _, l := range model.Likelihoods {
				items = append(items, string(l))
			}
			err = add(p.rng(c.Key), "完成可能性", "请从列表中选择："+strings.Join(items, "、"), list(items))
		case c.Key == layout.CkCause:
			err = add(p.rng(c.Key), "偏差原因类别", "请从列表中选择："+strings.Join(model.DeviationCauses, "、"), list(model.DeviationCauses))
		case c.Key == layout.CkActual && len(lists[layout.CkActual]) > 0:
			items := []string{model.Achieved, model.PartAchieve, model.NotAchieved}
			err = add(strings.Join(lists[layout.CkActual], " "), "实际完成值", "定性指标请从列表中选择："+strings.Join(items, "、"), list(items))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
