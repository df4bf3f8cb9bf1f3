package ui

import (
	"testing"
)

// TestPasteReadsRowsAsImportDoes: rows that import recognised and paste
// did not (before both used model/recognize): a 总体目标N： label, a 合计
// row with （万元）, and an indicator named by a formula key that is not in
// the library's names (paste looked only in the library).
func TestPasteReadsRowsAsImportDoes(t *testing.T) {
	g := ParsePaste(PasteGoals, "总体目标3：第三件事\n年度总体目标4，第四件事")
	if len(g.Goals) != 2 || g.Goals[0].Text != "第三件事" || g.Goals[1].Text != "第四件事" {
		t.Errorf("goals %+v", g.Goals)
	}
	tk := ParsePaste(PasteTasks, "第一项\t10\t10\t\n合计（万元）\t10\t10\t\n小计\t10\t10\t")
	if tk.Rows != 1 || len(tk.Refused) != 2 {
		t.Errorf("tasks: %d rows, refused %q", tk.Rows, tk.Refused)
	}
	in := ParsePaste(PasteIndicators, "产出指标\t数量指标\t预算执行率\t≥90%\t\t")
	if len(in.Indicators) != 1 || in.Indicators[0].Formula == "" {
		t.Errorf("indicators %+v", in.Indicators)
	}
}
