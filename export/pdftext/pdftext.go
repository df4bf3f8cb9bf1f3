// Package pdftext reads the text layer of a PDF: the positioned glyphs and
// ruling lines each page draws (read.go, content.go, font.go, lex.go), and
// the table rebuilt from them (table.go), as rows of cell texts. It knows
// nothing of the 申报表: export hands the table to the same recognition as
// a sheet's cells.
package pdftext

import (
	"errors"
	"strings"
)

// ErrPassword is returned by Read for a file that needs a password to open.
var ErrPassword = errPDFPassword

// Document is what Read found in a PDF: its pages and counts that tell a
// text PDF from a scanned one.
type Document struct {
	pages []pdfPage
	// Pages is the number of pages read.
	Pages int
	// Glyphs counts the non-blank characters drawn; Unknown those of them
	// whose text is not known (the font has no encoding: U+FFFD); Images
	// the images drawn.
	Glyphs, Unknown, Images int
	// Scanned lists the numbers (from 1) of the pages that draw images
	// but no text.
	Scanned []int
	// Encrypted is set when the file is encrypted but opens without a
	// password; TooBig when a bound was reached and only the pages before
	// it were read.
	Encrypted, TooBig bool
}

// Read reads the pages of data. A panic inside pdfcpu is returned as an
// error; ErrPassword when the file cannot be opened without a password.
func Read(data []byte) (*Document, error) {
	pages, rd, err := readPDF(data)
	if err != nil {
		return nil, err
	}
	d := &Document{pages: pages, Pages: len(pages), Encrypted: rd.encrypted, TooBig: rd.tooBig}
	for _, p := range pages {
		n := 0
		for _, g := range p.glyphs {
			if strings.TrimSpace(g.text) == "" {
				continue
			}
			n++
			if strings.ContainsRune(g.text, '\uFFFD') {
				d.Unknown++
			}
		}
		d.Glyphs += n
		d.Images += p.images
		if n == 0 && p.images > 0 {
			d.Scanned = append(d.Scanned, p.n)
		}
	}
	return d, nil
}

// Table is the grid rebuilt from a document's pages (table.go).
type Table struct {
	// Cells are the rows of cell texts; Merges the merged ranges, each
	// {top row, left column, bottom row, right column} (0-based).
	Cells  [][]string
	Merges [][4]int
	// Where names each row for messages: 第 N 页第 M 行.
	Where []string
	// Dropped counts the running header and footer lines left out.
	Dropped int
}

// Table rebuilds the grid of all pages; it refuses a page that does not
// look like a table (too many columns).
func (d *Document) Table() (*Table, error) {
	if d == nil {
		return nil, errors.New("no document")
	}
	rows, err := buildPDFRows(d.pages)
	if err != nil {
		return nil, err
	}
	return &Table{Cells: rows.cells, Merges: rows.merges, Where: rows.where, Dropped: rows.dropped}, nil
}
