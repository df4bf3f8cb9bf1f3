package export

import "jixiao/model/recognize"

// The report of an import, made by the recognition (model/recognize)
// that reads a form from any file's cells.
type (
	// ImportReport says what ImportFile recognised and what it could not
	// use.
	ImportReport = recognize.ImportReport
	// Problem is one thing the import could not use, with its cell.
	Problem = recognize.Problem
	// Place is where a part of the form was read from.
	Place = recognize.Place
)
