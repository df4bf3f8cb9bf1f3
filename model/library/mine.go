package library

import (
	"cmp"
	"slices"

	"jixiao/model"
)

// UsedIndicator is one indicator row found in a draft of the drafts file,
// with the draft's id, 部门 and 年度 (store.UsedIndicators collects them).
type UsedIndicator struct {
	Draft     string
	Dept      string
	Year      string
	Indicator model.Indicator
}

// UsedValue is the 指标值 an indicator had in one draft (我的指标).
type UsedValue struct {
	Year  string // 年度 as typed in the draft
	Value string // 指标值
	Dept  string // 部门名称
	Draft string // draft id
}

// MyIndicators groups the indicators used in drafts into 我的指标 library
// entries: one per 一级/二级/name (compared as model.SameText does), its row
// taken from the most recent year's use (inputs dropped), Used listing
// every year's 指标值, most recent first. Entries come most recently used
// first; placeholders and rows without a name are left out.
func MyIndicators(used []UsedIndicator) []Entry {
	type group struct {
		key    [3]uint64
		latest int // year of the newest use
		first  int // order of first appearance
		entry  Entry
	}
	var groups []*group
	index := map[[3]uint64][]*group{}
	for _, u := range used {
		in := u.Indicator
		name := in.Name()
		if name == "" || model.IsFiller(name) || model.IsFiller(in.Level1) || model.IsFiller(in.Level3) {
			continue
		}
		year, _ := model.ParseYear(u.Year)
		key := [3]uint64{model.TextKey(in.Level1), model.TextKey(in.Level2), model.TextKey(name)}
		var g *group
		for _, c := range index[key] {
			ci := c.entry.Indicator
			if model.SameText(ci.Level1, in.Level1) && model.SameText(ci.Level2, in.Level2) && model.SameText(ci.Name(), name) {
				g = c
				break
			}
		}
		if g == nil {
			g = &group{key: key, latest: -1, first: len(groups)}
			g.entry.Source = SourceMine
			g.entry.Ref = "本机草稿中用过的指标"
			groups = append(groups, g)
			index[key] = append(index[key], g)
		}
		if year > g.latest {
			g.latest = year
			g.entry.Indicator = in.Clone()
			g.entry.Indicator.Inputs = nil
			g.entry.Direction = directionOf(in.Value)
		}
		g.entry.Used = append(g.entry.Used, UsedValue{Year: u.Year, Value: in.Value, Dept: u.Dept, Draft: u.Draft})
	}
	out := make([]Entry, 0, len(groups))
	slices.SortStableFunc(groups, func(a, b *group) int { return cmp.Compare(b.latest, a.latest) })
	for _, g := range groups {
		slices.SortStableFunc(g.entry.Used, func(a, b UsedValue) int {
			ya, _ := model.ParseYear(a.Year)
			yb, _ := model.ParseYear(b.Year)
			return cmp.Compare(yb, ya)
		})
		out = append(out, g.entry)
	}
	return out
}

// WithMine is the library the picker searches: 我的指标 first (most
// recently used first), then the other entries. An entry of another
// source with the same 一级/二级/name as one of mine gets mine's Used
// values too, so 参考历年指标 shows beside the framework's entry.
func WithMine(lib, mine []Entry) []Entry {
	out := make([]Entry, 0, len(mine)+len(lib))
	out = append(out, mine...)
	for _, e := range lib {
		for _, m := range mine {
			if model.SameText(m.Indicator.Name(), e.Indicator.Name()) && model.SameText(m.Indicator.Level1, e.Indicator.Level1) && model.SameText(m.Indicator.Level2, e.Indicator.Level2) {
				e.Used = m.Used
				break
			}
		}
		out = append(out, e)
	}
	return out
}
