package library

import (
	"strings"

	"jixiao/model"
)

// The 指标库 follows the draft's 表样 (template): a template with a 指标体系
// (Template.Framework) is offered the entries under its own 一级/二级
// 指标 — its own entries as they are, first, then the entries of other
// frameworks re-filed under its 一级/二级 by the placements below. An
// entry that no placement fits is not offered (ForTemplate counts it, the
// picker can list it on request); placeholders (数量指标1, .....) are
// never offered, and an indicator that several sources have is offered
// once. docs/library.md lists the published texts each placement follows
// and says where none was found.

// placement re-files the entries of one 一级 (and 二级, "" = any; and
// 三级, "" = any) of one 指标体系 under a group of another: To1 names the
// template's 一级 by a word in it (产出, 效益, 满意, 成本), To2 its 二级 by
// a word in it (数量, 质量, 时效, 成本, 可持续影响, 服务对象满意 …).
type placement struct {
	From1, From2, From3 string
	To1, To2            string
	Basis               string // the published text the placement follows (docs/library.md)
}

// Bases of the placements (their sources are cited in docs/library.md).
const (
	basisFill = "《部门整体支出绩效目标申报表》填报说明：数量指标填列单位整体预算执行的具体数量成果，质量指标填列单位整体预算执行的质量水平"
	basisEval = "部门整体支出绩效评价指标体系（地方转载）：产出成本为部门运营成本控制与改善，可持续影响为长效机制建设和工作效率提升措施的创新，服务对象满意度为服务对象对部门履职效果的满意程度"
	basis53   = "财预〔2013〕53号 部门整体支出框架：在职人员控制率反映对人员成本的控制程度，“三公经费”变动率反映对控制重点行政成本的努力程度"
	basisCost = "《部门整体支出绩效目标申报表》填报说明：产出指标可进一步细分为数量、质量、时效、成本指标（财预〔2021〕101号将成本指标单列为一级指标前的分法）"
)

// placements are tried in order; the first whose From fits an entry and
// whose To the template has places it.
var placements = []placement{
	// The sample's (郑州) framework into 产出/效益/满意度.
	{From1: "履职效能", From2: "部门目标实现", To1: "产出", To2: "数量", Basis: basisFill},
	{From1: "履职效能", From2: "整体工作完成", To1: "产出", To2: "数量", Basis: basisFill},
	{From1: "履职效能", From2: "重点工作履行", To1: "产出", To2: "数量", Basis: basisFill},
	{From1: "管理效率", From2: "预算管理", To1: "产出", To2: "质量", Basis: basisFill},
	{From1: "管理效率", From2: "财务管理", To1: "产出", To2: "质量", Basis: basisFill},
	{From1: "管理效率", From2: "收支管理", To1: "产出", To2: "质量", Basis: basisFill},
	{From1: "管理效率", From2: "资产管理", To1: "产出", To2: "质量", Basis: basisFill},
	{From1: "管理效率", From2: "运行成本", To1: "产出", To2: "成本", Basis: basisEval},
	{From1: "管理效率", From2: "基础管理", To1: "效益", To2: "可持续影响", Basis: basisEval},
	{From1: "可持续性", To1: "效益", To2: "可持续影响", Basis: basisEval},
	{From1: "服务满意", To1: "满意", To2: "服务对象满意", Basis: basisEval},
	// 财预〔2013〕53号 部门整体支出: the two cost-control rates of 预算配置.
	{From1: "投入", From2: "预算配置", From3: "在职人员控制率", To1: "产出", To2: "成本", Basis: basis53},
	{From1: "投入", From2: "预算配置", From3: "“三公经费”变动率", To1: "产出", To2: "成本", Basis: basis53},
	// 成本指标 as a 一级 (101号) into a template that has it under 产出.
	{From1: "成本指标", To1: "产出", To2: "成本", Basis: basisCost},
	// 产出/效益/满意度 into the sample's framework: only 满意度 has a place.
	{From1: "满意度指标", To1: "满意", To2: "服务对象满意", Basis: basisEval},
}

// Offer is the 指标库 as a draft of one template sees it.
type Offer struct {
	// Entries are offered, the template's own first (in the library's
	// order), then the re-filed ones; each once.
	Entries []Entry
	// Others are the entries that fit nowhere in the template's 指标体系,
	// each once: adding one gives the 审核's 表样 提示.
	Others []Entry
	// Placeholders is how many template placeholders were left out.
	Placeholders int
}

// ForTemplate arranges the library entries for a draft of template t (nil:
// no 指标体系, everything is the template's own). A re-filed entry
// carries its placement in Placed.
func ForTemplate(entries []Entry, t *model.Template) Offer {
	var own, placed, others []Entry
	var off Offer
	for _, e := range entries {
		in := e.Indicator
		if model.IsFiller(in.Level3) || model.IsFiller(in.Sub) || model.IsFiller(in.Name()) || strings.TrimSpace(in.Name()) == "" {
			off.Placeholders++
			continue
		}
		if t == nil || len(t.Framework) == 0 || fitsFramework(t, in.Level1, in.Level2) {
			own = append(own, e)
			continue
		}
		if l1, l2, p, ok := placeIn(t, in); ok {
			c := e.clone()
			c.Placed = "原在“" + in.Level1 + " › " + in.Level2 + "”下（" + e.Source + "），按表样归入“" + l1 + " › " + l2 + "”。依据：" + p.Basis
			c.Indicator.Level1, c.Indicator.Level2 = l1, l2
			placed = append(placed, c)
			continue
		}
		others = append(others, e)
	}
	seen := map[string]int{}
	off.Entries = dedupe(append(own, placed...), seen)
	off.Others = dedupe(others, map[string]int{})
	return off
}

// dedupe keeps the first entry of each 一级/二级/name (blanks, case and
// full-width forms aside); a later one's years of use go to the kept one
// when it has none.
func dedupe(es []Entry, seen map[string]int) []Entry {
	out := es[:0:0]
	for _, e := range es {
		in := e.Indicator
		k := foldSearch(in.Level1) + "\x00" + foldSearch(in.Level2) + "\x00" + foldSearch(in.Name())
		if i, ok := seen[k]; ok {
			if len(out[i].Used) == 0 && len(e.Used) > 0 {
				out[i].Used = e.Used
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	return out
}

// fitsFramework reports whether 一级 l1 and 二级 l2 are in t's 指标体系.
func fitsFramework(t *model.Template, l1, l2 string) bool {
	for _, f := range t.Framework {
		if model.SameText(f.Name, l1) {
			if len(f.Level2) == 0 {
				return true
			}
			for _, s := range f.Level2 {
				if model.SameText(s, l2) {
					return true
				}
			}
		}
	}
	return false
}

// placeIn finds where in goes in t's 指标体系 by the placements: the
// template's own names of the 一级 and 二级.
func placeIn(t *model.Template, in model.Indicator) (l1, l2 string, p placement, ok bool) {
	for _, p := range placements {
		if !model.SameText(p.From1, in.Level1) || p.From2 != "" && !model.SameText(p.From2, in.Level2) || p.From3 != "" && !model.SameText(p.From3, in.Level3) {
			continue
		}
		for _, f := range t.Framework {
			if !strings.Contains(f.Name, p.To1) {
				continue
			}
			if len(f.Level2) == 0 {
				return f.Name, in.Level2, p, true
			}
			for _, s := range f.Level2 {
				if strings.Contains(s, p.To2) {
					return f.Name, s, p, true
				}
			}
		}
	}
	return "", "", placement{}, false
}
