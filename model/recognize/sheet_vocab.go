package recognize

import (
	"regexp"
	"slices"
	"strings"

	"jixiao/model"
)

// The words a sheet is read by, beside the built-in ones: those of the
// template recognised from the sheet (g.tpl), so that a bureau's own
// template (imported into the drafts file) finds its parts, columns and
// 基本信息 fields under its own labels (年度工作目标, 考核权重, 分管领导 …).

// Texts are the sheet's distinct cell texts, for recognising its template.
func (g *SheetGrid) Texts() []string {
	seen := map[string]bool{}
	var out []string
	for _, row := range g.Cells {
		for _, v := range row {
			if v != "" && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// template is the sheet's recognised template, the default when none was.
func (g *SheetGrid) template() *model.Template {
	if g.Tpl != nil {
		return g.Tpl
	}
	return model.BuiltinTemplate(model.DefaultTemplateID)
}

// sectionIs reports whether n (normalised) is the recognised template's
// label of its section sec (with or without a unit in brackets: 部门收支
// 情况（万元）).
func (g *SheetGrid) sectionIs(sec, n string) bool {
	t := g.template()
	if !t.Has(sec) || n == "" {
		return false
	}
	l := Norm(t.Label(sec))
	return n == l || withoutUnitSuffix(n) == withoutUnitSuffix(l)
}

// isFundsLabel and isDutiesLabel recognise the labels of those parts: the
// published ones and the template's.
func (g *SheetGrid) isFundsLabel(n string) bool {
	return fundsLabel(n) || g.sectionIs(model.SectionFunds, n)
}

func (g *SheetGrid) isDutiesLabel(n string) bool {
	return dutiesLabel(n) || g.sectionIs(model.SectionDuties, n)
}

// goalsLabels are the labels of 年度总体目标: the published ones and the
// template's.
func (g *SheetGrid) goalsLabels() []string {
	out := []string{"年度总体目标", "总体目标", "年度目标", "年度绩效目标", "年度总体绩效目标", "整体绩效目标"}
	if t := g.template(); t.Has(model.SectionGoals) {
		if l := Norm(t.Label(model.SectionGoals)); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// indicatorKeys are the block keys of the indicator columns by model key.
var indicatorKeys = map[string]string{
	model.IndColL1: "l1", model.IndColL2: "l2", model.IndColL3: "l3", model.IndColValue: "value",
	model.IndColExplain: "explain", model.IndColNote: "note", model.IndColWeight: "weight", model.IndColUnit: "unit",
	model.IndColValueType: "vtype", model.IndColScoring: "scoring", model.IndColNature: "nature", model.IndColDirection: "direction",
}

// templateColumn is the block key of indicator header n (normalised) by
// the recognised template's own headers ("" when none is n).
func (g *SheetGrid) templateColumn(n string) string {
	t := g.template()
	for _, c := range t.IndicatorColumns {
		l := Norm(t.ColumnLabel(c.Key))
		if l != "" && (n == l || withoutUnitSuffix(n) == withoutUnitSuffix(l)) {
			return indicatorKeys[c.Key]
		}
	}
	return ""
}

// columnLabel is the template's header of indicator column key, normalised.
func (g *SheetGrid) columnLabel(key string) string {
	return Norm(g.template().ColumnLabel(key))
}

// isDeptLabel reports whether n (normalised, without a trailing colon) is
// a label of 部门名称: a published one or the template's.
func (g *SheetGrid) isDeptLabel(n string) bool {
	return slices.Contains(deptLabels, n) || n == Norm(g.template().Dept())
}

// basicLabels are the 基本信息 labels of every built-in template, the
// usual ones, and the recognised template's.
func (g *SheetGrid) basicLabels() []string {
	var out []string
	for _, t := range append(model.BuiltinTemplates(), g.template()) {
		for _, b := range t.OwnBasic() {
			if l := strings.TrimSpace(b.Label); l != "" && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	for _, l := range []string{"单位负责人", "填报人", "联系电话", "填报日期"} {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// basicInCell finds “填报人：张三 联系电话：…” in one cell, for the labels.
func basicInCell(labels []string) *regexp.Regexp {
	quoted := make([]string, len(labels))
	for i, l := range labels {
		quoted[i] = regexp.QuoteMeta(l)
	}
	slices.SortFunc(quoted, func(a, b string) int { return len(b) - len(a) }) // the longest first
	return regexp.MustCompile(`(` + strings.Join(quoted, "|") + `)\s*[:：]\s*`)
}

// yearsTemplates are the templates whose 近两年 headers are read: the
// built-in ones and the recognised one.
func (g *SheetGrid) yearsTemplates() []*model.Template {
	return append(model.BuiltinTemplates(), g.template())
}
