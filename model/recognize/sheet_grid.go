package recognize

import (
	"sort"
	"strconv"
	"strings"

	"jixiao/model"
)

// SheetGrid is one sheet's cell texts with merged ranges filled in.
type SheetGrid struct {
	Name  string
	Cells [][]string
	// origins holds, for each cell covered by a merged range but not its
	// top-left cell, that top-left cell (FillMerges; a cell covered by
	// several ranges has the last one's). See Covered and origin.
	origins map[[2]int][2]int
	// Formulas holds the cells that hold a formula but read as empty: the
	// file has no calculated value for them (written by a program, never
	// saved by Excel). The formula text is kept only to be shown; it is
	// never evaluated. formulasMore counts those not recorded (budget).
	Formulas     map[[2]int]string
	formulasMore int
	formulaCols  map[int][]int // row -> columns of formulas
	// formulaReports counts the formula cells reported.
	formulaReports int
	// Reported marks the formula cells already reported (amount cells get
	// their own message).
	Reported map[[2]int]bool
	// used marks the cells placed into the form (see sheet_template.go);
	// skip marks rows of 基本信息 fields that are not table rows.
	used map[[2]int]bool
	skip map[int]bool
	// Tpl is the template recognised from the sheet's texts (readSheets):
	// its labels are read besides the built-in ones.
	Tpl *model.Template
	// Place, when set, names a cell for messages instead of Sheet!A1 (a
	// Word document's table, row and cell; a PDF's page and row).
	Place func(r, c int) string
}

// acceptFormula takes formula cell (r, c) as read (a computed total whose
// value is not needed): it is not reported.
func (g *SheetGrid) acceptFormula(r, c int) { delete(g.Formulas, [2]int{r, c}) }

// isFormula reports whether (r, c) is a formula cell without a value.
func (g *SheetGrid) isFormula(r, c int) bool {
	_, ok := g.Formulas[[2]int{r, c}]
	return ok && c >= 0
}

// hasFormula reports whether any of cols of row r is a formula cell
// without a value.
func (g *SheetGrid) hasFormula(r int, cols ...int) bool {
	if len(g.Formulas) == 0 {
		return false
	}
	for _, c := range cols {
		if g.isFormula(r, c) {
			return true
		}
	}
	return false
}

// rowHasFormula reports whether row r has a formula cell without a value
// from column from on.
func (g *SheetGrid) rowHasFormula(r, from int) bool {
	if len(g.Formulas) == 0 {
		return false
	}
	for _, c := range g.formulaCols[r] {
		if c >= from {
			return true
		}
	}
	return false
}

func (g *SheetGrid) at(r, c int) string {
	if r < 0 || r >= len(g.Cells) || c < 0 || c >= len(g.Cells[r]) {
		return ""
	}
	return g.Cells[r][c]
}

func (g *SheetGrid) addr(r, c int) string {
	if g.Place != nil {
		return g.Place(r, c)
	}
	a := cellName(c+1, r+1)
	return g.Name + "!" + a
}

// NewGrid is the grid of a sheet read by another reader than excelize
// (.xls, .docx tables): cells by row, merged ranges as 0-based first row,
// first column, last row, last column. The cells are used as they are.
func NewGrid(name string, cells [][]string, merges [][4]int) (*SheetGrid, error) {
	if len(cells) > MaxGridRows {
		return nil, model.Errorf(model.EINVALID, "工作表“%s”有 %d 行，超过 %d 行的上限", name, len(cells), MaxGridRows)
	}
	for i := range cells {
		if len(cells[i]) > MaxGridCols {
			cells[i] = cells[i][:MaxGridCols]
		}
	}
	g := &SheetGrid{Name: name, Cells: cells, Reported: map[[2]int]bool{}}
	if err := g.FillMerges(merges); err != nil {
		return nil, err
	}
	return g, nil
}

// FillMerges puts each merged range's value into every cell it covers.
// Only the cells that hold data matter; a merged range is clamped to
// them, and the cells filled in altogether are bounded.
func (g *SheetGrid) FillMerges(merges [][4]int) error {
	nrow, ncol := len(g.Cells), 0
	for _, r := range g.Cells {
		ncol = max(ncol, len(r))
	}
	budget := 4_000_000
	for _, m := range merges {
		r1, c1, r2, c2 := m[0], m[1], m[2], m[3]
		if r1 < 0 || c1 < 0 || r1 >= nrow || c1 >= ncol {
			continue
		}
		r2, c2 = min(r2, nrow-1), min(c2, ncol-1)
		if r2 < r1 || c2 < c1 {
			continue
		}
		if budget -= (r2 - r1 + 1) * (c2 - c1 + 1); budget < 0 {
			return model.Errorf(model.EINVALID, "工作表“%s”的合并单元格过多", g.Name)
		}
		v := g.at(r1, c1)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				for len(g.Cells[r]) <= c {
					g.Cells[r] = append(g.Cells[r], "")
				}
				g.Cells[r][c] = v
				if r != r1 || c != c1 {
					if g.origins == nil {
						g.origins = map[[2]int][2]int{}
					}
					g.origins[[2]int{r, c}] = [2]int{r1, c1}
				}
			}
		}
	}
	g.formulaCols = map[int][]int{}
	for k := range g.Formulas {
		if g.Covered(k[0], k[1]) {
			delete(g.Formulas, k)
			continue
		}
		g.formulaCols[k[0]] = append(g.formulaCols[k[0]], k[1])
	}
	return nil
}

// Covered reports whether cell (r, c) is covered by a merged range but is
// not its top-left cell.
func (g *SheetGrid) Covered(r, c int) bool {
	_, ok := g.origins[[2]int{r, c}]
	return ok
}

func (g *SheetGrid) cellsOf(r int) []string {
	if r < 0 || r >= len(g.Cells) {
		return nil
	}
	return g.Cells[r]
}

func rowEmpty(g *SheetGrid, r int) bool {
	for _, v := range g.cellsOf(r) {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// rowPlaceholder reports whether every non-empty cell of r (from column
// from on) is a placeholder like ".....".
func rowPlaceholder(g *SheetGrid, r int, cols []int) bool {
	any := false
	for _, c := range cols {
		v := strings.TrimSpace(g.at(r, c))
		if v == "" {
			continue
		}
		if !IsPlaceholder(v) {
			return false
		}
		any = true
	}
	return any
}

func allEmpty(g *SheetGrid, r int, cols ...int) bool {
	for _, c := range cols {
		if c >= 0 && strings.TrimSpace(g.at(r, c)) != "" {
			return false
		}
	}
	return true
}

// MaxGridRows and MaxGridCols bound a grid: a sheet of more rows is
// refused, cells right of the last column are left out (the readers'
// bounds, export/internal/limits, are the same; a test of export checks).
const (
	MaxGridRows = 200_000
	MaxGridCols = 200
)

// Bounds on the formula cells looked at and reported for one sheet.
const (
	MaxFormulaCells   = 200_000
	MaxFormulaReports = 200
)

// formulaProblem reports the formula cell (r, c) once, with msg (a format
// taking the formula shown as “=…”, or nothing for a shared formula); at
// most maxFormulaReports per sheet, the rest are counted by
// reportFormulas.
func (g *SheetGrid) formulaProblem(rep *ImportReport, r, c int, msg string) {
	k := [2]int{r, c}
	fm, ok := g.Formulas[k]
	if !ok || g.Reported[k] || g.formulaReports >= MaxFormulaReports {
		return
	}
	g.Reported[k] = true
	g.formulaReports++
	shown := ""
	if fm != "" {
		shown = "“=" + fm + "”"
	}
	rep.Problem(g.addr(r, c), msg, shown)
}

// reportFormulas reports the formula cells not reported yet, by row, and
// a summary line for those over the bound.
func reportFormulas(g *SheetGrid, rep *ImportReport) {
	var keys [][2]int
	for k := range g.Formulas {
		if !g.Reported[k] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	rest := 0
	for _, k := range keys {
		if g.formulaReports >= MaxFormulaReports {
			rest++
			continue
		}
		g.formulaProblem(rep, k[0], k[1], "单元格是公式%s，文件中没有它的计算结果，读到的是空白；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写内容")
	}
	switch {
	case g.formulasMore < 0:
		rep.Problem("", "工作表“%s”中没有计算结果的公式过多（只检查了前 %d 个，另有 %d 个未逐一列出）；请在 Excel 或 WPS 中打开、保存后再导入", g.Name, MaxFormulaCells, rest)
	case rest > 0:
		rep.Problem("", "另有 %d 个单元格是没有计算结果的公式，读到的是空白，未逐一列出；请在 Excel 或 WPS 中打开、保存后再导入", rest)
	}
}

// AddFormula records the formula cell (r, c) that has no calculated
// value (formula, without its =, shown in messages only; never
// evaluated), if it read as empty; the grid grows to hold it (a reader
// may leave out trailing empty rows).
func (g *SheetGrid) AddFormula(r, c int, formula string) {
	if r < 0 || c < 0 || r >= MaxGridRows || c >= MaxGridCols || g.at(r, c) != "" {
		return
	}
	if g.Formulas == nil {
		g.Formulas = map[[2]int]string{}
	}
	for len(g.Cells) <= r {
		g.Cells = append(g.Cells, nil)
	}
	text := strings.TrimPrefix(strings.TrimSpace(formula), "=")
	if rs := []rune(text); len(rs) > 60 {
		text = string(rs[:60]) + "…"
	}
	g.Formulas[[2]int{r, c}] = text
}

// FormulasCut notes that not all formula cells were looked at (a bound
// was reached).
func (g *SheetGrid) FormulasCut() { g.formulasMore = -1 }

// ClearFormulas forgets the formula cells recorded (a reader starting
// over).
func (g *SheetGrid) ClearFormulas() { g.Formulas = nil }

// cellName is the A1 name of column col and row row (both from 1), as a
// spreadsheet names a cell: 27, 3 is AA3.
func cellName(col, row int) string {
	var letters []byte
	for n := col; n > 0; n = (n - 1) / 26 {
		letters = append([]byte{byte('A' + (n-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}
