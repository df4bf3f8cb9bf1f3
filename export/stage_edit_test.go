package export

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"jixiao/internal/testfiles"
)

// Sheet surgery as a clerk does it in a spreadsheet program: rows sorted,
// moved and deleted, columns inserted and dragged. Each cell moves with
// its value, type, style and formula. The helpers live in
// internal/testfiles (sheets.go), shared with the window's tests.

func getCell(t testing.TB, xf *excelize.File, sheet string, c, r int) testfiles.CellCopy {
	t.Helper()
	return testfiles.GetCell(t, xf, sheet, c, r)
}

func putCell(t testing.TB, xf *excelize.File, sheet string, c, r int, v testfiles.CellCopy) {
	t.Helper()
	testfiles.PutCell(t, xf, sheet, c, r, v)
}

func mapRefs(f string, fn func(col string, row int) (string, int)) string {
	return testfiles.MapRefs(f, fn)
}

func swapRows(t testing.TB, xf *excelize.File, sheet string, r1, r2 int) {
	t.Helper()
	testfiles.SwapRows(t, xf, sheet, r1, r2)
}

func swapCols(t testing.TB, xf *excelize.File, sheet string, c1, c2 int) {
	t.Helper()
	testfiles.SwapCols(t, xf, sheet, c1, c2)
}

func colName(c int) string { return testfiles.ColName(c) }

func sortRowsBy(t testing.TB, xf *excelize.File, sheet string, rows []int, c int) {
	t.Helper()
	testfiles.SortRowsBy(t, xf, sheet, rows, c)
}

func insertCol(t testing.TB, xf *excelize.File, sheet string, c int, head string) {
	t.Helper()
	testfiles.InsertCol(t, xf, sheet, c, head)
}

func permuteRows(t testing.TB, xf *excelize.File, sheet string, rows, perm []int) {
	t.Helper()
	testfiles.PermuteRows(t, xf, sheet, rows, perm)
}
