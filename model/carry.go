package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Replacement is one change of the old year in a text made by
// CarryForward, for the clerk to review.
type Replacement struct {
	Loc    Location // the text's place
	Offset int      // byte offset of Old in the original text (Before)
	Old    string   // what was found: "2020年", "2020年度" or a bare "2020"
	New    string   // what replaces it: "2021年", "2021年度", "2021"
	Before string   // the whole text before any replacement
	// After is the whole text with this one replacement made (other
	// replacements in the same text are not), so each can be judged alone.
	After   string
	Applied bool // whether keep accepted it (the new form has it)
}

// CarryForward makes the next year's form from prev (复制上年): everything
// is copied deeply; the year becomes newYear; the formula inputs are
// cleared (they are last year's data); the amounts are kept but marked
// Task.Review and also kept as Task.Prev (上年数); and every occurrence of
// prev's year in the texts (2020年, 2020年度, and a bare 2020 that is a year
// — not part of a longer number, an amount such as 2020万元 or a document
// number such as 〔2020〕) is replaced by the new year.
//
// Each replacement is returned, in form order, with its place; keep decides
// which are made (nil keeps all), and Applied records the decision. Meta
// records the origin; the caller sets Meta.OriginDraft when it knows the
// draft's id. prev is not changed. The error, in plain Chinese, says when
// newYear is not a plausible 4-digit year.
func CarryForward(prev *Form, newYear string, keep func(Replacement) bool) (*Form, []Replacement, error) {
	if prev == nil {
		return nil, nil, Errorf(EINVALID, "没有可以复制的申报表")
	}
	ny, ok := ParseYear(newYear)
	if !ok {
		return nil, nil, Errorf(EINVALID, "新年度“%s”不是有效的年份，请填写4位数字的年份，如 2021", strings.TrimSpace(newYear))
	}
	f := prev.Clone()
	now := time.Now()
	f.Version = SchemaVersion
	f.Year = strconv.Itoa(ny)
	f.Meta = Meta{Created: now, Updated: now, PrevYear: strings.TrimSpace(prev.Year),
		Origin: fmt.Sprintf("复制自“%s %s年度”", strings.TrimSpace(prev.Dept), strings.TrimSpace(prev.Year))}

	y := yearSwap{keep: keep}
	if old, ok := ParseYear(prev.Year); ok && old != ny {
		y.old, y.new = strconv.Itoa(old), f.Year
	}
	for i := range f.Goals {
		y.text(goalLoc(i), &f.Goals[i].Text)
	}
	for u := range f.Units {
		unit := &f.Units[u]
		y.text(unitLoc(u, FieldUnitName), &unit.Name)
		for r := range unit.Tasks {
			t := &unit.Tasks[r]
			y.text(taskLoc(u, r, FieldContent), &t.Content)
			y.text(taskLoc(u, r, FieldTaskNote), &t.Note)
			t.Prev = &PrevAmounts{Total: t.Total, Fiscal: t.Fiscal, Other: t.Other}
			t.Review = true
		}
	}
	for r := range f.Indicators {
		in := &f.Indicators[r]
		for _, fl := range []struct {
			f Field
			s *string
		}{{FieldLevel1, &in.Level1}, {FieldLevel2, &in.Level2}, {FieldLevel3, &in.Level3}, {FieldSub, &in.Sub},
			{FieldValue, &in.Value}, {FieldExplain, &in.Explain}, {FieldNote, &in.Note}, {FieldScoring, &in.Scoring}} {
			y.text(indLoc(r, fl.f), fl.s)
		}
		in.Inputs = nil
	}
	carryStages(prev, f)
	carryYears(prev, f, ny)
	return f, y.out, nil
}

// yearSwap replaces old by new in texts and records each replacement.
type yearSwap struct {
	old, new string
	keep     func(Replacement) bool
	out      []Replacement
}

func (y *yearSwap) text(loc Location, s *string) {
	if y.old == "" || !strings.Contains(*s, y.old) {
		return
	}
	orig := *s
	var b strings.Builder
	last := 0
	for _, m := range findYear(orig, y.old) {
		r := Replacement{Loc: loc, Offset: m.off, Old: orig[m.off : m.off+m.n], Before: orig}
		r.New = y.new + r.Old[len(y.old):]
		r.After = orig[:m.off] + r.New + orig[m.off+m.n:]
		r.Applied = y.keep == nil || y.keep(r)
		if r.Applied {
			b.WriteString(orig[last:m.off])
			b.WriteString(r.New)
			last = m.off + m.n
		}
		y.out = append(y.out, r)
	}
	if last > 0 {
		b.WriteString(orig[last:])
		*s = b.String()
	}
}

type yearMatch struct{ off, n int }

// findYear returns where year (4 ASCII digits) stands for a year in s:
// followed by 年度 or 年, or alone when it is not part of a longer number,
// a decimal, an amount or count (2020万元, 2020个) or a document number
// (〔2020〕).
func findYear(s, year string) []yearMatch {
	var out []yearMatch
	for from := 0; ; {
		i := strings.Index(s[from:], year)
		if i < 0 {
			return out
		}
		i += from
		j := i + len(year)
		from = j
		before, bn := utf8.DecodeLastRuneInString(s[:i])
		after, an := utf8.DecodeRuneInString(s[j:])
		before2, _ := utf8.DecodeLastRuneInString(s[:i-bn])
		after2, _ := utf8.DecodeRuneInString(s[j+an:])
		if i == 0 {
			before = 0
		}
		if j == len(s) {
			after = 0
		}
		if isDigitRune(before) || isDigitRune(after) || isASCIILetter(before) || isASCIILetter(after) {
			continue
		}
		switch {
		case strings.HasPrefix(s[j:], "年度"):
			out = append(out, yearMatch{i, len(year) + len("年度")})
			continue
		case after == '年':
			out = append(out, yearMatch{i, len(year) + len("年")})
			continue
		}
		// A bare number: a year only when nothing makes it a quantity.
		if strings.ContainsRune(".,，．", before) && isDigitRune(before2) || strings.ContainsRune(".,，．", after) && isDigitRune(after2) {
			continue
		}
		if strings.ContainsRune("万亿千百元个次人台辆套项家件吨米%％号户名所条座处亩公平立", after) {
			continue
		}
		if strings.ContainsRune("〔[［【", before) || strings.ContainsRune("〕]］】", after) {
			continue
		}
		out = append(out, yearMatch{i, len(year)})
	}
}

func isDigitRune(r rune) bool   { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// ChangePercent is the change from prev to cur in percent, rounded to 2
// decimals: (cur − prev) ÷ prev × 100, e.g. 12.5 for +12.5%. It reports
// false when prev is 0 (no change can be stated).
func ChangePercent(prev, cur Money) (decimal.Decimal, bool) {
	if prev == 0 {
		return decimal.Zero, false
	}
	d := decimal.NewFromInt(int64(cur-prev)).Mul(hundred).DivRound(decimal.NewFromInt(int64(prev)), 2)
	return d, true
}

// FormatChange shows the change from prev to cur as the editor's 增减%
// column does: +12.50%, -3.20%, 0.00%; 新增 when there was nothing last year
// and — when both are 0.
func FormatChange(prev, cur Money) string {
	d, ok := ChangePercent(prev, cur)
	switch {
	case ok && d.IsPositive():
		return "+" + d.StringFixed(2) + "%"
	case ok:
		return d.StringFixed(2) + "%"
	case cur != 0:
		return "新增"
	}
	return "—"
}

// PrevChange is the change of the row's 合计 against its 上年数 in percent
// (see ChangePercent); false when the row has no 上年数 or either amount is
// not a valid number.
func (t *Task) PrevChange() (decimal.Decimal, bool) {
	if t.Prev == nil || !t.Prev.Total.Valid() || !t.Total.Valid() {
		return decimal.Zero, false
	}
	return ChangePercent(t.Prev.Total.Money(), t.Total.Money())
}
