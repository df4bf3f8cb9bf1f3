package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestImportSkipsSubtotalRows: a unit's 小计 row is computed, not a task.
// Import took it for a task (paste already refused it) and counted its
// amount twice; both now read rows with model/recognize.
func TestImportSkipsSubtotalRows(t *testing.T) {
	xf := excelize.NewFile()
	defer xf.Close()
	set := func(a string, v any) {
		if err := xf.SetCellValue("Sheet1", a, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "市级部门整体绩效目标申报表")
	set("A2", "（2021年度）")
	set("A3", "部门名称")
	set("B3", "某某局")
	set("A4", "年度总体目标")
	set("B4", "目标1：完成第一件事")
	set("A6", "任务名称")
	set("B6", "主要内容")
	set("C6", "合计")
	set("D6", "其中：财政资金")
	set("E6", "备注")
	set("A7", "甲单位")
	set("B7", "第一项")
	set("C7", 10)
	set("D7", 10)
	set("A8", "甲单位")
	set("B8", "第二项")
	set("C8", 5)
	set("D8", 5)
	set("A9", "甲单位")
	set("B9", "小 计")
	set("C9", 15)
	set("D9", 15)
	set("A10", "合计")
	set("C10", 15)
	set("D10", 15)
	p := filepath.Join(t.TempDir(), "subtotal.xlsx")
	if err := xf.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f, rep, err := ImportFile(p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Units) != 1 || len(f.Units[0].Tasks) != 2 {
		t.Fatalf("units %+v", f.Units)
	}
	for _, tk := range f.Units[0].Tasks {
		if strings.Contains(tk.Content, "小") {
			t.Errorf("小计 row imported as a task: %+v", tk)
		}
	}
	if len(rep.Problems) != 0 {
		t.Errorf("problems %v (the file's 合计 matches the two rows)", rep.Problems)
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "小计") {
		t.Errorf("notes do not mention the skipped 小计: %q", rep.Notes)
	}
}
