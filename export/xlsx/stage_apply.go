package xlsx

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"jixiao/export/internal/layout"
	"jixiao/model"
	"jixiao/model/recognize"
)

// take reads the values of sheet row s, matched to the exported row m,
// into the draft row m is (draftTask, draftIndicator).
func (im *stageImport) take(kind layout.TableKind, m *MetaRow, s sheetRow) {
	cols := im.doc.Tables[kind].Cols
	if kind == layout.TableTasks {
		u, r, why := draftTask(im.g, m)
		if why != "" {
			im.problem("%s：%s，这一行未导入", s.rowName(), why)
			return
		}
		t := &im.g.Units[u].Tasks[r]
		place := recognize.Shorten(strings.TrimSpace(im.g.Units[u].Name), 20) + " / " + recognize.Shorten(strings.TrimSpace(t.Content), 30)
		im.fixed(s, m, place, cols)
		for _, c := range cols {
			if c.Role == layout.RoleInput && hasCol(s.t, c.Key) {
				im.takeTask(t, c, s, m, place)
			}
		}
		im.taken = append(im.taken, takenRow{s: s, kind: kind, u: u, r: r, place: place})
		return
	}
	r, why := draftIndicator(im.g, m)
	if why != "" {
		im.problem("%s：%s，这一行未导入", s.rowName(), why)
		return
	}
	in := &im.g.Indicators[r]
	place := recognize.Shorten(in.Name(), 30)
	im.fixed(s, m, place, cols)
	for _, c := range cols {
		if c.Role == layout.RoleInput && hasCol(s.t, c.Key) {
			im.takeIndicator(in, c.Key, c.Head, s, m, place)
		}
	}
	if hasCol(s.t, layout.CkCauseBoth) {
		im.takeIndicator(in, layout.CkCauseBoth, "偏差原因", s, m, place)
	}
	im.taken = append(im.taken, takenRow{s: s, kind: kind, r: r, place: place})
}

// fixed reports the declared values of the row that differ from the
// export: read-only, so not taken.
func (im *stageImport) fixed(s sheetRow, m *MetaRow, place string, cols []layout.StageCol) {
	for _, c := range cols {
		want, ok := m.Fixed[c.Key]
		if c.Role != layout.RoleFixed || !ok {
			continue
		}
		got, found := im.fixedOf(s.t, s.r, c.Key)
		if !found {
			continue
		}
		w := strings.TrimSpace(want)
		if c.Amount {
			w = amountCanon(want)
		}
		if got == w {
			continue
		}
		shown := s.t.g.value(s.r, s.t.cols[c.Key], false, true).text
		im.rep.Ignored = append(im.rep.Ignored, fmt.Sprintf("%s %s %s是申报的数值（%s），表中改为“%s”，未导入；要改请在程序中用“调整”并写明原因",
			s.t.g.addr(s.r, s.t.cols[c.Key]), place, c.Head, orEmpty(want), recognize.Shorten(shown, 30)))
	}
}

// read reads the row's cell of column k; ok false (reported) when it
// cannot be read.
func (im *stageImport) read(s sheetRow, k layout.ColKey, place, head string) (cellValue, string, bool) {
	c := s.t.cols[k]
	addr := s.t.g.addr(s.r, c)
	v := s.t.g.value(s.r, c, isAmountKey(k), isTextKey(k))
	if v.bad != "" {
		im.problem("%s %s %s：%s；这一格未导入", addr, place, head, v.bad)
		return v, addr, false
	}
	return v, addr, true
}

// changed reports whether the value read differs both from the exported
// one and from the draft's current one (only then is it taken).
func (im *stageImport) changed(k layout.ColKey, read, exported, cur string, t model.Target) bool {
	got := valueCanon(k, read, t)
	if got == valueCanon(k, exported, t) || got == valueCanon(k, cur, t) {
		im.rep.Unchanged++
		return false
	}
	return true
}

func (im *stageImport) change(addr, place, head, old, now string) {
	im.rep.Changes = append(im.rep.Changes, StageChange{Addr: addr, Place: place + " " + head, Row: place, Field: head, Old: old, New: now})
}

func (im *stageImport) takeTask(t *model.Task, c layout.StageCol, s sheetRow, m *MetaRow, place string) {
	v, addr, ok := im.read(s, c.Key, place, c.Head)
	if !ok {
		return
	}
	var p *model.Amount
	switch c.Key {
	case layout.CkExec:
		p = &t.Monitor.Executed
	case layout.CkForecast:
		p = &t.Monitor.Forecast
	case layout.CkBudgetAdj:
		p = &t.Eval.Budget
	case layout.CkExecYear:
		p = &t.Eval.Executed
	default:
		return
	}
	cur := p.Raw()
	if c.Key == layout.CkBudgetAdj {
		cur = t.TaskBudget().Raw()
	}
	if !im.changed(c.Key, v.text, m.Values[c.Key], cur, model.Target{}) {
		return
	}
	a := model.ParseAmount(v.text)
	*p = a
	im.change(addr, place, c.Head, cur, v.text)
	if a.State() == model.AmountInvalid {
		im.problem("%s %s：%s（已按原文保留，请改正）", addr, place, model.AmountReason(a, c.Head))
	}
}

func (im *stageImport) takeIndicator(in *model.Indicator, k layout.ColKey, head string, s sheetRow, m *MetaRow, place string) {
	v, addr, ok := im.read(s, k, place, head)
	if !ok {
		return
	}
	target := model.ParseTarget(in.Value)
	mo := &in.Monitor
	var p *string
	switch k {
	case layout.CkToDate:
		p = &mo.ToDate
	case layout.CkForecastVal:
		p = &mo.Forecast
	case layout.CkMeasures:
		p = &mo.Measures
	case layout.CkCause:
		p = &mo.Cause
	case layout.CkCauseText:
		p = &mo.CauseText
	case layout.CkActual:
		p = &in.Eval.Actual
	case layout.CkWeight:
		p = &in.Eval.Weight
	case layout.CkAnalysis:
		p = &in.Eval.Analysis
	case layout.CkLikely:
		cur := string(mo.Likelihood)
		if !im.changed(k, v.text, m.Values[k], cur, target) {
			return
		}
		now := model.Likelihood(v.text)
		if now == "不可能" {
			now = model.LikelyNoChance
		}
		mo.Likelihood = now
		im.change(addr, place, head, cur, string(now))
		if now != "" && !validLikelihood(now) {
			im.problem("%s %s %s“%s”无法识别，请选择 确定能、有可能 或 完全不可能（已按原文保留，请改正）", addr, place, head, recognize.Shorten(v.text, 20))
		}
		return
	case layout.CkCauseBoth:
		cur := layout.CauseText(*mo)
		if !im.changed(k, v.text, m.Values[k], cur, target) {
			return
		}
		mo.Cause, mo.CauseText = layout.SplitCause(v.text)
		im.change(addr, place, head, cur, v.text)
		return
	default:
		return
	}
	cur := *p
	if !im.changed(k, v.text, m.Values[k], cur, target) {
		return
	}
	*p = v.text
	im.change(addr, place, head, cur, v.text)
	switch k {
	case layout.CkCause:
		if v.text != "" && !validCause(v.text) {
			im.problem("%s %s %s“%s”无法识别，请选择 %s（已按原文保留，请改正）", addr, place, head, recognize.Shorten(v.text, 20), strings.Join(model.DeviationCauses, "、"))
		}
	case layout.CkActual, layout.CkWeight:
		sc := model.ScoreIndicator(*in)
		if (sc.State == model.ScoreBadActual && k == layout.CkActual || sc.State == model.ScoreNoWeight && k == layout.CkWeight) && v.text != "" {
			im.problem("%s %s %s：%s（已按原文保留，请改正）", addr, place, head, sc.Message)
		}
		if k == layout.CkActual && sc.FromFormula && v.text != "" {
			im.rep.Hints = append(im.rep.Hints, fmt.Sprintf("%s %s %s由计算数据得出（%s），表中改为“%s”：程序仍按计算数据计分；要改用填写的值，请在程序中写明原因",
				addr, place, head, sc.Formula.Display(), recognize.Shorten(v.text, 20)))
		}
	}
	if k == layout.CkToDate || k == layout.CkForecastVal || k == layout.CkActual {
		im.barePercent(v, addr, place, head, target)
	}
}

// barePercent gives the 提示 for a bare number at most 1 typed for a
// percentage target above 1%: 0.95 for ≥95% is most likely 95%.
func (im *stageImport) barePercent(v cellValue, addr, place, head string, t model.Target) {
	if !t.Percent() || v.pct || t.Number.Abs().LessThanOrEqual(decimal.NewFromInt(1)) {
		return
	}
	d, err := model.ParseActual(v.text, t)
	if err != "" || strings.HasSuffix(strings.TrimSpace(v.text), "%") || d.IsZero() || d.Abs().GreaterThan(decimal.NewFromInt(1)) {
		return
	}
	im.rep.Hints = append(im.rep.Hints, fmt.Sprintf("%s %s %s填的是 %s，没有“%%”，按 %s%% 计；指标值是 %s，如果是 %s%%，请改为 %s%%",
		addr, place, head, v.text, d.String(), t.Raw, d.Shift(2).String(), d.Shift(2).String()))
}

func validLikelihood(l model.Likelihood) bool {
	for _, x := range model.Likelihoods {
		if l == x {
			return true
		}
	}
	return false
}

func validCause(s string) bool {
	for _, c := range model.DeviationCauses {
		if strings.TrimSpace(s) == c {
			return true
		}
	}
	return false
}
