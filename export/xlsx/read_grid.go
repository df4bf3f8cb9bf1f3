package xlsx

import (
	"github.com/xuri/excelize/v2"

	"jixiao/export/internal/sheetread"
	"jixiao/model"
)

// loadGrid reads sheet of an .xlsx onto the recognition's grid: stored
// values as typed (storedValues), formula cells without a value, merged
// ranges.
func loadGrid(xf *excelize.File, sheet string) (*sheetread.SheetGrid, error) {
	rows, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if len(rows) > maxSheetRows {
		return nil, model.Errorf(model.EINVALID, "工作表“%s”有 %d 行，超过 %d 行的上限", sheet, len(rows), maxSheetRows)
	}
	g := &sheetread.SheetGrid{Name: sheet, Cells: rows, Covered: map[[2]int]bool{}, Reported: map[[2]int]bool{}}
	for i := range g.Cells {
		if len(g.Cells[i]) > maxSheetCols {
			g.Cells[i] = g.Cells[i][:maxSheetCols]
		}
	}
	storedValues(xf, sheet, g.Cells)
	g.FindFormulas(rawSheetXML(xf, sheet))
	merges, err := mergedRanges(xf, sheet)
	if err != nil {
		return nil, err
	}
	var coords [][4]int
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 == nil && err2 == nil {
			coords = append(coords, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
		}
	}
	if err := g.FillMerges(coords); err != nil {
		return nil, err
	}
	return g, nil
}

// rawSheetXML is the raw XML of sheet as stored in the package; nil when it
// is not there.
func rawSheetXML(xf *excelize.File, sheet string) []byte {
	path := SheetPaths(xf)[sheet]
	if path == "" {
		return nil
	}
	raw, ok := xf.Pkg.Load(path)
	if !ok {
		return nil
	}
	b, _ := raw.([]byte)
	return b
}
