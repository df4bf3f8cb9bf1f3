package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetGrid is one sheet's cell texts with merged ranges filled in.
type sheetGrid struct {
	xf    *excelize.File
	name  string
	cells [][]string
	// mergeTop[r][c] is true when the cell is covered by a merged range
	// but is not its top-left cell.
	covered map[[2]int]bool
}

func (g *sheetGrid) at(r, c int) string {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.cells[r]) {
		return ""
	}
	return g.cells[r][c]
}

func (g *sheetGrid) addr(r, c int) string {
	a, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return g.name + "!" + a
}

func loadGrid(xf *excelize.File, sheet string) (*sheetGrid, error) {
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > maxSheetRows {
		return nil, fmt.Errorf("工作表“%s”有 %d 行，超过 %d 行的上限", sheet, len(rows), maxSheetRows)
	}
	g := &sheetGrid{xf: xf, name: sheet, cells: rows, covered: map[[2]int]bool{}}
	for i := range g.cells {
		if len(g.cells[i]) > maxSheetCols {
			g.cells[i] = g.cells[i][:maxSheetCols]
		}
	}
	merges, err := mergedRanges(xf, sheet)
	if err != nil {
		return nil, err
	}
	// Only the cells that hold data matter; a merged range is clamped to
	// them, and the cells filled in altogether are bounded.
	nrow, ncol := len(g.cells), 0
	for _, r := range g.cells {
		ncol = max(ncol, len(r))
	}
	budget := 4_000_000
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || r1 > nrow || c1 > ncol {
			continue
		}
		r2, c2 = min(r2, nrow), min(c2, ncol)
		if r2 < r1 || c2 < c1 {
			continue
		}
		if budget -= (r2 - r1 + 1) * (c2 - c1 + 1); budget < 0 {
			return nil, fmt.Errorf("工作表“%s”的合并单元格过多", sheet)
		}
		v := g.at(r1-1, c1-1)
		for r := r1 - 1; r < r2; r++ {
			for c := c1 - 1; c < c2; c++ {
				for len(g.cells[r]) <= c {
					g.cells[r] = append(g.cells[r], "")
				}
				g.cells[r][c] = v
				if r != r1-1 || c != c1-1 {
					g.covered[[2]int{r, c}] = true
				}
			}
		}
	}
	return g, nil
}

func (g *sheetGrid) cellsOf(r int) []string {
	if r < 0 || r >= len(g.cells) {
		return nil
	}
	return g.cells[r]
}

func rowEmpty(g *sheetGrid, r int) bool {
	for _, v := range g.cellsOf(r) {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// rowPlaceholder reports whether every non-empty cell of r (from column
// from on) is a placeholder like ".....".
func rowPlaceholder(g *sheetGrid, r int, cols []int) bool {
	any := false
	for _, c := range cols {
		v := strings.TrimSpace(g.at(r, c))
		if v == "" {
			continue
		}
		if !isPlaceholder(v) {
			return false
		}
		any = true
	}
	return any
}

func allEmpty(g *sheetGrid, r int, cols ...int) bool {
	for _, c := range cols {
		if c >= 0 && strings.TrimSpace(g.at(r, c)) != "" {
			return false
		}
	}
	return true
}
