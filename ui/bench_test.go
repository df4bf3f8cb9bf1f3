package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"jixiao/model"
)

// benchTyping measures one keystroke in an amount entry of a form with
// tasks rows, through the real path: the entry's OnChanged, Apply, the
// model's ParseAmount and ComputeTotals, model.Check, and every view's
// refresh up to the totals label. Keystrokes alternate between typing a
// digit and deleting it.
func benchTyping(b *testing.B, tasks int, start, key string) {
	e, w := newTestEditor(b, model.Generate(tasks), &memSaver{})
	u := len(e.Form().Units) / 2
	if !e.Focus(taskLoc(u, 3, model.FieldTotal)) {
		b.Fatal("cannot focus")
	}
	en := focused(b, w)
	retype(en, start)
	// As in the program: the 审核 title waits for a pause in typing on a
	// real timer (stopped before it can fire, so nothing races the loop).
	e.clock = SystemClock{}
	before := e.tasks.total.Text
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			test.Type(en, key)
		} else {
			en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
	}
	b.StopTimer()
	e.titleTimer.Stop()
	if b.N%2 == 1 && e.tasks.total.Text == before {
		b.Fatalf("total label not updated: %q", before)
	}
	if !strings.Contains(e.tasks.total.Text, model.FormatMoney(e.Totals().Total, true)) {
		b.Fatalf("total label %q is not the model's total", e.tasks.total.Text)
	}
}

// The usual keystroke: the amount stays valid (1200 ↔ 12001).
func BenchmarkTypingAmountSample(b *testing.B)    { benchTyping(b, 34, "1200", "1") }
func BenchmarkTypingAmount2000Tasks(b *testing.B) { benchTyping(b, 2000, "1200", "1") }

// The costly keystroke: the amount turns invalid and back (1200.1234 ↔
// 1200.12345, five decimals), so the row's error line appears and goes.
func BenchmarkTypingAmountToggleError2000Tasks(b *testing.B) {
	benchTyping(b, 2000, "1200.1234", "5")
}

// BenchmarkRecompute2000Tasks is the model part of a keystroke alone:
// ComputeTotals and Check on a 2,000-task form.
func BenchmarkRecompute2000Tasks(b *testing.B) {
	f := model.Generate(2000)
	for i := 0; i < b.N; i++ {
		model.ComputeTotals(f)
		model.Check(f)
	}
}

// BenchmarkAddRowWith100BadAmounts2000Tasks is a structural edit (a row
// added at the top) on a 2,000-task form where 100 amounts cannot be read,
// whose error lines move down with their rows.
func BenchmarkAddRowWith100BadAmounts2000Tasks(b *testing.B) {
	f := model.Generate(2000)
	n := 0
	for u := range f.Units {
		for t := range f.Units[u].Tasks {
			if n%20 == 0 {
				f.Units[u].Tasks[t].Total = model.ParseAmount("12元")
			}
			n++
		}
	}
	e, _ := newTestEditor(b, f, &memSaver{})
	e.SelectTab(TabTasks)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Apply(func(f *model.Form) { f.Units[0].Tasks = append([]model.Task{{}}, f.Units[0].Tasks...) })
	}
	b.StopTimer()
	if e.Totals().Invalid != 100 {
		b.Fatalf("%d invalid", e.Totals().Invalid)
	}
}

// BenchmarkTypingLocked2000Tasks is a keystroke in a 执行数 after the
// declaration (Stage 监控): the editor must also make sure the edit left
// the declared amounts and 指标值 alone.
func BenchmarkTypingLocked2000Tasks(b *testing.B) { benchTypingExecuted(b, model.StageMonitor, false) }

// BenchmarkTypingUnlocked2000Tasks is the same keystroke through the same
// path before the declaration (Stage 申报, nothing locked): the twin of
// BenchmarkTypingLocked2000Tasks without the lock's check. The 审核 of
// 运行监控 (model's checker.monitor) runs only in the locked one.
func BenchmarkTypingUnlocked2000Tasks(b *testing.B) {
	benchTypingExecuted(b, model.StageDeclare, false)
}

// The same two with every other row's 执行数 filled in, as later in the
// year: the 审核 of 运行监控 then finds little (with none filled it lists
// 1,999 missing 执行数 at each keystroke), so the two differ by little
// more than the lock.
func BenchmarkTypingLockedFilled2000Tasks(b *testing.B) {
	benchTypingExecuted(b, model.StageMonitor, true)
}
func BenchmarkTypingUnlockedFilled2000Tasks(b *testing.B) {
	benchTypingExecuted(b, model.StageDeclare, true)
}

// benchTypingExecuted types in task 1's 执行数 through Editor.ApplyKeyed
// (12 ↔ 123) on a 2,000-task form in stage; filled: every row's 执行数 is
// its 合计.
func benchTypingExecuted(b *testing.B, stage model.Stage, filled bool) {
	f := model.Generate(2000)
	f.Stage = stage
	for u := range f.Units {
		for r := range f.Units[u].Tasks {
			if filled {
				t := &f.Units[u].Tasks[r]
				t.Monitor.Executed = t.Total
			}
		}
	}
	if f.Locked() != (stage != model.StageDeclare) {
		b.Fatal("lock not as expected")
	}
	e, _ := newTestEditor(b, f, &memSaver{})
	e.clock = SystemClock{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := "12"
		if i%2 == 1 {
			v = "123"
		}
		e.ApplyKeyed("monitor/0/0/executed", func(f *model.Form) {
			f.Units[0].Tasks[0].Monitor.Executed = model.ParseAmount(v)
		})
	}
	b.StopTimer()
	e.titleTimer.Stop()
	if got := e.Form().Units[0].Tasks[0].Monitor.Executed.Raw(); got != "12" && got != "123" {
		b.Fatalf("executed = %q", got)
	}
}
