package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
	"jixiao/model/recognize"
)

// The totals of 部门总体资金情况 in an exported xlsx are SUM formulas of
// their side's rows (当年金额 and each 近两年 column), without a cached
// result, so that a unit filling the rows of a blank in Excel gets its
// total; read back before any program computed them, they are totals not
// typed (no “合计填的是 0 万元”).
func TestFundsTotalsAreFormulas(t *testing.T) {
	tp := model.BuiltinTemplate(model.HubeiTemplateID)
	blank := model.New("2022", "某局", recognize.TimeZero)
	model.ApplyTemplate(blank, tp)
	var b bytes.Buffer
	if err := WriteXLSXTemplate(&b, blank, tp); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(SheetName)
	var sums []string
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := xf.GetCellFormula(SheetName, cell); strings.HasPrefix(fm, "SUM(") {
				sums = append(sums, cell+"="+fm)
			}
		}
	}
	// two sides × (当年金额, 上年金额, 前年金额)
	if len(sums) != 6 {
		t.Fatalf("SUM formulas: %q", sums)
	}
	// a unit types the rows in Excel (nothing computes the formulas)
	_, inRow := findText(t, rows, "财政拨款")
	amountC, _ := findText(t, rows, "当年金额")
	cell, _ := excelize.CoordinatesToCellName(amountC, inRow)
	xf.SetCellValue(SheetName, cell, 968.1918)
	var out bytes.Buffer
	if err := xf.Write(&out); err != nil {
		t.Fatal(err)
	}
	xf.Close()
	f, rep, err := ImportBytes("单位.xlsx", out.Bytes(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || !f.Funds.IncomeTotal.IsEmpty() || f.Funds.Income[0].Amount.Raw() != "968.1918" {
		t.Fatalf("report:\n%s\nincome %+v total %q", rep, f.Funds.Income, f.Funds.IncomeTotal.Raw())
	}
	for _, x := range model.CheckWith(f, tp) {
		if x.Loc.Part == model.PartFunds && strings.Contains(x.Message, "合计填的是") {
			t.Errorf("%s：%s", x.Place, x.Message)
		}
	}
}

// findText is the column and row (1-based) of the first cell whose text is s.
func findText(t *testing.T, rows [][]string, s string) (int, int) {
	t.Helper()
	for r, row := range rows {
		for c, v := range row {
			if strings.TrimSpace(v) == s {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("no cell %q", s)
	return 0, 0
}
