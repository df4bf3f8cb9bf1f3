package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsPlaceholder reports whether s is template filler that still needs real
// content: dots or an ellipsis (.....、……、。。。), crosses (XXX、×××) or a
// numbered template name such as 重要改革事项1 or 重点创新事项2.
func IsPlaceholder(s string) bool { return isPlaceholder(s) }

func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	filler := true
	for _, r := range s {
		if !strings.ContainsRune(".。…·．‥、-—_ \u3000xX×＊*○", r) {
			filler = false
			break
		}
	}
	if filler {
		return true
	}
	stem := strings.TrimRightFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || r >= '０' && r <= '９'
	})
	if stem == s || utf8.RuneCountInString(stem) > 8 {
		return false
	}
	for _, end := range []string{"事项", "指标", "任务", "项目", "目标", "工作"} {
		if strings.HasSuffix(stem, end) {
			return true
		}
	}
	return false
}

// sameText is the form of a text used to find duplicates: blanks removed,
// full-width ASCII folded, so that texts differing only in spacing or
// punctuation width count as the same.
func sameText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseYear reads a 年度 as typed: 2021, ２０２１, 2021年 or 2021年度. It
// reports false unless the year is a plausible 4-digit year (1990–2100).
func ParseYear(s string) (int, bool) {
	s = normalizeNumber(s)
	s = strings.TrimSuffix(s, "年度")
	s = strings.TrimSuffix(s, "年")
	s = strings.TrimSpace(s)
	if len(s) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1990 || n > 2100 {
		return 0, false
	}
	return n, true
}

// YearNumber is f's 年度 as a number; false when it is missing or not a
// plausible 4-digit year.
func (f *Form) YearNumber() (int, bool) { return ParseYear(f.Year) }
