package model

import "testing"

// BenchmarkCheckMonitor2000Tasks is the 审核 of a 2,000-task form just
// moved to 运行监控 (no 执行数 typed yet), as it runs at each keystroke:
// every row is listed as missing its 执行数.
func BenchmarkCheckMonitor2000Tasks(b *testing.B) {
	f := Generate(2000)
	if err := f.SetStage(StageMonitor, 6, testNow); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(Check(f)) < 2000 {
			b.Fatal("rows without 执行数 not listed")
		}
	}
}
