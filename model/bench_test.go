package model

import (
	"fmt"
	"testing"
)

// BenchmarkRecomputeAfterEdit5000 is what the editor does after a keystroke
// in an amount cell of a 5,000-task form: parse the cell, then recompute
// all totals. The goal is well under 1 ms.
func BenchmarkRecomputeAfterEdit5000(b *testing.B) {
	f := Generate(5000)
	if n := f.TaskCount(); n != 5000 {
		b.Fatalf("%d tasks", n)
	}
	texts := []string{"1,273.3", "191.2176", "115", "８１．６"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		u := &f.Units[i%len(f.Units)]
		u.Tasks[i%len(u.Tasks)].Total = ParseAmount(texts[i%len(texts)])
		if t := ComputeTotals(f); t.Tasks != 5000 {
			b.Fatal(t.Tasks)
		}
	}
}

// BenchmarkComputeTotals5000 is the recomputation alone.
func BenchmarkComputeTotals5000(b *testing.B) {
	f := Generate(5000)
	b.ReportAllocs()
	for b.Loop() {
		ComputeTotals(f)
	}
}

// BenchmarkCheck5000 runs every check on a 5,000-task form.
func BenchmarkCheck5000(b *testing.B) {
	f := Generate(5000)
	b.ReportAllocs()
	for b.Loop() {
		Check(f)
	}
}

// BenchmarkCheckSample runs every check on the built-in sample.
func BenchmarkCheckSample(b *testing.B) {
	f := Sample()
	b.ReportAllocs()
	for b.Loop() {
		Check(f)
	}
}

// BenchmarkEvalRate computes one rate (预算执行率) and compares it with ≥98%.
func BenchmarkEvalRate(b *testing.B) {
	in := rateIndicator("预算执行率", "≥98%", []string{"7740.6", "7898.5676"})
	b.ReportAllocs()
	for b.Loop() {
		if r := EvalRate(in); r.State != RateOK {
			b.Fatal(r.Message)
		}
	}
}

// BenchmarkEvalRatePerCapita computes the four-input 人均公用经费变动率.
func BenchmarkEvalRatePerCapita(b *testing.B) {
	in := rateIndicator("人均公用经费变动率", "≤5%", []string{"300", "100", "280", "100"})
	b.ReportAllocs()
	for b.Loop() {
		if r := EvalRate(in); r.State != RateOK {
			b.Fatal(r.Message)
		}
	}
}

// BenchmarkParseAmount parses typical typed and pasted amounts.
func BenchmarkParseAmount(b *testing.B) {
	for _, s := range []string{"191.2176", "1,273.30", "１２７３．３万元", "12O.5"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseAmount(s)
			}
		})
	}
}

// BenchmarkParseTarget parses typical 指标值.
func BenchmarkParseTarget(b *testing.B) {
	for _, s := range []string{"≥98%", "不低于90%", "充分"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseTarget(s)
			}
		})
	}
}

// BenchmarkCarryForward5000 copies a 5,000-task form to the next year.
func BenchmarkCarryForward5000(b *testing.B) {
	f := Generate(5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := CarryForward(f, "2021", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleCheck() {
	f := Sample()
	f.Units[0].Tasks[2].Fiscal = ParseAmount("81.6.")
	for _, x := range Check(f)[:1] {
		fmt.Printf("[%s] %s：%s\n", x.Severity, x.Loc.Describe(f), x.Message)
	}
	// Output:
	// [错误] 年度主要任务 › 郑州市生态环境局机关 第3行 › 财政资金：金额“81.6.”有2个小数点，只能有一个
}
