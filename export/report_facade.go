package export

import "jixiao/export/internal/sheetread"

// The report of an import, made by the recognition (package sheetread)
// that reads a form from any file's cells.
type (
	// ImportReport says what ImportFile recognised and what it could not
	// use.
	ImportReport = sheetread.ImportReport
	// Problem is one thing the import could not use, with its cell.
	Problem = sheetread.Problem
	// Place is where a part of the form was read from.
	Place = sheetread.Place
)
