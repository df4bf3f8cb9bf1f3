package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Cmp is the comparison a 指标值 asks for.
type Cmp uint8

const (
	CmpEQ Cmp = iota // 100%, 3次
	CmpGE            // ≥98%, 不低于90%
	CmpLE            // ≤20%, 不高于5%
	CmpGT            // >95%
	CmpLT            // <5%
)

// String is the comparison's sign: =, ≥, ≤, > or <.
func (c Cmp) String() string {
	if c > CmpLT {
		return "?"
	}
	return [...]string{"=", "≥", "≤", ">", "<"}[c]
}

// TargetKind tells what a 指标值 is.
type TargetKind uint8

const (
	TargetEmpty       TargetKind = iota // nothing typed
	TargetNumber                        // comparator + number + unit
	TargetQualitative                   // 充分, 合理, 有效 …
	TargetInvalid                       // looks like a number but cannot be read; Reason says why
)

// Target is a parsed 指标值.
type Target struct {
	Raw    string          // as typed
	Kind   TargetKind      // empty, number, qualitative or invalid
	Cmp    Cmp             // the comparison (TargetNumber)
	Number decimal.Decimal // the figure (TargetNumber), e.g. 98 for ≥98%
	Unit   string          // "%", "万元", "次", "个", … ("" for a bare number)
	Text   string          // the qualitative value, trimmed
	Reason string          // why a TargetInvalid value cannot be read
}

// Percent reports whether the target is a percentage.
func (t Target) Percent() bool { return t.Kind == TargetNumber && t.Unit == "%" }

// String shows the target in normal form: ≥98%, 28.8万元, 充分.
func (t Target) String() string {
	switch t.Kind {
	case TargetNumber:
		c := ""
		if t.Cmp != CmpEQ {
			c = t.Cmp.String()
		}
		return c + t.Number.String() + t.Unit
	case TargetQualitative:
		return t.Text
	}
	return t.Raw
}

// QualitativeValues are the usual qualitative 指标值 of the form.
var QualitativeValues = []string{"充分", "合理", "有效", "完整", "规范", "合规", "符合要求", "完备", "成效明显", "明显", "良好", "优秀", "达标", "及时", "准确"}

var cmpPrefixes = []struct {
	s string
	c Cmp
}{
	{"大于或等于", CmpGE}, {"大于等于", CmpGE}, {"不低于", CmpGE}, {"不少于", CmpGE}, {"不小于", CmpGE}, {"至少", CmpGE},
	{"小于或等于", CmpLE}, {"小于等于", CmpLE}, {"不高于", CmpLE}, {"不超过", CmpLE}, {"不多于", CmpLE}, {"不大于", CmpLE}, {"至多", CmpLE}, {"控制在", CmpLE},
	{">=", CmpGE}, {"≥", CmpGE}, {"≧", CmpGE}, {"=>", CmpGE},
	{"<=", CmpLE}, {"≤", CmpLE}, {"≦", CmpLE}, {"=<", CmpLE},
	{"大于", CmpGT}, {"高于", CmpGT}, {">", CmpGT}, {"＞", CmpGT},
	{"小于", CmpLT}, {"低于", CmpLT}, {"<", CmpLT}, {"＜", CmpLT},
	{"等于", CmpEQ}, {"=", CmpEQ}, {"＝", CmpEQ},
}

var cmpSuffixes = []struct {
	s string
	c Cmp
}{{"及以上", CmpGE}, {"以上", CmpGE}, {"及以下", CmpLE}, {"以下", CmpLE}, {"以内", CmpLE}}

// ParseTarget reads a 指标值: 100%, ≥98%, ≤20%, >=95%, ≥ 98 %, 不低于90%,
// 不高于5%, 28.8万元, 3次, 47个, or a qualitative value such as 充分.
// A value that starts like a number but cannot be read is TargetInvalid.
func ParseTarget(raw string) Target {
	t := Target{Raw: raw}
	s := strings.ReplaceAll(NormalizeNumber(raw), " ", "")
	if s == "" {
		t.Kind = TargetEmpty
		return t
	}
	// symbol is set when a comparison sign (≥, <=, …) starts the value: it
	// must be followed by a number. A word (不低于, 以上) may qualify a
	// qualitative value too: 不低于上年水平, 良好以上.
	rest, symbol, prefix := s, false, false
	for _, p := range cmpPrefixes {
		if strings.HasPrefix(rest, p.s) {
			t.Cmp, rest, prefix = p.c, rest[len(p.s):], true
			symbol = p.s[0] < utf8.RuneSelf || strings.ContainsAny(p.s, "≥≧≤≦＞＜＝")
			break
		}
	}
	for _, p := range cmpSuffixes {
		if strings.HasSuffix(rest, p.s) {
			if !prefix {
				t.Cmp = p.c
			}
			rest = strings.TrimSuffix(rest, p.s)
			break
		}
	}
	// A change rate may aim below zero: ≤-5%.
	neg := len(rest) > 1 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9'
	if neg {
		rest = rest[1:]
	}
	n := 0
	for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.' || rest[n] == ',') {
		n++
	}
	if n == 0 {
		if symbol || strings.HasPrefix(rest, "-") {
			t.Kind, t.Reason = TargetInvalid, fmt.Sprintf("指标值“%s”应在比较符号后写数字，如 ≥98%%", shown(raw))
			return t
		}
		t.Kind, t.Cmp, t.Text = TargetQualitative, CmpEQ, strings.TrimSpace(NormalizeNumber(raw))
		return t
	}
	num, unit := strings.ReplaceAll(rest[:n], ",", ""), rest[n:]
	if neg {
		num = "-" + num
	}
	d, err := decimal.NewFromString(num)
	if err != nil || strings.Count(num, ".") > 1 || strings.HasPrefix(num, ".") && len(num) == 1 {
		t.Kind, t.Reason = TargetInvalid, fmt.Sprintf("指标值“%s”中的数字“%s”无法识别", shown(raw), rest[:n])
		return t
	}
	if strings.ContainsAny(unit, "0123456789") {
		t.Kind, t.Reason = TargetInvalid, fmt.Sprintf("指标值“%s”无法识别：数字后面应只写单位（如 %%、万元、次）", shown(raw))
		return t
	}
	if !validUnit(unit) {
		t.Kind, t.Reason = TargetInvalid, fmt.Sprintf("指标值“%s”的单位“%s”无法识别：数字后面只写单位，如 %%、万元、次、个", shown(raw), shown(unit))
		return t
	}
	t.Kind, t.Number, t.Unit = TargetNumber, d, unit
	return t
}

// validUnit reports whether u can be the unit after a 指标值's number:
// "" or "%", or letters (万元, 次, km) with the few signs units use
// (‰, ℃, ㎡, ², ³, /, ·). "%%" or an emoji is not a unit.
func validUnit(u string) bool {
	if u == "" || u == "%" {
		return true
	}
	for _, r := range u {
		switch {
		case unicode.IsLetter(r), strings.ContainsRune("‰℃㎡㎞²³/·", r):
		default:
			return false
		}
	}
	return true
}

// MetState is whether a computed value reaches its target.
type MetState uint8

const (
	MetUnknown MetState = iota // no value, or the target is not a number
	Met                        // 达标
	NotMet                     // 未达标
)

// String is 达标, 未达标 or "" (unknown).
func (m MetState) String() string {
	if m > NotMet {
		return ""
	}
	return [...]string{"", "达标", "未达标"}[m]
}

// Reaches compares v (in the target's unit; a percentage as 98.5) with t.
func (t Target) Reaches(v decimal.Decimal) MetState {
	if t.Kind != TargetNumber {
		return MetUnknown
	}
	c := v.Cmp(t.Number)
	ok := false
	switch t.Cmp {
	case CmpEQ:
		// 100% means "all": reaching or passing the figure counts.
		ok = c >= 0
	case CmpGE:
		ok = c >= 0
	case CmpLE:
		ok = c <= 0
	case CmpGT:
		ok = c > 0
	case CmpLT:
		ok = c < 0
	}
	if ok {
		return Met
	}
	return NotMet
}
