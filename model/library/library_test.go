package model

import (
	"testing"
	"unicode"
)

func TestLibrary(t *testing.T) {
	lib := Library()
	names := map[string]LibraryEntry{} // seed and common entries, by name
	keys := map[string]bool{}
	count := map[string]int{}
	for _, e := range lib {
		in := e.Indicator
		k := e.Source + "/" + in.Name()
		if keys[k] {
			t.Errorf("duplicate entry %s", k)
		}
		keys[k] = true
		count[e.Source]++
		if e.Source == LibrarySeed || e.Source == LibraryCommon {
			if _, dup := names[in.Name()]; dup {
				t.Errorf("duplicate seed/common entry %s", in.Name())
			}
			names[in.Name()] = e
		}
		if in.Level1 == "" || in.Level2 == "" || in.Level3 == "" {
			t.Errorf("%s: missing level %+v", in.Name(), in)
		}
		if e.Source == LibrarySeed && (isPlaceholder(in.Level3) || isPlaceholder(in.Sub)) {
			t.Errorf("placeholder %q in the library", in.Name())
		}
		if in.Inputs != nil {
			t.Errorf("%s: inputs %v", in.Name(), in.Inputs)
		}
		if in.Formula != "" {
			if _, ok := FormulaFor(in.Formula); !ok {
				t.Errorf("%s: formula %q unknown", in.Name(), in.Formula)
			}
		}
	}
	// Every non-placeholder seed indicator is there, with its texts.
	seed := 0
	for _, in := range Sample().Indicators {
		if isPlaceholder(in.Level1) || isPlaceholder(in.Level3) {
			continue
		}
		seed++
		e, ok := names[in.Name()]
		if !ok {
			t.Errorf("seed indicator %s missing", in.Name())
			continue
		}
		got := e.Indicator
		if got.Value != in.Value || got.Explain != in.Explain || got.Note != in.Note || got.Formula != in.Formula || got.Sub != in.Sub {
			t.Errorf("%s differs from the seed: %+v", in.Name(), got)
		}
		if e.Source != LibrarySeed {
			t.Errorf("%s: source %q", in.Name(), e.Source)
		}
	}
	if seed != 40 || count[LibrarySeed] != seed {
		t.Errorf("%d non-placeholder seed indicators (%d in the library), want 40", seed, count[LibrarySeed])
	}
	if count[LibraryCommon] != len(libraryCommon) {
		t.Errorf("library has %d common entries, want %d", count[LibraryCommon], len(libraryCommon))
	}
	// The explanation of a merged cell is filled in (专项资金细化率 shares
	// 预算编制完整性's), and the 运行成本 rates are their own entries.
	if e := names["专项资金细化率"]; e.Indicator.Explain == "" || e.Indicator.Formula != "专项资金细化率" {
		t.Errorf("专项资金细化率: %+v", e.Indicator)
	}
	for _, sub := range []string{"在职人员经费变动率", "离退休人员经费变动率", "人均公用经费变动率", "“三公经费”变动率", "厉行节约支出变动率", "总体成本节约率"} {
		e, ok := names[sub]
		if !ok || e.Indicator.Level3 != "成本控制成效" || e.Indicator.Formula != sub {
			t.Errorf("%s: %+v", sub, e.Indicator)
		}
	}
	// Fresh values each call.
	lib[0].Indicator.Value = "changed"
	if Library()[0].Indicator.Value == "changed" {
		t.Error("Library shares its entries")
	}
	if e, ok := LibraryFind("资产闲置率"); !ok || e.Source != LibraryCommon {
		t.Errorf("LibraryFind(资产闲置率) = %+v, %v", e, ok)
	}
	// A name in the seed and in a framework is found as the seed's.
	if e, ok := LibraryFind("“三公经费”变动率"); !ok || e.Source != LibrarySeed {
		t.Errorf("LibraryFind(“三公经费”变动率) = %+v, %v", e, ok)
	}
	if e, _ := LibraryFind("预算执行率"); true {
		f, ok := e.Formula()
		if !ok || len(f.Inputs) != 2 || f.Inputs[0] != "预算执行数" || f.Inputs[1] != "预算数" {
			t.Errorf("预算执行率 formula %+v, %v", f, ok)
		}
	}
	if e, _ := LibraryFind("目标依据充分性"); true {
		if _, ok := e.Formula(); ok {
			t.Error("目标依据充分性 has a formula")
		}
	}
	if _, ok := LibraryFind("....."); ok {
		t.Error("LibraryFind found a placeholder")
	}
}

func TestIsFiller(t *testing.T) {
	tests := map[string]bool{
		".....": true, "……": true, " … ": true, "。。。": true, "XXX": true, "×××": true,
		"重要改革事项1": true, "重要改革事项2": true, "重点创新事项1": true, "重点工作事项３": true, "指标1": true,
		"": false, "预算执行率": false, "充分": false, "6.6世界环境日宣传项目": false,
		"郑州市VOCS污染源在线监控平台建设项目（尾款）": false, "第十一届少数民族传统体育运动会空气质量保障资金": false,
		"高层次领军人才数量": false, "2020年全市水功能区及入河排污口水质监测、生态补偿断面监测项目": false,
	}
	for in, want := range tests {
		if got := IsFiller(in); got != want {
			t.Errorf("IsFiller(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseYear(t *testing.T) {
	tests := map[string]int{"2020": 2020, " 2021 ": 2021, "２０２１": 2021, "2021年": 2021, "2021年度": 2021,
		"": 0, "20": 0, "202l": 0, "3020": 0, "1899": 0, "20200": 0, "二〇二一": 0}
	for in, want := range tests {
		got, ok := ParseYear(in)
		if ok != (want != 0) || got != want {
			t.Errorf("ParseYear(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"按月发放聘用人员工资, 养老", "按月发放聘用人员工资,养老", true},
		{" 6.6世界环境日 ", "６．６世界环境日", true},
		{"目标(三年)", "目标（三年）", true}, // U+FF08 and U+FF09 fold to ( and )
		{"abc", "abd", false},
		{"abc", "abcd", false},
		{"", "  ", true},
	}
	for _, tc := range tests {
		if got := sameText(tc.a, tc.b); got != tc.same {
			t.Errorf("sameText(%q, %q) = %v", tc.a, tc.b, got)
		}
		if tc.same && textKey(tc.a) != textKey(tc.b) {
			t.Errorf("textKey(%q) != textKey(%q)", tc.a, tc.b)
		}
	}
}

func TestFoldRuneMatchesIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if (foldRune(r) < 0) != unicode.IsSpace(r) {
			t.Fatalf("%U: fold %d, IsSpace %v", r, foldRune(r), unicode.IsSpace(r))
		}
	}
}
