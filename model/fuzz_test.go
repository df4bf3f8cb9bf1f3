package model

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseAmount: ParseAmount never panics, always keeps the raw text,
// and a valid amount formats (with or without thousands separators) and
// re-parses to the same value. The seed corpus is in
// testdata/fuzz/FuzzParseAmount.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1273.3", "1,273.30", " 1273.3 ", "１２７３．３", "１，２７３", "1273.3万元", "abc", "1.2.3", "-5", "1.23456", "100000000.0001", "1e5", "", "115万", "0.0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseAmount(s)
		if a.Raw() != s {
			t.Fatalf("raw %q, typed %q", a.Raw(), s)
		}
		switch a.State() {
		case AmountValid:
			m := a.Money()
			if m < 0 || m > MaxAmount || a.Reason() != "" {
				t.Fatalf("ParseAmount(%q) = %d, reason %q", s, m, a.Reason())
			}
			for _, th := range []bool{false, true} {
				b := ParseAmount(FormatMoney(m, th))
				if !b.Valid() || b.Money() != m {
					t.Fatalf("%q = %d formats as %q which parses to %+v", s, m, FormatMoney(m, th), b)
				}
			}
			if !strings.ContainsAny(normalizeNumber(s), "0123456789") {
				t.Fatalf("%q valid without a digit", s)
			}
		case AmountInvalid:
			if a.Reason() == "" || a.Money() != 0 || strings.Contains(a.Reason(), "%!") && !strings.Contains(s, "%!") || !utf8.ValidString(a.Reason()) {
				t.Fatalf("ParseAmount(%q): invalid with reason %q, value %d", s, a.Reason(), a.Money())
			}
		case AmountEmpty:
			if a.Reason() != "" || a.Money() != 0 {
				t.Fatalf("ParseAmount(%q): empty with reason %q", s, a.Reason())
			}
		default:
			t.Fatalf("state %d", a.State())
		}
		if !utf8.ValidString(s) {
			return // JSON would replace the invalid bytes
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back Amount
		if err := json.Unmarshal(b, &back); err != nil || back != a {
			t.Fatalf("JSON round trip of %q: %+v, %v", s, back, err)
		}
	})
}

// FuzzParseTarget: ParseTarget never panics, keeps the raw text, gives a
// reason for every invalid value, and a number with a usual unit shows
// (String) as a value that parses back to the same target.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"100%", "≥98%", "≤20%", ">=95%", "≥ 98 %", "不低于90%", "不高于5%", "28.8万元", "3次", "47个", "充分", "符合要求", "≥", "1.2.3%", "98%以上", "≤-5%", "0.98", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg := ParseTarget(s)
		if tg.Raw != s {
			t.Fatalf("raw %q, typed %q", tg.Raw, s)
		}
		switch tg.Kind {
		case TargetEmpty:
			if strings.TrimSpace(normalizeNumber(s)) != "" {
				t.Fatalf("%q empty", s)
			}
		case TargetQualitative:
			if tg.Text == "" {
				t.Fatalf("%q qualitative without text", s)
			}
		case TargetInvalid:
			if tg.Reason == "" || strings.Contains(tg.Reason, "%!") && !strings.Contains(s, "%!") || !utf8.ValidString(tg.Reason) {
				t.Fatalf("%q invalid with reason %q", s, tg.Reason)
			}
		case TargetNumber:
			switch tg.Unit {
			case "", "%", "万元", "次", "个", "人", "元", "项":
				back := ParseTarget(tg.String())
				if back.Kind != TargetNumber || back.Cmp != tg.Cmp || !back.Number.Equal(tg.Number) || back.Unit != tg.Unit {
					t.Fatalf("%q → %q → %+v", s, tg.String(), back)
				}
			}
		default:
			t.Fatalf("kind %d", tg.Kind)
		}
		tg.Reaches(tg.Number) // never panics
	})
}
