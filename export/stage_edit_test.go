package export

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet surgery as a clerk does it in a spreadsheet program: rows sorted,
// moved and deleted, columns inserted and dragged. Each cell moves with
// its value, type, style and formula.

type cellCopy struct {
	raw     string
	typ     excelize.CellType
	style   int
	formula string
}

func getCell(t testing.TB, xf *excelize.File, sheet string, c, r int) cellCopy {
	t.Helper()
	a, _ := excelize.CoordinatesToCellName(c, r)
	raw, err := xf.GetCellValue(sheet, a, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := xf.GetCellType(sheet, a)
	style, _ := xf.GetCellStyle(sheet, a)
	f, _ := xf.GetCellFormula(sheet, a)
	return cellCopy{raw: raw, typ: typ, style: style, formula: f}
}

func putCell(t testing.TB, xf *excelize.File, sheet string, c, r int, v cellCopy) {
	t.Helper()
	a, _ := excelize.CoordinatesToCellName(c, r)
	var err error
	switch {
	case v.formula != "":
		err = xf.SetCellFormula(sheet, a, v.formula)
	case v.raw == "":
		err = xf.SetCellValue(sheet, a, nil)
	case v.typ == excelize.CellTypeUnset || v.typ == excelize.CellTypeNumber:
		err = xf.SetCellDefault(sheet, a, v.raw)
	default:
		err = xf.SetCellStr(sheet, a, v.raw)
	}
	if err == nil {
		err = xf.SetCellStyle(sheet, a, a, v.style)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// width is the number of columns in use on sheet.
func width(t testing.TB, xf *excelize.File, sheet string) int {
	rows, err := xf.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

// permuteRows puts the content of rows[perm[i]] into rows[i] (1-based
// rows). A formula moved with its row points to its new row, as in Excel.
func permuteRows(t testing.TB, xf *excelize.File, sheet string, rows, perm []int) {
	t.Helper()
	n := width(t, xf, sheet)
	saved := make([][]cellCopy, len(rows))
	for i, r := range rows {
		for c := 1; c <= n; c++ {
			saved[i] = append(saved[i], getCell(t, xf, sheet, c, r))
		}
	}
	for i, r := range rows {
		for c := 1; c <= n; c++ {
			v := saved[perm[i]][c-1]
			v.formula = mapRefs(v.formula, func(col string, row int) (string, int) {
				if row == rows[perm[i]] {
					return col, r
				}
				return col, row
			})
			putCell(t, xf, sheet, c, r, v)
		}
	}
}

var formulaRefRe = regexp.MustCompile(`(\$?)([A-Z]{1,3})(\$?)([0-9]+)`)

// mapRefs rewrites the cell references of formula f (outside its quoted
// texts) with fn.
func mapRefs(f string, fn func(col string, row int) (string, int)) string {
	if f == "" {
		return f
	}
	parts := strings.Split(f, `"`)
	for i := 0; i < len(parts); i += 2 { // even parts are outside quotes
		parts[i] = formulaRefRe.ReplaceAllStringFunc(parts[i], func(m string) string {
			sm := formulaRefRe.FindStringSubmatch(m)
			row, _ := strconv.Atoi(sm[4])
			col, r := fn(sm[2], row)
			return sm[1] + col + sm[3] + strconv.Itoa(r)
		})
	}
	return strings.Join(parts, `"`)
}

func swapRows(t testing.TB, xf *excelize.File, sheet string, r1, r2 int) {
	permuteRows(t, xf, sheet, []int{r1, r2}, []int{1, 0})
}

// swapCols swaps the contents of columns c1 and c2 (1-based) on every
// row, leaving cells in merged ranges (titles, notes, footer labels) where
// they are, as a clerk dragging a column of the table does.
func swapCols(t testing.TB, xf *excelize.File, sheet string, c1, c2 int) {
	t.Helper()
	merged := map[[2]int]bool{}
	ms, _ := xf.GetMergeCells(sheet)
	for _, m := range ms {
		a1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		a2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := a1; c <= a2; c++ {
				merged[[2]int{c, r}] = true
			}
		}
	}
	rows, _ := xf.GetRows(sheet)
	n1, n2 := colName(c1), colName(c2)
	swap := func(f string) string {
		return mapRefs(f, func(col string, row int) (string, int) {
			switch col {
			case n1:
				return n2, row
			case n2:
				return n1, row
			}
			return col, row
		})
	}
	n := width(t, xf, sheet)
	for r := 1; r <= len(rows)+1; r++ {
		// formulas elsewhere follow the moved cells
		for c := 1; c <= n; c++ {
			if c == c1 || c == c2 {
				continue
			}
			if v := getCell(t, xf, sheet, c, r); v.formula != "" {
				v.formula = swap(v.formula)
				putCell(t, xf, sheet, c, r, v)
			}
		}
		if merged[[2]int{c1, r}] || merged[[2]int{c2, r}] {
			continue
		}
		a, b := getCell(t, xf, sheet, c1, r), getCell(t, xf, sheet, c2, r)
		a.formula, b.formula = swap(a.formula), swap(b.formula)
		putCell(t, xf, sheet, c1, r, b)
		putCell(t, xf, sheet, c2, r, a)
	}
	w1, _ := xf.GetColWidth(sheet, colName(c1))
	w2, _ := xf.GetColWidth(sheet, colName(c2))
	_ = xf.SetColWidth(sheet, colName(c1), colName(c1), w2)
	_ = xf.SetColWidth(sheet, colName(c2), colName(c2), w1)
}

func colName(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}

// sortRowsBy sorts rows (1-based, all of one block) by the text in column c.
func sortRowsBy(t testing.TB, xf *excelize.File, sheet string, rows []int, c int) {
	t.Helper()
	type kv struct {
		i int
		k string
	}
	var ks []kv
	for i, r := range rows {
		a, _ := excelize.CoordinatesToCellName(c, r)
		v, _ := xf.GetCellValue(sheet, a)
		ks = append(ks, kv{i, v})
	}
	sort.SliceStable(ks, func(a, b int) bool { return ks[a].k < ks[b].k })
	perm := make([]int, len(rows))
	for i := range ks {
		perm[i] = ks[i].i
	}
	permuteRows(t, xf, sheet, rows, perm)
}

// insertCol inserts a column before c (1-based) with header text head at
// the header row and a note in some rows.
func insertCol(t testing.TB, xf *excelize.File, sheet string, c int, head string) {
	t.Helper()
	hr, _ := headerCols(t, xf, sheet)
	if err := xf.InsertCols(sheet, colName(c), 1); err != nil {
		t.Fatal(err)
	}
	typeText(t, xf, sheet, colName(c)+strconv.Itoa(hr), head)
	for r := hr + 1; r < hr+6; r++ {
		typeNumber(t, xf, sheet, colName(c)+strconv.Itoa(r), float64(r))
	}
}
