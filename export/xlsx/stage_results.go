package xlsx

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao/export/internal/layout"
	"jixiao/model"
	"jixiao/model/recognize"
)

// After the values are taken, the program recomputes everything on the
// draft and compares it with what the workbook's own formulas show (their
// last results, as Excel, WPS or LibreOffice saved them): where they
// differ the report says so, the program's result counts. A computed cell
// that holds a typed value instead of its formula is an ignored edit.
// Cells without a saved result (a file never opened in a spreadsheet
// program) are not compared.

// takenRow is a row whose values were taken, for the comparison.
type takenRow struct {
	s     sheetRow
	kind  layout.TableKind
	u, r  int // the draft's task (u, r) or indicator r
	place string
}

// results compares the computed cells of the taken rows and of the footers.
func (im *stageImport) results(found [2][]*sheetTable) {
	f := im.g
	for _, tr := range im.taken {
		for _, c := range im.doc.Tables[tr.kind].Cols {
			if c.Role != layout.RoleCalc || !hasCol(tr.s.t, c.Key) {
				continue
			}
			want, kind := "", resultNumber
			switch {
			case tr.kind == layout.TableTasks && c.Key == layout.CkRate:
				t := &f.Units[tr.u].Tasks[tr.r]
				d, ok := t.MonitorRate()
				if im.meta.Stage == model.StageEval {
					d, ok = t.EvalRate()
				}
				if ok {
					want = d.StringFixed(2)
				}
				kind = resultPercent
			case tr.kind == layout.TableTasks && c.Key == layout.CkHint:
				want, kind = strings.Join(f.Units[tr.u].Tasks[tr.r].MonitorHints(f.Month), "；"), resultText
			case tr.kind == layout.TableIndicators && c.Key == layout.CkScore:
				if s := model.ScoreIndicator(f.Indicators[tr.r]); s.State == model.ScoreOK {
					want = s.Score.StringFixed(2)
				}
			default:
				continue
			}
			im.compare(tr.s.t, tr.s.r, c, tr.place, want, kind)
		}
	}
	for kind := layout.TableTasks; kind <= layout.TableIndicators; kind++ {
		for _, t := range found[kind] {
			if len(t.foot) == 0 || len(t.dup) > 0 {
				continue
			}
			im.footResults(t, t.foot[0])
		}
	}
}

type resultKind uint8

const (
	resultNumber  resultKind = iota // 2 decimals
	resultPercent                   // a fraction shown as a percentage, 2 decimals
	resultAmount                    // 万元, 4 decimals
	resultText
)

// compare reports the computed cell (r, c) of t when the file's result
// differs from want (the program's, "" for none).
func (im *stageImport) compare(t *sheetTable, r int, c layout.StageCol, place, want string, kind resultKind) {
	col := t.cols[c.Key]
	g := t.g
	raw := g.own(r, col)
	if !g.hasFormula(r, col) {
		if raw != "" {
			im.rep.Ignored = append(im.rep.Ignored, fmt.Sprintf("%s %s %s是自动计算的，表中改成了“%s”，未导入（程序重新计算）", g.addr(r, col), place, c.Head, recognize.Shorten(cleanCellText(raw), 30)))
		}
		return
	}
	if raw == "" {
		return // no saved result
	}
	got := strings.TrimSpace(raw)
	shown := got
	if kind != resultText {
		d, err := decimal.NewFromString(got)
		if err != nil {
			im.differs("%s %s %s：表中为“%s”，程序计算为 %s（以程序计算为准）", g.addr(r, col), place, c.Head, recognize.Shorten(got, 20), orDash(want, kind))
			return
		}
		switch kind {
		case resultPercent:
			got = d.Shift(2).StringFixed(2)
			shown = got + "%"
		case resultAmount:
			got = d.Round(4).String()
			shown = got
		default:
			got = d.StringFixed(2)
			shown = got
		}
	}
	if got != want {
		im.differs("%s %s %s：表中为 %s，程序计算为 %s（以程序计算为准）", g.addr(r, col), place, c.Head, orEmpty(shown), orDash(want, kind))
	}
}

func orDash(want string, kind resultKind) string {
	switch {
	case want == "":
		return "（空）"
	case kind == resultPercent:
		return want + "%"
	}
	return want
}

// differs reports a computed cell whose result in the file is not the
// program's.
func (im *stageImport) differs(format string, args ...any) {
	im.rep.Results = append(im.rep.Results, fmt.Sprintf(format, args...))
}

// footResults compares the 合计/总分 row of t with the program's totals.
func (im *stageImport) footResults(t *sheetTable, r int) {
	f := im.g
	want := map[layout.ColKey]string{}
	kinds := map[layout.ColKey]resultKind{}
	amount := func(k layout.ColKey, m model.Money) {
		want[k], kinds[k] = decimal.New(int64(m), -model.MoneyScale).String(), resultAmount
	}
	place := "合计"
	switch {
	case t.kind == layout.TableTasks && im.meta.Stage == model.StageMonitor:
		m := model.ComputeMonitorTotals(f)
		amount(layout.CkBudget, m.Budget)
		amount(layout.CkFiscal, m.Fiscal)
		amount(layout.CkExec, m.Executed)
		amount(layout.CkForecast, m.Forecast)
		if m.RateOK {
			want[layout.CkRate] = m.Rate.StringFixed(2)
		}
		kinds[layout.CkRate] = resultPercent
	case t.kind == layout.TableTasks:
		b := model.Evaluate(f).Budget
		amount(layout.CkBudget, b.Initial)
		amount(layout.CkBudgetAdj, b.Budget)
		amount(layout.CkExecYear, b.Executed)
		if b.RateOK {
			want[layout.CkRate] = b.Rate.StringFixed(2)
		}
		kinds[layout.CkRate] = resultPercent
		want[layout.CkScore] = b.Score.StringFixed(2)
		place = "合计（预算执行率）"
	case im.meta.Stage == model.StageEval:
		ev := model.Evaluate(f)
		want[layout.CkWeight] = model.BudgetPoints.Add(ev.WeightSum).StringFixed(2)
		want[layout.CkScore] = ev.Total.StringFixed(2)
		want[layout.CkAnalysis], kinds[layout.CkAnalysis] = "等级："+ev.Grade, resultText
		place = "总分"
	default:
		return
	}
	heads := map[layout.ColKey]string{layout.CkAnalysis: "等级"}
	for _, c := range im.doc.Tables[t.kind].Cols {
		w, ok := want[c.Key]
		if !ok && kinds[c.Key] != resultPercent || !hasCol(t, c.Key) {
			continue
		}
		if h, ok := heads[c.Key]; ok {
			c.Head = h
		}
		col := t.cols[c.Key]
		if !t.g.hasFormula(r, col) {
			continue // a total without its formula (format 1) is not compared
		}
		im.compare(t, r, c, place, w, kinds[c.Key])
	}
}
