package model

import (
	"testing"
	"unicode"
)

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
		if got := SameText(tc.a, tc.b); got != tc.same {
			t.Errorf("SameText(%q, %q) = %v", tc.a, tc.b, got)
		}
		if tc.same && TextKey(tc.a) != TextKey(tc.b) {
			t.Errorf("TextKey(%q) != TextKey(%q)", tc.a, tc.b)
		}
	}
}

func TestFoldRuneMatchesIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if (FoldRune(r) < 0) != unicode.IsSpace(r) {
			t.Fatalf("%U: fold %d, IsSpace %v", r, FoldRune(r), unicode.IsSpace(r))
		}
	}
}
