package library

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

func searchNames(x *Index, q Query) []string {
	var out []string
	for _, i := range x.Search(q) {
		e := x.Entries()[i]
		out = append(out, e.Source+"/"+e.Indicator.Name())
	}
	return out
}

func TestLibrarySearch(t *testing.T) {
	x := NewIndex(Builtin())
	const yszxl = SourceSeed + "/预算执行率"
	tests := []struct {
		q     Query
		first string   // the best hit
		has   []string // also found
		not   []string // not found
	}{
		{q: Query{Text: "执行率"}, first: yszxl, has: []string{SourceSeed + "/政府采购执行率", SourceSeed + "/培训计划执行率"}},
		{q: Query{Text: "yszxl"}, first: yszxl},
		{q: Query{Text: "YSZXL"}, first: yszxl},
		{q: Query{Text: "ｙｓｚｘｌ"}, first: yszxl},
		// A word of its formula: 预算执行数 is only in 预算执行率's formula.
		{q: Query{Text: "预算执行数"}, first: yszxl},
		{q: Query{Text: "预算执行率"}, first: yszxl, not: []string{SourceSeed + "/政府采购执行率"}},
		// Words must all match; blanks in the text are ignored.
		{q: Query{Text: "预算 调整"}, first: SourceSeed + "/预算调整率", not: []string{SourceSeed + "/政府采购执行率"}},
		{q: Query{Text: "预 算 调 整 率"}, first: SourceSeed + "/预算调整率"},
		// 多音字: 率 is lǜ or shuài, 行 is xíng or háng.
		{q: Query{Text: "zxs"}, has: []string{yszxl}},
		// Initials skip the quotes of “三公经费”.
		{q: Query{Text: "sgjfbdl"}, first: SourceSeed + "/“三公经费”变动率", has: []string{SourceDept53 + "/“三公经费”变动率"}},
		// Explanation and 一级/二级.
		{q: Query{Text: "人员成本的控制程度"}, has: []string{SourceCommon + "/在职人员控制率", SourceDept53 + "/在职人员控制率"}},
		{q: Query{Text: "预算配置"}, has: []string{SourceDept53 + "/重点支出安排率"}},
		{q: Query{Text: "ysp"}, has: []string{SourceDept53 + "/重点支出安排率"}}, // 预算配置 by initials
		// Filters.
		{q: Query{Text: "控制率", Source: SourceDept53}, first: SourceDept53 + "/在职人员控制率", not: []string{SourceCommon + "/在职人员控制率"}},
		{q: Query{Level1: "产出指标", Level2: "数量指标", Source: "会议培训类共性指标示例"}, first: "会议培训类共性指标示例/培训班次（会议次数）", not: []string{"会议培训类共性指标示例/培训人员合格率"}},
		{q: Query{Text: "执行率", Level1: "投入"}, not: []string{yszxl}},
		{q: Query{Text: "没有这种指标xyz"}},
	}
	for _, tc := range tests {
		got := searchNames(x, tc.q)
		if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
			t.Errorf("%+v: first %v, want %s", tc.q, head(got), tc.first)
		}
		for _, h := range tc.has {
			if !slices.Contains(got, h) {
				t.Errorf("%+v: %s not found in %v", tc.q, h, head(got))
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%+v: %s found", tc.q, n)
			}
		}
		if tc.first == "" && tc.has == nil && len(got) != 0 {
			t.Errorf("%+v: found %v", tc.q, head(got))
		}
	}
	if n := len(x.Search(Query{})); n != len(Builtin()) {
		t.Errorf("empty query found %d of %d", n, len(Builtin()))
	}
}

func head(s []string) []string { return s[:min(len(s), 5)] }

func TestMatchInitials(t *testing.T) {
	tests := []struct {
		s, letters string
		at         int
	}{
		{"预算执行率", "yszxl", 0}, {"预算执行率", "zxl", 2}, {"预算执行率", "yszhl", 0}, {"预算执行率", "ysx", -1},
		{"“三公经费”变动率", "sgjfbdl", 1}, {"培训（会议）出勤率", "pxhycql", 0}, {"PM2.5浓度", "pm25nd", 0},
		{"在职人员控制率", "kzl", 4}, {"", "a", -1},
	}
	for _, tc := range tests {
		if got := matchInitials(initials(tc.s), tc.letters); got != tc.at {
			t.Errorf("matchInitials(%s, %s) = %d, want %d", tc.s, tc.letters, got, tc.at)
		}
	}
}

// BenchmarkLibrarySearch searches the whole built-in library, and a
// library of 10,000 entries (a large bureau file plus 我的指标), for a
// Chinese word and for pinyin initials, as each keystroke does.
func BenchmarkLibrarySearch(b *testing.B) {
	lib := Builtin()
	big := make([]Entry, 0, 10000)
	for len(big) < 10000 {
		for _, e := range lib {
			e.Indicator.Level3 = fmt.Sprintf("%s%d", e.Indicator.Level3, len(big))
			e.Indicator.Sub = ""
			big = append(big, e)
		}
	}
	for _, c := range []struct {
		name string
		lib  []Entry
	}{{"builtin", lib}, {"10k", big[:10000]}} {
		x := NewIndex(c.lib)
		for _, q := range []string{"执行率", "yszxl", "预算 调整"} {
			b.Run(c.name+"/"+q, func(b *testing.B) {
				for b.Loop() {
					x.Search(Query{Text: q})
				}
			})
		}
		b.Run(c.name+"/index", func(b *testing.B) {
			for b.Loop() {
				NewIndex(c.lib)
			}
		})
	}
}

// hanInitials agrees with go-pinyin's own first-letter style for every
// character of its dictionary.
func TestHanInitialsMatchesGoPinyin(t *testing.T) {
	args := pinyin.Args{Style: pinyin.FirstLetter, Heteronym: true}
	dict := pinyin.Dict() // made on first use (third_party/go-pinyin)
	if len(dict) < 40000 {
		t.Fatalf("go-pinyin's dictionary has %d characters", len(dict))
	}
	for r := range dict {
		var want uint64
		for _, p := range pinyin.SinglePinyin(rune(r), args) {
			want |= initialBit(p[0])
		}
		if got := hanInitials(rune(r)); got != want {
			t.Fatalf("%c: %b, want %b (%s)", r, got, want, dict[r])
		}
	}
}
