package ui

import (
	"strings"
	"testing"

	"jixiao/model"
)

// In 运行监控 the 审核 lists the 运行监控表's findings first, then the
// 申报表's, each table and each tab under a heading with its counts;
// a heading folds its group; a finding still leads to its field.
func TestChecksGroupedByStageAndTab(t *testing.T) {
	f := model.Sample()
	_ = f.SetStage(model.StageMonitor, 6, testTime)
	e, _ := newTestEditor(t, f, &memSaver{})
	e.SelectTab(TabChecks)
	v := e.checks
	fs := e.Findings()
	mon, dec := model.JudgeTable(fs, model.StageMonitor), model.JudgeTable(fs, model.StageDeclare)
	if mon.Errors == 0 || dec.Errors == 0 {
		t.Fatalf("the sample in 运行监控 should have errors of both tables: %+v %+v", mon, dec)
	}
	var heads []string
	seen := map[int]bool{}
	table := model.StageMonitor
	for _, it := range v.items {
		if it.finding < 0 {
			heads = append(heads, it.title)
			table = it.group.table
			continue
		}
		if seen[it.finding] {
			t.Errorf("finding %d listed twice", it.finding)
		}
		seen[it.finding] = true
		if got := model.StageOfField(fs[it.finding].Loc.Field); got != table {
			t.Errorf("finding %q (%v) under the %v table", fs[it.finding].Message, got, table)
		}
	}
	if len(seen) != len(fs) {
		t.Errorf("%d of %d findings listed", len(seen), len(fs))
	}
	all := strings.Join(heads, "\n")
	wantMon := "▾ 运行监控表（截至6月）：" + counts(mon.Errors, mon.Hints) + "（其中 "
	if !strings.HasPrefix(heads[0], wantMon) || !strings.Contains(heads[0], "条在申报的金额、指标值上，列在申报表一组）") {
		t.Errorf("first heading %q, want %q", heads[0], wantMon)
	}
	for _, want := range []string{"监控与自评 › 预算执行情况（", "监控与自评 › 绩效指标（", "▾ 申报表：" + counts(dec.Errors, dec.Hints), "绩效指标（"} {
		if !strings.Contains(all, want) {
			t.Errorf("headings lack %q:\n%s", want, all)
		}
	}
	if strings.Index(all, "申报表") < strings.Index(all, "运行监控表") {
		t.Error("the 申报表 comes before the stage's own table")
	}
	// Folding the 运行监控表 leaves its heading and the 申报表's groups.
	n := len(v.items)
	v.list.Select(0)
	if len(v.items) >= n || v.items[0].finding != -1 || !strings.HasPrefix(v.items[0].title, "▸ 运行监控表") || v.items[1].group.table != model.StageDeclare {
		t.Fatalf("folded: %d rows (was %d), first %q", len(v.items), n, v.items[0].title)
	}
	v.list.Select(0)
	if len(v.items) != n {
		t.Fatalf("unfolded: %d rows, want %d", len(v.items), n)
	}
	// A 监控 finding leads to the 监控与自评 tab.
	for i, x := range fs {
		if x.Loc.Field == model.FieldExecuted {
			v.Select(i)
			if e.CurrentTab() != TabYear {
				t.Errorf("a 执行数 finding leads to tab %d", e.CurrentTab())
			}
			break
		}
	}
}
