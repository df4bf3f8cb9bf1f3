package xlsx

import (
	"fmt"
	"strings"

	"jixiao/export/internal/layout"
	"jixiao/model"
	"jixiao/model/recognize"
)

// Matching the rows of a filled sheet to the rows exported (the hidden
// sheet's metaRow) and to the draft. A row's identity is its texts — the
// unit and 主要内容 of a task, the 一级/二级/三级指标 of an indicator — never
// its position: a row sorted, moved or left after a deleted row is found
// by what it says. Where several exported rows have the same texts, their
// declared values (年初预算数, 财政资金, 指标值) and then the row id in the
// hidden first column tell them apart; what is still ambiguous is refused.

// sheetRow is a data row of a found table.
type sheetRow struct {
	t   *sheetTable
	r   int
	key string
	id  string
}

// identity is the row's identity texts joined, "" when all are empty.
func (t *sheetTable) identity(r int) (string, bool) {
	var parts []string
	any := false
	for _, k := range keyCols(t.kind) {
		s := ""
		if c, ok := t.cols[k]; ok {
			s = t.g.text(r, c)
		}
		any = any || s != ""
		parts = append(parts, s)
	}
	return strings.Join(parts, "\x00"), any
}

func metaKey(k []string) string { return strings.Join(k, "\x00") }

// rowName names a sheet row for messages: 预算执行情况 第12行（机关 / 环评技术评估）.
func (s sheetRow) rowName() string {
	parts := strings.Split(s.key, "\x00")
	var shown []string
	for _, p := range parts {
		if p != "" {
			shown = append(shown, recognize.Shorten(p, 30))
		}
	}
	return fmt.Sprintf("%s 第%d行（%s）", s.t.g.sheet, s.r+1, strings.Join(shown, " / "))
}

// hasInput reports whether any input column of the row holds something.
func (im *stageImport) hasInput(t *sheetTable, r int) bool {
	for k, c := range t.cols {
		if im.inputs[t.kind][k] && t.g.own(r, c) != "" {
			return true
		}
	}
	return false
}

// fixedOf is the row's declared value in column k as compared with the
// export: amounts by value, texts trimmed.
func (im *stageImport) fixedOf(t *sheetTable, r int, k layout.ColKey) (string, bool) {
	c, ok := t.cols[k]
	if !ok {
		return "", false
	}
	v := t.g.value(r, c, isAmountKey(k), false)
	if v.bad != "" {
		return "\x00bad", true
	}
	if isAmountKey(k) {
		return amountCanon(v.text), true
	}
	return v.text, true
}

// fixedMatch reports whether the row's declared values are those of the
// exported row m (columns the sheet lacks are not compared).
func (im *stageImport) fixedMatch(s sheetRow, m *MetaRow) bool {
	for k, want := range m.Fixed {
		got, ok := im.fixedOf(s.t, s.r, k)
		if !ok {
			continue
		}
		if isAmountKey(k) {
			want = amountCanon(want)
		}
		if got != strings.TrimSpace(want) {
			return false
		}
	}
	return true
}

// match finds the exported row of sheet row s among the candidates
// (exported rows with the same identity texts); -1 and the reason when it
// cannot be told for certain.
func (im *stageImport) match(s sheetRow, cands []int, rows []MetaRow) (int, string) {
	switch len(cands) {
	case 0:
		return -1, "导出的表中没有这一行（名称改过，或是新加的行）"
	case 1:
		return cands[0], ""
	}
	byID := -1
	for _, i := range cands {
		if s.id != "" && rows[i].ID == s.id {
			byID = i
		}
	}
	var same []int
	for _, i := range cands {
		if im.fixedMatch(s, &rows[i]) {
			same = append(same, i)
		}
	}
	switch {
	case byID >= 0 && im.fixedMatch(s, &rows[byID]):
		return byID, ""
	case len(same) == 1:
		return same[0], ""
	case len(same) == 0 && byID >= 0:
		return byID, ""
	}
	return -1, fmt.Sprintf("表中有%d行名称相同，无法确定这是哪一行（隐藏的编号列缺失或被改动）", len(cands))
}

// draftTask finds the draft's task row of exported row m: where it was
// when exported if that row still is it, else the only row with its
// identity; ok false with the reason otherwise.
func draftTask(g *model.Form, m *MetaRow) (u, r int, why string) {
	is := func(u, r int) bool {
		return u >= 0 && u < len(g.Units) && r >= 0 && r < len(g.Units[u].Tasks) &&
			metaKey([]string{strings.TrimSpace(g.Units[u].Name), strings.TrimSpace(g.Units[u].Tasks[r].Content)}) == metaKey(m.Key)
	}
	if is(m.Unit, m.Index) {
		return m.Unit, m.Index, ""
	}
	var found [][2]int
	for u := range g.Units {
		for r := range g.Units[u].Tasks {
			if is(u, r) {
				found = append(found, [2]int{u, r})
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0][0], found[0][1], ""
	case 0:
		return -1, -1, "草稿中已没有这一行（导出后草稿改过）"
	}
	return -1, -1, "草稿中有多行与它名称相同（导出后草稿改过），无法确定是哪一行"
}

// draftIndicator is draftTask for an indicator row.
func draftIndicator(g *model.Form, m *MetaRow) (int, string) {
	is := func(r int) bool {
		if r < 0 || r >= len(g.Indicators) {
			return false
		}
		in := g.Indicators[r]
		return metaKey([]string{strings.TrimSpace(in.Level1), strings.TrimSpace(in.Level2), strings.TrimSpace(layout.Level3Text(in))}) == metaKey(m.Key)
	}
	if is(m.Index) {
		return m.Index, ""
	}
	var found []int
	for r := range g.Indicators {
		if is(r) {
			found = append(found, r)
		}
	}
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		return -1, "草稿中已没有这个指标（导出后草稿改过）"
	}
	return -1, "草稿中有多个指标与它名称相同（导出后草稿改过），无法确定是哪一个"
}

// amountCanon is an amount text as compared: its value when readable.
func amountCanon(s string) string {
	a := model.ParseAmount(s)
	switch a.State() {
	case model.AmountValid:
		return "m:" + a.Money().String()
	case model.AmountEmpty:
		return ""
	}
	return "t:" + strings.TrimSpace(a.Raw())
}

func isAmountKey(k layout.ColKey) bool {
	switch k {
	case layout.CkBudget, layout.CkFiscal, layout.CkExec, layout.CkForecast, layout.CkBudgetAdj, layout.CkExecYear:
		return true
	}
	return false
}

// isTextKey reports whether column k holds free text (a date typed there
// is read as shown).
func isTextKey(k layout.ColKey) bool {
	switch k {
	case layout.CkCauseText, layout.CkCauseBoth, layout.CkMeasures, layout.CkAnalysis:
		return true
	}
	return false
}

// valueCanon is an input value as compared with the exported one: amounts
// and numbers by value (93% and 0.93 in a percent cell are the same),
// texts trimmed.
func valueCanon(k layout.ColKey, s string, t model.Target) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return ""
	case isAmountKey(k):
		return amountCanon(s)
	case k == layout.CkToDate || k == layout.CkForecastVal || k == layout.CkActual:
		if t.Kind == model.TargetNumber {
			if d, err := model.ParseActual(s, t); err == "" {
				return "n:" + d.String()
			}
		}
	case k == layout.CkWeight:
		if d, err := model.ParseNumber(strings.TrimSuffix(s, "分")); err == nil {
			return "n:" + d.String()
		}
	}
	return "t:" + s
}
