package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// IsFiller reports whether s is template filler that still needs real
// content: dots or an ellipsis (.....、……、。。。), crosses (XXX、×××) or a
// numbered template name such as 重要改革事项1 or 重点创新事项2 — what 审核
// reports and the 指标库 leaves out. It is wider than
// recognize.IsPlaceholder, which is only the "....." rows of a printed
// form (an import keeps 重点任务1, it is a clerk's row).
func IsFiller(s string) bool {
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

// TextKey identifies a text for finding duplicates without allocating:
// a 64-bit FNV-1a hash of the text with blanks removed and full-width
// ASCII folded, so texts differing only in spacing or punctuation width
// count as the same. A hash match is confirmed with SameText.
func TextKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range s {
		if r = FoldRune(r); r >= 0 {
			h ^= uint64(r)
			h *= 1099511628211
		}
	}
	return h
}

// FoldRune folds full-width ASCII to ASCII and returns -1 for blanks
// (those of unicode.IsSpace, tested without a table lookup).
func FoldRune(r rune) rune {
	switch {
	case r < 0x80:
		if r == ' ' || r >= '\t' && r <= '\r' {
			return -1
		}
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000' || r == '\u00a0' || r == '\u0085' || r == '\u1680' || r >= '\u2000' && r <= '\u200a' ||
		r == '\u2028' || r == '\u2029' || r == '\u202f' || r == '\u205f':
		return -1
	}
	return r
}

// SameText reports whether a and b are the same text but for blanks and
// the width of ASCII characters.
func SameText(a, b string) bool {
	i, j := 0, 0
	for {
		var ra, rb rune = -1, -1
		for ra < 0 && i < len(a) {
			r, n := utf8.DecodeRuneInString(a[i:])
			ra, i = FoldRune(r), i+n
		}
		for rb < 0 && j < len(b) {
			r, n := utf8.DecodeRuneInString(b[j:])
			rb, j = FoldRune(r), j+n
		}
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// dupIndex finds earlier texts equal to a new one (see SameText).
type dupIndex map[uint64]int

// seen returns the index of an earlier text equal to s and true, or
// records s as index i and returns false.
func (d dupIndex) seen(s string, i int, text func(int) string) (int, bool) {
	k := TextKey(s)
	if j, ok := d[k]; ok && SameText(text(j), s) {
		return j, true
	} else if !ok {
		d[k] = i
	}
	return 0, false
}

// ParseYear reads a 年度 as typed: 2021, ２０２１, 2021年 or 2021年度. It
// reports false unless the year is a plausible 4-digit year (1990–2100).
func ParseYear(s string) (int, bool) {
	s = NormalizeNumber(s)
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
