package testfiles

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet surgery as a clerk does it in a spreadsheet program, for the tests
// of the 监控表/自评表 round trip (export's and the window's): a cell found
// by its row's name and its column's header; numbers typed as Excel
// stores them; rows sorted, moved and deleted, columns inserted and
// dragged. Each cell moves with its value, type, style and formula.

// HeaderRow finds the header row of sheet (the row with 主要内容 or
// 三级指标, 1-based) and the column (1-based) of each header text.
func HeaderRow(t testing.TB, xf *excelize.File, sheet string) (int, map[string]int) {
	t.Helper()
	rows, err := xf.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		cols := map[string]int{}
		for c, v := range row {
			if v != "" {
				cols[v] = c + 1
			}
		}
		if cols["主要内容"] > 0 || cols["三级指标"] > 0 {
			return r + 1, cols
		}
	}
	t.Fatalf("no header row on %s", sheet)
	return 0, nil
}

// RowOf is the 1-based row of sheet whose identity cells are key (unit and
// 主要内容, or 一级/二级/三级指标), the nth (0-based) of that name, found by
// text; 0 when none.
func RowOf(t testing.TB, xf *excelize.File, sheet string, key []string, nth int) int {
	t.Helper()
	_, cols := HeaderRow(t, xf, sheet)
	heads := []string{"任务名称", "主要内容"}
	if len(key) == 3 {
		heads = []string{"一级指标", "二级指标", "三级指标"}
	}
	rows, _ := xf.GetRows(sheet)
	for r, row := range rows {
		ok := true
		for i, h := range heads {
			c := cols[h]
			if c == 0 || c > len(row) || strings.TrimSpace(row[c-1]) != key[i] {
				ok = false
				break
			}
		}
		if ok {
			if nth == 0 {
				return r + 1
			}
			nth--
		}
	}
	return 0
}

// CellOf is the address of the cell under header of the nth row named key.
func CellOf(t testing.TB, xf *excelize.File, sheet string, key []string, nth int, header string) string {
	t.Helper()
	_, cols := HeaderRow(t, xf, sheet)
	r := RowOf(t, xf, sheet, key, nth)
	if r == 0 || cols[header] == 0 {
		t.Fatalf("%s: no row %q or column %q", sheet, key, header)
	}
	a, _ := excelize.CoordinatesToCellName(cols[header], r)
	return a
}

// TypeNumber stores a number as Excel does when a clerk types it.
func TypeNumber(t testing.TB, xf *excelize.File, sheet, addr string, v float64) {
	t.Helper()
	if err := xf.SetCellFloat(sheet, addr, v, -1, 64); err != nil {
		t.Fatal(err)
	}
}

// TypeText stores a text as typed.
func TypeText(t testing.TB, xf *excelize.File, sheet, addr, v string) {
	t.Helper()
	if err := xf.SetCellStr(sheet, addr, v); err != nil {
		t.Fatal(err)
	}
}

// CellCopy is one cell with everything that moves with it.
type CellCopy struct {
	Raw     string
	Type    excelize.CellType
	Style   int
	Formula string
}

// GetCell copies the cell at column c, row r (1-based).
func GetCell(t testing.TB, xf *excelize.File, sheet string, c, r int) CellCopy {
	t.Helper()
	a, _ := excelize.CoordinatesToCellName(c, r)
	raw, err := xf.GetCellValue(sheet, a, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := xf.GetCellType(sheet, a)
	style, _ := xf.GetCellStyle(sheet, a)
	f, _ := xf.GetCellFormula(sheet, a)
	return CellCopy{Raw: raw, Type: typ, Style: style, Formula: f}
}

// PutCell writes v to the cell at column c, row r (1-based).
func PutCell(t testing.TB, xf *excelize.File, sheet string, c, r int, v CellCopy) {
	t.Helper()
	a, _ := excelize.CoordinatesToCellName(c, r)
	var err error
	switch {
	case v.Formula != "":
		err = xf.SetCellFormula(sheet, a, v.Formula)
	case v.Raw == "":
		err = xf.SetCellValue(sheet, a, nil)
	case v.Type == excelize.CellTypeUnset || v.Type == excelize.CellTypeNumber:
		err = xf.SetCellDefault(sheet, a, v.Raw)
	default:
		err = xf.SetCellStr(sheet, a, v.Raw)
	}
	if err == nil {
		err = xf.SetCellStyle(sheet, a, a, v.Style)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Width is the number of columns in use on sheet.
func Width(t testing.TB, xf *excelize.File, sheet string) int {
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

// PermuteRows puts the content of rows[perm[i]] into rows[i] (1-based
// rows). A formula moved with its row points to its new row, as in Excel.
func PermuteRows(t testing.TB, xf *excelize.File, sheet string, rows, perm []int) {
	t.Helper()
	n := Width(t, xf, sheet)
	saved := make([][]CellCopy, len(rows))
	for i, r := range rows {
		for c := 1; c <= n; c++ {
			saved[i] = append(saved[i], GetCell(t, xf, sheet, c, r))
		}
	}
	for i, r := range rows {
		for c := 1; c <= n; c++ {
			v := saved[perm[i]][c-1]
			v.Formula = MapRefs(v.Formula, func(col string, row int) (string, int) {
				if row == rows[perm[i]] {
					return col, r
				}
				return col, row
			})
			PutCell(t, xf, sheet, c, r, v)
		}
	}
}

var formulaRefRe = regexp.MustCompile(`(\$?)([A-Z]{1,3})(\$?)([0-9]+)`)

// MapRefs rewrites the cell references of formula f (outside its quoted
// texts) with fn.
func MapRefs(f string, fn func(col string, row int) (string, int)) string {
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

// SwapRows swaps two rows (1-based), as sorting them does.
func SwapRows(t testing.TB, xf *excelize.File, sheet string, r1, r2 int) {
	PermuteRows(t, xf, sheet, []int{r1, r2}, []int{1, 0})
}

// SwapCols swaps the contents of columns c1 and c2 (1-based) on every
// row, leaving cells in merged ranges (titles, notes, footer labels) where
// they are, as a clerk dragging a column of the table does.
func SwapCols(t testing.TB, xf *excelize.File, sheet string, c1, c2 int) {
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
	n1, n2 := ColName(c1), ColName(c2)
	swap := func(f string) string {
		return MapRefs(f, func(col string, row int) (string, int) {
			switch col {
			case n1:
				return n2, row
			case n2:
				return n1, row
			}
			return col, row
		})
	}
	n := Width(t, xf, sheet)
	for r := 1; r <= len(rows)+1; r++ {
		// formulas elsewhere follow the moved cells
		for c := 1; c <= n; c++ {
			if c == c1 || c == c2 {
				continue
			}
			if v := GetCell(t, xf, sheet, c, r); v.Formula != "" {
				v.Formula = swap(v.Formula)
				PutCell(t, xf, sheet, c, r, v)
			}
		}
		if merged[[2]int{c1, r}] || merged[[2]int{c2, r}] {
			continue
		}
		a, b := GetCell(t, xf, sheet, c1, r), GetCell(t, xf, sheet, c2, r)
		a.Formula, b.Formula = swap(a.Formula), swap(b.Formula)
		PutCell(t, xf, sheet, c1, r, b)
		PutCell(t, xf, sheet, c2, r, a)
	}
	w1, _ := xf.GetColWidth(sheet, ColName(c1))
	w2, _ := xf.GetColWidth(sheet, ColName(c2))
	_ = xf.SetColWidth(sheet, ColName(c1), ColName(c1), w2)
	_ = xf.SetColWidth(sheet, ColName(c2), ColName(c2), w1)
}

// ColName is the letters of column c (1-based).
func ColName(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}

// SortRowsBy sorts rows (1-based, all of one block) by the text in column c.
func SortRowsBy(t testing.TB, xf *excelize.File, sheet string, rows []int, c int) {
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
	PermuteRows(t, xf, sheet, rows, perm)
}

// InsertCol inserts a column before c (1-based) with header text head at
// the header row and a number in the five rows below it.
func InsertCol(t testing.TB, xf *excelize.File, sheet string, c int, head string) {
	t.Helper()
	hr, _ := HeaderRow(t, xf, sheet)
	if err := xf.InsertCols(sheet, ColName(c), 1); err != nil {
		t.Fatal(err)
	}
	TypeText(t, xf, sheet, ColName(c)+strconv.Itoa(hr), head)
	for r := hr + 1; r < hr+6; r++ {
		TypeNumber(t, xf, sheet, ColName(c)+strconv.Itoa(r), float64(r))
	}
}
