package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in units of 0.0001 万元, that is one 元.
// The form's amounts have at most 4 decimals in 万元 and are at most
// 10^8 万元, so an int64 holds them and any sum of them without loss.
// Money is never a float.
type Money int64

// MoneyScale is the number of decimals of 万元 that Money keeps.
const MoneyScale = 4

// MaxAmount is the largest amount accepted, in Money units (10^8 万元).
const MaxAmount Money = 100_000_000 * 10_000

// Decimal returns m in 万元.
func (m Money) Decimal() decimal.Decimal { return decimal.New(int64(m), -MoneyScale) }

// String formats m in 万元 with up to 4 decimals and no trailing zeros:
// 191.2176, 115, 81.6.
func (m Money) String() string { return FormatMoney(m, false) }

// FormatMoney formats m in 万元 with up to 4 decimals and, when thousands
// is true, with thousands separators (7,898.5676).
func FormatMoney(m Money, thousands bool) string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = uint64(-m)
	}
	ip, fp := u/10_000, u%10_000
	is := fmt.Sprint(ip)
	if thousands && len(is) > 3 {
		var b strings.Builder
		first := len(is) % 3
		if first > 0 {
			b.WriteString(is[:first])
		}
		for i := first; i < len(is); i += 3 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(is[i : i+3])
		}
		is = b.String()
	}
	if neg {
		is = "-" + is
	}
	if fp == 0 {
		return is
	}
	fs := strings.TrimRight(fmt.Sprintf("%04d", fp), "0")
	return is + "." + fs
}

// AmountState tells what an Amount holds.
type AmountState uint8

const (
	AmountEmpty   AmountState = iota // nothing typed
	AmountValid                      // a number the form can use
	AmountInvalid                    // text that is not an amount; Err says why
)

// Amount is one money cell of the form as the clerk typed it: the raw text
// is always kept (nothing typed is ever lost), and the parsed value or the
// reason it could not be read is kept beside it, so totals never re-parse.
// The zero Amount is empty. Amounts are values; copy them freely.
type Amount struct {
	raw   string
	val   Money
	state AmountState
	err   string
}

// ParseAmount reads what a clerk typed or pasted into an amount cell (万元).
// It accepts 1273.3, 1,273.30, " 1273.3 ", full-width digits and
// punctuation (１２７３．３, １，２７３) and a trailing 万元. It never fails:
// a text that is not an amount gives an invalid Amount with its reason.
func ParseAmount(raw string) Amount {
	v, err := parseMoney(raw)
	switch {
	case err == errEmpty:
		return Amount{raw: raw}
	case err != nil:
		return Amount{raw: raw, state: AmountInvalid, err: err.Error()}
	}
	return Amount{raw: raw, val: v, state: AmountValid}
}

// AmountOf returns the valid Amount for m, its raw text the formatted value.
func AmountOf(m Money) Amount {
	return Amount{raw: FormatMoney(m, false), val: m, state: AmountValid}
}

// MustAmount parses s and panics when it is not a valid amount.
// It is meant for literals in tests and built-in data.
func MustAmount(s string) Amount {
	a := ParseAmount(s)
	if a.state != AmountValid {
		panic(fmt.Sprintf("model.MustAmount(%q): %s", s, a.err))
	}
	return a
}

// Raw is the text as typed.
func (a Amount) Raw() string { return a.raw }

// State tells whether a is empty, valid or invalid.
func (a Amount) State() AmountState { return a.state }

// IsEmpty reports whether nothing (or only blanks) was typed.
func (a Amount) IsEmpty() bool { return a.state == AmountEmpty }

// Valid reports whether a holds a usable number.
func (a Amount) Valid() bool { return a.state == AmountValid }

// Money is the value (0 unless Valid).
func (a Amount) Money() Money { return a.val }

// Decimal is the value in 万元 (0 unless Valid).
func (a Amount) Decimal() decimal.Decimal { return a.val.Decimal() }

// Reason is the plain Chinese reason an invalid amount cannot be read,
// without the place; "" when a is empty or valid.
func (a Amount) Reason() string { return a.err }

// String is the formatted value when valid, else the raw text.
func (a Amount) String() string {
	if a.state == AmountValid {
		return FormatMoney(a.val, false)
	}
	return a.raw
}

// MarshalJSON writes the raw text, so that invalid input survives a round trip.
func (a Amount) MarshalJSON() ([]byte, error) { return json.Marshal(a.raw) }

// UnmarshalJSON reads the raw text and parses it. A JSON number is accepted too.
func (a *Amount) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		var n json.Number
		if err2 := json.Unmarshal(b, &n); err2 != nil {
			return Errorf(EINVALID, "金额应为文字或数字：%s", string(b))
		}
		s = n.String()
	}
	*a = ParseAmount(s)
	return nil
}

// AmountError is the reason a text is not an amount.
type AmountError struct {
	Msg string // plain Chinese, without the place
}

// Error returns the message.
func (e *AmountError) Error() string { return e.Msg }

// ErrorCode is EINVALID: the text is to be corrected.
func (e *AmountError) ErrorCode() string { return EINVALID }

var errEmpty = &AmountError{"未填写金额"}

func amountErr(format string, args ...any) error {
	return &AmountError{fmt.Sprintf(format, args...)}
}

// NormalizeNumber folds full-width digits and punctuation to ASCII
// (２０２０ → 2020, ． → .) and trims every kind of blank: what the form's
// readers of numbers, amounts and years see before they parse.
func NormalizeNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．' || r == '。':
			return '.'
		case r == '，' || r == '、':
			return ','
		case r == '－' || r == '—' || r == '−' || r == '–':
			return '-'
		case r == '＋':
			return '+'
		case r == '％':
			return '%'
		case r == '＞':
			return '>'
		case r == '＜':
			return '<'
		case r == '＝':
			return '='
		case r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func parseMoney(raw string) (Money, error) {
	s := NormalizeNumber(raw)
	// The form's unit is 万元: a trailing 万元 (or just 万, as in “115万”)
	// says the same and is dropped.
	if t, ok := strings.CutSuffix(s, "万元"); ok {
		s = strings.TrimSpace(t)
	} else if t, ok := strings.CutSuffix(s, "万"); ok && t != "" {
		s = strings.TrimSpace(t)
	}
	if s == "" {
		return 0, errEmpty
	}
	if len(s) > 1 && s[0] == '-' && (s[1] >= '0' && s[1] <= '9' || s[1] == '.') {
		return 0, amountErr("预算金额不能为负数（“%s”），请填写0或正数", shown(raw))
	}
	if strings.HasSuffix(s, "元") || strings.HasSuffix(s, "亿") {
		return 0, amountErr("金额的单位是万元，请只填写数字（如 115 或 81.6），不要写“%s”", lastRune(s))
	}
	intPart, fracPart, dots := s, "", strings.Count(s, ".")
	if dots > 1 {
		return 0, amountErr("金额“%s”有%d个小数点，只能有一个", shown(raw), dots)
	}
	if dots == 1 {
		i := strings.IndexByte(s, '.')
		intPart, fracPart = s[:i], s[i+1:]
	}
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '.' || r == ',' {
			continue
		}
		if r == 'e' || r == 'E' {
			if hasDigitAround(s, 'e') || hasDigitAround(s, 'E') {
				return 0, amountErr("金额不能用科学计数法（“%s”），请写成普通数字", shown(raw))
			}
		}
		if unicode.IsSpace(r) {
			return 0, amountErr("金额“%s”中间有空格，请删去空格", shown(raw))
		}
		return 0, amountErr("金额“%s”含有非数字字符“%c”，请只填写数字（单位：万元）", shown(raw), r)
	}
	if strings.Contains(fracPart, ",") {
		return 0, amountErr("金额“%s”的小数部分有逗号，请检查", shown(raw))
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		ok := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3
		}
		if !ok {
			return 0, amountErr("金额“%s”的千分位逗号位置不对，应每三位一个（如 1,273.3）", shown(raw))
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if intPart == "" && fracPart == "" {
		return 0, amountErr("金额“%s”不是数字，请填写数字（单位：万元）", shown(raw))
	}
	// Trailing zeros beyond the 4th decimal change nothing (1273.30000 is
	// 1273.3 exactly, as spreadsheets sometimes paste it); any other 5th
	// decimal would need rounding, which is never done silently.
	typedDecimals := len(fracPart)
	if len(fracPart) > MoneyScale {
		fracPart = fracPart[:MoneyScale] + strings.TrimRight(fracPart[MoneyScale:], "0")
	}
	if len(fracPart) > MoneyScale {
		return 0, amountErr("金额“%s”有%d位小数，最多4位（精确到元）；请核对后改正，系统不会自动四舍五入", shown(raw), typedDecimals)
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 9 {
		return 0, amountErr("金额“%s”过大（超过1亿万元），请检查是否多写了位数；单位是万元", shown(raw))
	}
	var v int64
	for _, c := range intPart {
		v = v*10 + int64(c-'0')
	}
	fp := fracPart + strings.Repeat("0", MoneyScale-len(fracPart))
	for _, c := range fp {
		v = v*10 + int64(c-'0')
	}
	if Money(v) > MaxAmount {
		return 0, amountErr("金额“%s”过大（超过1亿万元），请检查是否多写了位数；单位是万元", shown(raw))
	}
	return Money(v), nil
}

// shown is raw as a message quotes it: trimmed, invalid bytes replaced,
// and cut to 40 characters so a long paste does not flood the message.
func shown(raw string) string {
	s := strings.ToValidUTF8(strings.TrimSpace(raw), "\uFFFD")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

func hasDigitAround(s string, c byte) bool {
	i := strings.IndexByte(s, c)
	return i > 0 && i < len(s)-1 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.') &&
		(s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == '+' || s[i+1] == '-')
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}
