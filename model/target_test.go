package model

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		kind TargetKind
		cmp  Cmp
		num  string // the number (TargetNumber)
		unit string
		str  string // String() for numbers and qualitative values; a phrase of Reason for invalid ones
	}{
		{"100%", TargetNumber, CmpEQ, "100", "%", "100%"},
		{"≥98%", TargetNumber, CmpGE, "98", "%", "≥98%"},
		{"≤20%", TargetNumber, CmpLE, "20", "%", "≤20%"},
		{">=95%", TargetNumber, CmpGE, "95", "%", "≥95%"},
		{"≥ 98 %", TargetNumber, CmpGE, "98", "%", "≥98%"},
		{"不低于90%", TargetNumber, CmpGE, "90", "%", "≥90%"},
		{"不高于5%", TargetNumber, CmpLE, "5", "%", "≤5%"},
		{"28.8万元", TargetNumber, CmpEQ, "28.8", "万元", "28.8万元"},
		{"3次", TargetNumber, CmpEQ, "3", "次", "3次"},
		{"47个", TargetNumber, CmpEQ, "47", "个", "47个"},
		{"≥９８％", TargetNumber, CmpGE, "98", "%", "≥98%"},
		{"<=5%", TargetNumber, CmpLE, "5", "%", "≤5%"},
		{"＞＝95％", TargetNumber, CmpGE, "95", "%", "≥95%"},
		{"≧95%", TargetNumber, CmpGE, "95", "%", "≥95%"},
		{"＜5%", TargetNumber, CmpLT, "5", "%", "<5%"},
		{"不少于3次", TargetNumber, CmpGE, "3", "次", "≥3次"},
		{">95%", TargetNumber, CmpGT, "95", "%", ">95%"},
		{"<5%", TargetNumber, CmpLT, "5", "%", "<5%"},
		{"大于等于80%", TargetNumber, CmpGE, "80", "%", "≥80%"},
		{"98%以上", TargetNumber, CmpGE, "98", "%", "≥98%"},
		{"5%以内", TargetNumber, CmpLE, "5", "%", "≤5%"},
		{"≤-5%", TargetNumber, CmpLE, "-5", "%", "≤-5%"},
		{"1,000个", TargetNumber, CmpEQ, "1000", "个", "1000个"},
		{"0.98", TargetNumber, CmpEQ, "0.98", "", "0.98"},
		{"1", TargetNumber, CmpEQ, "1", "", "1"},
		{"充分", TargetQualitative, CmpEQ, "", "", "充分"},
		{"合理", TargetQualitative, CmpEQ, "", "", "合理"},
		{"有效", TargetQualitative, CmpEQ, "", "", "有效"},
		{"完整", TargetQualitative, CmpEQ, "", "", "完整"},
		{"规范", TargetQualitative, CmpEQ, "", "", "规范"},
		{"合规", TargetQualitative, CmpEQ, "", "", "合规"},
		{"符合要求", TargetQualitative, CmpEQ, "", "", "符合要求"},
		{"完备", TargetQualitative, CmpEQ, "", "", "完备"},
		{" 成效明显 ", TargetQualitative, CmpEQ, "", "", "成效明显"},
		{"良好以上", TargetQualitative, CmpEQ, "", "", "良好以上"},
		{"不低于上年水平", TargetQualitative, CmpEQ, "", "", "不低于上年水平"},
		{"", TargetEmpty, CmpEQ, "", "", ""},
		{"  ", TargetEmpty, CmpEQ, "", "", ""},
		{"≥", TargetInvalid, 0, "", "", "应在比较符号后写数字"},
		{"≥高", TargetInvalid, 0, "", "", "应在比较符号后写数字"},
		{"-", TargetInvalid, 0, "", "", "应在比较符号后写数字"},
		{"1.2.3%", TargetInvalid, 0, "", "", "无法识别"},
		{"98%-100%", TargetInvalid, 0, "", "", "数字后面应只写单位"},
		{"≥.%", TargetInvalid, 0, "", "", "无法识别"},
		{"≥98%😀", TargetInvalid, 0, "", "", "单位“%😀”无法识别"},
		{"≥98%%", TargetInvalid, 0, "", "", "单位“%%”无法识别"},
		{"≥98%!", TargetInvalid, 0, "", "", "单位“%!”无法识别"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := ParseTarget(tc.in)
			if got.Raw != tc.in {
				t.Errorf("Raw = %q, want %q", got.Raw, tc.in)
			}
			if got.Kind != tc.kind {
				t.Fatalf("ParseTarget(%q).Kind = %d (reason %q), want %d", tc.in, got.Kind, got.Reason, tc.kind)
			}
			switch tc.kind {
			case TargetNumber:
				if got.Cmp != tc.cmp || got.Number.String() != tc.num || got.Unit != tc.unit {
					t.Errorf("ParseTarget(%q) = %v %s %q, want %v %s %q", tc.in, got.Cmp, got.Number, got.Unit, tc.cmp, tc.num, tc.unit)
				}
				if got.String() != tc.str {
					t.Errorf("String() = %q, want %q", got.String(), tc.str)
				}
				if got.Percent() != (tc.unit == "%") {
					t.Errorf("Percent() = %v", got.Percent())
				}
			case TargetQualitative:
				if got.Text != tc.str || got.String() != tc.str {
					t.Errorf("Text = %q, String() = %q, want %q", got.Text, got.String(), tc.str)
				}
			case TargetInvalid:
				if !strings.Contains(got.Reason, tc.str) || !strings.Contains(got.Reason, strings.TrimSpace(tc.in)) {
					t.Errorf("Reason = %q, want it to contain %q and the typed value", got.Reason, tc.str)
				}
				if got.String() != tc.in {
					t.Errorf("String() of an invalid value = %q, want the raw text", got.String())
				}
			}
		})
	}
}

func TestTargetReaches(t *testing.T) {
	tests := []struct {
		target, value string
		want          MetState
	}{
		{"≥98%", "98", Met},
		{"≥98%", "98.01", Met},
		{"≥98%", "97.99", NotMet},
		{"≤20%", "20", Met},
		{"≤20%", "20.01", NotMet},
		{"≤20%", "0", Met},
		{">95%", "95", NotMet},
		{">95%", "95.01", Met},
		{"<5%", "4.99", Met},
		{"<5%", "5", NotMet},
		{"100%", "100", Met},
		{"100%", "99.99", NotMet},
		{"不低于90%", "90", Met},
		{"不高于5%", "5.5", NotMet},
		{"≤-5%", "-6", Met},
		{"≤-5%", "-4", NotMet},
		{"3次", "3", Met},
		{"3次", "2", NotMet},
		{"充分", "100", MetUnknown},
		{"", "100", MetUnknown},
		{"≥", "100", MetUnknown},
	}
	for _, tc := range tests {
		got := ParseTarget(tc.target).Reaches(decimal.RequireFromString(tc.value))
		if got != tc.want {
			t.Errorf("ParseTarget(%q).Reaches(%s) = %q, want %q", tc.target, tc.value, got, tc.want)
		}
	}
	if Met.String() != "达标" || NotMet.String() != "未达标" || MetUnknown.String() != "" {
		t.Error("MetState names")
	}
}

// Every 指标值 of the seed is readable.
func TestSampleTargetsParse(t *testing.T) {
	for i, in := range Sample().Indicators {
		if tg := ParseTarget(in.Value); tg.Kind == TargetInvalid {
			t.Errorf("row %d (%s): %q: %s", i+1, in.Name(), in.Value, tg.Reason)
		}
	}
}
