package recognize

import (
	"slices"
	"strings"

	"jixiao/model"
)

// Recognising the 表样 (template) of a sheet that carries no hidden data
// (a clerk's or a bureau's own workbook, a Word table, a PDF): the
// template whose printed texts the sheet's cells show most. The
// candidates are the built-in templates and those the clerk imported
// (jixiao template import, 表样 › 导入表样文件), so a file filled in a
// bureau's own template comes back as a draft of that template.

// Signature is what template t prints and what tells it apart: its title,
// the 部门名称 label, the 基本信息 labels, the labels of its parts, its
// indicator headers and its 部门总体资金情况 rows and 近两年 headers,
// normalised (Norm), sorted, without repeats.
func Signature(t *model.Template) []string {
	s := []string{Norm(t.Title), Norm(t.Dept())}
	if t.YearInBasic() {
		s = append(s, Norm(t.YearLabel()))
	}
	for _, b := range t.Basic {
		s = append(s, Norm(b.Label))
	}
	for _, sec := range t.Sections {
		s = append(s, Norm(t.Label(sec)))
	}
	for _, c := range t.IndicatorColumns {
		s = append(s, Norm(t.ColumnLabel(c.Key)))
	}
	if t.Funds != nil {
		for _, n := range append(slices.Clone(t.Funds.Income), t.Funds.Expense...) {
			s = append(s, Norm(n))
		}
		for _, n := range []string{t.Funds.IncomeLabel, t.Funds.ExpenseLabel, t.Funds.TotalLabel} {
			s = append(s, Norm(n))
		}
		if len(t.Funds.Years) > 0 {
			s = append(s, Norm(t.Funds.YearsHeader()))
			for _, y := range t.Funds.Years {
				if l := y.YearLabel(""); !strings.Contains(l, "{year}") {
					s = append(s, Norm(l))
				}
			}
		}
	}
	s = slices.DeleteFunc(s, func(x string) bool { return x == "" })
	slices.Sort(s)
	return slices.Compact(s)
}

// minContained is the least length (in bytes: three Chinese characters)
// of a label that counts when a cell only contains it (a title with its
// year, 部门总体资金情况（万元）…).
const minContained = 9

// Template picks the template of a sheet from its cells' texts (as typed;
// compared normalised) among cands, the default (郑州) first. A label the
// sheet shows as a cell of its own scores 2, a label of three characters
// or more inside a longer cell 1. The highest score wins; when scores
// tie, the template with fewer of its labels missing from the sheet (the
// closer fit), then an imported template before a built-in one (the clerk
// imported it for their bureau's files, often a revision of a built-in
// one), then the newer version of the same template, then the earlier in
// cands. When no label at all is shown the first candidate is returned;
// nil only when cands is empty.
func Template(cells []string, cands []*model.Template) *model.Template {
	texts := make(map[string]bool, len(cells))
	for _, v := range cells {
		if n := Norm(v); n != "" {
			texts[n] = true
		}
	}
	builtin := map[string]bool{}
	for _, t := range model.BuiltinTemplates() {
		builtin[t.ID] = true
	}
	type scored struct {
		t           *model.Template
		score, miss int
	}
	better := func(a, b scored) bool {
		switch {
		case a.score != b.score:
			return a.score > b.score
		case a.miss != b.miss:
			return a.miss < b.miss
		case builtin[a.t.ID] != builtin[b.t.ID]:
			return !builtin[a.t.ID]
		case a.t.ID == b.t.ID:
			return a.t.Version > b.t.Version
		}
		return false
	}
	var first, best *scored
	for _, t := range cands {
		if t == nil {
			continue
		}
		c := scored{t: t}
		for _, s := range Signature(t) {
			switch {
			case texts[s]:
				c.score += 2
			case len(s) >= minContained && containedIn(s, texts):
				c.score++
			default:
				c.miss++
			}
		}
		if first == nil {
			first = &c
		}
		if best == nil || better(c, *best) {
			best = &c
		}
	}
	switch {
	case best == nil:
		return nil
	case best.score == 0:
		return first.t
	}
	return best.t
}

func containedIn(s string, texts map[string]bool) bool {
	for x := range texts {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

// SectionLabel reports whether n is the label of a part in one of tpls
// or a usual label of the indicators (年度绩效指标 on a row of its own,
// above its table).
func SectionLabel(n string, tpls []*model.Template) bool {
	for _, t := range tpls {
		for _, s := range []string{model.SectionGoals, model.SectionTasks, model.SectionFunds, model.SectionDuties, model.SectionIndicators} {
			if Norm(t.Label(s)) == n {
				return true
			}
		}
	}
	return n == "年度绩效指标" || n == "绩效指标"
}
