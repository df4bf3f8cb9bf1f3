package xlsx

import (
	"testing"

	"jixiao/model/recognize"
)

// TestFindFormulasRawXML: cells with a namespace prefix, without r
// attributes (counted as excelize counts them), shared formulas, and
// formulas with a cached value (even an empty one, which is a result).
func TestFindFormulasRawXML(t *testing.T) {
	cases := []struct {
		name, xml string
		grid      [][]string
		want      map[[2]int]string
	}{
		{"prefixed", `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2"><x:f>1+1</x:f></x:c><x:c r="C2" t="str"><x:f>"a"</x:f><x:v></x:v></x:c></x:row></x:sheetData></x:worksheet>`,
			nil, map[[2]int]string{{1, 1}: "1+1"}},
		{"no r attributes", `<worksheet><sheetData><row><c><v>1</v></c><c><f>A1*2</f></c></row><row r="4"><c r="C4"><f>2</f></c><c><f t="shared" si="0"/></c></row></sheetData></worksheet>`,
			[][]string{{"1"}}, map[[2]int]string{{0, 1}: "A1*2", {3, 2}: "2", {3, 3}: ""}},
		{"cached value", `<worksheet><sheetData><row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>3</v></c></row></sheetData></worksheet>`,
			[][]string{{"3"}}, nil},
	}
	for _, c := range cases {
		g := &recognize.SheetGrid{Name: "S", Cells: c.grid}
		findFormulas(g, []byte(c.xml))
		if len(g.Formulas) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, g.Formulas, c.want)
			continue
		}
		for k, v := range c.want {
			if got, ok := g.Formulas[k]; !ok || got != v {
				t.Errorf("%s: %v, want %v", c.name, g.Formulas, c.want)
			}
		}
		if len(g.Cells) < 1 && len(c.want) > 0 {
			t.Errorf("%s: grid not grown", c.name)
		}
	}
}
