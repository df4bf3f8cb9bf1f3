package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		state AmountState
		want  string // the value formatted (valid), or a phrase the reason must contain (invalid)
	}{
		// Accepted.
		{"integer", "115", AmountValid, "115"},
		{"one decimal", "1273.3", AmountValid, "1273.3"},
		{"four decimals", "191.2176", AmountValid, "191.2176"},
		{"thousands separators", "1,273.30", AmountValid, "1273.3"},
		{"blanks around", " 1273.3 ", AmountValid, "1273.3"},
		{"tab and newline around", "\t81.6\n", AmountValid, "81.6"},
		{"ideographic space around", "\u30001273.3\u3000", AmountValid, "1273.3"},
		{"non-breaking space around", "\u00a0115\u00a0", AmountValid, "115"},
		{"full-width digits and point", "１２７３．３", AmountValid, "1273.3"},
		{"full-width thousands comma", "１，２７３", AmountValid, "1273"},
		{"trailing 万元", "1273.3万元", AmountValid, "1273.3"},
		{"trailing 万元 after a blank", "1273.3 万元", AmountValid, "1273.3"},
		{"trailing 万", "115万", AmountValid, "115"},
		{"zero", "0", AmountValid, "0"},
		{"leading zeros", "007.50", AmountValid, "7.5"},
		{"leading point", ".5", AmountValid, "0.5"},
		{"trailing point", "5.", AmountValid, "5"},
		{"trailing zeros beyond 4 decimals", "1273.300000", AmountValid, "1273.3"},
		{"largest allowed", "100000000", AmountValid, "100000000"},
		{"millions with separators", "12,345,678.9", AmountValid, "12345678.9"},
		{"ideographic full stop as point", "81。6", AmountValid, "81.6"},
		// Empty.
		{"nothing", "", AmountEmpty, ""},
		{"only blanks", "  \u3000 ", AmountEmpty, ""},
		// Rejected, with the reason.
		{"letters", "abc", AmountInvalid, "非数字字符“a”"},
		{"letter inside", "12O.5", AmountInvalid, "非数字字符“O”"},
		{"two decimal points", "1.2.3", AmountInvalid, "有2个小数点，只能有一个"},
		{"negative", "-5", AmountInvalid, "不能为负数"},
		{"full-width minus", "－81.6", AmountInvalid, "不能为负数"},
		{"five decimals", "1.23456", AmountInvalid, "有5位小数，最多4位"},
		{"six decimals ending in zero", "0.123450", AmountInvalid, "有6位小数，最多4位"},
		{"more than 10^8", "100000000.0001", AmountInvalid, "过大"},
		{"far too many digits", "1234567890", AmountInvalid, "过大"},
		{"exponent", "1e5", AmountInvalid, "科学计数法"},
		{"exponent with sign", "1.2E+3", AmountInvalid, "科学计数法"},
		{"space in the middle", "12 73", AmountInvalid, "中间有空格"},
		{"yuan instead of 万元", "1273元", AmountInvalid, "单位是万元"},
		{"亿", "1.5亿", AmountInvalid, "不要写“亿”"},
		{"misplaced thousands separator", "12,73", AmountInvalid, "千分位逗号位置不对"},
		{"comma in the decimals", "1.2,3", AmountInvalid, "小数部分有逗号"},
		{"only a point", ".", AmountInvalid, "不是数字"},
		{"only a minus", "-", AmountInvalid, "非数字字符“-”"},
		{"percent", "98%", AmountInvalid, "非数字字符“%”"},
		{"formula pasted", "=A1+B1", AmountInvalid, "非数字字符“=”"},
		{"invalid UTF-8", "12\xff", AmountInvalid, "非数字字符"},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := ParseAmount(tc.in)
			if a.Raw() != tc.in {
				t.Errorf("Raw() = %q, want the typed %q", a.Raw(), tc.in)
			}
			if a.State() != tc.state {
				t.Fatalf("ParseAmount(%q) state = %d (reason %q), want %d", tc.in, a.State(), a.Reason(), tc.state)
			}
			switch tc.state {
			case AmountValid:
				if got := a.String(); got != tc.want {
					t.Errorf("ParseAmount(%q) = %s, want %s", tc.in, got, tc.want)
				}
				if a.Reason() != "" {
					t.Errorf("valid amount has reason %q", a.Reason())
				}
			case AmountInvalid:
				if !strings.Contains(a.Reason(), tc.want) {
					t.Errorf("ParseAmount(%q).Reason() = %q, want it to contain %q", tc.in, a.Reason(), tc.want)
				}
				if a.Money() != 0 || a.Valid() {
					t.Errorf("invalid amount has value %v", a.Money())
				}
				if a.String() != tc.in {
					t.Errorf("String() of an invalid amount = %q, want the raw text", a.String())
				}
			case AmountEmpty:
				if !a.IsEmpty() || a.Reason() != "" {
					t.Errorf("ParseAmount(%q) not empty: %+v", tc.in, a)
				}
			}
		})
	}
}

func TestParseAmountExactValue(t *testing.T) {
	// The value is exact in 元 (0.0001 万元): no float anywhere.
	if got := ParseAmount("191.2176").Money(); got != 1_912_176 {
		t.Errorf("191.2176 = %d Money, want 1912176", got)
	}
	if got := ParseAmount("0.0001").Money(); got != 1 {
		t.Errorf("0.0001 = %d Money, want 1", got)
	}
	if got := ParseAmount("100000000").Money(); got != MaxAmount {
		t.Errorf("10^8 = %d Money, want MaxAmount", got)
	}
	if got := ParseAmount("191.2176").Decimal().String(); got != "191.2176" {
		t.Errorf("Decimal() = %s", got)
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		m         Money
		thousands bool
		want      string
	}{
		{1_912_176, false, "191.2176"},
		{1_150_000, false, "115"},
		{816_000, false, "81.6"},
		{262_600, false, "26.26"},
		{0, false, "0"},
		{1, false, "0.0001"},
		{78_985_676, false, "7898.5676"},
		{78_985_676, true, "7,898.5676"},
		{12_733_000, true, "1,273.3"},
		{9_990_000, true, "999"},
		{10_000_000, true, "1,000"},
		{1_234_567_890_000, true, "123,456,789"},
		{MaxAmount, true, "100,000,000"},
		{-816_000, false, "-81.6"},
		{-12_733_000, true, "-1,273.3"},
	}
	for _, tc := range tests {
		if got := FormatMoney(tc.m, tc.thousands); got != tc.want {
			t.Errorf("FormatMoney(%d, %v) = %q, want %q", tc.m, tc.thousands, got, tc.want)
		}
	}
}

func TestFormatMoneyReparses(t *testing.T) {
	for _, s := range []string{"0.0001", "1,273.3", "7,898.5676", "100,000,000", "999.9999"} {
		a := ParseAmount(s)
		for _, th := range []bool{false, true} {
			b := ParseAmount(FormatMoney(a.Money(), th))
			if !b.Valid() || b.Money() != a.Money() {
				t.Errorf("%s formatted (thousands %v) re-parses to %v", s, th, b)
			}
		}
	}
}

func TestAmountOfAndMust(t *testing.T) {
	a := AmountOf(816_000)
	if !a.Valid() || a.Raw() != "81.6" || a.Money() != 816_000 {
		t.Errorf("AmountOf = %+v", a)
	}
	if MustAmount("1,273.3").Money() != 12_733_000 {
		t.Error("MustAmount(1,273.3)")
	}
	defer func() {
		if recover() == nil {
			t.Error("MustAmount(abc) did not panic")
		}
	}()
	MustAmount("abc")
}

func TestAmountJSONKeepsRawText(t *testing.T) {
	in := []Amount{ParseAmount("１２７３．３"), ParseAmount("12O.5"), ParseAmount(""), ParseAmount("1.23456")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out []Amount
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("round trip %d: %+v, want %+v", i, out[i], in[i])
		}
	}
	var n Amount
	if err := json.Unmarshal([]byte("81.6"), &n); err != nil || n.Money() != 816_000 {
		t.Errorf("JSON number: %v %+v", err, n)
	}
	if err := json.Unmarshal([]byte("{}"), &n); err == nil {
		t.Error("JSON object accepted as amount")
	}
}
