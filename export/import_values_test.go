package export

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/model"
)

// TestDeclarationValuesAsStored: a 申报表 typed in Excel keeps 95% typed
// into a General cell as 0.95 in a percent format, a date as its day
// count, 81.6 re-saved as 81.59999999999999; the import reads what the
// clerk typed (95%, 2020-12-31, 81.6), not the stored number's digits.
func TestDeclarationValuesAsStored(t *testing.T) {
	f := model.Sample()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, f); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(withoutDataSheet(t, buf.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows(SheetName)
	find := func(text string) (int, int) {
		for r, row := range rows {
			for c, v := range row {
				if v == text {
					return r + 1, c + 1
				}
			}
		}
		t.Fatalf("no %q", text)
		return 0, 0
	}
	pct, _ := xf.NewStyle(&excelize.Style{NumFmt: 9})
	date, _ := xf.NewStyle(&excelize.Style{NumFmt: 14})
	// 政府采购执行率's 指标值 ≥95% becomes the number 0.95 shown as 95%
	i := indexByName(f, "政府采购执行率")
	r, _ := find(level3Text(f.Indicators[i]))
	_, vc := find(f.Indicators[i].Value)
	a, _ := excelize.CoordinatesToCellName(vc, r)
	_ = xf.SetCellFloat(SheetName, a, 0.95, -1, 64)
	_ = xf.SetCellStyle(SheetName, a, a, pct)
	// its 指标说明 a date
	_, nc := find("指标说明")
	b, _ := excelize.CoordinatesToCellName(nc, r)
	_ = xf.SetCellFloat(SheetName, b, 44196, -1, 64)
	_ = xf.SetCellStyle(SheetName, b, b, date)
	// 重点行业企业用地调查's 合计 81.6 as Excel writes it
	tr, _ := find("重点行业企业用地调查")
	_, tc := find("合计")
	c, _ := excelize.CoordinatesToCellName(tc, tr)
	_ = xf.SetCellDefault(SheetName, c, "81.59999999999999")
	var out bytes.Buffer
	_ = xf.Write(&out)
	checkTypedValues(t, "手填.xlsx", out.Bytes())
	// the same sheet saved as .xls by LibreOffice: its reader reads the formats too
	if _, ok := libreOfficeExtra(t); ok {
		dir := t.TempDir()
		in := filepath.Join(dir, "手填.xlsx")
		if err := os.WriteFile(in, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		convertWithLibreOffice(t, dir, "xls", in)
		data, err := os.ReadFile(filepath.Join(dir, "手填.xls"))
		if err != nil {
			t.Fatal(err)
		}
		checkTypedValues(t, "手填.xls", data)
	}
}

func checkTypedValues(t *testing.T, name string, data []byte) {
	t.Helper()
	g, rep, err := ImportBytes(name, data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	in := g.Indicators[indexByName(g, "政府采购执行率")]
	if in.Value != "95%" || in.Note != "2020-12-31" {
		t.Errorf("%s: 指标值 %q 指标说明 %q, typed 95%% and 2020-12-31", name, in.Value, in.Note)
	}
	for _, u := range g.Units {
		for _, tk := range u.Tasks {
			if tk.Content == "重点行业企业用地调查" && tk.Total.Raw() != "81.6" {
				t.Errorf("%s: 合计 %q\n%s", name, tk.Total.Raw(), rep)
			}
		}
	}
}
