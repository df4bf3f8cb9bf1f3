// Package limits holds the bounds every reader of an untrusted file
// shares (xlsx, .xls, .docx, PDF): the size of a file and of the cell
// table it gives. It is format-free, so that each format's package can
// use the same bounds without importing another format's package.
package limits

const (
	// MaxFileSize is the largest file read (export.MaxImportSize).
	MaxFileSize = 20 << 20
	// MaxSheetRows and MaxSheetCols bound the cell table read from one
	// sheet, Word table or PDF.
	MaxSheetRows = 200_000
	MaxSheetCols = 200
)
