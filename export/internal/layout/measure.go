package layout

// Measuring wrapped text, once for both files: the xlsx's row heights (and
// so its page breaks) and the PDF's lines and row heights come from the
// same character widths, the same wrapping (wrapText) and the same rule
// for cells merged over several rows. Only the fonts' sizes, the line
// heights and the paddings differ between the two (textStyle).

import "unicode"

// PadX is a cell's padding left and right in points, in the PDF and in
// the xlsx's measured row heights alike.
const PadX = 3.0

// CharEm is the width of r in em (the font size) by character class. The
// widths are those of the bundled Noto Sans SC, rounded up within each
// class, so a line measured here never overflows in the PDF; Excel's and
// WPS's CJK fonts (宋体, 等线) are no wider.
func CharEm(r rune) float64 {
	switch {
	case r == '\n' || r == '\r':
		return 0
	case r == ' ' || r == '\'' || r == '.' || r == ',' || r == ':' || r == ';' || r == '!' || r == '|' || r == 'i' || r == 'j' || r == 'l' || r == 'I':
		return 0.34 // narrow
	case r >= '0' && r <= '9':
		return 0.56 // figures are all one width
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@' || r == '%' || r == '&':
		return 0.96 // the widest Latin letters and signs
	case r >= 'A' && r <= 'Z':
		return 0.75
	case r < 0x80:
		return 0.63 // other Latin letters and ASCII signs
	case r < 0x1100 && unicode.IsLetter(r):
		return 0.92 // accented Latin, Greek, Cyrillic (Ж is 0.9 em)
	}
	return 1 // CJK, full-width forms, symbols (≥ × ① ℃ …): one em
}

// TextStyle is how a cell's text is set: font size and line height in
// points, and the room above and below the lines together.
type TextStyle struct {
	Size, Line, Pad float64
}

// Wrap breaks text into the lines that fit width points at the style's size.
func (st TextStyle) Wrap(text string, width float64) []string {
	return WrapText(text, width, func(r rune) float64 { return CharEm(r) * st.Size })
}

// Lines is how many lines text takes in width points.
func (st TextStyle) Lines(text string, width float64) int { return len(st.Wrap(text, width)) }

// Height is the height of a cell of n lines.
func (st TextStyle) Height(n int) float64 { return float64(max(n, 1))*st.Line + st.Pad }

// SpanHeights lays rows out: every row is at least least high and as high
// as its tallest one-row cell (need(ri, ci) is the height the text of cell
// ci of row ri needs); a cell merged over several rows that needs more
// than those rows together grows the last of them.
func SpanHeights(rows []Lrow, least float64, need func(ri, ci int) float64) []float64 {
	h := make([]float64, len(rows))
	for ri := range rows {
		h[ri] = least
		for ci := range rows[ri].Cells {
			if rows[ri].Cells[ci].RowSpan == 1 {
				h[ri] = max(h[ri], need(ri, ci))
			}
		}
	}
	for ri := range rows {
		for ci := range rows[ri].Cells {
			c := &rows[ri].Cells[ci]
			if c.RowSpan <= 1 {
				continue
			}
			sum := 0.0
			for k := ri; k < ri+c.RowSpan; k++ {
				sum += h[k]
			}
			if n := need(ri, ci); n > sum {
				h[ri+c.RowSpan-1] += n - sum
			}
		}
	}
	return h
}
