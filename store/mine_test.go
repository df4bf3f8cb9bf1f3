package store

import (
	"slices"
	"testing"

	"jixiao/model"
	"jixiao/model/library"
)

// 我的指标 lists an indicator used in a draft of another year with that
// year's 指标值, most recent year first, read back from a real drafts file.
func TestUsedIndicatorsAcrossYears(t *testing.T) {
	s, _ := openTest(t)
	f2020 := model.Sample() // 预算执行率 ≥98%
	id2020, err := s.Create(f2020)
	if err != nil {
		t.Fatal(err)
	}
	f2021 := model.Sample()
	f2021.Year = "2021年"
	for i := range f2021.Indicators {
		if f2021.Indicators[i].Name() == "预算执行率" {
			f2021.Indicators[i].Value = "≥95%"
		}
	}
	f2021.Indicators = append(f2021.Indicators, model.Indicator{Level1: "产出指标", Level2: "数量指标", Level3: "环境执法检查次数", Value: "≥1200次"})
	id2021, err := s.Create(f2021)
	if err != nil {
		t.Fatal(err)
	}
	trashed := model.New("2022", "回收站里的草稿", f2021.Meta.Created)
	trashed.Indicators = []model.Indicator{{Level1: "产出指标", Level2: "数量指标", Level3: "不应出现", Value: "1次"}}
	idT, err := s.Create(trashed)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(idT); err != nil {
		t.Fatal(err)
	}

	used, skipped, err := s.UsedIndicators()
	if err != nil || skipped != 0 {
		t.Fatalf("UsedIndicators: %v, skipped %d", err, skipped)
	}
	if want := len(f2020.Indicators) + len(f2021.Indicators); len(used) != want {
		t.Errorf("%d rows, want %d", len(used), want)
	}
	mine := library.MyIndicators(used)
	find := func(name string) (library.Entry, bool) {
		for _, e := range mine {
			if e.Indicator.Name() == name {
				return e, true
			}
		}
		return library.Entry{}, false
	}
	e, ok := find("预算执行率")
	if !ok {
		t.Fatal("预算执行率 not in 我的指标")
	}
	want := []library.UsedValue{
		{Year: "2021年", Value: "≥95%", Dept: f2021.Dept, Draft: id2021},
		{Year: "2020", Value: "≥98%", Dept: f2020.Dept, Draft: id2020},
	}
	if !slices.Equal(e.Used, want) {
		t.Errorf("预算执行率 used %+v, want %+v", e.Used, want)
	}
	if e.Indicator.Value != "≥95%" || e.Source != library.SourceMine || e.Indicator.Formula != "预算执行率" {
		t.Errorf("预算执行率 entry %+v", e)
	}
	if e, ok := find("环境执法检查次数"); !ok || len(e.Used) != 1 || e.Used[0].Year != "2021年" {
		t.Errorf("环境执法检查次数: %+v %v", e, ok)
	}
	if mine[0].Used[0].Year != "2021年" {
		t.Errorf("first entry %s last used %s, want the 2021 draft first", mine[0].Indicator.Name(), mine[0].Used[0].Year)
	}
	if _, ok := find("不应出现"); ok {
		t.Error("an indicator of a trashed draft is in 我的指标")
	}
	for _, e := range mine {
		if model.IsFiller(e.Indicator.Name()) {
			t.Errorf("placeholder %s in 我的指标", e.Indicator.Name())
		}
	}
	// Merged into the search: found by its initials with its history.
	lib := library.WithMine(library.Builtin(), mine)
	x := library.NewIndex(lib)
	hits := x.Search(library.Query{Text: "hjzfjccs"})
	if len(hits) == 0 || x.Entries()[hits[0]].Source != library.SourceMine {
		t.Errorf("环境执法检查次数 not found by initials: %v", hits)
	}
	hits = x.Search(library.Query{Text: "预算执行率", Source: library.SourceSeed})
	if len(hits) == 0 || len(x.Entries()[hits[0]].Used) != 2 {
		t.Errorf("the seed's 预算执行率 does not show the years it was used")
	}
}
