// Package library is the 指标库 (standard indicator library) the editor
// offers to pick indicators from: the built-in entries (the sample's, the
// common ones and the national frameworks of national.json), library files
// a bureau hands out (file.go, docs/library.md), 我的指标 gathered from the
// drafts file (mine.go), the search as the clerk types with pinyin
// initials (search.go) and the arrangement for a draft's 表样
// (template.go). It depends on the core model only; the core model does
// not link it (nor go-pinyin's dictionary).
package library

import (
	"sync"

	"jixiao/model"
)

// Entry is one indicator of the 指标库 (standard indicator library)
// that the editor offers to pick from: the row as it goes into a form,
// with its levels, a usual 指标值, explanation, note, 计量单位 and formula
// key, plus where it comes from. Indicator.Inputs is always nil: picking
// an entry starts with no data.
type Entry struct {
	Indicator model.Indicator // the row to insert
	// Source names where the entry comes from, in plain Chinese, and is
	// what the picker filters on: SourceSeed, SourceCommon, a national
	// framework (SourceDept53 …), SourceMine or a library file's name.
	Source string
	// Ref is the document and table the entry is taken from, e.g.
	// 财预〔2013〕53号 附件“部门整体支出绩效评价共性指标体系框架”表.
	Ref string
	// Checked says where the entry's text was compared with a copy of the
	// document (docs/library.md lists them); "" when not applicable.
	Checked string
	// Direction is the usual 计算符号 of the 指标值: ≥, ≤ or =; "" for a
	// qualitative (定性) indicator or when the source gives none.
	Direction string
	// Used lists the 指标值 the clerk used in drafts of the drafts file,
	// most recent year first (我的指标; see MyIndicators and
	// WithMine). Nil otherwise.
	Used []UsedValue
	// Placed says, for an entry ForTemplate re-filed under a template's
	// 一级/二级, where it was and on which published text the placement
	// rests; "" otherwise.
	Placed string
}

// Sources of library entries.
const (
	SourceSeed   = "市级部门整体绩效目标申报表"
	SourceCommon = "常用共性指标"
	SourceDept53 = "财预〔2013〕53号·部门整体支出"
	SourceProj53 = "财预〔2013〕53号·项目支出"
	SourceKinds  = "绩效指标分类（产出/效益/满意度）"
	SourceMine   = "我的指标"
)

// libraryCommon are indicators other templates use (财政部 部门整体支出
// 绩效评价共性指标框架 and provincial templates); add more here.
var libraryCommon = []model.Indicator{
	{Level1: "管理效率", Level2: "资产管理", Level3: "资产闲置率", Value: "≤5%",
		Explain: "反映部门固定资产闲置情况。",
		Note:    "资产闲置率=（闲置资产总额/部门所有固定资产总额）×100%。", Formula: "资产闲置率"},
	{Level1: "管理效率", Level2: "预算管理", Level3: "在职人员控制率", Value: "≤100%",
		Explain: "反映部门对人员成本的控制程度。",
		Note:    "在职人员控制率=（在职人员数/编制数）×100%。在职人员数：部门实际在职人数；编制数：机构编制部门核定批复的人员编制数。", Formula: "在职人员控制率"},
	{Level1: "管理效率", Level2: "运行成本", Level3: "公用经费控制率", Value: "≤100%",
		Explain: "反映部门对机构运转成本的实际控制程度。",
		Note:    "公用经费控制率=（实际支出公用经费总额/预算安排公用经费总额）×100%。", Formula: "公用经费控制率"},
	{Level1: "管理效率", Level2: "预算管理", Level3: "预决算信息公开规范性", Value: "规范",
		Explain: "反映部门预决算信息公开情况。",
		Note:    "是否按规定的内容、时限和程序公开部门预算、决算及“三公”经费等信息。"},
}

var builtinOnce = sync.OnceValue(func() []Entry {
	var out []Entry
	seen := map[string]bool{}
	add := func(e Entry) {
		in := e.Indicator
		if model.IsFiller(in.Level1) || model.IsFiller(in.Level2) || model.IsFiller(in.Level3) && e.Source == SourceSeed || model.IsFiller(in.Sub) {
			return
		}
		k := e.Source + "\x00" + in.Name()
		if seen[k] {
			return
		}
		seen[k] = true
		e.Indicator.Inputs = nil
		out = append(out, e)
	}
	for _, in := range model.Sample().Indicators {
		add(Entry{Indicator: in, Source: SourceSeed, Ref: "郑州市生态环境局2020年度市级部门整体绩效目标申报表（本程序的内置示例）", Direction: directionOf(in.Value)})
	}
	for _, in := range libraryCommon {
		add(Entry{Indicator: in, Source: SourceCommon, Ref: "本程序早期版本收录，出处未逐条核对", Direction: directionOf(in.Value)})
	}
	lf, err := ParseFile(nationalJSON, "")
	if err != nil {
		panic("library: built-in national.json: " + err.Error())
	}
	for _, e := range lf.Entries {
		add(e)
	}
	return out
})

// Builtin returns the built-in 指标库: every indicator of the seed form
// that is not a template placeholder (.....、……、重要改革事项1 …), in the
// seed's order, then the common indicators of other templates, then the
// national frameworks' entries (national.json). Within a source
// names are unique. Each call returns fresh values the caller may change.
func Builtin() []Entry {
	b := builtinOnce()
	out := make([]Entry, len(b))
	for i, e := range b {
		out[i] = e.clone()
	}
	return out
}

func (e Entry) clone() Entry {
	c := e
	c.Indicator = e.Indicator.Clone()
	c.Used = append([]UsedValue(nil), e.Used...)
	if e.Used == nil {
		c.Used = nil
	}
	return c
}

// Sources returns the names of the sources of entries, in the
// order they first appear.
func Sources(entries []Entry) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range entries {
		if !seen[e.Source] {
			seen[e.Source] = true
			out = append(out, e.Source)
		}
	}
	return out
}

// directionOf is the 计算符号 of a numeric 指标值 (≥98% → ≥; 100% → =);
// "" for a qualitative or empty one.
func directionOf(value string) string {
	t := model.ParseTarget(value)
	if t.Kind != model.TargetNumber {
		return ""
	}
	switch t.Cmp {
	case model.CmpGE, model.CmpGT:
		return "≥"
	case model.CmpLE, model.CmpLT:
		return "≤"
	}
	return "="
}

// Formula returns the entry's rate formula (its named inputs and text);
// false when the indicator is not computed from a formula.
func (e Entry) Formula() (model.Formula, bool) {
	if e.Indicator.Formula == "" {
		return model.Formula{}, false
	}
	return model.FormulaFor(e.Indicator.Formula)
}

// Find returns the first library entry whose indicator is named
// name (its Sub, else its 三级指标); seed entries come first.
func Find(name string) (Entry, bool) {
	for _, e := range builtinOnce() {
		if e.Indicator.Name() == name {
			return e.clone(), true
		}
	}
	return Entry{}, false
}
