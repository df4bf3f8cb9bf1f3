package model

// LibraryEntry is one indicator of the 指标库 (standard indicator library)
// that the editor offers to pick from: the row as it goes into a form,
// with its levels, a usual 指标值, explanation, note and formula key.
// Indicator.Inputs is always nil: picking an entry starts with no data.
type LibraryEntry struct {
	Indicator Indicator // the row to insert
	// Source says where the entry comes from, in plain Chinese:
	// LibrarySeed for the 郑州 template, LibraryCommon for indicators
	// other templates often use.
	Source string
}

// Sources of library entries.
const (
	LibrarySeed   = "市级部门整体绩效目标申报表"
	LibraryCommon = "常用共性指标"
)

// libraryCommon are indicators other templates use (财政部 部门整体支出
// 绩效评价共性指标框架 and provincial templates); add more here.
var libraryCommon = []Indicator{
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

// Library returns the 指标库: every indicator of the seed form that is not
// a template placeholder (.....、……、重要改革事项1 …), in the seed's order,
// then the common indicators of other templates. Names are unique. Each
// call returns fresh values the caller may change.
func Library() []LibraryEntry {
	var out []LibraryEntry
	seen := map[string]bool{}
	add := func(in Indicator, src string) {
		if isPlaceholder(in.Level1) || isPlaceholder(in.Level2) || isPlaceholder(in.Level3) || isPlaceholder(in.Sub) || seen[in.Name()] {
			return
		}
		seen[in.Name()] = true
		in.Inputs = nil
		out = append(out, LibraryEntry{Indicator: in, Source: src})
	}
	for _, in := range sampleIndicatorRows() {
		add(in, LibrarySeed)
	}
	for _, in := range libraryCommon {
		add(in, LibraryCommon)
	}
	return out
}

// Formula returns the entry's rate formula (its named inputs and text);
// false when the indicator is not computed from a formula.
func (e LibraryEntry) Formula() (Formula, bool) {
	if e.Indicator.Formula == "" {
		return Formula{}, false
	}
	return FormulaFor(e.Indicator.Formula)
}

// LibraryFind returns the library entry whose indicator is named name
// (its Sub, else its 三级指标).
func LibraryFind(name string) (LibraryEntry, bool) {
	for _, e := range Library() {
		if e.Indicator.Name() == name {
			return e, true
		}
	}
	return LibraryEntry{}, false
}
